//! Mentions: where a sentence names a government or someone who speaks for
//! it. Lexicon phrases are combined with the English around them: "French"
//! plus "president" is France's leader, "Macron's office" speaks for France,
//! "the statement" speaks for whoever issued the last one.

use super::lexicon::{Entity, Lexicon, PartyId, PersonId, Role};
use super::text::Token;

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A named person: "French President Emmanuel Macron", "Macron".
    Person(PersonId),
    /// A person by role: "the French president", "his Ukrainian counterpart".
    Role(PartyId, Role, &'static str),
    /// An institution or its document: "the Elysee", "Macron's office",
    /// "the Chinese readout", "the Russian foreign ministry".
    Office(PartyId),
    /// State media relaying readouts: TASS, Xinhua.
    Media(PartyId),
    /// The country or its capital: "Russia", "Moscow". A weak source.
    Country(PartyId),
    /// An office or document whose government the context tells: "the
    /// presidential office", "the statement", "the readout". The title it
    /// names ("president", "prime minister") helps tell whose it is.
    Generic(&'static str),
    /// A person by bare role, "the president", "the prime minister": whoever
    /// in the call holds that title.
    BareRole(&'static str),
    /// "Both sides", "the two sides": every party to the call.
    Both,
    /// "he", "she": the speaker of the sentence before.
    Pronoun,
    /// "it": the office that spoke last.
    It,
}

/// One mention in a sentence's tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Inside a quotation.
    pub quoted: bool,
    /// The mention ends with a document noun (readout, statement, version):
    /// it is an account in itself.
    pub document: bool,
}

impl Mention {
    pub fn party(&self, lex: &Lexicon) -> Option<PartyId> {
        match self.kind {
            Kind::Person(p) => Some(lex.people[p].party),
            Kind::Role(p, ..) | Kind::Office(p) | Kind::Media(p) | Kind::Country(p) => Some(p),
            Kind::Generic(_) | Kind::BareRole(_) | Kind::Both | Kind::Pronoun | Kind::It => None,
        }
    }
}

/// Role nouns after a demonym: "the Russian leader", "Chinese Foreign Minister".
const ROLE_NOUNS: &[(&[&str], Role, &str)] = &[
    (&["head", "of", "state"], Role::Leader, "leader"),
    (&["head", "of", "government"], Role::Leader, "leader"),
    (&["prime", "minister"], Role::Leader, "prime minister"),
    (
        &["foreign", "minister"],
        Role::ForeignMinister,
        "foreign minister",
    ),
    (
        &["foreign", "secretary"],
        Role::ForeignMinister,
        "foreign minister",
    ),
    (
        &["secretary", "of", "state"],
        Role::ForeignMinister,
        "foreign minister",
    ),
    (
        &["top", "diplomat"],
        Role::ForeignMinister,
        "foreign minister",
    ),
    (&["crown", "prince"], Role::Leader, "crown prince"),
    (&["president"], Role::Leader, "president"),
    (&["leader"], Role::Leader, "leader"),
    (&["premier"], Role::Leader, "prime minister"),
    (&["chancellor"], Role::Leader, "chancellor"),
    (&["king"], Role::Leader, "monarch"),
    (&["counterpart"], Role::Leader, "leader"),
    (&["head"], Role::Leader, "leader"),
];

/// Nouns that make an institution of a demonym, a country or a person:
/// "the French presidency", "Russia's foreign ministry", "Macron's office".
const OFFICE_NOUNS: &[&[&str]] = &[
    &["leader", "'s", "office"],
    &["president", "'s", "office"],
    &["prime", "minister", "'s", "office"],
    &["presidential", "office"],
    &["presidential", "palace"],
    &["presidential", "administration"],
    &["foreign", "ministry"],
    &["foreign", "office"],
    &["ministry", "of", "foreign", "affairs"],
    &["defence", "ministry"],
    &["defense", "ministry"],
    &["state", "media"],
    &["state", "television"],
    &["state", "tv"],
    &["state", "news", "agency"],
    &["news", "agency"],
    &["press", "service"],
    &["press", "office"],
    &["press", "secretary"],
    &["communications", "directorate"],
    &["directorate", "of", "communications"],
    &["communications", "office"],
    &["government", "spokesman"],
    &["government", "spokeswoman"],
    &["government", "spokesperson"],
    &["presidency"],
    &["directorate"],
    &["government"],
    &["administration"],
    &["ministry"],
    &["office"],
    &["side"],
    &["readout"],
    &["statement"],
    &["version"],
    &["account"],
    &["summary"],
    &["transcript"],
    &["officials"],
    &["official"],
    &["embassy"],
    &["spokesman"],
    &["spokeswoman"],
    &["spokesperson"],
    &["chancellery"],
    &["cabinet"],
    &["delegation"],
    &["aide"],
    &["aides"],
    &["adviser"],
    &["advisers"],
    &["advisor"],
];

/// Nouns that are an account in themselves.
const DOCUMENT_NOUNS: &[&str] = &[
    "readout",
    "statement",
    "version",
    "account",
    "summary",
    "transcript",
    "communique",
];

/// Offices and documents with no government named: context decides, with
/// the title they name as a hint.
const GENERIC: &[(&[&str], &str)] = &[
    (&["presidential", "office"], "president"),
    (&["president", "'s", "office"], "president"),
    (&["prime", "minister", "'s", "office"], "prime minister"),
    (&["chancellor", "'s", "office"], "chancellor"),
    (&["presidential", "press", "service"], "president"),
    (&["presidential", "administration"], "president"),
    (&["press", "service"], ""),
    (&["senior", "presidential", "official"], "president"),
    (&["presidential", "official"], "president"),
    (&["presidential", "spokesman"], "president"),
    (&["presidential", "spokeswoman"], "president"),
    (&["senior", "administration", "official"], ""),
    (&["administration", "official"], ""),
    (&["senior", "official"], ""),
    (&["government", "official"], ""),
    (&["government", "spokesman"], ""),
    (&["government", "spokeswoman"], ""),
    (&["government", "spokesperson"], ""),
    (&["press", "office"], ""),
    (&["foreign", "ministry"], ""),
    (&["presidency"], "president"),
    (&["chancellery"], "chancellor"),
    (&["readout"], ""),
    (&["statement"], ""),
    (&["communique"], ""),
    (&["ministry"], ""),
    (&["palace"], ""),
    (&["spokesman"], ""),
    (&["spokeswoman"], ""),
    (&["spokesperson"], ""),
    (&["adviser"], ""),
    (&["advisor"], ""),
    (&["aide"], ""),
    (&["official"], ""),
    (&["administration"], ""),
];

/// Bare roles after "the": "the president said".
const BARE_ROLES: &[(&[&str], &str)] = &[
    (&["president"], "president"),
    (&["prime", "minister"], "prime minister"),
    (&["premier"], "prime minister"),
    (&["chancellor"], "chancellor"),
    (&["president-elect"], "president"),
];

/// "both sides", "the two sides", "both governments".
const BOTH: &[&[&str]] = &[
    &["both", "sides"],
    &["the", "two", "sides"],
    &["both", "governments"],
    &["the", "two", "governments"],
    &["both", "countries"],
    &["both", "capitals"],
    &["the", "two", "capitals"],
];

fn longest_hint(
    tokens: &[Token],
    at: usize,
    table: &[(&[&str], &'static str)],
) -> Option<(usize, &'static str)> {
    table
        .iter()
        .filter(|(w, _)| starts_with(tokens, at, w))
        .max_by_key(|(w, _)| w.len())
        .map(|(w, h)| (w.len(), *h))
}

pub(super) fn starts_with(tokens: &[Token], at: usize, words: &[&str]) -> bool {
    words.len() + at <= tokens.len()
        && words
            .iter()
            .enumerate()
            .all(|(k, w)| tokens[at + k].lower == *w)
}

/// The longest entry of `table` at `at`, as its length.
fn longest(tokens: &[Token], at: usize, table: &[&[&str]]) -> Option<usize> {
    table
        .iter()
        .filter(|w| starts_with(tokens, at, w))
        .map(|w| w.len())
        .max()
}

fn role_at(tokens: &[Token], at: usize) -> Option<(usize, Role, &'static str)> {
    ROLE_NOUNS
        .iter()
        .filter(|(w, _, _)| starts_with(tokens, at, w))
        .max_by_key(|(w, _, _)| w.len())
        .map(|(w, r, t)| (w.len(), *r, *t))
}

fn is_document(tokens: &[Token], end: usize) -> bool {
    end > 0 && DOCUMENT_NOUNS.contains(&tokens[end - 1].lower.as_str())
}

/// "the Indian government's Press Information Bureau": an office's own
/// named body, capitalised words after a possessive, is that office too.
fn sub_body(tokens: &[Token], end: usize) -> usize {
    if tokens.get(end).is_none_or(|t| t.lower != "'s") {
        return end;
    }
    let mut e = end + 1;
    while e < tokens.len() && e - end <= 5 && (tokens[e].capital || tokens[e].lower == "of") {
        e += 1;
    }
    if e > end + 1 && tokens[e - 1].capital {
        e
    } else {
        end
    }
}

/// Every mention in `tokens`, in order. A person's office ("Macron's
/// office") overlaps the person; nothing else overlaps.
pub fn find(tokens: &[Token], lex: &Lexicon) -> Vec<Mention> {
    find_in(tokens, lex, None, &Aliases::new())
}

/// One-word names for people an article has named in full: after "Wang Yi"
/// the article may say "Wang", which no lexicon can list safely.
pub type Aliases = std::collections::HashMap<String, PersonId>;

/// [`find`], with people who share a name told apart by who served in
/// `year`, and the article's own short names for people.
pub fn find_in(
    tokens: &[Token],
    lex: &Lexicon,
    year: Option<i32>,
    extra: &Aliases,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let quoted = tokens[i].quoted;
        let push = |out: &mut Vec<Mention>, start: usize, end: usize, kind: Kind| {
            out.push(Mention {
                start,
                end,
                kind,
                quoted,
                document: is_document(tokens, end),
            });
        };
        // Someone the article named in full, by one part of the name ("Wang",
        // "Lee's office"), reads as the lexicon's own name would.
        let alias = || {
            let t = &tokens[i];
            (t.capital)
                .then(|| extra.get(&t.lower))
                .flatten()
                .map(|&id| super::lexicon::Match {
                    start: i,
                    end: i + 1,
                    entity: Entity::Person(id),
                })
        };
        if let Some(m) = lex.match_at_in(tokens, i, year).or_else(alias) {
            let mut end = m.end;
            let possessive = tokens.get(end).is_some_and(|t| t.lower == "'s");
            match m.entity {
                Entity::Adjective(p) => {
                    // "the French leader's office": an institution.
                    if let Some(n) = longest(tokens, end, OFFICE_NOUNS)
                        && !matches!(role_at(tokens, end), Some((r, _, _)) if r >= n)
                    {
                        let e = sub_body(tokens, end + n);
                        push(&mut out, i, e, Kind::Office(p));
                        i = e;
                        continue;
                    }
                    if let Some((n, role, title)) = role_at(tokens, end) {
                        end += n;
                        // "Russian President Vladimir Putin": one person;
                        // "the Italian premier, Putin": two.
                        if tokens.get(end).is_some_and(|t| !t.after_break)
                            && let Some(next) = lex.match_at_in(tokens, end, year)
                            && let Entity::Person(id) = next.entity
                        {
                            push(&mut out, i, next.end, Kind::Person(id));
                            i = next.end;
                            continue;
                        }
                        if let Some(n) = tokens
                            .get(end)
                            .filter(|t| t.lower == "'s")
                            .and_then(|_| longest(tokens, end + 1, OFFICE_NOUNS))
                        {
                            push(&mut out, i, end + 1 + n, Kind::Office(p));
                            i = end + 1 + n;
                            continue;
                        }
                        push(&mut out, i, end, Kind::Role(p, role, title));
                        i = end;
                        continue;
                    }
                    // A bare demonym ("French experts") names no one.
                    i = end;
                    continue;
                }
                Entity::Person(id) => {
                    push(&mut out, i, end, Kind::Person(id));
                    // "Macron's office": an institution as well as the person.
                    if possessive && let Some(n) = longest(tokens, end + 1, OFFICE_NOUNS) {
                        let party = lex.people[id].party;
                        push(&mut out, i, end + 1 + n, Kind::Office(party));
                        end += 1 + n;
                    }
                    i = end;
                    continue;
                }
                // "US President Joe Biden": a name used as a demonym.
                Entity::Country(p) if role_at(tokens, end).is_some() && !possessive => {
                    let (n, role, title) = role_at(tokens, end).expect("checked");
                    let after = end + n;
                    if tokens.get(after).is_some_and(|t| !t.after_break)
                        && let Some(next) = lex.match_at_in(tokens, after, year)
                        && let Entity::Person(id) = next.entity
                    {
                        push(&mut out, i, next.end, Kind::Person(id));
                        i = next.end;
                    } else {
                        push(&mut out, i, after, Kind::Role(p, role, title));
                        i = after;
                    }
                    continue;
                }
                Entity::Country(p) | Entity::Place(p) => {
                    if possessive && let Some(n) = longest(tokens, end + 1, OFFICE_NOUNS) {
                        push(&mut out, i, end + 1 + n, Kind::Office(p));
                        i = end + 1 + n;
                        continue;
                    }
                    push(&mut out, i, end, Kind::Country(p));
                    i = end;
                    continue;
                }
                Entity::Office(p) => {
                    // "the Kremlin readout", "the Kremlin's version".
                    let mut e = end;
                    if possessive && let Some(n) = longest(tokens, end + 1, OFFICE_NOUNS) {
                        e = end + 1 + n;
                    } else if let Some(n) = longest(tokens, end, OFFICE_NOUNS) {
                        e = end + n;
                    }
                    e = sub_body(tokens, e);
                    push(&mut out, i, e, Kind::Office(p));
                    i = e;
                    continue;
                }
                Entity::Media(p) => {
                    // "Xinhua news agency", "TASS's report".
                    let e = longest(tokens, end, OFFICE_NOUNS).map_or(end, |n| end + n);
                    push(&mut out, i, e, Kind::Media(p));
                    i = e;
                    continue;
                }
            }
        }
        let t = &tokens[i];
        if let Some(n) = BOTH
            .iter()
            .filter(|w| starts_with(tokens, i, w))
            .map(|w| w.len())
            .max()
        {
            push(&mut out, i, i + n, Kind::Both);
            i += n;
            continue;
        }
        // "the statement", "the presidential office", "his office".
        let determiner = matches!(
            t.lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their"
        );
        if determiner && let Some((n, hint)) = longest_hint(tokens, i + 1, GENERIC) {
            push(&mut out, i, i + 1 + n, Kind::Generic(hint));
            i += 1 + n;
            continue;
        }
        if matches!(t.lower.as_str(), "his" | "her") && starts_with(tokens, i + 1, &["office"]) {
            push(&mut out, i, i + 2, Kind::Generic(""));
            i += 2;
            continue;
        }
        // "the president said", but not "the president of the EU Commission".
        if t.lower == "the"
            && let Some((n, hint)) = longest_hint(tokens, i + 1, BARE_ROLES)
            && tokens.get(i + 1 + n).is_none_or(|x| x.lower != "of")
        {
            push(&mut out, i, i + 1 + n, Kind::BareRole(hint));
            i += 1 + n;
            continue;
        }
        match t.lower.as_str() {
            "he" | "she" => push(&mut out, i, i + 1, Kind::Pronoun),
            "it" => push(&mut out, i, i + 1, Kind::It),
            _ => {}
        }
        i += 1;
    }
    out
}

/// Short names for the people an article names in full: the family name
/// (the last word; both words of a short two-word name such as "Wang Yi",
/// where the family name comes first). A word two people would share is
/// nobody's.
pub fn article_aliases(parsed: &[Parsed], lex: &Lexicon) -> Aliases {
    let mut out = Aliases::new();
    let mut clash: Vec<String> = Vec::new();
    let mut seen: Vec<PersonId> = Vec::new();
    for s in parsed {
        for m in &s.mentions {
            if let Kind::Person(p) = m.kind
                && !seen.contains(&p)
            {
                seen.push(p);
            }
        }
    }
    for p in seen {
        let (words, _) = super::text::phrase(&lex.people[p].name);
        let mut parts: Vec<&String> = Vec::new();
        if let Some(last) = words.last().filter(|w| w.len() >= 3) {
            parts.push(last);
        }
        // The family name first ("Wang Yi", "Kang Yu-jung"): a short first word.
        if words.len() >= 2 && words[0].len() >= 2 && words[0].len() <= 4 {
            parts.push(&words[0]);
        }
        for w in parts {
            if lex.is_name_word(w) && !lex.people[p].name.to_lowercase().contains(w.as_str()) {
                continue;
            }
            match out.get(w) {
                // Two people of one government: the party is right either way.
                Some(&q) if q != p && lex.people[q].party != lex.people[p].party => {
                    clash.push(w.clone())
                }
                Some(_) => {}
                _ => {
                    out.insert(w.clone(), p);
                }
            }
        }
    }
    for w in clash {
        out.remove(&w);
    }
    out
}

/// A sentence read once for every later stage.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub folded: String,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
}

impl Parsed {
    pub fn new(sentence: &str, lex: &Lexicon) -> Parsed {
        Parsed::in_year(sentence, lex, None)
    }

    /// Read a sentence of an article published in `year`.
    pub fn in_year(sentence: &str, lex: &Lexicon, year: Option<i32>) -> Parsed {
        let folded = super::text::fold(sentence);
        let tokens = super::text::tokens(&folded);
        let mentions = find_in(&tokens, lex, year, &Aliases::new());
        Parsed {
            folded,
            tokens,
            mentions,
        }
    }

    /// Read the mentions again with the article's own short names.
    pub fn with_aliases(&mut self, lex: &Lexicon, year: Option<i32>, extra: &Aliases) {
        if self
            .tokens
            .iter()
            .any(|t| t.capital && extra.contains_key(&t.lower))
        {
            self.mentions = find_in(&self.tokens, lex, year, extra);
        }
    }

    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    /// Some run of tokens equals `words`.
    pub fn has(&self, words: &[&str]) -> bool {
        (0..self.tokens.len()).any(|i| starts_with(&self.tokens, i, words))
    }

    /// Where `words` first starts, if anywhere.
    pub fn find(&self, words: &[&str]) -> Option<usize> {
        (0..self.tokens.len()).find(|&i| starts_with(&self.tokens, i, words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text;

    const LEX: &str = r#"
[[party]]
name = "France"
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
people = [{ name = "Vladimir Putin", aliases = ["Putin"], role = "president", from = 2000 }]
"#;

    fn kinds(s: &str) -> Vec<(String, Kind)> {
        let lex = Lexicon::from_toml(LEX, "").unwrap();
        let f = text::fold(s);
        let toks = text::tokens(&f);
        find(&toks, &lex)
            .into_iter()
            .map(|m| {
                (
                    f[toks[m.start].start..toks[m.end - 1].end].to_string(),
                    m.kind,
                )
            })
            .collect()
    }

    #[test]
    fn a_title_before_a_name_is_one_person() {
        assert_eq!(
            kinds("French President Emmanuel Macron spoke"),
            [("French President Emmanuel Macron".into(), Kind::Person(0))]
        );
    }

    #[test]
    fn a_title_then_a_comma_then_a_name_are_two_people() {
        assert_eq!(
            kinds("According to the French president, Putin argued"),
            [
                (
                    "French president".into(),
                    Kind::Role(0, Role::Leader, "president")
                ),
                ("Putin".into(), Kind::Person(1)),
            ]
        );
        assert_eq!(
            kinds("as Russia President, Macron said"),
            [
                (
                    "Russia President".into(),
                    Kind::Role(1, Role::Leader, "president")
                ),
                ("Macron".into(), Kind::Person(0)),
            ]
        );
    }

    #[test]
    fn roles_offices_and_documents() {
        let k = kinds(
            "the Russian leader, the French leader's office, Russia's foreign ministry, a Kremlin readout",
        );
        assert_eq!(k[0].1, Kind::Role(1, Role::Leader, "leader"));
        assert_eq!(k[1], ("French leader's office".into(), Kind::Office(0)));
        assert_eq!(k[2], ("Russia's foreign ministry".into(), Kind::Office(1)));
        assert_eq!(k[3], ("Kremlin readout".into(), Kind::Office(1)));
    }

    #[test]
    fn a_person_s_office_is_both_the_person_and_an_office() {
        let k = kinds("Macron's office said");
        assert_eq!(k[0].1, Kind::Person(0));
        assert_eq!(k[1].1, Kind::Office(0));
    }

    #[test]
    fn generic_offices_and_pronouns_wait_for_context() {
        let k = kinds("the statement said he agreed, the presidential office added");
        assert_eq!(
            k.iter().map(|k| k.1).collect::<Vec<_>>(),
            [Kind::Generic(""), Kind::Pronoun, Kind::Generic("president")]
        );
    }

    #[test]
    fn a_bare_demonym_names_no_one() {
        assert!(kinds("a team of French experts").is_empty());
    }
}
