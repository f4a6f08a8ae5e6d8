//! The article list: marks, date, title, source; matched characters lit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pad, pane_block, placeholder, truncate};
use crate::filter::{self, haystack_fields};
use crate::tui::layout;
use crate::tui::state::{Pane, State};
use crate::tui::wrap::width;

pub fn draw(state: &State, f: &mut Frame, area: Rect) {
    let t = &state.theme;
    let focused = state.focus == Pane::List;
    let mut title = vec![
        Span::styled(" Articles ", t.title()),
        Span::styled(
            format!("{}/{} ", state.visible.len(), state.articles.len()),
            t.dim(),
        ),
    ];
    if state.bookmarks_only {
        title.push(Span::styled("★ only ", t.accent()));
    }
    if state.filter.running {
        title.push(Span::styled("… ", t.dim()));
    }
    let mut block = pane_block(state, title, focused);
    // Who the selected article's call was between: the list has no room for it.
    if let Some(a) = state.selected_article()
        && !a.participants.is_empty()
    {
        let who = crate::tui::doc::clean(&a.participants.join(" — "));
        let room = (area.width as usize).saturating_sub(4);
        block = block.title_bottom(Line::from(Span::styled(
            format!(" ⇄ {} ", truncate(&who, room.saturating_sub(4))),
            t.dim(),
        )));
    }
    f.render_widget(block, area);
    let rows = layout::inner(area);
    if rows.width == 0 || rows.height == 0 {
        return;
    }
    if state.visible.is_empty() {
        let msg = if state.articles.is_empty() {
            "The library is empty. Add articles with `parallax import FILE`."
        } else if !state.filter.query.is_empty() {
            "No article matches the filter. Esc clears it."
        } else if state.bookmarks_only {
            "No bookmarks yet: b bookmarks an article, B shows everything."
        } else {
            "Nothing to show."
        };
        placeholder(f, rows, msg, t.dim());
        return;
    }
    let w = rows.width as usize;
    let show_date = w >= 40;
    // The source from a half-screen list on; below that the title needs it.
    let source_w = if w >= 44 { (w / 5).clamp(8, 18) } else { 0 };
    let matcher = filter::matcher();
    let mut lines = Vec::new();
    for (k, &i) in state
        .visible
        .iter()
        .enumerate()
        .skip(state.list_offset)
        .take(rows.height as usize)
    {
        let a = &state.articles[i];
        let selected = k == state.selected;
        let base = if selected { t.selected() } else { t.base() };
        let (hay, fields) = haystack_fields(a);
        let lit = filter::highlights(&matcher, &hay, &state.filter.query);
        let chars: Vec<char> = hay.chars().collect();
        let field = |r: &std::ops::Range<usize>| -> (String, Vec<usize>) {
            let text: String = chars[r.clone()].iter().collect();
            let pos = lit
                .iter()
                .filter(|&&p| r.contains(&p))
                .map(|p| p - r.start)
                .collect();
            (text, pos)
        };
        let mut spans = vec![
            Span::styled(if a.state.read { " " } else { "•" }, base.patch(t.unread())),
            Span::styled(
                if a.state.bookmarked { "★" } else { " " },
                base.patch(t.accent()),
            ),
            Span::styled(
                if a.calls.is_empty() { " " } else { "⇄" },
                base.patch(t.accent()),
            ),
            Span::styled(" ", base),
        ];
        let mut used = 4;
        if show_date {
            let (d, pos) = fields
                .date
                .as_ref()
                .map(&field)
                .unwrap_or_else(|| ("".into(), vec![]));
            spans.extend(lit_spans(
                &pad(&d, 10),
                &pos,
                base.patch(t.dim()),
                t.matched(),
            ));
            spans.push(Span::styled(" ", base));
            used += 11;
        }
        let title_w = w.saturating_sub(used + if source_w > 0 { source_w + 1 } else { 0 });
        let (title, pos) = field(&fields.title);
        let title_style = if a.state.read {
            base
        } else {
            base.patch(t.unread())
        };
        let shown = pad(&truncate(&title, title_w), title_w);
        spans.extend(lit_spans(&shown, &pos, title_style, t.matched()));
        if source_w > 0 {
            let (src, pos) = fields
                .source
                .as_ref()
                .map(&field)
                .unwrap_or_else(|| ("".into(), vec![]));
            spans.push(Span::styled(" ", base));
            let shown = pad(&truncate(&src, source_w), source_w);
            spans.extend(lit_spans(&shown, &pos, base.patch(t.dim()), t.matched()));
        }
        let used_w: usize = spans.iter().map(|s| width(&s.content)).sum();
        if used_w < w {
            spans.push(Span::styled(" ".repeat(w - used_w), base));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), rows);
}

/// Split `text` into spans, the chars at `pos` in `hit` style. A truncated
/// text keeps its char positions up to the cut.
fn lit_spans(text: &str, pos: &[usize], style: Style, hit: Style) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut cur = String::new();
    let mut cur_hit = false;
    let last = text.chars().count().saturating_sub(1);
    for (i, c) in text.chars().enumerate() {
        let h = pos.contains(&i) && !(c == '…' && i == last);
        if h != cur_hit && !cur.is_empty() {
            let s = if cur_hit { style.patch(hit) } else { style };
            out.push(Span::styled(std::mem::take(&mut cur), s));
        }
        cur_hit = h;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(Span::styled(
            cur,
            if cur_hit { style.patch(hit) } else { style },
        ));
    }
    out
}
