//! Alignment for the side-by-side view: each row pairs the parties'
//! statements on one subject. Similarity is TF-IDF cosine over stemmed
//! content words (names left out: every account names the same people),
//! with the topic lexicon adding shared subjects that use different words
//! (a ceasefire on one side, a settlement on the other), and word overlap for
//! short statements. Pairs are matched one to one, best first; a statement
//! close to a row already paired joins it; the rest stand alone, one-sided.

use std::collections::{BTreeMap, HashMap};

use super::Lexicon;
use super::terms::{self, Term};
use crate::model::{Call, CallSummary, Comparison, Row, Statement};

/// Least similarity for two statements of different sides to share a row.
const PAIR: f32 = 0.1;
/// Least similarity for one side's statements to count as one subject.
const SAME: f32 = 0.25;
/// Least similarity for a further statement to join a row already paired.
const JOIN: f32 = 0.08;
/// How much a shared topic weighs against a shared word.
const TOPIC_WEIGHT: f32 = 1.0;
/// Similarity two statements on one subject of the topic lexicon have at least.
const TOPIC_FLOOR: f32 = 0.15;
/// Keywords shown for a row.
const KEYWORDS: usize = 3;

struct Item {
    side: usize,
    statement: Statement,
    /// (article order in the call, sentence index): reading order.
    position: (usize, usize),
    words: Vec<Term>,
    topics: Vec<usize>,
    vector: HashMap<String, f32>,
    norm: f32,
}

/// Which topics of the lexicon a statement speaks to.
fn topics_of(text: &str, lex: &Lexicon) -> Vec<usize> {
    let stems = terms::stems(text);
    lex.topics
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.terms
                .iter()
                .any(|term| stems.windows(term.len()).any(|w| w == term.as_slice()))
        })
        .map(|(i, _)| i)
        .collect()
}

fn cosine(a: &Item, b: &Item) -> f32 {
    if a.norm == 0.0 || b.norm == 0.0 {
        return 0.0;
    }
    let (small, large) = if a.vector.len() <= b.vector.len() {
        (a, b)
    } else {
        (b, a)
    };
    let dot: f32 = small
        .vector
        .iter()
        .filter_map(|(k, x)| large.vector.get(k).map(|y| x * y))
        .sum();
    dot / (a.norm * b.norm)
}

fn jaccard(a: &Item, b: &Item) -> f32 {
    let x: std::collections::HashSet<&str> = a.words.iter().map(|t| t.stem.as_str()).collect();
    let y: std::collections::HashSet<&str> = b.words.iter().map(|t| t.stem.as_str()).collect();
    let union = x.union(&y).count();
    if union == 0 {
        return 0.0;
    }
    x.intersection(&y).count() as f32 / union as f32
}

fn similarity(a: &Item, b: &Item) -> f32 {
    // One sentence in both accounts ("While Macron said ..., Putin argued ...").
    if a.statement.article == b.statement.article && a.statement.sentence == b.statement.sentence {
        return 1.0;
    }
    // A shared subject in other words ("ceasefire", "settlement") counts
    // for something however long the statements are.
    let shared = a.topics.iter().filter(|t| b.topics.contains(t)).count();
    let overlap = if shared == 0 {
        0.0
    } else {
        TOPIC_FLOOR * shared as f32 / ((a.topics.len() * b.topics.len()) as f32).sqrt()
    };
    let c = cosine(a, b).max(overlap);
    if a.words.len().min(b.words.len()) < 5 {
        c.max(jaccard(a, b))
    } else {
        c
    }
}

