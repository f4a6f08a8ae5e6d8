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
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appended to `out`.
fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        fold_char(c, |l| out.push(l));
    }
}

/// One char folded: what [`fold_map`] makes of it.
fn fold_char(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
        return;
    }
    for d in std::iter::once(c).nfkd() {
        if unicode_normalization::char::is_combining_mark(d) {
            continue;
        }
        d.to_lowercase().for_each(&mut push);
    }
}

/// Every article's folded [`haystack`]; on every core for a large library.
/// The haystack is folded part by part as it is built (folding goes char by
/// char, so that is the same), without the unfolded copy.
pub fn fold_all(articles: &[ArticleSummary]) -> Vec<String> {
    use rayon::prelude::*;
    let one = |a: &ArticleSummary| {
        let mut folded = String::with_capacity(a.title.len() + 64);
        each_part(a, |part| fold_into(part, &mut folded));
        folded
    };
    if articles.len() >= PARALLEL_FROM {
        articles.par_iter().map(one).collect()
    } else {
        articles.iter().map(one).collect()
    }
}

/// [`fold`], plus for every char of the folded text the index of the char of
/// `text` it came from, so match positions can be mapped back for highlighting.
/// Folding goes char by char, so it equals folding the whole string.
pub fn fold_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        fold_char(c, |l| {
            out.push(l);
            map.push(i);
        });
    }
    (out, map)
}

fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Char ranges of the displayed fields inside a [`haystack`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub title: std::ops::Range<usize>,
    pub source: Option<std::ops::Range<usize>>,
    pub date: Option<std::ops::Range<usize>>,
}

/// The text an article is matched on: title, source, date, participants, parties.
/// Fields are made safe for a terminal first, so what matches is what is shown.
pub fn haystack(a: &ArticleSummary) -> String {
    haystack_fields(a).0
}

/// [`haystack`] with the char ranges of the title, source and date in it.
pub fn haystack_fields(a: &ArticleSummary) -> (String, Fields) {
    let mut s = String::with_capacity(a.title.len() + 64);
    let fields = each_part(a, |part| s.push_str(part));
    (s, fields)
}

/// Walk the parts of an article's haystack, separators included, made safe
/// for a terminal, in order, handing each to `part`. Returns the char ranges
/// of the displayed fields in the unfolded haystack.
fn each_part(a: &ArticleSummary, mut part: impl FnMut(&str)) -> Fields {
    use crate::sanitize::line_for_terminal;
    let mut chars = 0;
    let mut take = |text: &str| {
        let start = chars;
        chars += char_count(text);
        part(text);
        start..chars
    };
    let mut fields = Fields {
        title: take(&line_for_terminal(&a.title)),
        ..Fields::default()
    };
    let mut push = |text: &str| {
        take(" · ");
        take(text)
    };
    if let Some(src) = a.source.as_deref().map(line_for_terminal)
        && !src.is_empty()
    {
        fields.source = Some(push(&src));
    }
    if let Some(d) = a.published {
        fields.date = Some(push(&d.to_string()));
    }
    for p in a.participants.iter().chain(&a.parties) {
        push(&line_for_terminal(p));
    }
    fields
}

/// Score one folded haystack against a query; `None` when it does not match.
/// Every term is first checked cheaply (see [`might_match`]), so the fuzzy
/// scorer only runs on haystacks that can match all of them.
pub fn score(matcher: &SkimMatcherV2, folded: &str, query: &Query) -> Option<i64> {
    if !might_match(folded, query) {
        return None;
    }
    let mut total = 0;
    for term in &query.terms {
        match term {
            Term::Fuzzy(t) => total += matcher.fuzzy_match(folded, t)?,
            Term::Exact(t) | Term::Prefix(t) => total += 10 * t.len() as i64,
            Term::Not(_) => {}
        }
    }
    Some(total)
}

/// The cheap test every match passes: exact, prefix and negated terms are
/// decided here, and a fuzzy term's bytes must appear in order. Both sides
/// are folded (lowercase), and the scorer compares folded chars exactly, so a
/// fuzzy match is always such a byte subsequence.
pub fn might_match(folded: &str, query: &Query) -> bool {
    query.terms.iter().all(|term| match term {
        Term::Fuzzy(t) => is_subsequence(t.as_bytes(), folded.as_bytes()),
        Term::Exact(t) => folded.contains(t.as_str()),
        Term::Prefix(t) => folded.starts_with(t.as_str()),
        Term::Not(t) => !folded.contains(t.as_str()),
    })
}

fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut rest = hay;
    for &b in needle {
        match rest.iter().position(|&h| h == b) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

/// Indices of the matching haystacks, best score first, ties in input order
/// (which is newest first). Large inputs are scored and sorted on every core.
pub fn rank(folded_haystacks: &[String], query: &Query) -> Vec<usize> {
    if query.is_empty() {
        return (0..folded_haystacks.len()).collect();
    }
    let matcher = matcher();
    let mut hits = if folded_haystacks.len() >= PARALLEL_FROM {
        use rayon::prelude::*;
        folded_haystacks
            .par_iter()
            .enumerate()
            .filter_map(|(i, h)| score(&matcher, h, query).map(|s| (s, i)))
            .collect()
    } else {
        scan(&matcher, folded_haystacks, 0..folded_haystacks.len(), query)
    };
    sort_hits(&mut hits);
    hits.into_iter().map(|(_, i)| i).collect()
}

/// Haystacks from which ranking is worth spreading over the cores.
pub const PARALLEL_FROM: usize = 8192;

/// The matcher every ranking uses.
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// Score the given candidates; `(score, index)` of those that match, unsorted.
pub fn scan(
    matcher: &SkimMatcherV2,
    folded_haystacks: &[String],
    candidates: impl IntoIterator<Item = usize>,
    query: &Query,
) -> Vec<(i64, usize)> {
    candidates
        .into_iter()
        .filter_map(|i| {
            let h = folded_haystacks.get(i)?;
            score(matcher, h, query).map(|s| (s, i))
        })
        .collect()
}

/// Best score first, then input order (newest first).
pub fn sort_hits(hits: &mut [(i64, usize)]) {
    if hits.len() >= PARALLEL_FROM {
        use rayon::prelude::*;
        hits.par_sort_unstable_by(hit_order);
    } else {
        hits.sort_unstable_by(hit_order);
    }
}

/// The order of [`sort_hits`]: best score first, then input order.
pub fn hit_order(a: &(i64, usize), b: &(i64, usize)) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The best `k` hits, in [`sort_hits`] order, the rest dropped: linear in
/// the hits, then a sort of `k`.
pub fn top_hits(hits: &mut Vec<(i64, usize)>, k: usize) {
    if k == 0 {
        hits.clear();
        return;
    }
    if hits.len() > k {
        hits.select_nth_unstable_by(k - 1, hit_order);
        hits.truncate(k);
    }
    hits.sort_unstable_by(hit_order);
}

/// Whether the results of `old` can be narrowed to get those of `new`: `new`
/// only grew `old`, and the growth cannot widen a negation (`!a` → `!ab`).
pub fn narrows(old: &str, new: &str) -> bool {
    if !new.starts_with(old) || old.trim().is_empty() {
        return false;
    }
    let last = old.rsplit(char::is_whitespace).next().unwrap_or("");
    // `!ab` is wider than `!a`; a grown `'`/`^` with nothing after it was no term.
    !(last.starts_with('!') || last == "'" || last == "^")
}

/// Chars of `text` (not folded) that the query matches, sorted, for highlighting.
pub fn highlights(matcher: &SkimMatcherV2, text: &str, query: &Query) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    let (folded, map) = fold_map(text);
    let mut folded_pos: Vec<usize> = Vec::new();
    for term in &query.terms {
        match term {
            Term::Fuzzy(t) => {
                if let Some((_, idx)) = matcher.fuzzy_indices(&folded, t) {
                    folded_pos.extend(idx);
                }
            }
            Term::Exact(t) => {
                if let Some(b) = folded.find(t.as_str()) {
                    let start = folded[..b].chars().count();
                    folded_pos.extend(start..start + t.chars().count());
                }
            }
            Term::Prefix(t) => {
                if folded.starts_with(t.as_str()) {
                    folded_pos.extend(0..t.chars().count());
                }
            }
            Term::Not(_) => {}
        }
    }
    let mut out: Vec<usize> = folded_pos
        .into_iter()
        .filter_map(|p| map.get(p).copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
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
    fn highlights_map_back_through_folding() {
        let m = matcher();
        let text = "L'Élysée dit";
        let pos = highlights(&m, text, &Query::parse("elysee"));
        let chars: Vec<char> = text.chars().collect();
        let hit: String = pos.iter().map(|&i| chars[i]).collect();
        assert_eq!(hit, "Élysée");
        let pos = highlights(&m, "Orbán", &Query::parse("'rba"));
        assert_eq!(pos, vec![1, 2, 3]);
        let (f, map) = fold_map("ﬁÉ");
        assert_eq!(f, "fie");
        assert_eq!(map, vec![0, 0, 1]);
    }

    #[test]
    fn narrowing_only_when_the_query_grew_safely() {
        assert!(narrows("mac", "macr"));
        assert!(narrows("mac", "mac put"));
        assert!(!narrows("macr", "mac"));
        assert!(!narrows("!a", "!ab"));
        assert!(narrows("!a ", "!a b"));
        assert!(!narrows("", "a"));
    }

    #[test]
    fn haystack_is_sanitized_and_knows_its_fields() {
        let a = ArticleSummary {
            id: "x".into(),
            title: "Ti\u{1b}[31mtle".into(),
            source: Some("Src".into()),
            published: chrono::NaiveDate::from_ymd_opt(2022, 5, 3),
            state: Default::default(),
            calls: vec![],
            participants: vec!["Emmanuel Macron".into()],
            parties: vec!["France".into()],
        };
        let (h, f) = haystack_fields(&a);
        assert_eq!(h, "Title · Src · 2022-05-03 · Emmanuel Macron · France");
        assert_eq!(f.title, 0..5);
        assert_eq!(f.source, Some(8..11));
        assert_eq!(f.date, Some(14..24));
    }

    #[test]
    fn the_cheap_test_never_drops_what_the_scorer_matches() {
        let m = matcher();
        let items = [
            "L'Élysée et le Kremlin",
            "Orbán calls Putin",
            "Xi Jinping · Xinhua · 2023-01-02",
            "ﬁnance ministers",
            "İstanbul talks",
        ];
        let queries = [
            "elysee", "kr", "orb put", "xi 2023", "fin", "istanbul", "zz", "'calls", "^orb",
            "!putin", "ee", "ii", "lk",
        ];
        for text in items {
            let folded = fold(text);
            for q in queries {
                let query = Query::parse(q);
                let plain = query.terms.iter().all(|t| match t {
                    Term::Fuzzy(t) => m.fuzzy_match(&folded, t).is_some(),
                    Term::Exact(t) => folded.contains(t.as_str()),
                    Term::Prefix(t) => folded.starts_with(t.as_str()),
                    Term::Not(t) => !folded.contains(t.as_str()),
                });
                assert_eq!(score(&m, &folded, &query).is_some(), plain, "{text} {q}");
                if plain {
                    assert!(might_match(&folded, &query), "{text} {q}");
                }
            }
        }
    }

    #[test]
    fn large_inputs_rank_in_parallel_as_they_would_in_order() {
        let items: Vec<String> = (0..3 * PARALLEL_FROM)
            .map(|i| fold(&format!("Macron {i} Putin {}", i % 13)))
            .collect();
        let q = Query::parse("put 1");
        let m = matcher();
        let mut hits = scan(&m, &items, 0..items.len(), &q);
        hits.sort_by(hit_order);
        let serial: Vec<usize> = hits.into_iter().map(|h| h.1).collect();
        assert_eq!(rank(&items, &q), serial);
    }

    #[test]
    fn ascii_folds_as_any_text_does() {
        for text in ["Macron & PUTIN, 2024-01-02 · Reuters", "", "A-b_C'd"] {
            let (f, map) = fold_map(text);
            assert_eq!(fold(text), f);
            assert_eq!(f, text.to_lowercase());
            assert_eq!(map, (0..text.chars().count()).collect::<Vec<_>>());
        }
        assert_eq!(fold("Élysée OK"), "elysee ok");
        let a = |t: &str| ArticleSummary {
            id: t.into(),
            title: t.into(),
            source: None,
            published: None,
            state: Default::default(),
            calls: vec![],
            participants: vec![],
            parties: vec![],
        };
        let many: Vec<ArticleSummary> = (0..PARALLEL_FROM + 5)
            .map(|i| a(&format!("Orbán {i}")))
            .collect();
        let folded = fold_all(&many);
        assert_eq!(folded.len(), many.len());
        assert_eq!(folded[PARALLEL_FROM], format!("orban {PARALLEL_FROM}"));
    }

    proptest::proptest! {
        /// Folding the haystack part by part, as a library's list is folded
        /// at load, is folding the whole haystack, fields and all.
        #[test]
        fn folding_at_load_is_folding_the_shown_haystack(
            title in "\\PC{0,40}",
            source in proptest::option::of("[ -~\u{1b}\u{301}Éİﬁ\t]{0,12}"),
            people in proptest::collection::vec("\\PC{0,12}", 0..3),
            day in proptest::option::of(0u32..20_000),
        ) {
            let a = ArticleSummary {
                id: "x".into(),
                title,
                source,
                published: day.map(|d| {
                    chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(d.into())
                }),
                state: Default::default(),
                calls: vec![],
                participants: people.clone(),
                parties: people,
            };
            let (hay, fields) = haystack_fields(&a);
            let folded = fold_all(std::slice::from_ref(&a));
            proptest::prop_assert_eq!(&folded[0], &fold(&hay));
            let mut parts = String::new();
            let folded_fields = each_part(&a, |part| fold_into(part, &mut parts));
            proptest::prop_assert_eq!(&folded_fields, &fields);
            proptest::prop_assert_eq!(hay.clone(), crate::sanitize::for_terminal(&hay, false));
        }
    }

    #[test]
    fn an_empty_query_keeps_everything_in_order() {
        assert_eq!(ranked(&["b", "a"], "  "), vec![0, 1]);
    }
}
