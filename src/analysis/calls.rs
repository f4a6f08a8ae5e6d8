//! Grouping: the same call reported by several articles becomes one call,
//! holding the statements of all of them. Near-identical statements (the
//! same readout quoted by two outlets) are merged and keep every source.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::terms;
use crate::ingest::slug::slugify;
use crate::model::{ArticleId, Call, CallReport, Citation, Medium, Sentence, Statement};

/// One article's contribution to grouping.
pub struct ArticleCall<'a> {
    pub article: &'a ArticleId,
    pub report: &'a CallReport,
    /// (sentence index, sentence) for the sentences that carry an account.
    pub statements: Vec<(usize, &'a Sentence)>,
}

/// Reports of one call agree on who spoke and, within a day, on when.
fn same_call(a: &CallReport, b: &CallReport) -> bool {
    // Spelt with or without their marks, the same people.
    let people = |r: &CallReport| {
        let mut p: Vec<String> = r
            .participants
            .iter()
            .map(|n| super::text::fold(n).to_lowercase())
            .collect();
        p.sort();
        p
    };
    if people(a) != people(b) {
        return false;
    }
    match (a.date, b.date) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= 1,
        _ => true,
    }
}

/// `2022-05-03-macron-putin`: the date and the participants' short names.
pub fn call_id(date: Option<NaiveDate>, names: &[String]) -> String {
    let mut parts: Vec<String> = names
        .iter()
        .map(|n| slugify(n, 4))
        .filter(|s| !s.is_empty())
        .collect();
    parts.sort();
    let day = date.map_or_else(|| "undated".to_string(), |d| d.to_string());
    format!("{day}-{}", parts.join("-"))
}

