//! Article text and aligned accounts laid out for a width: wrapped once per
//! width into lines of tagged spans that `draw` styles. All article text goes
//! through `sanitize::for_terminal` here.

use std::collections::BTreeSet;
use std::ops::Range;

use super::contrast::{Vocabulary, word_ranges};
use super::wrap::{truncate, width, wrap_ranges};
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
    /// Where each paragraph landed, to keep a place whatever the width.
    pub paragraphs: Vec<ParagraphLines>,
}

/// A paragraph of a [`Doc`]: its first line, and where in its (cleaned)
/// text each of its lines starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphLines {
    pub first: usize,
    pub starts: Vec<usize>,
    pub len: usize,
}

/// A reading position packs the paragraph at the top of the view (plus one;
/// 0 is the title and header) and how far into it the view starts, in
/// 1/4096ths of its text: the same place at any width.
const FRACTION_BITS: u32 = 12;
const FRACTION: usize = 1 << FRACTION_BITS;

impl Doc {
    /// The reading position of the view whose first line is `scroll`.
    pub fn position_of(&self, scroll: usize) -> u32 {
        let Some((p, para)) = self
            .paragraphs
            .iter()
            .enumerate()
            .rfind(|(_, q)| q.first <= scroll)
        else {
            return scroll.min(FRACTION - 1) as u32;
        };
        let k = (scroll - para.first).min(para.starts.len().saturating_sub(1));
        let at = para.starts.get(k).copied().unwrap_or(0);
        let frac = (at * FRACTION / para.len.max(1)).min(FRACTION - 1);
        let slot = (p + 1).min((u32::MAX >> FRACTION_BITS) as usize);
        ((slot << FRACTION_BITS) | frac) as u32
    }

    /// The first line of the view at a reading position (unclamped).
    pub fn scroll_of(&self, position: u32) -> usize {
        let (slot, frac) = (
            (position >> FRACTION_BITS) as usize,
            position as usize & (FRACTION - 1),
        );
        if slot == 0 {
            return frac;
        }
        let Some(para) = self.paragraphs.get(slot - 1).or(self.paragraphs.last()) else {
            return 0;
        };
        // The line holding the place, so the words that were on top stay
        // in view. Rounding up undoes the rounding down of `position_of`
        // exactly for paragraphs under 4 KB.
        let at = (frac * para.len).div_ceil(FRACTION);
        let k = para.starts.iter().rposition(|&s| s <= at).unwrap_or(0);
        para.first + k
    }
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
        let used: usize = legend.iter().map(|s| width(&s.text)).sum();
        if used + 8 <= w {
            legend.push(span("n/N jump", Kind::Dim));
        }
        lines.push(legend);
    }
    lines.push(vec![]);

    let mut sentence_line = vec![0; a.sentences.len()];
    let mut paragraphs = Vec::with_capacity(a.paragraphs.len());
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
        paragraphs.push(ParagraphLines {
            first: first_line,
            starts: ranges.iter().map(|r| r.start).collect(),
            len: text.len(),
        });
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
        paragraphs,
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
    /// Too narrow for a column per party: each row gives the parties' cells
    /// one under the other, each under its party's name.
    pub stacked: bool,
    pub lines: Vec<GridLine>,
    pub statements: Vec<StatementRef>,
    /// For every statement, the line it starts on.
    pub statement_line: Vec<usize>,
}

