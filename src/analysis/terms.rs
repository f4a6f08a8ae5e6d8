//! Content words for comparing statements: folded, lowercased, stop words
//! and reporting verbs out, stemmed (English Snowball).

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::text;

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Words that say nothing about the subject of a statement: function words,
/// and the vocabulary every account of a call shares (said, leader, call).
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "part",
    "per",
    "quite",
    "rather",
    "same",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "'s",
    "s",
    "t",
    // Reporting vocabulary shared by every account.
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "added",
    "noted",
    "stated",
    "stressed",
    "statement",
    "readout",
    "according",
    "reported",
    "claimed",
    "argued",
    "expressed",
    "reiterated",
    "confirmed",
    "underlined",
    "emphasised",
    "emphasized",
    "declared",
    "urged",
    "called",
    "call",
    "calls",
    "phone",
    "telephone",
    "conversation",
    "talks",
    "spoke",
    "leader",
    "leaders",
    "president",
    "presidents",
    "minister",
    "prime",
    "counterpart",
    "office",
    "side",
    "sides",
    "version",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mr",
    "ms",
    "mrs",
];

fn is_stop(w: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect())
        .contains(w)
}

/// Stem one lowercased word.
pub fn stem(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// The stemmed words of `text`, stop words included (for topic phrases,
/// whose inner words must stay in place).
pub fn stems(text: &str) -> Vec<String> {
    text::tokens(&text::fold(text))
        .into_iter()
        .filter(|t| t.lower != "'s")
        .map(|t| stem(&t.lower))
        .collect()
}

/// Single digits and years say little; "10,000 troops" on both sides does.
fn trivial_number(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit())
        && (w.len() < 2
            || w == "000"
            || (w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))))
}

/// A content word: its stem and the lowercased surface form it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub stem: String,
    pub word: String,
}

/// The content words of `text`, in order: no stop words, no numbers, no
/// names of people or places the caller passes in `names` (lowercased).
pub fn content(text: &str, names: &dyn Fn(&str) -> bool) -> Vec<Term> {
    text::tokens(&text::fold(text))
        .into_iter()
        .filter(|t| {
            t.lower.len() > 1 && !is_stop(&t.lower) && !trivial_number(&t.lower) && !names(&t.lower)
        })
        .map(|t| Term {
            stem: stem(&t.lower),
            word: t.lower,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_are_stemmed_without_stop_words() {
        let t = content("Putin said Russia is evacuating civilians", &|w| {
            w == "putin"
        });
        let stems: Vec<_> = t.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["russia", "evacu", "civilian"]);
    }

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("negotiated"), stem("negotiations"));
        assert_eq!(stem("evacuation"), stem("evacuating"));
    }
}
