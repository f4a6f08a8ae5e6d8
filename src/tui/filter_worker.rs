//! Ranks a large library off the UI thread. A newer request cancels the
//! older one between chunks; partial rankings are sent as they grow.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::state::{FilterRequest, FilterUpdate};
use crate::filter::{self, Query};

/// Haystacks scanned between checks for a newer request.
pub const CHUNK: usize = 4096;

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

/// Rank `req`, calling `partial` after each chunk; `None` when cancelled by
/// a newer generation.
pub fn rank(
    req: &FilterRequest,
    latest: &AtomicU64,
    mut partial: impl FnMut(FilterUpdate),
) -> Option<FilterUpdate> {
    let query = Query::parse(&req.query);
    let matcher = filter::matcher();
    let all: Vec<usize>;
    let candidates: &[usize] = match &req.candidates {
        Some(c) => c,
        None => {
            all = (0..req.haystacks.len()).collect();
            &all
        }
    };
    let mut hits: Vec<(i64, usize)> = Vec::new();
    let chunks = candidates.chunks(CHUNK);
    let n = chunks.len();
    for (k, chunk) in chunks.enumerate() {
        if latest.load(Ordering::SeqCst) != req.generation {
            return None;
        }
        hits.extend(filter::scan(
            &matcher,
            &req.haystacks,
            chunk.iter().copied(),
            &query,
        ));
        if k + 1 < n {
            filter::sort_hits(&mut hits);
            partial(FilterUpdate {
                generation: req.generation,
                matches: hits.iter().map(|h| h.1).collect(),
                done: false,
            });
        }
    }
    filter::sort_hits(&mut hits);
    Some(FilterUpdate {
        generation: req.generation,
        matches: hits.into_iter().map(|h| h.1).collect(),
        done: true,
    })
}
