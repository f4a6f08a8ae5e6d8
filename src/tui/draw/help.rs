//! The help overlay, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{pad, truncate};
use crate::tui::doc::clean;
use crate::tui::state::State;

pub fn draw(state: &State, f: &mut Frame, top: usize) {
    let t = &state.theme;
    let area = f.area();
    let entries = crate::tui::keymap::help_entries(&state.keymap);
    let w = area.width.saturating_sub(4).min(72);
    let h = area.height.saturating_sub(2).min(entries.len() as u16 + 2);
    if w < 10 || h < 3 {
        return;
    }
    let r = Rect::new((area.width - w) / 2, (area.height - h) / 2, w, h);
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(Span::styled(" Keys ", t.title()))
        .title_bottom(Line::from(Span::styled(" ? or Esc closes ", t.dim())).right_aligned());
    let block = if entries.len() + 2 > h as usize {
        block.title_bottom(Line::from(Span::styled(" j/k scroll ", t.dim())))
    } else {
        block
    };
    let inner = block.inner(r);
    f.render_widget(block, r);
    let kw = 16.min(inner.width as usize / 3);
    let dw = (inner.width as usize).saturating_sub(kw + 2);
    let lines: Vec<Line> = entries
        .iter()
        .skip(top)
        .take(inner.height as usize)
        .map(|(keys, desc)| {
            Line::from(vec![
                Span::styled(
                    format!(" {}", pad(&truncate(&clean(keys), kw), kw)),
                    t.accent(),
                ),
                Span::raw(" "),
                Span::styled(truncate(desc, dw), t.base()),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
