//! Request handlers: LSP params in, `ide` feature call, LSP result out.
//! They run on a [`FileCtx`] taken under the locks, so no lock is held here.
use std::collections::HashMap;
use std::path::PathBuf;

use ropey::Rope;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::ls_types::*;

use super::convert::{
    len_in, offset_to_position, offset_to_position_indexed, path_to_uri, position_to_offset,
    range_from_lsp, range_to_lsp, Encoding,
};
use super::state::FileCtx;
use crate::analysis::model::EntityKind;
use crate::analysis::{FileId, Snapshot};
use crate::ide::{self, FileRange};

/// Turns byte ranges of any file of a snapshot into LSP locations, building
/// each file's rope once.
pub struct Locator<'a> {
    snap: &'a Snapshot,
    enc: Encoding,
    open_uris: &'a [(PathBuf, Uri)],
    ropes: HashMap<FileId, Rope>,
    /// Files whose buffer moved past their analysis: no location in them.
    stale: &'a [FileId],
}

impl<'a> Locator<'a> {
    pub fn new(snap: &'a Snapshot, enc: Encoding, open_uris: &'a [(PathBuf, Uri)]) -> Self {
        Locator {
            snap,
            enc,
            open_uris,
            ropes: HashMap::new(),
            stale: &[],
        }
    }

    /// Leave out locations in `stale` files (see `FileCtx::stale`).
    pub fn skipping(mut self, stale: &'a [FileId]) -> Self {
        self.stale = stale;
        self
    }

    pub fn with_rope(mut self, file: FileId, rope: Rope) -> Self {
        self.ropes.insert(file, rope);
        self
    }

    pub fn range(&mut self, r: FileRange) -> Range {
        // An open buffer's rope when we have it; otherwise the file's
        // cached line index (building a rope per file made references
        // across thousands of files slow).
        if let Some(rope) = self.ropes.get(&r.file) {
            return range_to_lsp(rope, r.start, r.end, self.enc);
        }
        let f = self.snap.file(r.file);
        let ix = f.line_index();
        Range::new(
            offset_to_position_indexed(&f.text, ix, r.start, self.enc),
            offset_to_position_indexed(&f.text, ix, r.end.max(r.start), self.enc),
        )
    }

    pub fn uri(&self, file: FileId) -> Option<Uri> {
        let path = &self.snap.file(file).path;
        match self.open_uris.iter().find(|(p, _)| p == path) {
            Some((_, u)) => Some(u.clone()),
            None => path_to_uri(path),
        }
    }

    pub fn location(&mut self, r: FileRange) -> Option<Location> {
        if self.stale.contains(&r.file) {
            return None;
        }
        let uri = self.uri(r.file)?;
        Some(Location::new(uri, self.range(r)))
    }
}

fn offset(ctx: &FileCtx, pos: Position) -> Result<usize> {
    position_to_offset(&ctx.rope, pos, ctx.enc).ok_or_else(|| {
        Error::invalid_params(format!(
            "position {}:{} is past the end of the document",
            pos.line, pos.character
        ))
    })
}

fn locator(ctx: &FileCtx) -> Locator<'_> {
    Locator::new(&ctx.snap, ctx.enc, &ctx.open_uris)
        .with_rope(ctx.file, ctx.rope.clone())
        .skipping(&ctx.stale)
}

/// The entity card when on a mention, then (after a rule) the claim
/// section when inside a claim; the range is the mention's if any, else
/// the claim sentence's.
pub fn hover(ctx: &FileCtx, pos: Position) -> Result<Option<Hover>> {
    let off = offset(ctx, pos)?;
    let entity = ide::hover::hover(&ctx.snap, ctx.file, off);
    let claim = ide::claim_hover::hover(&ctx.snap, ctx.file, off);
    let (value, start, end) = match (entity, claim) {
        (None, None) => return Ok(None),
        (Some(e), None) => (e.markdown, e.start, e.end),
        (None, Some(c)) => (c.markdown, c.start, c.end),
        (Some(e), Some(c)) => (
            format!("{}\n\n---\n\n{}", e.markdown.trim_end(), c.markdown),
            e.start,
            e.end,
        ),
    };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(range_to_lsp(&ctx.rope, start, end, ctx.enc)),
    }))
}

