//! The open-buffer invariant, end to end over stdio against the built
//! binary: for every open buffer whose text equals the file on disk, every
//! answer (hover, definition, references, highlights, document and
//! workspace symbols, semantic tokens, diagnostics, code lens) equals the
//! answer of a server that has no file open, and what the command line
//! prints for the folder.
//!
//! A seeded random session on a copy of the example corpus with its own
//! `.crosscheck/` interleaves `initialize`/`initialized`, `didOpen` before,
//! during and after indexing, edits and their undo, `didClose`, changes of
//! the knowledge base, the links and the configuration file on disk, and
//! client configuration changes. At each checkpoint every buffer is undone
//! back to its disk text and the answers are compared with a reference
//! server started on the same disk state (and, without client settings,
//! with `crosscheck entities` and `crosscheck check`). A failure prints the
//! seed and the actions that led to it.
//!
//! `CROSSCHECK_INVARIANT_SEEDS=1,2,3` replays or extends the seeds.
#[path = "invariant_answers.rs"]
mod answers;
mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use answers::{agrees_with_cli, differences, gather, reference, Reference};
use serde_json::{json, Value};
use support::*;

pub const ENC: Enc = Enc::Utf16;

/// How long answers that are allowed to settle (published diagnostics, a
/// knowledge base changed on disk) may take to become right.
pub const SETTLE: Duration = Duration::from_secs(20);

/// Text inserted by random edits: names that link across files, a
/// sentence with a claim, odd characters.
const SNIPPETS: &[&str] = &[
    " Stoltenberg",
    " Jens Stoltenberg said on Monday.",
    "NATO Secretary General Mark Rutte said Kyiv would get more air defence, according to sources. ",
    "\n\nBłaszczak told Reuters on 04/02/2024 that Poland may send 30 tanks.\n",
    "Kiev ",
    "é😀 ",
    "\r\n",
    "",
];

/// The `.crosscheck/` states a session switches between, on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Disk {
    /// 0 as shipped; 1 Stoltenberg without aliases; 2 without Clay
    /// Kaserne; 3 with an extra organisation.
    kb: usize,
    /// 004's annotation file (links, verdicts, metadata) present.
    links: bool,
    /// 0 no config.json; 1 hedged-claim off; 2 own hedges; 3
    /// anonymous-source as an error.
    config: usize,
}

