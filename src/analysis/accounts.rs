//! Attribution: which sentences give which party's own account of the call.
//!
//! A sentence is a party's account when it reports that party's words: a
//! reporting verb or phrase ("said", "urged", "according to", "the readout")
//! whose source the lexicon ties to a party in the call. The source decides,
//! not the subject: "According to the Chinese readout, Biden said ..." is
//! China's account. Offices, readouts and state media outrank what a leader
//! is said to have said, so "Zelensky thanked Macron, the Elysée said" is
//! France's. A sentence with no cue of its own may continue the account
//! before it; background ("Russia has warned ...", "Zelensky recently said")
//! is nobody's account of this call.

use super::lexicon::{Lexicon, PartyId, Role};
use super::mentions::{Kind, Mention, Parsed};
use super::report;

/// Verbs and verb phrases of reported speech.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "stressed",
    "stresses",
    "stressing",
    "urged",
    "urges",
    "urging",
    "added",
    "adds",
    "adding",
    "noted",
    "noting",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "emphasizing",
    "emphasising",
    "underlined",
    "underlines",
    "underscored",
    "underscores",
    "stated",
    "declared",
    "declares",
    "assured",
    "assures",
    "insisted",
    "insists",
    "insisting",
    "argued",
    "argues",
    "arguing",
    "claimed",
    "claims",
    "claiming",
    "warned",
    "warns",
    "warning",
    "reiterated",
    "reiterates",
    "reiterating",
    "expressed",
    "expresses",
    "expressing",
    "voiced",
    "confirmed",
    "confirms",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "proposed",
    "proposes",
    "suggested",
    "suggests",
    "agreed",
    "agree",
    "agrees",
    "accused",
    "accuses",
    "accusing",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "condemned",
    "condemns",
    "welcomed",
    "welcomes",
    "thanked",
    "thanks",
    "informed",
    "briefed",
    "raised",
    "raises",
    "asked",
    "asks",
    "demanded",
    "demands",
    "requested",
    "reaffirmed",
    "reaffirms",
    "recalled",
    "explained",
    "described",
    "describes",
    "mentioned",
    "announced",
    "announces",
    "highlighted",
    "highlights",
    "acknowledged",
    "admitted",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "invited",
    "offered",
    "vowed",
    "vows",
    "asserted",
    "maintained",
    "complained",
    "conveyed",
    "congratulated",
    "reported",
    "wrote",
    "writes",
    "hoped",
    "hopes",
    "expects",
    "expected",
    "voiced",
    "outlined",
    "presented",
    "repeated",
    "reassured",
    "objected",
    "signalled",
    "signaled",
    "appealed",
    "pressed",
    "cautioned",
    "characterized",
    "characterised",
    "quoted",
    "cited",
    "continued",
    "deplored",
    "regretted",
    "lamented",
];

/// Verbs that may come before their source: "..., said the Elysée".
const INVERTED: &[&str] = &[
    "said",
    "says",
    "added",
    "noted",
    "stated",
    "wrote",
    "continued",
    "stressed",
    "reported",
];

/// Words that may stand between a source and its verb: "Macron also
/// said", "the Kremlin read aloud claimed", "Putin on Monday told".
const GLUE: &[&str] = &[
    "also",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "would",
    "then",
    "again",
    "later",
    "further",
    "repeatedly",
    "reportedly",
    "himself",
    "herself",
    "itself",
    "on",
    "in",
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
    "for",
    "part",
    "separately",
    "first",
    "once",
    "immediately",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "night",
    "morning",
    "evening",
    "afternoon",
    "statement",
    "readout",
    "read",
    "aloud",
    "personally",
    "directly",
    "clearly",
    "strongly",
    "firmly",
    "publicly",
    "explicitly",
    "allegedly",
    "too",
    "both",
    "recently",
    "earlier",
    "previously",
    "subsequently",
    "reiterated",
    "had",
    "been",
    "duly",
    "briefly",
    "openly",
    "frankly",
    "warmly",
    "reportedly",
    "all",
    "during",
    "call",
    "conversation",
    "talks",
    "the",
    "phone",
    "telephone",
    "which",
];

