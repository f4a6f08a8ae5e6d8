//! Article text and aligned accounts laid out for a width: wrapped once per
//! width into lines of tagged spans that `draw` styles. All article text goes
//! through `sanitize::for_terminal` here.

use std::collections::{BTreeSet, HashSet};

use super::wrap::wrap_ranges;
use crate::filter::fold;
use crate::model::{ArticleView, Comparison, Party, Statement};
use crate::sanitize::for_terminal;

/// What a span is, for styling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Title,
    Meta,
    Body,
    Dim,
    /// A sentence giving a party's account.
    Account {
        sentence: usize,
        party: Party,
    },
    /// The legend's colour sample for a party.
    Swatch(Party),
    /// A topic line in the side-by-side view.
    Topic,
    /// The one-sided marker.
    OneSided,
    /// Words of a statement (index into `Grid::statements`).
    Statement {
        idx: usize,
        unique: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub kind: Kind,
}

pub type Line = Vec<Span>;

fn span(text: impl Into<String>, kind: Kind) -> Span {
    Span {
        text: text.into(),
        kind,
    }
}

/// An article wrapped to a width.
#[derive(Debug, Clone)]
pub struct Doc {
    pub width: u16,
    pub lines: Vec<Line>,
    /// For every sentence, the line it starts on.
    pub sentence_line: Vec<usize>,
    /// Sentences that carry an account, in reading order.
    pub accounts: Vec<usize>,
    /// The parties whose accounts the article gives, in order of appearance.
    pub parties: Vec<Party>,
}

/// Clean text for one line: no controls, no newlines.
pub fn clean(text: &str) -> String {
    for_terminal(&text.replace("\r\n", " ").replace(['\n', '\r'], " "), false)
}

fn wrapped(text: &str, w: usize, kind: Kind, out: &mut Vec<Line>) {
    for r in wrap_ranges(text, w) {
        out.push(vec![span(&text[r], kind.clone())]);
    }
}

