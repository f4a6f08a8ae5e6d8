//! Grouping: the same call reported by several articles becomes one call.

use crate::model::{ArticleId, Call, CallReport, Sentence};

/// One article's contribution to grouping.
pub struct ArticleCall<'a> {
    pub article: &'a ArticleId,
    pub report: &'a CallReport,
    /// (sentence index, sentence) for the sentences that carry an account.
    pub statements: Vec<(usize, &'a Sentence)>,
}

/// Group per-article call reports into calls.
pub fn group(_articles: &[ArticleCall<'_>]) -> Vec<Call> {
    Vec::new()
}
