//! `update()` without a terminal: one or more tests per action.

mod common;

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use common::*;
use parallax::filter::{self, Query};
use parallax::tui::filter_worker;
use parallax::tui::state::{Effect, FilterRequest, FilterUpdate, Level, Pane, State};
use parallax::tui::{Action, update};

fn ids(s: &State) -> Vec<&str> {
    s.visible
        .iter()
        .map(|&i| s.articles[i].id.as_str())
        .collect()
}

fn typed(d: &mut Driver, s: &mut State, text: &str) {
    d.act(s, Action::Filter);
    for ch in text.chars() {
        d.act(s, Action::FilterInput { ch });
    }
}

fn resize(s: &mut State, width: u16, height: u16) {
    update(s, Action::Resize { width, height });
}

fn open_politico(d: &mut Driver, s: &mut State) {
    d.act(s, Action::Down);
    d.act(s, Action::Open);
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn down_up_top_bottom_move_the_list_cursor() {
    let mut s = state();
    update(&mut s, Action::Down);
    update(&mut s, Action::Down);
    assert_eq!(s.selected, 2);
    update(&mut s, Action::Up);
    assert_eq!(s.selected, 1);
    update(&mut s, Action::Bottom);
    assert_eq!(s.selected, 3);
    update(&mut s, Action::Down);
    assert_eq!(s.selected, 3, "stops at the end");
    update(&mut s, Action::Top);
    assert_eq!(s.selected, 0);
    update(&mut s, Action::Up);
    assert_eq!(s.selected, 0, "stops at the top");
}

#[test]
fn pages_move_by_the_visible_height() {
    let mut s = state();
    update(&mut s, Action::PageDown);
    assert_eq!(s.selected, 3);
    update(&mut s, Action::HalfPageUp);
    assert_eq!(s.selected, 0);
    update(&mut s, Action::HalfPageDown);
    assert_eq!(s.selected, 3);
    update(&mut s, Action::PageUp);
    assert_eq!(s.selected, 0);
}

#[test]
fn the_list_scrolls_to_keep_the_cursor_visible() {
    let mut many = summaries();
    for k in 0..40 {
        let mut a = many[0].clone();
        a.id = format!("extra-{k}");
        many.push(a);
    }
    let mut s = State::new(
        many,
        Default::default(),
        parallax::tui::theme::Theme::mono(),
    );
    update(
        &mut s,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    for _ in 0..20 {
        update(&mut s, Action::Down);
    }
    let rows = parallax::tui::layout::list_rows(&s).height as usize;
    assert!(s.list_offset <= s.selected && s.selected < s.list_offset + rows);
    update(&mut s, Action::Bottom);
    assert_eq!(s.selected, 43);
    assert_eq!(s.list_offset, 44 - rows);
}

#[test]
fn filter_folds_diacritics_both_ways() {
    let mut d = Driver::default();
    let mut s = state();
    typed(&mut d, &mut s, "elysee");
    assert_eq!(ids(&s)[0], LEMONDE, "the best match first");
    assert_eq!(
        ids(&s).len(),
        2,
        "fuzzy: e-l-y-s-e-e also runs through 'self-styled peace'"
    );
    assert!(s.filter.editing);
    update(&mut s, Action::FilterClear);
    typed(&mut d, &mut s, "ORBAN");
    assert_eq!(ids(&s), vec!["2024-07-05-reuters-orban-visits-moscow"]);
}

#[test]
fn filter_matches_participants_parties_source_and_date() {
    let mut d = Driver::default();
    let mut s = state();
    typed(&mut d, &mut s, "'russia");
    assert_eq!(ids(&s), vec![POLITICO, LEMONDE]);
    update(&mut s, Action::FilterClear);
    typed(&mut d, &mut s, "'le 'monde");
    assert_eq!(ids(&s), vec![LEMONDE]);
    update(&mut s, Action::FilterClear);
    typed(&mut d, &mut s, "^budget 2022-01");
    assert_eq!(ids(&s), vec!["2022-01-10-ap-budget-talks-stall"]);
}

#[test]
fn filter_terms_any_order_negation_and_same_order_as_list_command() {
    let mut d = Driver::default();
    let mut s = state();
    for q in [
        "putin macron",
        "macron putin",
        "macron !elysee",
        "'mac",
        "^macron",
        "a",
    ] {
        update(&mut s, Action::FilterClear);
        typed(&mut d, &mut s, q);
        let want = filter::rank(&s.folded, &Query::parse(q));
        assert_eq!(s.visible, want, "{q}");
    }
    update(&mut s, Action::FilterClear);
    typed(&mut d, &mut s, "macron !elysee");
    assert_eq!(ids(&s), vec![POLITICO]);
}

#[test]
fn backspace_delete_word_and_clear_widen_again() {
    let mut d = Driver::default();
    let mut s = state();
    typed(&mut d, &mut s, "orban zzz");
    assert!(s.visible.is_empty());
    update(&mut s, Action::FilterDeleteWord);
    assert_eq!(s.filter.input, "orban ");
    assert_eq!(s.visible.len(), 1);
    update(&mut s, Action::FilterBackspace);
    update(&mut s, Action::FilterBackspace);
    assert_eq!(s.filter.input, "orba");
    update(&mut s, Action::FilterClear);
    assert_eq!(s.visible.len(), 4);
}

#[test]
fn enter_keeps_the_filter_and_esc_clears_it() {
    let mut d = Driver::default();
    let mut s = state();
    typed(&mut d, &mut s, "macron");
    update(&mut s, Action::FilterAccept);
    assert!(!s.filter.editing);
    assert_eq!(s.filter.input, "macron");
    assert_eq!(s.visible.len(), 2);
    update(&mut s, Action::Back);
    assert_eq!(s.filter.input, "");
    assert_eq!(s.visible.len(), 4);
    typed(&mut d, &mut s, "orb");
    update(&mut s, Action::Back);
    assert!(!s.filter.editing);
    assert_eq!(s.visible.len(), 4);
}

#[test]
fn open_loads_marks_read_and_saves() {
    let mut d = Driver::default();
    let mut s = state();
    update(&mut s, Action::Down);
    let fx = update(&mut s, Action::Open);
    assert_eq!(
        fx,
        vec![Effect::LoadArticle {
            id: POLITICO.into(),
            sentence: None
        }]
    );
    d.run(&mut s, fx);
    assert_eq!(s.focus, Pane::Reader);
    assert!(s.articles[1].state.read);
    assert_eq!(d.saves.len(), 1);
    assert!(d.saves[0].1.read);
    assert_eq!(d.saves[0].0, POLITICO);
}

#[test]
fn open_on_an_empty_list_says_so() {
    let mut s = State::new(
        vec![],
        Default::default(),
        parallax::tui::theme::Theme::mono(),
    );
    assert!(update(&mut s, Action::Open).is_empty());
    assert!(s.status.is_some());
}

#[test]
fn reader_scrolls_and_remembers_the_position() {
    let mut d = Driver::default();
    let mut s = state();
    update(
        &mut s,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::PageDown);
    let at = s.reader.as_ref().unwrap().scroll;
    assert!(at > 2, "{at}");
    d.act(&mut s, Action::Bottom);
    let bottom = s.reader.as_ref().unwrap().scroll;
    d.act(&mut s, Action::Top);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 0);
    d.act(&mut s, Action::Bottom);
    d.act(&mut s, Action::HalfPageUp);
    assert!(s.reader.as_ref().unwrap().scroll < bottom);
    let scroll = s.reader.as_ref().unwrap().scroll;
    let pos = s.reader.as_ref().unwrap().position();
    d.act(&mut s, Action::Back);
    assert_eq!(s.focus, Pane::List);
    assert_eq!(d.saves.last().unwrap().1.position, pos);
    assert_eq!(s.articles[1].state.position, pos);
    // Opening it again comes back there.
    d.views.get_mut(POLITICO).unwrap().state.position = pos;
    d.act(&mut s, Action::Open);
    assert_eq!(s.reader.as_ref().unwrap().scroll, scroll);
}

/// The top line of the reader's view, as text.
fn top_line(s: &State) -> String {
    let r = s.reader.as_ref().unwrap();
    let doc = r.doc(parallax::tui::layout::reader_text(s).width);
    doc.lines[r.scroll]
        .iter()
        .map(|sp| sp.text.as_str())
        .collect()
}

#[test]
fn a_saved_place_survives_reading_at_another_width() {
    let mut d = Driver::default();
    let mut s = state();
    resize(&mut s, 40, 12);
    open_politico(&mut d, &mut s);
    // Down to the second paragraph's second line.
    for _ in 0..100 {
        if top_line(&s).starts_with("evacuation") {
            break;
        }
        d.act(&mut s, Action::Down);
    }
    let at_40 = top_line(&s);
    assert!(at_40.starts_with("evacuation of"), "{at_40:?}");
    d.act(&mut s, Action::Back);
    let saved = d.saves.last().unwrap().1;
    // Next time the terminal is wider: the same words open the view.
    let mut s = state();
    resize(&mut s, 100, 8);
    d.views.get_mut(POLITICO).unwrap().state = saved;
    open_politico(&mut d, &mut s);
    let top = top_line(&s);
    assert!(top.contains("evacuation of"), "{top:?}");
    // And a header line stays a header line.
    let mut s = state();
    resize(&mut s, 100, 8);
    d.views.get_mut(POLITICO).unwrap().state.position = 1;
    open_politico(&mut d, &mut s);
    assert_eq!(s.reader.as_ref().unwrap().scroll, 1);
}

#[test]
fn a_resize_storm_through_tiny_sizes_keeps_the_reader_in_place() {
    let mut d = Driver::default();
    let mut s = state();
    resize(&mut s, 60, 20);
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Next);
    d.act(&mut s, Action::Next);
    let top = top_line(&s);
    let scroll = s.reader.as_ref().unwrap().scroll;
    for (w, h) in [(1, 1), (5, 2), (200, 3), (29, 7), (1, 80), (0, 0), (3, 3)] {
        resize(&mut s, w, h);
    }
    resize(&mut s, 60, 20);
    assert_eq!(top_line(&s), top);
    assert_eq!(s.reader.as_ref().unwrap().scroll, scroll);
}