/// Markers of another time or occasion than the call.
const BACKGROUND: &[&[&str]] = &[
    &["recently"],
    &["earlier", "this"],
    &["earlier", "in"],
    &["last", "week"],
    &["last", "month"],
    &["last", "year"],
    &["previously"],
    &["in", "the", "past"],
    &["ago"],
    &["has", "long"],
    &["have", "long"],
    &["had", "long"],
    &["has", "repeatedly"],
    &["have", "repeatedly"],
    &["has", "since"],
    &["have", "since"],
    &["has", "yet", "to"],
    &["have", "yet", "to"],
    &["in", "an", "interview"],
    &["in", "a", "speech"],
    &["in", "his", "speech"],
    &["in", "her", "speech"],
    &["at", "a", "news", "conference"],
    &["at", "a", "press", "conference"],
    &["on", "a", "visit"],
    &["during", "a", "visit"],
    &["during", "his", "visit"],
    &["during", "her", "visit"],
    &["at", "a", "summit"],
    &["at", "the", "summit"],
    &["since", "the", "start"],
    &["since", "the", "launch"],
    &["since", "the", "beginning"],
    &["in", "an", "op-ed"],
    &["has", "been"],
    &["have", "been"],
];

/// Words that tie a sentence to this call.
fn mentions_the_call(s: &Parsed) -> bool {
    report::call_words(s).strong()
        || s.has(&["the", "two", "leaders"])
        || s.has(&["both", "leaders"])
        || s.has(&["the", "conversation"])
        || s.has(&["the", "talks"])
}

/// How much a source speaks for its government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// The country or its capital: "Russia said".
    Weak,
    /// A leader or minister said to have said it.
    Person,
    /// An office, a readout, state media, a spokesperson.
    Official,
}

#[derive(Debug, Clone, Copy)]
struct Source {
    party: Option<PartyId>,
    strength: Strength,
    /// Where the mention starts, and its verb or phrase.
    at: usize,
    verb: usize,
    /// A present perfect ("has warned"): general, unless the call is named.
    perfect: bool,
    /// In the tense of a report ("said", "told"), not a standing position ("insists").
    past: bool,
    generic: bool,
    pronoun: bool,
}

fn is_speech(s: &Parsed, i: usize) -> bool {
    let t = &s.tokens[i];
    if t.quoted {
        return false;
    }
    let w = t.lower.as_str();
    if w == "called" || w == "calls" || w == "call" || w == "calling" {
        return matches!(s.word(i + 1), "for" | "on" | "upon");
    }
    if w == "pointed" {
        return s.word(i + 1) == "out";
    }
    if w == "spoke" {
        return s.word(i + 1) == "of";
    }
    SPEECH.contains(&w)
}

fn strength(m: &Mention, lex: &Lexicon) -> Strength {
    match m.kind {
        Kind::Office(_) | Kind::Media(_) | Kind::Generic => Strength::Official,
        Kind::Person(p) if lex.people[p].role == Role::Spokesperson => Strength::Official,
        Kind::Person(_) | Kind::Role(..) | Kind::Pronoun => Strength::Person,
        Kind::Country(_) => Strength::Weak,
    }
}

/// A person mentioned together with their office ("Macron's office") is
/// the office speaking.
fn speaking_mentions(s: &Parsed) -> Vec<Mention> {
    let ms = &s.mentions;
    ms.iter()
        .enumerate()
        .filter(|(i, m)| {
            let office_of_person = matches!(m.kind, Kind::Person(_))
                && ms
                    .get(i + 1)
                    .is_some_and(|n| n.start == m.start && matches!(n.kind, Kind::Office(_)));
            !m.quoted && !office_of_person
        })
        .map(|(_, m)| *m)
        .collect()
}

