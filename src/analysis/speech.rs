//! Reported speech in one sentence: who is said to have said something,
//! by which verb or phrase ("said", "urged", "according to", "the
//! readout"), and how much that source speaks for its government.

use super::lexicon::{Lexicon, PartyId, Role};
use super::mentions::{Kind, Mention, Parsed};
use super::text::WordSet;

/// Verbs and verb phrases of reported speech.
static SPEECH: WordSet = WordSet::new(&[
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
    "complained",
    "conveyed",
    "congratulated",
    "reported",
    "wrote",
    "writes",
    "hoped",
    "hopes",
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
    "deplored",
    "regretted",
    "lamented",
    "referred",
    "replied",
    "responded",
    "posted",
    "tweeted",
    "remarked",
    "commented",
    "reaffirming",
    "assessed",
    "briefing",
    "elaborated",
    "detailed",
    "recounted",
    "relayed",
    "greeted",
    "addressed",
    "hailed",
    "praised",
    "lauded",
    "complimented",
    "briefed",
]);

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
    "according",
    // Translated copy: "..., informed the Palácio do Planalto."
    "informed",
    "announced",
    "confirmed",
    "declared",
];

/// Words that may stand between a source and its verb: "Macron also
/// said", "the Kremlin read aloud claimed", "Putin on Monday told".
static GLUE: WordSet = WordSet::new(&[
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
    "been",
    "duly",
    "briefly",
    "openly",
    "frankly",
    "warmly",
    "all",
    "during",
    "call",
    "conversation",
    "talks",
    "phone",
    "telephone",
    "which",
    "reiterated",
    "had",
]);

/// How much a source speaks for its government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Strength {
    /// The country or its capital: "Russia said".
    Weak,
    /// A leader or minister said to have said it.
    Person,
    /// An office, a readout, state media, a spokesperson.
    Official,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Source {
    pub(super) kind: Kind,
    pub(super) party: Option<PartyId>,
    pub(super) strength: Strength,
    /// Where the mention starts, and its verb or phrase.
    pub(super) at: usize,
    pub(super) verb: usize,
    /// A present perfect ("has warned"): general, unless the call is named.
    pub(super) perfect: bool,
    /// In the tense of a report ("said", "told"), not a standing position ("insists").
    pub(super) past: bool,
}

pub(super) fn is_speech(s: &Parsed, i: usize) -> bool {
    let t = &s.tokens[i];
    if t.quoted {
        return false;
    }
    let w = t.lower.as_str();
    match w {
        // "called for", "called on"; "called the talks productive".
        "called" | "calls" | "call" | "calling" => {
            matches!(s.word(i + 1), "for" | "on" | "upon")
                // "called it a \"good call\"", not "called it off".
                || (w == "called"
                    && s.word(i + 1) == "it"
                    && !matches!(s.word(i + 2), "off" | "quits"))
                || (w == "called"
                    && matches!(s.word(i + 1), "the" | "it" | "this" | "that")
                    && matches!(
                        s.word(i + 2),
                        "conversation"
                            | "call"
                            | "talks"
                            | "meeting"
                            | "exchange"
                            | "discussion"
                            | ""
                    ))
        }
        "pointed" => s.word(i + 1) == "out",
        // "made clear", "made it clear".
        "made" | "makes" | "making" => {
            s.word(i + 1) == "clear" || (s.word(i + 1) == "it" && s.word(i + 2) == "clear")
        }
        "spoke" | "speaks" => s.word(i + 1) == "of",
        // "keep promises", "its demands": nouns, unless someone stands before them.
        "promises" | "demands" | "claims" | "thanks" | "hopes" | "notes" | "adds" | "warns"
        | "urges" | "says" | "tells" | "insists" | "argues" | "stresses" | "welcomes"
        | "rejects" => {
            let before = i.checked_sub(1).map(|j| &s.tokens[j]);
            before.is_some_and(|b| {
                b.capital
                    || matches!(
                        b.lower.as_str(),
                        "he" | "she" | "it" | "also" | "then" | "now" | "further"
                    )
                    || s.mentions.iter().any(|m| m.end == i)
            })
        }
        _ => SPEECH.contains(w),
    }
}

pub(super) fn strength(m: &Mention, lex: &Lexicon) -> Strength {
    match m.kind {
        Kind::Office(_) | Kind::Media(_) | Kind::Generic(_) | Kind::Both | Kind::It => {
            Strength::Official
        }
        // Spokespeople, advisers and briefing officials speak for the government.
        Kind::Person(p) if matches!(lex.people[p].role, Role::Spokesperson | Role::Official) => {
            Strength::Official
        }
        Kind::Person(_) | Kind::Role(..) | Kind::BareRole(_) | Kind::Pronoun => Strength::Person,
        Kind::Country(_) => Strength::Weak,
    }
}