/// Align a call's accounts into rows.
pub fn compare(call: &Call, lex: &Lexicon) -> Comparison {
    let mut sides: Vec<String> = call.parties.clone();
    for p in call.accounts.keys() {
        if !sides.contains(p) {
            sides.push(p.clone());
        }
    }
    let names = |w: &str| lex.is_name_word(w);
    let mut items: Vec<Item> = Vec::new();
    for (side, party) in sides.iter().enumerate() {
        for st in call.accounts.get(party).into_iter().flatten() {
            // Shown once: a statement another article already gave in nearly the same words.
            let cited = |it: &Item| {
                it.side == side
                    && st.also.iter().any(|c| {
                        c.article == it.statement.article && c.sentence == it.statement.sentence
                    })
            };
            if items.iter().any(cited) {
                continue;
            }
            let article = call
                .articles
                .iter()
                .position(|a| *a == st.article)
                .unwrap_or(usize::MAX);
            items.push(Item {
                side,
                position: (article, st.sentence),
                words: terms::content(&st.text, &names),
                topics: topics_of(&st.text, lex),
                statement: st.clone(),
                vector: HashMap::new(),
                norm: 0.0,
            });
        }
    }
    weigh(&mut items);
    let rows = rows(&items, sides.len());
    let mut ordered: Vec<Vec<Vec<usize>>> = rows;
    ordered.sort_by_key(|r| r.iter().flatten().map(|&i| items[i].position).min());
    Comparison {
        call: CallSummary::from(call),
        rows: ordered
            .into_iter()
            .map(|cells| {
                let topic = keywords(&cells, &items, lex);
                let filled = cells.iter().filter(|c| !c.is_empty()).count();
                Row {
                    topic,
                    cells: sides
                        .iter()
                        .zip(&cells)
                        .map(|(p, c)| {
                            (
                                p.clone(),
                                c.iter().map(|&i| items[i].statement.clone()).collect(),
                            )
                        })
                        .collect::<BTreeMap<_, _>>(),
                    one_sided: sides.len() > 1 && filled == 1,
                }
            })
            .collect(),
    }
}

/// TF-IDF over the call's statements, topics as extra terms.
fn weigh(items: &mut [Item]) {
    let n = items.len() as f32;
    let mut df: HashMap<String, f32> = HashMap::new();
    for it in items.iter() {
        let mut keys: Vec<String> = it.words.iter().map(|t| t.stem.clone()).collect();
        keys.extend(it.topics.iter().map(|t| format!("#{t}")));
        keys.sort();
        keys.dedup();
        for k in keys {
            *df.entry(k).or_default() += 1.0;
        }
    }
    let idf = |k: &str| ((n + 1.0) / (df.get(k).copied().unwrap_or(0.0) + 1.0)).ln() + 1.0;
    for it in items.iter_mut() {
        let mut v: HashMap<String, f32> = HashMap::new();
        for t in &it.words {
            *v.entry(t.stem.clone()).or_default() += 1.0;
        }
        for t in &it.topics {
            v.insert(format!("#{t}"), TOPIC_WEIGHT);
        }
        for (k, x) in v.iter_mut() {
            *x *= idf(k);
        }
        it.norm = v.values().map(|x| x * x).sum::<f32>().sqrt();
        it.vector = v;
    }
}

