//! Text and Markdown renderings for the CLI. Pure: strings in, strings out.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::model::{ArticleSummary, ArticleView, Call, Comparison, Statement};
use crate::sanitize::for_terminal;

/// The width to wrap to: the terminal's when stdout is one, else 80.
pub fn width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
        && w >= 20
    {
        return w as usize;
    }
    80
}

fn clean(s: &str) -> String {
    for_terminal(s, false)
}

/// Cut or pad `s` to exactly `w` display columns.
pub fn fit(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            if w > 0 && used < w {
                // room for an ellipsis only if we cut
            }
            break;
        }
        out.push(c);
        used += cw;
    }
    if used < s.width() && w > 0 {
        // Cut: end with an ellipsis.
        while used + 1 > w {
            let Some(c) = out.pop() else { break };
            used -= unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        out.push('…');
        used += 1;
    }
    out.push_str(&" ".repeat(w.saturating_sub(used)));
    out
}

/// The article list as a table: date, source, marks, title.
pub fn list(items: &[&ArticleSummary], width: usize) -> String {
    let mut out = String::new();
    let source_w = items
        .iter()
        .map(|a| a.source.as_deref().map(|s| clean(s).width()).unwrap_or(0))
        .max()
        .unwrap_or(0)
        .min(22);
    for a in items {
        let date = a
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated   ".into());
        let marks = format!(
            "{}{}{}",
            if a.state.read { ' ' } else { '•' },
            if a.state.bookmarked { '★' } else { ' ' },
            if a.calls.is_empty() { ' ' } else { '☎' }
        );
        let fixed = 10 + 1 + source_w + 1 + 3 + 1;
        let title_w = width.saturating_sub(fixed).max(10);
        let source = clean(a.source.as_deref().unwrap_or(""));
        let line = format!(
            "{date} {} {marks} {}",
            fit(&source, source_w),
            fit(&clean(&a.title), title_w)
        );
        // The id goes on its own line, under the title, to be copied for `show`.
        let _ = writeln!(out, "{}", line.trim_end());
        let _ = writeln!(out, "{}{}", " ".repeat(fixed), clean(&a.id));
    }
    out
}