/// Two sentences saying the same thing in nearly the same words.
pub fn near_identical(a: &str, b: &str) -> bool {
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        terms::stems(s)
            .into_iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect()
    };
    let (x, y) = (words(a), words(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let common = x.intersection(&y).count();
    let union = x.union(&y).count();
    common * 10 >= union * 8
}

/// Group per-article call reports into calls, newest first.
pub fn group(articles: &[ArticleCall<'_>]) -> Vec<Call> {
    // Clusters of article indices, in input order.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        match clusters
            .iter_mut()
            .find(|c| c.iter().all(|&j| same_call(articles[j].report, a.report)))
        {
            Some(c) => c.push(i),
            None => clusters.push(vec![i]),
        }
    }
    let mut calls: Vec<Call> = clusters.iter().map(|c| merge(articles, c)).collect();
    number_and_sort(&mut calls);
    calls
}

/// Two calls on one day between the same people get distinct ids; newest
/// first. Shared with the library's indexed grouping of a whole library.
pub fn number_and_sort(calls: &mut [Call]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for c in calls.iter_mut() {
        let n = seen.entry(c.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            c.id = format!("{}-{}", c.id, n);
        }
    }
    calls.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
}

fn cite(s: &Statement) -> Citation {
    Citation {
        article: s.article.clone(),
        sentence: s.sentence,
    }
}

fn merge(articles: &[ArticleCall<'_>], members: &[usize]) -> Call {
    let first = articles[members[0]].report;
    // The date most reports give; the earliest on a tie.
    let mut dates: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for &i in members {
        if let Some(d) = articles[i].report.date {
            *dates.entry(d).or_default() += 1;
        }
    }
    let date = dates
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(d, _)| *d);
    // The most specific medium any report names.
    let medium = members
        .iter()
        .map(|&i| articles[i].report.medium)
        .min_by_key(|m| match m {
            Medium::Phone => 0,
            Medium::Video => 1,
            Medium::Call => 2,
        })
        .unwrap_or(Medium::Call);
    let duration_minutes = members
        .iter()
        .find_map(|&i| articles[i].report.duration_minutes);
    let short = if first.short_names.len() == first.participants.len() {
        first.short_names.clone()
    } else {
        first
            .participants
            .iter()
            .map(|n| n.rsplit(' ').next().unwrap_or(n).to_string())
            .collect()
    };
    let mut accounts: BTreeMap<String, Vec<Statement>> = first
        .parties
        .iter()
        .map(|p| (p.clone(), Vec::new()))
        .collect();
    let mut article_ids = Vec::new();
    for &i in members {
        let a = &articles[i];
        article_ids.push(a.article.clone());
        for (index, sentence) in &a.statements {
            for party in &sentence.parties {
                accounts.entry(party.clone()).or_default().push(Statement {
                    text: sentence.text.clone(),
                    article: a.article.clone(),
                    sentence: *index,
                    also: Vec::new(),
                });
            }
        }
    }
    // Each article's statements stay listed; near-identical ones in other
    // articles cite each other, and the side-by-side view shows them once.
    for list in accounts.values_mut() {
        for i in 0..list.len() {
            for j in i + 1..list.len() {
                if list[i].article != list[j].article
                    && near_identical(&list[i].text, &list[j].text)
                {
                    let (ci, cj) = (cite(&list[i]), cite(&list[j]));
                    list[i].also.push(cj);
                    list[j].also.push(ci);
                }
            }
        }
    }
    Call {
        id: call_id(date, &short),
        date,
        medium,
        duration_minutes,
        participants: first.participants.clone(),
        parties: first.parties.clone(),
        articles: article_ids,
        accounts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(date: &str) -> CallReport {
        CallReport {
            participants: vec!["Emmanuel Macron".into(), "Vladimir Putin".into()],
            parties: vec!["France".into(), "Russia".into()],
            medium: Medium::Phone,
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            duration_minutes: None,
            short_names: vec!["Macron".into(), "Putin".into()],
        }
    }

    fn sentence(text: &str, party: &str) -> Sentence {
        Sentence {
            paragraph: 0,
            start: 0,
            end: text.len(),
            text: text.into(),
            parties: vec![party.into()],
        }
    }

    #[test]
    fn reports_of_one_call_become_one_call_with_every_account() {
        let (a, b) = ("a".to_string(), "b".to_string());
        let (r1, r2) = (report("2022-05-03"), report("2022-05-03"));
        let s1 = sentence("Macron urged a ceasefire, the Elysee said.", "France");
        let s2 = sentence("Putin blamed Kyiv, the Kremlin said.", "Russia");
        let calls = group(&[
            ArticleCall {
                article: &a,
                report: &r1,
                statements: vec![(0, &s1)],
            },
            ArticleCall {
                article: &b,
                report: &r2,
                statements: vec![(3, &s2)],
            },
        ]);
        assert_eq!(calls.len(), 1);
        let c = &calls[0];
        assert_eq!(c.id, "2022-05-03-macron-putin");
        assert_eq!(c.articles, ["a", "b"]);
        assert_eq!(c.accounts["France"].len(), 1);
        assert_eq!(c.accounts["Russia"][0].sentence, 3);
    }

    #[test]
    fn near_identical_statements_cite_each_other() {
        let (a, b) = ("a".to_string(), "b".to_string());
        let r = report("2022-05-03");
        let s1 = sentence(
            "Macron urged Russia to agree to an immediate ceasefire, the Elysee said.",
            "France",
        );
        let s2 = sentence(
            "Macron urged Russia to agree to an immediate ceasefire, the Elysée said on Tuesday.",
            "France",
        );
        let calls = group(&[
            ArticleCall {
                article: &a,
                report: &r,
                statements: vec![(1, &s1)],
            },
            ArticleCall {
                article: &b,
                report: &r,
                statements: vec![(2, &s2)],
            },
        ]);
        let fr = &calls[0].accounts["France"];
        assert_eq!(fr.len(), 2);
        assert_eq!(
            fr[0].also,
            [Citation {
                article: "b".into(),
                sentence: 2
            }]
        );
        assert_eq!(
            fr[1].also,
            [Citation {
                article: "a".into(),
                sentence: 1
            }]
        );
    }

    #[test]
    fn calls_days_apart_stay_apart_and_every_party_has_a_key() {
        let (a, b) = ("a".to_string(), "b".to_string());
        let (r1, r2) = (report("2022-05-03"), report("2022-02-28"));
        let calls = group(&[
            ArticleCall {
                article: &a,
                report: &r1,
                statements: vec![],
            },
            ArticleCall {
                article: &b,
                report: &r2,
                statements: vec![],
            },
        ]);
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].date, NaiveDate::from_ymd_opt(2022, 5, 3));
        assert!(calls[1].accounts["Russia"].is_empty());
    }
}
