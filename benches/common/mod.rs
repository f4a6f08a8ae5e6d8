//! Deterministic inputs shared by the benches: headline-like titles in the
//! style of `examples/gen-corpus.rs`, and the article summaries made of them.
#![allow(dead_code)]

use parallax::model::ArticleSummary;

const NAMES: &[&str] = &[
    "Macron",
    "Putin",
    "Biden",
    "Jinping",
    "Scholz",
    "Zelensky",
    "Erdoğan",
    "Lula",
    "Modi",
    "Sánchez",
    "Orbán",
    "Netanyahu",
    "Starmer",
];
const TOPICS: &[&str] = &[
    "a ceasefire",
    "grain exports through the Black Sea",
    "the evacuation of civilians",
    "sanctions",
    "the safety of the nuclear plant",
    "prisoner exchanges",
    "energy supplies",
    "humanitarian corridors",
    "trade and tariffs",
    "climate commitments",
];
const PLACES: &[&str] = &[
    "Kyiv",
    "Mariupol",
    "Gaza",
    "Taipei",
    "Ankara",
    "Brussels",
    "São Paulo",
    "Kraków",
];
const FORMS: &[&str] = &[
    "{a} and {b} discuss {t} in phone call",
    "{a} tells {b} {t} must come first",
    "{b} urges {a} to act on {t}",
    "{a}, {b} hold video call on {t}",
    "{a} calls {b} over {p}",
    "After {p} strikes, {a} and {b} speak",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// `n` titles, the same ones every time.
pub fn titles(n: usize) -> Vec<String> {
    let mut rng = Rng(1);
    (0..n)
        .map(|_| {
            let a = rng.pick(NAMES);
            let mut b = rng.pick(NAMES);
            while b == a {
                b = rng.pick(NAMES);
            }
            rng.pick(FORMS)
                .replace("{a}", a)
                .replace("{b}", b)
                .replace("{t}", rng.pick(TOPICS))
                .replace("{p}", rng.pick(PLACES))
        })
        .collect()
}

/// `n` list entries with those titles, a source and a date each.
pub fn summaries(n: usize) -> Vec<ArticleSummary> {
    const SOURCES: &[&str] = &["Reuters", "AFP", "Le Monde", "TASS", "France 24"];
    titles(n)
        .into_iter()
        .enumerate()
        .map(|(i, title)| ArticleSummary {
            id: format!("article-{i}"),
            title,
            source: Some(SOURCES[i % SOURCES.len()].to_string()),
            published: chrono::NaiveDate::from_ymd_opt(
                2015 + (i % 10) as i32,
                1 + (i % 12) as u32,
                1 + (i % 28) as u32,
            ),
            state: Default::default(),
            calls: vec![],
            participants: vec![],
            parties: vec![],
        })
        .collect()
}
