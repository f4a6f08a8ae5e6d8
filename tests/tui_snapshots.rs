//! Each pane and overlay at 80x24, 120x40 and 40x12 (ratatui's TestBackend),
//! on fixture data (stable whatever analysis finds) and on the samples.

mod common;

use common::*;
use parallax::library::Library;
use parallax::tui::state::State;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, Keymap, Pane, update};
use ratatui::style::Color;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

fn snap(name: &str, mut make: impl FnMut() -> State) {
    for (w, h) in SIZES {
        let mut s = make();
        let t = render(&mut s, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

fn with(actions: &[Action]) -> State {
    let mut d = Driver::default();
    let mut s = state();
    for a in actions {
        d.act(&mut s, a.clone());
    }
    s
}

#[test]
fn list() {
    snap("list", || with(&[]));
}

#[test]
fn list_filtered() {
    snap("list_filtered", || {
        let mut s = with(&[Action::Filter]);
        for ch in "macron".chars() {
            update(&mut s, Action::FilterInput { ch });
        }
        s
    });
}

#[test]
fn list_no_match() {
    snap("list_no_match", || {
        let mut s = with(&[Action::Filter]);
        for ch in "zzz".chars() {
            update(&mut s, Action::FilterInput { ch });
        }
        update(&mut s, Action::FilterAccept);
        s
    });
}

#[test]
fn list_empty_library() {
    snap("list_empty", || {
        let mut s = State::new(vec![], Keymap::default(), Theme::colour());
        update(
            &mut s,
            Action::Resize {
                width: 80,
                height: 24,
            },
        );
        s
    });
}

#[test]
fn reader() {
    snap("reader", || {
        with(&[Action::Down, Action::Open, Action::Next])
    });
}

#[test]
fn side_by_side() {
    snap("side_by_side", || {
        with(&[Action::Down, Action::Compare, Action::Next])
    });
}

#[test]
fn side_by_side_without_rows() {
    snap("side_by_side_empty", || {
        let mut s = state();
        let mut c = comparison();
        c.rows.clear();
        c.call.duration_minutes = None;
        c.call.articles.truncate(1);
        let _ = parallax::tui::update::comparison_loaded(&mut s, c);
        s
    });
}

#[test]
fn help_overlay() {
    snap("help", || with(&[Action::Help]));
}

#[test]
fn status_message() {
    snap("status_message", || with(&[Action::Compare]));
}

#[test]
fn too_small() {
    let mut s = state();
    let t = render(&mut s, 20, 5);
    insta::assert_snapshot!("too_small_20x5", t.backend());
}

/// Builds a state to draw.
type Setup = fn() -> State;

/// No panic at any size from 1x1 to 40x15 (and a few beyond), whatever is
/// open: every pane, every overlay, both side-by-side layouts.
#[test]
fn every_size_renders() {
    let setups: [(&str, Setup); 8] = [
        ("list", || with(&[])),
        ("reader", || {
            with(&[Action::Down, Action::Open, Action::Next])
        }),
        ("side by side", || {
            with(&[Action::Down, Action::Compare, Action::Next, Action::Bottom])
        }),
        ("three parties", three_parties),
        ("help", || with(&[Action::Help, Action::Bottom])),
        ("filter", || {
            with(&[Action::Filter, Action::FilterInput { ch: 'x' }])
        }),
        ("no bookmarks", || {
            with(&[Action::BookmarksOnly, Action::Bookmark])
        }),
        ("wide text", wide_text),
    ];
    for (name, make) in setups {
        let mut s = make();
        for w in 1..=40 {
            for h in 1..=15 {
                let t = render(&mut s, w, h);
                let text = format!("{}", t.backend());
                if w >= 30 && h >= 8 {
                    assert!(!text.contains("too small"), "{name} at {w}x{h}");
                } else if w >= 20 && h >= 4 {
                    assert!(text.contains("small"), "{name} at {w}x{h}:\n{text}");
                }
            }
        }
        for (w, h) in [(1, 1), (2, 1), (1, 2), (300, 100), (99, 30), (100, 30)] {
            let _ = render(&mut s, w, h);
        }
    }
}

fn three_parties() -> State {
    let mut s = state();
    let _ = parallax::tui::update::comparison_loaded(&mut s, three_party_comparison());
    s
}

#[test]
fn side_by_side_with_three_parties() {
    snap("side_by_side_three_parties", three_parties);
}

/// Titles in scripts that take two cells a char, emoji, and right-to-left
/// text; sources likewise.
fn wide_text() -> State {
    let mut a = summaries();
    a[0].title = "習近平与普京通电话 讨论乌克兰局势".into();
    a[0].source = Some("新华社".into());
    a[1].title = "❤\u{fe0f} Macron 👍🏽 and Putin 🇫🇷🇷🇺 resume contact".into();
    a[2].title = "\u{202b}ماكرون يتصل ببوتين\u{202c} — مَرحبا".into();
    a[2].source = Some("الجزيرة".into());
    a[3].title = "מקרון ופוטין שוחחו בטלפון".into();
    let mut s = State::new(a, Keymap::default(), Theme::colour());
    update(
        &mut s,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    s
}

#[test]
fn wide_and_right_to_left_titles_keep_the_columns_aligned() {
    snap("list_wide_text", wide_text);
    for (w, h) in SIZES {
        let mut s = wide_text();
        let t = render(&mut s, w, h);
        let buf = t.backend().buffer();
        let list = parallax::tui::layout::areas(&s).list.unwrap();
        let right = list.right() - 1;
        for y in list.y + 1..list.y + 5 {
            let cell = buf[(right, y)].symbol();
            assert!(
                cell == "┃" || cell == "│",
                "row {y} at {w}x{h} ends with {cell:?}:\n{}",
                t.backend()
            );
            // What is drawn up to the border is exactly as wide as the
            // list: a wide char's second cell is its own, not a gap.
            let mut x = list.x;
            let mut drawn = 0;
            while x <= right {
                let cw = parallax::tui::wrap::width(buf[(x, y)].symbol()).max(1);
                drawn += cw;
                x += cw as u16;
            }
            assert_eq!(drawn, list.width as usize, "row {y} at {w}x{h}");
        }
        let text = format!("{}", t.backend());
        assert!(
            !text.contains('\u{202b}'),
            "bidi controls never reach the screen"
        );
    }
}

#[test]
fn accounts_are_tinted_in_their_party_colour() {
    let mut s = with(&[Action::Down, Action::Open]);
    let t = render(&mut s, 120, 40);
    let buf = t.backend().buffer();
    let find = |needle: &str| -> (u16, u16) {
        for y in 0..buf.area.height {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            if let Some(b) = row.find(needle) {
                return (row[..b].chars().count() as u16, y);
            }
        }
        panic!("{needle} not on screen");
    };
    let theme = Theme::colour();
    let (x, y) = find("Macron urged Russia");
    assert_eq!(buf[(x, y)].fg, theme.party("France").fg.unwrap());
    let (x, y) = find("Putin told Macron");
    assert_eq!(buf[(x, y)].fg, theme.party("Russia").fg.unwrap());
    let (x, y) = find("Analysts");
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    // The legend names both.
    find("▌France");
    find("▌Russia");
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let mut s = State::new(summaries(), Keymap::default(), Theme::mono());
    let t = render(&mut s, 80, 24);
    let buf = t.backend().buffer();
    let cell = &buf[(10, 2)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    for y in 0..24 {
        for x in 0..80 {
            let c = &buf[(x, y)];
            assert_eq!(
                (c.fg, c.bg),
                (Color::Reset, Color::Reset),
                "colour at {x},{y}"
            );
        }
    }
}

#[test]
fn article_text_is_rendered_safely() {
    let mut d = Driver::default();
    let mut v = politico_view();
    v.title = "Evil\u{1b}]0;pwned\u{7} title\u{202e}".into();
    v.analysis.paragraphs[3] = "Analysts\u{1b}[2J were \u{200b}not\r\nimpressed.".into();
    d.views.insert(POLITICO.into(), v);
    let mut s = state();
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Open);
    let t = render(&mut s, 120, 40);
    let text = format!("{}", t.backend());
    assert!(text.contains("Evil title"));
    assert!(text.contains("Analysts were not impressed."));
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{200b}'));
}

/// The samples with their analysis as it stands: these snapshots change
/// when the analysis does, apart from the fixture ones above.
#[test]
fn sample_library_side_by_side_help_filter_and_too_small() {
    let dir = tempfile::tempdir().unwrap();
    for (w, h) in SIZES {
        let mut app = sample_app(&dir);
        app.act(Action::Resize {
            width: w,
            height: h,
        });
        // The first article reporting a call, else the Macron–Putin one.
        let at = app
            .state
            .visible
            .iter()
            .position(|&i| !app.state.articles[i].calls.is_empty())
            .unwrap_or(2);
        for _ in 0..at {
            app.act(Action::Down);
        }
        app.act(Action::Compare);
        let t = render(&mut app.state, w, h);
        insta::assert_snapshot!(format!("samples_side_by_side_{w}x{h}"), t.backend());
        app.act(Action::Help);
        let t = render(&mut app.state, w, h);
        insta::assert_snapshot!(format!("samples_help_{w}x{h}"), t.backend());
        app.act(Action::Back);
        app.act(Action::Filter);
        for ch in "putin macron".chars() {
            app.act(Action::FilterInput { ch });
        }
        let t = render(&mut app.state, w, h);
        insta::assert_snapshot!(format!("samples_filter_{w}x{h}"), t.backend());
    }
    let mut app = sample_app(&dir);
    let t = render(&mut app.state, 24, 6);
    insta::assert_snapshot!("samples_too_small_24x6", t.backend());
}

fn sample_app(dir: &tempfile::TempDir) -> App {
    let lib = Library::open(&dir.path().join("lib.db")).unwrap();
    App::new(lib, Theme::colour()).unwrap()
}

#[test]
fn sample_library_list_and_reader() {
    let dir = tempfile::tempdir().unwrap();
    for (w, h) in SIZES {
        let mut app = sample_app(&dir);
        app.act(Action::Resize {
            width: w,
            height: h,
        });
        let t = render(&mut app.state, w, h);
        insta::assert_snapshot!(format!("samples_list_{w}x{h}"), t.backend());
        // The third sample (Macron and Putin resume telephone contact).
        app.act(Action::Down);
        app.act(Action::Down);
        app.act(Action::Open);
        assert_eq!(app.state.focus, Pane::Reader);
        let t = render(&mut app.state, w, h);
        insta::assert_snapshot!(format!("samples_reader_{w}x{h}"), t.backend());
        // Opening marked it read in the library; put it back for the next size.
        app.act(Action::ToggleRead);
        app.act(Action::Top);
        app.act(Action::Back);
    }
    // Reading state went to the library as it happened.
    let mut app = sample_app(&dir);
    let a = &app.lib.summaries().unwrap()[2];
    assert!(!a.state.read);
    app.act(Action::Bookmark);
    assert!(app.lib.summaries().unwrap()[0].state.bookmarked);
}

#[test]
fn words_only_one_side_used_stand_out() {
    let mut s = with(&[Action::Down, Action::Compare]);
    let t = render(&mut s, 120, 40);
    let buf = t.backend().buffer();
    let style_at = |needle: &str| {
        for y in 0..buf.area.height {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            if let Some(b) = row.find(needle) {
                return buf[(row[..b].chars().count() as u16, y)].modifier;
            }
        }
        panic!("{needle} not on screen");
    };
    use ratatui::style::Modifier;
    assert!(style_at("evacuation of").contains(Modifier::UNDERLINED));
    assert!(style_at("corridors").contains(Modifier::UNDERLINED));
    assert!(
        !style_at("Mariupol,").contains(Modifier::UNDERLINED),
        "both sides name Mariupol"
    );
}

#[test]
fn the_reader_keeps_its_place_across_a_resize() {
    let mut d = Driver::default();
    let mut s = state();
    update(
        &mut s,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Open);
    // Scroll so that the Kremlin's sentence is at the top.
    while {
        let r = s.reader.as_ref().unwrap();
        let doc = r.doc(parallax::tui::layout::reader_text(&s).width);
        doc.sentence_line[4] > r.scroll
    } {
        d.act(&mut s, Action::Down);
    }
    let t = render(&mut s, 60, 12);
    let text = format!("{}", t.backend());
    assert!(text.contains("Putin told Macron"), "{text}");
}

#[test]
fn matched_characters_are_lit_through_folding() {
    let mut s = with(&[Action::Filter]);
    for ch in "elysee".chars() {
        update(&mut s, Action::FilterInput { ch });
    }
    let t = render(&mut s, 120, 40);
    let buf = t.backend().buffer();
    let theme = Theme::colour();
    let row: String = (0..120).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    let b = row.find("Élysée readout").expect("the best match on top");
    let x = row[..b].chars().count() as u16;
    for k in 0..6 {
        assert_eq!(buf[(x + k, 1)].fg, theme.matched().fg.unwrap(), "char {k}");
    }
    assert_ne!(buf[(x + 7, 1)].fg, theme.matched().fg.unwrap());
}
