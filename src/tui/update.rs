//! `update(&mut State, Action) -> Vec<Effect>`: every change of state goes
//! through here. No I/O: library writes and loads come back as effects.

use super::action::Action;
use super::layout::{self, Areas};
use super::state::{Compare, Effect, FilterRequest, FilterUpdate, Level, Pane, Reader, State};
use crate::filter::{self, Query};
use crate::model::{ArticleView, Comparison};
use crate::sanitize;

pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::Resize { .. }) {
        state.status = None;
    }
    if state.help.is_some() {
        return help(state, action);
    }
    let mut fx = Vec::new();
    match action {
        Action::Up => step(state, -1),
        Action::Down => step(state, 1),
        Action::Top => step(state, isize::MIN / 2),
        Action::Bottom => step(state, isize::MAX / 2),
        Action::HalfPageDown => step(state, page(state) / 2),
        Action::HalfPageUp => step(state, -(page(state) / 2)),
        Action::PageDown => step(state, page(state)),
        Action::PageUp => step(state, -page(state)),
        Action::Filter => {
            focus(state, Pane::List, &mut fx);
            state.filter.editing = true;
        }
        Action::FilterInput { ch } => {
            state.filter.input.push(ch);
            fx.extend(refilter(state));
        }
        Action::FilterBackspace => {
            state.filter.input.pop();
            fx.extend(refilter(state));
        }
        Action::FilterDeleteWord => {
            let t = state.filter.input.trim_end().to_string();
            let cut = t.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            state.filter.input.truncate(cut);
            fx.extend(refilter(state));
        }
        Action::FilterClear => {
            state.filter.input.clear();
            fx.extend(refilter(state));
        }
        Action::Paste { text } => {
            let text = pasted(&text);
            if !text.is_empty() {
                focus(state, Pane::List, &mut fx);
                state.filter.editing = true;
                state.filter.input.push_str(&text);
                fx.extend(refilter(state));
            }
        }
        Action::FilterAccept => {
            state.filter.editing = false;
            if state.filter.input.trim().is_empty() {
                state.filter.input.clear();
            }
        }
        Action::Back => fx.extend(back(state)),
        Action::Open => fx.extend(open(state)),
        Action::Compare => fx.extend(compare(state)),
        Action::NextPane => cycle(state, 1, &mut fx),
        Action::PrevPane => cycle(state, -1, &mut fx),
        Action::Next => next(state, true),
        Action::Prev => next(state, false),
        Action::Bookmark => fx.extend(toggle(state, |s| s.bookmarked = !s.bookmarked)),
        Action::ToggleRead => fx.extend(toggle(state, |s| s.read = !s.read)),
        Action::BookmarksOnly => {
            state.bookmarks_only = !state.bookmarks_only;
            state.refresh_visible(true);
            let msg = if state.bookmarks_only {
                "Showing bookmarks only (B for everything)"
            } else {
                "Showing every article"
            };
            state.set_status(msg, Level::Info);
        }
        Action::OpenUrl => fx.extend(open_url(state)),
        Action::Yank => fx.extend(yank(state)),
        Action::Help => state.help = Some(0),
        Action::Quit => {
            fx.extend(save_position(state));
            state.quit = true;
            fx.push(Effect::Quit);
        }
        Action::Resize { width, height } => resize(state, width, height),
        Action::Click { column, row } => fx.extend(click(state, column, row)),
        Action::ScrollUp { column, row } => wheel(state, column, row, -3),
        Action::ScrollDown { column, row } => wheel(state, column, row, 3),
        Action::Focus { pane } => focus(state, pane, &mut fx),
    }
    clamp(state);
    fx
}

/// A new size. The reader keeps its place in the text and the side-by-side
/// view its statement in sight. While the terminal is too small nothing is
/// laid out again, so a resize storm through tiny sizes loses nothing.
fn resize(state: &mut State, width: u16, height: u16) {
    let anchor = state.reader.as_ref().map(Reader::position);
    state.width = width;
    state.height = height;
    if layout::areas(state).too_small {
        return;
    }
    let after = layout::reader_text(state).width;
    if let (Some(r), Some(pos)) = (&mut state.reader, anchor)
        && r.laid_out_width() != Some(after)
    {
        let scroll = r.doc(after).scroll_of(pos);
        r.scroll = scroll;
    }
    clamp(state);
    show_statement(state);
}

