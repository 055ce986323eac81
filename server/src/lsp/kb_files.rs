//! Language features inside `.crosscheck/` files: hover and go-to-
//! definition on entity ids (to the KB entry in `entities.json`, or to the
//! corpus when only the analysis knows the id) and on annotations (to the
//! annotated text of the source), and completion of entity ids, entity
//! types, annotation kinds and claim statuses. Diagnostics come from
//! `lsp::annotations`.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ropey::Rope;
use tower_lsp::ls_types::*;

use super::convert::{path_to_uri, position_to_offset, range_to_lsp, Encoding};
use super::handlers::Locator;
use super::state::{lock, State};
use crate::analysis::model::EntityKind;
use crate::analysis::Snapshot;
use crate::annotations::model::{kind, CLAIM_STATUSES};
use crate::annotations::paths::source_of_annotation_path;
use crate::annotations::AnnotationSet;
use crate::ide::FileRange;

/// Most entity ids offered at once.
const MAX_COMPLETIONS: usize = 200;

/// What a request about a `.crosscheck/` file needs.
struct Ctx {
    root: PathBuf,
    path: PathBuf,
    text: String,
    rope: Rope,
    enc: Encoding,
    set: Arc<AnnotationSet>,
    snap: Option<Arc<Snapshot>>,
    open: Vec<(PathBuf, Uri)>,
}

fn ctx(state: &State, path: &Path) -> Option<Ctx> {
    let root = state.annotation_root(path)?;
    let set = state.folder_set(&root)?;
    let text = match lock(&state.docs).get(path) {
        Some(d) => d.text.to_string(),
        // As loaded (a file that is not safe to read was not loaded).
        None => crate::ide::annotated::loaded_text(&set, path)?.to_string(),
    };
    let snap = {
        let mut ws = lock(&state.workspaces);
        let i = ws.roots().iter().position(|r| *r == root)?;
        ws.snapshots().get(i).cloned()
    };
    Some(Ctx {
        rope: Rope::from_str(&text),
        root,
        path: path.to_path_buf(),
        text,
        enc: state.config().encoding,
        set,
        snap,
        open: state.open_uris(),
    })
}

/// The JSON string literal around byte `off`: (content range, content, the
/// key it is the value of, or None when it is itself a key).
fn string_at(text: &str, off: usize) -> Option<(std::ops::Range<usize>, String, Option<String>)> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut last_key: Option<String> = None;
    while i < b.len() {
        if b[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        while j < b.len() && b[j] != b'"' {
            j += if b[j] == b'\\' { 2 } else { 1 };
        }
        let end = j.min(b.len());
        let content = text.get(start..end)?.to_string();
        let is_key = text[end.min(text.len())..]
            .trim_start_matches('"')
            .trim_start()
            .starts_with(':');
        if start <= off && off <= end {
            let key = if is_key { None } else { last_key };
            return Some((start..end, content, key));
        }
        if is_key {
            last_key = Some(content);
        }
        i = end + 1;
    }
    None
}

fn entity_markdown(c: &Ctx, id: &str) -> Option<String> {
    let mut md = String::new();
    if let Some(e) = c.set.entity(id) {
        md.push_str(&format!("**{}** — {} (knowledge base)\n", e.name, e.kind));
        if !e.aliases.is_empty() {
            md.push_str(&format!("\nAlso written: {}\n", e.aliases.join(", ")));
        }
        if let Some(d) = &e.description {
            md.push_str(&format!("\n{d}\n"));
        }
        for f in &e.facts {
            let what = f.role.as_deref().or(f.object.as_deref()).unwrap_or("");
            md.push_str(&format!(
                "\n- {} {what} ({} to {})",
                f.predicate,
                f.from.as_deref().unwrap_or("?"),
                f.to.as_deref().unwrap_or("now")
            ));
        }
    }
    if let Some(e) = c
        .snap
        .as_ref()
        .and_then(|s| s.entity_by_id(c.set.resolve_id(id)))
    {
        if md.is_empty() {
            md.push_str(&format!(
                "**{}** — {} (found by the analysis)\n",
                e.canonical,
                e.kind.as_str()
            ));
        }
        md.push_str(&format!(
            "\n\n{} mentions in {} files",
            e.mentions.len(),
            e.file_count
        ));
    }
    (!md.is_empty()).then_some(md)
}

/// The annotation item around `off` in an annotation file, placed in its
/// source: (source path, byte span there, annotation id).
fn anchor_at(
    state: &State,
    c: &Ctx,
    off: usize,
) -> Option<(PathBuf, std::ops::Range<usize>, String, String)> {
    let src = source_of_annotation_path(&c.root, &c.path)?;
    let loaded = c.set.files.get(&src)?;
    let (id, _) = loaded
        .parsed
        .item_spans
        .iter()
        .filter(|(_, r)| r.start <= off && off <= r.end)
        .min_by_key(|(_, r)| r.end - r.start)?;
    let spath = c.root.join(&src);
    let text = c
        .snap
        .as_ref()
        .and_then(|s| s.file_id(&spath).map(|f| s.file(f).text.to_string()))
        .or_else(|| {
            let opts = state.scan_for(&c.root);
            crate::workspace::read_source(&c.root, &spath, &opts).ok()
        })?;
    let a = c.set.anchor_file(&src, &text);
    let p = a.placed.iter().find(|p| &p.id == id)?;
    Some((spath, p.span.clone(), id.clone(), text))
}

