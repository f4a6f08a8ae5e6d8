//! Attribution: which sentences give which party's own account of the call.
//!
//! A sentence is a party's account when it reports that party's words: a
//! reporting verb or phrase ("said", "urged", "according to", "the readout")
//! whose source the lexicon ties to a party in the call. The source decides,
//! not the subject: "According to the Chinese readout, Biden said ..." is
//! China's account. Offices, readouts and state media outrank what a leader
//! is said to have said, so "Zelensky thanked Macron, the Elysée said" is
//! France's. A sentence with no cue of its own may continue the account
//! before it; background ("Russia has warned ...", "Zelensky recently said",
//! another day, another call) is nobody's account of this call. An article
//! from a government's own state media is that government's account
//! throughout, save what it credits to the other side's officials.

use chrono::NaiveDate;

use super::dates;
use super::lexicon::{Lexicon, PartyId, PersonId, Role};
use super::mentions::{Kind, Mention, Parsed};
use super::report;
use super::speech::{Source, Strength, conditional, is_speech, sources};

/// What attribution needs to know of the call and the article.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The call's parties and the people who spoke, in the same order.
    pub parties: &'a [PartyId],
    pub people: &'a [PersonId],
    /// The day of the call and of publication, to tell other days apart.
    pub date: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    /// The party whose state media published the article, if so.
    pub outlet: Option<PartyId>,
    /// The government of the dateline's city ("SEOUL, June 6 —"): whose
    /// "presidential office" an unplaced one is.
    pub home: Option<PartyId>,
}

/// Words that tie a sentence to this call.
fn mentions_the_call(s: &Parsed) -> bool {
    report::call_words(s).strong()
        || s.has(&["the", "two", "leaders"])
        || s.has(&["both", "leaders"])
        || s.has(&["the", "conversation"])
        || s.has(&["the", "talks"])
        || s.has(&["the", "two", "presidents"])
        || s.has(&["the", "two", "heads", "of", "state"])
        || s.has(&["both", "heads", "of", "state"])
        || s.has(&["the", "pair"])
        || s.has(&["the", "leaders"])
        || s.has(&["the", "two", "sides"])
        || s.has(&["both", "sides"])
}

/// Another time than the call's: a background phrase, or a date before the
/// call's day, set before `before` (the first verb of reported speech): a
/// time at the head of a sentence dates all of it, one after the verb may
/// belong to what was said.
fn elsewhere_in_time(s: &Parsed, ctx: &Context<'_>, before: usize) -> bool {
    if dates::other_time_at(s).is_some_and(|at| at < before) {
        return true;
    }
    let (Some(published), Some(day)) = (ctx.published, ctx.date) else {
        return false;
    };
    dates::find(&s.tokens, published)
        .iter()
        .any(|f| f.at < before && !f.bounded && !s.tokens[f.at].quoted && f.date < day)
        || dates::other_month_at(&s.tokens, published).is_some_and(|at| at < before)
}

/// A source whose words are dated to another time than the call, by the
/// words around its verb: "said last week", "said on Friday", "had earlier said".
fn said_elsewhere(s: &Parsed, f: &Source, ctx: &Context<'_>) -> bool {
    let from = f.verb.saturating_sub(2);
    let to = (f.verb + 4).min(s.tokens.len());
    let near = |w: &[&str]| {
        (from..to).any(|i| {
            w.len() + i <= s.tokens.len() && w.iter().enumerate().all(|(k, x)| s.word(i + k) == *x)
        })
    };
    if (from..to).any(|i| dates::other_time_starts(s, i)) || near(&["earlier"]) {
        return true;
    }

    let (Some(published), Some(day)) = (ctx.published, ctx.date) else {
        return false;
    };
    dates::find(&s.tokens, published)
        .iter()
        .any(|d| (from..to).contains(&d.at) && !d.bounded && d.date < day)
}

/// The words came through the speaker's own channel: a post, a tweet,
/// remarks to reporters, a statement of their own.
fn own_channel(s: &Parsed) -> bool {
    const CHANNELS: &[&[&str]] = &[
        &["post"],
        &["posted"],
        &["tweet"],
        &["tweeted"],
        &["truth", "social"],
        &["telegram"],
        &["told", "reporters"],
        &["told", "journalists"],
        &["to", "reporters"],
        &["to", "journalists"],
        &["twitter"],
        &["interview"],
        &["wrote"],
        &["press", "conference"],
        &["news", "conference"],
        &["briefing"],
    ];
    CHANNELS.iter().any(|w| s.has(w)) || s.tokens.iter().any(|t| t.lower == "x" && t.capital)
}

