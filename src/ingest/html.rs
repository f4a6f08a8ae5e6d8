//! HTML: main-content extraction (Readability, via dom_smoothie), then text
//! with one block per paragraph.

use dom_smoothie::{Config, Readability, TextMode};

use super::IngestError;
use crate::model::Draft;

pub fn read(html: &str, url: Option<&str>) -> Result<Draft, IngestError> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    // A bad document URL only costs link resolution: retry without it.
    let parsed = Readability::new(html, url, Some(cfg.clone()))
        .or_else(|_| Readability::new(html, None, Some(cfg)))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let Some(article) = parsed else {
        return fallback(html);
    };
    let body = tidy(&article.text_content);
    if body.trim().is_empty() {
        return fallback(html);
    }
    Ok(Draft {
        title: article.title.trim().to_string(),
        source: article.site_name.filter(|s| !s.trim().is_empty()),
        byline: article.byline.filter(|s| !s.trim().is_empty()),
        language: article.lang,
        published: article
            .published_time
            .as_deref()
            .and_then(|t| t.get(..10))
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        body,
        ..Draft::default()
    })
}

/// When Readability finds no article: the page's whole text.
fn fallback(html: &str) -> Result<Draft, IngestError> {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, nav, header, footer")
        .remove();
    let title = doc.select("title").text().trim().to_string();
    let mut blocks = Vec::new();
    for node in doc.select("h1, h2, h3, p, li, blockquote").iter() {
        let t = node.text();
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            blocks.push(t);
        }
    }
    if blocks.is_empty() {
        let t = doc.select("body").text();
        blocks.extend(
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    if blocks.is_empty() && title.is_empty() {
        return Err(IngestError::NoText("HTML"));
    }
    Ok(Draft {
        title,
        body: blocks.join("\n\n"),
        ..Draft::default()
    })
}

/// One paragraph per block, blank lines between, no runs of spaces.
fn tidy(text: &str) -> String {
    text.split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_content_is_extracted() {
        let html = r#"<!doctype html><html lang="en"><head><title>Leaders talk - Example News</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Leaders talk</h1>
<p>President Emmanuel Macron spoke with President Vladimir Putin by phone on Tuesday, the Elysee said in a statement issued after the call.</p>
<p>The Kremlin said the two leaders discussed the situation in Ukraine and agreed to stay in touch in the coming days and weeks.</p>
<p>Macron urged Putin to agree to an immediate ceasefire, according to the French presidency, which gave no further details.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"#;
        let d = read(html, None).unwrap();
        assert!(
            d.body.contains("the Elysee said in a statement"),
            "{}",
            d.body
        );
        assert!(!d.body.contains("Subscribe"));
        assert!(!d.title.is_empty());
    }

    #[test]
    fn a_page_without_an_article_falls_back_to_its_text() {
        let d = read("<html><body><p>One line.</p></body></html>", None).unwrap();
        assert!(d.body.contains("One line."));
    }
}
