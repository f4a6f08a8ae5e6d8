//! Ranks a large library off the UI thread, on every core. A newer request
//! cancels the older one between chunks; the best rows found so far are
//! sent as the scan goes, then the whole ranking.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use rayon::prelude::*;

use super::state::{FilterRequest, FilterUpdate};
use crate::filter::{self, Query};

/// Haystacks scanned between checks for a newer request.
pub const CHUNK: usize = 2048;

pub struct FilterWorker {
    tx: Option<Sender<FilterRequest>>,
    pub rx: Receiver<FilterUpdate>,
    latest: Arc<AtomicU64>,
    handle: Option<JoinHandle<()>>,
}

impl FilterWorker {
    pub fn start() -> FilterWorker {
        let (tx, req_rx) = channel::<FilterRequest>();
        let (up_tx, rx) = channel::<FilterUpdate>();
        let latest = Arc::new(AtomicU64::new(0));
        let l = latest.clone();
        let handle = std::thread::Builder::new()
            .name("filter".into())
            .spawn(move || work(req_rx, up_tx, l))
            .expect("spawn the filter thread");
        FilterWorker {
            tx: Some(tx),
            rx,
            latest,
            handle: Some(handle),
        }
    }

    pub fn submit(&self, req: FilterRequest) {
        self.latest.store(req.generation, Ordering::SeqCst);
        if let Some(tx) = &self.tx {
            let _ = tx.send(req);
        }
    }
}