/// Scroll the side-by-side view so the statement under the cursor is in
/// sight, a third of the way down when it has to move.
fn show_statement(state: &mut State) {
    let body = layout::compare_body(state);
    let Some(c) = &mut state.compare else { return };
    let g = c.grid(body.width);
    let Some(&line) = g.statement_line.get(c.cursor) else {
        return;
    };
    drop(g);
    let h = body.height.max(1) as usize;
    if line < c.scroll + 1 || line + 2 > c.scroll + h {
        c.scroll = line.saturating_sub(1.min(line)).saturating_sub(h / 3);
    }
}

/// Longest paste the filter takes: a query, not an article.
pub const MAX_PASTE: usize = 200;

/// Pasted text as one line of filter: line breaks and tabs become spaces,
/// controls and escape sequences go, runs of spaces shrink to one.
pub fn pasted(text: &str) -> String {
    let flat = text.replace(['\r', '\n', '\t'], " ");
    let safe = sanitize::for_terminal(&flat, false);
    let words: Vec<&str> = safe.split_whitespace().collect();
    words.join(" ").chars().take(MAX_PASTE).collect()
}

fn help(state: &mut State, action: Action) -> Vec<Effect> {
    let top = state.help.unwrap_or(0);
    state.help = match action {
        Action::Back | Action::Help => None,
        Action::Quit => {
            state.help = None;
            return update(state, Action::Quit);
        }
        Action::Down | Action::ScrollDown { .. } => Some(top + 1),
        Action::Up | Action::ScrollUp { .. } => Some(top.saturating_sub(1)),
        Action::Top => Some(0),
        Action::Resize { width, height } => {
            resize(state, width, height);
            Some(top)
        }
        Action::Click { .. } => None,
        _ => Some(top),
    };
    if let Some(t) = state.help {
        let rows = super::keymap::help_entries(&state.keymap).len();
        state.help = Some(t.min(rows.saturating_sub(1)));
    }
    Vec::new()
}

fn page(state: &State) -> isize {
    let h = match state.focus {
        Pane::List => layout::list_rows(state).height,
        Pane::Reader => layout::reader_text(state).height,
        Pane::Compare => layout::compare_body(state).height,
    };
    (h as isize).max(2)
}

fn add(v: usize, d: isize) -> usize {
    if d < 0 {
        v.saturating_sub(d.unsigned_abs())
    } else {
        v.saturating_add(d as usize)
    }
}

/// Move the cursor or scroll, depending on the focused pane.
fn step(state: &mut State, d: isize) {
    match state.focus {
        Pane::List => state.selected = add(state.selected, d),
        Pane::Reader => {
            if let Some(r) = &mut state.reader {
                r.scroll = add(r.scroll, d);
            }
        }
        Pane::Compare => {
            if let Some(c) = &mut state.compare {
                c.scroll = add(c.scroll, d);
            }
            clamp(state);
            cursor_into_view(state);
        }
    }
    clamp(state);
}

/// After scrolling the side-by-side view, keep its cursor on a statement in
/// sight, so Enter opens what the reader sees.
fn cursor_into_view(state: &mut State) {
    let body = layout::compare_body(state);
    let Some(c) = &mut state.compare else { return };
    let g = c.grid(body.width);
    let (top, h) = (c.scroll, body.height.max(1) as usize);
    let seen = |l: usize| l >= top && l < top + h;
    // Failing a statement that starts in sight, the one running through it.
    let through = g.statement_line.iter().rposition(|&l| l < top + h);
    let pick = match g.statement_line.get(c.cursor) {
        Some(&l) if seen(l) => None,
        Some(&l) if l < top => g.statement_line.iter().position(|&l| seen(l)).or(through),
        Some(_) => g.statement_line.iter().rposition(|&l| seen(l)).or(through),
        None => None,
    };
    drop(g);
    if let Some(p) = pick {
        c.cursor = p;
    }
}

