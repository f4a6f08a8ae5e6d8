//! Analysis: pure functions from an ingested draft to paragraphs, sentences,
//! attributed accounts and the call the article reports; then, across
//! articles, calls grouped and their accounts aligned. No I/O here.
//!
//! Stages, one file each: `clean` (site furniture out, paragraphs kept) →
//! `sentences` (segmentation) → `accounts` (the call reported and which
//! sentences give which party's account) → across articles, `calls` (grouping)
//! and `align` (rows for the side-by-side view).

pub mod accounts;
pub mod align;
pub mod calls;
pub mod clean;
pub mod lexicon;
pub mod sentences;

use crate::model::{Analysis, Draft};
pub use lexicon::Lexicon;

/// Bump when any rule changes: stored results with another version are redone.
pub const ANALYZER_VERSION: u32 = 1;

/// Analyse one article.
pub fn analyze(draft: &Draft, lexicon: &Lexicon) -> Analysis {
    let paragraphs = clean::clean(&draft.title, &draft.body);
    let mut sentences = sentences::split(&paragraphs);
    let call = accounts::find(draft, &mut sentences, lexicon);
    Analysis {
        version: ANALYZER_VERSION,
        paragraphs,
        sentences,
        call,
    }
}
