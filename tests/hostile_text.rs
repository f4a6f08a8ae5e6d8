//! Articles are untrusted: text holding escape sequences (CSI, OSC 52
//! clipboard writes, OSC 8 links, window titles), C0 and C1 controls, bidi
//! overrides, zero-width characters, tabs and very long lines must never reach
//! a terminal raw. Checked on the bytes the CLI writes, on every cell the
//! reader draws (ratatui's TestBackend), and on the raw byte stream of the
//! real binary in a pseudo-terminal.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use parallax::cli::render;
use parallax::ingest::Overrides;
use parallax::library::{ImportOutcome, Library};
use parallax::model::*;
use parallax::tui::state::State;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Every payload hides this word inside an OSC or DCS string: if it is ever
/// seen, a sequence got through or was only half removed.
const MARK: &str = "PWNED";

/// A line holding every kind of hostile text.
fn nasty(word: &str) -> String {
    format!(
        "{word}\u{1b}]0;{MARK}-title\u{7} \u{1b}]52;c;{MARK}Y2xpcA==\u{7}\u{1b}[2J\u{1b}[6n\u{1b}[21t \
         \u{1b}]8;;https://evil.example/{MARK}\u{1b}\\link\u{1b}]8;;\u{1b}\\ \u{9b}5i\u{9d}0;{MARK}\u{9c} \
         \u{1b}P{MARK}\u{1b}\\\u{8}\u{7f}\r\u{202e}desrever\u{202c} zero\u{200b}width\u{feff} tab\there \
         \u{2066}iso\u{2069} \u{85}next Z{} and the leaders spoke of it at length, the office said.",
        "\u{301}".repeat(50)
    )
}

