//! The answers the invariant test compares: gathered from a server over
//! stdio, from a reference server with no open file, and from the command
//! line (`crosscheck entities` and `crosscheck check`).
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::*;
use crate::{char_boundary_at, init_params, ENC, SETTLE};

/// What a server with no open file answers for one state.
pub struct Reference {
    /// The same as `Answers`, positions taken from its semantic tokens.
    pub tokens: Vec<Vec<Value>>,
    pub answers: BTreeMap<String, Value>,
    pub published: BTreeMap<String, Value>,
}

/// Lists whose order carries no meaning, sorted for comparison.
pub fn sorted(v: Value) -> Value {
    match v {
        Value::Array(mut a) => {
            a.sort_by_key(|x| x.to_string());
            Value::Array(a)
        }
        other => other,
    }
}

/// Every answer the session compares, keyed by what was asked.
pub fn gather(
    c: &mut Client,
    files: &[(String, String)],
    tokens: &[Vec<Value>],
) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let syms = c.call("workspace/symbol", json!({"query": ""}));
    let syms = sorted(syms);
    // The entity partition: every entity's references from its definition.
    for s in syms.as_array().unwrap() {
        let loc = &s["location"];
        let refs = c.call(
            "textDocument/references",
            json!({"textDocument": {"uri": loc["uri"]}, "position": loc["range"]["start"],
                   "context": {"includeDeclaration": true}}),
        );
        out.insert(format!("entity {} {}", s["name"], loc), sorted(refs));
    }
    out.insert("workspace/symbol".into(), syms);
    for (i, (uri, _)) in files.iter().enumerate() {
        let doc = json!({"textDocument": {"uri": uri}});
        let name = &uri[uri.len() - 30..];
        for m in [
            "textDocument/documentSymbol",
            "textDocument/semanticTokens/full",
            "textDocument/codeLens",
        ] {
            out.insert(format!("{m} {name}"), c.call(m, doc.clone()));
        }
        out.insert(
            format!("sourceDiagnostics {name}"),
            c.call("crosscheck/sourceDiagnostics", json!({"uri": uri})),
        );
        for pos in &tokens[i] {
            let at = json!({"textDocument": {"uri": uri}, "position": pos});
            let key = |m: &str| format!("{m} {name} {}:{}", pos["line"], pos["character"]);
            out.insert(key("hover"), c.call("textDocument/hover", at.clone()));
            out.insert(
                key("definition"),
                c.call("textDocument/definition", at.clone()),
            );
            out.insert(
                key("highlight"),
                c.call("textDocument/documentHighlight", at.clone()),
            );
            let mut refs = at.clone();
            refs["context"] = json!({"includeDeclaration": false});
            out.insert(
                key("references"),
                sorted(c.call("textDocument/references", refs)),
            );
        }
    }
    out
}

/// The first differences between two answer maps, for a failure message.
pub fn differences(want: &BTreeMap<String, Value>, got: &BTreeMap<String, Value>) -> Vec<String> {
    let keys: BTreeSet<&String> = want.keys().chain(got.keys()).collect();
    keys.into_iter()
        .filter(|k| want.get(*k) != got.get(*k))
        .take(4)
        .map(|k| {
            let show = |v: Option<&Value>| {
                let s = v.map_or("(none)".to_string(), |v| v.to_string());
                if s.len() > 600 {
                    format!("{}…", &s[..char_boundary_at(&s, 600)])
                } else {
                    s
                }
            };
            format!(
                "{k}\n  want {}\n  got  {}",
                show(want.get(k)),
                show(got.get(k))
            )
        })
        .collect()
}

/// Token start positions of a file, from its semantic tokens.
fn token_positions(tokens: &Value) -> Vec<Value> {
    let data = tokens["data"].as_array().cloned().unwrap_or_default();
    decode_tokens(&data)
        .into_iter()
        .map(|(line, col, _, _)| json!({"line": line, "character": col}))
        .collect()
}

/// Wait until nothing is published for a while: the diagnostics settled.
fn quiet(c: &mut Client) {
    let deadline = Instant::now() + SETTLE;
    let mut n = c.seen.len();
    loop {
        c.drain(Duration::from_millis(1200));
        if c.seen.len() == n || Instant::now() > deadline {
            return;
        }
        n = c.seen.len();
    }
}

/// A fresh server on the folder as it is on disk, no file open.
pub fn reference(root: &Path, files: &[(String, String)], settings: usize) -> Reference {
    let mut c = Client::spawn(&["lsp"]);
    c.initialize(init_params(root, settings));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    quiet(&mut c);
    let tokens: Vec<Vec<Value>> = files
        .iter()
        .map(|(uri, _)| {
            token_positions(&c.call(
                "textDocument/semanticTokens/full",
                json!({"textDocument": {"uri": uri}}),
            ))
        })
        .collect();
    let answers = gather(&mut c, files, &tokens);
    let published = c.published();
    let _ = c.shutdown_exit();
    Reference {
        tokens,
        answers,
        published,
    }
}