#[test]
fn n_and_shift_n_jump_between_accounts() {
    let mut d = Driver::default();
    let mut s = state();
    open_politico(&mut d, &mut s);
    let cur = |s: &State| s.reader.as_ref().unwrap().current;
    d.act(&mut s, Action::Next);
    assert_eq!(cur(&s), Some(1));
    d.act(&mut s, Action::Next);
    assert_eq!(cur(&s), Some(4));
    d.act(&mut s, Action::Next);
    assert_eq!(cur(&s), Some(5));
    d.act(&mut s, Action::Next);
    assert_eq!(cur(&s), Some(5));
    assert_eq!(s.status.as_ref().unwrap().0, "Last account");
    d.act(&mut s, Action::Prev);
    assert_eq!(cur(&s), Some(4));
    d.act(&mut s, Action::Prev);
    d.act(&mut s, Action::Prev);
    assert_eq!(cur(&s), Some(1));
    assert_eq!(s.status.as_ref().unwrap().0, "First account");
}

#[test]
fn n_in_the_list_moves_the_cursor() {
    let mut s = state();
    update(&mut s, Action::Next);
    assert_eq!(s.selected, 1);
    update(&mut s, Action::Prev);
    assert_eq!(s.selected, 0);
}

#[test]
fn compare_needs_a_call() {
    let mut d = Driver::default();
    let mut s = state();
    let fx = d.act(&mut s, Action::Compare);
    assert!(fx.is_empty());
    assert_eq!(s.status.as_ref().unwrap().1, Level::Info);
    assert!(s.compare.is_none());
    d.act(&mut s, Action::Down);
    let fx = d.act(&mut s, Action::Compare);
    assert_eq!(fx, vec![Effect::LoadComparison { call: CALL.into() }]);
    assert_eq!(s.focus, Pane::Compare);
}

