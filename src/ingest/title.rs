//! Plain text: find the headline among the first lines, which scraped pages
//! often precede with site furniture, and take it out of the body.

use crate::model::Draft;

/// How many leading non-empty lines may hold the headline.
const HEAD_LINES: usize = 20;

/// Read a plain-text article: a headline, then the body.
pub fn read_plain(text: &str) -> Draft {
    let lines: Vec<&str> = text.lines().collect();
    let Some(title_at) = find_title(&lines) else {
        return Draft {
            body: text.to_string(),
            ..Draft::default()
        };
    };
    let title = unglue(lines[title_at].trim()).to_string();
    // The body is everything but the headline and its repeats right after it.
    let mut body = Vec::with_capacity(lines.len());
    let mut at_top = true;
    for (i, line) in lines.iter().enumerate() {
        if i == title_at {
            continue;
        }
        if i > title_at && at_top {
            if line.trim().is_empty() {
                continue;
            }
            if same_headline(line.trim(), &title) {
                continue;
            }
            at_top = false;
        }
        body.push(*line);
    }
    Draft {
        title,
        body: body.join("\n"),
        ..Draft::default()
    }
}

/// A headline printed twice with nothing between ("TitleTitle" or "Title Title").
pub fn unglue(line: &str) -> &str {
    let n = line.len();
    if n >= 8
        && n.is_multiple_of(2)
        && line.is_char_boundary(n / 2)
        && line[..n / 2] == line[n / 2..]
    {
        return &line[..n / 2];
    }
    if n >= 9 && n % 2 == 1 && line.is_char_boundary(n / 2) && line.is_char_boundary(n / 2 + 1) {
        let (a, b) = (&line[..n / 2], &line[n / 2 + 1..]);
        if a == b && line.as_bytes()[n / 2] == b' ' {
            return a;
        }
    }
    line
}

fn same_headline(line: &str, title: &str) -> bool {
    let l = unglue(line);
    l == title || l.trim_end_matches(['.', ' ']) == title.trim_end_matches(['.', ' '])
}

/// Index of the headline line: the line just above a byline if there is one,
/// else the first line that is not site furniture.
fn find_title(lines: &[&str]) -> Option<usize> {
    let head: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i)
        .take(HEAD_LINES)
        .collect();
    if let Some(pos) = head
        .iter()
        .position(|&i| super::metadata::is_byline(lines[i]))
        && let Some(&i) = head[..pos]
            .iter()
            .rev()
            .find(|&&i| !looks_like_furniture(lines[i]))
    {
        return Some(i);
    }
    head.iter()
        .copied()
        .find(|&i| !looks_like_furniture(lines[i]))
        .or_else(|| head.first().copied())
}

/// Navigation, membership appeals and editing links printed above a headline.
fn looks_like_furniture(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "skip to",
        "edit post",
        "become a member",
        "membership",
        "subscribe",
        "sign in",
        "log in",
        "sign up",
        "newsletter",
        "advertisement",
        "cookie",
        "donate",
        "support our",
        "funded by our readers",
        "menu",
        "search",
    ];
    let l = line.trim().to_lowercase();
    if l.len() < 4 || l.starts_with("http://") || l.starts_with("https://") {
        return true;
    }
    WORDS.iter().any(|w| l.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_is_the_title() {
        let d = read_plain("Leaders speak by phone\n\nThe two spoke on Monday.");
        assert_eq!(d.title, "Leaders speak by phone");
        assert_eq!(d.body.trim(), "The two spoke on Monday.");
    }

    #[test]
    fn a_repeated_title_counts_once() {
        let d = read_plain("Leaders speak\n\nLeaders speak\n\nBody here.");
        assert_eq!(d.title, "Leaders speak");
        assert!(!d.body.contains("Leaders speak"));
    }

    #[test]
    fn a_title_glued_to_itself_is_split() {
        let d = read_plain("Macron calls PutinMacron calls Putin\n\nBody.");
        assert_eq!(d.title, "Macron calls Putin");
        assert_eq!(unglue("Ab cd Ab cd"), "Ab cd");
        assert_eq!(unglue("abab"), "abab");
    }

    #[test]
    fn furniture_above_the_headline_is_skipped() {
        let text = "Become a member now\nSkip to content\n\nThe real headline\n\nby Jane Doe March 5, 2024 10:42 PM\nBody.";
        assert_eq!(read_plain(text).title, "The real headline");
        let text = "Subscribe to our newsletter\nThe real headline\n\nBody.";
        assert_eq!(read_plain(text).title, "The real headline");
    }
}
