//! The fuzzy filter, independent of the UI: fzf-style terms over folded text.
//!
//! Both sides are folded (lowercase, marks stripped) because fuzzy-matcher
//! folds neither: `elysee` must find `Élysée`.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;

use crate::model::ArticleSummary;

/// One space-separated term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Fuzzy(String),
    /// `'word`: a substring.
    Exact(String),
    /// `^word`: the text starts with it.
    Prefix(String),
    /// `!word`: the text does not contain it.
    Not(String),
}

/// A parsed query: every term must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let terms = text
            .split_whitespace()
            .filter_map(|t| {
                let (kind, rest): (fn(String) -> Term, &str) = if let Some(r) = t.strip_prefix('\'')
                {
                    (Term::Exact, r)
                } else if let Some(r) = t.strip_prefix('^') {
                    (Term::Prefix, r)
                } else if let Some(r) = t.strip_prefix('!') {
                    (Term::Not, r)
                } else {
                    (Term::Fuzzy, t)
                };
                let folded = fold(rest);
                (!folded.is_empty()).then(|| kind(folded))
            })
            .collect();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Lowercase with diacritics removed: `Élysée` → `elysee`, `Orbán` → `orban`.
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text an article is matched on: title, source, date, participants, parties.
pub fn haystack(a: &ArticleSummary) -> String {
    let mut s = a.title.clone();
    for part in [a.source.as_deref().unwrap_or("")] {
        if !part.is_empty() {
            s.push_str(" · ");
            s.push_str(part);
        }
    }
    if let Some(d) = a.published {
        s.push_str(&format!(" · {d}"));
    }
    for p in a.participants.iter().chain(&a.parties) {
        s.push_str(" · ");
        s.push_str(p);
    }
    s
}

/// Score one folded haystack against a query; `None` when it does not match.
pub fn score(matcher: &SkimMatcherV2, folded: &str, query: &Query) -> Option<i64> {
    let mut total = 0;
    for term in &query.terms {
        match term {
            Term::Fuzzy(t) => total += matcher.fuzzy_match(folded, t)?,
            Term::Exact(t) => {
                if !folded.contains(t.as_str()) {
                    return None;
                }
                total += 10 * t.len() as i64;
            }
            Term::Prefix(t) => {
                if !folded.starts_with(t.as_str()) {
                    return None;
                }
                total += 10 * t.len() as i64;
            }
            Term::Not(t) => {
                if folded.contains(t.as_str()) {
                    return None;
                }
            }
        }
    }
    Some(total)
}

/// Indices of the matching haystacks, best score first, ties in input order
/// (which is newest first).
pub fn rank(folded_haystacks: &[String], query: &Query) -> Vec<usize> {
    if query.is_empty() {
        return (0..folded_haystacks.len()).collect();
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut hits: Vec<(i64, usize)> = folded_haystacks
        .iter()
        .enumerate()
        .filter_map(|(i, h)| score(&matcher, h, query).map(|s| (s, i)))
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranked(items: &[&str], q: &str) -> Vec<usize> {
        let folded: Vec<String> = items.iter().map(|s| fold(s)).collect();
        rank(&folded, &Query::parse(q))
    }

    #[test]
    fn folding_finds_accented_names() {
        assert_eq!(ranked(&["Élysée says", "Kremlin says"], "elysee"), vec![0]);
        assert_eq!(ranked(&["Orbán calls Putin"], "ORBAN"), vec![0]);
    }

    #[test]
    fn all_terms_must_match_in_any_order() {
        let items = ["Putin call with Macron", "Putin visit", "A call"];
        assert_eq!(ranked(&items, "putin call"), vec![0]);
        assert_eq!(ranked(&items, "call putin"), vec![0]);
    }

    #[test]
    fn exact_prefix_and_negation() {
        let items = ["Macron and Putin", "Putin and Macron"];
        assert_eq!(ranked(&items, "^putin"), vec![1]);
        assert_eq!(ranked(&items, "!^x 'and !macron"), Vec::<usize>::new());
        assert_eq!(ranked(&items, "'n and"), vec![0, 1]);
    }

    #[test]
    fn an_empty_query_keeps_everything_in_order() {
        assert_eq!(ranked(&["b", "a"], "  "), vec![0, 1]);
    }
}