/// An article for reading: title, source and date, then wrapped paragraphs.
/// `fetched`: when a page from the web was fetched, shown by its address.
pub fn article(a: &ArticleView, fetched: Option<&str>, width: usize) -> String {
    let width = width.clamp(20, 100);
    let mut out = String::new();
    for line in textwrap::wrap(&clean(&a.title), width) {
        let _ = writeln!(out, "{line}");
    }
    let mut meta = Vec::new();
    if let Some(s) = &a.source {
        meta.push(clean(s));
    }
    if let Some(d) = a.published {
        meta.push(d.format("%-d %B %Y").to_string());
    }
    if let Some(b) = &a.byline {
        meta.push(format!("by {}", clean(b)));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "{}", meta.join(" · "));
    }
    match (&a.url, fetched) {
        (Some(u), Some(t)) => {
            let _ = writeln!(out, "{} (fetched {})", clean(u), clean(t));
        }
        (Some(u), None) => {
            let _ = writeln!(out, "{}", clean(u));
        }
        (None, _) => {}
    }
    for p in &a.analysis.paragraphs {
        out.push('\n');
        for line in textwrap::wrap(&clean(p), width) {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

fn date_or_undated(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "undated".into())
}

/// One line per call, then who gave an account.
pub fn calls(calls: &[Call]) -> String {
    let mut out = String::new();
    for c in calls {
        let accounts: Vec<String> = c
            .accounts
            .iter()
            .map(|(p, s)| format!("{} {}", clean(p), s.len()))
            .collect();
        let _ = writeln!(
            out,
            "{}  {} {} call: {}  ({} article{}; statements: {})",
            clean(&c.id),
            date_or_undated(c.date),
            c.medium.as_str(),
            clean(&c.participants.join(" – ")),
            c.articles.len(),
            if c.articles.len() == 1 { "" } else { "s" },
            accounts.join(", ")
        );
    }
    out
}

fn header(cmp: &Comparison) -> String {
    let c = &cmp.call;
    let mut s = format!(
        "{} {} call, {}",
        clean(&c.participants.join(" – ")),
        c.medium.as_str(),
        date_or_undated(c.date)
    );
    if let Some(m) = c.duration_minutes {
        s.push_str(&format!(", {}", duration(m)));
    }
    s.push_str(&format!(
        "; {} source{}",
        c.articles.len(),
        if c.articles.len() == 1 { "" } else { "s" }
    ));
    s
}

/// "2 h 10 min", "90 min".
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The parties' columns side by side in `width` columns.
pub fn compare(cmp: &Comparison, width: usize) -> String {
    let parties = &cmp.call.parties;
    let n = parties.len().max(1);
    let gap = 3;
    let col = (width.saturating_sub(gap * (n - 1)) / n).max(12);
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", header(cmp));
    let heads: Vec<String> = parties.iter().map(|p| fit(&clean(p), col)).collect();
    let _ = writeln!(out, "{}", heads.join(&" ".repeat(gap)).trim_end());
    let _ = writeln!(out, "{}", vec!["─".repeat(col); n].join(&" ".repeat(gap)));
    for row in &cmp.rows {
        let columns: Vec<Vec<String>> = parties
            .iter()
            .map(|p| {
                let sts = row.cells.get(p).map(Vec::as_slice).unwrap_or_default();
                if sts.is_empty() {
                    return vec!["—".to_string()];
                }
                sts.iter()
                    .flat_map(|s| {
                        let mut lines: Vec<String> = textwrap::wrap(&clean(&s.text), col)
                            .into_iter()
                            .map(|l| l.into_owned())
                            .collect();
                        lines.push(String::new());
                        lines
                    })
                    .collect()
            })
            .collect();
        if !row.topic.is_empty() {
            let mark = if row.one_sided {
                "  (one side only)"
            } else {
                ""
            };
            let _ = writeln!(out, "▸ {}{mark}", clean(&row.topic.join(", ")));
        }
        let height = columns.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..height {
            let cells: Vec<String> = columns
                .iter()
                .map(|c| fit(c.get(i).map(String::as_str).unwrap_or(""), col))
                .collect();
            let _ = writeln!(out, "{}", cells.join(&" ".repeat(gap)).trim_end());
        }
    }
    out
}

fn cite(s: &Statement) -> String {
    let mut c = format!("[{}, sentence {}]", clean(&s.article), s.sentence + 1);
    for a in &s.also {
        c.push_str(&format!(
            " [{}, sentence {}]",
            clean(&a.article),
            a.sentence + 1
        ));
    }
    c
}

fn md_escape(s: &str) -> String {
    clean(s).replace('|', "\\|")
}

/// Markdown: a heading, then one section per row with each party's statements
/// quoted and cited.
pub fn compare_markdown(cmp: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&header(cmp)));
    let _ = writeln!(out, "Call `{}`. Sources:\n", clean(&cmp.call.id));
    for a in &cmp.call.articles {
        let _ = writeln!(out, "- `{}`", clean(a));
    }
    for row in &cmp.rows {
        let topic = if row.topic.is_empty() {
            "Other".to_string()
        } else {
            row.topic.join(", ")
        };
        let mark = if row.one_sided {
            " (one side only)"
        } else {
            ""
        };
        let _ = writeln!(out, "\n## {}{mark}\n", md_escape(&topic));
        for p in &cmp.call.parties {
            let sts = row.cells.get(p).map(Vec::as_slice).unwrap_or_default();
            if sts.is_empty() {
                let _ = writeln!(out, "**{}:** no account.\n", md_escape(p));
                continue;
            }
            let _ = writeln!(out, "**{}:**\n", md_escape(p));
            for s in sts {
                let _ = writeln!(out, "> {} {}\n", md_escape(&s.text), cite(s));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_and_cuts_by_display_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("習近平會談", 5), "習近…");
        assert_eq!(fit("ab", 0), "");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(130), "2 h 10 min");
        assert_eq!(duration(90), "1 h 30 min");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(60), "1 h");
    }
}
