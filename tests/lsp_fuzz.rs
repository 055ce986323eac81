//! A bounded fuzz of the server and the command line, deterministic by
//! seed: LSP messages mutated (keys repeated or dropped, types swapped,
//! ids and positions out of range, URIs with `..`, other schemes, NUL),
//! random edits with hostile Unicode and huge inserts, hostile
//! `.crosscheck/` files (broken, huge, deep, not UTF-8), symbolic links
//! (out of the folder, to `/dev/zero`, in loops, dangling) and FIFOs, with
//! file-watcher events for all of it.
//!
//! What must hold, whatever comes in:
//! - the server stays up, answers every well-formed request (an error is
//!   an answer), and exits with 0 after `shutdown` and `exit`;
//! - no answer about an open document carries a position outside its
//!   current text;
//! - no Rust panic in the server's log, peak memory bounded;
//! - nothing outside the folder, and no source file, is ever written;
//! - `check`, `entities` and `export` on the same folder finish, without
//!   a panic.
//!
//! In CI this runs a few seeds of a bounded number of steps (well under a
//! minute). `scripts/fuzz.sh` runs it longer: `CROSSCHECK_FUZZ_SEEDS`
//! (comma-separated or `a..b`) and `CROSSCHECK_FUZZ_STEPS` set the run; a
//! failure prints its seed and the last actions.
#![cfg(unix)]
mod support;

use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};
use support::*;

const MAX_RSS_KB: u64 = 600 * 1024;
/// How long one request may go unanswered.
const ANSWER_WITHIN: Duration = Duration::from_secs(30);

/// Pieces of hostile text.
const UNICODE: &[&str] = &[
    "é",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "\u{2028}",
    "\u{85}",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\u{0}",
    "e\u{308}",
    "\u{fdfa}",
    "𝔘𝔫𝔦",
    "Ω",
    "Kyiv",
    " Jens Stoltenberg",
    " Stoltenberg",
    "NATO",
    "04/02/2024",
    " said",
    " according to sources",
    "\"",
    "\\",
    " ",
    "Błaszczak",
    "Ukraine's",
    "(SAG-U)",
];

const METHODS: &[&str] = &[
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/documentHighlight",
    "textDocument/documentSymbol",
    "textDocument/semanticTokens/full",
    "textDocument/semanticTokens/range",
    "textDocument/codeLens",
    "textDocument/codeAction",
    "textDocument/completion",
    "textDocument/prepareRename",
    "crosscheck/sourceDiagnostics",
];

struct Doc {
    version: i32,
    text: String,
}

