//! What the analysis makes of one article: each block of the body kept or
//! dropped (and why), then each sentence with the parties whose account it
//! gives, and the call found.
//!
//! ```sh
//! cargo run --release --example explain -- article.txt [--published YYYY-MM-DD]
//! ```

use parallax::analysis::{self, Lexicon, clean};
use parallax::ingest::{self, Overrides};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut overrides = Overrides::default();
    while let Some(a) = args.next() {
        if a == "--published" {
            let d = args.next().unwrap_or_default();
            overrides.published = Some(chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")?);
        } else {
            path = Some(a);
        }
    }
    let path =
        path.ok_or_else(|| anyhow::anyhow!("usage: explain FILE [--published YYYY-MM-DD]"))?;
    let bytes = std::fs::read(&path)?;
    let draft =
        ingest::read(&bytes, &path, &overrides).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
    let lex = Lexicon::bundled();
    println!(
        "title: {}\nsource: {:?}\npublished: {:?}\n",
        draft.title, draft.source, draft.published
    );
    for j in clean::explain(&draft.title, &draft.body) {
        let mark = match j.dropped {
            None => "KEEP".to_string(),
            Some(why) => format!("drop ({why})"),
        };
        println!(
            "{mark:<40} {}",
            j.text.chars().take(110).collect::<String>()
        );
    }
    let a = analysis::analyze(&draft, &lex);
    println!("\ncall: {:?}\n", a.call);
    let year = draft.published.map(|d| chrono::Datelike::year(&d));
    for (i, s) in a.sentences.iter().enumerate() {
        let who = if s.parties.is_empty() {
            "-".to_string()
        } else {
            s.parties.join("+")
        };
        // How the sentence reads for finding the call: "C" speaks of a call,
        // "c" only of talks or of speaking with someone; and who is in it.
        let parsed = analysis::mentions::Parsed::in_year(&s.text, &lex, year);
        let words = analysis::report::call_words(&parsed);
        let cue = if words.strong() {
            "C"
        } else if words.any() {
            "c"
        } else {
            " "
        };
        let people: Vec<String> = analysis::report::people(&parsed, &lex, &[], year)
            .into_iter()
            .map(|p| lex.people[p].short.clone())
            .collect();
        println!(
            "{i:>3} p{:<2} {cue} {who:<22} {:<20} {}",
            s.paragraph,
            people.join(","),
            s.text.chars().take(100).collect::<String>()
        );
    }
    Ok(())
}