/// A verb of speech other than agreeing ("the two presidents agreed" is
/// what a readout says of both; "critics noted" is someone else talking).
fn speaks_but_agrees(s: &Parsed) -> bool {
    (0..s.tokens.len()).any(|k| {
        is_speech(s, k) && !conditional(s, k) && !matches!(s.word(k), "agreed" | "agree" | "agrees")
    })
}

/// The sentence names an office or state media of another government than `outlet`.
fn names_an_office_of_other_than(s: &Parsed, lex: &Lexicon, outlet: Option<PartyId>) -> bool {
    s.mentions.iter().any(|m| {
        matches!(m.kind, Kind::Office(_) | Kind::Media(_))
            && m.party(lex).is_some_and(|p| Some(p) != outlet)
    })
}

/// A sentence that starts by turning away from what came before.
fn turns_away(s: &Parsed) -> bool {
    matches!(
        s.word(0),
        "however"
            | "but"
            | "meanwhile"
            | "separately"
            | "earlier"
            | "since"
            | "last"
            | "in"
            | "yet"
    )
}

/// The sentence is about someone's exchange with a third government's
/// leader ("Modi told Zelensky ...", "Starmer later held a call with Biden"),
/// not about this call.
fn another_exchange(s: &Parsed, lex: &Lexicon, ctx: &Context<'_>) -> bool {
    let outsider = |m: &Mention| match m.kind {
        Kind::Person(p) => {
            let person = &lex.people[p];
            person.role != Role::Spokesperson && !ctx.parties.contains(&person.party)
        }
        _ => false,
    };
    let participants = s
        .mentions
        .iter()
        .filter(|m| match m.kind {
            Kind::Person(p) => ctx.people.contains(&p),
            Kind::Role(party, ..) => ctx.parties.contains(&party),
            _ => false,
        })
        .count();
    // "spoke with NATO Secretary General Mark Rutte": a name the lexicon
    // does not know, spoken with, and no one of the call in it.
    let unknown_spoken_with = (0..s.tokens.len()).any(|j| {
        matches!(s.word(j), "with" | "to")
            && (j.saturating_sub(3)..j).any(|x| {
                matches!(
                    s.word(x),
                    "spoke" | "talked" | "call" | "conversation" | "phone"
                )
            })
            && {
                let run = (j + 1..s.tokens.len().min(j + 7))
                    .take_while(|&x| s.tokens[x].capital && !s.tokens[x].quoted)
                    .count();
                run >= 2
                    && !s.mentions.iter().any(|m| {
                        m.start > j
                            && m.start <= j + run
                            && match m.kind {
                                Kind::Person(p) => ctx.people.contains(&p),
                                Kind::Role(party, ..)
                                | Kind::Office(party)
                                | Kind::Country(party) => ctx.parties.contains(&party),
                                _ => true,
                            }
                    })
            }
    });
    if unknown_spoken_with && participants <= 1 {
        return true;
    }
    s.mentions.iter().enumerate().any(|(k, m)| {
        outsider(m) && !m.quoted && {
            let before = m.start.checked_sub(1).map(|j| s.word(j)).unwrap_or("");
            let before2 = m.start.checked_sub(2).map(|j| s.word(j)).unwrap_or("");
            // Spoken to or called: "told Zelensky", "a call with Biden",
            // "spoke to Zelensky" — not any "with Trump".
            const TALK: &[&str] = &[
                "spoke",
                "talked",
                "call",
                "calls",
                "conversation",
                "talks",
                "met",
                "speak",
                "phone",
                "held",
                "had",
            ];
            let talked = |j: Option<usize>| {
                j.is_some_and(|j| (j.saturating_sub(3)..j).any(|x| TALK.contains(&s.word(x))))
            };
            let object = matches!(before, "told" | "called" | "phoned" | "telephoned")
                || (matches!(before, "with" | "to") && talked(m.start.checked_sub(1)))
                || (matches!(before2, "with" | "to") && talked(m.start.checked_sub(2)))
                || matches!(before2, "told" | "called" | "phoned")
                || (k > 0
                    && s.mentions[k - 1].end == m.start
                    && matches!(s.mentions[k - 1].kind, Kind::Role(..)));
            object && participants <= 1
        }
    })
}

