//! The side-by-side view: one column per party, rows aligned, scrolling together.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::reader::style_of;
use super::{pad, pane_block, placeholder, truncate};
use crate::tui::doc::{GridLine, Kind, clean};
use crate::tui::layout;
use crate::tui::state::{Pane, State};
use crate::tui::wrap::width;

pub fn draw(state: &State, f: &mut Frame, area: Rect) {
    let t = &state.theme;
    let focused = state.focus == Pane::Compare;
    let block = pane_block(
        state,
        vec![Span::styled(" Side by side ", t.title())],
        focused,
    );
    let Some(c) = &state.compare else {
        f.render_widget(block, area);
        placeholder(
            f,
            layout::inner(area),
            "Press c on an article that reports a call.",
            t.dim(),
        );
        return;
    };
    let body = layout::compare_body(state);
    let g = c.grid(body.width);
    let n = g.lines.len();
    let h = body.height as usize;
    let pos = if n <= h {
        "all".to_string()
    } else {
        format!("{}%", (c.scroll + h).min(n) * 100 / n)
    };
    let mut block = block;
    if let Some(s) = g.statements.get(c.cursor) {
        let from = format!(
            " statement {}/{} · {} ",
            c.cursor + 1,
            g.statements.len(),
            source_of(state, &s.article)
        );
        let room = (area.width as usize).saturating_sub(12);
        block = block.title_bottom(Line::from(Span::styled(
            format!("{} ", truncate(&from, room.saturating_sub(1)).trim_end()),
            t.dim(),
        )));
    }
    f.render_widget(
        block.title_bottom(Line::from(Span::styled(format!(" {pos} "), t.dim())).right_aligned()),
        area,
    );
    let inner = layout::inner(area);
    let call = &c.cmp.call;
    // Header: who, when, how, how long, from how many sources.
    let who = if call.participants.is_empty() {
        "Unknown participants".to_string()
    } else {
        clean(&call.participants.join(" — "))
    };
    let mut meta = vec![call.date.map_or("date unknown".to_string(), |d| {
        d.format("%a %-d %b %Y").to_string()
    })];
    meta.push(call.medium.as_str().to_string());
    if let Some(m) = call.duration_minutes {
        meta.push(if m >= 60 {
            format!("{}h{:02}", m / 60, m % 60)
        } else {
            format!("{m} min")
        });
    }
    let sources = call.articles.len();
    meta.push(format!(
        "{sources} source{}",
        if sources == 1 { "" } else { "s" }
    ));
    let iw = body.width as usize;
    let cw = g.column_width as usize;
    let mut head = vec![
        Line::from(Span::styled(truncate(&who, iw), t.title())),
        Line::from(Span::styled(truncate(&meta.join(" · "), iw), t.dim())),
    ];
    let mut names = Vec::new();
    let mut rule = String::new();
    if g.stacked {
        // No room for columns: name the parties, each cell says whose it is.
        for (k, p) in g.columns.iter().enumerate() {
            if k > 0 {
                names.push(Span::styled(" · ", t.dim()));
            }
            names.push(Span::styled(
                format!("▌{}", clean(p)),
                t.party(p).add_modifier(Modifier::BOLD),
            ));
        }
        rule = "─".repeat(iw);
    }
    for (k, p) in g.columns.iter().enumerate().filter(|_| !g.stacked) {
        if k > 0 {
            names.push(Span::styled(" │ ", t.dim()));
            rule.push_str("─┼─");
        }
        names.push(Span::styled(
            pad(&truncate(&clean(p), cw), cw),
            t.party(p).add_modifier(Modifier::BOLD),
        ));
        rule.push_str(&"─".repeat(cw));
    }
    head.push(Line::from(names));
    head.push(Line::from(Span::styled(rule, t.dim())));
    let head_h = (body.y - inner.y).min(inner.height);
    f.render_widget(
        Paragraph::new(head),
        Rect::new(body.x, inner.y, inner.width.saturating_sub(1), head_h),
    );
    if n > h && body.height > 0 {
        let bar = Rect::new(inner.right().saturating_sub(1), body.y, 1, body.height);
        let mut sb = ScrollbarState::new(n.saturating_sub(h)).position(c.scroll);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_symbol("┃")
                .style(t.dim()),
            bar,
            &mut sb,
        );
    }
    if body.height == 0 {
        return;
    }
    // A statement's words: those only its side used in its party's colour,
    // the one under the cursor marked while the pane has focus.
    let style = |s: &crate::tui::doc::Span| {
        let mut st = style_of(t, &s.kind, None);
        if let Kind::Statement { idx, unique } = s.kind {
            if let Some(r) = g.statements.get(idx).filter(|_| unique) {
                st = st.patch(t.party(&r.party));
            }
            if idx == c.cursor && focused {
                st = st.patch(t.current());
            }
        }
        st
    };
    let mut lines = Vec::new();
    for gl in g.lines.iter().skip(c.scroll).take(h) {
        match gl {
            GridLine::Full(l) => lines.push(Line::from(
                l.iter()
                    .map(|s| Span::styled(s.text.clone(), style(s)))
                    .collect::<Vec<_>>(),
            )),
            GridLine::Columns(cols) => {
                let mut spans = Vec::new();
                for (k, cell) in cols.iter().enumerate() {
                    if k > 0 {
                        spans.push(Span::styled(" │ ", t.dim()));
                    }
                    let mut used = 0;
                    let mut selected = false;
                    for s in cell {
                        selected |= matches!(s.kind, Kind::Statement { idx, .. } if idx == c.cursor && focused);
                        used += width(&s.text);
                        spans.push(Span::styled(s.text.clone(), style(s)));
                    }
                    let fill = cw.saturating_sub(used);
                    if fill > 0 && k + 1 < cols.len() {
                        let st = if selected { t.current() } else { t.base() };
                        spans.push(Span::styled(" ".repeat(fill), st));
                    }
                }
                lines.push(Line::from(spans));
            }
        }
    }
    f.render_widget(Paragraph::new(lines), body);
}

/// Where a statement comes from, as the list names it: source and date.
fn source_of(state: &State, article: &str) -> String {
    let Some(a) = state.articles.iter().find(|a| a.id == article) else {
        return clean(article);
    };
    let mut parts = Vec::new();
    if let Some(s) = &a.source {
        parts.push(clean(s));
    }
    if let Some(d) = a.published {
        parts.push(d.format("%-d %b %Y").to_string());
    }
    if parts.is_empty() {
        parts.push(truncate(&clean(&a.title), 30));
    }
    parts.join(", ")
}
