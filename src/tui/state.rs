//! Everything the app shows, and nothing about the terminal. `update` changes
//! it, `draw` reads it.

use std::cell::{Ref, RefCell};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::doc::{self, Doc, Grid};
use super::keymap::Keymap;
use super::theme::Theme;
use crate::filter::{self, Query};
use crate::model::{ArticleSummary, ArticleView, CallId, Comparison, ReadingState};

/// The panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    List,
    Reader,
    Compare,
}

impl Pane {
    pub fn name(self) -> &'static str {
        match self {
            Pane::List => "Articles",
            Pane::Reader => "Reader",
            Pane::Compare => "Side by side",
        }
    }
}

/// What `update` asks the edges to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save an article's reading state in the library.
    Save {
        id: String,
        state: ReadingState,
    },
    /// Load an article into the reader, optionally at a sentence.
    LoadArticle {
        id: String,
        sentence: Option<usize>,
    },
    /// Load the side-by-side view of a call.
    LoadComparison {
        call: CallId,
    },
    /// Rank a large library off the UI thread.
    Filter(FilterRequest),
    /// Open a web address with the system's opener.
    OpenUrl(String),
    /// Put text on the terminal's clipboard (OSC 52).
    Copy(String),
    Quit,
}

/// Work for the filter worker.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterRequest {
    pub generation: u64,
    pub query: String,
    pub haystacks: Arc<Vec<String>>,
    /// Narrow these (the previous complete results) instead of scanning all.
    pub candidates: Option<Arc<[usize]>>,
}

/// What the worker sends back: the ranking so far (the best rows while it
/// runs, every match when done).
#[derive(Debug, Clone, PartialEq)]
pub struct FilterUpdate {
    pub generation: u64,
    pub matches: Vec<usize>,
    pub done: bool,
    /// When done: the matches as a shared set, to narrow a grown query.
    pub set: Option<Arc<[usize]>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

#[derive(Debug, Default)]
pub struct FilterState {
    /// The text of the filter line.
    pub input: String,
    /// Whether keys go into the filter line.
    pub editing: bool,
    pub query: Query,
    pub generation: u64,
    /// A worker is ranking for `generation`.
    pub running: bool,
    /// The query text the last complete ranking answered.
    pub done_text: String,
    /// That ranking's matches, shared with the worker, when the worker made it.
    pub done_set: Option<Arc<[usize]>>,
    /// Indices into `articles`, ranked.
    pub matched: Vec<usize>,
}

/// The open article.
#[derive(Debug)]
pub struct Reader {
    pub view: ArticleView,
    /// First visible line of the wrapped text.
    pub scroll: usize,
    /// The account (sentence index) `n`/`N` is on.
    pub current: Option<usize>,
    /// The text wrapped for the last width asked (see [`Reader::doc`]).
    pub doc: RefCell<Option<Doc>>,
}

impl Reader {
    /// The reader at the top; `update` moves it to the saved position once
    /// it knows the width.
    pub fn new(view: ArticleView) -> Reader {
        Reader {
            scroll: 0,
            view,
            current: None,
            doc: RefCell::new(None),
        }
    }

    /// The width the text was last wrapped to.
    pub fn laid_out_width(&self) -> Option<u16> {
        self.doc.borrow().as_ref().map(|d| d.width)
    }

    /// Where the reader is, as the library keeps it: the same place at any
    /// width (see [`Doc::position_of`]).
    pub fn position(&self) -> u32 {
        match self.doc.borrow().as_ref() {
            Some(d) => d.position_of(self.scroll),
            None => 0,
        }
    }

    /// The text wrapped to `width`, wrapped again only when the width changed.
    pub fn doc(&self, width: u16) -> Ref<'_, Doc> {
        let stale = self.doc.borrow().as_ref().is_none_or(|d| d.width != width);
        if stale {
            *self.doc.borrow_mut() = Some(doc::reader_doc(&self.view, width));
        }
        Ref::map(self.doc.borrow(), |d| d.as_ref().expect("just built"))
    }
}