/// Columns are separated by " │ ".
pub const GUTTER: u16 = 3;
/// Columns narrower than this are hard to read; the grid stacks instead.
pub const MIN_COLUMN: u16 = 18;

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
    let side = w16.saturating_sub(GUTTER.saturating_mul(n - 1)) / n;
    let stacked = n > 1 && side < MIN_COLUMN;
    let column_width = if stacked { w16 } else { side }.max(1);
    let vocab = Vocabulary::new(&cmp.call.participants);
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
        let room = (w16 as usize).saturating_sub(topic.iter().map(|s| width(&s.text)).sum());
        topic.push(span(truncate(&t, room), Kind::Topic));
        lines.push(GridLine::Full(topic));
        let cells: Vec<&[Statement]> = columns
            .iter()
            .map(|p| row.cells.get(p).map(Vec::as_slice).unwrap_or(&[]))
            .collect();
        let texts: Vec<Vec<String>> = cells
            .iter()
            .map(|c| c.iter().map(|s| clean(&s.text)).collect())
            .collect();
        let sides: Vec<Vec<&str>> = texts
            .iter()
            .map(|t| t.iter().map(String::as_str).collect())
            .collect();
        let unique = vocab.only_one_side(&sides);
        let mut cols: Vec<Vec<Line>> = Vec::new();
        let mut starts: Vec<Vec<(usize, usize)>> = Vec::new(); // (statement, line in cell)
        for (c, p) in columns.iter().enumerate() {
            let mut cell: Vec<Line> = Vec::new();
            let mut st = Vec::new();
            if stacked {
                cell.push(vec![span(
                    format!("▌{}", clean(p)),
                    Kind::Swatch(p.clone()),
                )]);
            }
            if cells[c].is_empty() {
                cell.push(vec![span(
                    if row.one_sided { "(no account)" } else { "—" },
                    Kind::Dim,
                )]);
            }
            for (s, text) in cells[c].iter().zip(&texts[c]) {
                let idx = statements.len();
                statements.push(StatementRef {
                    row: r,
                    party: p.clone(),
                    article: s.article.clone(),
                    sentence: s.sentence,
                    also: s.also.len(),
                });
                st.push((idx, cell.len()));
                let marked: Vec<Range<usize>> = word_ranges(text)
                    .filter(|w| {
                        vocab
                            .key(&text[w.clone()])
                            .is_some_and(|k| unique[c].contains(&k))
                    })
                    .collect();
                let wrap_w = (column_width as usize).saturating_sub(2).max(1);
                for (k, lr) in wrap_ranges(text, wrap_w).into_iter().enumerate() {
                    let bullet = if k == 0 { "• " } else { "  " };
                    let mut line = vec![span(bullet, Kind::Statement { idx, unique: false })];
                    line.extend(marked_spans(text, lr, &marked, idx));
                    cell.push(line);
                }
                if s.also.is_empty() {
                    continue;
                }
                let more = format!("  (+{} more)", s.also.len());
                cell.push(vec![span(more, Kind::Statement { idx, unique: false })]);
            }
            cols.push(cell);
            starts.push(st);
        }
        statement_line.resize(statements.len(), 0);
        if stacked {
            for (cell, st) in cols.into_iter().zip(&starts) {
                let base = lines.len();
                for &(idx, l) in st {
                    statement_line[idx] = base + l;
                }
                lines.extend(cell.into_iter().map(GridLine::Full));
            }
        } else {
            let base = lines.len();
            for st in &starts {
                for &(idx, l) in st {
                    statement_line[idx] = base + l;
                }
            }
            let height = cols.iter().map(Vec::len).max().unwrap_or(0);
            for k in 0..height {
                lines.push(GridLine::Columns(
                    cols.iter()
                        .map(|c| c.get(k).cloned().unwrap_or_default())
                        .collect(),
                ));
            }
        }
        lines.push(GridLine::Full(vec![]));
    }
    if cmp.rows.is_empty() {
        let mut empty = Vec::new();
        let msg = "No accounts of this call in the library yet.";
        wrapped(msg, w16 as usize, Kind::Dim, &mut empty);
        lines.extend(empty.into_iter().map(GridLine::Full));
    }
    Grid {
        width: w16,
        columns,
        column_width,
        stacked,
        lines,
        statements,
        statement_line,
    }
}

/// The part `lr` of a statement's text as spans, the words in `marked`
/// (sorted byte ranges) flagged as used by this side only.
fn marked_spans(text: &str, lr: Range<usize>, marked: &[Range<usize>], idx: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = lr.start;
    let plain = |a: usize, b: usize| span(&text[a..b], Kind::Statement { idx, unique: false });
    for m in marked
        .iter()
        .filter(|m| m.end > lr.start && m.start < lr.end)
    {
        let (s, e) = (m.start.max(lr.start), m.end.min(lr.end));
        if s > at {
            out.push(plain(at, s));
        }
        out.push(span(&text[s..e], Kind::Statement { idx, unique: true }));
        at = e;
    }
    if at < lr.end {
        out.push(plain(at, lr.end));
    }
    out
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
    fn a_position_comes_back_to_the_same_line_at_the_same_width() {
        let p = "Macron urged Russia to allow the evacuation of Mariupol, the Élysée said. \
                 He called for a ceasefire. The two men agreed to keep talking.";
        let v = view(&[p, "Short.", p], vec![]);
        for w in [1, 7, 20, 33, 80] {
            let doc = reader_doc(&v, w);
            for (k, line) in doc.lines.iter().enumerate() {
                if line.is_empty() {
                    continue; // blank lines between paragraphs
                }
                assert_eq!(doc.scroll_of(doc.position_of(k)), k, "line {k} at {w}");
            }
        }
    }

    #[test]
    fn a_position_keeps_the_top_words_in_view_at_any_width() {
        let p = "one two three four five six seven eight nine ten eleven twelve";
        let v = view(&["intro", p], vec![]);
        let narrow = reader_doc(&v, 10);
        let wide = reader_doc(&v, 30);
        let text =
            |d: &Doc, k: usize| -> String { d.lines[k].iter().map(|s| s.text.as_str()).collect() };
        for k in narrow.paragraphs[1].first..narrow.lines.len() - 1 {
            let top = text(&narrow, k);
            let there = wide.scroll_of(narrow.position_of(k));
            assert!(text(&wide, there).contains(&top), "{top:?} at {k}");
        }
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
