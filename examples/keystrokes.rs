//! Per-keystroke latency of the reader's filter, through the worker the app
//! uses: the titles of a file become the library's list, then `macron putin`
//! is typed one key at a time, and after clearing, `zzqx` (which matches
//! nothing). For each key: the time from the keystroke to the first results
//! drawn (a 120x40 frame on ratatui's TestBackend), to the final ranking
//! drawn, and how long the keystroke held the UI thread. Used by
//! `bench/run.sh`.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --articles 100000 --titles-only --out /tmp/t
//! cargo run --release --example keystrokes -- --titles /tmp/t/titles.txt [--runs 5]
//! ```
//! Prints lines `what|value|how`.

use std::time::{Duration, Instant};

use parallax::model::ArticleSummary;
use parallax::tui::filter_worker::FilterWorker;
use parallax::tui::state::{Effect, State};
use parallax::tui::theme::Theme;
use parallax::tui::{Action, Keymap, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Key {
    first: Duration,
    last: Duration,
    held: Duration,
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Apply actions to the state as the app does, handing filter work to the worker.
fn act(state: &mut State, worker: &FilterWorker, action: Action) {
    for e in update::update(state, action) {
        if let Effect::Filter(req) = e {
            worker.submit(req);
        }
    }
}

/// Type one key, then draw what the worker sends until it is done.
fn key(
    state: &mut State,
    worker: &FilterWorker,
    term: &mut Terminal<TestBackend>,
    ch: char,
) -> Key {
    let start = Instant::now();
    act(state, worker, Action::FilterInput { ch });
    let held = start.elapsed();
    let mut first = None;
    if !state.filter.running {
        // Answered on the UI thread (an empty query).
        term.draw(|f| parallax::tui::draw(state, f)).expect("draw");
        let t = start.elapsed();
        return Key {
            first: t,
            last: t,
            held,
        };
    }
    loop {
        let up = worker
            .rx
            .recv_timeout(Duration::from_secs(120))
            .expect("the worker answers");
        if up.generation != state.filter.generation {
            continue;
        }
        let done = up.done;
        update::filtered(state, up);
        term.draw(|f| parallax::tui::draw(state, f)).expect("draw");
        let t = start.elapsed();
        first.get_or_insert(t);
        if done {
            return Key {
                first: first.unwrap_or(t),
                last: t,
                held,
            };
        }
    }
}

fn main() {
    let mut titles = None;
    let mut runs = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--titles" => titles = args.next(),
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(runs),
            _ => {
                eprintln!("usage: keystrokes --titles FILE [--runs N]");
                std::process::exit(2);
            }
        }
    }
    let Some(path) = titles else {
        eprintln!("usage: keystrokes --titles FILE [--runs N]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).expect("the titles file");
    let articles: Vec<ArticleSummary> = text
        .lines()
        .enumerate()
        .map(|(i, t)| ArticleSummary {
            id: i.to_string(),
            title: t.to_string(),
            source: None,
            published: None,
            state: Default::default(),
            calls: vec![],
            participants: vec![],
            parties: vec![],
        })
        .collect();
    let n = articles.len();
    let load = Instant::now();
    let mut state = State::new(articles, Keymap::default(), Theme::colour());
    let load = load.elapsed();
    let (w, h) = (120, 40);
    update::update(
        &mut state,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    let worker = FilterWorker::start();

    let queries = ["macron putin", "zzqx"];
    let mut keys: Vec<Vec<Key>> = queries.iter().map(|_| Vec::new()).collect();
    let mut matched = vec![0; queries.len()];
    for _ in 0..runs {
        for (q, query) in queries.iter().enumerate() {
            act(&mut state, &worker, Action::FilterClear);
            act(&mut state, &worker, Action::Filter);
            for ch in query.chars() {
                let k = key(&mut state, &worker, &mut term, ch);
                if std::env::var_os("KEYSTROKES_VERBOSE").is_some() {
                    eprintln!(
                        "{:?} first {:.1} ms last {:.1} ms held {:.2} ms ({} matches)",
                        state.filter.input,
                        ms(k.first),
                        ms(k.last),
                        ms(k.held),
                        state.filter.matched.len()
                    );
                }
                keys[q].push(k);
            }
            matched[q] = state.filter.matched.len();
            act(&mut state, &worker, Action::FilterAccept);
        }
    }
    let how = |q: usize| {
        format!(
            "{} keystrokes ('{}' typed key by key, {} runs; {} matches), p50 / p95, worker, {w}x{h} frame drawn",
            keys[q].len(),
            queries[q],
            runs,
            matched[q]
        )
    };
    for (q, query) in queries.iter().enumerate() {
        let mut first: Vec<f64> = keys[q].iter().map(|k| ms(k.first)).collect();
        let mut last: Vec<f64> = keys[q].iter().map(|k| ms(k.last)).collect();
        println!(
            "filter '{query}': keystroke to first results|{:.1} ms / {:.1} ms|{}",
            percentile(&mut first, 0.5),
            percentile(&mut first, 0.95),
            how(q)
        );
        println!(
            "filter '{query}': keystroke to final top rows|{:.1} ms / {:.1} ms|{}",
            percentile(&mut last, 0.5),
            percentile(&mut last, 0.95),
            how(q)
        );
    }
    let mut held: Vec<f64> = keys.iter().flatten().map(|k| ms(k.held)).collect();
    let max = held.iter().copied().fold(0.0, f64::max);
    println!(
        "filter: time a keystroke holds the UI thread|{:.2} ms p95, {:.2} ms max|all {} keystrokes",
        percentile(&mut held, 0.95),
        max,
        held.len()
    );
    println!(
        "filter: haystacks folded at load|{:.0} ms|once, {n} titles",
        ms(load)
    );
}
