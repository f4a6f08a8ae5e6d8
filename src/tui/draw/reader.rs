//! The reader: the article wrapped once per width, accounts tinted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{pane_block, placeholder};
use crate::tui::doc::Kind;
use crate::tui::layout;
use crate::tui::state::{Pane, State};
use crate::tui::theme::Theme;

pub fn style_of(t: &Theme, kind: &Kind, current: Option<usize>) -> Style {
    match kind {
        Kind::Title => t.title(),
        Kind::Meta | Kind::Dim | Kind::Topic => t.dim(),
        Kind::Body => t.base(),
        Kind::Account { sentence, party } => {
            let s = t.party(party);
            if current == Some(*sentence) {
                s.patch(t.current())
            } else {
                s
            }
        }
        Kind::Swatch(p) => t.party(p).add_modifier(Modifier::BOLD),
        Kind::OneSided => t.accent(),
        Kind::Statement { unique, .. } => {
            if *unique {
                t.unique_word()
            } else {
                t.base()
            }
        }
    }
}

pub fn draw(state: &State, f: &mut Frame, area: Rect) {
    let t = &state.theme;
    let focused = state.focus == Pane::Reader;
    let Some(r) = &state.reader else {
        f.render_widget(
            pane_block(state, vec![Span::styled(" Reader ", t.title())], focused),
            area,
        );
        placeholder(
            f,
            layout::inner(area),
            "Select an article and press Enter to read it.",
            t.dim(),
        );
        return;
    };
    let text = layout::reader_text(state);
    let doc = r.doc(text.width);
    let h = text.height as usize;
    let n = doc.lines.len();
    let pct = if n <= h {
        "all".to_string()
    } else {
        format!("{}%", (r.scroll + h).min(n) * 100 / n)
    };
    let mut block = pane_block(state, vec![Span::styled(" Reader ", t.title())], focused)
        .title_bottom(Line::from(Span::styled(format!(" {pct} "), t.dim())).right_aligned());
    if !doc.accounts.is_empty() {
        let k = r
            .current
            .and_then(|c| doc.accounts.iter().position(|&a| a == c))
            .map_or("-".to_string(), |k| (k + 1).to_string());
        block = block.title_bottom(Line::from(Span::styled(
            format!(" account {k}/{} ", doc.accounts.len()),
            t.dim(),
        )));
    }
    f.render_widget(block, area);
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .skip(r.scroll)
        .take(h)
        .map(|l| {
            Line::from(
                l.iter()
                    .map(|s| Span::styled(s.text.clone(), style_of(t, &s.kind, r.current)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    f.render_widget(Paragraph::new(lines), text);
    if n > h {
        let inner = layout::inner(area);
        let bar = Rect::new(inner.right().saturating_sub(1), inner.y, 1, inner.height);
        let mut sb = ScrollbarState::new(n.saturating_sub(h)).position(r.scroll);
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
}