/// Lay out an article for `width` columns.
pub fn reader_doc(view: &ArticleView, w16: u16) -> Doc {
    let w = w16.max(1) as usize;
    let a = &view.analysis;
    let mut lines: Vec<Line> = Vec::new();
    wrapped(&clean(&view.title), w, Kind::Title, &mut lines);
    let mut meta: Vec<String> = Vec::new();
    if let Some(s) = &view.source {
        meta.push(clean(s));
    }
    if let Some(d) = view.published {
        meta.push(d.format("%a %-d %b %Y").to_string());
    }
    if let Some(b) = &view.byline {
        meta.push(clean(b));
    }
    if !meta.is_empty() {
        wrapped(&meta.join(" · "), w, Kind::Meta, &mut lines);
    }
    let mut parties: Vec<Party> = Vec::new();
    for (_, s) in a.attributed() {
        for p in &s.parties {
            if !parties.contains(p) {
                parties.push(p.clone());
            }
        }
    }
    if !view.calls.is_empty() {
        let names: Vec<String> = a
            .call
            .as_ref()
            .map(|c| c.participants.iter().map(|p| clean(p)).collect())
            .unwrap_or_default();
        let text = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!(
                "⇄ A call between {} and {last} · c compares the accounts",
                rest.join(", ")
            ),
            _ => "⇄ Reports a call · c compares the accounts".to_string(),
        };
        wrapped(&text, w, Kind::Dim, &mut lines);
    }
    if !parties.is_empty() {
        let mut legend = vec![span("Accounts: ", Kind::Dim)];
        for p in &parties {
            legend.push(span(format!("▌{}", clean(p)), Kind::Swatch(p.clone())));
            legend.push(span("  ", Kind::Dim));
        }
        let used: usize = legend.iter().map(|s| super::wrap::width(&s.text)).sum();
        if used + 8 <= w {
            legend.push(span("n/N jump", Kind::Dim));
        }
        lines.push(legend);
    }
    lines.push(vec![]);

    let mut sentence_line = vec![0; a.sentences.len()];
    for (p, raw) in a.paragraphs.iter().enumerate() {
        // Cut at sentence bounds, clean each piece, and remember where the
        // bounds land in the cleaned paragraph.
        let mut cuts: BTreeSet<usize> = BTreeSet::from([0, raw.len()]);
        let in_para: Vec<usize> = (0..a.sentences.len())
            .filter(|&i| a.sentences[i].paragraph == p)
            .collect();
        for &i in &in_para {
            let s = &a.sentences[i];
            for b in [s.start, s.end] {
                if b <= raw.len() && raw.is_char_boundary(b) {
                    cuts.insert(b);
                }
            }
        }
        let cuts: Vec<usize> = cuts.into_iter().collect();
        let mut text = String::new();
        let mut moved = Vec::with_capacity(cuts.len());
        for win in cuts.windows(2) {
            moved.push(text.len());
            text.push_str(&clean(&raw[win[0]..win[1]]));
        }
        moved.push(text.len());
        let to_clean = |b: usize| -> usize {
            match cuts.binary_search(&b) {
                Ok(k) => moved[k],
                Err(k) => moved[k.saturating_sub(1)],
            }
        };
        // Attributed sentence ranges in the cleaned text.
        let tinted: Vec<(usize, usize, usize, Party)> = in_para
            .iter()
            .filter_map(|&i| {
                let s = &a.sentences[i];
                let party = s.parties.first()?.clone();
                Some((to_clean(s.start), to_clean(s.end), i, party))
            })
            .collect();
        let first_line = lines.len();
        let ranges = wrap_ranges(&text, w);
        for &i in &in_para {
            let start = to_clean(a.sentences[i].start);
            let k = ranges.iter().rposition(|r| r.start <= start).unwrap_or(0);
            sentence_line[i] = first_line + k;
        }
        for r in ranges {
            let mut line = Vec::new();
            let mut at = r.start;
            while at < r.end {
                let hit = tinted.iter().find(|t| t.0 <= at && at < t.1);
                let (end, kind) = match hit {
                    Some(t) => (
                        t.1.min(r.end),
                        Kind::Account {
                            sentence: t.2,
                            party: t.3.clone(),
                        },
                    ),
                    None => {
                        let next = tinted
                            .iter()
                            .filter(|t| t.0 > at)
                            .map(|t| t.0)
                            .min()
                            .unwrap_or(r.end);
                        (next.min(r.end), Kind::Body)
                    }
                };
                line.push(span(&text[at..end], kind));
                at = end;
            }
            lines.push(line);
        }
        lines.push(vec![]);
    }
    if a.paragraphs.is_empty() {
        lines.push(vec![span("(This article has no text.)", Kind::Dim)]);
    }
    Doc {
        width: w16,
        lines,
        sentence_line,
        accounts: a.attributed().map(|(i, _)| i).collect(),
        parties,
    }
}

/// Where a statement of the grid comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementRef {
    pub row: usize,
    pub party: Party,
    pub article: String,
    pub sentence: usize,
    /// How many other articles carry the same statement.
    pub also: usize,
}

/// One line of the side-by-side grid: a full-width line, or one line per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridLine {
    Full(Line),
    Columns(Vec<Line>),
}

/// The aligned rows laid out for a width; every column scrolls together.
#[derive(Debug, Clone)]
pub struct Grid {
    pub width: u16,
    pub columns: Vec<Party>,
    pub column_width: u16,
    pub lines: Vec<GridLine>,
    pub statements: Vec<StatementRef>,
    /// For every statement, the line it starts on.
    pub statement_line: Vec<usize>,
}

/// Columns are separated by " │ ".
pub const GUTTER: u16 = 3;

const STOP: &[&str] = &[
    "the",
    "and",
    "that",
    "with",
    "for",
    "from",
    "this",
    "was",
    "were",
    "has",
    "have",
    "had",
    "his",
    "her",
    "its",
    "their",
    "they",
    "them",
    "said",
    "says",
    "would",
    "will",
    "also",
    "which",
    "who",
    "been",
    "are",
    "not",
    "but",
    "about",
    "into",
    "over",
    "after",
    "than",
    "there",
    "other",
    "all",
    "any",
    "can",
    "could",
    "should",
    "must",
    "our",
    "out",
    "one",
    "two",
    "during",
    "while",
    "what",
    "when",
    "where",
    "how",
    "more",
    "such",
    "these",
    "those",
    "between",
    "call",
    "talks",
    "talked",
    "spoke",
    "phone",
    "conversation",
    "president",
];

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(fold)
        .filter(|w| !STOP.contains(&w.as_str()))
}

