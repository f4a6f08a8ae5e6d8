//! Any bytes through ingest, the whole analysis and the terminal sanitizer:
//! no panic, and the model's promises kept (sentence ranges inside their
//! paragraph, text as it stands there, nothing unsafe left for a terminal).
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::{self, Lexicon};
use parallax::ingest::{self, Overrides};
use parallax::sanitize::{for_terminal, is_unsafe};

const NAMES: &[&str] = &["a.txt", "page.html", "notes.md", "-"];

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file name, which steers format detection.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let Ok(draft) = ingest::read(bytes, name, &Overrides::default()) else {
        return;
    };
    let lexicon = Lexicon::bundled();
    let a = analysis::analyze(&draft, &lexicon);
    for s in &a.sentences {
        let p = &a.paragraphs[s.paragraph];
        assert_eq!(&p[s.start..s.end], s.text);
    }
    for text in std::iter::once(&draft.title).chain(&a.paragraphs) {
        let shown = for_terminal(text, false);
        assert!(!shown.chars().any(is_unsafe));
        assert_eq!(for_terminal(&shown, false), shown);
    }
});