#[test]
fn compare_from_the_reader_uses_its_article() {
    let mut d = Driver::default();
    let mut s = state();
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Compare);
    assert_eq!(s.focus, Pane::Compare);
    assert_eq!(s.panes(), vec![Pane::List, Pane::Reader, Pane::Compare]);
}

#[test]
fn statements_step_and_enter_opens_at_the_sentence() {
    let mut d = Driver::default();
    let mut s = state();
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Compare);
    let cursor = |s: &State| s.compare.as_ref().unwrap().cursor;
    assert_eq!(cursor(&s), 0);
    d.act(&mut s, Action::Next);
    d.act(&mut s, Action::Next);
    assert_eq!(cursor(&s), 2);
    d.act(&mut s, Action::Prev);
    assert_eq!(cursor(&s), 1);
    d.act(&mut s, Action::Next);
    let fx = d.act(&mut s, Action::Open);
    assert_eq!(
        fx,
        vec![Effect::LoadArticle {
            id: LEMONDE.into(),
            sentence: Some(0)
        }]
    );
    assert_eq!(s.focus, Pane::Reader);
    let r = s.reader.as_ref().unwrap();
    assert_eq!(r.view.id, LEMONDE);
    assert_eq!(r.current, Some(0));
}

#[test]
fn columns_scroll_together() {
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
    d.act(&mut s, Action::Compare);
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Down);
    assert_eq!(s.compare.as_ref().unwrap().scroll, 2);
    d.act(&mut s, Action::Bottom);
    let b = s.compare.as_ref().unwrap().scroll;
    assert!(b > 2);
    d.act(&mut s, Action::PageUp);
    d.act(&mut s, Action::HalfPageDown);
    d.act(&mut s, Action::HalfPageUp);
    d.act(&mut s, Action::Top);
    assert_eq!(s.compare.as_ref().unwrap().scroll, 0);
    d.act(&mut s, Action::Back);
    assert_eq!(s.focus, Pane::List);
}

