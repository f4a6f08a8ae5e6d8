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
    for (i, s) in a.sentences.iter().enumerate() {
        let who = if s.parties.is_empty() {
            "-".to_string()
        } else {
            s.parties.join("+")
        };
        println!(
            "{i:>3} p{:<2} {who:<22} {}",
            s.paragraph,
            s.text.chars().take(120).collect::<String>()
        );
    }
    Ok(())
}
