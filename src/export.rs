//! The export format: one JSON object per article, one article per line
//! (JSON Lines). It carries everything needed to rebuild the library: the
//! original bytes, the metadata and the reading state. Analyses are left out;
//! they are remade from the bytes on import. Pure: values in, lines out.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Format, ReadingState};
use crate::store::ArticleRow;

/// One article in an export. Fields may be added; none is renamed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub byline: Option<String>,
    pub language: Option<String>,
    pub format: Format,
    /// The file name or web address it was imported from.
    pub origin: Option<String>,
    /// When it entered the library (RFC 3339, UTC).
    pub imported_at: String,
    /// When a page from the web was fetched.
    pub fetched_at: Option<String>,
    pub state: ReadingState,
    /// The original bytes when they are UTF-8, as a string, so an export
    /// stays readable and greppable...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// ... and in base64 when they are not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_base64: Option<String>,
}

impl Record {
    pub fn new(row: ArticleRow, bytes: Vec<u8>) -> Record {
        let (raw, raw_base64) = match String::from_utf8(bytes) {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(BASE64.encode(e.as_bytes()))),
        };
        Record {
            id: row.id,
            title: row.title,
            source: row.source,
            url: row.url,
            published: row.published,
            byline: row.byline,
            language: row.language,
            format: row.format,
            origin: row.origin,
            imported_at: row.imported_at,
            fetched_at: row.fetched_at,
            state: row.state,
            raw,
            raw_base64,
        }
    }

    /// The original bytes, exactly.
    pub fn bytes(&self) -> Result<Vec<u8>, String> {
        match (&self.raw, &self.raw_base64) {
            (Some(s), None) => Ok(s.as_bytes().to_vec()),
            (None, Some(b)) => BASE64
                .decode(b)
                .map_err(|e| format!("raw_base64 is not base64 ({e})")),
            (Some(_), Some(_)) => Err("both raw and raw_base64 are given; keep one".into()),
            (None, None) => Err("neither raw nor raw_base64 holds the article's bytes".into()),
        }
    }

    /// The record as one line of JSON, without the line end.
    pub fn to_line(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }

    /// Read one line of an export.
    pub fn from_line(line: &str) -> Result<Record, String> {
        serde_json::from_str(line).map_err(|e| format!("not a parallax export record: {e}"))
    }
}

/// Whether the first line of a file looks like an export record, so an
/// export is recognised whatever its name.
pub fn looks_like_export(first_line: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(first_line) else {
        return false;
    };
    let text = text.trim();
    if !text.starts_with('{') {
        return false;
    }
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text) else {
        return false;
    };
    ["id", "imported_at", "state"]
        .iter()
        .all(|k| map.contains_key(*k))
        && (map.contains_key("raw") || map.contains_key("raw_base64"))
}

/// Whether a file name says it is JSON Lines.
pub fn has_export_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> ArticleRow {
        ArticleRow {
            id: "2024-03-05-reuters-macron-calls".into(),
            title: "Macron calls".into(),
            source: Some("Reuters".into()),
            url: Some("https://example.org/a".into()),
            published: NaiveDate::from_ymd_opt(2024, 3, 5),
            byline: None,
            language: Some("en".into()),
            format: Format::Html,
            origin: Some("https://example.org/a?ref=x".into()),
            imported_at: "2024-03-06T10:00:00Z".into(),
            fetched_at: Some("2024-03-06T10:00:00Z".into()),
            state: ReadingState {
                read: true,
                bookmarked: false,
                position: 12,
            },
        }
    }

    #[test]
    fn utf8_bytes_travel_as_a_string_and_come_back_exactly() {
        let bytes = "Title\r\n\r\n“Quoted” \u{1b}[31m text\u{0}"
            .as_bytes()
            .to_vec();
        let rec = Record::new(row(), bytes.clone());
        assert!(rec.raw.is_some() && rec.raw_base64.is_none());
        let back = Record::from_line(&rec.to_line().unwrap()).unwrap();
        assert_eq!(back, rec);
        assert_eq!(back.bytes().unwrap(), bytes);
    }

    #[test]
    fn other_bytes_travel_as_base64_and_come_back_exactly() {
        let bytes = b"Caf\xe9 \xff\xfe end".to_vec();
        let rec = Record::new(row(), bytes.clone());
        assert!(rec.raw.is_none());
        let back = Record::from_line(&rec.to_line().unwrap()).unwrap();
        assert_eq!(back.bytes().unwrap(), bytes);
    }

    #[test]
    fn a_record_is_one_line() {
        let rec = Record::new(row(), b"a\nb\n".to_vec());
        assert!(!rec.to_line().unwrap().contains('\n'));
    }

    #[test]
    fn a_record_without_bytes_is_refused() {
        let mut rec = Record::new(row(), b"x".to_vec());
        rec.raw = None;
        assert!(rec.bytes().unwrap_err().contains("neither"));
        rec.raw_base64 = Some("!!".into());
        assert!(rec.bytes().unwrap_err().contains("base64"));
    }

    #[test]
    fn exports_are_told_by_name_or_first_line() {
        let line = Record::new(row(), b"x".to_vec()).to_line().unwrap();
        assert!(looks_like_export(line.as_bytes()));
        assert!(!looks_like_export(b"{\"id\": 1}"));
        assert!(!looks_like_export(b"Macron and Putin spoke"));
        assert!(has_export_name("backup.JSONL"));
        assert!(!has_export_name("notes.json"));
    }
}