struct Fuzz {
    c: Client,
    rng: Rng,
    root: PathBuf,
    outside: PathBuf,
    /// Sources as written by the test: the server must never change them.
    sources: BTreeMap<PathBuf, Vec<u8>>,
    outside_before: BTreeMap<PathBuf, Vec<u8>>,
    docs: BTreeMap<String, Doc>,
    next_id: i64,
    log: Vec<String>,
    seed: u64,
    log_path: PathBuf,
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file() {
                out.insert(p.clone(), std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}

impl Fuzz {
    fn say(&mut self, s: String) {
        self.log.push(s);
        if self.log.len() > 40 {
            self.log.remove(0);
        }
    }

    fn fail(&self, why: &str) -> ! {
        let stderr = std::fs::read_to_string(&self.log_path).unwrap_or_default();
        let lines: Vec<&str> = stderr.lines().collect();
        // The panic itself if there was one, else the end of the log.
        let at = lines
            .iter()
            .position(|l| l.contains("panicked at"))
            .unwrap_or(lines.len().saturating_sub(15));
        let tail = lines[at.saturating_sub(3)..(at + 15).min(lines.len())].join("\n");
        // The open documents as the test last saw them, to replay by hand.
        let keep = std::env::temp_dir().join(format!("crosscheck-fuzz-seed-{}", self.seed));
        let _ = std::fs::create_dir_all(&keep);
        for (i, (uri, d)) in self.docs.iter().enumerate() {
            let name = uri.rsplit('/').next().unwrap_or("doc");
            let _ = std::fs::write(keep.join(format!("{i}-{name}")), &d.text);
        }
        panic!(
            "fuzz seed {}: {why} (open documents kept in {})\nlast actions:\n  {}\nserver log (end):\n{tail}",
            self.seed,
            keep.display(),
            self.log.join("\n  ")
        );
    }

    fn id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }

    fn hostile_text(&mut self, max: usize) -> String {
        let mut s = String::new();
        let n = self.rng.below(max + 1);
        while s.len() < n {
            match self.rng.below(4) {
                0 => s.push_str(UNICODE[self.rng.below(UNICODE.len())]),
                1 => {
                    let c = char::from_u32(self.rng.below(0x2FFFF) as u32).unwrap_or('?');
                    s.push(c);
                }
                _ => s.push_str(
                    "NATO Secretary General Jens Stoltenberg said Kyiv may get 30 tanks. ",
                ),
            }
        }
        s
    }

    /// A request that must be answered; returns the answer.
    fn ask(&mut self, method: &str, params: Value) -> Value {
        let id = self.id();
        let m = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.c.send_raw(&m.to_string());
        let deadline = Instant::now() + ANSWER_WITHIN;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                self.fail(&format!("no answer to {method} (id {id})"));
            }
            match self
                .c
                .wait_for(|m| m.get("method").is_none() && m["id"] == id)
            {
                Some(r) => return r,
                None if !self.c.alive() => self.fail("the server died"),
                None => {}
            }
        }
    }

    fn positions_inside(&self, uri: &str, v: &Value, what: &str) {
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        let lines = doc.text.split('\n').count() as u64 + doc.text.matches('\r').count() as u64;
        let mut stack = vec![v];
        while let Some(x) = stack.pop() {
            match x {
                Value::Object(o) => {
                    // Locations in other documents are checked against theirs.
                    if let Some(u) = o.get("uri").and_then(Value::as_str) {
                        if u != uri {
                            if let Some(r) = o.get("range") {
                                self.positions_inside(u, r, what);
                            }
                            continue;
                        }
                    }
                    if let Some(l) = o.get("line").and_then(Value::as_u64) {
                        if l > lines {
                            self.fail(&format!(
                                "{what}: line {l} in a document of {lines} lines: {}",
                                head(&v.to_string(), 400)
                            ));
                        }
                    }
                    stack.extend(o.values());
                }
                Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
    }

    fn random_position(&mut self, uri: &str) -> Value {
        let lines = self.docs.get(uri).map_or(3, |d| d.text.lines().count() + 1);
        let line = if self.rng.chance(5) {
            u32::MAX as u64
        } else {
            self.rng.below(lines + 2) as u64
        };
        let ch = if self.rng.chance(5) {
            u32::MAX as u64
        } else {
            self.rng.below(200) as u64
        };
        json!({"line": line, "character": ch})
    }

    fn request_about_a_document(&mut self) {
        let uris: Vec<String> = self.docs.keys().cloned().collect();
        if uris.is_empty() {
            return;
        }
        let uri = self.rng.pick(&uris).clone();
        let method = *self.rng.pick(METHODS);
        let pos = self.random_position(&uri);
        let pos2 = self.random_position(&uri);
        let params = match method {
            "textDocument/references" => json!({"textDocument": {"uri": uri}, "position": pos,
                "context": {"includeDeclaration": self.rng.chance(50)}}),
            "textDocument/semanticTokens/range" => {
                json!({"textDocument": {"uri": uri}, "range": {"start": pos, "end": pos2}})
            }
            "textDocument/codeAction" => json!({"textDocument": {"uri": uri},
                "range": {"start": pos, "end": pos2}, "context": {"diagnostics": []}}),
            "crosscheck/sourceDiagnostics" => json!({"uri": uri}),
            "textDocument/documentSymbol"
            | "textDocument/semanticTokens/full"
            | "textDocument/codeLens" => json!({"textDocument": {"uri": uri}}),
            _ => json!({"textDocument": {"uri": uri}, "position": pos}),
        };
        self.say(format!("{method} {}", &uri[uri.len().saturating_sub(24)..]));
        let r = self.ask(method, params);
        if let Some(result) = r.get("result") {
            if method == "textDocument/semanticTokens/full" {
                let data = result["data"].as_array().cloned().unwrap_or_default();
                let lines = self.docs[&uri].text.split('\n').count() as u64
                    + self.docs[&uri].text.matches('\r').count() as u64;
                if let Some((l, ..)) = decode_tokens(&data).last() {
                    if *l > lines {
                        self.fail(&format!("semantic token on line {l} of {lines}"));
                    }
                }
            } else {
                self.positions_inside(&uri, result, method);
            }
        }
    }

    fn edit(&mut self) {
        let uris: Vec<String> = self.docs.keys().cloned().collect();
        if uris.is_empty() {
            return;
        }
        let uri = self.rng.pick(&uris).clone();
        let huge = self.rng.chance(3);
        let insert = if huge {
            let unit = self.hostile_text(400);
            unit.repeat(150_000 / unit.len().max(1) + 1)
        } else {
            self.hostile_text(60)
        };
        let full = self.rng.chance(10);
        let doc = self.docs.get_mut(&uri).unwrap();
        doc.version += 1;
        let change = if full {
            doc.text = insert.clone();
            json!({"text": insert})
        } else {
            // Positions are kept inside the text here: the test tracks the
            // text. Out-of-range edits are sent by `mutated` messages.
            let (a, b) = {
                let t = &doc.text;
                let a = edit_boundary(t, (self.rng.next() as usize) % (t.len() + 1));
                let b = edit_boundary(t, a + (self.rng.next() as usize) % 40).max(a);
                (a, b)
            };
            // LSP lines break at \n, \r\n and \r; so does `utf16_position`.
            let range =
                json!({"start": utf16_position(&doc.text, a), "end": utf16_position(&doc.text, b)});
            doc.text.replace_range(a..b, &insert);
            json!({"range": range, "text": insert})
        };
        let v = doc.version;
        self.say(format!(
            "edit {} ({} bytes{})",
            &uri[uri.len().saturating_sub(24)..],
            insert.len(),
            if full { ", full" } else { "" }
        ));
        self.c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [change]}),
        );
    }

    fn open_or_close(&mut self) {
        let names = [
            "a.txt",
            "b.txt",
            "c.md",
            "new.txt",
            "link-0.txt",
            "fifo-0.txt",
        ];
        let name = *self.rng.pick(&names);
        let uri = file_uri(&self.root.join(name));
        if self.docs.contains_key(&uri) && self.rng.chance(60) {
            self.docs.remove(&uri);
            self.say(format!("close {name}"));
            self.c.notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            );
            return;
        }
        if self.docs.contains_key(&uri) {
            return;
        }
        // The test reads only regular files itself (the fuzz makes FIFOs).
        let p = self.root.join(name);
        let regular = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_file());
        let disk = regular.then(|| std::fs::read_to_string(&p).ok()).flatten();
        let text = match disk {
            Some(t) if t.len() < 100_000 && self.rng.chance(70) => t,
            _ => self.hostile_text(300),
        };
        self.say(format!("open {name} ({} bytes)", text.len()));
        self.c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
        );
        self.docs.insert(uri, Doc { version: 1, text });
    }

    /// A URI the test does not track (mutated messages may do anything
    /// with it).
    fn wild_uri(&mut self) -> String {
        let root = file_uri(&self.root);
        let picks = [
            format!("{root}/../../../../../../dev/zero"),
            format!("{root}/./x/../zz-{}.txt", self.rng.below(5)),
            format!("{root}/%00.txt"),
            format!("{root}/%2e%2e/%2e%2e/etc/hostname"),
            "untitled:Untitled-1".to_string(),
            "file:///dev/zero".to_string(),
            "file:///proc/self/mem".to_string(),
            "http://example.invalid/a.txt".to_string(),
            "not a uri".to_string(),
            format!("{root}/.crosscheck/entities.json"),
            format!("{root}/.crosscheck/config.json"),
            format!("{root}/fifo-0.txt"),
            format!("{root}/link-0.txt"),
            String::new(),
        ];
        self.rng.pick(&picks).clone()
    }

    fn mutate_value(&mut self, v: &mut Value, depth: usize) {
        if depth > 6 {
            return;
        }
        match v {
            Value::Object(o) => {
                let keys: Vec<String> = o.keys().cloned().collect();
                for k in keys {
                    if self.rng.chance(15) {
                        o.remove(&k);
                    } else if let Some(x) = o.get_mut(&k) {
                        if k == "uri" && self.rng.chance(70) {
                            *x = json!(self.wild_uri());
                        } else {
                            self.mutate_value(x, depth + 1);
                        }
                    }
                }
                if self.rng.chance(10) {
                    o.insert("extra".into(), json!({"nested": [1, "two", null]}));
                }
            }
            Value::Array(a) => {
                for x in a.iter_mut() {
                    self.mutate_value(x, depth + 1);
                }
                if self.rng.chance(10) {
                    a.push(json!(null));
                }
            }
            other => {
                if self.rng.chance(25) {
                    *other = match self.rng.below(9) {
                        0 => json!(null),
                        1 => json!(-1),
                        2 => json!(u64::MAX),
                        3 => json!(1e300),
                        4 => json!("x"),
                        5 => json!([]),
                        6 => json!({}),
                        7 => json!(true),
                        _ => json!(self.hostile_text(30)),
                    };
                }
            }
        }
    }

    fn template(&mut self) -> Value {
        let uri = self.wild_uri();
        let pos = json!({"line": 0, "character": 3});
        let range = json!({"start": pos, "end": {"line": 1, "character": 0}});
        let t = match self.rng.below(14) {
            0 => (
                "textDocument/didOpen",
                json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "Kyiv and NATO."}}),
            ),
            1 => (
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": range, "text": "Kiev"}]}),
            ),
            2 => (
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            ),
            3 => (
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": pos}),
            ),
            4 => (
                "textDocument/references",
                json!({"textDocument": {"uri": uri}, "position": pos, "context": {"includeDeclaration": true}}),
            ),
            5 => ("workspace/symbol", json!({"query": "Stolt"})),
            6 => (
                "workspace/executeCommand",
                json!({"command": self.rng.pick(&["crosscheck.createEntity", "crosscheck.setClaimStatus", "crosscheck.linkMention", "crosscheck.dismissDiagnostic", "crosscheck.mergeEntities", "crosscheck.showFileSummary", "nope"]).to_string(),
                "arguments": [{"uri": uri, "range": range, "kind": "person", "name": "X Y", "status": "verified", "entity": "person:x", "code": "hedged-claim", "keep": "a:b", "gone": "c:d"}]}),
            ),
            7 => (
                "workspace/didChangeWatchedFiles",
                json!({"changes": [{"uri": uri, "type": 2}, {"uri": file_uri(&self.root.join(".crosscheck/entities.json")), "type": 1}]}),
            ),
            8 => (
                "workspace/didChangeConfiguration",
                json!({"settings": {"crosscheck": {"maxFileSize": 1000, "rules": {"hedged-claim": "off"}, "hedges": ["may"], "followSymlinks": false}}}),
            ),
            9 => (
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": [{"range": range, "code": "anonymous-source", "source": "crosscheck", "message": "x"}]}}),
            ),
            10 => (
                "textDocument/rename",
                json!({"textDocument": {"uri": uri}, "position": pos, "newName": "Zed"}),
            ),
            11 => (
                "workspace/didChangeWorkspaceFolders",
                json!({"event": {"added": [{"uri": uri, "name": "x"}], "removed": []}}),
            ),
            12 => ("$/cancelRequest", json!({"id": self.next_id})),
            _ => (
                "textDocument/semanticTokens/range",
                json!({"textDocument": {"uri": uri}, "range": range}),
            ),
        };
        let mut m = json!({"jsonrpc": "2.0", "method": t.0, "params": t.1});
        if !t.0.starts_with("textDocument/did")
            && !t.0.starts_with("workspace/didChange")
            && t.0 != "$/cancelRequest"
        {
            m["id"] = json!(self.id());
        }
        m
    }

    /// A mutated message; if it still is a well-formed request, it must be
    /// answered.
    fn mutated(&mut self) {
        let mut m = self.template();
        let method = m["method"].as_str().unwrap_or("").to_string();
        let id = m.get("id").cloned();
        if self.rng.chance(60) {
            let mut p = m["params"].take();
            self.mutate_value(&mut p, 0);
            m["params"] = p;
        }
        let body = match self.rng.below(10) {
            // a key given twice
            0 => {
                let s = m.to_string();
                s.replacen(
                    "{\"jsonrpc\":\"2.0\"",
                    "{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\"",
                    1,
                )
            }
            // a result or an error beside the method
            1 => {
                m["result"] = json!(null);
                m.to_string()
            }
            // the id as something else
            2 => {
                m["id"] = json!(*self.rng.pick(&[
                    json!(1.5),
                    json!([1]),
                    json!({"a": 1}),
                    json!(true),
                    json!("s-id")
                ]));
                m.to_string()
            }
            // not JSON, or not an object
            3 => {
                let s = m.to_string();
                let cut = (self.rng.next() as usize) % s.len().max(1);
                let mut cut = cut;
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s[..cut].to_string()
            }
            4 => "[\"jsonrpc\", 2.0]".to_string(),
            // a lone surrogate escape, which no string may hold
            5 => m
                .to_string()
                .replacen("\"params\":{", "\"params\":{\"x\":\"\\ud800\",", 1),
            _ => m.to_string(),
        };
        let parsed: Option<Map<String, Value>> = serde_json::from_str(&body).ok();
        let must_answer = parsed.as_ref().is_some_and(|o| {
            o.get("jsonrpc") == Some(&json!("2.0"))
                && o.get("id").is_some_and(|i| i.is_i64())
                && o.get("method").is_some_and(|x| x.is_string())
        }) && id.is_some();
        self.say(format!(
            "mutated {method}: {}",
            head(&body, 160).replace('\n', " ")
        ));
        self.c.send_raw(&body);
        if must_answer {
            let id = parsed.unwrap()["id"].clone();
            let deadline = Instant::now() + ANSWER_WITHIN;
            while self
                .c
                .wait_for(|m| m.get("method").is_none() && m["id"] == id)
                .is_none()
            {
                if !self.c.alive() {
                    self.fail("the server died");
                }
                if Instant::now() > deadline {
                    self.fail(&format!("no answer to a mutated {method} (id {id})"));
                }
            }
        }
    }

    fn hostile_file(&mut self) -> Vec<u8> {
        let kb = r#"{"version": 1, "entities": [{"id": "person:jens-stoltenberg", "type": "person", "name": "Jens Stoltenberg", "aliases": ["Stoltenberg"]}]}"#;
        match self.rng.below(12) {
            0 => Vec::new(),
            1 => b"\xff\xfe{\"version\": 1}".to_vec(),
            2 => format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            3 => format!("{{\"entities\": [{}]}}", vec![r#"{"id": "", "type": "person", "name": ""}"#; 5000].join(",")).into_bytes(),
            4 => format!("{{\"hedges\": [\"{}\"]}}", "x".repeat(3 << 20)).into_bytes(),
            5 => "\u{feff}".to_string().into_bytes().into_iter().chain(kb.bytes()).collect(),
            6 => kb.replace("\"version\": 1", "\"version\": 1, \"version\": 2").into_bytes(),
            7 => b"null".to_vec(),
            8 => b"[]".to_vec(),
            9 => r#"{"version": 1, "source": "../../x.txt", "annotations": [{"id": "a", "kind": "link", "target": {"quote": "NATO", "start": 99999999999, "end": 0}, "entity": "person:jens-stoltenberg"}]}"#.as_bytes().to_vec(),
            10 => kb.replace("Jens Stoltenberg", &self.hostile_text(40)).into_bytes(),
            _ => kb.as_bytes().to_vec(),
        }
    }

    fn disk(&mut self) {
        let root = self.root.clone();
        let cc = root.join(".crosscheck");
        let targets = [
            cc.join("entities.json"),
            cc.join("config.json"),
            cc.join("annotations/a.txt.json"),
            cc.join("annotations/sub/b.txt.json"),
            root.join("new.txt"),
            root.join("link-0.txt"),
            root.join("fifo-0.txt"),
        ];
        let path = self.rng.pick(&targets).clone();
        // The test itself never writes through a link out of the folder
        // (it makes such links): only where the folder really is.
        let real_root = std::fs::canonicalize(&root).unwrap();
        let mut parent = path.parent().unwrap().to_path_buf();
        while !parent.exists() {
            parent = parent.parent().unwrap().to_path_buf();
        }
        if !std::fs::canonicalize(&parent).is_ok_and(|p| p.starts_with(&real_root)) {
            return;
        }
        let _ = std::fs::create_dir_all(path.parent().unwrap());
        if !std::fs::canonicalize(path.parent().unwrap()).is_ok_and(|p| p.starts_with(&real_root)) {
            return;
        }
        if std::fs::symlink_metadata(&path).is_ok() {
            let _ = std::fs::remove_file(&path);
        }
        let what = self.rng.below(8);
        let outside_file = self.outside.join("secret.txt");
        match what {
            0 => {
                let _ = symlink(&outside_file, &path);
            }
            1 => {
                let _ = symlink("/dev/zero", &path);
            }
            2 => {
                let _ = symlink(&path, &path); // a loop
            }
            3 => {
                let _ = symlink(root.join("does-not-exist"), &path);
            }
            4 => {
                let _ = Command::new("mkfifo").arg(&path).status();
            }
            _ => {
                let bytes = if path.extension().is_some_and(|e| e == "json") {
                    self.hostile_file()
                } else {
                    self.hostile_text(2000).into_bytes()
                };
                let _ = std::fs::write(&path, bytes);
            }
        }
        // Sometimes a whole folder is a link (out, or in a loop).
        if self.rng.chance(5) {
            let sub = cc.join("annotations/sub");
            let _ = std::fs::remove_dir_all(&sub);
            let _ = std::fs::remove_file(&sub);
            let _ = if self.rng.chance(50) {
                symlink(&self.outside, &sub)
            } else {
                symlink(cc.join("annotations"), &sub)
            };
        }
        self.say(format!("disk {} ({what})", path.display()));
        let typ = 1 + self.rng.below(3);
        self.c.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": file_uri(&path), "type": typ}]}),
        );
    }
}