pub fn definition(ctx: &FileCtx, pos: Position) -> Result<Option<GotoDefinitionResponse>> {
    let off = offset(ctx, pos)?;
    let Some(d) = ide::definition::goto_definition(&ctx.snap, ctx.file, off) else {
        return Ok(None);
    };
    Ok(locator(ctx)
        .location(d.target)
        .map(GotoDefinitionResponse::Scalar))
}

pub fn references(
    ctx: &FileCtx,
    pos: Position,
    include_decl: bool,
) -> Result<Option<Vec<Location>>> {
    let off = offset(ctx, pos)?;
    let Some(refs) = ide::references::references(&ctx.snap, ctx.file, off, include_decl) else {
        return Ok(None);
    };
    let mut loc = locator(ctx);
    Ok(Some(
        refs.into_iter().filter_map(|r| loc.location(r)).collect(),
    ))
}

pub fn highlight(ctx: &FileCtx, pos: Position) -> Result<Option<Vec<DocumentHighlight>>> {
    let off = offset(ctx, pos)?;
    let hs = ide::highlight::highlights(&ctx.snap, ctx.file, off);
    if hs.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        hs.into_iter()
            .map(|h| DocumentHighlight {
                range: range_to_lsp(&ctx.rope, h.start, h.end, ctx.enc),
                kind: Some(DocumentHighlightKind::TEXT),
            })
            .collect(),
    ))
}

pub fn symbol_kind(kind: EntityKind) -> SymbolKind {
    match kind {
        EntityKind::Person => SymbolKind::OBJECT,
        EntityKind::Organization => SymbolKind::MODULE,
        EntityKind::Location => SymbolKind::PACKAGE,
        EntityKind::Date => SymbolKind::EVENT,
        EntityKind::Money | EntityKind::Quantity => SymbolKind::NUMBER,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be filled in
pub fn document_symbols(ctx: &FileCtx) -> Option<DocumentSymbolResponse> {
    let groups = ide::symbols::document_symbols(&ctx.snap, ctx.file);
    let r = |s: usize, e: usize| range_to_lsp(&ctx.rope, s, e, ctx.enc);
    let out = groups
        .into_iter()
        .map(|g| DocumentSymbol {
            name: g.name.to_string(),
            detail: Some(match g.children.len() {
                1 => "1 entity".to_string(),
                n => format!("{n} entities"),
            }),
            kind: SymbolKind::NAMESPACE,
            tags: None,
            deprecated: None,
            range: r(g.start, g.end),
            selection_range: r(g.start, g.end),
            children: Some(
                g.children
                    .into_iter()
                    .map(|c| DocumentSymbol {
                        name: c.name,
                        detail: Some(c.detail),
                        kind: symbol_kind(c.kind),
                        tags: None,
                        deprecated: None,
                        range: r(c.start, c.end),
                        selection_range: r(c.start, c.end),
                        children: None,
                    })
                    .collect(),
            ),
        })
        .collect();
    Some(DocumentSymbolResponse::Nested(out))
}

/// Workspace symbols over several snapshots, best first, at most `limit`.
#[allow(deprecated)] // `SymbolInformation::deprecated`
pub fn workspace_symbols(
    snaps: &[(std::sync::Arc<Snapshot>, Vec<FileId>)],
    query: &str,
    enc: Encoding,
    open_uris: &[(PathBuf, Uri)],
    limit: usize,
) -> Vec<SymbolInformation> {
    let mut all = Vec::new();
    for (snap, stale) in snaps {
        let mut loc = Locator::new(snap, enc, open_uris).skipping(stale);
        for s in ide::symbols::workspace_symbols(snap, query, limit) {
            if let Some(location) = loc.location(s.definition) {
                all.push((s.rank, s.mentions, s.name.clone(), s, location));
            }
        }
    }
    all.sort_by(|a, b| {
        (a.0, std::cmp::Reverse(a.1), &a.2).cmp(&(b.0, std::cmp::Reverse(b.1), &b.2))
    });
    all.truncate(limit);
    all.into_iter()
        .map(|(_, _, _, s, location)| SymbolInformation {
            name: s.name,
            kind: symbol_kind(s.kind),
            tags: None,
            deprecated: None,
            location,
            container_name: Some(match s.matched_alias {
                Some(a) => format!("{} (as \"{a}\")", s.kind.as_str()),
                None => s.kind.as_str().to_string(),
            }),
        })
        .collect()
}

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: ide::semantic_tokens::LEGEND
            .iter()
            .map(|t| SemanticTokenType::new(t))
            .collect(),
        token_modifiers: vec![],
    }
}

