//! Display width, cutting and word wrapping, measured the way ratatui draws:
//! grapheme by grapheme, each as wide as unicode-width says (so `❤️`, `é`
//! written as e + accent, and CJK line up with the cells they take). Wrapping
//! returns byte ranges so styled spans (sentences, matched words) can be cut
//! out of the wrapped lines. Callers cache the result per width.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns `s` takes on screen.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Cut `text` to `max` columns, ending with `…` when it was longer. Never
/// splits a grapheme, so a wide char that does not fit is left out whole.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in text.graphemes(true) {
        let gw = UnicodeWidthStr::width(g);
        if w + gw > max - 1 {
            break;
        }
        w += gw;
        out.push_str(g);
    }
    out.push('…');
    out
}

/// Pad with spaces to `w` columns.
pub fn pad(text: &str, w: usize) -> String {
    let have = width(text);
    let mut s = text.to_string();
    s.extend(std::iter::repeat_n(' ', w.saturating_sub(have)));
    s
}

/// Byte ranges of the lines of `text` wrapped to `max` columns. Words longer
/// than a line are broken between graphemes; spaces at line ends are
/// dropped. Always at least one line.
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
        for (i, g) in word.grapheme_indices(true) {
            let gw = UnicodeWidthStr::width(g);
            if cw + gw > max && cw > 0 {
                lines.push(s..start + i);
                s = start + i;
                cw = 0;
            }
            cw += gw;
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

    #[test]
    fn width_counts_graphemes_as_drawn() {
        // A heart with the emoji selector takes two cells, as ratatui draws it.
        assert_eq!(width("❤\u{fe0f}"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("習近平"), 6);
        assert_eq!(width("مَرحبا"), 5);
    }

    #[test]
    fn breaking_a_long_word_keeps_accents_on_their_letter() {
        let word = "e\u{301}e\u{301}e\u{301}e\u{301}";
        assert_eq!(
            wrapped(word, 2),
            vec!["e\u{301}e\u{301}", "e\u{301}e\u{301}"]
        );
        assert_eq!(wrapped("ab❤\u{fe0f}cd", 3), vec!["ab", "❤\u{fe0f}c", "d"]);
    }

    #[test]
    fn truncate_and_pad_by_display_width() {
        assert_eq!(truncate("Macron", 10), "Macron");
        assert_eq!(truncate("Macron", 4), "Mac…");
        assert_eq!(truncate("習近平と会談", 6), "習近…");
        assert_eq!(truncate("ab❤\u{fe0f}cd", 4), "ab…");
        assert_eq!(truncate("abc", 0), "");
        for max in 0..12 {
            for s in [
                "習近平と会談した",
                "❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}x",
                "مَرحبا بالعالم",
            ] {
                let t = truncate(s, max);
                assert!(width(&t) <= max, "{t:?} at {max}");
                assert_eq!(width(&pad(&t, max)), max, "{t:?} padded to {max}");
            }
        }
    }
}
