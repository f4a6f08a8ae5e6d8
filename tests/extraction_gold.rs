//! Extraction judged against hand-made answers, through the library API:
//! the five samples (their gold as shipped beside the seeds) and the
//! development corpora in tests/corpus through tests/corpus6, scored as
//! `score.py` scores them (titles, cleaning checks, calls, accounts, pairs).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use parallax::ingest::Overrides;
use parallax::library::{ImportOutcome, Library};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Case, curly quotes, dashes and spaces aside, as the scorer compares.
fn norm(s: &str) -> String {
    let s: String = s
        .nfkc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn tokens(s: &str) -> HashSet<String> {
    norm(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn same_sentence(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.contains(short.as_str()) && short.len() * 10 >= long.len() * 7 {
        return true;
    }
    let (ta, tb) = (tokens(&a), tokens(&b));
    ta.intersection(&tb).count() * 10 >= ta.union(&tb).count() * 8
}

fn surname(name: &str) -> String {
    norm(name).split(' ').next_back().unwrap_or("").to_string()
}

#[derive(Debug, Default)]
struct Score {
    titles: (usize, usize),
    cleaning: (usize, usize),
    calls: (usize, usize),
    pairs: (usize, usize),
    tp: usize,
    fp: usize,
    fn_: usize,
    /// Accounts found in articles whose gold reports no call.
    accounts_without_call: usize,
    misses: Vec<String>,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn str_list(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Import every article of `gold` (files beside it, or in `articles`) into a
/// fresh library and score what the library makes of them.
fn score(gold_path: &Path, articles: &Path) -> Score {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("lib.db")).unwrap();
    let mut s = Score::default();
    let items = gold["articles"].as_array().unwrap();
    let mut ids = Vec::new();
    for a in items {
        let file = a["file"].as_str().unwrap();
        let bytes = std::fs::read(articles.join(file)).unwrap();
        let overrides = Overrides {
            published: a["published"].as_str().and_then(|d| d.parse().ok()),
            ..Overrides::default()
        };
        // A neutral name, so that nothing is read from the file name.
        let id = match lib.import(&bytes, &format!("article{}.txt", ids.len()), &overrides) {
            Ok(ImportOutcome::Added { id, .. }) | Ok(ImportOutcome::Duplicate { id }) => id,
            Err(e) => panic!("{file}: {e}"),
        };
        ids.push(id);
    }
    let calls = lib.calls().unwrap().to_vec();
    for (a, id) in items.iter().zip(&ids) {
        let file = a["file"].as_str().unwrap();
        let view = lib.article(id).unwrap().unwrap();
        s.titles.1 += 1;
        if norm(&view.title) == norm(a["title"].as_str().unwrap_or("")) {
            s.titles.0 += 1;
        } else {
            s.misses.push(format!("TITLE {file}: {}", view.title));
        }
        let body = norm(&view.analysis.paragraphs.join("\n"));
        for k in str_list(&a["keep"]) {
            s.cleaning.1 += 1;
            if body.contains(&norm(&k)) {
                s.cleaning.0 += 1
            } else {
                s.misses.push(format!("LOST {file}: {k}"))
            }
        }
        for d in str_list(&a["drop"]) {
            s.cleaning.1 += 1;
            if !body.contains(&norm(&d)) {
                s.cleaning.0 += 1
            } else {
                s.misses.push(format!("KEPT {file}: {d}"))
            }
        }
        for o in str_list(&a["at_most_once"]) {
            s.cleaning.1 += 1;
            if body.matches(&norm(&o)).count() <= 1 {
                s.cleaning.0 += 1
            } else {
                s.misses.push(format!("REPEATED {file}: {o}"))
            }
        }
        let mine: Vec<_> = calls.iter().filter(|c| c.articles.contains(id)).collect();
        if let Some(g) = a["call"].as_object() {
            s.calls.1 += 1;
            let want: HashSet<String> = str_list(&g["participants"])
                .iter()
                .map(|p| surname(p))
                .collect();
            let hit = mine.iter().find(|c| {
                c.participants
                    .iter()
                    .map(|p| surname(p))
                    .collect::<HashSet<_>>()
                    == want
            });
            let date_ok = |c: &&&parallax::model::Call| {
                g["date"]
                    .as_str()
                    .is_none_or(|d| c.date.map(|x| x.to_string()).as_deref() == Some(d))
            };
            match hit {
                Some(c) if date_ok(&c) => s.calls.0 += 1,
                _ => s.misses.push(format!("CALL {file}")),
            }
        } else if mine
            .iter()
            .any(|c| c.accounts.values().flatten().any(|st| st.article == *id))
        {
            s.accounts_without_call += 1;
            s.misses.push(format!("ACCOUNTS WITHOUT A CALL {file}"));
        }
        let predicted: Vec<(String, String)> = mine
            .iter()
            .flat_map(|c| {
                c.accounts
                    .iter()
                    .flat_map(|(p, sts)| sts.iter().map(move |st| (p, st)))
            })
            .filter(|(_, st)| st.article == *id)
            .map(|(p, st)| (p.clone(), st.text.clone()))
            .collect();
        let mut expected: Vec<(String, String)> = Vec::new();
        if let Some(acc) = a["accounts"].as_object() {
            for (p, sts) in acc {
                for st in str_list(sts) {
                    expected.push((p.clone(), st));
                }
            }
        }
        let optional = str_list(&a["optional"]);
        let mut used = vec![false; expected.len()];
        for (party, text) in &predicted {
            let m = (0..expected.len()).find(|&i| {
                !used[i] && expected[i].0 == *party && same_sentence(&expected[i].1, text)
            });
            match m {
                Some(i) => {
                    used[i] = true;
                    s.tp += 1;
                }
                None if optional.iter().any(|o| same_sentence(o, text)) => {}
                None => {
                    s.fp += 1;
                    s.misses.push(format!("WRONG {file} [{party}] {text}"));
                }
            }
        }
        for (i, (p, t)) in expected.iter().enumerate() {
            if !used[i] {
                s.fn_ += 1;
                s.misses.push(format!("MISSED {file} [{p}] {t}"));
            }
        }
        for pair in a["pairs"].as_array().into_iter().flatten() {
            s.pairs.1 += 1;
            let left = pair[0].as_str().unwrap_or("");
            let rights = str_list(&pair[1]);
            let done = mine.iter().any(|c| {
                let cmp = lib_compare(&mut lib, &c.id);
                cmp.iter().any(|texts| {
                    texts.iter().any(|t| same_sentence(left, t))
                        && rights
                            .iter()
                            .any(|r| texts.iter().any(|t| same_sentence(r, t)))
                })
            });
            if done {
                s.pairs.0 += 1
            } else {
                s.misses.push(format!("UNPAIRED {file}: {left}"))
            }
        }
    }
    s
}

/// Each row of a call's comparison as the texts in it.
fn lib_compare(lib: &mut Library, id: &str) -> Vec<Vec<String>> {
    lib.compare(id)
        .unwrap()
        .map(|c| {
            c.rows
                .iter()
                .map(|r| {
                    r.cells
                        .values()
                        .flatten()
                        .map(|st| st.text.clone())
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default()
}

fn here(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

#[test]
fn the_samples_meet_their_gold() {
    let s = score(&here("tests/samples/gold.json"), &here("data/articles"));
    let report = s.misses.join("\n");
    assert!(s.f1() >= 0.95, "accounts F1 {:.3}\n{report}", s.f1());
    assert_eq!(s.titles.0, s.titles.1, "{report}");
    assert_eq!(s.cleaning.0, s.cleaning.1, "{report}");
    assert_eq!(s.calls.0, s.calls.1, "{report}");
    assert_eq!(s.pairs.0, s.pairs.1, "{report}");
    assert_eq!(s.accounts_without_call, 0, "{report}");
}

#[test]
fn the_development_corpora_stay_above_the_bar_for_unseen_articles() {
    // How many calls each set may miss. corpus4's gold spells Erdoğan where
    // its article writes Erdogan (corpus2 wants the article's spelling), and
    // a Reddit repost is dated by its thread rather than by the call.
    // corpus5 came last and was tuned for least (four general rules and
    // three lexicon entries): its floor is near where unseen articles land.
    // Its gold names the Saudi king as the scorer matches him. corpus6
    // was scored first unseen (0.816), then tuned by four general rules; its
    // gold spells Zelenskyy as its article does.
    for (dir, may_miss, floor) in [
        ("tests/corpus", 1, 0.9),
        ("tests/corpus2", 1, 0.9),
        ("tests/corpus3", 1, 0.9),
        ("tests/corpus4", 2, 0.9),
        ("tests/corpus5", 1, 0.85),
        ("tests/corpus6", 1, 0.8),
    ] {
        let s = score(&here(&format!("{dir}/gold.json")), &here(dir));
        let report = s.misses.join("\n");
        assert!(
            s.f1() >= floor,
            "{dir}: accounts F1 {:.3}\n{report}",
            s.f1()
        );
        assert_eq!(
            s.accounts_without_call, 0,
            "{dir}: visits and conferences\n{report}"
        );
        assert!(
            s.calls.0 + may_miss >= s.calls.1,
            "{dir}: calls {:?}\n{report}",
            s.calls
        );
    }
}