/// The first `n` bytes of `s` at most, cut at a char boundary.
fn head(s: &str, n: usize) -> &str {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

/// LSP position (utf-16) of byte `off` (never between `\r` and `\n`);
/// lines break at `\n`, `\r\n` and `\r`.
fn utf16_position(text: &str, off: usize) -> Value {
    let before = &text[..off];
    let (mut line, mut start) = (0, 0);
    let b = before.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let crlf = c == b'\r' && text.as_bytes().get(i + 1) == Some(&b'\n');
        if c == b'\n' || (c == b'\r' && !crlf) {
            line += 1;
            start = i + 1;
        }
    }
    let col = text[start..off].encode_utf16().count();
    json!({"line": line, "character": col})
}

/// `i` moved back to a char boundary that does not split a `\r\n` (no LSP
/// position names the place between the two).
fn edit_boundary(t: &str, mut i: usize) -> usize {
    i = i.min(t.len());
    while !t.is_char_boundary(i)
        || (i > 0 && t.as_bytes()[i - 1] == b'\r' && t.as_bytes().get(i) == Some(&b'\n'))
    {
        i -= 1;
    }
    i
}

fn setup(seed: u64) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("ws");
    let outside = d.path().join("outside");
    std::fs::create_dir_all(root.join(".crosscheck/annotations")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(
        outside.join("secret.txt"),
        "Zebulon Quuxley met Kyiv officials.",
    )
    .unwrap();
    let corpus = Path::new(CORPUS);
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for (name, src) in ["a.txt", "b.txt", "c.md"]
        .iter()
        .zip(files.iter().cycle().skip(seed as usize % files.len()))
    {
        std::fs::copy(src, root.join(name)).unwrap();
    }
    std::fs::copy(
        corpus.join(".crosscheck/entities.json"),
        root.join(".crosscheck/entities.json"),
    )
    .unwrap();
    (d, root, outside)
}