const KB_VARIANTS: usize = 4;
const CONFIGS: [Option<&str>; 4] = [
    None,
    Some(r#"{"rules": {"hedged-claim": "off"}}"#),
    Some(r#"{"hedges": ["is considering", "reportedly"]}"#),
    Some(r#"{"rules": {"anonymous-source": "error"}}"#),
];
/// Client settings (`initializationOptions` / `didChangeConfiguration`).
fn client_settings(i: usize) -> Value {
    match i {
        0 => json!({}),
        1 => json!({"crosscheck": {"rules": {"ambiguous-date": "hint"}}}),
        _ => {
            json!({"crosscheck": {"attributionVerbs": ["tweeted"], "rules": {"hedged-claim": "warning"}}})
        }
    }
}

struct Buffer {
    version: i32,
    text: String,
    /// Inverse edits, newest last: (start, end, text) in the current text.
    undo: Vec<(usize, usize, String)>,
}

struct Session {
    c: Client,
    root: PathBuf,
    kb_original: Value,
    links_original: String,
    /// (uri, disk text) of each source, in name order.
    files: Vec<(String, String)>,
    open: BTreeMap<usize, Buffer>,
    disk: Disk,
    settings: usize,
    rng: Rng,
    log: Vec<String>,
    /// Something that may take a moment to settle (a file on disk, a
    /// setting) changed since the last checkpoint.
    settling: bool,
    references: BTreeMap<(Disk, usize), Reference>,
    checkpoints: usize,
}

fn kb_path(root: &Path) -> PathBuf {
    root.join(".crosscheck/entities.json")
}

fn links_path(root: &Path) -> PathBuf {
    root.join(".crosscheck/annotations/004_c930229168f502b5.txt.json")
}

fn config_path(root: &Path) -> PathBuf {
    root.join(".crosscheck/config.json")
}

fn kb_variant(original: &Value, v: usize) -> Value {
    let mut kb = original.clone();
    let entities = kb["entities"].as_array_mut().unwrap();
    match v {
        1 => {
            for e in entities.iter_mut() {
                if e["id"] == "person:jens-stoltenberg" {
                    e["aliases"] = json!([]);
                }
            }
        }
        2 => entities.retain(|e| e["id"] != "location:clay-kaserne"),
        3 => entities.push(json!({
            "id": "organization:nsatu",
            "type": "organization",
            "name": "NATO Support and Training in Security for Ukraine",
            "aliases": ["NSATU"]
        })),
        _ => {}
    }
    kb
}

fn files_of(root: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| (file_uri(p), std::fs::read_to_string(p).unwrap()))
        .collect()
}

pub fn init_params(root: &Path, settings: usize) -> Value {
    json!({
        "processId": null,
        "capabilities": {
            "window": {"workDoneProgress": true},
            "workspace": {
                "didChangeWatchedFiles": {"dynamicRegistration": true},
                "semanticTokens": {"refreshSupport": true},
                "codeLens": {"refreshSupport": true}
            }
        },
        "initializationOptions": client_settings(settings),
        "workspaceFolders": [{"uri": file_uri(root), "name": "nato-ukraine"}],
    })
}

pub fn char_boundary_at(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Session {
    fn say(&mut self, what: String) {
        self.log.push(what);
    }

    fn fail(&self, msg: String) -> ! {
        panic!(
            "{msg}\n\nseed {} after:\n  {}",
            self.rng_seed(),
            self.log.join("\n  ")
        );
    }

    fn rng_seed(&self) -> String {
        self.log.first().cloned().unwrap_or_default()
    }

    fn write_disk(&mut self, disk: Disk) {
        let mut events = Vec::new();
        if disk.kb != self.disk.kb {
            let kb = kb_variant(&self.kb_original, disk.kb);
            std::fs::write(
                kb_path(&self.root),
                serde_json::to_string_pretty(&kb).unwrap(),
            )
            .unwrap();
            events.push(json!({"uri": file_uri(&kb_path(&self.root)), "type": 2}));
        }
        if disk.links != self.disk.links {
            let p = links_path(&self.root);
            if disk.links {
                std::fs::write(&p, &self.links_original).unwrap();
                events.push(json!({"uri": file_uri(&p), "type": 1}));
            } else {
                std::fs::remove_file(&p).unwrap();
                events.push(json!({"uri": file_uri(&p), "type": 3}));
            }
        }
        if disk.config != self.disk.config {
            let p = config_path(&self.root);
            match CONFIGS[disk.config] {
                Some(text) => {
                    let typ = if p.exists() { 2 } else { 1 };
                    std::fs::write(&p, text).unwrap();
                    events.push(json!({"uri": file_uri(&p), "type": typ}));
                }
                None => {
                    std::fs::remove_file(&p).unwrap();
                    events.push(json!({"uri": file_uri(&p), "type": 3}));
                }
            }
        }
        self.say(format!("disk {disk:?}"));
        self.disk = disk;
        if !events.is_empty() {
            self.c.notify(
                "workspace/didChangeWatchedFiles",
                json!({"changes": events}),
            );
            self.settling = true;
        }
    }

    fn did_open(&mut self, i: usize) {
        if self.open.contains_key(&i) {
            return;
        }
        let (uri, text) = self.files[i].clone();
        self.c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
        );
        self.open.insert(
            i,
            Buffer {
                version: 1,
                text,
                undo: Vec::new(),
            },
        );
        self.say(format!("open {i}"));
    }

    fn did_close(&mut self, i: usize) {
        if self.open.remove(&i).is_some() {
            let uri = self.files[i].0.clone();
            self.c.notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            );
            self.say(format!("close {i}"));
        }
    }

    /// Replace `[a, b)` of buffer `i` with `new`, as one incremental change.
    fn change(&mut self, i: usize, a: usize, b: usize, new: &str, record: bool) {
        let uri = self.files[i].0.clone();
        let buf = self.open.get_mut(&i).unwrap();
        let range =
            json!({"start": position(&buf.text, a, ENC), "end": position(&buf.text, b, ENC)});
        let old = buf.text[a..b].to_string();
        buf.text.replace_range(a..b, new);
        buf.version += 1;
        if record {
            buf.undo.push((a, a + new.len(), old));
        }
        let v = buf.version;
        self.c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v},
                   "contentChanges": [{"range": range, "text": new}]}),
        );
    }

    fn random_edit(&mut self, i: usize) {
        let text = &self.open[&i].text;
        let a = char_boundary_at(text, self.rng.below(text.len() + 1));
        let b = if self.rng.chance(40) {
            char_boundary_at(text, a + self.rng.below(60))
        } else {
            a
        };
        let new = *self.rng.pick(SNIPPETS);
        self.say(format!("edit {i} {a}..{b} {new:?}"));
        self.change(i, a, b, new, true);
    }

    /// Undo every edit of buffer `i`: step by step as an editor's undo, or
    /// (sometimes) as one full-text change.
    fn undo_all(&mut self, i: usize) {
        let Some(buf) = self.open.get(&i) else { return };
        if buf.undo.is_empty() {
            return;
        }
        if self.rng.chance(25) {
            let (uri, disk) = self.files[i].clone();
            let buf = self.open.get_mut(&i).unwrap();
            buf.version += 1;
            buf.text = disk.clone();
            buf.undo.clear();
            let v = buf.version;
            self.c.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": disk}]}),
            );
            self.say(format!("undo {i} (full text)"));
        } else {
            while let Some((a, b, old)) = self.open.get_mut(&i).unwrap().undo.pop() {
                self.change(i, a, b, &old, false);
            }
            self.say(format!("undo {i}"));
        }
        assert_eq!(self.open[&i].text, self.files[i].1);
    }

    fn set_client_settings(&mut self, s: usize) {
        self.settings = s;
        self.c.notify(
            "workspace/didChangeConfiguration",
            json!({"settings": client_settings(s)}),
        );
        self.settling = true;
        self.say(format!("client settings {s}"));
    }

    /// The answers of a server with no open file on the current state,
    /// checked against the command line when no client setting applies.
    fn reference(&self) -> Reference {
        let r = reference(&self.root, &self.files, self.settings);
        if self.settings == 0 {
            if let Err(e) = agrees_with_cli(&self.root, &self.files, &r) {
                self.fail(format!(
                    "the server with no open file disagrees with the CLI: {e}"
                ));
            }
        }
        r
    }

    /// Every buffer back to its disk text, then compare.
    fn checkpoint(&mut self) {
        let open: Vec<usize> = self.open.keys().copied().collect();
        for i in open {
            self.undo_all(i);
        }
        self.checkpoints += 1;
        self.say(format!("checkpoint {}", self.checkpoints));
        let key = (self.disk, self.settings);
        if !self.references.contains_key(&key) {
            let r = self.reference();
            self.references.insert(key, r);
        }
        let r = &self.references[&key];
        // Positions: every token of the open files, a few of the others.
        let mut tokens: Vec<Vec<Value>> = vec![Vec::new(); self.files.len()];
        for (i, all) in r.tokens.iter().enumerate() {
            if self.open.contains_key(&i) {
                tokens[i] = all.clone();
            } else if !all.is_empty() {
                for _ in 0..4 {
                    tokens[i].push(all[self.rng.below(all.len())].clone());
                }
            }
        }
        let want: BTreeMap<String, Value> = r
            .answers
            .iter()
            .filter(|(k, _)| {
                !["hover ", "definition ", "highlight ", "references "]
                    .iter()
                    .any(|p| k.starts_with(p))
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        // The reference's answers at the chosen positions.
        let pick = |k: &str| -> bool {
            ["hover ", "definition ", "highlight ", "references "]
                .iter()
                .any(|p| k.starts_with(p))
        };
        let mut want = want;
        for (k, v) in r.answers.iter().filter(|(k, _)| pick(k)) {
            want.insert(k.clone(), v.clone());
        }
        let strict = !self.settling;
        let deadline = Instant::now() + SETTLE;
        let mut first = true;
        loop {
            let got = gather(&mut self.c, &self.files, &tokens);
            let want_here: BTreeMap<String, Value> = want
                .iter()
                .filter(|(k, _)| !pick(k) || got.contains_key(*k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let diff = differences(&want_here, &got);
            if diff.is_empty() {
                break;
            }
            if (strict && first) || Instant::now() > deadline {
                let when = if strict && first {
                    "right after buffer changes"
                } else {
                    "after settling"
                };
                self.fail(format!(
                    "answers differ from a server with no open file ({when}):\n{}",
                    diff.join("\n")
                ));
            }
            first = false;
            self.c.drain(Duration::from_millis(300));
        }
        // Published diagnostics settle after a debounce.
        let deadline = Instant::now() + SETTLE;
        loop {
            self.c.drain(Duration::from_millis(300));
            let got = self.c.published();
            let diff = differences(&r.published, &got);
            if diff.is_empty() {
                break;
            }
            if Instant::now() > deadline {
                self.fail(format!(
                    "published diagnostics differ from a server with no open file:\n{}",
                    diff.join("\n")
                ));
            }
        }
        self.settling = false;
    }
}

/// When the first files are opened relative to the server's start.
#[derive(Clone, Copy, Debug)]
enum Start {
    /// Between the `initialize` answer and `initialized`.
    BeforeInitialized,
    /// Right after `initialized`, while the folder is indexed (what
    /// editors do: the file is open, then the server starts).
    DuringIndexing,
    /// After the "ready" status.
    AfterIndexing,
}

fn session(seed: u64, steps: usize) {
    let (_tmp, root) = example_with_annotations();
    let mut rng = Rng(seed);
    let start = [
        Start::BeforeInitialized,
        Start::DuringIndexing,
        Start::AfterIndexing,
    ][seed as usize % 3];
    let settings = if rng.chance(70) { 0 } else { 1 + rng.below(2) };
    let kb_original: Value =
        serde_json::from_str(&std::fs::read_to_string(kb_path(&root)).unwrap()).unwrap();
    let links_original = std::fs::read_to_string(links_path(&root)).unwrap();
    let files = files_of(&root);
    let c = Client::spawn(&["lsp"]);
    let mut s = Session {
        c,
        root: root.clone(),
        kb_original,
        links_original,
        files,
        open: BTreeMap::new(),
        disk: Disk {
            kb: 0,
            links: true,
            config: 0,
        },
        settings,
        rng,
        log: vec![
            format!("{seed}"),
            format!("start {start:?}, client settings {settings}"),
        ],
        settling: false,
        references: BTreeMap::new(),
        checkpoints: 0,
    };
    // The first reference before the server under test starts, so the
    // first questions reach it while it is still indexing.
    let r = s.reference();
    s.references.insert((s.disk, s.settings), r);
    s.c.call("initialize", init_params(&root, settings));
    let first = s.rng.below(s.files.len());
    match start {
        Start::BeforeInitialized => {
            s.did_open(first);
            s.c.notify("initialized", json!({}));
        }
        Start::DuringIndexing => {
            s.c.notify("initialized", json!({}));
            s.did_open(first);
        }
        Start::AfterIndexing => {
            s.c.notify("initialized", json!({}));
            s.c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
            s.did_open(first);
        }
    }
    // Ask at once, without waiting for "ready": cross-file answers must
    // already be right (the server waits for the index, or refreshes).
    s.checkpoint();
    for _ in 0..steps {
        let n = s.files.len();
        match s.rng.below(100) {
            0..=19 => {
                let i = s.rng.below(n);
                s.did_open(i);
            }
            20..=49 => {
                let open: Vec<usize> = s.open.keys().copied().collect();
                if let Some(&i) = open.get(s.rng.below(open.len().max(1))) {
                    for _ in 0..1 + s.rng.below(3) {
                        s.random_edit(i);
                    }
                }
            }
            50..=57 => {
                let i = s.rng.below(n);
                s.did_close(i);
            }
            58..=71 => {
                let mut d = s.disk;
                match s.rng.below(3) {
                    0 => d.kb = s.rng.below(KB_VARIANTS),
                    1 => d.links = !d.links,
                    _ => d.config = s.rng.below(CONFIGS.len()),
                }
                s.write_disk(d);
            }
            72..=77 => {
                let v = s.rng.below(3);
                s.set_client_settings(v);
            }
            _ => s.checkpoint(),
        }
    }
    s.checkpoint();
    let status = s.c.shutdown_exit();
    assert!(status.success(), "exit status {status:?}");
}

fn seeds(default: &[u64]) -> Vec<u64> {
    match std::env::var("CROSSCHECK_INVARIANT_SEEDS") {
        Ok(s) => s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) => default.to_vec(),
    }
}

/// Each start order once, on the annotated example.
#[test]
fn open_buffers_answer_like_closed_files_and_the_cli() {
    for seed in seeds(&[1, 2, 3]) {
        session(seed, 24);
    }
}