/// The open side-by-side view.
#[derive(Debug)]
pub struct Compare {
    pub cmp: Comparison,
    pub scroll: usize,
    /// The statement the cursor is on (index into `grid.statements`).
    pub cursor: usize,
    pub grid: RefCell<Option<Grid>>,
}

impl Compare {
    pub fn new(cmp: Comparison) -> Compare {
        Compare {
            cmp,
            scroll: 0,
            cursor: 0,
            grid: RefCell::new(None),
        }
    }

    pub fn grid(&self, width: u16) -> Ref<'_, Grid> {
        let stale = self.grid.borrow().as_ref().is_none_or(|g| g.width != width);
        if stale {
            *self.grid.borrow_mut() = Some(doc::compare_grid(&self.cmp, width));
        }
        Ref::map(self.grid.borrow(), |g| g.as_ref().expect("just built"))
    }
}

/// Libraries up to this size are ranked on the UI thread: it takes well under
/// a millisecond. Larger ones go to the worker.
pub const SYNC_FILTER_LIMIT: usize = 2000;

pub struct State {
    pub articles: Vec<ArticleSummary>,
    /// Folded haystacks, shared with the worker.
    pub folded: Arc<Vec<String>>,
    /// What the list shows: indices into `articles`.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// First row the list shows.
    pub list_offset: usize,
    pub focus: Pane,
    /// The pane beside the list when both fit.
    pub right: Pane,
    pub reader: Option<Reader>,
    pub compare: Option<Compare>,
    pub filter: FilterState,
    pub bookmarks_only: bool,
    /// The help overlay, with its scroll.
    pub help: Option<usize>,
    pub status: Option<(String, Level)>,
    pub width: u16,
    pub height: u16,
    pub keymap: Keymap,
    pub theme: Theme,
    pub sync_limit: usize,
    pub quit: bool,
}

impl State {
    pub fn new(articles: Vec<ArticleSummary>, keymap: Keymap, theme: Theme) -> State {
        let folded = filter::fold_all(&articles);
        let all: Vec<usize> = (0..articles.len()).collect();
        State {
            articles,
            folded: Arc::new(folded),
            visible: all.clone(),
            selected: 0,
            list_offset: 0,
            focus: Pane::List,
            right: Pane::Reader,
            reader: None,
            compare: None,
            filter: FilterState {
                matched: all,
                ..FilterState::default()
            },
            bookmarks_only: false,
            help: None,
            status: None,
            width: 80,
            height: 24,
            keymap,
            theme,
            sync_limit: SYNC_FILTER_LIMIT,
            quit: false,
        }
    }

    /// The article under the list's cursor.
    pub fn selected_article(&self) -> Option<&ArticleSummary> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.articles.get(i))
    }

    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// Panes that have something to show, in Tab order.
    pub fn panes(&self) -> Vec<Pane> {
        let mut v = vec![Pane::List];
        if self.reader.is_some() {
            v.push(Pane::Reader);
        }
        if self.compare.is_some() {
            v.push(Pane::Compare);
        }
        v
    }

    pub fn set_status(&mut self, text: impl Into<String>, level: Level) {
        self.status = Some((text.into(), level));
    }

    /// Recompute `visible` from the ranking and the bookmarks-only switch.
    /// `keep` keeps the cursor on the same article when it is still shown.
    pub fn refresh_visible(&mut self, keep: bool) {
        let before = self.visible.get(self.selected).copied();
        let only = self.bookmarks_only;
        let articles = &self.articles;
        self.visible = self
            .filter
            .matched
            .iter()
            .copied()
            .filter(|&i| !only || articles.get(i).is_some_and(|a| a.state.bookmarked))
            .collect();
        self.selected = match (keep, before) {
            (true, Some(b)) => self
                .visible
                .iter()
                .position(|&i| i == b)
                .unwrap_or(self.selected.min(self.visible.len().saturating_sub(1))),
            _ => 0,
        };
        if self.visible.is_empty() {
            self.selected = 0;
        }
    }
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("articles", &self.articles.len())
            .field("visible", &self.visible)
            .field("selected", &self.selected)
            .field("focus", &self.focus)
            .field("filter", &self.filter.input)
            .finish_non_exhaustive()
    }
}