/// Keep every cursor and scroll inside what there is to show.
pub fn clamp(state: &mut State) {
    state.selected = state.selected.min(state.visible.len().saturating_sub(1));
    if layout::areas(state).too_small {
        // Nothing is shown: keep the places for when the terminal grows.
        return;
    }
    let rows = layout::list_rows(state).height as usize;
    if rows > 0 {
        let margin = if rows > 6 { 2 } else { 0 };
        if state.selected < state.list_offset + margin {
            state.list_offset = state.selected.saturating_sub(margin);
        }
        if state.selected + margin >= state.list_offset + rows {
            state.list_offset = (state.selected + margin + 1).saturating_sub(rows);
        }
        let max = state.visible.len().saturating_sub(rows);
        state.list_offset = state.list_offset.min(max);
    }
    let text = layout::reader_text(state);
    if let Some(r) = &mut state.reader {
        let n = r.doc(text.width).lines.len();
        r.scroll = r.scroll.min(n.saturating_sub(text.height.max(1) as usize));
    }
    let body = layout::compare_body(state);
    if let Some(c) = &mut state.compare {
        let g = c.grid(body.width);
        let n = g.lines.len();
        let len = g.statements.len();
        drop(g);
        c.scroll = c.scroll.min(n.saturating_sub(body.height.max(1) as usize));
        c.cursor = c.cursor.min(len.saturating_sub(1));
    }
}

/// Rank the list again for the filter line's text. Small libraries are ranked
/// here; large ones by the worker (the effect), narrowing the last complete
/// ranking when the query only grew from it, even while a newer one runs.
/// An empty query shows everything in library order, here at any size.
pub fn refilter(state: &mut State) -> Vec<Effect> {
    let f = &mut state.filter;
    f.query = Query::parse(&f.input);
    f.generation += 1;
    let narrow = filter::narrows(&f.done_text, &f.input);
    if f.query.is_empty() {
        f.matched = (0..state.articles.len()).collect();
    } else if state.articles.len() <= state.sync_limit {
        let m = filter::matcher();
        let mut hits = if narrow && !f.running {
            filter::scan(&m, &state.folded, f.matched.iter().copied(), &f.query)
        } else {
            filter::scan(&m, &state.folded, 0..state.folded.len(), &f.query)
        };
        filter::sort_hits(&mut hits);
        f.matched = hits.into_iter().map(|(_, i)| i).collect();
    } else {
        f.running = true;
        return vec![Effect::Filter(FilterRequest {
            generation: f.generation,
            query: f.input.clone(),
            haystacks: state.folded.clone(),
            candidates: if narrow { f.done_set.clone() } else { None },
        })];
    }
    f.running = false;
    f.done_text = f.input.clone();
    f.done_set = None;
    state.refresh_visible(false);
    state.list_offset = 0;
    Vec::new()
}

/// Take (partial) results from the worker; stale generations are dropped.
pub fn filtered(state: &mut State, up: FilterUpdate) {
    if up.generation != state.filter.generation {
        return;
    }
    state.filter.matched = up.matches;
    if up.done {
        state.filter.running = false;
        state.filter.done_text = state.filter.input.clone();
        state.filter.done_set = up.set;
    }
    state.refresh_visible(false);
    state.list_offset = 0;
    clamp(state);
}

fn back(state: &mut State) -> Vec<Effect> {
    if state.filter.editing || (state.focus == Pane::List && !state.filter.input.is_empty()) {
        state.filter.editing = false;
        state.filter.input.clear();
        return refilter(state);
    }
    match state.focus {
        Pane::List => Vec::new(),
        Pane::Reader => {
            let fx = save_position(state);
            state.focus = Pane::List;
            fx
        }
        Pane::Compare => {
            state.focus = Pane::List;
            Vec::new()
        }
    }
}

fn open(state: &mut State) -> Vec<Effect> {
    match state.focus {
        Pane::List => match state.selected_article() {
            Some(a) => vec![Effect::LoadArticle {
                id: a.id.clone(),
                sentence: None,
            }],
            None => {
                state.set_status("Nothing to open", Level::Info);
                Vec::new()
            }
        },
        Pane::Compare => {
            let Some(c) = &state.compare else {
                return Vec::new();
            };
            let body = layout::compare_body(state);
            let g = c.grid(body.width);
            match g.statements.get(c.cursor) {
                Some(s) => vec![Effect::LoadArticle {
                    id: s.article.clone(),
                    sentence: Some(s.sentence),
                }],
                None => Vec::new(),
            }
        }
        Pane::Reader => Vec::new(),
    }
}

