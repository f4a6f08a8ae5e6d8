//! What the user can ask for. Keys map to these through the [`Keymap`]; the
//! serde form lets a keymap come from a config file later.
//!
//! [`Keymap`]: super::keymap::Keymap

use serde::{Deserialize, Serialize};

use super::state::Pane;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Action {
    // Bindable actions.
    Up,
    Down,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Filter,
    Open,
    Compare,
    NextPane,
    PrevPane,
    Next,
    Prev,
    Bookmark,
    ToggleRead,
    BookmarksOnly,
    OpenUrl,
    Yank,
    Help,
    Back,
    Quit,

    // What the filter line's editor sends.
    FilterInput {
        ch: char,
    },
    FilterBackspace,
    FilterDeleteWord,
    FilterClear,
    FilterAccept,
    /// Text pasted into the terminal (bracketed paste): it goes to the filter.
    Paste {
        text: String,
    },

    // From the terminal.
    Resize {
        width: u16,
        height: u16,
    },
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Focus {
        pane: Pane,
    },
}

impl Action {
    /// One line for the help overlay; `None` for actions no key is bound to.
    pub fn describe(&self) -> Option<&'static str> {
        Some(match self {
            Action::Up => "move up; in the reader, scroll up",
            Action::Down => "move down; in the reader, scroll down",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::PageDown => "a page down",
            Action::PageUp => "a page up",
            Action::Filter => "fuzzy filter the list ('exact ^prefix !not)",
            Action::Open => "open the article / the statement's article",
            Action::Compare => "side by side: each party's account of the call",
            Action::NextPane => "next pane",
            Action::PrevPane => "previous pane",
            Action::Next => "next account / statement",
            Action::Prev => "previous account / statement",
            Action::Bookmark => "bookmark the article",
            Action::ToggleRead => "mark read / unread",
            Action::BookmarksOnly => "show bookmarks only / everything",
            Action::OpenUrl => "open the article's web address in the browser",
            Action::Yank => "copy the statement or account with its citation",
            Action::Help => "this help",
            Action::Back => "close the overlay or the filter; back to the list",
            Action::Quit => "quit",
            _ => return None,
        })
    }

    /// A short word for the status bar's hints.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            Action::Filter => "filter",
            Action::Open => "open",
            Action::Compare => "compare",
            Action::Next => "next account",
            Action::Bookmark => "bookmark",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Back => "back",
            Action::NextPane => "pane",
            _ => return None,
        })
    }
}