/// A forbidden character, checked without the sanitizer's own tables: C0
/// (other than newline), DEL, C1, bidi controls, zero-width characters.
fn forbidden(c: char) -> bool {
    (c < ' ' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(
            c,
            '\u{61c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

fn assert_clean_text(what: &str, text: &str) {
    if let Some((i, c)) = text.char_indices().find(|(_, c)| forbidden(*c)) {
        let from = text[..i].char_indices().rev().nth(30).map_or(0, |(k, _)| k);
        panic!(
            "{what}: U+{:04X} at byte {i}, after {:?}",
            c as u32,
            &text[from..i]
        );
    }
    assert!(!text.contains(MARK), "{what}: an escape's payload shows");
}

/// The hostile article as a plain-text import, front matter and all. TOML
/// escapes put the controls into the metadata.
fn hostile_text_file() -> Vec<u8> {
    // Prose, so that cleaning keeps it, with an unbroken 6,000-character word.
    let long: String = "Zanzibar is where the two leaders said they would meet again, and the talks went on for hours. "
        .repeat(60)
        + &"x".repeat(6000);
    format!(
        "+++\n\
         source = \"Evil\\u001b]0;{MARK}\\u0007 Wire\\u202e\"\n\
         url = \"https://example.org/a\\u001b]8;;https://evil.example/{MARK}\\u001b\\\\\"\n\
         published = 2022-05-03\n\
         +++\n\
         {}\n\
         By Jane\u{1b}[6n Doe\u{202e}\n\n\
         PARIS — {}\n\n\
         {long}\n\n\
         The Élysée said Macron\u{1b}[8m hidden\u{1b}[28m urged a ceasefire. {}\n",
        nasty("Zanzibar hostile title"),
        nasty("Emmanuel Macron spoke with Vladimir Putin on Tuesday."),
        nasty("Putin said the West\t\tshould stop.")
    )
    .into_bytes()
}

/// The same, as HTML: character references decode to the controls.
fn hostile_html_file() -> Vec<u8> {
    format!(
        "<!doctype html><html><head><title>Quokka &#x1b;]0;{MARK}&#7; page &#x202e;x</title></head>\
         <body><article><h1>Quokka &#x1b;[2J&#x1b;]52;c;{MARK}&#7;headline&#x9b;6n</h1>\
         <p>Paragraph one &#x1b;]8;;https://evil.example/{MARK}&#x1b;\\link&#x1b;]8;;&#x1b;\\ with \
         &#x200b;zero width and &#x2066;isolates&#x2069; in it, long enough to be kept as the body \
         of the article by any sensible extractor of main content.</p>\
         <p>Paragraph two &#x85;&#x9d;0;{MARK}&#x9c; says the Kremlin &#x1b;P{MARK}&#x1b;\\ readout \
         was brief, and adds more words so the paragraph is a real one.</p></article></body></html>"
    )
    .into_bytes()
}

struct Hostile {
    _dir: tempfile::TempDir,
    lib: PathBuf,
    text_id: String,
    html_id: String,
    text_file: PathBuf,
}

fn hostile_library() -> Hostile {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.db");
    let text_file = dir.path().join("hostile.txt");
    std::fs::write(&text_file, hostile_text_file()).unwrap();
    let mut l = Library::open(&lib).unwrap();
    let mut add = |bytes: &[u8], name: &str| match l.import(bytes, name, &Overrides::default()) {
        Ok(ImportOutcome::Added { id, .. }) => id,
        other => panic!("{name}: {other:?}"),
    };
    let text_id = add(&hostile_text_file(), text_file.to_str().unwrap());
    let html_id = add(&hostile_html_file(), "hostile.html");
    Hostile {
        _dir: dir,
        lib,
        text_id,
        html_id,
        text_file,
    }
}

fn run(lib: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--library")
        .arg(lib)
        .args(args)
        .env_remove("PARALLAX_LIBRARY")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn utf8(what: &str, bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"))
}

#[test]
fn list_show_and_calls_print_no_escape_control_or_bidi_character() {
    let h = hostile_library();
    for args in [
        vec!["list"],
        vec!["list", "--filter", "zanzibar"],
        vec!["show", &h.text_id],
        vec!["show", &h.html_id],
        vec!["calls"],
    ] {
        let out = run(&h.lib, &args);
        assert_clean_text(&format!("{args:?}"), &utf8("stdout", &out.stdout));
        assert_clean_text(&format!("{args:?} stderr"), &utf8("stderr", &out.stderr));
    }
    let shown = utf8("show", &run(&h.lib, &["show", &h.text_id]).stdout);
    assert!(shown.contains("Zanzibar hostile title"), "{shown}");
    assert!(
        shown.contains("desrever"),
        "the text around the controls stays"
    );
    // The unbroken 6,000-character word is wrapped, not printed as one line.
    assert!(shown.lines().all(|l| l.chars().count() <= 100), "{shown}");
}

#[test]
fn import_messages_make_hostile_file_names_safe() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.db");
    let name = format!("clip\u{1b}]0;{MARK}\u{7}\u{202e}.txt");
    let file = dir.path().join(&name);
    std::fs::write(&file, b"A title\n\nSome body text.").unwrap();
    let missing = dir.path().join(format!("gone\u{1b}[2J{MARK}\u{9b}.txt"));
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--library")
        .arg(&lib)
        .arg("import")
        .arg(&file)
        .arg(&missing)
        .env_remove("PARALLAX_LIBRARY")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = utf8("stderr", &out.stderr);
    assert!(
        err.contains("added") && err.contains("no such file"),
        "{err}"
    );
    // The OSC's payload goes with it; what the names say around it stays.
    assert!(err.contains("clip") && err.contains("gone"), "{err}");
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err:?}"
    );
}

#[test]
fn json_escapes_the_controls_and_gives_back_the_exact_strings() {
    let h = hostile_library();
    for args in [
        vec!["list", "--json"],
        vec!["show", &h.text_id, "--json"],
        vec!["show", &h.html_id, "--json"],
        vec!["calls", "--json"],
    ] {
        let out = run(&h.lib, &args);
        let text = utf8("json", &out.stdout);
        assert!(
            !text.chars().any(forbidden),
            "{args:?}: a raw control or bidi character in the JSON"
        );
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }
    // JSON is for programs: the strings read back exactly as stored.
    let shown: serde_json::Value =
        serde_json::from_slice(&run(&h.lib, &["show", &h.text_id, "--json"]).stdout).unwrap();
    let source = shown["source"].as_str().unwrap();
    assert_eq!(source, format!("Evil\u{1b}]0;{MARK}\u{7} Wire\u{202e}"));
    let mut lib = Library::open(&h.lib).unwrap();
    let view = lib.article(&h.text_id).unwrap().unwrap();
    let paragraphs: Vec<&str> = shown["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(paragraphs, view.analysis.paragraphs);
}

#[test]
fn show_raw_prints_the_imported_bytes_exactly() {
    let h = hostile_library();
    let out = run(&h.lib, &["show", &h.text_id, "--raw"]);
    assert_eq!(out.stdout, std::fs::read(&h.text_file).unwrap());
    let help = utf8("help", &run(&h.lib, &["show", "--help"]).stdout);
    assert!(
        help.contains("byte for byte") && help.contains("not made safe for a terminal"),
        "{help}"
    );
}

/// A call and its comparison with hostile names, topics and statements,
/// as the analysis might one day produce from a hostile article.
fn hostile_comparison() -> (Call, Comparison) {
    let st = |t: &str| Statement {
        text: nasty(t),
        article: format!("art\u{1b}]0;{MARK}\u{7}icle"),
        sentence: 0,
        also: vec![],
    };
    let fr = "France\u{202e}\u{1b}[31m".to_string();
    let ru = format!("Russia\u{1b}]0;{MARK}\u{7}");
    let participants = vec![nasty("Emmanuel Macron"), nasty("Vladimir Putin")];
    let call = Call {
        id: "2022-05-03-call\u{1b}[2J".to_string(),
        date: chrono::NaiveDate::from_ymd_opt(2022, 5, 3),
        medium: Medium::Phone,
        duration_minutes: Some(130),
        participants: participants.clone(),
        parties: vec![fr.clone(), ru.clone()],
        articles: vec!["a\u{9b}6n".to_string()],
        accounts: BTreeMap::from([
            (fr.clone(), vec![st("Macron urged a ceasefire.")]),
            (ru.clone(), vec![st("Putin blamed Kyiv.")]),
        ]),
    };
    let cmp = Comparison {
        call: CallSummary {
            id: call.id.clone(),
            date: call.date,
            medium: call.medium,
            duration_minutes: call.duration_minutes,
            participants,
            parties: vec![fr.clone(), ru.clone()],
            articles: call.articles.clone(),
        },
        rows: vec![
            Row {
                topic: vec![nasty("ceasefire")],
                cells: BTreeMap::from([
                    (fr.clone(), vec![st("Macron urged a ceasefire.")]),
                    (ru.clone(), vec![st("Putin blamed Kyiv.")]),
                ]),
                one_sided: false,
            },
            Row {
                topic: vec![],
                cells: BTreeMap::from([(fr, vec![st("Only France said this.")]), (ru, vec![])]),
                one_sided: true,
            },
        ],
    };
    (call, cmp)
}

#[test]
fn compare_and_calls_renderings_are_clean() {
    let (call, cmp) = hostile_comparison();
    for width in [40, 80, 200] {
        assert_clean_text("compare", &render::compare(&cmp, width));
    }
    assert_clean_text("compare --markdown", &render::compare_markdown(&cmp));
    assert_clean_text("calls", &render::calls(std::slice::from_ref(&call)));
    let mut json = Vec::new();
    parallax::sanitize::write_json(&mut json, &cmp).unwrap();
    assert!(!utf8("json", &json).chars().any(forbidden));
}

/// Every cell of the frame, as one string per row.
fn cells(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

fn frame(state: &mut State, w: u16, h: u16) -> String {
    update(
        state,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| parallax::tui::draw(state, f)).unwrap();
    cells(&t)
}

#[test]
fn the_reader_draws_no_escape_control_or_bidi_character_in_any_pane() {
    let h = hostile_library();
    let lib = Library::open(&h.lib).unwrap();
    let mut app = App::new(lib, Theme::colour()).unwrap();
    let sizes = [(120, 40), (80, 24), (40, 12)];
    let check = |app: &mut App, what: &str| {
        for (w, ht) in sizes {
            let screen = frame(&mut app.state, w, ht);
            assert_clean_text(&format!("{what} at {w}x{ht}"), &screen);
        }
    };
    app.act(Action::Resize {
        width: 120,
        height: 40,
    });
    check(&mut app, "the list");
    for id in [h.text_id.clone(), h.html_id.clone()] {
        app.act(Action::Top);
        while app.state.selected_article().map(|a| a.id.as_str()) != Some(id.as_str()) {
            app.act(Action::Down);
        }
        check(&mut app, "the list on the hostile article");
        app.act(Action::Open);
        assert!(app.state.reader.is_some(), "{id} opened");
        check(&mut app, "the reader");
        for _ in 0..4 {
            app.act(Action::PageDown);
            check(&mut app, "the reader, scrolled");
        }
        app.act(Action::Back);
    }
    app.act(Action::Help);
    check(&mut app, "help");
    app.act(Action::Back);

    // What the user types or pastes into the filter is echoed clean.
    app.act(Action::Filter);
    for ch in nasty("zanzibar").chars() {
        app.act(Action::FilterInput { ch });
    }
    check(&mut app, "the filter line");
    app.act(Action::FilterAccept);
    check(&mut app, "a kept filter");

    // Status messages quote ids and errors.
    app.state
        .set_status(nasty("Could not save"), parallax::tui::state::Level::Error);
    check(&mut app, "a status message");

    // The side-by-side view of a hostile comparison.
    let (_, cmp) = hostile_comparison();
    let fx = parallax::tui::update::comparison_loaded(&mut app.state, cmp);
    drop(fx);
    check(&mut app, "side by side");
    for _ in 0..3 {
        app.act(Action::Next);
        check(&mut app, "side by side, next statement");
    }
}

/// The escape sequences parallax itself writes: CSI with these final bytes
/// (cursor moves, erase, SGR, modes, scroll region, cursor shape, keyboard
/// flags) and nothing else; no OSC, DCS or other string, no report requests
/// (`n`, `t`, `c`).
fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

fn check_stream(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text.contains(MARK),
        "an escape's payload reached the terminal"
    );
    let mut chars = text.char_indices().peekable();
    let mut seen = std::collections::BTreeSet::new();
    while let Some((at, c)) = chars.next() {
        let context = || {
            format!(
                "{:?}",
                &text[at.saturating_sub(40)..(at + 40).min(text.len())]
            )
        };
        match c {
            '\u{1b}' => {
                let Some((_, '[')) = chars.next() else {
                    panic!("an escape other than CSI at byte {at}: {}", context());
                };
                let mut params = String::new();
                let fin = loop {
                    match chars.next() {
                        Some((_, p @ '\u{20}'..='\u{3f}')) => params.push(p),
                        Some((_, f @ '\u{40}'..='\u{7e}')) => break f,
                        other => panic!("a broken CSI at byte {at} ({other:?}): {}", context()),
                    }
                };
                assert!(
                    "ABCDGHJKSTXdfhlmqru".contains(fin),
                    "CSI {params}{fin} at byte {at} is not one parallax writes: {}",
                    context()
                );
                if fin == 'h' || fin == 'l' {
                    seen.insert(format!("{params}{fin}"));
                }
            }
            '\r' | '\n' => {}
            c if forbidden(c) => panic!("U+{:04X} at byte {at}: {}", c as u32, context()),
            _ => {}
        }
    }
    assert!(
        seen.contains("?1049h"),
        "the stream is the reader's: {seen:?}"
    );
}

#[test]
fn in_a_real_terminal_only_the_readers_own_sequences_reach_the_pty() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let h = hostile_library();
    let (cols, rows) = (100u16, 30u16);
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.arg("--library");
    cmd.arg(&h.lib);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("PARALLAX_LIBRARY");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let raw = Arc::new(Mutex::new(Vec::new()));
    let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
    let (r2, p2) = (raw.clone(), parser.clone());
    let drain = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            r2.lock().unwrap().extend_from_slice(&buf[..n]);
            p2.lock().unwrap().process(&buf[..n]);
        }
    });
    let wait = |what: &str, cond: &dyn Fn(&str) -> bool| {
        let start = Instant::now();
        loop {
            let screen = parser.lock().unwrap().screen().contents();
            if cond(&screen) {
                return;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    };
    let mut send = |keys: &str| {
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    };
    wait("the list", &|s| {
        s.contains("Zanzibar") && s.contains("Quokka")
    });
    send("/zanzibar");
    wait("the filtered list", &|s| s.contains("/zanzibar"));
    send("\r\r");
    wait("the hostile article", &|s| s.contains("desrever"));
    for _ in 0..6 {
        send("\u{1b}[6~");
    }
    // Back to the list, then a new filter (Ctrl-u clears the old one).
    send("\u{1b}");
    send("\u{1b}");
    send("/\u{15}quokka");
    wait("the HTML article listed", &|s| s.contains("/quokka"));
    send("\r\r");
    wait("the HTML article", &|s| s.contains("Paragraph one"));
    send("\u{1b}");
    send("?");
    wait("help", &|s| s.contains("Keys"));
    send("\u{1b}");
    send("q");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("parallax did not quit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(writer);
    drop(pty.master);
    let _ = drain.join();
    let bytes = raw.lock().unwrap().clone();
    assert!(bytes.len() > 1000, "the reader drew something");
    check_stream(&bytes);
}

#[test]
fn the_stream_check_catches_what_it_should() {
    // The checker itself: a raw OSC, a report request and a bidi override fail.
    for bad in [
        "\u{1b}[?1049h\u{1b}]0;x\u{7}".as_bytes().to_vec(),
        "\u{1b}[?1049h\u{1b}[6n".as_bytes().to_vec(),
        "\u{1b}[?1049hab\u{202e}c".as_bytes().to_vec(),
        "\u{1b}[?1049hab\u{9b}c".as_bytes().to_vec(),
    ] {
        let caught = std::panic::catch_unwind(|| check_stream(&bad)).is_err();
        assert!(caught, "{:?} got through", String::from_utf8_lossy(&bad));
    }
    check_stream("\u{1b}[?1049h\u{1b}[1;1H\u{1b}[38;5;12mok\u{1b}[0m\r\n".as_bytes());
}