#[test]
fn tab_cycles_through_open_panes() {
    let mut d = Driver::default();
    let mut s = state();
    d.act(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::List, "nothing else open yet");
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Compare);
    d.act(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::List);
    d.act(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Reader);
    d.act(&mut s, Action::PrevPane);
    assert_eq!(s.focus, Pane::List);
    d.act(&mut s, Action::PrevPane);
    assert_eq!(s.focus, Pane::Compare);
    d.act(&mut s, Action::Focus { pane: Pane::Reader });
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn bookmark_and_read_toggle_and_save() {
    let mut s = state();
    let fx = update(&mut s, Action::Bookmark);
    assert!(s.articles[0].state.bookmarked);
    assert!(matches!(&fx[..], [Effect::Save { state, .. }] if state.bookmarked));
    let fx = update(&mut s, Action::ToggleRead);
    assert!(s.articles[0].state.read);
    assert!(matches!(&fx[..], [Effect::Save { state, .. }] if state.read && state.bookmarked));
    update(&mut s, Action::ToggleRead);
    assert!(!s.articles[0].state.read);
}

#[test]
fn b_and_m_in_the_reader_act_on_the_open_article() {
    let mut d = Driver::default();
    let mut s = state();
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::ToggleRead);
    assert!(!s.articles[1].state.read);
    assert!(!s.reader.as_ref().unwrap().view.state.read);
    d.act(&mut s, Action::Bookmark);
    assert!(s.articles[1].state.bookmarked);
    assert_eq!(d.saves.last().unwrap().0, POLITICO);
}

#[test]
fn bookmarks_only_view() {
    let mut s = state();
    update(&mut s, Action::BookmarksOnly);
    assert_eq!(ids(&s), vec!["2022-01-10-ap-budget-talks-stall"]);
    update(&mut s, Action::Bookmark);
    assert!(s.visible.is_empty(), "unbookmarked drops out of the view");
    update(&mut s, Action::BookmarksOnly);
    assert_eq!(s.visible.len(), 4);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = state();
    update(&mut s, Action::Help);
    assert_eq!(s.help, Some(0));
    update(&mut s, Action::Down);
    assert_eq!(s.help, Some(1));
    assert_eq!(s.selected, 0, "keys go to the overlay");
    update(&mut s, Action::Up);
    update(&mut s, Action::Help);
    assert_eq!(s.help, None);
    update(&mut s, Action::Help);
    update(&mut s, Action::Back);
    assert_eq!(s.help, None);
}