fn past_tense(w: &str) -> bool {
    w.ends_with("ed") || matches!(w, "said" | "told" | "wrote" | "spoke" | "made" | "gave")
}

/// Every source of reported speech in a sentence, in order.
fn sources(s: &Parsed, lex: &Lexicon) -> Vec<Source> {
    let ms = speaking_mentions(s);
    let n = s.tokens.len();
    let mut out: Vec<Source> = Vec::new();
    let mut used = vec![false; ms.len()];
    let add = |out: &mut Vec<Source>, m: &Mention, verb: usize, strength: Strength| {
        let perfect = (m.end..verb).any(|k| matches!(s.word(k), "has" | "have"));
        out.push(Source {
            party: m.party(lex),
            strength,
            at: m.start,
            verb,
            perfect,
            past: past_tense(s.word(verb)) || s.word(verb) == "according",
            generic: m.kind == Kind::Generic,
            pronoun: m.kind == Kind::Pronoun,
        });
    };
    for v in 0..n {
        // "according to the Kremlin", "according to a Chinese readout".
        if s.word(v) == "according" && s.word(v + 1) == "to" && !s.tokens[v].quoted {
            if let Some((k, m)) = ms
                .iter()
                .enumerate()
                .find(|(_, m)| m.start > v + 1 && m.start <= v + 6)
            {
                used[k] = true;
                let st = strength(m, lex).max(Strength::Person);
                let st = if matches!(m.kind, Kind::Country(_)) {
                    Strength::Official
                } else {
                    st
                };
                add(&mut out, m, v, st);
            }
            continue;
        }
        if !is_speech(s, v) {
            continue;
        }
        // The source before its verb, with only glue between.
        let before = ms.iter().enumerate().rev().find(|(_, m)| m.end <= v);
        if let Some((k, m)) = before
            && (m.end..v).all(|j| {
                GLUE.contains(&s.word(j))
                    && !(j > m.end && s.tokens[j].after_break && s.word(j) != "in")
            })
            && !(m.end < v && s.tokens[m.end].after_break && !matches!(s.word(m.end), "on" | "in"))
        {
            if !used[k] {
                used[k] = true;
                add(&mut out, m, v, strength(m, lex));
            }
            continue;
        }
        // "..., said the Elysée", "said Macron's office".
        if INVERTED.contains(&s.word(v))
            && (v == 0 || s.tokens[v].after_break)
            && let Some((k, m)) = ms
                .iter()
                .enumerate()
                .find(|(_, m)| m.start > v && m.start <= v + 2)
            && (v + 1..m.start).all(|j| matches!(s.word(j), "the" | "a" | "an"))
        {
            used[k] = true;
            add(&mut out, m, v, strength(m, lex));
        }
    }
    // A readout or statement is an account wherever it stands.
    for (k, m) in ms.iter().enumerate() {
        if m.document && !used[k] && !matches!(m.kind, Kind::Generic) {
            add(&mut out, m, m.end.saturating_sub(1), Strength::Official);
        }
    }
    out.sort_by_key(|s| s.at);
    out
}

/// Words of the sentence outside quotations.
fn unquoted_has(s: &Parsed, words: &[&str]) -> bool {
    (0..s.tokens.len()).any(|i| {
        words.len() + i <= s.tokens.len()
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| s.tokens[i + k].lower == *w && !s.tokens[i + k].quoted)
    })
}

