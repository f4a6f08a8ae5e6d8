//! Sentence segmentation: each cleaned paragraph on its own (the segmenter
//! does not break on single newlines), with byte ranges into the paragraph.

use crate::model::Sentence;

/// Every sentence of the paragraphs, in order.
pub fn split(paragraphs: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for (start, end) in ranges(p) {
            out.push(Sentence {
                paragraph: i,
                start,
                end,
                text: p[start..end].to_string(),
                parties: vec![],
            });
        }
    }
    out
}

/// Byte ranges of the sentences of one paragraph, trimmed of spaces.
pub fn ranges(paragraph: &str) -> Vec<(usize, usize)> {
    let base = paragraph.as_ptr() as usize;
    let mut out: Vec<(usize, usize)> = Vec::new();
    for piece in sentencex::segment("en", paragraph) {
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        // The segmenter hands back slices of its input: their offsets are exact.
        let start = trimmed.as_ptr() as usize - base;
        let end = start + trimmed.len();
        if end > paragraph.len() || !paragraph.is_char_boundary(start) {
            continue;
        }
        // A lone closing quote or bracket belongs to the sentence before.
        if let Some(last) = out.last_mut()
            && trimmed.chars().all(|c| !c.is_alphanumeric())
        {
            last.1 = end;
            continue;
        }
        out.push((start, end));
    }
    if out.is_empty() && !paragraph.trim().is_empty() {
        let start = paragraph.len() - paragraph.trim_start().len();
        out.push((start, paragraph.trim_end().len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str) -> Vec<String> {
        split(&[p.to_string()])
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            texts(
                "The U.S. and the U.K. agreed on Feb. 16 to meet. Mr. Biden said so. No. 10 agreed, said St. James."
            ),
            [
                "The U.S. and the U.K. agreed on Feb. 16 to meet.",
                "Mr. Biden said so.",
                "No. 10 agreed, said St. James."
            ]
        );
    }

    #[test]
    fn a_quote_that_ends_a_sentence_stays_with_its_attribution() {
        assert_eq!(
            texts(
                "“Putin confirmed his willingness,” the statement said. Macron also “reiterated the demand,” said the Elysée."
            ),
            [
                "“Putin confirmed his willingness,” the statement said.",
                "Macron also “reiterated the demand,” said the Elysée."
            ]
        );
    }

    #[test]
    fn numbers_initials_and_dashes_survive() {
        assert_eq!(
            texts("J. F. Kennedy met 3.5 million people. The talks lasted 2.5 hours — a record."),
            [
                "J. F. Kennedy met 3.5 million people.",
                "The talks lasted 2.5 hours — a record."
            ]
        );
    }

    #[test]
    fn ranges_point_into_the_paragraph() {
        let p = "One here.  Two there! Three?";
        for s in split(&[p.to_string()]) {
            assert_eq!(&p[s.start..s.end], s.text);
        }
    }
}
