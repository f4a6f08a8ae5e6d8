//! Article text is untrusted: before it reaches a terminal, escape sequences,
//! control characters, bidi controls and invisible format characters go, and
//! JSON output escapes the same characters so that printing it is safe too.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// More combining marks than this on one character are dropped: no script
/// needs them, and stacks of hundreds ("zalgo") smear over other rows.
const MAX_MARKS: usize = 8;

/// Text safe to print on a terminal: escape sequences (with their payload)
/// removed, controls and invisible characters dropped, tabs as four spaces.
/// Line breaks stay as `\n` when `keep_newlines` is set, else become spaces.
pub fn for_terminal(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut marks = 0;
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_line_break(c) => {
                out.push(if keep_newlines { '\n' } else { ' ' });
                marks = 0;
            }
            '\t' => {
                out.push_str("    ");
                marks = 0;
            }
            c if is_unsafe(c) => continue,
            c => {
                if unicode_width::UnicodeWidthChar::width(c) == Some(0) {
                    marks += 1;
                    if marks > MAX_MARKS {
                        continue;
                    }
                } else {
                    marks = 0;
                }
                out.push(c);
            }
        }
    }
    out
}

/// [`for_terminal`] on one line, borrowing text that needs no change (plain
/// printable ASCII, which most titles and names are).
pub fn line_for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(for_terminal(text, false))
    }
}

/// Characters never printed as they are: C0 and C1 controls, DEL, bidi
/// controls, and the invisible format characters that make text show other
/// than it reads (zero-width spaces and joiners, soft hyphen, tags).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_line_break(c) || is_invisible(c)
}

/// Line and paragraph breaks, the C0/C1 ones and Unicode's own.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Bidi controls and the other format characters (general category Cf) that
/// draw nothing.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: a CSI, a control string, or a short escape (ECMA-48 / ECMA-35).
/// A character that cannot continue the escape is left for the caller.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Intermediates (charset selection: ESC ( B, ESC # 8, ESC % G), then a final.
        Some('\u{20}'..='\u{2f}') => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
        // Two-character escapes: ESC 7, ESC c, ESC M, ...
        Some('\u{30}'..='\u{7e}') => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates, then the final byte. Anything else ends the
/// sequence where a terminal would abort it, and is left for the caller.
fn skip_csi(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// OSC, DCS, SOS, PM and APC run to BEL or ST. CAN and SUB abort them, a
/// further ESC starts something new, and a line break ends them here so that
/// an unterminated string cannot swallow the rest of an article.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' | '\u{18}' | '\u{1a}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.next_if_eq(&'\\').is_none() {
                    skip_escape(chars);
                }
                return;
            }
            c if is_line_break(c) => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// Write `value` as pretty JSON in which every character [`is_unsafe`] is a
/// `\uXXXX` escape: the same strings to a JSON reader, inert on a terminal.
pub fn write_json<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, SafeJson(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// Pretty JSON whose strings escape what serde_json leaves raw (DEL, C1
/// controls, bidi controls, invisible and line-separator characters).
struct SafeJson<'a>(PrettyFormatter<'a>);

impl Formatter for SafeJson<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                w.write_all(&fragment.as_bytes()[from..i])?;
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(w, "\\u{u:04x}")?;
                }
                from = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[from..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_their_payloads_never_pass() {
        let nasty =
            "a\u{1b}[31mred\u{1b}[0m b\u{1b}]52;c;aGk=\u{7} c\u{1b}]0;title\u{1b}\\ d\u{9b}2J e";
        assert_eq!(for_terminal(nasty, false), "ared b c d e");
        let link = "see \u{1b}]8;;https://evil.example/\u{1b}\\here\u{1b}]8;;\u{1b}\\ now";
        assert_eq!(for_terminal(link, false), "see here now");
        assert_eq!(for_terminal("x\u{1b}(By\u{1b}7z\u{1b}#8!", false), "xyz!");
        assert_eq!(for_terminal("\u{1b}P1$qm\u{1b}\\ok", false), "ok");
    }

    #[test]
    fn an_aborted_sequence_keeps_the_text_after_it() {
        // A CSI ends at the first character that cannot be part of it.
        assert_eq!(for_terminal("\u{1b}[12;Кремль", false), "Кремль");
        // ESC before a letter that starts no escape drops only the ESC.
        assert_eq!(for_terminal("a\u{1b}é", false), "aé");
        // An OSC never closed ends at the line break; the next line stays.
        assert_eq!(
            for_terminal("\u{1b}]0;never closed\nMacron spoke.", true),
            "\nMacron spoke."
        );
        // An ESC inside an OSC starts a new sequence, which is removed too.
        assert_eq!(for_terminal("\u{1b}]0;t\u{1b}[2Jz", false), "z");
    }

    #[test]
    fn controls_bidi_and_invisible_characters_go() {
        assert_eq!(
            for_terminal(
                "a\u{202e}b\u{200b}c\u{7}d\re\u{7f}f\u{2067}g\u{ad}h\u{e0041}i",
                false
            ),
            "abcdefghi"
        );
        assert_eq!(for_terminal("a\tb\nc", true), "a    b\nc");
    }

    #[test]
    fn line_breaks_become_spaces_on_one_line() {
        assert_eq!(for_terminal("Macron\nPutin", false), "Macron Putin");
        assert_eq!(for_terminal("a\u{85}b\u{2028}c", false), "a b c");
        assert_eq!(for_terminal("a\u{2029}b", true), "a\nb");
    }

    #[test]
    fn stacks_of_combining_marks_are_cut() {
        let zalgo = format!("Z{}a", "\u{301}".repeat(200));
        let shown = for_terminal(&zalgo, false);
        assert_eq!(shown, format!("Z{}a", "\u{301}".repeat(MAX_MARKS)));
        // Vietnamese stacks two marks: untouched.
        let viet = "Nguye\u{302}\u{303}n";
        assert_eq!(for_terminal(viet, false), viet);
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        let s = "Élysée — «Кремль» 習近平 👍 שלום مرحبا";
        assert_eq!(for_terminal(s, false), s);
    }

    #[test]
    fn json_escapes_what_a_terminal_would_act_on_and_reads_back_the_same() {
        let s = "a\u{1b}]52;c;x\u{7}b\u{9b}2Jc\u{202e}d\u{7f}e\u{2028}f\u{e0041}g";
        let mut out = Vec::new();
        write_json(&mut out, &serde_json::json!({ "title": s, "list": [s] })).unwrap();
        assert!(out.is_ascii(), "{}", String::from_utf8_lossy(&out));
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\\u001b]52"), "{text}");
        assert!(text.contains("\\u009b"), "{text}");
        assert!(text.contains("\\u202e"), "{text}");
        assert!(text.contains("\\udb40\\udc41"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["title"], s);
        assert_eq!(back["list"][0], s);
        // Still the pretty layout of serde_json.
        let plain = serde_json::to_string_pretty(&serde_json::json!({ "a": [1, "é"] })).unwrap();
        let mut ours = Vec::new();
        write_json(&mut ours, &serde_json::json!({ "a": [1, "é"] })).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), plain);
    }
}