/// A person mentioned together with their office ("Macron's office") is
/// the office speaking.
pub(super) fn speaking_mentions(s: &Parsed) -> Vec<Mention> {
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

pub(super) fn past_tense(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "said" | "told" | "wrote" | "spoke" | "made" | "gave" | "according"
        )
}

/// The tokens between a source and its verb are glue, or an aside set off by
/// commas: "Xi, for his part, told", "The Kremlin, in its readout, said".
pub(super) fn joined(s: &Parsed, from: usize, verb: usize) -> bool {
    if from == verb {
        return true;
    }
    // "presidential spokesperson Kang Yu-jung said": a name the lexicon does
    // not know, after a title that speaks.
    const TITLES: &[&str] = &[
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "adviser",
        "advisor",
        "aide",
        "official",
        "secretary",
        "minister",
        "ambassador",
        "envoy",
        "counsellor",
        "director",
    ];
    if from > 0 && TITLES.contains(&s.word(from - 1)) {
        let names = (from..verb)
            .take_while(|&j| s.tokens[j].capital && !s.tokens[j].quoted)
            .count();
        if names > 0 && names <= 3 && joined(s, from + names, verb) {
            return true;
        }
    }
    let glue = (from..verb).all(|j| {
        GLUE.contains(s.word(j)) && (!s.tokens[j].after_break || matches!(s.word(j), "on" | "in"))
    });
    if glue {
        return true;
    }
    // An aside: a break right after the source and right before the verb.
    verb - from <= 12
        && s.tokens[from].after_break
        && s.tokens[verb].after_break
        && (from + 1..verb).all(|j| !s.tokens[j].after_break && !s.tokens[j].quoted)
}

/// A speech verb in a conditional ("If the U.S. insists ...") reports nothing.
pub(super) fn conditional(s: &Parsed, v: usize) -> bool {
    let clause_start = (0..=v)
        .rev()
        .find(|&j| j == 0 || s.tokens[j].after_break)
        .unwrap_or(0);
    matches!(s.word(clause_start), "if" | "unless" | "whether" | "should")
}

/// The source standing after an inverted verb: "..., said the Elysée.",
/// "said the Kremlin in a statement", not "said Israel's response ...".
fn inverted_source(s: &Parsed, ms: &[Mention], v: usize) -> Option<usize> {
    if !INVERTED.contains(&s.word(v)) || !(v == 0 || s.tokens[v].after_break) {
        return None;
    }
    let (k, m) = ms
        .iter()
        .enumerate()
        .find(|(_, m)| m.start > v && m.start <= v + 2)?;
    let ends = s.tokens.get(m.end).is_none_or(|t| {
        t.after_break
            || matches!(
                t.lower.as_str(),
                "in" | "on" | "after" | "adding" | "citing"
            )
    });
    ((v + 1..m.start).all(|j| matches!(s.word(j), "the" | "a" | "an")) && ends).then_some(k)
}

