//! The tab line of the one-pane layout and the status bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::truncate;
use crate::tui::action::Action;
use crate::tui::doc::clean;
use crate::tui::state::{Level, Pane, State};
use crate::tui::wrap::width;

pub fn tabs(state: &State, f: &mut Frame, area: Rect) {
    let t = &state.theme;
    let mut spans = Vec::new();
    for p in state.panes() {
        let st = if p == state.focus {
            t.selected().add_modifier(Modifier::BOLD)
        } else {
            t.dim()
        };
        spans.push(Span::styled(format!(" {} ", p.name()), st));
        spans.push(Span::styled("│", t.dim()));
    }
    spans.push(Span::styled(" Tab switches", t.dim()));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn draw(state: &State, f: &mut Frame, area: Rect) {
    let t = &state.theme;
    let w = area.width as usize;
    let mut right = format!("{}/{}", state.visible.len(), state.articles.len());
    if state.filter.running {
        right.push('…');
    }
    if state.bookmarks_only {
        right = format!("★ {right}");
    }
    let right = format!(" {right} ");
    let left_w = w.saturating_sub(width(&right));
    let left: Vec<Span> = if state.filter.editing {
        vec![
            Span::styled("/", t.accent()),
            Span::styled(format!("{}▏", clean(&state.filter.input)), t.base()),
        ]
    } else if let Some((msg, level)) = &state.status {
        let st = match level {
            Level::Info => t.accent(),
            Level::Error => t.error(),
        };
        vec![Span::styled(truncate(&clean(msg), left_w), st)]
    } else if !state.filter.input.is_empty() && state.focus == Pane::List {
        // A kept filter: show it, and how to change or drop it.
        let shown = format!("/{} ", clean(&state.filter.input));
        let mut v = vec![
            Span::styled(shown.clone(), t.accent()),
            Span::styled("Esc", t.accent()),
            Span::styled(" clear ", t.dim()),
        ];
        let used = width(&shown) + 10;
        v.extend(hints(state, left_w.saturating_sub(used)));
        v
    } else {
        hints(state, left_w)
    };
    // Cut the left part to fit.
    let mut spans = Vec::new();
    let mut used = 0;
    for s in left {
        let sw = width(&s.content);
        if used + sw > left_w {
            spans.push(Span::styled(truncate(&s.content, left_w - used), s.style));
            used = left_w;
            break;
        }
        used += sw;
        spans.push(s);
    }
    spans.push(Span::raw(" ".repeat(left_w - used)));
    spans.push(Span::styled(right, t.dim()));
    f.render_widget(Paragraph::new(Line::from(spans)).style(t.status()), area);
}

/// Key hints for the focused pane, as many whole ones as fit in `room`.
fn hints(state: &State, room: usize) -> Vec<Span<'static>> {
    let t = &state.theme;
    let actions: &[Action] = match state.focus {
        Pane::List => &[
            Action::Open,
            Action::Filter,
            Action::Compare,
            Action::Bookmark,
            Action::Help,
            Action::Quit,
        ],
        Pane::Reader => &[
            Action::Next,
            Action::Compare,
            Action::Back,
            Action::Bookmark,
            Action::Help,
            Action::Quit,
        ],
        Pane::Compare if has_statements(state) => &[
            Action::Open,
            Action::Next,
            Action::Back,
            Action::Help,
            Action::Quit,
        ],
        Pane::Compare => &[Action::Back, Action::Help, Action::Quit],
    };
    let mut out = Vec::new();
    let mut used = 0;
    for a in actions {
        let Some(key) = state.keymap.keys_for(a).into_iter().next() else {
            continue;
        };
        let hint = match (a, state.focus) {
            (Action::Next, Pane::Compare) => "next statement",
            _ => a.hint().unwrap_or(""),
        };
        let (k, h) = (format!(" {}", clean(&key.to_string())), format!(" {hint} "));
        if used + width(&k) + width(&h) > room {
            break;
        }
        used += width(&k) + width(&h);
        out.push(Span::styled(k, t.accent()));
        out.push(Span::styled(h, t.dim()));
    }
    out
}

/// Whether the side-by-side view has a statement to open or step to.
fn has_statements(state: &State) -> bool {
    state.compare.as_ref().is_some_and(|c| {
        c.cmp
            .rows
            .iter()
            .any(|r| r.cells.values().any(|v| !v.is_empty()))
    })
}