pub fn hover(state: &State, path: &Path, pos: Position) -> Option<Hover> {
    let c = ctx(state, path)?;
    let off = position_to_offset(&c.rope, pos, c.enc)?;
    if let Some((range, value, _)) = string_at(&c.text, off) {
        if let Some(md) = entity_markdown(&c, &value) {
            return Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: md,
                }),
                range: Some(range_to_lsp(&c.rope, range.start, range.end, c.enc)),
            });
        }
    }
    let (spath, span, id, text) = anchor_at(state, &c, off)?;
    let rel = spath
        .strip_prefix(&c.root)
        .unwrap_or(&spath)
        .display()
        .to_string();
    let line = text[..span.start].matches('\n').count() + 1;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: format!("`{id}` is on \"{}\" in `{rel}`, line {line}", &text[span]),
        }),
        range: None,
    })
}

pub fn definition(state: &State, path: &Path, pos: Position) -> Option<GotoDefinitionResponse> {
    let c = ctx(state, path)?;
    let off = position_to_offset(&c.rope, pos, c.enc)?;
    if let Some((_, value, key)) = string_at(&c.text, off) {
        let is_id =
            key.is_none_or(|k| matches!(k.as_str(), "id" | "entity" | "object" | "merged_from"));
        if let (true, Some(kb)) = (is_id, c.set.kb.as_ref()) {
            let id = c.set.resolve_id(&value);
            if let Some(span) = kb.parsed.item_spans.get(id) {
                let rope = Rope::from_str(&kb.text);
                let uri = uri_for(&c.open, &kb.path)?;
                let range = range_to_lsp(&rope, span.start, span.end, c.enc);
                return Some(GotoDefinitionResponse::Scalar(Location::new(uri, range)));
            }
        }
        if let Some(snap) = &c.snap {
            if let Some(e) = snap.entity_by_id(c.set.resolve_id(&value)) {
                let mut loc = Locator::new(snap, c.enc, &c.open);
                let r = FileRange::of_mention(snap, e.definition);
                return loc.location(r).map(GotoDefinitionResponse::Scalar);
            }
        }
    }
    let (spath, span, _, text) = anchor_at(state, &c, off)?;
    let rope = Rope::from_str(&text);
    let uri = uri_for(&c.open, &spath)?;
    Some(GotoDefinitionResponse::Scalar(Location::new(
        uri,
        range_to_lsp(&rope, span.start, span.end, c.enc),
    )))
}

fn uri_for(open: &[(PathBuf, Uri)], p: &Path) -> Option<Uri> {
    match open.iter().find(|(q, _)| q == p) {
        Some((_, u)) => Some(u.clone()),
        None => path_to_uri(p),
    }
}

pub fn completion(state: &State, path: &Path, pos: Position) -> Option<CompletionResponse> {
    let c = ctx(state, path)?;
    let off = position_to_offset(&c.rope, pos, c.enc)?;
    let (range, _, key) = string_at(&c.text, off)?;
    let edit_range = range_to_lsp(&c.rope, range.start, range.end, c.enc);
    let item = |label: String, detail: Option<String>, k: CompletionItemKind| CompletionItem {
        label: label.clone(),
        kind: Some(k),
        detail,
        text_edit: Some(CompletionTextEdit::Edit(TextEdit {
            range: edit_range,
            new_text: label,
        })),
        ..Default::default()
    };
    let items: Vec<CompletionItem> = match key.as_deref()? {
        "entity" | "object" | "merged_from" => {
            let mut v: Vec<CompletionItem> = c
                .set
                .knowledge_base()
                .map(|kb| {
                    kb.entities
                        .iter()
                        .map(|e| {
                            item(
                                e.id.clone(),
                                Some(e.name.clone()),
                                CompletionItemKind::REFERENCE,
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            if let Some(snap) = &c.snap {
                for e in &snap.entities {
                    if e.kind.is_name() && !v.iter().any(|i| i.label == e.id) {
                        v.push(item(
                            e.id.clone(),
                            Some(e.canonical.clone()),
                            CompletionItemKind::VALUE,
                        ));
                    }
                }
            }
            v.truncate(MAX_COMPLETIONS);
            v
        }
        "type" => EntityKind::ALL
            .iter()
            .map(|k| {
                item(
                    k.as_str().to_string(),
                    None,
                    CompletionItemKind::ENUM_MEMBER,
                )
            })
            .collect(),
        "kind" => kind::ALL
            .iter()
            .map(|k| item(k.to_string(), None, CompletionItemKind::ENUM_MEMBER))
            .collect(),
        "status" => CLAIM_STATUSES
            .iter()
            .map(|k| item(k.to_string(), None, CompletionItemKind::ENUM_MEMBER))
            .collect(),
        _ => return None,
    };
    Some(CompletionResponse::Array(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_string_and_its_key() {
        let t = r#"{"entity": "person:a", "kind": "li"}"#;
        let (r, v, k) = string_at(t, t.find("person").unwrap() + 2).unwrap();
        assert_eq!(
            (&t[r], v.as_str(), k.as_deref()),
            ("person:a", "person:a", Some("entity"))
        );
        let (_, v, k) = string_at(t, t.find("kind").unwrap() + 1).unwrap();
        assert_eq!((v.as_str(), k), ("kind", None));
        let (_, _, k) = string_at(t, t.find("li").unwrap()).unwrap();
        assert_eq!(k.as_deref(), Some("kind"));
    }
}