#[test]
fn quit_saves_the_reader_position() {
    let mut d = Driver::default();
    let mut s = state();
    update(
        &mut s,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Down);
    let fx = d.act(&mut s, Action::Quit);
    assert!(s.quit);
    assert_eq!(fx.last(), Some(&Effect::Quit));
    assert!(matches!(&fx[0], Effect::Save { state, .. } if state.position == 1));
}

#[test]
fn quit_from_help_quits() {
    let mut s = state();
    update(&mut s, Action::Help);
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn resize_keeps_things_in_range() {
    let mut d = Driver::default();
    let mut s = state();
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Bottom);
    for (w, h) in [(20, 5), (1, 1), (200, 60), (40, 12)] {
        d.act(
            &mut s,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        assert_eq!((s.width, s.height), (w, h));
    }
}

#[test]
fn click_selects_then_opens_and_focuses_panes() {
    let mut d = Driver::default();
    let mut s = state();
    // Rows start inside the border at y = 1.
    d.act(&mut s, Action::Click { column: 5, row: 3 });
    assert_eq!(s.selected, 2);
    let fx = d.act(&mut s, Action::Click { column: 5, row: 3 });
    assert_eq!(
        fx,
        vec![Effect::LoadArticle {
            id: LEMONDE.into(),
            sentence: None
        }]
    );
    d.act(&mut s, Action::Click { column: 5, row: 10 });
    assert_eq!(s.focus, Pane::List);
    d.act(
        &mut s,
        Action::Click {
            column: 90,
            row: 10,
        },
    );
    assert_eq!(s.focus, Pane::Reader);
    // Clicking the status bar does nothing.
    d.act(&mut s, Action::Click { column: 5, row: 39 });
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn click_on_the_tab_line_switches_panes() {
    let mut d = Driver::default();
    let mut s = state();
    update(
        &mut s,
        Action::Resize {
            width: 60,
            height: 20,
        },
    );
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Click { column: 2, row: 0 });
    assert_eq!(s.focus, Pane::List);
    d.act(&mut s, Action::Click { column: 13, row: 0 });
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn click_in_the_side_by_side_picks_a_statement() {
    let mut d = Driver::default();
    let mut s = state();
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Compare);
    let body = parallax::tui::layout::compare_body(&s);
    let col = body.x + body.width - 3;
    d.act(
        &mut s,
        Action::Click {
            column: col,
            row: body.y + 1,
        },
    );
    assert_eq!(
        s.compare.as_ref().unwrap().cursor,
        1,
        "the Russia statement of row one"
    );
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    let mut d = Driver::default();
    let mut s = state();
    update(
        &mut s,
        Action::Resize {
            width: 100,
            height: 12,
        },
    );
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::ScrollDown { column: 80, row: 5 });
    assert_eq!(s.reader.as_ref().unwrap().scroll, 3);
    d.act(&mut s, Action::ScrollUp { column: 80, row: 5 });
    assert_eq!(s.reader.as_ref().unwrap().scroll, 0);
    d.act(&mut s, Action::ScrollDown { column: 5, row: 5 });
    assert_eq!(s.selected, 3);
}

