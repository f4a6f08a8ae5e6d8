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
    let mut pieces: Vec<(usize, usize)> = Vec::new();
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
        pieces.extend(split_quoted(paragraph, start, end));
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in pieces {
        let text = &paragraph[start..end];
        if let Some(last) = out.last_mut() {
            let before = &paragraph[last.0..last.1];
            // A lone closing quote or bracket belongs to the sentence before;
            // so does the rest of an initialism ("China-U." + "S. relations")
            // and whatever follows a dateline ("MOSCOW, November 15." "/TASS/.").
            if text.chars().all(|c| !c.is_alphanumeric())
                || ends_with_initial(before) && starts_with_initial(text)
                || is_dateline(before)
                || starts_lowercase(text)
            {
                last.1 = end;
                continue;
            }
        }
        out.push((start, end));
    }
    if out.is_empty() && !paragraph.trim().is_empty() {
        let start = paragraph.len() - paragraph.trim_start().len();
        out.push((start, paragraph.trim_end().len()));
    }
    out
}

/// `... U.` : a single capital and a dot close the piece.
fn ends_with_initial(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2
        && b[b.len() - 1] == b'.'
        && b[b.len() - 2].is_ascii_uppercase()
        && (b.len() == 2 || !b[b.len() - 3].is_ascii_alphabetic())
}

/// `S. relations ...`, `K. ...`: the piece opens with a capital and a dot.
fn starts_with_initial(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// "MOSCOW, November 15.", "/TASS/.", "WASHINGTON (Reuters) -": a place and
/// date or an agency before the story proper.
fn is_dateline(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let first = words[0].trim_matches(|c: char| !c.is_alphabetic());
    let caps = first.len() >= 3 && first.chars().all(|c| c.is_uppercase());
    let agency = s.starts_with('/') || (s.starts_with('(') && s.contains(')'));
    caps || agency
}

/// Inside a quotation the segmenter keeps sentences together; news gold and
/// readers split them: `"We agree. We will go on," Xi said.` is two.
fn split_quoted(p: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let text = &p[start..end];
    let mut out = Vec::new();
    let mut from = 0;
    let mut depth = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '\u{201c}' => depth = true,
            '\u{201d}' => depth = false,
            '"' => depth = !depth,
            // "he wrote on X. “We agreed ...": a quotation opening after an
            // initial still starts a sentence.
            '.' if !depth
                && ends_with_initial(&text[from..=i])
                && i >= 2
                && text.as_bytes()[i - 2] != b'.'
                && chars.get(k + 1).map(|x| x.1) == Some(' ')
                && opens_quote(&text[(i + 2).min(text.len())..])
                && text[from..i].split_whitespace().count() >= 3 =>
            {
                out.push((start + from, start + i + 1));
                from = i + 2;
            }
            '.' | '!' | '?' if depth => {
                // ". " then a capital, with at least three words on each side.
                let next = chars.get(k + 1).map(|x| x.1);
                let after = chars.get(k + 2).map(|x| x.1);
                if next == Some(' ')
                    && after.is_some_and(char::is_uppercase)
                    && text[from..i].split_whitespace().count() >= 3
                    && text[i..].split_whitespace().count() >= 4
                    && (!ends_with_initial(&text[from..=i]) || opens_quote(&text[i + 2..]))
                    && !is_abbreviation(&text[from..=i])
                {
                    out.push((start + from, start + i + 1));
                    from = i + 2;
                }
            }
            _ => {}
        }
    }
    out.push((start + from, end));
    out
}

fn opens_quote(s: &str) -> bool {
    s.starts_with('\u{201c}') || s.starts_with('"')
}

/// "Mr.", "Dr.", "St.", "No.", "Feb.": a dot that ends no sentence.
fn is_abbreviation(piece: &str) -> bool {
    const ABBR: &[&str] = &[
        "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Jr.",
        "Sr.", "Prof.", "vs.", "etc.", "Inc.", "Co.",
    ];
    let last = piece.split_whitespace().next_back().unwrap_or("");
    ABBR.iter().any(|a| last.ends_with(a))
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
    fn initialisms_datelines_and_quotes() {
        assert_eq!(
            texts("Xi stressed China-U.S. relations, CCTV reported. Biden agreed."),
            [
                "Xi stressed China-U.S. relations, CCTV reported.",
                "Biden agreed."
            ]
        );
        assert_eq!(
            texts("MOSCOW, November 15. /TASS/. Putin held a telephone conversation with Scholz."),
            ["MOSCOW, November 15. /TASS/. Putin held a telephone conversation with Scholz."]
        );
        assert_eq!(
            texts(
                "“China has always stood on the side of peace. Its core stance is to promote peace talks,” Xi said."
            ),
            [
                "“China has always stood on the side of peace.",
                "Its core stance is to promote peace talks,” Xi said."
            ]
        );
    }

    #[test]
    fn a_quote_opening_after_an_initial_starts_a_sentence() {
        assert_eq!(
            texts("“I spoke with Starmer,” he wrote on X. “We agreed to continue.”"),
            [
                "“I spoke with Starmer,” he wrote on X.",
                "“We agreed to continue.”"
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