fn compare(state: &mut State) -> Vec<Effect> {
    let calls = match state.focus {
        Pane::Reader => state.reader.as_ref().map(|r| r.view.calls.clone()),
        Pane::Compare => {
            return Vec::new();
        }
        Pane::List => state.selected_article().map(|a| a.calls.clone()),
    };
    match calls.and_then(|c| c.into_iter().next()) {
        Some(call) => vec![Effect::LoadComparison { call }],
        None => {
            state.set_status("This article reports no call to compare", Level::Info);
            Vec::new()
        }
    }
}

fn focus(state: &mut State, pane: Pane, fx: &mut Vec<Effect>) {
    if !state.panes().contains(&pane) || state.focus == pane {
        return;
    }
    if state.focus == Pane::Reader {
        fx.extend(save_position(state));
    }
    state.focus = pane;
    if pane != Pane::List {
        state.right = pane;
    }
    state.filter.editing = false;
}

fn cycle(state: &mut State, d: isize, fx: &mut Vec<Effect>) {
    let panes = state.panes();
    let at = panes.iter().position(|&p| p == state.focus).unwrap_or(0) as isize;
    let n = panes.len() as isize;
    let next = panes[((at + d).rem_euclid(n)) as usize];
    focus(state, next, fx);
}

/// `n`/`N`: the next account in the reader, the next statement side by side,
/// the next article in the list.
fn next(state: &mut State, forward: bool) {
    let d = if forward { 1 } else { -1 };
    match state.focus {
        Pane::List => step(state, d),
        Pane::Reader => {
            let text = layout::reader_text(state);
            let Some(r) = &mut state.reader else { return };
            let doc = r.doc(text.width);
            let pick = match r
                .current
                .and_then(|c| doc.accounts.iter().position(|&a| a == c))
            {
                Some(k) if forward => doc.accounts.get(k + 1).copied(),
                Some(k) => k.checked_sub(1).and_then(|k| doc.accounts.get(k).copied()),
                None if forward => doc
                    .accounts
                    .iter()
                    .copied()
                    .find(|&a| doc.sentence_line[a] >= r.scroll),
                None => doc
                    .accounts
                    .iter()
                    .rev()
                    .copied()
                    .find(|&a| doc.sentence_line[a] < r.scroll + text.height as usize),
            };
            let total = doc.accounts.len();
            let target = pick.map(|s| (s, doc.sentence_line[s]));
            drop(doc);
            match target {
                Some((s, line)) => {
                    r.current = Some(s);
                    r.scroll = line.saturating_sub(2);
                }
                None if total == 0 => {
                    state.set_status("No party's account is marked in this article", Level::Info)
                }
                None => state.set_status(
                    if forward {
                        "Last account"
                    } else {
                        "First account"
                    },
                    Level::Info,
                ),
            }
        }
        Pane::Compare => {
            let body = layout::compare_body(state);
            let Some(c) = &mut state.compare else { return };
            let g = c.grid(body.width);
            let len = g.statements.len();
            if len == 0 {
                return;
            }
            let cursor = if forward {
                (c.cursor + 1).min(len - 1)
            } else {
                c.cursor.saturating_sub(1)
            };
            drop(g);
            c.cursor = cursor;
            show_statement(state);
        }
    }
}

/// The article `b` and `m` act on: the open one in the reader, else the
/// list's selection.
fn target(state: &State) -> Option<usize> {
    match state.focus {
        Pane::Reader => state
            .reader
            .as_ref()
            .and_then(|r| state.article_index(&r.view.id)),
        _ => state.visible.get(state.selected).copied(),
    }
}

fn toggle(state: &mut State, f: impl Fn(&mut crate::model::ReadingState)) -> Vec<Effect> {
    let Some(i) = target(state) else {
        state.set_status("No article selected", Level::Info);
        return Vec::new();
    };
    let a = &mut state.articles[i];
    f(&mut a.state);
    if let Some(r) = &mut state.reader
        && r.view.id == a.id
    {
        r.view.state.read = a.state.read;
        r.view.state.bookmarked = a.state.bookmarked;
        a.state.position = r.position();
        r.view.state.position = a.state.position;
    }
    let (id, st) = (a.id.clone(), a.state);
    let msg = format!(
        "{} · {}",
        if st.bookmarked {
            "Bookmarked"
        } else {
            "Not bookmarked"
        },
        if st.read { "read" } else { "unread" }
    );
    state.set_status(msg, Level::Info);
    if state.bookmarks_only {
        state.refresh_visible(true);
    }
    vec![Effect::Save { id, state: st }]
}

