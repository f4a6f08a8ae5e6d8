//! Analysis: pure functions from an ingested draft to paragraphs, sentences,
//! attributed accounts and the call the article reports; then, across
//! articles, calls grouped and their accounts aligned. No I/O here.

pub mod align;
pub mod calls;
pub mod lexicon;

use crate::model::{Analysis, Draft, Sentence};
pub use lexicon::Lexicon;

/// Bump when any rule changes: stored results with another version are redone.
pub const ANALYZER_VERSION: u32 = 1;

/// Analyse one article.
pub fn analyze(draft: &Draft, _lexicon: &Lexicon) -> Analysis {
    // Placeholder until the analysis stages land: paragraphs by blank lines.
    let paragraphs: Vec<String> = draft
        .body
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let sentences = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| Sentence {
            paragraph: i,
            start: 0,
            end: p.len(),
            text: p.clone(),
            parties: vec![],
        })
        .collect();
    Analysis {
        version: ANALYZER_VERSION,
        paragraphs,
        sentences,
        call: None,
    }
}
