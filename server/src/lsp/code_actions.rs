//! `textDocument/codeAction` on source files: each action is a command
//! (see `lsp::commands`), so its edit is computed when chosen, against the
//! annotations and buffers as they are then.
use std::sync::Arc;

use serde_json::{json, Value};
use tower_lsp::ls_types::*;

use super::commands as cmd;
use super::convert::{range_from_lsp, range_to_lsp};
use super::state::FileCtx;
use crate::analysis::text::fold::ascii_key;
use crate::annotations::AnnotationSet;

/// Most entities offered as link targets.
const MAX_CANDIDATES: usize = 5;

fn action(title: String, kind: CodeActionKind, command: &str, arg: Value) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title: title.clone(),
        kind: Some(kind),
        command: Some(Command {
            title,
            command: command.to_string(),
            arguments: Some(vec![arg]),
        }),
        ..Default::default()
    })
}

fn words(s: &str) -> Vec<String> {
    ascii_key(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_string)
        .collect()
}

/// Names alike: one shares a word with the other, or contains it.
fn similar(a: &str, b: &str) -> bool {
    let (ka, kb) = (ascii_key(a), ascii_key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    let wb = words(b);
    ka.contains(&kb) || kb.contains(&ka) || words(a).iter().any(|w| wb.contains(w))
}

/// (id, name, from the KB) of entities a mention could be linked to.
fn candidates(
    ctx: &FileCtx,
    set: Option<&AnnotationSet>,
    kind: &str,
    text: &str,
    current: &str,
) -> Vec<(String, String, bool)> {
    let mut out: Vec<(String, String, bool)> = Vec::new();
    if let Some(kb) = set.and_then(|s| s.knowledge_base()) {
        for e in &kb.entities {
            let alike = std::iter::once(&e.name)
                .chain(e.aliases.iter())
                .any(|n| similar(n, text));
            if e.kind == kind && e.id != current && alike {
                out.push((e.id.clone(), e.name.clone(), true));
            }
        }
    }
    for e in &ctx.snap.entities {
        if e.kind.as_str() == kind
            && e.id != current
            && !out.iter().any(|(id, _, _)| *id == e.id)
            && (similar(&e.canonical, text) || e.aliases.iter().any(|a| similar(a, text)))
        {
            out.push((e.id.clone(), e.canonical.clone(), false));
        }
    }
    out.truncate(MAX_CANDIDATES);
    out
}

pub fn code_actions(
    ctx: &FileCtx,
    set: Option<Arc<AnnotationSet>>,
    uri: &Uri,
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let (start, end) = range_from_lsp(&ctx.rope, params.range, ctx.enc);
    let file = ctx.snap.file(ctx.file);
    let text: &str = &file.text;
    let lsp = |a: usize, b: usize| range_to_lsp(&ctx.rope, a, b, ctx.enc);
    let qf = CodeActionKind::QUICKFIX;
    let rw = CodeActionKind::REFACTOR_REWRITE;

    // On a mention: link, create, alias, not an entity.
    if let Some((m, e)) = ctx.snap.entity_at(ctx.file, start) {
        let mm = ctx.snap.mention(m);
        let said = &text[mm.start..mm.end];
        let range = lsp(mm.start, mm.end);
        let kind = e.kind.as_str();
        for (id, name, in_kb) in candidates(ctx, set.as_deref(), kind, said, &e.id) {
            let from = if in_kb { "knowledge base" } else { "corpus" };
            out.push(action(
                format!("Link \"{said}\" to {name} ({from}: {id})"),
                rw.clone(),
                cmd::LINK,
                json!({"uri": uri, "range": range, "entity": id}),
            ));
        }
        let in_kb = set.as_ref().is_some_and(|s| s.entity(&e.id).is_some());
        if !in_kb {
            out.push(action(
                format!(
                    "Create a knowledge-base entity \"{}\" from \"{said}\"",
                    e.canonical
                ),
                rw.clone(),
                cmd::CREATE,
                json!({"uri": uri, "range": range, "kind": kind, "name": e.canonical}),
            ));
        }
        let kb_knows = set
            .as_ref()
            .and_then(|s| s.entity(&e.id))
            .is_some_and(|k| k.name == said || k.aliases.iter().any(|a| a == said));
        if said != e.canonical && !kb_knows {
            out.push(action(
                format!("Add \"{said}\" as a spelling of {}", e.canonical),
                rw.clone(),
                cmd::ALIAS,
                json!({"uri": uri, "range": range, "entity": e.id, "alias": said}),
            ));
        }
        out.push(action(
            format!("Mark \"{said}\" as not an entity"),
            qf.clone(),
            cmd::NOT_ENTITY,
            json!({"uri": uri, "range": range}),
        ));
    }

    let mut offered: Vec<Vec<usize>> = Vec::new();
    // On a crosscheck diagnostic: a verdict on the claims it is about
    // (where a person asks for it: on the diagnostic's own range, which
    // for an anonymous source may lie outside the claims resting on it),
    // and dismissing it (keyed by its text).
    for d in &params.context.diagnostics {
        if d.source.as_deref() != Some("crosscheck") {
            continue;
        }
        let Some(NumberOrString::String(code)) = &d.code else {
            continue;
        };
        if code == "orphaned-annotation" {
            continue; // re-attach or delete it instead
        }
        let (a, b) = range_from_lsp(&ctx.rope, d.range, ctx.enc);
        let claims = crate::ide::diagnostics::claims_behind(&ctx.snap, ctx.file, code, a, b);
        if !claims.is_empty() && !offered.contains(&claims) {
            out.extend(verdicts(ctx, uri, &claims, qf.clone(), Some(d)));
            offered.push(claims);
        }
        out.push(action(
            format!("Dismiss this {code} diagnostic"),
            qf.clone(),
            cmd::DISMISS,
            json!({"uri": uri, "range": d.range, "code": code}),
        ));
    }

    // On a claim sentence: a verdict (unless a diagnostic offered it).
    let fc = ctx.snap.claims().files.get(ctx.file as usize);
    if let Some(i) = fc.and_then(|fc| fc.claim_at(start)) {
        if !offered.contains(&vec![i]) {
            out.extend(verdicts(ctx, uri, &[i], rw.clone(), None));
        }
    }

    // Near the dateline: confirm the inferred publication date.
    let first_line = text.find('\n').unwrap_or(text.len());
    let date = ctx
        .snap
        .claims()
        .files
        .get(ctx.file as usize)
        .and_then(|fc| fc.date.date.clone());
    let has_date = set
        .as_ref()
        .and_then(|s| s.metadata(&file.rel_path))
        .is_some_and(|m| m.published.is_some());
    if let Some(d) = date.filter(|_| !has_date) {
        let near = start <= first_line || (start <= d.end && d.start <= end);
        if near && d.lo == d.hi {
            let iso = format!("{:04}-{:02}-{:02}", d.lo.y, d.lo.m, d.lo.d);
            out.push(action(
                format!("Set this source's publication date to {iso} (inferred)"),
                rw.clone(),
                cmd::METADATA,
                json!({"uri": uri, "published": iso}),
            ));
        }
    }

    // A selection and orphans: re-attach one there.
    if end > start {
        if let Some(s) = &set {
            for o in s.anchor_file(&file.rel_path, text).orphans {
                out.push(action(
                    format!(
                        "Re-attach orphaned {} \"{}\" to the selection",
                        o.kind, o.quote
                    ),
                    qf.clone(),
                    cmd::REATTACH,
                    json!({"uri": uri, "range": params.range, "id": o.id}),
                ));
            }
        }
    }
    out
}

/// "Mark this claim verified / disputed / false" for one claim (by index
/// in the file's claims), or the same for several at once ("Mark the 3
/// claims resting on this source ..."); tied to `diagnostic` when offered
/// from one.
fn verdicts(
    ctx: &FileCtx,
    uri: &Uri,
    claims: &[usize],
    kind: CodeActionKind,
    diagnostic: Option<&Diagnostic>,
) -> Vec<CodeActionOrCommand> {
    let Some(fc) = ctx.snap.claims().files.get(ctx.file as usize) else {
        return Vec::new();
    };
    let ranges: Vec<Range> = claims
        .iter()
        .map(|&i| range_to_lsp(&ctx.rope, fc.claims[i].start, fc.claims[i].end, ctx.enc))
        .collect();
    ["verified", "disputed", "false"]
        .into_iter()
        .map(|status| {
            let (title, arg) = match ranges.as_slice() {
                [one] => (
                    format!("Mark this claim {status}"),
                    json!({"uri": uri, "range": one, "status": status}),
                ),
                many => (
                    format!(
                        "Mark the {} claims resting on this source {status}",
                        many.len()
                    ),
                    json!({"uri": uri, "ranges": many, "status": status}),
                ),
            };
            let mut a = action(title, kind.clone(), cmd::CLAIM, arg);
            if let (CodeActionOrCommand::CodeAction(a), Some(d)) = (&mut a, diagnostic) {
                a.diagnostics = Some(vec![d.clone()]);
            }
            a
        })
        .collect()
}

/// Answer a code action request for a source file.
pub fn answer(
    state: &super::state::State,
    ctx: &FileCtx,
    params: &CodeActionParams,
) -> Option<CodeActionResponse> {
    let set = state.set_for(&ctx.snap.file(ctx.file).path).map(|(_, s)| s);
    Some(code_actions(ctx, set, &params.text_document.uri, params))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_names_share_a_word_or_contain_each_other() {
        assert!(similar("Clay Kaserne", "Clay"));
        assert!(similar("Mariusz Błaszczak", "Blaszczak"));
        assert!(similar("NATO", "NATO Support and Training"));
        assert!(!similar("Kyiv", "Kiev"));
        assert!(!similar("Jake Sullivan", "Mark Rutte"));
    }
}
