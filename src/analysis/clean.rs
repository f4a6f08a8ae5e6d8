//! Cleaning: site furniture out, real paragraphs and subheadings kept.

/// The cleaned body of an article, one string per paragraph.
pub fn clean(_title: &str, body: &str) -> Vec<String> {
    body.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}