#[test]
fn large_libraries_filter_through_the_worker_and_narrow() {
    let mut s = state();
    s.sync_limit = 0;
    update(&mut s, Action::Filter);
    let fx = update(&mut s, Action::FilterInput { ch: 'm' });
    let [Effect::Filter(req)] = &fx[..] else {
        panic!("{fx:?}")
    };
    assert_eq!(req.candidates, None);
    assert!(s.filter.running);
    assert_eq!(s.visible.len(), 4, "old results stay until new ones come");
    // A newer keystroke makes the pending answer stale.
    let fx2 = update(&mut s, Action::FilterInput { ch: 'a' });
    let latest = AtomicU64::new(req.generation);
    let stale = filter_worker::rank(req, &latest, |_| {}).unwrap();
    parallax::tui::update::filtered(&mut s, stale);
    assert!(s.filter.running, "stale results are dropped");
    let [Effect::Filter(req2)] = &fx2[..] else {
        panic!()
    };
    let latest = AtomicU64::new(req2.generation);
    let done = filter_worker::rank(req2, &latest, |_| {}).unwrap();
    parallax::tui::update::filtered(&mut s, done);
    assert!(!s.filter.running);
    assert_eq!(s.visible, filter::rank(&s.folded, &Query::parse("ma")));
    // The query only grew: the worker narrows the previous results.
    let fx3 = update(&mut s, Action::FilterInput { ch: 'c' });
    let [Effect::Filter(req3)] = &fx3[..] else {
        panic!()
    };
    assert_eq!(req3.candidates.as_deref(), Some(&s.filter.matched[..]));
    // It shrank: a full scan again.
    update(&mut s, Action::FilterBackspace);
    let fx4 = update(&mut s, Action::FilterBackspace);
    let [Effect::Filter(req4)] = &fx4[..] else {
        panic!()
    };
    assert_eq!(req4.candidates, None);
}

#[test]
fn the_worker_sends_partials_cancels_and_agrees_with_rank() {
    let hay: Vec<String> = (0..20_000)
        .map(|i| filter::fold(&format!("Article {i} Élysée macron putin {}", i % 7)))
        .collect();
    let hay = Arc::new(hay);
    let req = FilterRequest {
        generation: 7,
        query: "elysee 3".into(),
        haystacks: hay.clone(),
        candidates: None,
    };
    let latest = AtomicU64::new(7);
    let mut partials = 0;
    let done = filter_worker::rank(&req, &latest, |p| {
        assert!(!p.done);
        partials += 1;
    })
    .unwrap();
    assert!(partials >= 3);
    assert!(done.done);
    assert_eq!(done.matches, filter::rank(&hay, &Query::parse("elysee 3")));
    // Cancelled when a newer generation arrives.
    let latest = AtomicU64::new(8);
    assert!(filter_worker::rank(&req, &latest, |_| {}).is_none());

    // The threaded worker: the newest request wins.
    let w = filter_worker::FilterWorker::start();
    for (g, q) in [(1, "e"), (2, "el"), (3, "ely 42")] {
        w.submit(FilterRequest {
            generation: g,
            query: q.into(),
            haystacks: hay.clone(),
            candidates: None,
        });
    }
    let last: FilterUpdate = loop {
        let u =
            w.rx.recv_timeout(std::time::Duration::from_secs(60))
                .unwrap();
        if u.generation == 3 && u.done {
            break u;
        }
    };
    assert_eq!(last.matches, filter::rank(&hay, &Query::parse("ely 42")));
}

#[test]
fn leaving_the_reader_for_the_side_by_side_saves_the_position() {
    let mut d = Driver::default();
    let mut s = state();
    update(
        &mut s,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Compare);
    assert_eq!(s.focus, Pane::Compare);
    assert_eq!(
        d.saves.last().unwrap(),
        &(POLITICO.to_string(), s.articles[1].state)
    );
    assert_eq!(s.articles[1].state.position, 2);
}

#[test]
fn scrolling_the_side_by_side_keeps_the_cursor_in_sight() {
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
    d.act(&mut s, Action::Compare);
    d.act(&mut s, Action::Bottom);
    let c = s.compare.as_ref().unwrap();
    assert_eq!(c.cursor, 3, "the last statement is the one in sight");
    d.act(&mut s, Action::Top);
    let body = parallax::tui::layout::compare_body(&s);
    let c = s.compare.as_ref().unwrap();
    let g = c.grid(body.width);
    let in_sight: Vec<usize> = (0..g.statements.len())
        .filter(|&i| g.statement_line[i] < c.scroll + body.height as usize)
        .collect();
    assert_eq!(
        Some(&c.cursor),
        in_sight.last(),
        "the last one still in sight"
    );
}