/// Rows as, for each side, the items in that cell. Each side's statements
/// on one subject are grouped first (one side often says a thing twice);
/// groups of different sides are then paired one to one, best first; a
/// group close to a row already paired joins it; the rest stand alone.
fn rows(items: &[Item], sides: usize) -> Vec<Vec<Vec<usize>>> {
    let n = items.len();
    let sim: Vec<Vec<f32>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j {
                        1.0
                    } else {
                        similarity(&items[i], &items[j])
                    }
                })
                .collect()
        })
        .collect();
    // One sentence in two accounts ("While Macron said ..., Putin argued ...").
    let shared: Vec<bool> = (0..n)
        .map(|i| {
            let s = &items[i].statement;
            items.iter().any(|o| {
                o.side != items[i].side
                    && o.statement.article == s.article
                    && o.statement.sentence == s.sentence
            })
        })
        .collect();
    let mut rows: Vec<Vec<Vec<usize>>> = Vec::new();
    for side in 0..sides {
        let groups = group_side(
            &sim,
            (0..n).filter(|&i| items[i].side == side).collect(),
            &shared,
        );
        // How close a group is to what the other sides said in a row.
        let closeness = |g: &[usize], row: &[Vec<usize>]| -> f32 {
            row.iter()
                .enumerate()
                .filter(|(s, _)| *s != side)
                .flat_map(|(_, c)| c)
                .flat_map(|&j| g.iter().map(move |&i| (i, j)))
                .map(|(i, j)| sim[i][j])
                .fold(0.0, f32::max)
        };
        // One to one, the most similarity in all: the best pairing of the
        // whole call, not the best pair first.
        let open: Vec<usize> = (0..rows.len())
            .filter(|&r| rows[r][side].is_empty())
            .collect();
        let weights: Vec<Vec<f32>> = groups
            .iter()
            .map(|g| {
                open.iter()
                    .map(|&r| {
                        let c = closeness(g, &rows[r]);
                        if c >= PAIR { c } else { 0.0 }
                    })
                    .collect()
            })
            .collect();
        let mut placed = vec![false; groups.len()];
        for (k, col) in best_matching(&weights).into_iter().enumerate() {
            if let Some(c) = col
                && weights[k][c] > 0.0
            {
                rows[open[c]][side].extend(&groups[k]);
                placed[k] = true;
            }
        }
        for (k, g) in groups.iter().enumerate() {
            if placed[k] {
                continue;
            }
            let best = rows
                .iter()
                .enumerate()
                .filter(|(_, row)| !row[side].is_empty())
                .map(|(r, row)| (closeness(g, row), r))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            match best {
                Some((c, r)) if c >= JOIN => rows[r][side].extend(g),
                _ => {
                    let mut row = vec![Vec::new(); sides];
                    row[side].extend(g);
                    rows.push(row);
                }
            }
        }
    }
    for row in &mut rows {
        for cell in row.iter_mut() {
            cell.sort_by_key(|&i| items[i].position);
        }
    }
    rows
}

/// The one-to-one assignment of rows to columns with the largest total
/// weight (Hungarian method, on the rectangular matrix padded square). For
/// each row, its column, if any.
fn best_matching(w: &[Vec<f32>]) -> Vec<Option<usize>> {
    let rows = w.len();
    let cols = w.first().map_or(0, Vec::len);
    let n = rows.max(cols);
    if n == 0 {
        return vec![None; rows];
    }
    // Costs to minimise: the best weight less each weight; padding costs the most.
    let top = w.iter().flatten().copied().fold(0.0f32, f32::max);
    let cost = |i: usize, j: usize| -> f64 {
        if i < rows && j < cols {
            (top - w[i][j]) as f64
        } else {
            top as f64
        }
    };
    // Potentials u (rows) and v (columns), 1-based with 0 as the sentinel.
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; n + 1];
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = vec![None; rows];
    for j in 1..=n {
        if p[j] >= 1 && p[j] <= rows && j <= cols {
            out[p[j] - 1] = Some(j - 1);
        }
    }
    out
}

/// One side's statements on one subject, by average-linkage clustering at
/// [`SAME`].
/// `shared` items (one sentence giving both accounts) stay alone: they are
/// a row of their own with their twin, and would otherwise draw in the
/// statements that the other side's pair with.
fn group_side(sim: &[Vec<f32>], mine: Vec<usize>, shared: &[bool]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = mine.into_iter().map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(f32, usize, usize)> = None;
        for a in 0..groups.len() {
            for b in a + 1..groups.len() {
                if groups[a].iter().chain(&groups[b]).any(|&i| shared[i]) {
                    continue;
                }
                let total: f32 = groups[a]
                    .iter()
                    .flat_map(|&i| groups[b].iter().map(move |&j| sim[i][j]))
                    .sum();
                let avg = total / (groups[a].len() * groups[b].len()) as f32;
                if avg >= SAME && best.is_none_or(|x| avg > x.0) {
                    best = Some((avg, a, b));
                }
            }
        }
        let Some((_, a, b)) = best else {
            return groups;
        };
        let moved = groups.remove(b);
        groups[a].extend(moved);
    }
}

