//! How an analysis is kept in the store: each sentence by its place in its
//! paragraph, not its text again, which would store the cleaned body twice.
//! Rows written before this kept the text; they still read.

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::model::{Analysis, CallReport, Party, Sentence};

#[derive(Serialize)]
struct StoredRef<'a> {
    version: u32,
    paragraphs: &'a [String],
    sentences: Vec<SentenceRef<'a>>,
    call: &'a Option<CallReport>,
}

#[derive(Serialize)]
struct SentenceRef<'a> {
    paragraph: usize,
    start: usize,
    end: usize,
    /// Only when the span does not give the text back.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    parties: &'a [Party],
}

#[derive(Deserialize)]
struct Stored {
    version: u32,
    paragraphs: Vec<String>,
    sentences: Vec<StoredSentence>,
    call: Option<CallReport>,
}

#[derive(Deserialize)]
struct StoredSentence {
    paragraph: usize,
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    parties: Vec<Party>,
}

pub fn to_json(a: &Analysis) -> Result<String> {
    let sentences = a
        .sentences
        .iter()
        .map(|s| {
            let spanned = a
                .paragraphs
                .get(s.paragraph)
                .and_then(|p| p.get(s.start..s.end));
            SentenceRef {
                paragraph: s.paragraph,
                start: s.start,
                end: s.end,
                text: (spanned != Some(s.text.as_str())).then_some(s.text.as_str()),
                parties: &s.parties,
            }
        })
        .collect();
    Ok(serde_json::to_string(&StoredRef {
        version: a.version,
        paragraphs: &a.paragraphs,
        sentences,
        call: &a.call,
    })?)
}

pub fn from_json(json: &str) -> Result<Analysis> {
    let stored: Stored = serde_json::from_str(json)?;
    let mut sentences = Vec::with_capacity(stored.sentences.len());
    for (n, s) in stored.sentences.into_iter().enumerate() {
        let text = match s.text {
            Some(t) => t,
            None => match stored
                .paragraphs
                .get(s.paragraph)
                .and_then(|p| p.get(s.start..s.end))
            {
                Some(t) => t.to_string(),
                None => bail!(
                    "sentence {n} lies outside paragraph {} ({}..{})",
                    s.paragraph,
                    s.start,
                    s.end
                ),
            },
        };
        sentences.push(Sentence {
            paragraph: s.paragraph,
            start: s.start,
            end: s.end,
            text,
            parties: s.parties,
        });
    }
    Ok(Analysis {
        version: stored.version,
        paragraphs: stored.paragraphs,
        sentences,
        call: stored.call,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Analysis {
        let p = "Macron called Putin. They spoke for an hour.".to_string();
        Analysis {
            version: 3,
            sentences: vec![
                Sentence {
                    paragraph: 0,
                    start: 0,
                    end: 20,
                    text: p[0..20].to_string(),
                    parties: vec!["France".into()],
                },
                Sentence {
                    paragraph: 0,
                    start: 21,
                    end: p.len(),
                    // A text that is not its span is kept as it is.
                    text: "They spoke for one hour.".into(),
                    parties: vec![],
                },
            ],
            paragraphs: vec![p],
            call: None,
        }
    }

    #[test]
    fn an_analysis_reads_back_as_it_was_written() {
        let a = sample();
        let json = to_json(&a).unwrap();
        assert!(!json.contains("\"text\":\"Macron called Putin.\""));
        assert_eq!(from_json(&json).unwrap(), a);
    }

    #[test]
    fn rows_that_kept_the_text_still_read() {
        let a = sample();
        assert_eq!(from_json(&serde_json::to_string(&a).unwrap()).unwrap(), a);
    }

    #[test]
    fn a_span_outside_its_paragraph_is_an_error_not_a_panic() {
        let json = r#"{"version":3,"paragraphs":["short"],"sentences":[{"paragraph":0,"start":2,"end":99}],"call":null}"#;
        let e = from_json(json).unwrap_err().to_string();
        assert!(e.contains("outside paragraph 0"), "{e}");
        let json = r#"{"version":3,"paragraphs":["é"],"sentences":[{"paragraph":0,"start":1,"end":2}],"call":null}"#;
        assert!(from_json(json).is_err());
    }
}
