//! End to end: the built binary in a pseudo-terminal, its screen parsed by
//! vt100. Opens the PTY at its final size, drains it in a thread, polls the
//! parsed screen until a condition holds, and kills and reaps the child on drop.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use parallax::library::Library;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

impl Session {
    fn start(library: &Path, cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.arg("--library");
        cmd.arg(library);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("PARALLAX_LIBRARY");
        let child = pty.slave.spawn_command(cmd).expect("start parallax");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let p = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => p.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        Session {
            child,
            master: pty.master,
            writer,
            parser,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Poll the screen until `cond` holds; panic with the screen after 15 s.
    fn wait(&self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if cond(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        self.master.resize(size(cols, rows)).unwrap();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The "k/n" count of the status bar's last word.
fn count(screen: &str) -> (usize, usize) {
    let last = screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let word = last.split_whitespace().last().unwrap_or("");
    let word = word.trim_start_matches('★').trim_end_matches('…');
    let (a, b) = word.split_once('/').unwrap_or(("?", "?"));
    (a.parse().unwrap_or(usize::MAX), b.parse().unwrap_or(0))
}

fn prefix(title: &str) -> String {
    title.chars().take(20).collect()
}

#[test]
fn the_reader_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let summaries = Library::open(&path).unwrap().summaries().unwrap();
    assert_eq!(summaries.len(), 5);

    let mut s = Session::start(&path, 120, 40);
    // The five titles.
    s.wait("the five titles", |scr| {
        summaries.iter().all(|a| scr.contains(&prefix(&a.title)))
    });

    assert!(
        s.parser.lock().unwrap().screen().bracketed_paste(),
        "bracketed paste is on"
    );

    // The filter narrows the list.
    s.send("/elysee");
    s.wait("a narrower list", |scr| {
        let (k, n) = count(scr);
        scr.contains("/elysee") && n == 5 && k < 5
    });
    s.send("\x1b");
    s.wait("the filter cleared", |scr| count(scr) == (5, 5));
    s.send("/putin");
    s.wait("putin's articles", |scr| {
        let (k, n) = count(scr);
        scr.contains("/putin") && n == 5 && (1..5).contains(&k)
    });
    s.send("\r");
    let (k, _) = count(&s.screen());
    assert!((1..5).contains(&k), "{}", s.screen());

    // Open the first match.
    s.send("\r");
    s.wait("the reader", |scr| {
        scr.contains("Esc back") && scr.contains("Reader")
    });

    // The side-by-side view of a Macron–Putin call.
    let target = summaries.iter().position(|a| {
        a.parties.iter().any(|p| p == "France") && a.parties.iter().any(|p| p == "Russia")
    });
    let i = target.expect("the samples report a France–Russia call");
    // Esc leaves the reader, a second Esc clears the kept filter (sent apart:
    // ESC followed at once by a key reads as Alt and that key).
    s.send("\x1b");
    s.wait("the list focused", |scr| !scr.contains("Esc back"));
    s.send("\x1b");
    s.wait("the full list", |scr| count(scr) == (5, 5));
    s.send("g");
    s.send(&"j".repeat(i));
    s.send("c");
    s.wait("France and Russia columns", |scr| {
        scr.contains("Side by side")
            && scr.contains("France")
            && scr.contains("Russia")
            && scr.contains("│")
    });

    // Tiny and back.
    s.resize(20, 5);
    s.wait("the too-small notice", |scr| scr.contains("too small"));
    s.resize(120, 40);
    s.wait("the panes again", |scr| {
        scr.contains("Articles") && scr.contains("q quit")
    });

    // Quit: the terminal is given back.
    s.send("q");
    let start = Instant::now();
    let status = loop {
        if let Some(st) = s.child.try_wait().unwrap() {
            break st;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "parallax did not quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(100));
    {
        let p = s.parser.lock().unwrap();
        assert!(!p.screen().alternate_screen(), "left the alternate screen");
        assert!(!p.screen().hide_cursor(), "the cursor is shown again");
        assert!(
            !p.screen().bracketed_paste(),
            "bracketed paste is off again"
        );
    }

    // Opening an article marked it read, in the library.
    let after = Library::open(&path).unwrap().summaries().unwrap();
    assert!(
        after.iter().any(|a| a.state.read),
        "an opened article is read"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let mut s = Session::start(&path, 80, 24);
    s.wait("the list", |scr| scr.contains("Articles"));
    let pid = s.child.process_id().expect("a pid");
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let start = Instant::now();
    let status = loop {
        if let Some(st) = s.child.try_wait().unwrap() {
            break st;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "SIGTERM did not end it"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.exit_code(), 143, "128 + SIGTERM");
    std::thread::sleep(Duration::from_millis(100));
    let p = s.parser.lock().unwrap();
    assert!(!p.screen().alternate_screen());
    assert!(!p.screen().hide_cursor());
    assert!(!p.screen().bracketed_paste());
}

#[test]
fn sighup_ends_the_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let mut s = Session::start(&path, 80, 24);
    s.wait("the list", |scr| scr.contains("Articles"));
    let pid = s.child.process_id().expect("a pid");
    let ok = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let start = Instant::now();
    while s.child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "SIGHUP did not end it"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Import text files into the library with the built binary.
fn import(library: &Path, dir: &Path, files: &[(&str, &str, &str)]) {
    for (name, source, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
            .arg("--library")
            .arg(library)
            .args(["import", "--source", source, "--published", "2025-01-02"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    }
}

/// The symbol in a cell of the parsed screen.
fn cell(s: &Session, row: u16, col: u16) -> String {
    let p = s.parser.lock().unwrap();
    p.screen()
        .cell(row, col)
        .map(|c| c.contents().to_string())
        .unwrap_or_default()
}

#[test]
fn a_resize_storm_from_a_1x1_terminal_ends_drawn_right() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    Library::open(&path).unwrap();
    let mut s = Session::start(&path, 1, 1);
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().unwrap().is_none(), "alive at 1x1");
    // Sizes from a cheap generator: no two runs need differ to be a storm.
    let mut x: u32 = 7;
    for _ in 0..80 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let cols = 1 + (x >> 8) % 200;
        let rows = 1 + (x >> 20) % 60;
        s.resize(cols as u16, rows as u16);
    }
    for (cols, rows) in [(1, 1), (2, 1), (1, 2), (250, 80), (100, 30)] {
        s.resize(cols, rows);
    }
    s.wait("the panes at 100x30", |scr| {
        scr.contains("Articles") && scr.contains("q quit") && count(scr) == (5, 5)
    });
    // The frame fits the final size: the list's corner on the left and
    // the right pane's corner in the last column.
    let ok = |s: &Session| {
        ["┏", "┌"].contains(&cell(s, 0, 0).as_str())
            && ["┐", "┓"].contains(&cell(s, 0, 99).as_str())
            && ["┘", "┛"].contains(&cell(s, 28, 99).as_str())
    };
    let start = Instant::now();
    while !ok(&s) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the frame does not fit 100x30:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    // Still answering keys.
    s.send("j");
    s.wait("the cursor moved", |scr| scr.contains("Articles"));
    s.send("q");
    let start = Instant::now();
    while s.child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_paste_lands_in_the_filter_as_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let mut s = Session::start(&path, 100, 30);
    s.wait("the list", |scr| count(scr) == (5, 5));
    // A pasted line break must not be read as Enter.
    s.send("\x1b[200~putin\r\nmacron\x1b[201~");
    let scr = s.wait("the pasted filter", |scr| scr.contains("/putin macron▏"));
    assert!(!scr.contains("Esc back"), "nothing was opened:\n{scr}");
    s.send("\x1b");
    s.wait("the filter cleared", |scr| {
        count(scr) == (5, 5) && !scr.contains("/putin")
    });
}

#[test]
fn wide_and_right_to_left_titles_keep_the_list_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    Library::open(&path).unwrap();
    import(
        &path,
        dir.path(),
        &[
            (
                "cjk.txt",
                "新华社",
                "习近平同普京通电话讨论乌克兰局势\n\n习近平同俄罗斯总统普京通电话。\n",
            ),
            (
                "rtl.txt",
                "الجزيرة",
                "ماكرون يتصل ببوتين \u{202e}evil\u{202c} ويدعو إلى وقف إطلاق النار\n\nتحدث الرئيسان لمدة ساعتين.\n",
            ),
            (
                "emoji.txt",
                "Social",
                "❤\u{fe0f} Macron 👍🏽 and Putin 🇫🇷🇷🇺 agree to talk again\n\nThey spoke.\n",
            ),
        ],
    );
    let s = Session::start(&path, 100, 30);
    s.wait("eight titles", |scr| count(scr) == (8, 8));
    // The list is 45 columns wide at 100: every row ends on its border.
    let start = Instant::now();
    loop {
        let bad: Vec<u16> = (1..=8)
            .filter(|&row| !["┃", "│"].contains(&cell(&s, row, 44).as_str()))
            .collect();
        if bad.is_empty() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "rows {bad:?} do not end at the border:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    let scr = s.screen();
    assert!(scr.contains("习近平"), "{scr}");
    assert!(scr.contains("ماكرون"), "{scr}");
    assert!(!scr.contains('\u{202e}'), "bidi override stripped");
}