fn background(s: &Parsed) -> bool {
    BACKGROUND.iter().any(|b| unquoted_has(s, b))
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

/// The parties of the call whose account each sentence gives. `paragraph`
/// holds each sentence's paragraph index; `parties` are the call's.
pub fn attribute(
    parsed: &[Parsed],
    paragraph: &[usize],
    parties: &[PartyId],
    lex: &Lexicon,
) -> Vec<Vec<PartyId>> {
    let mut out: Vec<Vec<PartyId>> = vec![Vec::new(); parsed.len()];
    // Which government issued the last statement or readout: "the statement said" is theirs.
    let mut last_official: Option<PartyId> = None;
    // How many sentences an account has run on without a cue of its own.
    let mut carried = 0;
    for (i, s) in parsed.iter().enumerate() {
        let found = sources(s, lex);
        let has_cue = !found.is_empty() || (0..s.tokens.len()).any(|k| is_speech(s, k));
        let same_paragraph = i > 0 && paragraph[i - 1] == paragraph[i];
        let previous: &[PartyId] = if i > 0 { &out[i - 1] } else { &[] };

        // Resolve generic offices and pronouns from context.
        let in_sentence_official = found
            .iter()
            .filter(|f| f.strength == Strength::Official && !f.generic)
            .find_map(|f| f.party.filter(|p| parties.contains(p)));
        let mut chosen: Vec<(PartyId, Source)> = Vec::new();
        for f in &found {
            let party = if f.generic {
                in_sentence_official.or(last_official)
            } else if f.pronoun {
                (previous.len() == 1 && (same_paragraph || i > 0)).then(|| previous[0])
            } else {
                f.party
            };
            if let Some(p) = party.filter(|p| parties.contains(p)) {
                chosen.push((p, *f));
            }
        }
        // Within a clause, a later person is what the first source reports:
        // in "Macron said Putin agreed" only Macron speaks.
        let mut kept: Vec<(PartyId, Source)> = Vec::new();
        for (p, f) in chosen {
            let reported = kept.iter().any(|(_, k)| {
                k.verb < f.at && !(k.verb + 1..=f.at).any(|j| s.tokens[j].after_break)
            });
            if reported && f.strength < Strength::Official {
                continue;
            }
            kept.push((p, f));
        }
        let top = kept.iter().map(|(_, f)| f.strength).max();
        let names_the_call = mentions_the_call(s);
        let names_other_participant = |speaker: PartyId| {
            s.mentions.iter().any(|m| {
                m.party(lex)
                    .is_some_and(|p| p != speaker && parties.contains(&p))
            })
        };
        let mut result: Vec<PartyId> = Vec::new();
        for (p, f) in &kept {
            if Some(f.strength) != top {
                continue;
            }
            // Standing positions and general statements are no account of the call.
            if f.strength < Strength::Official
                && f.perfect
                && !names_the_call
                && !names_other_participant(*p)
            {
                continue;
            }
            if f.strength == Strength::Weak
                && !(f.past && (names_the_call || names_other_participant(*p)))
            {
                continue;
            }
            if !result.contains(p) {
                result.push(*p);
            }
        }
        if background(s) && !names_the_call {
            result.clear();
        }
        if result.is_empty()
            && !has_cue
            && same_paragraph
            && !previous.is_empty()
            && carried < 2
            && !background(s)
            && !turns_away(s)
        {
            // No cue of its own: it goes on with the account before it, unless
            // it names another government's office.
            let other_office = s.mentions.iter().any(|m| {
                matches!(m.kind, Kind::Office(_) | Kind::Media(_))
                    && m.party(lex).is_some_and(|p| !previous.contains(&p))
            });
            if !other_office {
                result = previous.to_vec();
                carried += 1;
            }
        } else {
            carried = 0;
        }
        if let Some(p) = kept
            .iter()
            .filter(|(_, f)| f.strength == Strength::Official && !f.generic)
            .map(|(p, _)| *p)
            .next_back()
        {
            last_official = Some(p);
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
people = [{ name = "Emmanuel Macron", aliases = ["Macron"], role = "president", from = 2017 }]
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
        let lex = Lexicon::from_toml(LEX, "").unwrap();
        let parties: Vec<PartyId> = call.iter().map(|c| lex.party_id(c).unwrap()).collect();
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
        attribute(&parsed, &paragraph, &parties, &lex)
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
}
