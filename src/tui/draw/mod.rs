//! `draw(&State, &mut Frame)`: pure, reads the state and paints a frame.

mod help;
mod list;
mod reader;
mod side_by_side;
mod status;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::state::{Pane, State};
pub use super::wrap::{pad, truncate};

pub fn draw(state: &State, f: &mut Frame) {
    let full = f.area();
    let a = layout::areas(state);
    if a.too_small || full.width < state.width || full.height < state.height {
        too_small(state, f);
        return;
    }
    if let Some(t) = a.tabs {
        status::tabs(state, f, t);
    }
    if let Some(r) = a.list {
        list::draw(state, f, r);
    }
    match a.right {
        Some((Pane::Compare, r)) => side_by_side::draw(state, f, r),
        Some((_, r)) => reader::draw(state, f, r),
        None => {}
    }
    status::draw(state, f, a.status);
    if let Some(top) = state.help {
        help::draw(state, f, top);
    }
}

fn too_small(state: &State, f: &mut Frame) {
    let area = f.area();
    let text = format!(
        "Terminal too small ({}x{}). parallax needs {}x{}.",
        area.width, area.height, MIN_WIDTH, MIN_HEIGHT
    );
    let p = Paragraph::new(text)
        .style(state.theme.base())
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    let y = area.height / 3;
    f.render_widget(p, Rect::new(0, y, area.width, area.height - y));
}

/// A pane's frame: the name, focused or not, and extra titles.
fn pane_block<'a>(state: &State, title: Vec<Span<'a>>, focused: bool) -> Block<'a> {
    let t = &state.theme;
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(t.border(focused))
        .title(Line::from(title))
}

/// A placeholder sentence in the middle of an empty pane.
fn placeholder(f: &mut Frame, r: Rect, text: &str, style: Style) {
    if r.height == 0 {
        return;
    }
    let y = r.y + r.height / 3;
    let p = Paragraph::new(text.to_string())
        .style(style)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    f.render_widget(p, Rect::new(r.x, y, r.width, r.bottom() - y));
}
