//! Markdown: the first heading is the title; markup is reduced to text.

use crate::model::Draft;

pub fn read(text: &str) -> Draft {
    let mut title = String::new();
    let mut body = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            body.push(line.to_string());
            continue;
        }
        if let Some(h) = heading(t) {
            if title.is_empty() {
                title = inline(h);
                continue;
            }
            body.push(String::new());
            body.push(inline(h));
            body.push(String::new());
            continue;
        }
        if t.starts_with("![") || is_rule(t) {
            continue;
        }
        let t = t
            .trim_start_matches("> ")
            .trim_start_matches(['*', '-', '+'])
            .trim_start();
        body.push(inline(t));
    }
    if title.is_empty() {
        // No heading: the first line is the title, as in plain text.
        if let Some(i) = body.iter().position(|l| !l.trim().is_empty()) {
            title = body.remove(i);
        }
    }
    Draft {
        title,
        body: body.join("\n"),
        ..Draft::default()
    }
}

fn heading(line: &str) -> Option<&str> {
    let h = line.trim_start_matches('#');
    (h.len() < line.len() && line.len() - h.len() <= 6 && h.starts_with(' ')).then(|| h.trim())
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3
        && line
            .chars()
            .all(|c| c == '-' || c == '*' || c == '_' || c == ' ')
}

/// Links become their text; emphasis and code marks go.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find("](").and_then(|close| {
            after[close + 2..]
                .find(')')
                .map(|end| (close, close + 2 + end))
        }) {
            Some((close, end)) => {
                out.push_str(&after[..close]);
                rest = &after[end + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_is_title_and_markup_goes() {
        let d = read(
            "# Leaders talk\n\nThe **Elysee** said [in a statement](https://x.org).\n\n## Reaction\n\n- A point",
        );
        assert_eq!(d.title, "Leaders talk");
        assert!(d.body.contains("The Elysee said in a statement."));
        assert!(d.body.contains("Reaction"));
        assert!(d.body.contains("A point"));
        assert!(!d.body.contains("https://"));
    }
}
