//! The party lexicon (`data/parties.toml`): what articles call each
//! government, and the topic lexicon (`data/topics.toml`) that tells which
//! statements speak to the same subject. Both are bundled; a user's own files
//! extend them.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::text;

/// The bundled party lexicon.
pub const BUNDLED: &str = include_str!("../../data/parties.toml");
/// The bundled topic lexicon.
pub const BUNDLED_TOPICS: &str = include_str!("../../data/topics.toml");

/// Index of a party in [`Lexicon::parties`].
pub type PartyId = usize;
/// Index of a person in [`Lexicon::people`].
pub type PersonId = usize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartiesFile {
    #[serde(default)]
    party: Vec<PartyEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartyEntry {
    name: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    offices: Vec<String>,
    #[serde(default)]
    media: Vec<String>,
    #[serde(default)]
    people: Vec<PersonEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    role: String,
    from: Option<i32>,
    to: Option<i32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    #[serde(default)]
    topic: Vec<TopicEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicEntry {
    name: String,
    terms: Vec<String>,
}

/// What a person does, as far as calls go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Presidents, prime ministers, chancellors, monarchs: "the French leader".
    Leader,
    /// Foreign ministers: "the Chinese foreign minister", "top diplomat".
    ForeignMinister,
    /// Other ministers, advisers and officials who hold calls.
    Official,
    /// Speaks for the government, never a party to the call.
    Spokesperson,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "president"
            | "prime minister"
            | "chancellor"
            | "monarch"
            | "crown prince"
            | "commission president"
            | "council president" => Role::Leader,
            "foreign minister" | "high representative" => Role::ForeignMinister,
            "vice president"
            | "defence minister"
            | "minister"
            | "national security adviser"
            | "adviser"
            | "official" => Role::Official,
            "spokesperson" => Role::Spokesperson,
            _ => return None,
        })
    }
}

/// A government, named by its country.
#[derive(Debug, Clone)]
pub struct PartyInfo {
    pub name: String,
}

/// Someone who holds calls or speaks for a government.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// What news calls them for short: the first alias, else the last word
    /// of the name ("Macron", "Xi").
    pub short: String,
    pub party: PartyId,
    pub role: Role,
    /// The role as the lexicon gives it: "president", "prime minister".
    pub title: String,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Person {
    /// In office during `year` (unknown years count as in office).
    pub fn serves_in(&self, year: i32) -> bool {
        self.from.is_none_or(|f| f <= year) && self.to.is_none_or(|t| t >= year)
    }
}

/// What a lexicon phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Person(PersonId),
    /// An office, palace or ministry: speaks for the government.
    Office(PartyId),
    /// State media relaying official readouts.
    Media(PartyId),
    /// The country's name: a weak source ("Russia has warned ...").
    Country(PartyId),
    /// The capital or seat used for the government ("Moscow said"): weak.
    Place(PartyId),
    /// "French", "Chinese": makes "the French president", "the Chinese readout".
    Adjective(PartyId),
}

#[derive(Debug, Clone)]
struct Pattern {
    tokens: Vec<String>,
    capital: Vec<bool>,
    entity: Entity,
}

/// A subject of diplomacy: terms that mark it, already stemmed.
#[derive(Debug, Clone)]
pub struct Topic {
    pub name: String,
    /// Each term as a run of stemmed words.
    pub terms: Vec<Vec<String>>,
}

/// The party and topic lexicons, indexed for matching.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub parties: Vec<PartyInfo>,
    pub people: Vec<Person>,
    patterns: Vec<Pattern>,
    /// First token → patterns starting with it, longest first.
    index: HashMap<String, Vec<usize>>,
    pub topics: Vec<Topic>,
    /// Every word of every name, lowercased: left out when comparing what
    /// statements are about, since every account names the same people.
    name_words: std::collections::HashSet<String>,
    fingerprint: u64,
}

/// A match of a lexicon phrase in a token list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub entity: Entity,
}

impl Lexicon {
    /// The lexicons bundled into the binary.
    pub fn bundled() -> Lexicon {
        Lexicon::from_toml(BUNDLED, BUNDLED_TOPICS).expect("the bundled lexicons parse")
    }