/// Semantic tokens of the file, delta-encoded.
pub fn semantic_tokens(ctx: &FileCtx, range: Option<Range>) -> SemanticTokens {
    let byte_range = range.map(|r| range_from_lsp(&ctx.rope, r, ctx.enc));
    let tokens = ide::semantic_tokens::semantic_tokens(&ctx.snap, ctx.file, byte_range);
    SemanticTokens {
        result_id: None,
        data: encode_tokens(&ctx.rope, &ctx.snap.file(ctx.file).text, &tokens, ctx.enc),
    }
}

/// Delta-encode tokens (sorted, disjoint) of `text`. A token that spans a
/// line break is split per line: clients need not support multi-line
/// tokens.
pub fn encode_tokens(
    rope: &Rope,
    text: &str,
    tokens: &[ide::semantic_tokens::Token],
    enc: Encoding,
) -> Vec<SemanticToken> {
    let mut data = Vec::with_capacity(tokens.len());
    let (mut prev_line, mut prev_col) = (0u32, 0u32);
    for t in tokens {
        let a = offset_to_position(rope, t.start, enc);
        let b = offset_to_position(rope, t.end, enc);
        for line in a.line..=b.line {
            let seg_start = if line == a.line {
                t.start
            } else {
                rope.line_to_byte(line as usize)
            };
            let seg_end = if line == b.line {
                t.end
            } else {
                // this line's content ends before its terminator
                let next = rope.line_to_byte(line as usize + 1);
                seg_start + text[seg_start..next].trim_end_matches(['\n', '\r']).len()
            };
            if seg_end <= seg_start {
                continue;
            }
            let col = if line == a.line { a.character } else { 0 };
            let delta_line = line - prev_line;
            data.push(SemanticToken {
                delta_line,
                delta_start: if delta_line == 0 { col - prev_col } else { col },
                length: len_in(&text[seg_start..seg_end], enc) as u32,
                token_type: t.token_type,
                token_modifiers_bitset: 0,
            });
            prev_line = line;
            prev_col = col;
        }
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::semantic_tokens::Token;

    fn flat(ts: Vec<SemanticToken>) -> Vec<[u32; 4]> {
        ts.iter()
            .map(|t| [t.delta_line, t.delta_start, t.length, t.token_type])
            .collect()
    }

    #[test]
    fn tokens_are_delta_encoded_and_split_at_line_breaks() {
        let text = "😀 Jens\r\nStoltenberg and Kyiv\nx";
        let rope = Rope::from_str(text);
        let jens = text.find("Jens").unwrap();
        let stolt_end = text.find(" and").unwrap();
        let kyiv = text.find("Kyiv").unwrap();
        let tokens = [
            Token {
                start: jens,
                end: stolt_end,
                token_type: 0,
            },
            Token {
                start: kyiv,
                end: kyiv + 4,
                token_type: 2,
            },
        ];
        assert_eq!(
            flat(encode_tokens(&rope, text, &tokens, Encoding::Utf16)),
            vec![[0, 3, 4, 0], [1, 0, 11, 0], [0, 16, 4, 2]]
        );
        assert_eq!(
            flat(encode_tokens(&rope, text, &tokens, Encoding::Utf8)),
            vec![[0, 5, 4, 0], [1, 0, 11, 0], [0, 16, 4, 2]]
        );
    }

    #[test]
    fn locations_use_the_client_spelling_of_open_documents() {
        let f = crate::ide::fixture::Fixture::parse(crate::ide::fixture::NATO);
        let a = f.file("a.txt");
        let spelled: Uri = "file:///fixture/%61.txt".parse().unwrap();
        let open = vec![(f.snap.file(a).path.clone(), spelled.clone())];
        let loc = Locator::new(&f.snap, Encoding::Utf16, &open);
        assert_eq!(loc.uri(a), Some(spelled));
        assert_eq!(
            loc.uri(f.file("b.txt")).map(|u| u.as_str().to_string()),
            Some("file:///fixture/b.txt".to_string())
        );
    }
}
