//! Alignment of the parties' accounts of one call into rows for the side-by-side view.

use crate::model::{Call, CallSummary, Comparison};

/// Align a call's accounts.
pub fn compare(call: &Call) -> Comparison {
    Comparison {
        call: CallSummary::from(call),
        rows: Vec::new(),
    }
}
