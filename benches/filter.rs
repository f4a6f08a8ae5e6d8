//! The list filter per keystroke at 10k and 100k titles: the ranking the
//! `list --filter` command and small libraries use (`filter::rank`), and the
//! worker's ranking the reader uses for large ones (`filter_worker::rank`),
//! each over haystacks folded once, as the app holds them.
//!
//! ```sh
//! cargo bench --bench filter
//! ```

mod common;

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use divan::Bencher;
use parallax::filter::{self, Query};
use parallax::tui::filter_worker;
use parallax::tui::state::FilterRequest;

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [10_000, 100_000];
/// The prefixes typed on the way to `macron putin`, and a query matching nothing.
const QUERIES: [&str; 5] = ["m", "mac", "macron", "macron putin", "zzqx"];

fn folded(n: usize) -> Arc<Vec<String>> {
    Arc::new(
        common::summaries(n)
            .iter()
            .map(|a| filter::fold(&filter::haystack(a)))
            .collect(),
    )
}

fn rank(bencher: Bencher, n: usize, q: &str) {
    let hay = folded(n);
    let query = Query::parse(q);
    bencher.bench(|| filter::rank(&hay, &query));
}

fn worker(bencher: Bencher, n: usize, q: &str) {
    let req = FilterRequest {
        generation: 1,
        query: q.into(),
        haystacks: folded(n),
        candidates: None,
    };
    let latest = AtomicU64::new(1);
    bencher.bench(|| filter_worker::rank(&req, &latest, |p| drop(divan::black_box(p))));
}

#[divan::bench(args = QUERIES, sample_count = 20)]
fn rank_10k(bencher: Bencher, q: &str) {
    rank(bencher, 10_000, q);
}

#[divan::bench(args = QUERIES, sample_count = 20)]
fn rank_100k(bencher: Bencher, q: &str) {
    rank(bencher, 100_000, q);
}

#[divan::bench(args = QUERIES, sample_count = 20)]
fn worker_10k(bencher: Bencher, q: &str) {
    worker(bencher, 10_000, q);
}

#[divan::bench(args = QUERIES, sample_count = 20)]
fn worker_100k(bencher: Bencher, q: &str) {
    worker(bencher, 100_000, q);
}

/// Folding a library's haystacks, done once when the reader opens.
#[divan::bench(args = SIZES, sample_count = 10)]
fn fold_at_load(bencher: Bencher, n: usize) {
    let items = common::summaries(n);
    bencher.bench(|| {
        items
            .iter()
            .map(|a| filter::fold(&filter::haystack(a)))
            .collect::<Vec<_>>()
    });
}