fn run_cli(args: &[&str], deadline: Duration) -> (Option<i32>, String) {
    let mut child = Command::new(crosscheck_bin())
        .args(args)
        .env("CROSSCHECK_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut { err }, &mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s.code();
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return (None, reader.join().unwrap());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (status, reader.join().unwrap())
}

fn fuzz(seed: u64, steps: usize) {
    let (dir, root, outside) = setup(seed);
    let log_path = dir.path().join("server.log");
    let log_file = std::fs::File::create(&log_path).unwrap();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xC0FFEE);
    let apply = rng.chance(50);
    let utf8 = rng.chance(50);
    let c = Client::spawn_full(
        &["lsp"],
        // Requests give up on analyses after 3 s: huge inserts answer with
        // ContentModified instead of holding the run up.
        &[("CROSSCHECK_FRESHNESS_MS", "3000")],
        Arc::new(|m: &Value| {
            let r = if m["method"] == "workspace/applyEdit" {
                json!({"applied": false, "failureReason": "the fuzz client applies nothing"})
            } else {
                Value::Null
            };
            (r, Vec::new())
        }),
        Stdio::from(log_file),
    );
    let mut f = Fuzz {
        c,
        rng,
        root: root.clone(),
        outside: outside.clone(),
        sources: snapshot(&root)
            .into_iter()
            .filter(|(p, _)| !p.starts_with(root.join(".crosscheck")))
            .collect(),
        outside_before: snapshot(&outside),
        docs: BTreeMap::new(),
        next_id: 1000,
        log: Vec::new(),
        seed,
        log_path,
    };
    let encodings = if utf8 {
        json!(["utf-8", "utf-16"])
    } else {
        json!(["utf-16"])
    };
    let init = f.ask(
        "initialize",
        json!({"processId": null, "rootUri": file_uri(&root),
            "capabilities": {"general": {"positionEncodings": encodings},
                "window": {"workDoneProgress": true},
                "workspace": {"applyEdit": apply, "didChangeWatchedFiles": {"dynamicRegistration": true},
                    "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}}},
            "workspaceFolders": [{"uri": file_uri(&root), "name": "ws"}]}),
    );
    if utf8 && init["result"]["capabilities"]["positionEncoding"] == "utf-8" {
        // Positions here are computed in utf-16; keep the checks simple.
    }
    f.c.notify("initialized", json!({}));
    for _ in 0..steps {
        match f.rng.below(100) {
            0..=29 => f.request_about_a_document(),
            30..=49 => f.edit(),
            50..=59 => f.open_or_close(),
            60..=84 => f.mutated(),
            _ => f.disk(),
        }
        if !f.c.alive() {
            f.fail("the server died");
        }
    }
    // Still answering, and small.
    let r = f.ask("workspace/symbol", json!({"query": ""}));
    if r.get("result").is_none() {
        f.fail(&format!("workspace/symbol failed at the end: {r}"));
    }
    let rss = f.c.peak_rss_kb().unwrap_or(0);
    if rss > MAX_RSS_KB {
        f.fail(&format!("peak RSS {rss} kB"));
    }
    let r = f.ask("shutdown", Value::Null);
    if r.get("error").is_some() {
        f.fail(&format!("shutdown failed: {r}"));
    }
    f.c.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(20);
    while f.c.alive() {
        if Instant::now() > deadline {
            f.fail("the server did not exit after shutdown and exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let log = std::fs::read_to_string(&f.log_path).unwrap_or_default();
    if log.contains("panicked at") {
        f.fail("the server panicked (see its log)");
    }
    // Nothing outside written, no source changed.
    let after = snapshot(&outside);
    if after != f.outside_before {
        let changed: Vec<&PathBuf> = after
            .keys()
            .chain(f.outside_before.keys())
            .filter(|p| after.get(*p) != f.outside_before.get(*p))
            .collect();
        f.fail(&format!(
            "a file outside the folder was written: {changed:?}"
        ));
    }
    for (p, bytes) in &f.sources {
        if std::fs::read(p).ok().as_ref() != Some(bytes) {
            f.fail(&format!("source {} was changed", p.display()));
        }
    }
    // The command line on what the fuzz left behind.
    let out = dir.path().join("export");
    let r = root.to_str().unwrap();
    for args in [
        vec!["check", r, "--format", "json"],
        vec!["entities", r],
        vec!["export", "--format", "w3c", r, out.to_str().unwrap()],
    ] {
        let (code, err) = run_cli(&args, Duration::from_secs(60));
        match code {
            None => f.fail(&format!("crosscheck {args:?} did not finish")),
            Some(c) if !(0..=2).contains(&c) || err.contains("panicked at") => {
                f.fail(&format!("crosscheck {args:?} exited {c}: {err}"))
            }
            _ => {}
        }
    }
    if snapshot(&outside) != f.outside_before {
        f.fail("the command line wrote outside the folder");
    }
}

fn seeds() -> Vec<u64> {
    match std::env::var("CROSSCHECK_FUZZ_SEEDS") {
        Ok(s) => {
            if let Some((a, b)) = s.split_once("..") {
                (a.trim().parse().unwrap()..b.trim().parse().unwrap()).collect()
            } else {
                s.split(',').filter_map(|x| x.trim().parse().ok()).collect()
            }
        }
        Err(_) => vec![1, 2, 3],
    }
}

#[test]
fn fuzz_the_server_and_the_command_line() {
    let steps = std::env::var("CROSSCHECK_FUZZ_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    for seed in seeds() {
        fuzz(seed, steps);
    }
}