/// Every source of reported speech in a sentence, in order.
pub(super) fn sources(s: &Parsed, lex: &Lexicon) -> Vec<Source> {
    let ms = speaking_mentions(s);
    let n = s.tokens.len();
    let mut out: Vec<Source> = Vec::new();
    let mut used = vec![false; ms.len()];
    let add = |out: &mut Vec<Source>, m: &Mention, verb: usize, strength: Strength| {
        let perfect = (m.end..verb).any(|k| matches!(s.word(k), "has" | "have"));
        out.push(Source {
            kind: m.kind,
            party: m.party(lex),
            strength,
            at: m.start,
            verb,
            perfect,
            past: past_tense(s.word(verb)),
        });
    };
    for v in 0..n {
        // "according to the Kremlin", "according to a statement by the Prime Minister's Office".
        if s.word(v) == "according" && s.word(v + 1) == "to" && !s.tokens[v].quoted {
            let near: Vec<(usize, &Mention)> = ms
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.start > v + 1
                        && m.start <= v + 8
                        && !matches!(m.kind, Kind::Pronoun | Kind::It)
                })
                .collect();
            // A named government first, then a generic office.
            let pick = near
                .iter()
                .find(|(_, m)| m.party(lex).is_some())
                .or_else(|| {
                    near.iter()
                        .find(|(_, m)| !matches!(m.kind, Kind::Generic("")))
                })
                .or(near.first());
            if let Some(&(k, m)) = pick {
                used[k] = true;
                add(&mut out, m, v, Strength::Official);
            }
            continue;
        }
        if !is_speech(s, v) || conditional(s, v) {
            continue;
        }
        // "..., during 30 minutes, informed the Planalto.": an office right
        // after a verb that opens its clause and ending it is the source,
        // whatever stands before.
        let inverted = inverted_source(s, &ms, v);
        if let Some(k) = inverted
            && matches!(ms[k].kind, Kind::Office(_) | Kind::Media(_))
        {
            if !used[k] {
                used[k] = true;
                add(&mut out, &ms[k], v, strength(&ms[k], lex));
            }
            continue;
        }
        // The source before its verb.
        let before = ms.iter().enumerate().rev().find(|(_, m)| m.end <= v);
        if let Some((k, m)) = before
            && joined(s, m.end, v)
        {
            if !used[k] {
                used[k] = true;
                add(&mut out, m, v, strength(m, lex));
            }
            continue;
        }
        // "..., said the Elysée", "said Macron's office".
        if let Some(k) = inverted {
            used[k] = true;
            add(&mut out, &ms[k], v, strength(&ms[k], lex));
        }
    }
    // A readout or statement is an account wherever it stands.
    for (k, m) in ms.iter().enumerate() {
        // "a line that did not appear in the White House account": no source.
        let denied = (m.start.saturating_sub(6)..m.start).any(|j| {
            matches!(
                s.word(j),
                "not" | "no" | "never" | "without" | "nor" | "neither"
            )
        });
        if m.document && !used[k] && m.party(lex).is_some() && !denied {
            add(&mut out, m, m.end.saturating_sub(1), Strength::Official);
        }
    }
    out.sort_by_key(|s| s.at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEX: &str = r#"
[[party]]
name = "France"
adjectives = ["French"]
offices = ["Elysee"]
people = [{ name = "Emmanuel Macron", aliases = ["Macron"], role = "president", from = 2017 }]
[[party]]
name = "Israel"
names = ["Israel"]
people = [{ name = "Benjamin Netanyahu", aliases = ["Netanyahu"], role = "prime minister" }]
[[party]]
name = "United States"
adjectives = ["U.S."]
people = [{ name = "Antony Blinken", aliases = ["Blinken"], role = "foreign minister" }]
"#;

    /// The mention text and verb of every source in `s`.
    fn who(s: &str) -> Vec<(String, String)> {
        let lex = Lexicon::from_toml(LEX, "").unwrap();
        let p = Parsed::new(s, &lex);
        sources(&p, &lex)
            .into_iter()
            .map(|f| {
                let m = p.mentions.iter().find(|m| m.start == f.at).unwrap();
                (
                    p.folded[p.tokens[m.start].start..p.tokens[m.end - 1].end].to_string(),
                    p.word(f.verb).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_source_before_its_verb_with_glue_or_an_aside_between() {
        assert_eq!(
            who("Macron also said so."),
            [("Macron".into(), "said".into())]
        );
        assert_eq!(
            who(
                "Blinken, speaking at NATO headquarters in Brussels before the call, said Israel's response would be watched."
            ),
            [("Blinken".into(), "said".into())]
        );
    }

    #[test]
    fn a_verb_before_its_source_only_when_the_source_ends_the_clause() {
        assert_eq!(
            who("“We agree,” said the Elysee."),
            [("Elysee".into(), "said".into())]
        );
        assert!(who("Then, said Israel's envoy, the talks went on.").is_empty());
    }

    #[test]
    fn an_unknown_name_after_a_speaking_title_still_speaks() {
        assert_eq!(
            who("French government spokeswoman Maud Bregeon said the call was useful."),
            [("French government spokeswoman".into(), "said".into())]
        );
    }

    #[test]
    fn made_clear_reports_speech_and_made_alone_does_not() {
        assert_eq!(
            who("Macron made clear that France expected more."),
            [("Macron".into(), "made".into())]
        );
        assert_eq!(
            who("Macron made it clear that France expected more."),
            [("Macron".into(), "made".into())]
        );
        assert!(who("Macron made a visit to Israel.").is_empty());
    }

    #[test]
    fn an_office_after_a_verb_that_opens_its_clause_is_the_source() {
        assert_eq!(
            who("Macron spoke with Blinken, during 30 minutes, informed the Elysee."),
            [("Elysee".into(), "informed".into())]
        );
    }

    #[test]
    fn calling_it_a_good_call_is_speech() {
        assert_eq!(
            who("In a post on X, Macron called it a \"good call\"."),
            [("Macron".into(), "called".into())]
        );
        assert!(who("Macron called it off.").is_empty());
    }

    #[test]
    fn a_verb_in_a_condition_has_no_source() {
        assert!(who("If Israel insists on it, the talks will fail.").is_empty());
    }
}
