//! Word wrapping by display width (the same unicode-width ratatui uses),
//! returning byte ranges so styled spans (sentences, matched words) can be cut
//! out of the wrapped lines. Callers cache the result per width.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Byte ranges of the lines of `text` wrapped to `max` columns. Words longer
/// than a line are broken; spaces at line ends are dropped. Always at least
/// one line.
pub fn wrap_ranges(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut cur: Option<(usize, usize, usize)> = None; // start, end, width
    for (start, word) in words(text) {
        let end = start + word.len();
        let w = width(word);
        if let Some((s, e, cw)) = cur {
            let gap = width(&text[e..start]);
            if cw + gap + w <= max {
                cur = Some((s, end, cw + gap + w));
                continue;
            }
            lines.push(s..e);
        }
        if w <= max {
            cur = Some((start, end, w));
            continue;
        }
        // Break a word longer than a line.
        let mut s = start;
        let mut cw = 0;
        for (i, ch) in word.char_indices() {
            let chw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if cw + chw > max && cw > 0 {
                lines.push(s..start + i);
                s = start + i;
                cw = 0;
            }
            cw += chw;
        }
        cur = Some((s, end, cw));
    }
    if let Some((s, e, _)) = cur {
        lines.push(s..e);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Whitespace-separated words with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, w: usize) -> Vec<&str> {
        wrap_ranges(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn greedy_by_width() {
        assert_eq!(wrapped("aa bb cc dd", 5), vec!["aa bb", "cc dd"]);
        assert_eq!(wrapped("Élysée dit ça", 6), vec!["Élysée", "dit ça"]);
        assert_eq!(wrapped("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrapped("", 3), vec![""]);
        assert_eq!(wrapped("習近平習近平", 4), vec!["習近", "平習", "近平"]);
        assert_eq!(wrapped("x 習", 1), vec!["x", "習"]);
    }

    #[test]
    fn never_wider_than_asked() {
        let text = "Le président Emmanuel Macron s'est entretenu mardi avec Vladimir Poutine.";
        for w in 1..40 {
            for line in wrapped(text, w) {
                assert!(width(line) <= w.max(1), "{line:?} at {w}");
            }
        }
    }
}
