//! Plain text: find the headline among the first lines, which scraped pages
//! often precede with site furniture, and take it out of the body.

use crate::model::Draft;

/// How many leading non-empty lines may hold the headline.
const HEAD_LINES: usize = 40;

/// Read a plain-text article: a headline, then the body. Lines above the
/// headline are the page's masthead and navigation; those that are not
/// prose leave the body.
pub fn read_plain(text: &str) -> Draft {
    let lines: Vec<&str> = text.lines().collect();
    let Some(title_at) = find_title(&lines) else {
        return Draft {
            body: text.to_string(),
            ..Draft::default()
        };
    };
    let (title, agency) = headline_and_agency(lines[title_at].trim());
    // The body is everything but the headline and its repeats right after it.
    let mut body = Vec::with_capacity(lines.len());
    let mut at_top = true;
    for (i, line) in lines.iter().enumerate() {
        if i == title_at || (i < title_at && !is_prose(line)) {
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
        source: agency,
        body: body.join("\n"),
        masthead: lines[..title_at].iter().copied().find_map(masthead),
        ..Draft::default()
    }
}

/// A site's name standing alone above the headline: one to four words,
/// capitalised, no navigation or furniture.
fn masthead(line: &str) -> Option<String> {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    const NAV: &[&str] = &[
        "home", "news", "world", "menu", "sections", "search", "live", "video", "latest",
    ];
    let ok = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && !looks_like_furniture(t)
        && !(words.len() == 1 && NAV.contains(&t.to_lowercase().as_str()))
        && !t.contains(['|', '>', '»', ':']);
    ok.then(|| t.to_string())
}

/// The headline a line holds: unglued, and without a "| Section | Site" tail
/// or a glued "-Agency" tail (the source suffix " – POLITICO" is metadata's).
fn headline_text(line: &str) -> String {
    headline_and_agency(line).0
}

/// [`headline_text`], and the agency a glued tail names ("...talks-Xinhua").
fn headline_and_agency(line: &str) -> (String, Option<String>) {
    let mut agency = None;
    let mut t = unglue(line).trim().to_string();
    if t.matches(" | ").count() >= 2
        && let Some((head, _)) = t.split_once(" | ")
        && head.split_whitespace().count() >= 4
    {
        t = head.trim().to_string();
    }
    if let Some(at) = t.rfind('-') {
        let (head, tail) = (&t[..at], &t[at + 1..]);
        let word_before = head.rsplit(' ').next().unwrap_or("");
        if !tail.is_empty()
            && !tail.contains(' ')
            && tail.chars().next().is_some_and(char::is_uppercase)
            && !word_before.is_empty()
            && word_before.chars().all(|c| c.is_lowercase())
            && head.split_whitespace().count() >= 3
        {
            agency = Some(tail.to_string());
            t = head.trim().to_string();
        }
    }
    (t, agency)
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
    let l = headline_text(line);
    let k = |s: &str| key(s.trim_end_matches(['.', ' ']));
    k(&l) == k(title) || k(line).ends_with(&k(title)) && k(title).len() >= 20
}

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Running prose: a long line ending a sentence, full of small words.
fn is_prose(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if t.chars().count() < 120 || !t.ends_with(['.', '"', '\u{201d}']) {
        return false;
    }
    const SMALL: &[&str] = &[
        "the", "a", "an", "of", "to", "in", "and", "on", "for", "with", "that", "said", "by", "at",
        "as", "is", "was", "his", "her", "their", "from",
    ];
    let small = words
        .iter()
        .filter(|w| SMALL.contains(&w.to_lowercase().as_str()))
        .count();
    small * 5 >= words.len()
}

/// A line under a headline that says who wrote it or when.
fn is_byline_or_date(line: &str) -> bool {
    let t = line.trim();
    let l = t.to_lowercase();
    t.len() < 160
        && (l.starts_with("by ")
            || l.starts_with("reporting from")
            || l.ends_with(" and agencies")
            || l.ends_with(" with agencies")
            || l.ends_with(" with afp")
            || l.ends_with(" with reuters")
            || l.contains(" news desk")
            || (t.split_whitespace().count() <= 6
                && [
                    "correspondent",
                    "editor",
                    "reporter",
                    "writer",
                    "bureau chief",
                    "columnist",
                ]
                .iter()
                .any(|w| l.ends_with(w)))
            || l.starts_with("updated")
            || l.starts_with("published")
            || l.starts_with("posted")
            || super::metadata::find_date(t).is_some()
            || t.split_whitespace().any(is_clock))
}

/// "10:42", "6:51", "19:10,": a time of day.
fn is_clock(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let Some((h, m)) = w.split_once(':') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
}

/// The same headline on a line next to this one (a title printed twice,
/// or over a "| Section | Site" copy of itself).
fn repeated_near(lines: &[&str], head: &[usize], k: usize, key_here: &str) -> bool {
    key_here.len() >= 12
        && head
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k && j.abs_diff(k) <= 2)
            .any(|(_, &i)| {
                key(&headline_text(lines[i].trim())) == key_here
                    || key(lines[i]).ends_with(key_here)
            })
}