impl Drop for FilterWorker {
    fn drop(&mut self) {
        self.latest.store(u64::MAX, Ordering::SeqCst);
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn work(rx: Receiver<FilterRequest>, tx: Sender<FilterUpdate>, latest: Arc<AtomicU64>) {
    while let Ok(mut req) = rx.recv() {
        // Skip to the newest request waiting.
        while let Ok(newer) = rx.try_recv() {
            req = newer;
        }
        if let Some(up) = rank(&req, &latest, |partial| {
            let _ = tx.send(partial);
        }) && tx.send(up).is_err()
        {
            return;
        }
    }
}

/// Rows a partial ranking carries: more than any screen shows.
pub const TOP: usize = 512;

/// The most haystacks scored between two partial rankings. Rounds start at
/// one chunk, for quick first results, and double up to this.
const MAX_ROUND: usize = 32 * CHUNK;

/// Rank `req`, calling `partial` with the best [`TOP`] found so far after
/// each round but the last (the app draws what came since its last frame). Chunks are scored on every
/// core and the work stops between chunks when a newer generation arrives:
/// `None` then. The final update has every match, ranked, and their set for
/// narrowing a grown query.
pub fn rank(
    req: &FilterRequest,
    latest: &AtomicU64,
    mut partial: impl FnMut(FilterUpdate),
) -> Option<FilterUpdate> {
    let query = Query::parse(&req.query);
    let matcher = filter::matcher();
    let cancelled = || latest.load(Ordering::SeqCst) != req.generation;
    let total = match &req.candidates {
        Some(c) => c.len(),
        None => req.haystacks.len(),
    };
    let score_range = |from: usize, to: usize| -> Vec<(i64, usize)> {
        match &req.candidates {
            Some(c) => filter::scan(
                &matcher,
                &req.haystacks,
                c[from..to].iter().copied(),
                &query,
            ),
            None => filter::scan(&matcher, &req.haystacks, from..to, &query),
        }
    };
    let mut hits: Vec<(i64, usize)> = Vec::new();
    let mut top: Vec<(i64, usize)> = Vec::new();
    let mut pos = 0;
    let mut round = CHUNK;
    while pos < total {
        if cancelled() {
            return None;
        }
        let end = (pos + round).min(total);
        let found: Option<Vec<Vec<(i64, usize)>>> = (pos..end)
            .step_by(CHUNK)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|from| (!cancelled()).then(|| score_range(from, (from + CHUNK).min(end))))
            .collect();
        let found = found?;
        let before = hits.len();
        for f in found {
            hits.extend(f);
        }
        pos = end;
        top.extend_from_slice(&hits[before..]);
        filter::top_hits(&mut top, TOP);
        if pos < total {
            partial(FilterUpdate {
                generation: req.generation,
                matches: top.iter().map(|h| h.1).collect(),
                done: false,
                set: None,
            });
        }
        round = (round * 2).min(MAX_ROUND);
    }
    if cancelled() {
        return None;
    }
    filter::sort_hits(&mut hits);
    let matches: Vec<usize> = hits.into_iter().map(|h| h.1).collect();
    let set: Arc<[usize]> = Arc::from(&matches[..]);
    Some(FilterUpdate {
        generation: req.generation,
        matches,
        done: true,
        set: Some(set),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn haystacks(n: usize) -> Arc<Vec<String>> {
        let names = ["Macron", "Putin", "Orbán", "Élysée", "Scholz", "Xi", "Lula"];
        Arc::new(
            (0..n)
                .map(|i| {
                    filter::fold(&format!(
                        "{} calls {} over item {i}",
                        names[i % names.len()],
                        names[(i / 7 + 3) % names.len()]
                    ))
                })
                .collect(),
        )
    }

    fn request(
        generation: u64,
        query: &str,
        hay: &Arc<Vec<String>>,
        candidates: Option<Arc<[usize]>>,
    ) -> FilterRequest {
        FilterRequest {
            generation,
            query: query.into(),
            haystacks: hay.clone(),
            candidates,
        }
    }

    #[test]
    fn a_grown_query_narrowed_gives_the_answer_of_a_fresh_search() {
        let hay = haystacks(30_000);
        let latest = AtomicU64::new(1);
        let first = rank(&request(1, "ma", &hay, None), &latest, |_| {}).unwrap();
        let set = first.set.clone().expect("a done ranking carries its set");
        let mut sorted: Vec<usize> = first.matches.clone();
        sorted.sort_unstable();
        let mut in_set = set.to_vec();
        in_set.sort_unstable();
        assert_eq!(in_set, sorted, "the set is the matches");
        for grown in ["mac", "ma p", "ma 'put", "ma !orban", "ma ^mac"] {
            assert!(filter::narrows("ma", grown), "{grown}");
            latest.store(2, Ordering::SeqCst);
            let narrowed = rank(&request(2, grown, &hay, Some(set.clone())), &latest, |_| {})
                .unwrap()
                .matches;
            let fresh = rank(&request(2, grown, &hay, None), &latest, |_| {})
                .unwrap()
                .matches;
            assert_eq!(narrowed, fresh, "{grown}");
            assert_eq!(fresh, filter::rank(&hay, &Query::parse(grown)), "{grown}");
        }
    }

    #[test]
    fn partial_rankings_are_the_best_rows_so_far() {
        let hay = haystacks(40_000);
        let latest = AtomicU64::new(3);
        let mut partials = Vec::new();
        let done = rank(&request(3, "putin", &hay, None), &latest, |p| {
            partials.push(p)
        })
        .unwrap();
        assert!(partials.len() >= 2);
        let m = filter::matcher();
        let q = Query::parse("putin");
        // Each partial is the exact ranking of the haystacks scanned so far,
        // cut to TOP rows; rounds of CHUNK, 2 CHUNK, 4 CHUNK, ...
        let (mut end, mut round) = (0, CHUNK);
        for p in &partials {
            assert!(!p.done && p.set.is_none());
            end += round;
            round = (round * 2).min(MAX_ROUND);
            let mut hits = filter::scan(&m, &hay, 0..end, &q);
            filter::top_hits(&mut hits, TOP);
            assert_eq!(p.matches, hits.iter().map(|h| h.1).collect::<Vec<_>>());
        }
        assert!(end < hay.len());
        assert_eq!(done.matches, filter::rank(&hay, &q));
        assert!(done.matches.len() > TOP);
    }

    #[test]
    fn top_hits_keeps_the_best_in_order() {
        let mut hits: Vec<(i64, usize)> = (0..1000).map(|i| ((i * 7919 % 101) as i64, i)).collect();
        let mut all = hits.clone();
        filter::sort_hits(&mut all);
        filter::top_hits(&mut hits, 10);
        assert_eq!(hits, all[..10]);
        filter::top_hits(&mut hits, 0);
        assert!(hits.is_empty());
    }
}
