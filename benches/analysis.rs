//! Analysis throughput: the pure `analyze` pipeline (cleaning, sentences,
//! mentions, accounts, report) over real-looking articles, in bytes of
//! article file a second, on one core.
//!
//! ```sh
//! cargo bench --bench analysis
//! ```

use std::path::Path;

use divan::Bencher;
use divan::counter::BytesCount;
use parallax::analysis::{self, lexicon::Lexicon};
use parallax::ingest::{self, Overrides};
use parallax::model::Draft;

fn main() {
    divan::main();
}

/// Every `.txt` in the directories, read as an import reads it; with the
/// number of bytes of the files.
fn drafts(dirs: &[&str]) -> (Vec<Draft>, u64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut bytes = 0;
    for dir in dirs {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("the sample directory")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let raw = std::fs::read(&p).expect("a sample");
            let name = p.to_string_lossy();
            if let Ok(d) = ingest::read(&raw, &name, &Overrides::default()) {
                bytes += raw.len() as u64;
                out.push(d);
            }
        }
    }
    assert!(!out.is_empty());
    (out, bytes)
}

fn run(bencher: Bencher, dirs: &[&str]) {
    let lexicon = Lexicon::bundled();
    let (drafts, bytes) = drafts(dirs);
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for d in &drafts {
            divan::black_box(analysis::analyze(divan::black_box(d), &lexicon));
        }
    });
}

/// The bundled sample articles (`data/articles`).
#[divan::bench(sample_count = 30)]
fn samples(bencher: Bencher) {
    run(bencher, &["data/articles"]);
}

/// The three extraction test corpora (57 articles of varied outlets).
#[divan::bench(sample_count = 20)]
fn test_corpora(bencher: Bencher) {
    run(bencher, &["tests/corpus", "tests/corpus2", "tests/corpus3"]);
}
