//! Fetching a web page to import: the one place parallax goes on the network,
//! and only when asked (`parallax import https://...`). The page is fetched
//! once; what comes back is stored and read offline ever after.

use std::time::Duration;

use thiserror::Error;
use tracing::{info, warn};

use crate::ingest::MAX_BYTES;
use crate::model::Format;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 10;

/// One fetched page, as the server sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The address asked for.
    pub requested: String,
    /// The address the page came from, after redirects.
    pub url: String,
    /// The format the server's `Content-Type` gives, when it gives one.
    pub format: Option<Format>,
    /// The body exactly as received (after the transfer encoding is undone).
    pub bytes: Vec<u8>,
    /// When the answer came, RFC 3339 in UTC.
    pub fetched_at: String,
}

/// Why a page could not be fetched. Each reads as the cause after the address.
#[derive(Debug, Error, PartialEq)]
pub enum FetchError {
    #[error("not a web address parallax can fetch ({0})")]
    BadAddress(String),
    #[error("HTTP {status}{}", reason.map(|r| format!(" {r}")).unwrap_or_default())]
    Status {
        status: u16,
        reason: Option<&'static str>,
    },
    #[error("no answer within {} (--timeout sets the limit)", seconds(*.0))]
    Timeout(u64),
    #[error("host not found")]
    HostNotFound,
    #[error("cannot connect: {0}")]
    Unreachable(String),
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    #[error("secure connection failed: {0}")]
    Tls(String),
    #[error("the page is over the 50 MB limit")]
    TooLarge,
    #[error("the server sent {0}, not a web page or text; save it and import the text instead")]
    Unsupported(String),
    #[error("{0}")]
    Other(String),
}

fn seconds(n: u64) -> String {
    if n == 1 {
        "1 second".into()
    } else {
        format!("{n} seconds")
    }
}

/// Whether an import argument is a web address rather than a path.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Fetch `url`, following redirects, within `timeout` overall.
pub fn fetch(url: &str, timeout: Duration) -> Result<Page, FetchError> {
    let result = get(url, timeout);
    match &result {
        Ok(p) => info!(
            url,
            final_url = p.url.as_str(),
            bytes = p.bytes.len(),
            "fetched"
        ),
        Err(e) => warn!(url, error = %e, "fetch failed"),
    }
    result
}

fn get(url: &str, timeout: Duration) -> Result<Page, FetchError> {
    use ureq::ResponseExt;
    if !is_url(url) {
        return Err(FetchError::BadAddress(
            "it must start with http:// or https://".into(),
        ));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .timeout_connect(Some(timeout.min(Duration::from_secs(15))))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!(
            "parallax/",
            env!("CARGO_PKG_VERSION"),
            " (terminal news reader)"
        ))
        .build()
        .into();
    let secs = timeout.as_secs().max(1);
    let mut resp = agent
        .get(url)
        .header(
            "Accept",
            "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        )
        .call()
        .map_err(|e| cause(e, secs))?;
    let status = resp.status();
    if !status.is_success() {
        return Err(if status.is_redirection() {
            FetchError::TooManyRedirects
        } else {
            FetchError::Status {
                status: status.as_u16(),
                reason: status.canonical_reason(),
            }
        });
    }
    let final_url = resp.get_uri().to_string();
    let mime = resp.body().mime_type().map(str::to_ascii_lowercase);
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| cause(e, secs))?;
    let format = kind(mime.as_deref(), &bytes)?;
    Ok(Page {
        requested: url.to_string(),
        url: final_url,
        format,
        bytes,
        fetched_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

/// What to read a page as, from its `Content-Type` and, when that is missing,
/// its first bytes. `None`: let ingest tell from the content.
pub fn kind(mime: Option<&str>, bytes: &[u8]) -> Result<Option<Format>, FetchError> {
    let refused = |what: &str| Err(FetchError::Unsupported(what.to_string()));
    match mime {
        Some("text/html" | "application/xhtml+xml") => return Ok(Some(Format::Html)),
        Some("text/plain") => return Ok(Some(Format::Text)),
        Some("text/markdown" | "text/x-markdown") => return Ok(Some(Format::Markdown)),
        Some("application/pdf") => return refused("a PDF (application/pdf)"),
        Some(m) if m.starts_with("image/") => return refused(&format!("an image ({m})")),
        Some(m) if m.starts_with("audio/") || m.starts_with("video/") => {
            return refused(&format!("audio or video ({m})"));
        }
        Some("application/octet-stream") | None => {}
        Some(m) => return refused(&format!("a {m} document")),
    }
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF"),
        (b"\x89PNG", "an image (PNG)"),
        (b"\xff\xd8\xff", "an image (JPEG)"),
        (b"GIF8", "an image (GIF)"),
        (b"PK\x03\x04", "a ZIP archive"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return refused(what);
        }
    }
    Ok(None)
}

fn cause(e: ureq::Error, secs: u64) -> FetchError {
    use std::io::ErrorKind;
    match e {
        ureq::Error::Timeout(_) => FetchError::Timeout(secs),
        ureq::Error::HostNotFound => FetchError::HostNotFound,
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge,
        ureq::Error::BadUri(why) => FetchError::BadAddress(why),
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchError::Timeout(secs),
            ErrorKind::ConnectionRefused => FetchError::Unreachable("connection refused".into()),
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
                FetchError::Unreachable("the server closed the connection".into())
            }
            ErrorKind::UnexpectedEof => {
                FetchError::Other("the server closed the connection before answering".into())
            }
            // The system resolver's failure comes as a bare I/O error.
            _ if io.to_string().contains("lookup address") => FetchError::HostNotFound,
            _ => FetchError::Unreachable(io.to_string()),
        },
        ureq::Error::ConnectionFailed => FetchError::Unreachable("connection failed".into()),
        ureq::Error::Tls(why) => FetchError::Tls(why.to_string()),
        ureq::Error::Rustls(e) => FetchError::Tls(e.to_string()),
        ureq::Error::Protocol(e) => FetchError::Other(format!("not a valid HTTP answer ({e})")),
        other => FetchError::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_web_addresses() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("ftp://example.org"));
        assert!(!is_url("notes/https.txt"));
        assert!(!is_url("-"));
    }

    #[test]
    fn pages_and_text_are_read_and_the_rest_refused() {
        assert_eq!(kind(Some("text/html"), b""), Ok(Some(Format::Html)));
        assert_eq!(kind(Some("text/plain"), b"<html>"), Ok(Some(Format::Text)));
        assert_eq!(kind(None, b"<!doctype html>"), Ok(None));
        let pdf = kind(Some("application/pdf"), b"%PDF-1.7").unwrap_err();
        assert!(pdf.to_string().contains("a PDF"), "{pdf}");
        let png = kind(Some("image/png"), b"").unwrap_err();
        assert!(png.to_string().contains("image/png"), "{png}");
        let sniffed = kind(Some("application/octet-stream"), b"%PDF-1.4").unwrap_err();
        assert!(sniffed.to_string().contains("PDF"), "{sniffed}");
        assert!(kind(Some("application/json"), b"{}").is_err());
    }

    #[test]
    fn a_failed_name_lookup_reads_as_host_not_found() {
        let io = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        assert_eq!(cause(ureq::Error::Io(io), 30), FetchError::HostNotFound);
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(
            cause(ureq::Error::Io(refused), 30).to_string(),
            "cannot connect: connection refused"
        );
    }

    #[test]
    fn http_errors_read_as_status_and_reason() {
        let e = FetchError::Status {
            status: 404,
            reason: Some("Not Found"),
        };
        assert_eq!(e.to_string(), "HTTP 404 Not Found");
    }
}