/// Remember where the reader is, in the list and in the library.
pub fn save_position(state: &mut State) -> Vec<Effect> {
    let Some(r) = &mut state.reader else {
        return Vec::new();
    };
    let pos = r.position();
    if r.view.state.position == pos {
        return Vec::new();
    }
    r.view.state.position = pos;
    let st = r.view.state;
    let id = r.view.id.clone();
    if let Some(i) = state.articles.iter().position(|a| a.id == id) {
        state.articles[i].state.position = pos;
    }
    vec![Effect::Save { id, state: st }]
}

/// The library loaded an article: show it, at a sentence or where the reader
/// left it, and mark it read.
pub fn article_loaded(
    state: &mut State,
    mut view: ArticleView,
    sentence: Option<usize>,
) -> Vec<Effect> {
    let mut fx = save_position(state);
    let was_read = view.state.read;
    view.state.read = true;
    if let Some(i) = state.article_index(&view.id) {
        state.articles[i].state = view.state;
        if let Some(k) = state.visible.iter().position(|&v| v == i)
            && state.focus == Pane::List
        {
            state.selected = k;
        }
    }
    let mut r = Reader::new(view);
    let text = layout::reader_text(state);
    let doc = r.doc(text.width);
    let line = sentence.and_then(|s| doc.sentence_line.get(s).copied());
    let saved = doc.scroll_of(r.view.state.position);
    drop(doc);
    match (sentence, line) {
        (Some(s), Some(line)) => {
            r.scroll = line.saturating_sub(2);
            r.current = Some(s);
        }
        _ => r.scroll = saved,
    }
    if !was_read {
        fx.push(Effect::Save {
            id: r.view.id.clone(),
            state: r.view.state,
        });
    }
    state.reader = Some(r);
    state.focus = Pane::Reader;
    state.right = Pane::Reader;
    clamp(state);
    fx
}

/// The library produced a comparison.
/// Returns the reader's position to save when focus leaves it.
pub fn comparison_loaded(state: &mut State, cmp: Comparison) -> Vec<Effect> {
    let mut fx = Vec::new();
    state.compare = Some(Compare::new(cmp));
    focus(state, Pane::Compare, &mut fx);
    state.focus = Pane::Compare;
    state.right = Pane::Compare;
    clamp(state);
    fx
}

fn hit(r: Option<ratatui::layout::Rect>, column: u16, row: u16) -> bool {
    r.is_some_and(|r| r.contains(ratatui::layout::Position::new(column, row)))
}

fn click(state: &mut State, column: u16, row: u16) -> Vec<Effect> {
    let a: Areas = layout::areas(state);
    let mut fx = Vec::new();
    if a.too_small {
        return fx;
    }
    if let Some(tabs) = a.tabs
        && hit(Some(tabs), column, row)
    {
        // Tabs are drawn as " name " one after the other.
        let mut x = 0u16;
        for p in state.panes() {
            let w = p.name().len() as u16 + 3;
            if column >= x && column < x + w {
                focus(state, p, &mut fx);
                break;
            }
            x += w;
        }
        return fx;
    }
    if hit(a.list, column, row) {
        focus(state, Pane::List, &mut fx);
        let rows = layout::list_rows(state);
        if hit(Some(rows), column, row) {
            let k = state.list_offset + (row - rows.y) as usize;
            if k < state.visible.len() {
                if k == state.selected {
                    fx.extend(open(state));
                } else {
                    state.selected = k;
                }
            }
        }
        return fx;
    }
    if let Some((pane, r)) = a.right
        && hit(Some(r), column, row)
    {
        focus(state, pane, &mut fx);
        if pane == Pane::Compare {
            let body = layout::compare_body(state);
            if let Some(c) = &mut state.compare
                && hit(Some(body), column, row)
            {
                let g = c.grid(body.width);
                let line = c.scroll + (row - body.y) as usize;
                // In columns, the statement of the column clicked; stacked,
                // the one running through the line.
                let col = ((column - body.x) / (g.column_width + super::doc::GUTTER)) as usize;
                let party = g.columns.get(col).filter(|_| !g.stacked).cloned();
                let pick = g
                    .statements
                    .iter()
                    .enumerate()
                    .filter(|(i, s)| {
                        party.as_ref().is_none_or(|p| *p == s.party) && g.statement_line[*i] <= line
                    })
                    .map(|(i, _)| i)
                    .next_back();
                drop(g);
                if let Some(i) = pick {
                    c.cursor = i;
                }
            }
        }
    }
    fx
}

