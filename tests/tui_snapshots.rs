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

/// No panic at any size down to 1x1, whatever is open.
#[test]
fn every_size_renders() {
    let setups: Vec<Vec<Action>> = vec![
        vec![],
        vec![Action::Down, Action::Open, Action::Next],
        vec![Action::Down, Action::Compare, Action::Next, Action::Bottom],
        vec![Action::Help],
        vec![Action::Filter, Action::FilterInput { ch: 'x' }],
    ];
    for setup in setups {
        let mut s = with(&setup);
        for w in (1..=70).step_by(3) {
            for h in 1..=20 {
                let _ = render(&mut s, w, h);
            }
        }
        for (w, h) in [(1, 1), (2, 1), (1, 2), (300, 100)] {
            let _ = render(&mut s, w, h);
        }
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
