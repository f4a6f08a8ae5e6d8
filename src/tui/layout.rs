//! Where each pane goes for a terminal size. Shared by `draw` and by `update`
//! (page sizes, wrap width, mouse hit tests), so both agree.

use ratatui::layout::Rect;

use super::state::{Pane, State};

/// Below this the app shows a short notice instead of panes.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the list and the reader sit side by side.
pub const SPLIT_WIDTH: u16 = 100;
/// Lines of the reader are never longer than this, for reading comfort.
pub const MAX_TEXT_WIDTH: u16 = 96;
/// Lines above the rows in the side-by-side pane (header, column names, rule).
pub const COMPARE_HEAD: u16 = 4;
/// Panes at least this tall keep the whole side-by-side header.
pub const COMPARE_ROOMY: u16 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub too_small: bool,
    /// The tab line of the one-pane layout.
    pub tabs: Option<Rect>,
    pub list: Option<Rect>,
    /// The reader or the side-by-side pane, whichever `right` says.
    pub right: Option<(Pane, Rect)>,
    pub status: Rect,
}

pub fn areas(state: &State) -> Areas {
    let full = Rect::new(0, 0, state.width, state.height);
    if state.width < MIN_WIDTH || state.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            status: full,
            ..Areas::default()
        };
    }
    let status = Rect::new(0, full.height - 1, full.width, 1);
    let body = Rect::new(0, 0, full.width, full.height - 1);
    if state.width >= SPLIT_WIDTH {
        let list_w = (full.width * 9 / 20).clamp(40, 64);
        let list = Rect::new(0, 0, list_w, body.height);
        let right = Rect::new(list_w, 0, full.width - list_w, body.height);
        let pane = match state.focus {
            Pane::List => state.right,
            p => p,
        };
        let right = match pane {
            Pane::Reader if state.reader.is_some() => Some((Pane::Reader, right)),
            Pane::Compare if state.compare.is_some() => Some((Pane::Compare, right)),
            _ => Some((Pane::Reader, right)),
        };
        Areas {
            too_small: false,
            tabs: None,
            list: Some(list),
            right,
            status,
        }
    } else {
        let tabs = Rect::new(0, 0, full.width, 1);
        let pane = Rect::new(0, 1, full.width, body.height - 1);
        let (list, right) = match state.focus {
            Pane::List => (Some(pane), None),
            p => (None, Some((p, pane))),
        };
        Areas {
            too_small: false,
            tabs: Some(tabs),
            list,
            right,
            status,
        }
    }
}

/// Inside a pane's border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The list's rows.
pub fn list_rows(state: &State) -> Rect {
    let a = areas(state);
    a.list.map(inner).unwrap_or_default()
}

/// The rectangle the reader's text goes in (a column is kept for the
/// scrollbar, and lines stop at `MAX_TEXT_WIDTH`).
pub fn reader_text(state: &State) -> Rect {
    let a = areas(state);
    let r = match a.right {
        Some((_, r)) => r,
        None => Rect::new(0, 1, state.width, state.height.saturating_sub(2)),
    };
    let i = inner(r);
    // A space each side, and the scrollbar in the last column.
    let w = i.width.saturating_sub(3).clamp(1, MAX_TEXT_WIDTH);
    Rect::new(i.x + 1, i.y, w, i.height)
}

/// The rectangle of the side-by-side rows (below the header). The header
/// gives up its rule, then the party names when they are in the cells
/// already, to leave short terminals room for the rows.
pub fn compare_body(state: &State) -> Rect {
    let a = areas(state);
    let r = match a.right {
        Some((_, r)) => r,
        None => Rect::new(0, 1, state.width, state.height.saturating_sub(2)),
    };
    let i = inner(r);
    // A space on the left; the scrollbar in the last column.
    let width = i.width.saturating_sub(3).max(1);
    let stacked = state
        .compare
        .as_ref()
        .is_some_and(|c| c.grid(width).stacked);
    let head = match (i.height >= COMPARE_ROOMY, stacked) {
        (true, _) => COMPARE_HEAD,
        (false, false) => COMPARE_HEAD - 1,
        (false, true) => COMPARE_HEAD - 2,
    }
    .min(i.height);
    Rect::new(i.x + 1.min(i.width), i.y + head, width, i.height - head)
}