fn wheel(state: &mut State, column: u16, row: u16, d: isize) {
    let a = layout::areas(state);
    let pane = if hit(a.list, column, row) {
        Pane::List
    } else if let Some((p, r)) = a.right
        && hit(Some(r), column, row)
    {
        p
    } else {
        return;
    };
    match pane {
        Pane::List => {
            state.selected = add(state.selected, d);
        }
        Pane::Reader => {
            if let Some(r) = &mut state.reader {
                r.scroll = add(r.scroll, d);
            }
        }
        Pane::Compare => {
            if let Some(c) = &mut state.compare {
                c.scroll = add(c.scroll, d);
            }
            clamp(state);
            cursor_into_view(state);
        }
    }
    clamp(state);
}

/// `o`: the open article's address, if it is a web one.
fn open_url(state: &mut State) -> Vec<Effect> {
    let Some(r) = &state.reader else {
        state.set_status("Open an article first (Enter)", Level::Info);
        return vec![];
    };
    match r.view.url.as_deref().map(str::trim) {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            let u = u.to_string();
            state.set_status(
                format!("Opening {}", sanitize::for_terminal(&u, false)),
                Level::Info,
            );
            vec![Effect::OpenUrl(u)]
        }
        Some(_) => {
            state.set_status("Only http and https addresses are opened", Level::Error);
            vec![]
        }
        None => {
            state.set_status("This article has no web address", Level::Info);
            vec![]
        }
    }
}

/// `y`: the statement under the cursor in the side-by-side view, or the
/// account `n`/`N` is on in the reader, quoted with where it comes from.
fn yank(state: &mut State) -> Vec<Effect> {
    let text = match state.focus {
        Pane::Compare => state.compare.as_ref().and_then(|c| {
            let width = layout::compare_body(state).width;
            let grid = c.grid(width);
            let at = grid.statements.get(c.cursor)?;
            let st = c
                .cmp
                .rows
                .get(at.row)?
                .cells
                .get(&at.party)?
                .iter()
                .find(|s| s.article == at.article && s.sentence == at.sentence)?;
            Some(citation(
                &st.text,
                Some(&at.party),
                &st.article,
                st.sentence,
            ))
        }),
        Pane::Reader => state.reader.as_ref().and_then(|r| {
            let i = r.current?;
            let s = r.view.analysis.sentences.get(i)?;
            let party = (!s.parties.is_empty()).then(|| s.parties.join(", "));
            Some(citation(&s.text, party.as_deref(), &r.view.id, i))
        }),
        _ => None,
    };
    match text {
        Some(t) => {
            state.set_status("Copied the statement and its citation", Level::Info);
            vec![Effect::Copy(t)]
        }
        None => {
            state.set_status(
                "Nothing to copy: pick a statement (n/N) in the reader or side by side",
                Level::Info,
            );
            vec![]
        }
    }
}

/// The statement and where it comes from, as copied. Made safe for a
/// terminal: a pasted citation must not carry an article's escape sequences.
fn citation(text: &str, party: Option<&str>, article: &str, sentence: usize) -> String {
    let who = party.map(|p| format!("{p}; ")).unwrap_or_default();
    let quote = format!("“{text}” ({who}{article}, sentence {})", sentence + 1);
    crate::sanitize::for_terminal(&quote, false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_copied_citation_carries_no_escape_sequence() {
        let c = super::citation(
            "Hi\u{1b}]52;c;ZXZpbA==\u{7} there\u{202e}",
            Some("France"),
            "a-1",
            0,
        );
        assert_eq!(c, "“Hi there” (France; a-1, sentence 1)");
    }
}