/// A row's subject: shared topics, then words both sides used, then the
/// most telling words of what was said.
fn keywords(cells: &[Vec<usize>], items: &[Item], lex: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let members: Vec<&Item> = cells.iter().flatten().map(|&i| &items[i]).collect();
    let sides_with = |f: &dyn Fn(&Item) -> bool| {
        let mut s: Vec<usize> = members
            .iter()
            .filter(|it| f(it))
            .map(|it| it.side)
            .collect();
        s.sort();
        s.dedup();
        s.len()
    };
    let mut topics: Vec<(usize, usize)> = Vec::new();
    for it in &members {
        for &t in &it.topics {
            if !topics.iter().any(|(x, _)| *x == t) {
                topics.push((t, sides_with(&|i: &Item| i.topics.contains(&t))));
            }
        }
    }
    topics.sort_by_key(|t| std::cmp::Reverse(t.1));
    for (t, _) in topics.into_iter().take(2) {
        out.push(lex.topics[t].name.clone());
    }
    // Words by weight, shared ones first.
    let mut words: Vec<(bool, f32, String, String)> = Vec::new();
    for it in &members {
        for t in &it.words {
            if words.iter().any(|w| w.3 == t.stem) {
                continue;
            }
            let shared = sides_with(&|i: &Item| i.words.iter().any(|w| w.stem == t.stem)) > 1;
            let weight: f32 = members.iter().filter_map(|i| i.vector.get(&t.stem)).sum();
            words.push((shared, weight, t.word.clone(), t.stem.clone()));
        }
    }
    words.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    for (_, _, word, _) in words {
        if out.len() >= KEYWORDS {
            break;
        }
        if !out.iter().any(|o| terms::stem(o) == terms::stem(&word)) {
            out.push(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Medium;

    const TOPICS: &str = r#"
[[topic]]
name = "ceasefire"
terms = ["ceasefire", "settlement", "ending fighting", "end the fighting"]
[[topic]]
name = "evacuation"
terms = ["evacuation", "civilians", "Azovstal"]
"#;

    fn call(france: &[&str], russia: &[&str]) -> Call {
        let st = |i: usize, t: &str| Statement {
            text: t.into(),
            article: "a".into(),
            sentence: i,
            also: vec![],
        };
        let mut accounts = BTreeMap::new();
        accounts.insert(
            "France".to_string(),
            france.iter().enumerate().map(|(i, t)| st(i, t)).collect(),
        );
        accounts.insert(
            "Russia".to_string(),
            russia
                .iter()
                .enumerate()
                .map(|(i, t)| st(100 + i, t))
                .collect(),
        );
        Call {
            id: "c".into(),
            date: None,
            medium: Medium::Phone,
            duration_minutes: None,
            participants: vec!["Emmanuel Macron".into(), "Vladimir Putin".into()],
            parties: vec!["France".into(), "Russia".into()],
            articles: vec!["a".into()],
            accounts,
        }
    }

    fn lex() -> Lexicon {
        Lexicon::from_toml(
            "[[party]]\nname = \"France\"\npeople = [{ name = \"Emmanuel Macron\", aliases = [\"Macron\"], role = \"president\" }]\n[[party]]\nname = \"Russia\"\npeople = [{ name = \"Vladimir Putin\", aliases = [\"Putin\"], role = \"president\" }]\n",
            TOPICS,
        )
        .unwrap()
    }

    fn texts(row: &Row, party: &str) -> Vec<String> {
        row.cells[party].iter().map(|s| s.text.clone()).collect()
    }

    #[test]
    fn statements_on_one_subject_share_a_row() {
        let c = call(
            &[
                "Macron called for the evacuation of the Azovstal plant.",
                "Macron said he remains open to working on a negotiated solution.",
            ],
            &[
                "Putin said he was still open to dialogue but criticised the negotiators.",
                "Putin said Russia is evacuating civilians under the agreement.",
            ],
        );
        let cmp = compare(&c, &lex());
        let row = cmp
            .rows
            .iter()
            .find(|r| texts(r, "France")[0].contains("Azovstal"))
            .unwrap();
        assert!(
            texts(row, "Russia")[0].contains("evacuating"),
            "{:#?}",
            cmp.rows
        );
        assert_eq!(row.topic[0], "evacuation");
        let row = cmp
            .rows
            .iter()
            .find(|r| texts(r, "France")[0].contains("negotiated"))
            .unwrap();
        assert!(texts(row, "Russia")[0].contains("dialogue"));
    }

    #[test]
    fn the_topic_lexicon_pairs_different_words_for_one_subject() {
        let c = call(
            &["Macron reaffirmed the need for an immediate ceasefire."],
            &[
                "Putin said a settlement was possible only on his terms.",
                "Putin named the prerequisites to ending fighting.",
            ],
        );
        let cmp = compare(&c, &lex());
        assert_eq!(cmp.rows.len(), 1, "{:#?}", cmp.rows);
        assert_eq!(cmp.rows[0].cells["Russia"].len(), 2);
        assert!(!cmp.rows[0].one_sided);
    }

    #[test]
    fn a_statement_only_one_side_made_stands_alone() {
        let c = call(
            &["Macron thanked the Red Cross for its work in Mariupol."],
            &["Putin said Western sanctions disrupted grain exports."],
        );
        let cmp = compare(&c, &lex());
        assert_eq!(cmp.rows.len(), 2);
        assert!(cmp.rows.iter().all(|r| r.one_sided));
        assert!(cmp.rows.iter().all(|r| r.cells.len() == 2));
    }

    #[test]
    fn the_best_pairing_of_the_whole_call_wins_over_the_best_pair_first() {
        // Greedy takes the 0.9 pair and leaves the rest unpaired; the best
        // pairing in all takes 0.8 + 0.7.
        let w = vec![vec![0.9, 0.8], vec![0.7, 0.0]];
        assert_eq!(best_matching(&w), [Some(1), Some(0)]);
        assert_eq!(best_matching(&[vec![0.5], vec![0.6]]), [None, Some(0)]);
        assert_eq!(best_matching(&[vec![0.1, 0.2, 0.3]]), [Some(2)]);
    }

    #[test]
    fn a_sentence_in_both_accounts_leaves_the_rest_to_pair_with_each_other() {
        let both =
            "While Macron spoke of the food crisis, Putin blamed sanctions for the grain shortage.";
        let mut c = call(
            &[
                both,
                "Macron stressed Russia's responsibility for the grain shortage.",
            ],
            &[
                both,
                "Putin said Western sanctions caused the grain shortage.",
            ],
        );
        c.accounts.get_mut("Russia").unwrap()[0].sentence = 0;
        let cmp = compare(&c, &lex());
        let row = cmp
            .rows
            .iter()
            .find(|r| {
                texts(r, "France")
                    .iter()
                    .any(|t| t.starts_with("Macron stressed"))
            })
            .unwrap();
        assert_eq!(
            texts(row, "Russia"),
            ["Putin said Western sanctions caused the grain shortage."]
        );
    }

    #[test]
    fn a_sentence_in_both_accounts_pairs_with_itself() {
        let both = "While Macron said he wanted to lift the blockade, Putin argued that sanctions were to blame.";
        let mut c = call(&[both], &[both]);
        c.accounts.get_mut("Russia").unwrap()[0].sentence = 0;
        let cmp = compare(&c, &lex());
        assert_eq!(cmp.rows.len(), 1);
    }
}