fn run_cli(args: &[&str]) -> Value {
    let out = std::process::Command::new(crosscheck_bin())
        .args(args)
        .env("CROSSCHECK_LOG", "off")
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "crosscheck {args:?}: {e}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// 1-based line and character column -> LSP position (utf-16).
fn lsp_pos(text: &str, line: u64, col: u64) -> Value {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum();
    let off: usize = text[start..]
        .char_indices()
        .nth(col as usize - 1)
        .map_or(text.len(), |(i, _)| start + i);
    position(text, off, ENC)
}

/// The server with no open file says what the command line says: the same
/// entities with the same mentions, the same diagnostics.
pub fn agrees_with_cli(
    root: &Path,
    files: &[(String, String)],
    r: &Reference,
) -> Result<(), String> {
    let dir = root.to_str().unwrap();
    let text_of = |rel: &str| -> &str {
        &files
            .iter()
            .find(|(u, _)| u.ends_with(&format!("/{rel}")))
            .unwrap_or_else(|| panic!("no file {rel}"))
            .1
    };
    let rel_of = |uri: &str| uri.rsplit('/').next().unwrap().to_string();
    // Entities: the partition of mentions.
    let cli_entities = run_cli(&["entities", dir, "--format", "json"]);
    let mut cli: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    for e in cli_entities.as_array().unwrap() {
        let mut group = BTreeSet::new();
        for m in e["mentions"].as_array().unwrap() {
            let rel = m["path"].as_str().unwrap();
            let text = text_of(rel);
            let ci = |c: u64| {
                text.char_indices()
                    .nth(c as usize)
                    .map_or(text.len(), |x| x.0)
            };
            let (a, b) = (
                ci(m["start"].as_u64().unwrap()),
                ci(m["end"].as_u64().unwrap()),
            );
            group.insert(format!(
                "{rel} {} {}",
                position(text, a, ENC),
                position(text, b, ENC)
            ));
        }
        cli.insert(group);
    }
    let mut server: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    for (k, refs) in &r.answers {
        if !k.starts_with("entity ") {
            continue;
        }
        let group: BTreeSet<String> = refs
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                format!(
                    "{} {} {}",
                    rel_of(l["uri"].as_str().unwrap()),
                    l["range"]["start"],
                    l["range"]["end"]
                )
            })
            .collect();
        server.insert(group);
    }
    if cli != server {
        let only_cli: Vec<_> = cli.difference(&server).take(3).collect();
        let only_server: Vec<_> = server.difference(&cli).take(3).collect();
        return Err(format!(
            "entities: {} in the CLI, {} in the server; only in the CLI {only_cli:?}; only in the server {only_server:?}",
            cli.len(),
            server.len()
        ));
    }
    // Diagnostics of the sources and findings about `.crosscheck/` files.
    let check = run_cli(&["check", dir, "--format", "json", "--fail-on", "never"]);
    let sev = |s: &str| match s {
        "error" => 1,
        "warning" => 2,
        "information" => 3,
        _ => 4,
    };
    let mut cli = BTreeSet::new();
    for d in check.as_array().unwrap() {
        let rel = d["path"].as_str().unwrap();
        let text = if rel.starts_with(".crosscheck/") {
            std::fs::read_to_string(root.join(rel)).unwrap()
        } else {
            text_of(rel).to_string()
        };
        let (l, c) = (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
        let (el, ec) = (
            d["endLine"].as_u64().unwrap(),
            d["endColumn"].as_u64().unwrap(),
        );
        cli.insert(format!(
            "{rel} {} {} {} {} {}",
            lsp_pos(&text, l, c),
            lsp_pos(&text, el, ec),
            sev(d["severity"].as_str().unwrap()),
            d["code"].as_str().unwrap(),
            d["message"].as_str().unwrap()
        ));
    }
    let mut server = BTreeSet::new();
    let mut add = |rel: String, diags: &Value| {
        for d in diags.as_array().unwrap() {
            server.insert(format!(
                "{rel} {} {} {} {} {}",
                d["range"]["start"],
                d["range"]["end"],
                d["severity"],
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            ));
        }
    };
    for (uri, _) in files {
        let name = &uri[uri.len() - 30..];
        add(
            rel_of(uri),
            &r.answers[&format!("sourceDiagnostics {name}")],
        );
    }
    let prefix = format!("{}/", file_uri(root));
    for (uri, diags) in &r.published {
        if let Some(rel) = uri.strip_prefix(&prefix) {
            if rel.starts_with(".crosscheck/") {
                add(rel.to_string(), diags);
            }
        }
    }
    if cli != server {
        let only_cli: Vec<_> = cli.difference(&server).take(3).collect();
        let only_server: Vec<_> = server.difference(&cli).take(3).collect();
        return Err(format!(
            "diagnostics: only in the CLI {only_cli:?}; only in the server {only_server:?}"
        ));
    }
    Ok(())
}