/// Lay out a comparison for `width` columns.
pub fn compare_grid(cmp: &Comparison, w16: u16) -> Grid {
    let mut columns: Vec<Party> = cmp.call.parties.clone();
    for row in &cmp.rows {
        for p in row.cells.keys() {
            if !columns.contains(p) {
                columns.push(p.clone());
            }
        }
    }
    if columns.is_empty() {
        columns.push("—".into());
    }
    let n = columns.len() as u16;
    let column_width = (w16.saturating_sub(GUTTER * (n - 1)) / n).max(1);
    let cw = column_width as usize;
    let mut lines = Vec::new();
    let mut statements = Vec::new();
    let mut statement_line = Vec::new();
    for (r, row) in cmp.rows.iter().enumerate() {
        let mut topic = vec![];
        if row.one_sided {
            topic.push(span("◆ one-sided ", Kind::OneSided));
        }
        let t = if row.topic.is_empty() {
            "—".to_string()
        } else {
            clean(&row.topic.join(", "))
        };
        topic.push(span(t, Kind::Topic));
        lines.push(GridLine::Full(topic));
        // Words each side used in this row, to mark the ones only one side used.
        let vocab: Vec<HashSet<String>> = columns
            .iter()
            .map(|p| {
                row.cells
                    .get(p)
                    .into_iter()
                    .flatten()
                    .flat_map(|s| words_of(&s.text).collect::<Vec<_>>())
                    .collect()
            })
            .collect();
        let spoken = vocab.iter().filter(|v| !v.is_empty()).count();
        let mut cols: Vec<Vec<Line>> = Vec::new();
        let mut starts: Vec<Vec<(usize, usize)>> = Vec::new(); // (statement, line in cell)
        for (c, p) in columns.iter().enumerate() {
            let mut cell: Vec<Line> = Vec::new();
            let mut st = Vec::new();
            let cell_statements: &[Statement] = row.cells.get(p).map(Vec::as_slice).unwrap_or(&[]);
            if cell_statements.is_empty() {
                cell.push(vec![span(
                    if row.one_sided { "(no account)" } else { "—" },
                    Kind::Dim,
                )]);
            }
            for s in cell_statements {
                let idx = statements.len();
                statements.push(StatementRef {
                    row: r,
                    party: p.clone(),
                    article: s.article.clone(),
                    sentence: s.sentence,
                    also: s.also.len(),
                });
                st.push((idx, cell.len()));
                let text = clean(&s.text);
                let others: HashSet<&String> = vocab
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != c)
                    .flat_map(|(_, v)| v.iter())
                    .collect();
                for (k, lr) in wrap_ranges(&text, cw.saturating_sub(2).max(1))
                    .into_iter()
                    .enumerate()
                {
                    let mut line = vec![span(
                        if k == 0 { "• " } else { "  " },
                        Kind::Statement { idx, unique: false },
                    )];
                    // Split the line into words and the gaps between them.
                    let seg = &text[lr];
                    let mut at = 0;
                    for (i, ch) in seg.char_indices() {
                        if i < at {
                            continue;
                        }
                        if ch.is_alphanumeric() {
                            let end = seg[i..]
                                .find(|c: char| !c.is_alphanumeric())
                                .map_or(seg.len(), |e| i + e);
                            let word = &seg[i..end];
                            let unique = spoken >= 2
                                && word.chars().count() >= 3
                                && !STOP.contains(&fold(word).as_str())
                                && !others.contains(&fold(word));
                            if i > at {
                                line.push(span(
                                    &seg[at..i],
                                    Kind::Statement { idx, unique: false },
                                ));
                            }
                            line.push(span(word, Kind::Statement { idx, unique }));
                            at = end;
                        }
                    }
                    if at < seg.len() {
                        line.push(span(&seg[at..], Kind::Statement { idx, unique: false }));
                    }
                    cell.push(line);
                }
                if !s.also.is_empty() {
                    cell.push(vec![span(
                        format!("  (+{} more)", s.also.len()),
                        Kind::Statement { idx, unique: false },
                    )]);
                }
            }
            cols.push(cell);
            starts.push(st);
        }
        let base = lines.len();
        let height = cols.iter().map(Vec::len).max().unwrap_or(0);
        statement_line.resize(statements.len(), 0);
        for st in &starts {
            for &(idx, l) in st {
                statement_line[idx] = base + l;
            }
        }
        for k in 0..height {
            lines.push(GridLine::Columns(
                cols.iter()
                    .map(|c| c.get(k).cloned().unwrap_or_default())
                    .collect(),
            ));
        }
        lines.push(GridLine::Full(vec![]));
    }
    if cmp.rows.is_empty() {
        lines.push(GridLine::Full(vec![span(
            "No accounts of this call in the library yet.",
            Kind::Dim,
        )]));
    }
    Grid {
        width: w16,
        columns,
        column_width,
        lines,
        statements,
        statement_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Analysis, ReadingState, Sentence};

    fn view(paragraphs: &[&str], sentences: Vec<Sentence>) -> ArticleView {
        ArticleView {
            id: "a".into(),
            title: "T".into(),
            source: None,
            url: None,
            published: None,
            byline: None,
            state: ReadingState::default(),
            analysis: Analysis {
                version: 1,
                paragraphs: paragraphs.iter().map(|s| s.to_string()).collect(),
                sentences,
                call: None,
            },
            calls: vec![],
        }
    }

    fn sentence(paragraph: usize, text: &str, start: usize, parties: &[&str]) -> Sentence {
        Sentence {
            paragraph,
            start,
            end: start + text.len(),
            text: text.into(),
            parties: parties.iter().map(|p| p.to_string()).collect(),
        }
    }

    fn tinted(doc: &Doc) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for l in &doc.lines {
            for s in l {
                if let Kind::Account { sentence, .. } = &s.kind {
                    match out.last_mut() {
                        Some((t, k)) if k == sentence => {
                            t.push(' ');
                            t.push_str(&s.text);
                        }
                        _ => out.push((s.text.clone(), *sentence)),
                    }
                }
            }
        }
        out
    }

    #[test]
    fn accounts_stay_on_their_sentence_when_cleaning_moves_bytes() {
        let p = "Bad \u{1b}[31mthing. The Élysée said yes. Then no.";
        let first = "Bad \u{1b}[31mthing.";
        let second = "The Élysée said yes.";
        let s2 = p.find(second).unwrap();
        let doc = reader_doc(
            &view(
                &[p],
                vec![
                    sentence(0, first, 0, &[]),
                    sentence(0, second, s2, &["France"]),
                    sentence(0, "Then no.", s2 + second.len() + 1, &[]),
                ],
            ),
            12,
        );
        assert_eq!(tinted(&doc), vec![("The Élysée said yes.".to_string(), 1)]);
        assert_eq!(doc.accounts, vec![1]);
        assert_eq!(doc.parties, vec!["France".to_string()]);
        let line = &doc.lines[doc.sentence_line[1]];
        assert!(line.iter().any(|s| s.text.contains("The")), "{line:?}");
    }

    #[test]
    fn bad_offsets_from_analysis_do_not_panic() {
        let doc = reader_doc(
            &view(
                &["Élysée"],
                vec![
                    sentence(0, "x", 1, &["France"]),
                    sentence(7, "y", 0, &["Russia"]),
                    Sentence {
                        paragraph: 0,
                        start: 5,
                        end: 2,
                        text: String::new(),
                        parties: vec!["France".into()],
                    },
                ],
            ),
            3,
        );
        assert!(!doc.lines.is_empty());
    }

    #[test]
    fn an_empty_article_says_so() {
        let doc = reader_doc(&view(&[], vec![]), 40);
        assert!(
            doc.lines
                .iter()
                .flatten()
                .any(|s| s.text.contains("no text"))
        );
    }
}
