//! TOML front matter between `+++` lines at the very top of a file.

use chrono::NaiveDate;
use serde::Deserialize;

use super::IngestError;
use crate::model::{Draft, Format};

/// What front matter may say. Unknown keys are refused, so a typo is noticed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<toml::Value>,
    pub byline: Option<String>,
    pub language: Option<String>,
    pub format: Option<Format>,
    #[serde(skip)]
    published_date: Option<NaiveDate>,
}

impl FrontMatter {
    /// Put what the front matter says over what the text said.
    pub fn apply(&self, draft: &mut Draft) {
        let set = |slot: &mut Option<String>, v: &Option<String>| {
            if let Some(v) = v.as_ref().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                *slot = Some(v.to_string());
            }
        };
        if let Some(t) = self.title.as_ref().filter(|t| !t.trim().is_empty()) {
            draft.title = t.trim().to_string();
        }
        set(&mut draft.source, &self.source);
        set(&mut draft.url, &self.url);
        set(&mut draft.byline, &self.byline);
        set(&mut draft.language, &self.language);
        if self.published_date.is_some() {
            draft.published = self.published_date;
        }
    }
}

/// Split `text` into its front matter (empty when there is none) and the rest.
pub fn split(text: &str) -> Result<(FrontMatter, &str), IngestError> {
    let Some(after) = text.strip_prefix("+++\n") else {
        return Ok((FrontMatter::default(), text));
    };
    let end = after
        .match_indices("+++")
        .find(|(i, _)| {
            (*i == 0 || after.as_bytes()[i - 1] == b'\n')
                && after[i + 3..].chars().next().is_none_or(|c| c == '\n')
        })
        .map(|(i, _)| i)
        .ok_or(IngestError::FrontMatter {
            line: 1,
            message: "the opening +++ has no closing +++ line".into(),
        })?;
    let toml_text = &after[..end];
    let rest = after[end + 3..]
        .strip_prefix('\n')
        .unwrap_or(&after[end + 3..]);
    let mut fm: FrontMatter = toml::from_str(toml_text).map_err(|e| IngestError::FrontMatter {
        // +1 for the opening +++ line, +1 because lines count from 1.
        line: e
            .span()
            .map(|s| {
                toml_text[..s.start.min(toml_text.len())]
                    .matches('\n')
                    .count()
                    + 2
            })
            .unwrap_or(2),
        message: e.message().trim().to_string(),
    })?;
    if let Some(v) = &fm.published {
        let line = line_of_key(toml_text, "published");
        let s = match v {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            other => {
                return Err(IngestError::FrontMatter {
                    line,
                    message: format!("published must be a date, not {}", other.type_str()),
                });
            }
        };
        let day = s.get(..10).unwrap_or(&s);
        fm.published_date = Some(NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
            IngestError::FrontMatter {
                line,
                message: format!("published = {s:?} is not a YYYY-MM-DD date"),
            }
        })?);
    }
    Ok((fm, rest))
}

fn line_of_key(toml_text: &str, key: &str) -> usize {
    toml_text
        .lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|i| i + 2)
        .unwrap_or(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_front_matter_leaves_text_alone() {
        let (fm, rest) = split("Title\n\nBody").unwrap();
        assert!(fm.title.is_none());
        assert_eq!(rest, "Title\n\nBody");
    }

    #[test]
    fn front_matter_fields_are_read() {
        let (fm, rest) =
            split("+++\nsource = \"POLITICO\"\npublished = 2022-05-03\n+++\nTitle\n").unwrap();
        assert_eq!(fm.source.as_deref(), Some("POLITICO"));
        assert_eq!(fm.published_date, NaiveDate::from_ymd_opt(2022, 5, 3));
        assert_eq!(rest, "Title\n");
    }

    #[test]
    fn a_date_may_be_a_string() {
        let (fm, _) = split("+++\npublished = \"2024-03-05\"\n+++\nT").unwrap();
        assert_eq!(fm.published_date, NaiveDate::from_ymd_opt(2024, 3, 5));
    }

    #[test]
    fn errors_name_the_line() {
        let e = split("+++\nsource = \"ok\"\ntitle = \n+++\nT").unwrap_err();
        assert!(
            matches!(e, IngestError::FrontMatter { line: 3, .. }),
            "{e:?}"
        );
        let e = split("+++\npublished = \"May 3\"\n+++\nT").unwrap_err();
        assert!(
            matches!(e, IngestError::FrontMatter { line: 2, .. }),
            "{e:?}"
        );
        let e = split("+++\nsorce = \"x\"\n+++\nT").unwrap_err();
        assert!(e.to_string().contains("sorce"), "{e}");
    }

    #[test]
    fn an_unclosed_block_is_an_error() {
        assert!(split("+++\ntitle = \"x\"\nT").is_err());
    }
}
