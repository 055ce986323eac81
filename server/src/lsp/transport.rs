//! A guard in front of the framework's input. tower-lsp-server stops reading
//! (and so ends the session) at the first message it cannot decode: tokio's
//! `FramedRead` ends its stream after a decoder error. A client sending one
//! bad message must not take the server down, so stdin is re-framed here
//! first: well-formed messages pass through unchanged; a body that is not
//! JSON, or not a JSON-RPC message, is replaced by a request to one of our
//! own methods that answers with the proper error (`-32700` parse error,
//! `-32600` invalid request) under `id: null` or the message's own id.
use std::io::{self, BufRead, Read, Write};

use serde_json::{json, Value};

/// Answers `-32700` (registered on the service).
pub const PARSE_ERROR_METHOD: &str = "$/crosscheck/parseError";
/// Answers `-32600` (registered on the service).
pub const INVALID_REQUEST_METHOD: &str = "$/crosscheck/invalidRequest";
/// Answers `-32601` (registered on the service): requests for `$/` methods
/// the framework would drop without an answer.
pub const METHOD_NOT_FOUND_METHOD: &str = "$/crosscheck/methodNotFound";

/// `$/` methods the server answers itself (the framework routes them).
const OWN_DOLLAR_METHODS: [&str; 3] = [
    PARSE_ERROR_METHOD,
    INVALID_REQUEST_METHOD,
    METHOD_NOT_FOUND_METHOD,
];

/// Is `v` something the framework's decoder accepts?
fn is_message(v: &Value) -> bool {
    let Some(o) = v.as_object() else {
        return false;
    };
    let id_ok = match o.get("id") {
        None | Some(Value::Null) | Some(Value::String(_)) => true,
        Some(n @ Value::Number(_)) => n.as_i64().is_some(),
        Some(_) => false,
    };
    if o.get("jsonrpc") != Some(&json!("2.0")) || !id_ok {
        return false;
    }
    match o.get("method") {
        // A request or notification carries no result or error.
        Some(Value::String(_)) => !o.contains_key("result") && !o.contains_key("error"),
        Some(_) => false,
        // a response to one of our requests
        None => o.contains_key("id") && (o.contains_key("result") ^ o.contains_key("error")),
    }
}

/// The start of a body, for the log: a huge bad message is not logged whole.
fn excerpt(body: &[u8]) -> String {
    let s = String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned();
    if body.len() > 200 {
        format!("{s}… ({} bytes)", body.len())
    } else {
        s
    }
}

/// The body to hand on for `body`. A good message is passed on as parsed
/// and written again: a key given twice (`"id"`, `"method"`, ...) is taken
/// once, as read (the last one), where the framework's decoder would
/// reject the whole message and end the session.
pub fn sanitize(body: Vec<u8>) -> Vec<u8> {
    let replacement = match serde_json::from_slice::<Value>(&body) {
        Ok(v) if is_message(&v) => {
            let dollar_request = v.get("id").is_some_and(|id| !id.is_null())
                && v["method"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("$/") && !OWN_DOLLAR_METHODS.contains(&m));
            if dollar_request {
                // The framework drops `$/` messages it does not know, even
                // requests, which must be answered.
                json!({"jsonrpc": "2.0", "id": v["id"], "method": METHOD_NOT_FOUND_METHOD})
            } else {
                return serde_json::to_vec(&v).unwrap_or(body);
            }
        }
        Ok(v) => {
            let id = match v.get("id") {
                Some(id @ (Value::String(_) | Value::Number(_)))
                    if is_message(&json!({"jsonrpc": "2.0", "id": id, "method": ""})) =>
                {
                    id.clone()
                }
                _ => Value::Null,
            };
            tracing::warn!("invalid JSON-RPC message: {}", excerpt(&body));
            json!({"jsonrpc": "2.0", "id": id, "method": INVALID_REQUEST_METHOD})
        }
        Err(e) => {
            tracing::warn!("message is not JSON ({e}): {}", excerpt(&body));
            json!({"jsonrpc": "2.0", "id": null, "method": PARSE_ERROR_METHOD})
        }
    };
    replacement.to_string().into_bytes()
}

/// Largest message body accepted: a source over the default size limit
/// (10 MB) is not analysed anyway, and JSON escaping at most doubles most
/// texts. A bigger announced length is skipped, never allocated.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// Copy framed messages from `r` to `w`, sanitising each body, until end of
/// input. Header blocks without a usable `Content-Length` are dropped.
pub fn guard(r: impl BufRead, w: impl Write) -> io::Result<()> {
    guard_with_limit(r, w, MAX_BODY)
}

fn guard_with_limit(mut r: impl BufRead, mut w: impl Write, max_body: usize) -> io::Result<()> {
    loop {
        let mut len: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let mut line = Vec::new();
            if r.read_until(b'\n', &mut line)? == 0 {
                return Ok(());
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim();
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    len = value.trim().parse().ok();
                }
            }
        }
        let Some(len) = len else {
            tracing::warn!("dropped a message without a valid Content-Length header");
            continue;
        };
        let body = if len > max_body {
            tracing::warn!("skipped a {len}-byte message (limit {max_body})");
            io::copy(&mut (&mut r).take(len as u64), &mut io::sink())?;
            json!({"jsonrpc": "2.0", "id": null, "method": INVALID_REQUEST_METHOD})
                .to_string()
                .into_bytes()
        } else {
            // Grown as bytes arrive: a length announced but never sent
            // costs nothing.
            let mut body = Vec::new();
            (&mut r).take(len as u64).read_to_end(&mut body)?;
            if body.len() < len {
                return Ok(()); // end of input inside a message
            }
            sanitize(body)
        };
        write!(w, "Content-Length: {}\r\n\r\n", body.len())?;
        w.write_all(&body)?;
        w.flush()?;
    }
}

