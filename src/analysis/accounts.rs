//! Accounts: the call an article reports, and which sentences give which
//! party's own account of it.

use super::Lexicon;
use crate::model::{CallReport, Draft, Sentence};

/// Find the call `draft` reports and mark each sentence with the parties whose
/// account it gives. An article that reports no call gets no accounts.
pub fn find(_draft: &Draft, _sentences: &mut [Sentence], _lexicon: &Lexicon) -> Option<CallReport> {
    None
}
