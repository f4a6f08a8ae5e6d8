//! Article text is untrusted: before it reaches a terminal, escape sequences,
//! control characters, bidi overrides and zero-width characters go.

/// Text safe to print on a terminal. Tabs become spaces; newlines stay only
/// when `keep_newlines` is set.
pub fn for_terminal(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\n' if keep_newlines => out.push('\n'),
            '\t' => out.push_str("    "),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters never printed: C0 and C1 controls, DEL, bidi controls, zero-width ones.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_string(chars),
        // Two-character escapes (ESC c, ESC 7, ...) and charset selections.
        Some('(') | Some(')') | Some('*') | Some('+') | Some('#') | Some('%') => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates up to the final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// OSC, DCS and the like run to BEL or ST (ESC \).
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        if c == '\u{7}' || c == '\u{9c}' {
            break;
        }
        if c == '\u{1b}' {
            if chars.peek() == Some(&'\\') {
                chars.next();
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_pass() {
        let nasty =
            "a\u{1b}[31mred\u{1b}[0m b\u{1b}]52;c;aGk=\u{7} c\u{1b}]0;title\u{1b}\\ d\u{9b}2J e";
        assert_eq!(for_terminal(nasty, false), "ared b c d e");
    }

    #[test]
    fn controls_bidi_and_zero_width_go() {
        assert_eq!(
            for_terminal("a\u{202e}b\u{200b}c\u{7}d\re\u{85}f", false),
            "abcdef"
        );
        assert_eq!(for_terminal("a\tb\nc", true), "a    b\nc");
        assert_eq!(for_terminal("a\nb", false), "ab");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        let s = "Élysée — «Кремль» 習近平 👍";
        assert_eq!(for_terminal(s, false), s);
    }
}