#[test]
fn slash_from_the_reader_goes_to_the_list_and_saves_the_place() {
    let mut d = Driver::default();
    let mut s = state();
    update(
        &mut s,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    open_politico(&mut d, &mut s);
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Filter);
    assert_eq!(s.focus, Pane::List);
    assert!(s.filter.editing);
    assert_eq!(d.saves.last().unwrap().1.position, 1);
}

#[test]
fn yank_copies_the_statement_under_the_cursor_with_its_citation() {
    let mut d = Driver::default();
    let mut s = state();
    assert!(
        d.act(&mut s, Action::Yank).is_empty(),
        "nothing to copy in the list"
    );
    d.act(&mut s, Action::Down);
    d.act(&mut s, Action::Compare);
    let fx = d.act(&mut s, Action::Yank);
    let [Effect::Copy(text)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert!(text.starts_with('“'), "{text}");
    assert!(text.contains(", sentence "), "{text}");
}

#[test]
fn yank_in_the_reader_copies_the_current_account() {
    let mut d = Driver::default();
    let mut s = state();
    open_politico(&mut d, &mut s);
    assert!(
        d.act(&mut s, Action::Yank).is_empty(),
        "no account chosen yet"
    );
    d.act(&mut s, Action::Next);
    let fx = d.act(&mut s, Action::Yank);
    let [Effect::Copy(text)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert!(text.contains(POLITICO), "{text}");
}

#[test]
fn open_url_opens_only_web_addresses_of_the_open_article() {
    let mut d = Driver::default();
    let mut s = state();
    assert!(d.act(&mut s, Action::OpenUrl).is_empty(), "no article open");
    open_politico(&mut d, &mut s);
    assert!(
        d.act(&mut s, Action::OpenUrl).is_empty(),
        "the fixture has no URL"
    );
    s.reader.as_mut().unwrap().view.url = Some("https://example.org/a".into());
    assert_eq!(
        d.act(&mut s, Action::OpenUrl),
        vec![Effect::OpenUrl("https://example.org/a".into())]
    );
    s.reader.as_mut().unwrap().view.url = Some("file:///etc/passwd".into());
    assert!(d.act(&mut s, Action::OpenUrl).is_empty());
    assert_eq!(s.status.as_ref().unwrap().1, Level::Error);
}

#[test]
fn a_paste_goes_into_the_filter_as_one_clean_line() {
    let mut d = Driver::default();
    let mut s = state();
    open_politico(&mut d, &mut s);
    d.act(
        &mut s,
        Action::Paste {
            text: "  Élysée\r\nreadout\t\u{1b}[31m\u{7}\n".into(),
        },
    );
    assert_eq!(s.focus, Pane::List, "from the reader, to the list's filter");
    assert!(s.filter.editing);
    assert_eq!(s.filter.input, "Élysée readout");
    assert_eq!(ids(&s), vec![LEMONDE]);
    // More text joins what was typed; Enter keeps it.
    d.act(&mut s, Action::FilterBackspace);
    d.act(&mut s, Action::Paste { text: "t".into() });
    assert_eq!(s.filter.input, "Élysée readout");
    d.act(&mut s, Action::FilterAccept);
    assert!(!s.filter.editing);
}

#[test]
fn a_huge_or_empty_paste_does_no_harm() {
    let mut s = state();
    update(
        &mut s,
        Action::Paste {
            text: "\n\r\t \u{1b}]52;c;aGk=\u{7}".into(),
        },
    );
    assert!(!s.filter.editing, "nothing to filter by");
    assert_eq!(ids(&s).len(), 4);
    update(
        &mut s,
        Action::Paste {
            text: "word ".repeat(100_000),
        },
    );
    assert_eq!(
        s.filter.input.chars().count(),
        parallax::tui::update::MAX_PASTE
    );
    // The help overlay lets nothing through.
    let mut s = state();
    update(&mut s, Action::Help);
    update(&mut s, Action::Paste { text: "x".into() });
    assert!(s.filter.input.is_empty());
}

#[test]
fn the_terminal_s_paste_event_becomes_a_paste() {
    let s = state();
    let ev = crossterm::event::Event::Paste("putin\ncall".into());
    assert_eq!(
        parallax::tui::event_action(&s, &ev),
        Some(Action::Paste {
            text: "putin\ncall".into()
        })
    );
}

fn with_three_parties(width: u16, height: u16) -> State {
    let mut s = state();
    resize(&mut s, width, height);
    let fx = parallax::tui::update::comparison_loaded(&mut s, three_party_comparison());
    assert!(fx.is_empty());
    s
}

#[test]
fn three_parties_get_a_column_each_when_they_fit() {
    let s = with_three_parties(80, 24);
    let body = parallax::tui::layout::compare_body(&s);
    let c = s.compare.as_ref().unwrap();
    let g = c.grid(body.width);
    assert!(!g.stacked);
    assert_eq!(g.columns, vec!["France", "Germany", "Ukraine"]);
    assert_eq!(g.statements.len(), 4);
}

#[test]
fn too_narrow_for_columns_the_cells_stack_and_keys_still_work() {
    let mut d = Driver::default();
    let mut s = with_three_parties(40, 15);
    let body = parallax::tui::layout::compare_body(&s);
    {
        let g = s.compare.as_ref().unwrap().grid(body.width);
        assert!(g.stacked);
        // Statements read in order, each below the last.
        assert!(g.statement_line.windows(2).all(|w| w[0] < w[1]));
    }
    for k in 1..4 {
        d.act(&mut s, Action::Next);
        assert_eq!(s.compare.as_ref().unwrap().cursor, k);
        let c = s.compare.as_ref().unwrap();
        let line = c.grid(body.width).statement_line[k];
        assert!(
            line >= c.scroll && line < c.scroll + body.height as usize,
            "statement {k} in sight"
        );
    }
    // A click picks the statement under the pointer, whatever its column.
    d.act(&mut s, Action::Top);
    let (top, first) = {
        let c = s.compare.as_ref().unwrap();
        (c.scroll, c.grid(body.width).statement_line[1])
    };
    let row = body.y + (first - top) as u16;
    d.act(
        &mut s,
        Action::Click {
            column: body.x + 2,
            row,
        },
    );
    assert_eq!(s.compare.as_ref().unwrap().cursor, 1);
    let fx = d.act(&mut s, Action::Open);
    assert_eq!(
        fx,
        vec![Effect::LoadArticle {
            id: POLITICO.into(),
            sentence: Some(20)
        }]
    );
}

#[test]
fn a_query_growing_while_the_worker_runs_still_narrows_the_last_complete_ranking() {
    let mut s = state();
    s.sync_limit = 0;
    update(&mut s, Action::Filter);
    for ch in "ma".chars() {
        update(&mut s, Action::FilterInput { ch });
    }
    let Effect::Filter(req) = update(&mut s, Action::FilterInput { ch: ' ' }).remove(0) else {
        panic!()
    };
    let latest = AtomicU64::new(req.generation);
    let done = filter_worker::rank(&req, &latest, |_| {}).unwrap();
    parallax::tui::update::filtered(&mut s, done);
    let set = s.filter.done_set.clone().expect("the worker's set");
    // Two keys while the worker runs: both narrow the complete "ma " ranking.
    for ch in ['p', 'u'] {
        let fx = update(&mut s, Action::FilterInput { ch });
        let [Effect::Filter(req)] = &fx[..] else {
            panic!("{fx:?}")
        };
        assert!(s.filter.running);
        assert_eq!(req.candidates.as_deref(), Some(&set[..]));
        let latest = AtomicU64::new(req.generation);
        let narrowed = filter_worker::rank(req, &latest, |_| {}).unwrap();
        assert_eq!(
            narrowed.matches,
            filter::rank(&s.folded, &Query::parse(&req.query))
        );
    }
    // Emptied: everything, in library order, at once and at any size.
    assert!(update(&mut s, Action::FilterClear).is_empty());
    assert!(!s.filter.running);
    assert_eq!(s.visible, (0..s.articles.len()).collect::<Vec<_>>());
}
