//! Words of a sentence, as every later stage sees them: folded (marks off,
//! typographic quotes and dashes made plain), split into tokens that keep
//! their case and their place, with quoted stretches marked.

use std::collections::HashSet;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A fixed list of words, looked up in constant time.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(word)
    }
}

/// `Élysée’s “call”` → `Elysee's "call"`: marks stripped, curly quotes and
/// dashes made ASCII, case kept. One output char per input char or fewer.
pub fn fold(text: &str) -> String {
    // Most news text is plain ASCII: nothing to fold.
    if text.is_ascii() && !text.contains('`') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' => {
                out.push('"')
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{a0}' | '\u{2009}' | '\u{202f}' => out.push(' '),
            c if c.is_ascii() => out.push(c),
            c => {
                for d in std::iter::once(c).nfkd() {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                }
            }
        }
    }
    out
}

/// One word of a folded sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercased text.
    pub lower: String,
    /// Starts with an uppercase letter.
    pub capital: bool,
    /// Byte range in the folded text.
    pub start: usize,
    pub end: usize,
    /// Inside a quotation: the quoted party's words, not the reporter's.
    pub quoted: bool,
    /// A comma, semicolon, colon or dash stands between this token and the one before.
    pub after_break: bool,
}

/// Split folded text into tokens. Words are runs of letters and digits, with
/// inner hyphens (`cease-fire`, `90-minute`), inner apostrophes
/// (`d'Orsay`) and the dots of initialisms (`U.S.` → `u.s`). A possessive
/// `'s` is a token of its own, so `Macron's office` reads as three.
pub fn tokens(folded: &str) -> Vec<Token> {
    let bytes = folded.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(folded.len() / 5);
    let mut quoted = false;
    let mut pending_break = false;
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let n = chars.len();
    let mut k = 0;
    while k < n {
        let (at, c) = chars[k];
        if c.is_alphanumeric() {
            let start = at;
            let mut j = k + 1;
            while j < n {
                let (_, d) = chars[j];
                if d.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next_is_word = chars.get(j + 1).is_some_and(|(_, e)| e.is_alphanumeric());
                if (d == '-' || d == '\'') && next_is_word {
                    // "'s " is a possessive: stop before it.
                    if d == '\''
                        && matches!(chars.get(j + 1), Some((_, 's' | 'S')))
                        && chars.get(j + 2).is_none_or(|(_, e)| !e.is_alphanumeric())
                    {
                        break;
                    }
                    j += 1;
                    continue;
                }
                // U.S, U.K, U.N: single letters joined by dots.
                if d == '.' && next_is_word && j >= 1 {
                    let word_len = j - word_start(&chars, j);
                    let next_single = chars.get(j + 2).is_none_or(|(_, e)| !e.is_alphanumeric());
                    if word_len == 1 && next_single {
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            let end = chars.get(j).map_or(folded.len(), |(b, _)| *b);
            let text = &folded[start..end];
            out.push(Token {
                lower: text.to_lowercase(),
                capital: c.is_uppercase(),
                start,
                end,
                quoted,
                after_break: pending_break,
            });
            pending_break = false;
            k = j;
            continue;
        }
        match c {
            '"' => {
                // Opens after a space, a bracket or the start; closes after a word or punctuation.
                let before = if at == 0 { b' ' } else { bytes[at - 1] };
                let opens = before.is_ascii_whitespace() || matches!(before, b'(' | b'[' | b'-');
                if opens {
                    quoted = true;
                } else if quoted {
                    quoted = false;
                    pending_break = true;
                }
            }
            '\'' if matches!(chars.get(k + 1), Some((_, 's' | 'S')))
                && chars.get(k + 2).is_none_or(|(_, e)| !e.is_alphanumeric())
                && out.last().is_some_and(|t| t.end == at) =>
            {
                let end = chars.get(k + 2).map_or(folded.len(), |(b, _)| *b);
                out.push(Token {
                    lower: "'s".into(),
                    capital: false,
                    start: at,
                    end,
                    quoted,
                    after_break: false,
                });
                k += 2;
                continue;
            }
            ',' | ';' | ':' | '-' | '(' | ')' | '[' | ']' => pending_break = true,
            _ => {}
        }
        k += 1;
    }
    out
}

fn word_start(chars: &[(usize, char)], mut j: usize) -> usize {
    while j > 0 && chars[j - 1].1.is_alphanumeric() {
        j -= 1;
    }
    j
}

/// Tokens of a lexicon phrase, lowercased, with which ones must be capitalised.
pub fn phrase(text: &str) -> (Vec<String>, Vec<bool>) {
    let folded = fold(text);
    let toks = tokens(&folded);
    (
        toks.iter().map(|t| t.lower.clone()).collect(),
        toks.iter().map(|t| t.capital).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokens(&fold(s)).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn folding_strips_marks_and_curly_punctuation() {
        assert_eq!(fold("Élysée’s “call” – Orbán"), "Elysee's \"call\" - Orban");
        assert_eq!(fold("Erdoğan"), "Erdogan");
    }

    #[test]
    fn words_keep_hyphens_initialisms_and_split_possessives() {
        assert_eq!(
            words("Macron’s office said the U.S. cease-fire, 90-minute call"),
            [
                "macron",
                "'s",
                "office",
                "said",
                "the",
                "u.s",
                "cease-fire",
                "90-minute",
                "call"
            ]
        );
        assert_eq!(words("Quai d'Orsay"), ["quai", "d'orsay"]);
        assert_eq!(words("No. 10 said"), ["no", "10", "said"]);
    }

    #[test]
    fn quoted_words_are_marked() {
        let t = tokens(&fold(
            "Putin said he was “still open to dialogue” but left.",
        ));
        let q: Vec<_> = t
            .iter()
            .filter(|t| t.quoted)
            .map(|t| t.lower.as_str())
            .collect();
        assert_eq!(q, ["still", "open", "to", "dialogue"]);
        let t = tokens(&fold("\"We agree,\" Xi said."));
        let q: Vec<_> = t
            .iter()
            .filter(|t| t.quoted)
            .map(|t| t.lower.as_str())
            .collect();
        assert_eq!(q, ["we", "agree"]);
    }

    #[test]
    fn breaks_are_seen_between_clauses() {
        let t = tokens(&fold("While Macron said so, Putin argued"));
        let putin = t.iter().find(|t| t.lower == "putin").unwrap();
        assert!(putin.after_break);
    }

    #[test]
    fn capitals_are_kept_as_a_flag() {
        let t = tokens("PARIS said Paris");
        assert_eq!(
            t.iter().map(|t| t.capital).collect::<Vec<_>>(),
            [true, false, true]
        );
        assert_eq!(t[0].lower, "paris");
    }
}
