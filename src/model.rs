//! Plain data shared by every layer: what ingest produces, what analysis finds,
//! what the store keeps and what the CLI and the reader show. No I/O here.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A readable, stable article id such as `2022-05-03-politico-macron-and-putin-resume`.
pub type ArticleId = String;
/// A call id such as `2022-05-03-macron-putin`.
pub type CallId = String;
/// A party is a government named by its country: "France", "Russia", "United States".
pub type Party = String;

/// The format an import was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// What ingest makes of an import's bytes: metadata and the body as plain text,
/// paragraphs separated by blank lines, before any cleaning.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub byline: Option<String>,
    pub language: Option<String>,
    pub format: Format,
    /// The body text, `\n` line ends, blank lines between blocks.
    pub body: String,
    /// Problems worth telling the user that did not stop the import.
    pub warnings: Vec<String>,
    /// The site's name as printed above the headline ("TASS", "RT"), when
    /// the page shows one: whose copy it may be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masthead: Option<String>,
}

/// One sentence of the cleaned body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
    /// Byte range of the sentence inside that paragraph.
    pub start: usize,
    pub end: usize,
    /// The sentence as it stands in the cleaned paragraph.
    pub text: String,
    /// Parties whose own account of the call this sentence reports (often none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
}

/// How the leaders spoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Medium {
    Phone,
    Video,
    Call,
}

impl Medium {
    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Phone => "phone",
            Medium::Video => "video",
            Medium::Call => "call",
        }
    }
}

/// The call one article reports, as found in that article alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallReport {
    /// Full names as the lexicon gives them, e.g. "Emmanuel Macron".
    pub participants: Vec<String>,
    /// The participants' parties, in the same order, without repeats.
    pub parties: Vec<Party>,
    pub medium: Medium,
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
    /// What news calls each participant for short ("Macron", "Xi"), for call ids.
    #[serde(default)]
    pub short_names: Vec<String>,
}

/// Everything analysis finds in one article. Stored with `version`, so a newer
/// analyzer re-analyses the library.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub version: u32,
    /// The cleaned body, one string per paragraph, boilerplate removed.
    pub paragraphs: Vec<String>,
    /// Every sentence of `paragraphs`, in order; a statement's `sentence` indexes this.
    pub sentences: Vec<Sentence>,
    /// The call the article reports, if it reports one.
    pub call: Option<CallReport>,
}

impl Analysis {
    /// The sentences that carry some party's account.
    pub fn attributed(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.parties.is_empty())
    }
}

/// A sentence of an article that gives one party's account of a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub text: String,
    pub article: ArticleId,
    pub sentence: usize,
    /// Near-identical statements from other articles merged into this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Citation>,
}

/// Where a merged statement also appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub article: ArticleId,
    pub sentence: usize,
}

/// One call as the whole library knows it: every article that reports it and
/// every party's statements about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Call {
    pub id: CallId,
    pub date: Option<NaiveDate>,
    pub medium: Medium,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
    pub participants: Vec<String>,
    pub parties: Vec<Party>,
    pub articles: Vec<ArticleId>,
    /// Every participant's party has a key, with no statements where the library
    /// holds no account from it.
    pub accounts: BTreeMap<Party, Vec<Statement>>,
}

/// A call without its accounts, as `compare` heads its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallSummary {
    pub id: CallId,
    pub date: Option<NaiveDate>,
    pub medium: Medium,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
    pub participants: Vec<String>,
    pub parties: Vec<Party>,
    pub articles: Vec<ArticleId>,
}

impl From<&Call> for CallSummary {
    fn from(c: &Call) -> Self {
        CallSummary {
            id: c.id.clone(),
            date: c.date,
            medium: c.medium,
            duration_minutes: c.duration_minutes,
            participants: c.participants.clone(),
            parties: c.parties.clone(),
            articles: c.articles.clone(),
        }
    }
}

/// One row of the side-by-side view: each party's statements on one subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub topic: Vec<String>,
    /// Every party of the call has a key; an empty cell means that side said
    /// nothing on this subject.
    pub cells: BTreeMap<Party, Vec<Statement>>,
    /// Only one side spoke to this subject.
    pub one_sided: bool,
}

/// The aligned accounts of one call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub call: CallSummary,
    pub rows: Vec<Row>,
}

/// Per-article reading state, saved as it changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    pub read: bool,
    pub bookmarked: bool,
    /// Where the reader was, independent of the terminal's width: the
    /// paragraph at the top of the view plus one (0: the header), shifted
    /// left 12 bits, plus how far into that paragraph, in 1/4096ths of it.
    pub position: u32,
}

/// What the article list needs about one article; bodies load when opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub state: ReadingState,
    /// Calls this article reports (usually zero or one).
    pub calls: Vec<CallId>,
    pub participants: Vec<String>,
    pub parties: Vec<Party>,
}

/// A whole article as the reader and `show` need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    pub id: ArticleId,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub byline: Option<String>,
    pub state: ReadingState,
    pub analysis: Analysis,
    pub calls: Vec<CallId>,
}
