//! A small JSON-RPC client for end-to-end tests against the built server:
//! Content-Length framing, a reader thread that answers server-to-client
//! requests (progress tokens, capability registration) with `null`, and
//! timeouts on every wait so a wedged server fails the test instead of
//! hanging it.
#![allow(dead_code)]
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

// Generous: these tests check answers, not speed, and CI machines are slow.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Every notification and server request seen so far, in order.
    pub seen: Vec<Value>,
}

fn write_msg(w: &mut impl Write, body: &str) {
    write!(w, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
    w.flush().unwrap();
}

/// One framed message, or `None` at end of stream.
fn read_msg(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// Answers a server-to-client request: its result, and notifications to
/// send right after the answer (a client that applied an edit to an open
/// buffer reports it with didChange).
pub type Handler = Arc<dyn Fn(&Value) -> (Value, Vec<Value>) + Send + Sync>;

impl Client {
    pub fn spawn(args: &[&str]) -> Client {
        Self::spawn_with(args, Arc::new(|_: &Value| (Value::Null, Vec::new())))
    }

    pub fn spawn_with(args: &[&str], handler: Handler) -> Client {
        Self::spawn_env(args, &[], handler)
    }

    /// With extra environment variables for the server.
    pub fn spawn_env(args: &[&str], env: &[(&str, &str)], handler: Handler) -> Client {
        Self::spawn_full(args, env, handler, Stdio::null())
    }

    /// With extra environment variables, and the server's stderr (its log)
    /// sent to `stderr`.
    pub fn spawn_full(
        args: &[&str],
        env: &[(&str, &str)],
        handler: Handler,
        stderr: Stdio,
    ) -> Client {
        let mut child = Command::new(crosscheck_bin())
            .args(args)
            .env("CROSSCHECK_LOG", "warn")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("spawn crosscheck");
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        let reply_to = stdin.clone();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(msg) = read_msg(&mut r) {
                // A server request: answer right away so the server never
                // waits on us.
                if msg.get("method").is_some() && msg.get("id").is_some() {
                    let (result, then) = handler(&msg);
                    let reply = json!({"jsonrpc": "2.0", "id": msg["id"], "result": result});
                    let mut w = reply_to.lock().unwrap();
                    write_msg(&mut *w, &reply.to_string());
                    for n in then {
                        write_msg(&mut *w, &n.to_string());
                    }
                }
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 0,
            seen: Vec::new(),
        }
    }

    pub fn send_raw(&mut self, body: &str) {
        write_msg(&mut *self.stdin.lock().unwrap(), body);
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let m = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_raw(&m.to_string());
    }

    /// Send a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let m = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_raw(&m.to_string());
        json!(id)
    }

    /// Send a request and return the whole response (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait_response(id)
    }

    pub fn wait_response(&mut self, id: Value) -> Value {
        let found = self.wait_for(|m| m.get("method").is_none() && m["id"] == id);
        found.unwrap_or_else(|| panic!("no response to request {id}"))
    }

    /// The result of a request that must succeed.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let r = self.request(method, params);
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    /// Wait for a message matching `pred`, first among those already seen
    /// (notifications only), then as they arrive.
    pub fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) => {
                    let hit = pred(&m);
                    if m.get("method").is_some() {
                        self.seen.push(m.clone());
                    }
                    if hit {
                        return Some(m);
                    }
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None
                }
            }
        }
    }

    /// Take every message that arrives within `dur` (notifications are
    /// kept in `seen`).
    pub fn drain(&mut self, dur: Duration) {
        let deadline = Instant::now() + dur;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) => {
                    if m.get("method").is_some() {
                        self.seen.push(m);
                    }
                }
                Err(_) => return,
            }
        }
    }

    /// The last diagnostics published for each URI (empty lists left out:
    /// a cleared file and a file never reported look alike).
    pub fn published(&self) -> std::collections::BTreeMap<String, Value> {
        let mut out = std::collections::BTreeMap::new();
        for m in self.seen("textDocument/publishDiagnostics") {
            let uri = m["params"]["uri"].as_str().unwrap_or_default().to_string();
            out.insert(uri, m["params"]["diagnostics"].clone());
        }
        out.retain(|_, d| d.as_array().is_some_and(|a| !a.is_empty()));
        out
    }

    /// Wait for a notification `method` matching `pred`, looking at the ones
    /// already seen first.
    pub fn wait_notification(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(m) = self
            .seen
            .iter()
            .find(|m| m["method"] == method && pred(&m["params"]))
        {
            return m.clone();
        }
        self.wait_for(|m| m["method"] == method && pred(&m["params"]))
            .unwrap_or_else(|| panic!("no {method} notification"))
    }

    /// The notifications/requests seen with `method`.
    pub fn seen(&self, method: &str) -> Vec<Value> {
        self.seen
            .iter()
            .filter(|m| m["method"] == method)
            .cloned()
            .collect()
    }

    /// `initialize` + `initialized`; returns the initialize result.
    pub fn initialize(&mut self, params: Value) -> Value {
        let r = self.call("initialize", params);
        self.notify("initialized", json!({}));
        r
    }

    /// `shutdown`, `exit`, and the process status.
    pub fn shutdown_exit(mut self) -> ExitStatus {
        self.call("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// The server's peak resident memory so far, in kB (Linux).
    pub fn peak_rss_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }

    /// Is the server process still running?
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn wait_exit(mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("server did not exit");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// How the tests count columns, independently of the server's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16,
}

fn col(s: &str, enc: Enc) -> usize {
    match enc {
        Enc::Utf8 => s.len(),
        Enc::Utf16 => s.encode_utf16().count(),
    }
}

/// The LSP position of byte `off` in `text` (lines break at `\n` only: the
/// test texts have no `\r`).
pub fn position(text: &str, off: usize, enc: Enc) -> Value {
    let line_start = text[..off].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..off].matches('\n').count();
    json!({"line": line, "character": col(&text[line_start..off], enc)})
}