/// The parties of the call whose account each sentence gives. `paragraph`
/// holds each sentence's paragraph index.
pub fn attribute(
    parsed: &[Parsed],
    paragraph: &[usize],
    ctx: &Context<'_>,
    lex: &Lexicon,
) -> Vec<Vec<PartyId>> {
    let parties = ctx.parties;
    let mut out: Vec<Vec<PartyId>> = vec![Vec::new(); parsed.len()];
    // Which government issued the last statement or readout: "the statement said" is theirs.
    let mut last_official: Option<PartyId> = None;
    // Which office was named last, speaking or not: "It said ..." is theirs.
    let mut last_office: Option<PartyId> = None;
    // How many sentences an account has run on without a cue of its own.
    let mut carried = 0;
    // Whether the sentence before was an office's account (a readout narrating both leaders).
    let mut previous_official = false;
    // The person who spoke first in the sentence before, for "he said".
    let mut previous_speaker: Option<PartyId> = None;
    // The other side speaking in its own voice in state media ("Biden told
    // reporters ..."): what that person says next is still theirs.
    let mut own_voice: Option<PartyId> = None;
    // The party whose participant holds a title: "the president", "the Prime Minister's Office".
    let holder = |title: &str| -> Option<PartyId> {
        let mut found = ctx
            .people
            .iter()
            .filter(|&&p| title.is_empty() || lex.people[p].title == title);
        let first = found.next()?;
        found.next().is_none().then(|| lex.people[*first].party)
    };
    for (i, s) in parsed.iter().enumerate() {
        let found = sources(s, lex);
        // "They welcomed ...", "The two Prime Ministers also discussed ...":
        // a readout narrating both leaders, whose verb has no source of its own.
        let plural_subject = s.word(0) == "they"
            || (s.word(0) == "the" && s.word(1) == "two")
            || (s.word(0) == "both" && matches!(s.word(1), "leaders" | "sides" | "men"))
            || (s.word(0) == "the" && matches!(s.word(1), "leaders" | "presidents"));
        let has_cue = !found.is_empty()
            || (!plural_subject
                && (0..s.tokens.len()).any(|k| is_speech(s, k) && !conditional(s, k)));
        let same_paragraph = i > 0 && paragraph[i - 1] == paragraph[i];
        let previous: Vec<PartyId> = if i > 0 {
            out[i - 1].clone()
        } else {
            Vec::new()
        };

        // Resolve generic offices, bare roles and pronouns from context.
        let in_sentence_official = found
            .iter()
            .filter(|f| f.strength == Strength::Official && f.party.is_some())
            .find_map(|f| f.party.filter(|p| parties.contains(p)));
        let mut chosen: Vec<(PartyId, Source)> = Vec::new();
        // "The Kremlin, in its readout, said": a generic document is that of
        // the office named just before it.
        let office_before = |at: usize| {
            s.mentions
                .iter()
                .filter(|m| {
                    // "In Moscow, the foreign ministry said": a capital set
                    // before the office as where it spoke, opening its clause
                    // (not "the conflict in Ukraine, the office said").
                    let place = matches!(m.kind, Kind::Country(_))
                        && m.start > 0
                        && s.word(m.start - 1) == "in"
                        && (m.start == 1 || s.tokens[m.start - 1].after_break)
                        && s.tokens.get(m.end).is_some_and(|t| t.after_break);
                    // "its readout", "their statement": the office named before.
                    let possessive = matches!(s.word(at), "its" | "their");
                    m.end <= at
                        && !m.quoted
                        && ((possessive && matches!(m.kind, Kind::Office(_) | Kind::Media(_)))
                            || place)
                })
                .filter_map(|m| m.party(lex))
                .rfind(|p| parties.contains(p))
        };
        // "Merkel spoke with Putin ..., her spokesman said": the office of
        // the one the sentence is about, who is named first.
        let possessor = |at: usize| {
            // The mention starts at its determiner.
            if !matches!(s.word(at), "his" | "her") {
                return None;
            }
            s.mentions
                .iter()
                .find(|m| {
                    m.end <= at && !m.quoted && matches!(m.kind, Kind::Person(_) | Kind::Role(..))
                })
                .and_then(|m| m.party(lex))
                .filter(|p| parties.contains(p))
        };
        // "Carney extended the invitation ..., the Prime Minister's Office
        // said", with a prime minister on each side: the office of the one
        // the sentence names first.
        let first_holder = |title: &str, at: usize| {
            s.mentions
                .iter()
                .filter(|m| m.end <= at && !m.quoted)
                .find_map(|m| match m.kind {
                    Kind::Person(p) if ctx.people.contains(&p) && lex.people[p].title == title => {
                        Some(lex.people[p].party)
                    }
                    _ => None,
                })
        };
        let outlet = ctx.outlet.filter(|o| parties.contains(o));
        for f in &found {
            // Said at another time than the call: "said last week", "said on Friday".
            if said_elsewhere(s, f, ctx) {
                continue;
            }
            let resolved: Vec<PartyId> = match f.kind {
                Kind::Generic(title) => office_before(f.at)
                    .or_else(|| possessor(f.at))
                    .or_else(|| (!title.is_empty()).then(|| holder(title)).flatten())
                    .or_else(|| {
                        (!title.is_empty())
                            .then(|| first_holder(title, f.at))
                            .flatten()
                    })
                    .or(in_sentence_official)
                    .or(last_official)
                    .or(ctx.home.filter(|h| parties.contains(h)))
                    .into_iter()
                    .collect(),
                Kind::BareRole(title) => holder(title)
                    .or_else(|| (previous.len() == 1).then(|| previous[0]))
                    .into_iter()
                    .collect(),
                // "he wrote": the one who spoke first in the sentence before.
                Kind::Pronoun => previous_speaker
                    .filter(|_| !previous.is_empty())
                    .or_else(|| (previous.len() == 1).then(|| previous[0]))
                    .into_iter()
                    .collect(),
                Kind::It => last_office.or(last_official).into_iter().collect(),
                // State media's "both sides" are what the state media say;
                // "both sides agreed" in a readout goes on being that readout.
                Kind::Both => match outlet {
                    Some(o) if !matches!(s.word(f.verb), "said" | "says" | "stated") => vec![o],
                    None if !matches!(
                        s.word(f.verb),
                        "said" | "says" | "noted" | "stated" | "confirmed" | "reported"
                    ) && previous_official
                        && previous.len() == 1 =>
                    {
                        previous.clone()
                    }
                    _ => parties.to_vec(),
                },
                _ => f.party.into_iter().collect(),
            };
            for p in resolved {
                if parties.contains(&p) {
                    chosen.push((p, *f));
                }
            }
        }
        // Within a clause, a later person is what the first source reports:
        // in "Macron said Putin agreed" only Macron speaks.
        let mut kept: Vec<(PartyId, Source)> = Vec::new();
        for (p, f) in chosen {
            // "..., calling it a friendly call in which Sheinbaum agreed":
            // a relative clause is still what the first source reports.
            let relative = f.at >= 1
                && matches!(
                    s.word(f.at - 1),
                    "which" | "that" | "who" | "whom" | "where" | "whereby"
                );
            let reported = kept.iter().any(|(_, k)| {
                k.verb < f.at && (relative || !(k.verb + 1..=f.at).any(|j| s.tokens[j].after_break))
            });
            if reported && f.strength < Strength::Official {
                continue;
            }
            kept.push((p, f));
        }
        // State media speak for their government, whoever they quote, save
        // what they credit to the other side's own officials.
        let voice = |p: PartyId| {
            kept.iter()
                .any(|(q, f)| *q == p && f.strength == Strength::Person)
        };
        let in_own_voice = own_voice.is_some_and(voice);
        own_voice = None;
        if let Some(outlet) = ctx.outlet.filter(|o| parties.contains(o)) {
            let other_official = kept
                .iter()
                .any(|(p, f)| *p != outlet && f.strength == Strength::Official);
            if own_channel(s) || in_own_voice {
                own_voice = kept
                    .iter()
                    .map(|(p, _)| *p)
                    .find(|p| *p != outlet && voice(*p));
            } else if !other_official {
                for (p, f) in &mut kept {
                    if f.strength == Strength::Person {
                        *p = outlet;
                    }
                }
            }
        }
        let top = kept.iter().map(|(_, f)| f.strength).max();
        let names_the_call = mentions_the_call(s);
        // Another participant named in person, not just their country.
        let names_other_participant = |speaker: PartyId| {
            s.mentions.iter().any(|m| {
                matches!(m.kind, Kind::Person(_) | Kind::Role(..))
                    && m.party(lex)
                        .is_some_and(|p| p != speaker && parties.contains(&p))
            })
        };
        // "While the White House said ..., Zelensky insisted ...": a contrast
        // sets the two sides' sources side by side, whatever their rank.
        let contrast = matches!(s.word(0), "while" | "whereas")
            && kept.iter().any(|(q, _)| kept.iter().any(|(r, _)| q != r));
        let mut result: Vec<PartyId> = Vec::new();
        for (p, f) in &kept {
            if Some(f.strength) != top && !contrast {
                continue;
            }
            // Standing positions and general statements are no account of the call.
            if f.perfect && !names_the_call && !names_other_participant(*p) {
                continue;
            }
            // A minister who was not on the call speaks of the call, or of
            // the other side, or of something else ("Ebrard warned that a
            // tariff war could cost 400,000 jobs").
            let bystander = f.strength <= Strength::Official
                && match f.kind {
                    // Advisers and officials brief on their leader's calls;
                    // other leaders and ministers speak for themselves.
                    Kind::Person(x) => {
                        !ctx.people.contains(&x)
                            && (matches!(lex.people[x].role, Role::Leader | Role::ForeignMinister)
                                || matches!(
                                    lex.people[x].title.as_str(),
                                    "minister" | "defence minister" | "vice president"
                                ))
                    }
                    // "Mexico's Economy Secretary": no one on the call holds the role.
                    Kind::Role(party, role, _) => !ctx
                        .people
                        .iter()
                        .any(|&x| lex.people[x].party == party && lex.people[x].role == role),
                    _ => false,
                };
            if bystander && !names_the_call && !names_other_participant(*p) {
                continue;
            }
            if f.strength == Strength::Weak
                && !(f.past && !f.perfect && (names_the_call || names_other_participant(*p)))
            {
                continue;
            }
            if !result.contains(p) {
                result.push(*p);
            }
        }
        // A readout narrating what the leaders said goes on being that readout.
        if top == Some(Strength::Person)
            && previous_official
            && same_paragraph
            && previous.len() == 1
            && !own_channel(s)
        {
            result = previous.clone();
        }
        let first_verb = found.iter().map(|f| f.verb).min().unwrap_or(usize::MAX);
        // "Earlier, the spokesman said Moscow keeps contacts with all sides":
        // agency copy's background, unless it tells of the call or its people.
        let earlier_aside = matches!(s.word(0), "earlier" | "previously")
            && s.tokens.get(1).is_some_and(|t| t.after_break)
            && !names_the_call
            && !result.iter().any(|&p| names_other_participant(p));
        let elsewhere = (elsewhere_in_time(s, ctx, first_verb) && !names_the_call)
            || earlier_aside
            || report::about_another_call(s);
        // "Kremlin version", "Beijing's account": a subheading, alone in
        // its paragraph, without a verb's full stop, tells nothing itself.
        let alone = (i == 0 || paragraph[i - 1] != paragraph[i])
            && paragraph.get(i + 1).is_none_or(|&q| q != paragraph[i]);
        let heading = alone
            && s.tokens.len() <= 4
            && !s
                .folded
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}']);
        if elsewhere || heading || another_exchange(s, lex, ctx) {
            result.clear();
        }
        let carries = result.is_empty()
            && !has_cue
            && !elsewhere
            && !turns_away(s)
            && !another_exchange(s, lex, ctx);
        if carries && same_paragraph && !previous.is_empty() && carried < 2 {
            // No cue of its own: it goes on with the account before it, unless
            // it names another government's office.
            let other_office = s.mentions.iter().any(|m| {
                matches!(m.kind, Kind::Office(_) | Kind::Media(_))
                    && m.party(lex).is_some_and(|p| !previous.contains(&p))
            });
            if !other_office {
                result = previous.clone();
                carried += 1;
            }
        } else if result.is_empty()
            && found.is_empty()
            && !speaks_but_agrees(s)
            && !elsewhere_in_time(s, ctx, usize::MAX)
            && !names_an_office_of_other_than(s, lex, outlet)
            && !elsewhere
            && !turns_away(s)
            && !another_exchange(s, lex, ctx)
            && let Some(outlet) = outlet
            // Narration that names a leader belongs to the account it goes on
            // with; after a break ("On October 4, Zelensky enacted ...") it is
            // the agency's background.
            && (names_the_call
                || plural_subject
                || (!previous.is_empty()
                    && s.mentions.iter().any(|m| match m.kind {
                        Kind::Person(p) => ctx.people.contains(&p),
                        Kind::Role(p, ..) | Kind::Office(p) => parties.contains(&p),
                        _ => false,
                    })))
        {
            // State media's own narration of the call.
            result = vec![outlet];
        } else {
            carried = 0;
        }
        previous_official = top == Some(Strength::Official) && !result.is_empty();
        previous_speaker = kept
            .iter()
            .find(|(p, f)| {
                result.contains(p)
                    && matches!(
                        f.kind,
                        Kind::Person(_) | Kind::Role(..) | Kind::Pronoun | Kind::BareRole(_)
                    )
            })
            .map(|(p, _)| *p);
        if let Some(p) = kept
            .iter()
            .filter(|(_, f)| f.strength == Strength::Official && f.kind != Kind::Both)
            .map(|(p, _)| *p)
            .next_back()
        {
            last_official = Some(p);
        }
        if let Some(p) = s
            .mentions
            .iter()
            .filter(|m| !m.quoted && matches!(m.kind, Kind::Office(_) | Kind::Media(_)))
            .filter_map(|m| m.party(lex))
            .rfind(|p| parties.contains(p))
        {
            last_office = Some(p);
        }
        out[i] = result;
    }
    // An opening quotation that closes in the next sentence shares its source.
    for i in (0..parsed.len().saturating_sub(1)).rev() {
        if out[i].is_empty()
            && !out[i + 1].is_empty()
            && paragraph[i] == paragraph[i + 1]
            && parsed[i].tokens.last().is_some_and(|t| t.quoted)
        {
            out[i] = out[i + 1].clone();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEX: &str = r#"
[[party]]
name = "France"
names = ["France"]
adjectives = ["French"]
places = ["Paris"]
offices = ["Elysee", "Elysee Palace"]
people = [{ name = "Emmanuel Macron", aliases = ["Macron"], role = "president", from = 2017 },
          { name = "Bruno Le Maire", aliases = ["Le Maire"], role = "minister", from = 2017 }]
[[party]]
name = "Russia"
names = ["Russia"]
adjectives = ["Russian"]
places = ["Moscow"]
offices = ["Kremlin"]
media = ["TASS"]
people = [{ name = "Vladimir Putin", aliases = ["Putin"], role = "president", from = 2000 },
          { name = "Dmitry Peskov", aliases = ["Peskov"], role = "spokesperson" }]
[[party]]
name = "Ukraine"
names = ["Ukraine"]
adjectives = ["Ukrainian"]
places = ["Kyiv", "Kiev"]
people = [{ name = "Volodymyr Zelensky", aliases = ["Zelensky"], role = "president", from = 2019 }]
[[party]]
name = "China"
adjectives = ["Chinese"]
media = ["Xinhua"]
people = [{ name = "Xi Jinping", aliases = ["Xi"], role = "president", from = 2013 }]
[[party]]
name = "United States"
names = ["United States"]
adjectives = ["U.S.", "American"]
offices = ["White House"]
people = [{ name = "Joe Biden", aliases = ["Biden"], role = "president", from = 2021, to = 2025 }]
"#;

    /// Attribute each paragraph's sentences (one sentence per string,
    /// paragraphs separated by "|") for a call between `call`.
    fn who(call: &[&str], sentences: &[&str]) -> Vec<Vec<String>> {
        who_in(call, sentences, None)
    }

    /// [`who`] for an article of `outlet`'s state media, on a call held on
    /// Tuesday 3 May 2022 and published that day.
    fn who_in(call: &[&str], sentences: &[&str], outlet: Option<&str>) -> Vec<Vec<String>> {
        let lex = Lexicon::from_toml(LEX, "").unwrap();
        let parties: Vec<PartyId> = call.iter().map(|c| lex.party_id(c).unwrap()).collect();
        let people: Vec<PersonId> = parties
            .iter()
            .map(|&p| lex.office_holder(p, Role::Leader, "leader", None).unwrap())
            .collect();
        let day = chrono::NaiveDate::from_ymd_opt(2022, 5, 3);
        let ctx = Context {
            parties: &parties,
            people: &people,
            date: day,
            published: day,
            outlet: outlet.and_then(|o| lex.party_id(o)),
            home: None,
        };
        let mut para = 0;
        let mut paragraph = Vec::new();
        let mut parsed = Vec::new();
        for s in sentences {
            if *s == "|" {
                para += 1;
                continue;
            }
            paragraph.push(para);
            parsed.push(Parsed::new(s, &lex));
        }
        attribute(&parsed, &paragraph, &ctx, &lex)
            .into_iter()
            .map(|ps| {
                ps.into_iter()
                    .map(|p| lex.parties[p].name.clone())
                    .collect()
            })
            .collect()
    }

    const FR_RU: &[&str] = &["France", "Russia"];

    #[test]
    fn an_office_that_said_it_gives_its_party() {
        assert_eq!(
            who(FR_RU, &["Macron urged a ceasefire, the Elysee said."]),
            [["France"]]
        );
        assert_eq!(
            who(
                FR_RU,
                &["Macron also “urged Russia to act,” said the Elysee."]
            ),
            [["France"]]
        );
        assert_eq!(
            who(
                FR_RU,
                &["The Kremlin read aloud claimed that forces shelled towns."]
            ),
            [["Russia"]]
        );
    }

    #[test]
    fn the_source_wins_over_the_subject() {
        assert_eq!(
            who(
                &["China", "United States"],
                &["According to the Chinese readout, Biden said he did not seek conflict."]
            ),
            [["China"]]
        );
        assert_eq!(
            who(
                &["France", "Ukraine"],
                &[
                    "Zelensky thanked the French leader for the aid, the Elysee Palace said in a statement."
                ]
            ),
            [["France"]]
        );
    }

    #[test]
    fn a_subheading_naming_an_office_is_no_account() {
        let lex = Lexicon::bundled();
        let parsed: Vec<Parsed> = ["Kremlin version", "The Kremlin said Putin urged talks."]
            .iter()
            .map(|t| Parsed::new(t, &lex))
            .collect();
        let parties: Vec<PartyId> = ["France", "Russia"]
            .iter()
            .map(|p| lex.party_id(p).unwrap())
            .collect();
        let ctx = Context {
            parties: &parties,
            people: &[],
            date: None,
            published: None,
            outlet: None,
            home: None,
        };
        let got = attribute(&parsed, &[0, 1], &ctx, &lex);
        assert_eq!(got[0], Vec::<PartyId>::new());
        assert_eq!(got[1], vec![lex.party_id("Russia").unwrap()]);
    }

    #[test]
    fn a_minister_off_the_call_speaks_for_the_call_only_when_naming_it() {
        assert_eq!(
            who(
                FR_RU,
                &["French Economy Minister Bruno Le Maire warned that sanctions would bite."]
            ),
            [Vec::<String>::new()]
        );
        assert_eq!(
            who(
                FR_RU,
                &[
                    "Le Maire said the call had been frank and that Macron had asked for a ceasefire."
                ]
            ),
            [["France"]]
        );
    }

    #[test]
    fn an_office_both_leaders_could_hold_is_that_of_the_one_named_first() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "Macron raised the grain blockade in a call with Putin, the president's office said."
                ]
            ),
            [["France"]]
        );
    }

    #[test]
    fn a_talk_with_someone_off_the_call_is_another_exchange() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "Later, Macron also spoke with NATO Secretary General Mark Rutte about the summit, the Elysee said."
                ]
            ),
            [Vec::<String>::new()]
        );
    }

    #[test]
    fn they_welcomed_goes_on_with_the_readout_before_it() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "The Elysee said Macron urged a ceasefire.",
                    "They welcomed the exchange of prisoners."
                ]
            ),
            [["France"], ["France"]]
        );
    }

    #[test]
    fn a_contrast_keeps_both_sides_whatever_their_rank() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "While the Elysee said Macron urged a ceasefire, Putin insisted that the West was to blame."
                ]
            ),
            [["France", "Russia"]]
        );
    }

    #[test]
    fn one_sentence_can_carry_both_accounts() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "While Macron said he wanted to “lift the blockade,” Putin argued that sanctions were to blame."
                ]
            ),
            [["France", "Russia"]]
        );
    }

    #[test]
    fn a_person_inside_what_another_reports_is_not_a_source() {
        assert_eq!(
            who(
                FR_RU,
                &["The Kremlin said Putin told Macron that talks were possible."]
            ),
            [["Russia"]]
        );
        assert_eq!(
            who(FR_RU, &["Macron said Putin had agreed to talks."]),
            [["France"]]
        );
    }

    #[test]
    fn the_statement_belongs_to_whoever_issued_the_last_one() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "Macron's office said he asked for a ceasefire.",
                    "|",
                    "“Putin confirmed his willingness,” the statement said."
                ]
            ),
            [["France"], ["France"]]
        );
    }

    #[test]
    fn a_sentence_with_no_cue_continues_the_account_before_it() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "The Kremlin said Ukrainian forces shelled towns.",
                    "This could be stopped if the West stopped arming Kyiv."
                ]
            ),
            [["Russia"], ["Russia"]]
        );
        // Not across paragraphs.
        assert_eq!(
            who(
                FR_RU,
                &[
                    "The Kremlin said Ukrainian forces shelled towns.",
                    "|",
                    "Hundreds of civilians are trapped."
                ]
            ),
            [vec!["Russia"], vec![]]
        );
    }

    #[test]
    fn background_is_nobody_s_account() {
        let none: Vec<Vec<String>> = vec![vec![]];
        assert_eq!(
            who(
                &["France", "Ukraine"],
                &["Zelensky recently said that partners had begun to send weapons."]
            ),
            none
        );
        assert_eq!(
            who(
                FR_RU,
                &["Russia has warned the West against arming Ukraine."]
            ),
            none
        );
        assert_eq!(who(FR_RU, &["The Kremlin has yet to comment."]), none);
        assert_eq!(
            who(
                FR_RU,
                &["He has insisted on stepping up sanctions against Moscow."]
            ),
            none
        );
        assert_eq!(
            who(
                &["France", "Ukraine"],
                &["Kiev insists that the offensive was unprovoked."]
            ),
            none
        );
    }

    #[test]
    fn a_party_outside_the_call_gives_no_account() {
        assert_eq!(
            who(
                &["France", "Ukraine"],
                &["The Kremlin said the talks were useless."]
            ),
            vec![Vec::<String>::new()]
        );
    }

    #[test]
    fn state_media_and_spokespeople_speak_for_their_government() {
        assert_eq!(
            who(
                &["China", "United States"],
                &["Xi said the two sides should cooperate, Xinhua reported."]
            ),
            [["China"]]
        );
        assert_eq!(
            who(FR_RU, &["Peskov told reporters the call was businesslike."]),
            [["Russia"]]
        );
    }

    #[test]
    fn an_opening_quote_takes_the_source_of_its_close() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "“We agreed to keep talking.",
                    "We will continue,” Putin said."
                ]
            ),
            [["Russia"], ["Russia"]]
        );
    }

    #[test]
    fn state_media_narrate_for_their_government_whoever_they_quote() {
        assert_eq!(
            who_in(
                &["China", "United States"],
                &[
                    "Biden said the United States does not seek a new Cold War.",
                    "|",
                    "The two presidents agreed to stay in touch."
                ],
                Some("China")
            ),
            [["China"], ["China"]]
        );
    }

    #[test]
    fn his_office_is_the_office_of_the_one_named_first() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "The Kremlin said the talks were frank.",
                    "|",
                    "Macron spoke by phone with Putin on Tuesday, his office said."
                ]
            ),
            [["Russia"], ["France"]]
        );
    }

    #[test]
    fn state_media_background_after_a_break_is_no_account() {
        assert_eq!(
            who_in(
                &["China", "United States"],
                &[
                    "Xi said China opposes any interference.",
                    "|",
                    "Exports rose by a tenth in the first half of the year.",
                    "|",
                    "On Tuesday, Biden signed an order on chip exports."
                ],
                Some("China")
            ),
            [vec!["China"], vec![], vec![]]
        );
    }

    #[test]
    fn the_other_side_speaking_to_reporters_in_state_media_keeps_its_own_voice() {
        assert_eq!(
            who_in(
                &["China", "United States"],
                &[
                    "Speaking to reporters on Tuesday, Biden said the call was candid.",
                    "|",
                    "Biden said Xi still wanted a deal.",
                    "|",
                    "Biden said the United States does not seek a new Cold War.",
                ],
                Some("China")
            ),
            [["United States"], ["United States"], ["United States"]]
        );
    }

    #[test]
    fn generic_offices_go_to_the_participant_with_that_title_or_the_office_named_before() {
        assert_eq!(
            who(
                FR_RU,
                &["The presidential office said the talks were frank."]
            ),
            vec![Vec::<String>::new()]
        );
        assert_eq!(
            who(
                FR_RU,
                &["The Kremlin, in its readout, said Macron had called first."]
            ),
            [["Russia"]]
        );
        assert_eq!(
            who(
                FR_RU,
                &["In Moscow, the foreign ministry said the call was useful."]
            ),
            [["Russia"]]
        );
        // A country named inside the clause is what was discussed, not where.
        assert_eq!(
            who(
                &["France", "Ukraine"],
                &[
                    "The Elysee said Macron had called Zelensky.",
                    "The two leaders discussed the war in Ukraine, the presidential office said."
                ]
            ),
            [["France"], ["France"]]
        );
    }

    #[test]
    fn both_sides_said_is_both_and_both_sides_agreed_continues_a_readout() {
        assert_eq!(
            who(FR_RU, &["Both sides said the talks would go on."]),
            [["France", "Russia"]]
        );
        assert_eq!(
            who(
                FR_RU,
                &[
                    "The Kremlin said Putin explained his position.",
                    "Both sides agreed to keep in touch."
                ]
            ),
            [["Russia"], ["Russia"]]
        );
    }

    #[test]
    fn words_dated_to_another_day_are_no_account_of_the_call() {
        let none: Vec<Vec<String>> = vec![vec![]];
        assert_eq!(
            who(FR_RU, &["Putin said last week that the West was to blame."]),
            none
        );
        // The call was on Tuesday; Monday is another day.
        assert_eq!(
            who(FR_RU, &["Macron said on Monday that he would call Putin."]),
            none
        );
        assert_eq!(
            who(
                FR_RU,
                &["Earlier, the Kremlin said Moscow keeps contacts with all sides."]
            ),
            none
        );
        // Unless it tells of the call: agencies report each side in turn.
        assert_eq!(
            who(
                FR_RU,
                &["Earlier, the Kremlin said Putin had urged Macron to act."]
            ),
            [["Russia"]]
        );
        // A time that qualifies a noun dates nothing.
        assert_eq!(
            who(FR_RU, &["Macron said he wanted last week's deal honoured."]),
            [["France"]]
        );
    }

    #[test]
    fn an_exchange_with_a_third_government_is_not_this_call() {
        assert_eq!(
            who(
                FR_RU,
                &["The Elysee said Macron told Zelensky that France would help."]
            ),
            vec![Vec::<String>::new()]
        );
    }

    #[test]
    fn a_speech_verb_in_a_condition_is_no_cue_and_the_account_runs_on() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "Putin warned Macron against arming Kyiv, the Kremlin said.",
                    "If Paris insists on it, Moscow will respond."
                ]
            ),
            [["Russia"], ["Russia"]]
        );
    }

    #[test]
    fn a_readout_narrating_the_other_leader_stays_the_readout_unless_they_spoke_on_their_own() {
        assert_eq!(
            who(
                FR_RU,
                &[
                    "The Kremlin said the call was frank.",
                    "Macron asked Putin to spare civilians."
                ]
            ),
            [["Russia"], ["Russia"]]
        );
        assert_eq!(
            who(
                FR_RU,
                &[
                    "The Kremlin said the call was frank.",
                    "Macron wrote in a post on X that he had asked Putin to spare civilians."
                ]
            ),
            [["Russia"], ["France"]]
        );
    }
}