/// Stdin, guarded: a thread runs [`guard`] into a pipe whose read end the
/// server reads asynchronously.
pub fn guarded_stdin() -> io::Result<tokio::fs::File> {
    let (reader, writer) = io::pipe()?;
    std::thread::Builder::new()
        .name("crosscheck-stdin".into())
        .spawn(move || {
            if let Err(e) = guard(io::stdin().lock(), writer) {
                tracing::debug!("input guard stopped: {e}");
            }
        })?;
    #[cfg(unix)]
    let file = std::fs::File::from(std::os::fd::OwnedFd::from(reader));
    #[cfg(windows)]
    let file = std::fs::File::from(std::os::windows::io::OwnedHandle::from(reader));
    Ok(tokio::fs::File::from_std(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{}", body.len(), body)
    }

    fn run(input: &str) -> Vec<Value> {
        let mut out = Vec::new();
        guard(io::Cursor::new(input.as_bytes().to_vec()), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        text.split("Content-Length: ")
            .filter(|s| !s.is_empty())
            .map(|s| serde_json::from_str(s.split_once("\r\n\r\n").unwrap().1).unwrap())
            .collect()
    }

    #[test]
    fn good_messages_pass_bad_ones_are_replaced() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#;
        let input = [
            frame(good),
            frame("{not json"),
            "garbage without headers\r\n\r\n".to_string(),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":42}"#),
            frame(r#"[1,2,3]"#),
            frame(r#"{"jsonrpc":"2.0","id":2,"result":null}"#),
            "Content-Length: 5\r\n".to_string(), // truncated at the end
        ]
        .concat();
        let msgs = run(&input);
        assert_eq!(msgs.len(), 5, "{msgs:?}");
        assert_eq!(msgs[0], serde_json::from_str::<Value>(good).unwrap());
        assert_eq!(msgs[1]["method"], PARSE_ERROR_METHOD);
        assert_eq!(msgs[1]["id"], Value::Null);
        assert_eq!(msgs[2]["method"], INVALID_REQUEST_METHOD);
        assert_eq!(msgs[2]["id"], 7);
        assert_eq!(msgs[3]["id"], Value::Null);
        assert_eq!(msgs[4]["result"], Value::Null);
    }

    /// Found by fuzzing: each of these ended the session or went
    /// unanswered.
    #[test]
    fn repeated_keys_dollar_requests_and_mixed_messages() {
        let input = [
            frame(r#"{"jsonrpc":"2.0","jsonrpc":"2.0","id":1,"id":2,"method":"x","method":"textDocument/hover","params":{},"params":{"a":1}}"#),
            frame(r#"{"jsonrpc":"2.0","id":3,"method":"$/unknown"}"#),
            frame(r#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":3}}"#),
            frame(r#"{"jsonrpc":"2.0","id":4,"method":"shutdown","result":null}"#),
            frame(r#"{"jsonrpc":"2.0","id":5,"method":"$/crosscheck/parseError"}"#),
        ]
        .concat();
        let msgs = run(&input);
        assert_eq!(
            msgs[0],
            json!({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"a":1}})
        );
        assert_eq!(msgs[1]["method"], METHOD_NOT_FOUND_METHOD);
        assert_eq!(msgs[1]["id"], 3);
        assert_eq!(msgs[2]["method"], "$/cancelRequest", "notifications pass");
        assert_eq!(msgs[3]["method"], INVALID_REQUEST_METHOD);
        assert_eq!(msgs[3]["id"], 4);
        assert_eq!(msgs[4]["method"], PARSE_ERROR_METHOD);
    }

    #[test]
    fn oversized_bodies_are_skipped_not_allocated() {
        let big = r#"{"jsonrpc":"2.0","method":"x","params":"0123456789"}"#;
        let small = r#"{"jsonrpc":"2.0","method":"y"}"#;
        let input = [frame(big), frame(small)].concat();
        let mut out = Vec::new();
        guard_with_limit(io::Cursor::new(input.into_bytes()), &mut out, 40).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(INVALID_REQUEST_METHOD), "{out}");
        assert!(out.ends_with(small), "{out}");
        // an absurd length does not allocate: end of input comes first
        let mut out = Vec::new();
        let absurd = "Content-Length: 99999999999999\r\n\r\n{}";
        guard(io::Cursor::new(absurd.as_bytes().to_vec()), &mut out).unwrap();
    }

    #[test]
    fn multibyte_bodies_use_byte_lengths() {
        let body = r#"{"jsonrpc":"2.0","method":"x","params":"¿Qué hace él? 😀"}"#;
        let msgs = run(&frame(body));
        assert_eq!(msgs[0]["params"], "¿Qué hace él? 😀");
    }
}
