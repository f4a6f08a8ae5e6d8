//! A deterministic synthetic corpus for benchmarks: headline-like titles with
//! names, places and accented names; bodies of 2 to 8 KB with attributed
//! sentences and boilerplate; dates over ten years.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --articles 100000 --out /tmp/corpus
//! cargo run --release --example gen-corpus -- --articles 1000000 --titles-only --out /tmp/titles
//! ```
//!
//! Writes `DIR/articles/NNNNNNN.txt` (front matter with the published date and
//! source, then the article) and `DIR/titles.txt` (one title per line, in the
//! same order).
//! The same arguments always give the same bytes.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// splitmix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// (leader, title-style description, office that speaks for them, country)
const LEADERS: &[(&str, &str, &str, &str)] = &[
    (
        "Emmanuel Macron",
        "French President",
        "the Élysée",
        "France",
    ),
    (
        "Vladimir Putin",
        "Russian President",
        "the Kremlin",
        "Russia",
    ),
    (
        "Joe Biden",
        "U.S. President",
        "the White House",
        "United States",
    ),
    ("Xi Jinping", "Chinese President", "Xinhua", "China"),
    (
        "Olaf Scholz",
        "German Chancellor",
        "the Chancellery",
        "Germany",
    ),
    (
        "Recep Tayyip Erdoğan",
        "Turkish President",
        "the Turkish presidency",
        "Turkey",
    ),
    (
        "Narendra Modi",
        "Indian Prime Minister",
        "the Prime Minister's Office",
        "India",
    ),
    (
        "Volodymyr Zelensky",
        "Ukrainian President",
        "the Ukrainian presidency",
        "Ukraine",
    ),
    (
        "Viktor Orbán",
        "Hungarian Prime Minister",
        "Orbán's office",
        "Hungary",
    ),
    ("Lula", "Brazilian President", "the Planalto", "Brazil"),
    (
        "Pedro Sánchez",
        "Spanish Prime Minister",
        "La Moncloa",
        "Spain",
    ),
    (
        "Keir Starmer",
        "British Prime Minister",
        "Downing Street",
        "United Kingdom",
    ),
];

const SOURCES: &[&str] = &[
    "Reuters",
    "AFP",
    "POLITICO",
    "Le Monde",
    "TASS",
    "Al Jazeera",
    "The Kyiv Independent",
    "Deutsche Welle",
    "France 24",
    "Associated Press",
];