/// Position of the `nth` occurrence of `needle` (plus `delta` bytes).
pub fn pos_of(text: &str, needle: &str, nth: usize, delta: usize, enc: Enc) -> Value {
    let (off, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"));
    position(text, off + delta, enc)
}

/// Byte offset of an LSP position.
pub fn offset(text: &str, pos: &Value, enc: Enc) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let ch = pos["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= ch || c == '\n' {
            return start + i;
        }
        units += match enc {
            Enc::Utf8 => c.len_utf8(),
            Enc::Utf16 => c.len_utf16(),
        };
    }
    text.len()
}

/// The text an LSP range covers.
pub fn text_at<'a>(text: &'a str, range: &Value, enc: Enc) -> &'a str {
    &text[offset(text, &range["start"], enc)..offset(text, &range["end"], enc)]
}

/// Decode semantic tokens into (line, start col, length, type).
pub fn decode_tokens(data: &[Value]) -> Vec<(u64, u64, u64, u64)> {
    let mut out = Vec::new();
    let (mut line, mut col) = (0, 0);
    for t in data.chunks(5) {
        let (dl, ds) = (t[0].as_u64().unwrap(), t[1].as_u64().unwrap());
        line += dl;
        col = if dl == 0 { col + ds } else { ds };
        out.push((line, col, t[2].as_u64().unwrap(), t[3].as_u64().unwrap()));
    }
    out
}

pub fn file_uri(path: &std::path::Path) -> String {
    let mut s = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                s.push(b as char)
            }
            _ => s.push_str(&format!("%{b:02X}")),
        }
    }
    s
}

/// A small deterministic random source (SplitMix64), so a failing seed
/// replays exactly.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Copy `from` into `to` recursively (files and folders only).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if e.file_type().unwrap().is_dir() {
            copy_dir(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

/// A temporary copy of the example corpus with its own `.crosscheck/`
/// (knowledge base, links, verdicts, corrected metadata).
pub fn example_with_annotations() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("nato-ukraine");
    copy_dir(Path::new(CORPUS), &root);
    (dir, root)
}

/// A temporary copy of one of the corpora under `tests/corpora/`, in a
/// folder of the same name.
pub fn copy_corpus(name: &str) -> (tempfile::TempDir, PathBuf) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/corpora")
        .join(name);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(name);
    copy_dir(&src, &root);
    (dir, root)
}

// ---- workspace helpers shared by the e2e test files ----

pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nato-ukraine");

/// A temporary copy of the example corpus.
pub fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("news");
    std::fs::create_dir_all(&root).unwrap();
    for e in std::fs::read_dir(CORPUS).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            continue; // `.crosscheck/`: see `annotated_corpus`
        }
        std::fs::copy(&p, root.join(p.file_name().unwrap())).unwrap();
    }
    (dir, root)
}

/// The corpus file whose name starts with `prefix` ("003"): (uri, text).
pub fn doc(root: &Path, prefix: &str) -> (String, String) {
    let p = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    (file_uri(&p), std::fs::read_to_string(&p).unwrap())
}

pub fn text_of_uri(uri: &str) -> String {
    let path = uri.strip_prefix("file://").unwrap();
    std::fs::read_to_string(path).unwrap()
}

/// Start a server on `root`, wait until indexing is done.
pub fn start(root: &Path, capabilities: Value, options: Value) -> (Client, Value) {
    let mut c = Client::spawn(&["lsp"]);
    let init = c.initialize(json!({
        "processId": null,
        "capabilities": capabilities,
        "initializationOptions": options,
        "workspaceFolders": [{"uri": file_uri(root), "name": "news"}],
    }));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    (c, init)
}

pub fn at(uri: &str, pos: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": pos})
}

/// The binary under test: the one cargo built, or `CROSSCHECK_TEST_BIN`
/// (to run the same tests against another build, an older one say).
pub fn crosscheck_bin() -> String {
    std::env::var("CROSSCHECK_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_crosscheck").to_string())
}
