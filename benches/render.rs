//! One frame of the reader through the real draw code (`tui::draw`) onto
//! ratatui's TestBackend, at 80x24 and 200x60: the list of a 100k library
//! (unfiltered and filtered, with match highlights), and an article open in
//! the reader beside the list.
//!
//! ```sh
//! cargo bench --bench render
//! ```

mod common;

use divan::Bencher;
use parallax::library::Library;
use parallax::tui::state::State;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, Keymap, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SIZES: [&str; 2] = ["80x24", "200x60"];

fn size(s: &str) -> (u16, u16) {
    let (w, h) = s.split_once('x').expect("WxH");
    (w.parse().expect("width"), h.parse().expect("height"))
}

fn frame(bencher: Bencher, state: &State, w: u16, h: u16) {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    // The first frame lays out; the benchmark is the frames after it.
    t.draw(|f| parallax::tui::draw(state, f)).expect("draw");
    bencher.bench_local(|| {
        t.draw(|f| parallax::tui::draw(state, f)).expect("draw");
    });
}

fn resized(mut s: State, w: u16, h: u16) -> State {
    update(
        &mut s,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    s
}

/// The list of 100k articles, unfiltered.
#[divan::bench(args = SIZES, sample_count = 200)]
fn list_100k(bencher: Bencher, at: &str) {
    let (w, h) = size(at);
    let s = State::new(
        common::summaries(100_000),
        Keymap::default(),
        Theme::colour(),
    );
    let s = resized(s, w, h);
    frame(bencher, &s, w, h);
}

/// The list of 100k articles filtered on `macron putin`: each row highlights
/// its matches.
#[divan::bench(args = SIZES, sample_count = 200)]
fn list_100k_filtered(bencher: Bencher, at: &str) {
    let (w, h) = size(at);
    let mut s = State::new(
        common::summaries(100_000),
        Keymap::default(),
        Theme::colour(),
    );
    s.sync_limit = usize::MAX;
    update(&mut s, Action::Filter);
    for ch in "macron putin".chars() {
        update(&mut s, Action::FilterInput { ch });
    }
    update(&mut s, Action::FilterAccept);
    assert!(!s.visible.is_empty());
    let s = resized(s, w, h);
    frame(bencher, &s, w, h);
}

/// A bundled sample article open in the reader (beside the list where it
/// fits), from a library holding the samples.
#[divan::bench(args = SIZES, sample_count = 200)]
fn reader(bencher: Bencher, at: &str) {
    let (w, h) = size(at);
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut lib = Library::open(&dir.path().join("lib.db")).expect("a library");
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    let mut paths: Vec<_> = std::fs::read_dir(samples)
        .expect("the samples")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    for p in paths {
        let bytes = std::fs::read(&p).expect("a sample");
        lib.import(&bytes, &p.to_string_lossy(), &Default::default())
            .expect("the sample imports");
    }
    let mut app = App::new(lib, Theme::colour()).expect("the app");
    app.act(Action::Resize {
        width: w,
        height: h,
    });
    app.act(Action::Open);
    assert!(app.state.reader.is_some());
    frame(bencher, &app.state, w, h);
}