/// The next `n` lines after `at` that are not blank (the headline's
/// standfirst, byline and date may lie past the first paragraph of prose).
fn next_lines(lines: &[&str], at: usize, n: usize) -> Vec<usize> {
    (at + 1..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(n)
        .collect()
}

/// Signs that a line is the headline and not just any line: printed twice,
/// glued to itself, or a byline or date under it.
fn has_evidence(lines: &[&str], head: &[usize], k: usize) -> bool {
    let line = lines[head[k]].trim();
    let key_here = key(&headline_text(line));
    repeated_near(lines, head, k, &key_here)
        || unglue(line) != line
        || next_lines(lines, head[k], 4)
            .iter()
            .any(|&i| is_byline_or_date(lines[i]))
}

/// How much a line looks like the headline of the page.
fn headline_score(lines: &[&str], head: &[usize], k: usize) -> f32 {
    let line = lines[head[k]].trim();
    let text = headline_text(line);
    let words = text.split_whitespace().count();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let mut score = 0.0;
    // Section labels are shorter than headlines, standfirsts longer.
    score += match words {
        0..=1 => -3.0,
        2..=3 => -1.5,
        4..=5 => 0.0,
        6..=20 => 1.0,
        21..=30 => 0.0,
        _ => -2.0,
    };
    // Short lines in capitals are mastheads and labels; long ones, headlines.
    if letters.len() >= 4 && upper * 10 >= letters.len() * 8 && words <= 5 {
        score -= 3.0; // a masthead or section label in capitals
    }
    if looks_like_furniture(line) || is_byline_or_date(line) {
        score -= 4.0;
    }
    let cells = line.split(['|', '·', '•', '»', '>']).count() + line.matches("  ").count();
    if cells >= 3 && text == line.trim() {
        score -= 4.0; // a navigation row
    }
    // A section label: "Russian Politics & Diplomacy", "Science & Tech".
    if words <= 4 && line.contains(" & ") {
        score -= 2.0;
    }
    // A table of contents: "1. Headline ....... 1".
    if line.contains("....") {
        score -= 5.0;
    }
    let sentence_like = text.ends_with('.') || text.ends_with(')');
    if sentence_like {
        score -= 2.0;
    }
    // A photo caption: credits and picture words.
    let lower = line.to_lowercase();
    // "... on Monday night. Doug Mills/The New York Times": a photographer's credit.
    let credit_tail = line
        .rsplit_once(". ")
        .is_some_and(|(_, tail)| tail.contains('/') && tail.split_whitespace().count() <= 8);
    let credit_below = next_lines(lines, head[k], 1)
        .first()
        .is_some_and(|&i| lines[i].trim_start().starts_with('©'));
    if credit_tail
        || credit_below
        || [
            "photo",
            "picture",
            "file image",
            "getty",
            "afp)",
            "reuters)",
            "/ap",
            "(ap",
            "caption",
        ]
        .iter()
        .any(|w| lower.contains(w))
        || (line.ends_with(')') && line.rsplit_once('(').is_some_and(|(_, c)| c.contains('/')))
    {
        score -= 5.0;
    }
    // Printed twice, or glued to itself.
    let key_here = key(&text);
    let repeated = unglue(line) != line || repeated_near(lines, head, k, &key_here);
    if repeated && !sentence_like {
        score += 3.0;
    }
    // A byline or a date follows the headline, at once or under a standfirst.
    if next_lines(lines, head[k], 4)
        .iter()
        .any(|&i| is_byline_or_date(lines[i]))
    {
        score += 2.0;
    }
    // Plain text puts its title on the first line.
    if k == 0 {
        score += 1.5;
    }
    score - 0.1 * k as f32
}

/// Index of the headline line among the first lines, up to the first
/// paragraph of prose.
fn find_title(lines: &[&str]) -> Option<usize> {
    let mut head: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        if is_prose(l) && !looks_like_furniture(l) && !head.is_empty() {
            break;
        }
        head.push(i);
        if head.len() >= HEAD_LINES {
            break;
        }
    }
    let first = *head.first()?;
    let best = (0..head.len())
        .map(|k| (headline_score(lines, &head, k), k))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))?;
    // The first line is the title of plain text, unless another line shows
    // it is the headline (printed twice, a byline under it), or the first
    // line reads as no headline at all (a masthead, navigation, furniture).
    let first_score = headline_score(lines, &head, 0);
    if (best.1 == 0 && first_score > -1.0) || (first_score > 0.0 && has_evidence(lines, &head, 0)) {
        return Some(cleaner_repeat(lines, &head, 0));
    }
    if best.0 > 0.0 && has_evidence(lines, &head, best.1) {
        return Some(cleaner_repeat(lines, &head, best.1));
    }
    if first_score > -1.0 {
        return Some(first);
    }
    if best.0 > -1.0 {
        return Some(head[best.1]);
    }
    Some(
        head.iter()
            .copied()
            .find(|&i| !looks_like_furniture(lines[i]))
            .unwrap_or(first),
    )
}

/// The headline printed twice, once with a site's name after it ("... -
/// Xinhua | English.news.cn") and once bare: the bare one.
fn cleaner_repeat(lines: &[&str], head: &[usize], k: usize) -> usize {
    let here = key(&headline_text(lines[head[k]].trim()));
    head.iter()
        .enumerate()
        .filter(|(j, _)| j.abs_diff(k) <= 6 && *j != k)
        .map(|(_, &i)| i)
        .find(|&i| {
            let other = key(&headline_text(lines[i].trim()));
            other.len() >= 12 && other.len() < here.len() && here.starts_with(&other)
        })
        .unwrap_or(head[k])
}

/// Navigation, membership appeals and editing links printed above a headline.
fn looks_like_furniture(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "skip to",
        "skip next",
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
        "epaper",
        "trending",
        "follow us",
        "privacy",
        "homepage",
        "view this email",
        "from:",
        "subject:",
        "to:",
        "date:",
        "cc:",
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
