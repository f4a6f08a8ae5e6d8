//! Any bytes at all, through ingest and the whole analysis: no panic, output
//! that keeps the model's promises, and time that grows linearly with the
//! input. Property tests (proptest); `fuzz/` runs the same under libFuzzer.

use std::time::{Duration, Instant};

use parallax::analysis::{self, Lexicon};
use parallax::ingest::{self, Overrides};
use parallax::model::{Analysis, Draft};
use parallax::sanitize::{for_terminal, is_unsafe};
use proptest::prelude::*;

const NAMES: &[&str] = &["a.txt", "page.html", "notes.md", "-", "clip"];

/// What the model promises about a draft and its analysis.
fn check(draft: &Draft, a: &Analysis) {
    assert!(
        !draft.title.trim().is_empty(),
        "a title, if only (untitled)"
    );
    assert!(!draft.body.contains('\r'), "the body has \\n line ends");
    let mut last = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        let p = a
            .paragraphs
            .get(s.paragraph)
            .unwrap_or_else(|| panic!("sentence {i} names paragraph {}", s.paragraph));
        assert!(s.paragraph >= last, "sentences in reading order");
        last = s.paragraph;
        assert!(
            s.start <= s.end && s.end <= p.len(),
            "sentence {i}: {}..{} in a paragraph of {} bytes",
            s.start,
            s.end,
            p.len()
        );
        assert!(p.is_char_boundary(s.start) && p.is_char_boundary(s.end));
        assert_eq!(s.text, p[s.start..s.end], "sentence {i} as it stands");
    }
    if let Some(c) = &a.call {
        assert!(c.parties.len() <= c.participants.len().max(c.parties.len()));
    }
    for (_, s) in a.attributed() {
        assert!(s.parties.iter().all(|p| !p.is_empty()));
    }
    // Stored as JSON: it must come back the same.
    let json = serde_json::to_string(a).unwrap();
    assert_eq!(&serde_json::from_str::<Analysis>(&json).unwrap(), a);
}

fn ingest_and_analyse(bytes: &[u8], name: &str, lexicon: &Lexicon) {
    if let Ok(draft) = ingest::read(bytes, name, &Overrides::default()) {
        let a = analysis::analyze(&draft, lexicon);
        check(&draft, &a);
    }
}

/// Pieces of real articles and of hostile ones, so that random input reaches
/// past the format sniffing into front matter, markup, quotes and names.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+++\n".to_string()),
        Just("source = \"Reuters\"\npublished = 2022-05-03\n".to_string()),
        Just("url = \"https://example.org/a\"\n".to_string()),
        Just("<!doctype html><html><body>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<article><h1>".to_string()),
        Just("<script>var x = '</p>';</script>".to_string()),
        Just("&amp; &#x1b; &#0; &#x202e; &nbsp;".to_string()),
        Just("# Heading\n".to_string()),
        Just("[link](http://x) **bold** `code`\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("Emmanuel Macron spoke with Vladimir Putin on Tuesday, the Élysée said.".to_string()),
        Just("The Kremlin said in its readout that Mr. Putin told Macron ".to_string()),
        Just("\"We will keep talking.\" ".to_string()),
        Just("Xi Jinping 习近平 and Olaf Scholz held a video call on Feb. 16. ".to_string()),
        Just("By Jane Doe\n".to_string()),
        Just("\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}6n\u{202e}\u{200b}\t".to_string()),
        Just("Z\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}".to_string()),
        "[ -~]{0,40}",
        "\\PC{0,20}",
        any::<String>(),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    // Nothing written beside the tests: a failure prints its minimal input.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_bytes_ingest_and_analyse_without_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..4096),
        name in prop::sample::select(NAMES),
    ) {
        ingest_and_analyse(&bytes, name, &Lexicon::bundled());
    }

    #[test]
    fn article_like_text_ingests_and_analyses_keeping_the_models_promises(
        text in article(),
        name in prop::sample::select(NAMES),
    ) {
        ingest_and_analyse(text.as_bytes(), name, &Lexicon::bundled());
    }

    #[test]
    fn sanitized_text_holds_nothing_unsafe_and_sanitizing_again_changes_nothing(
        text in article(),
        keep in any::<bool>(),
    ) {
        let once = for_terminal(&text, keep);
        prop_assert!(once.chars().all(|c| !is_unsafe(c) || (keep && c == '\n')), "{once:?}");
        prop_assert_eq!(for_terminal(&once, keep), once);
    }

    #[test]
    fn plain_text_passes_the_sanitizer_unchanged(text in "[\\p{L}\\p{N}\\p{P} ]{0,200}") {
        prop_assume!(!text.chars().any(is_unsafe));
        prop_assert_eq!(for_terminal(&text, false), text);
    }
}

/// One single-line input of about `n` bytes, in each format.
fn single_line(format: &str, n: usize) -> (Vec<u8>, &'static str) {
    let sentence = "Macron told Putin that the West would keep talking, the Élysée said. ";
    let text = sentence.repeat(n / sentence.len() + 1);
    match format {
        "html" => (
            format!("<html><body><article><p>{text}</p></article></body></html>").into_bytes(),
            "page.html",
        ),
        "markdown" => (format!("# Talks {text}").into_bytes(), "notes.md"),
        "binary-ish" => (
            text.bytes()
                .enumerate()
                .map(|(i, b)| if i % 7 == 0 { 0xff } else { b })
                .collect(),
            "clip",
        ),
        _ => (text.into_bytes(), "a.txt"),
    }
}

/// The fastest of three runs: the least disturbed by whatever else runs.
fn fastest(bytes: &[u8], name: &str, lexicon: &Lexicon) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            ingest_and_analyse(bytes, name, lexicon);
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn time_grows_linearly_with_a_single_line_input() {
    // Four times the input may take four times as long; quadratic work would
    // take sixteen. Ten allows for noise, and the fixed slack for inputs so
    // quick that timer noise is all there is to measure.
    let lexicon = Lexicon::bundled();
    for format in ["text", "html", "markdown", "binary-ish"] {
        let (small, name) = single_line(format, 256 * 1024);
        let (big, _) = single_line(format, 1024 * 1024);
        let t1 = fastest(&small, name, &lexicon);
        let t4 = fastest(&big, name, &lexicon);
        eprintln!("{format}: 256 KB in {t1:?}, 1 MB in {t4:?}");
        assert!(
            t4 < t1 * 10 + Duration::from_millis(250),
            "{format}: 256 KB took {t1:?}, 1 MB took {t4:?}: worse than linear"
        );
    }
}

#[test]
fn a_10_mb_single_line_finishes() {
    // A bound a linear pass meets with room to spare on any machine, debug
    // build included; quadratic work on 10 MB would run for hours.
    let lexicon = Lexicon::bundled();
    for format in ["text", "html"] {
        let (bytes, name) = single_line(format, 10 * 1024 * 1024);
        let start = Instant::now();
        ingest_and_analyse(&bytes, name, &lexicon);
        let took = start.elapsed();
        eprintln!("{format}: 10 MB in {took:?}");
        assert!(
            took < Duration::from_secs(300),
            "{format}: 10 MB on one line took {took:?}"
        );
    }
}