    /// The bundled lexicons extended by the user's `parties.toml` and
    /// `topics.toml` in `dir` (the config directory), where they exist.
    pub fn with_user_files(dir: Option<&Path>) -> Result<Lexicon> {
        let mut parties = BUNDLED.to_string();
        let mut topics = BUNDLED_TOPICS.to_string();
        if let Some(dir) = dir {
            for (name, text) in [("parties.toml", &mut parties), ("topics.toml", &mut topics)] {
                let path = dir.join(name);
                if path.exists() {
                    let extra = std::fs::read_to_string(&path)
                        .with_context(|| format!("{}: cannot read", path.display()))?;
                    // Each file must make sense on its own, so errors point into it.
                    check_file(name, &extra).with_context(|| path.display().to_string())?;
                    text.push('\n');
                    text.push_str(&extra);
                }
            }
        }
        Lexicon::from_toml(&parties, &topics)
    }

    /// Build from the text of a parties file and a topics file. Entries for a
    /// party named twice are merged.
    pub fn from_toml(parties_text: &str, topics_text: &str) -> Result<Lexicon> {
        let file: PartiesFile =
            toml::from_str(parties_text).map_err(|e| toml_error(e, "parties"))?;
        let topics: TopicsFile =
            toml::from_str(topics_text).map_err(|e| toml_error(e, "topics"))?;
        let mut lex = Lexicon {
            fingerprint: fingerprint(parties_text, topics_text),
            ..Lexicon::default()
        };
        for entry in &file.party {
            let party = match lex.parties.iter().position(|p| p.name == entry.name) {
                Some(i) => i,
                None => {
                    lex.parties.push(PartyInfo {
                        name: entry.name.clone(),
                    });
                    lex.parties.len() - 1
                }
            };
            let add = |lex: &mut Lexicon, phrase: &str, entity: Entity| {
                let (tokens, capital) = text::phrase(phrase);
                if !tokens.is_empty() {
                    lex.patterns.push(Pattern {
                        tokens,
                        capital,
                        entity,
                    });
                }
            };
            add(&mut lex, &entry.name, Entity::Country(party));
            for n in &entry.names {
                add(&mut lex, n, Entity::Country(party));
            }
            for n in &entry.adjectives {
                add(&mut lex, n, Entity::Adjective(party));
            }
            for n in &entry.places {
                add(&mut lex, n, Entity::Place(party));
            }
            for n in &entry.offices {
                add(&mut lex, n, Entity::Office(party));
            }
            for n in &entry.media {
                add(&mut lex, n, Entity::Media(party));
            }
            for p in &entry.people {
                let Some(role) = Role::parse(&p.role) else {
                    bail!(
                        "parties: {}: unknown role {:?} for {}",
                        entry.name,
                        p.role,
                        p.name
                    );
                };
                lex.people.push(Person {
                    short: p.aliases.first().cloned().unwrap_or_else(|| {
                        p.name.rsplit(' ').next().unwrap_or(&p.name).to_string()
                    }),
                    name: p.name.clone(),
                    party,
                    role,
                    title: p.role.clone(),
                    from: p.from,
                    to: p.to,
                });
                let id = lex.people.len() - 1;
                add(&mut lex, &p.name, Entity::Person(id));
                for a in &p.aliases {
                    add(&mut lex, a, Entity::Person(id));
                }
            }
        }
        for t in topics.topic {
            lex.topics.push(Topic {
                terms: t
                    .terms
                    .iter()
                    .map(|term| super::terms::stems(term))
                    .filter(|s| !s.is_empty())
                    .collect(),
                name: t.name,
            });
        }
        for p in &lex.patterns {
            lex.name_words.extend(p.tokens.iter().cloned());
        }
        for (i, p) in lex.patterns.iter().enumerate() {
            lex.index.entry(p.tokens[0].clone()).or_default().push(i);
        }
        let patterns = &lex.patterns;
        for list in lex.index.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(patterns[i].tokens.len()));
        }
        Ok(lex)
    }

    /// Changes whenever either lexicon's content changes, so stored analyses
    /// made with another lexicon are redone.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// A word of some name in the lexicon ("macron", "kremlin", "french").
    pub fn is_name_word(&self, lower: &str) -> bool {
        self.name_words.contains(lower)
    }

    pub fn party_id(&self, name: &str) -> Option<PartyId> {
        self.parties.iter().position(|p| p.name == name)
    }

    /// The longest lexicon phrase starting at token `at`, if any.
    pub fn match_at(&self, tokens: &[text::Token], at: usize) -> Option<Match> {
        self.match_at_in(tokens, at, None)
    }

    /// [`Lexicon::match_at`], telling apart people who share a name (one
    /// who served two governments, or two terms) by who served in `year`.
    pub fn match_at_in(
        &self,
        tokens: &[text::Token],
        at: usize,
        year: Option<i32>,
    ) -> Option<Match> {
        let list = self.index.get(&tokens.get(at)?.lower)?;
        let mut best: Option<Match> = None;
        for &i in list {
            let p = &self.patterns[i];
            let end = at + p.tokens.len();
            if end > tokens.len() || best.is_some_and(|b| b.end > end) {
                continue;
            }
            let fits = p
                .tokens
                .iter()
                .zip(&p.capital)
                .enumerate()
                .all(|(k, (w, cap))| {
                    let t = &tokens[at + k];
                    t.lower == *w && (!cap || t.capital)
                });
            if !fits {
                continue;
            }
            let m = Match {
                start: at,
                end,
                entity: p.entity,
            };
            let serving = |m: &Match| match (m.entity, year) {
                (Entity::Person(id), Some(y)) => self.people[id].serves_in(y),
                _ => false,
            };
            match best {
                None => best = Some(m),
                Some(b) if !serving(&b) && serving(&m) => best = Some(m),
                _ => {}
            }
            if year.is_none() {
                break;
            }
        }
        best
    }

    /// Every lexicon phrase in `tokens`, longest first, none overlapping.
    pub fn matches(&self, tokens: &[text::Token]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.match_at(tokens, i) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The person of `party` holding a role like `role` in `year`: who "the
    /// French president" was then. `title` narrows it ("president", "prime
    /// minister"); "leader" takes a president before a prime minister.
    pub fn office_holder(
        &self,
        party: PartyId,
        role: Role,
        title: &str,
        year: Option<i32>,
    ) -> Option<PersonId> {
        const RANK: &[&str] = &[
            "president",
            "prime minister",
            "chancellor",
            "monarch",
            "crown prince",
        ];
        let rank = |p: &Person| {
            RANK.iter()
                .position(|t| *t == p.title)
                .unwrap_or(RANK.len())
        };
        let fits =
            |p: &Person| p.party == party && p.role == role && year.is_none_or(|y| p.serves_in(y));
        let specific = RANK.contains(&title) || title == "foreign minister";
        let exact = self.people.iter().any(|p| fits(p) && p.title == title);
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| fits(p) && (!specific || !exact || p.title == title))
            // The highest office first, then the most recent holder.
            .min_by_key(|(_, p)| (rank(p), std::cmp::Reverse(p.from)))
            .map(|(i, _)| i)
    }
}

