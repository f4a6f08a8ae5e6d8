//! Ingest: bytes in, a [`Draft`] out (metadata and body text, not yet cleaned).
//! Pure apart from nothing: the caller reads files; this only looks at bytes.

mod front_matter;
mod html;
mod markdown;
mod metadata;
pub use metadata::{dateline_agency, find_date};
pub mod slug;
mod title;

use chrono::NaiveDate;
use thiserror::Error;

use crate::model::{Draft, Format};

/// Largest import accepted; bigger files are refused before they are read whole.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// What the user said about an import on the command line; it wins over what
/// the text itself says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The format to read the bytes as, when the caller knows it (a web
    /// server's Content-Type, or the format an article was stored as).
    pub format: Option<Format>,
}

/// Why some bytes cannot become an article.
#[derive(Debug, Error, PartialEq)]
pub enum IngestError {
    #[error("the file is empty")]
    Empty,
    #[error("this is a binary file (NUL byte at offset {0}), not an article")]
    Binary(usize),
    #[error("the file is {0} bytes; the limit is 50 MB")]
    TooLarge(u64),
    #[error("malformed front matter at line {line}: {message}")]
    FrontMatter { line: usize, message: String },
    #[error("no text left after reading the {0} markup")]
    NoText(&'static str),
}

/// Turn an import's bytes into a draft. `name` (a file name or URL) only helps
/// to tell the format.
pub fn read(bytes: &[u8], name: &str, overrides: &Overrides) -> Result<Draft, IngestError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(IngestError::TooLarge(bytes.len() as u64));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary(at));
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!(
                "invalid UTF-8 at byte {}; decoded lossily (the original bytes are kept)",
                e.valid_up_to()
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let text = normalize_newlines(text.strip_prefix('\u{feff}').unwrap_or(&text));
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }

    let (front, rest) = front_matter::split(&text)?;
    let format = overrides
        .format
        .or(front.format)
        .unwrap_or_else(|| detect_format(name, rest));
    let mut draft = match format {
        Format::Html => html::read(rest, front.url.as_deref().or(overrides.url.as_deref()))?,
        Format::Markdown => markdown::read(rest),
        Format::Text => title::read_plain(rest),
    };
    draft.format = format;
    draft.warnings.extend(warnings);

    // Precedence: command line, then front matter, then what the text says.
    metadata::sniff(&mut draft);
    front.apply(&mut draft);
    if let Some(s) = &overrides.source {
        draft.source = Some(s.clone());
    }
    if let Some(d) = overrides.published {
        draft.published = Some(d);
    }
    if let Some(u) = &overrides.url {
        draft.url = Some(u.clone());
    }
    if draft.title.trim().is_empty() {
        draft.title = "(untitled)".to_string();
    }
    if draft.body.trim().is_empty() && draft.title == "(untitled)" {
        return Err(IngestError::Empty);
    }
    Ok(draft)
}

fn normalize_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Tell the format from the name, then from the content.
fn detect_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    let head: String = text.trim_start().chars().take(512).collect::<String>();
    let head = head.to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<body") || head.contains("<p")))
    {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> Result<Draft, IngestError> {
        read(s.as_bytes(), "a.txt", &Overrides::default())
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert_eq!(read_str(""), Err(IngestError::Empty));
        assert_eq!(read_str(" \n\n\t\n"), Err(IngestError::Empty));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            read(b"abc\0def", "x", &Overrides::default()),
            Err(IngestError::Binary(3))
        );
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let d = read(b"Title\n\nBody \xff here.", "x", &Overrides::default()).unwrap();
        assert_eq!(d.title, "Title");
        assert!(d.body.contains("Body \u{fffd} here."));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn command_line_overrides_win() {
        let o = Overrides {
            source: Some("AFP".into()),
            published: NaiveDate::from_ymd_opt(2024, 1, 2),
            url: Some("https://example.org/a".into()),
            ..Overrides::default()
        };
        let d = read(b"+++\nsource = \"X\"\n+++\nTitle\n\nBody.", "x", &o).unwrap();
        assert_eq!(d.source.as_deref(), Some("AFP"));
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2024, 1, 2));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn formats_are_told_by_name_then_content() {
        assert_eq!(detect_format("a.HTML", "x"), Format::Html);
        assert_eq!(detect_format("a.md", "x"), Format::Markdown);
        assert_eq!(detect_format("-", "  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect_format("a.txt", "Title\n\nBody"), Format::Text);
    }
}