const PLACES: &[&str] = &[
    "Kyiv",
    "Mariupol",
    "Zaporizhzhia",
    "Gaza",
    "Taipei",
    "Ankara",
    "Brussels",
    "São Paulo",
    "Kraków",
    "Donetsk",
    "the Black Sea",
    "Bakhmut",
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

const VERBS: &[&str] = &["said", "stressed", "told", "urged", "noted", "insisted"];

const TITLE_FORMS: &[&str] = &[
    "{a} and {b} discuss {t} in phone call",
    "{a} tells {b} {t} must come first",
    "{b} urges {a} to act on {t}",
    "{a}, {b} hold {m} call on {t}",
    "{a} calls {b} over {p}",
    "After {p} strikes, {a} and {b} speak",
];

const FURNITURE: &[&str] = &[
    "Subscribe to our newsletter",
    "Skip to content",
    "Related Articles",
    "Back to top button",
    "Enter your email to subscribe",
    "This audio is created with AI assistance",
];

fn fill(form: &str, a: &str, b: &str, t: &str, p: &str, m: &str) -> String {
    form.replace("{a}", a)
        .replace("{b}", b)
        .replace("{t}", t)
        .replace("{p}", p)
        .replace("{m}", m)
}

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

struct Article {
    title: String,
    source: &'static str,
    published: String,
    body: String,
}

fn article(rng: &mut Rng, n: usize, titles_only: bool) -> Article {
    let i = rng.below(LEADERS.len());
    let mut j = rng.below(LEADERS.len() - 1);
    if j >= i {
        j += 1;
    }
    let (a, b) = (LEADERS[i], LEADERS[j]);
    let topic = rng.pick(TOPICS);
    let place = rng.pick(PLACES);
    let medium = if rng.below(4) == 0 { "video" } else { "phone" };
    let title = fill(
        rng.pick(TITLE_FORMS),
        surname(a.0),
        surname(b.0),
        topic,
        place,
        medium,
    );
    // Ten years of dates, 2015-01-01 onwards.
    let day = rng.below(3652) as i64;
    let published = (chrono_like_date(2015, day)).to_string();
    let source = SOURCES[rng.below(SOURCES.len())];
    if titles_only {
        return Article {
            title,
            source,
            published,
            body: String::new(),
        };
    }
    let target = 2048 + rng.below(6 * 1024);
    let mut body = String::with_capacity(target + 512);
    if rng.below(2) == 0 {
        body.push_str(rng.pick(FURNITURE));
        body.push_str("\n\n");
    }
    body.push_str(&format!(
        "{} {} spoke with {} {} by {medium} on {}, {} said in a statement.\n\n",
        a.1,
        a.0,
        b.1,
        b.0,
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][rng.below(5)],
        a.2
    ));
    let mut k = 0;
    while body.len() < target {
        let (who, office) = if k % 2 == 0 { (a, a.2) } else { (b, b.2) };
        let other = if k % 2 == 0 { b } else { a };
        let sentence = match rng.below(4) {
            0 => format!(
                "{} {} that {} was essential, according to {}.",
                surname(who.0),
                rng.pick(VERBS),
                rng.pick(TOPICS),
                office
            ),
            1 => format!(
                "According to {}, {} raised {} and the situation in {}.",
                office,
                surname(who.0),
                rng.pick(TOPICS),
                rng.pick(PLACES)
            ),
            2 => format!(
                "{} has long warned {} about {}, analysts said.",
                who.3,
                other.3,
                rng.pick(TOPICS)
            ),
            _ => format!(
                "The two leaders also discussed {} (article {n}), {} said.",
                rng.pick(TOPICS),
                office
            ),
        };
        body.push_str(&sentence);
        body.push(if rng.below(3) == 0 { '\n' } else { ' ' });
        if rng.below(3) == 0 {
            body.push('\n');
        }
        k += 1;
    }
    body.push_str("\n\n");
    body.push_str(rng.pick(FURNITURE));
    body.push('\n');
    Article {
        title,
        source,
        published,
        body,
    }
}

/// The date `days` after 1 January of `year`, as YYYY-MM-DD.
fn chrono_like_date(year: i32, days: i64) -> String {
    // Civil-from-days (Howard Hinnant), to keep the example free of dependencies.
    let start = days_from_civil(year, 1, 1) + days;
    let z = start + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_from_civil(y: i32, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn main() -> std::io::Result<()> {
    let mut articles = 10_000usize;
    let mut out = PathBuf::from("corpus");
    let mut titles_only = false;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => articles = args.next().and_then(|v| v.parse().ok()).unwrap_or(articles),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--titles-only" => titles_only = true,
            _ => {
                eprintln!(
                    "usage: gen-corpus [--articles N] [--out DIR] [--seed S] [--titles-only]"
                );
                std::process::exit(2);
            }
        }
    }
    let articles_dir = out.join("articles");
    std::fs::create_dir_all(if titles_only { &out } else { &articles_dir })?;
    let mut titles = BufWriter::new(std::fs::File::create(out.join("titles.txt"))?);
    let mut rng = Rng(seed);
    let mut bytes = 0usize;
    for n in 0..articles {
        let a = article(&mut rng, n, titles_only);
        writeln!(titles, "{}", a.title)?;
        if !titles_only {
            let text = format!(
                "+++\npublished = {}\nsource = \"{}\"\n+++\n{}\n\n{}",
                a.published, a.source, a.title, a.body
            );
            bytes += text.len();
            std::fs::write(articles_dir.join(format!("{n:07}.txt")), text)?;
        }
    }
    titles.flush()?;
    eprintln!(
        "wrote {articles} {} to {} ({:.1} MB of articles)",
        if titles_only { "titles" } else { "articles" },
        out.display(),
        bytes as f64 / 1e6
    );
    Ok(())
}