fn check_file(name: &str, text: &str) -> Result<()> {
    if name == "parties.toml" {
        toml::from_str::<PartiesFile>(text).map_err(|e| toml_error(e, "parties"))?;
    } else {
        toml::from_str::<TopicsFile>(text).map_err(|e| toml_error(e, "topics"))?;
    }
    Ok(())
}

fn toml_error(e: toml::de::Error, which: &str) -> anyhow::Error {
    anyhow::anyhow!("{which} lexicon: {}", e.to_string().trim_end())
}

fn fingerprint(a: &str, b: &str) -> u64 {
    let mut h = blake3::Hasher::new();
    h.update(a.as_bytes());
    h.update(&[0]);
    h.update(b.as_bytes());
    let bytes = h.finalize();
    u64::from_le_bytes(bytes.as_bytes()[..8].try_into().expect("8 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[party]]
name = "France"
names = ["France"]
adjectives = ["French"]
places = ["Paris"]
offices = ["Elysee Palace", "Élysée"]
people = [
  { name = "Emmanuel Macron", aliases = ["Macron"], role = "president", from = 2017 },
  { name = "François Hollande", aliases = ["Hollande"], role = "president", from = 2012, to = 2017 },
]
"#;

    fn toks(s: &str) -> Vec<text::Token> {
        text::tokens(&text::fold(s))
    }

    #[test]
    fn the_bundled_lexicons_parse() {
        let lex = Lexicon::bundled();
        assert!(lex.parties.len() >= 22, "{} parties", lex.parties.len());
        assert!(!lex.topics.is_empty());
    }

    #[test]
    fn the_bundled_lexicon_covers_the_g20_ukraine_and_the_eu() {
        let lex = Lexicon::bundled();
        for name in [
            "Argentina",
            "Australia",
            "Brazil",
            "Canada",
            "China",
            "France",
            "Germany",
            "India",
            "Indonesia",
            "Italy",
            "Japan",
            "Mexico",
            "Russia",
            "Saudi Arabia",
            "South Africa",
            "South Korea",
            "Turkey",
            "United Kingdom",
            "United States",
            "European Union",
            "African Union",
            "Ukraine",
        ] {
            let p = lex
                .party_id(name)
                .unwrap_or_else(|| panic!("{name} missing"));
            assert!(
                lex.people
                    .iter()
                    .any(|x| x.party == p && x.role == Role::Leader),
                "{name} has no leader"
            );
        }
    }

    #[test]
    fn no_phrase_names_two_governments_save_people_who_served_both() {
        let lex = Lexicon::bundled();
        let mut seen: HashMap<(Vec<String>, Vec<bool>), PartyId> = HashMap::new();
        for p in &lex.patterns {
            let party = match p.entity {
                Entity::Person(id) => lex.people[id].party,
                Entity::Office(x)
                | Entity::Media(x)
                | Entity::Country(x)
                | Entity::Place(x)
                | Entity::Adjective(x) => x,
            };
            let key = (p.tokens.clone(), p.capital.clone());
            if let Some(&other) = seen.get(&key)
                && other != party
            {
                assert!(
                    matches!(p.entity, Entity::Person(_)),
                    "{:?} names {} and {}",
                    p.tokens,
                    lex.parties[other].name,
                    lex.parties[party].name
                );
            }
            seen.entry(key).or_insert(party);
        }
    }

    #[test]
    fn longest_phrases_match_with_marks_folded() {
        let lex = Lexicon::from_toml(SMALL, "").unwrap();
        let m = lex.matches(&toks("the Elysée Palace said; the Elysee said"));
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].start, m[0].end), (1, 3));
        assert_eq!(m[1].entity, Entity::Office(0));
    }

    #[test]
    fn names_match_only_capitalised() {
        let lex = Lexicon::from_toml(SMALL, "").unwrap();
        assert_eq!(lex.matches(&toks("paris in spring")).len(), 0);
        assert_eq!(lex.matches(&toks("Paris in spring")).len(), 1);
    }

    #[test]
    fn office_holders_follow_the_year() {
        let lex = Lexicon::from_toml(SMALL, "").unwrap();
        let who = |y| {
            lex.office_holder(0, Role::Leader, "president", y)
                .map(|i| lex.people[i].name.clone())
        };
        assert_eq!(who(Some(2016)).as_deref(), Some("François Hollande"));
        assert_eq!(who(Some(2022)).as_deref(), Some("Emmanuel Macron"));
        assert_eq!(who(None).as_deref(), Some("Emmanuel Macron"));
    }

    #[test]
    fn an_unknown_role_is_an_error_naming_the_person() {
        let bad = r#"[[party]]
name = "X"
people = [{ name = "A B", role = "wizard" }]"#;
        let e = Lexicon::from_toml(bad, "").unwrap_err().to_string();
        assert!(e.contains("wizard") && e.contains("A B"), "{e}");
    }

    #[test]
    fn a_typo_in_a_key_is_refused_with_its_line() {
        let bad = "[[party]]\nname = \"X\"\nadjectivs = [\"Y\"]\n";
        let e = Lexicon::from_toml(bad, "").unwrap_err().to_string();
        assert!(e.contains("line 3") && e.contains("adjectivs"), "{e}");
    }
}
