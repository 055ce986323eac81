//! Every conversion between the byte-offset world of `analysis`/`ide` and
//! the protocol: positions in the negotiated encoding, ranges, URIs.
//!
//! Lines break only at `\n`, `\r\n` and `\r` (ropey built with `cr_lines`,
//! without `unicode_lines`), as LSP requires: U+2028 and NEL are ordinary
//! characters here even though the analysis treats them as breaks.
use crate::analysis::text::line_index::LineIndex;
use std::path::{Path, PathBuf};

use ropey::Rope;
use tower_lsp::ls_types::{ClientCapabilities, Position, PositionEncodingKind, Range, Uri};

/// How `Position::character` counts.
pub use crate::analysis::text::columns::{len_in, Encoding};

impl Encoding {
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }
}

/// utf-8 when the client offers it (no conversion cost), else utf-16, the
/// mandatory default. utf-32 only when it is all the client offers besides.
pub fn negotiate(caps: &ClientCapabilities) -> Encoding {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    let Some(offered) = offered else {
        return Encoding::Utf16;
    };
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else if offered.contains(&PositionEncodingKind::UTF16) || offered.is_empty() {
        Encoding::Utf16
    } else if offered.contains(&PositionEncodingKind::UTF32) {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    }
}

/// Byte length of line `line` without its terminator.
fn line_content_bytes(rope: &Rope, line: usize) -> usize {
    let l = rope.line(line);
    let mut n = l.len_bytes();
    let chars = l.len_chars();
    if chars > 0 {
        match l.char(chars - 1) {
            '\n' => {
                n -= 1;
                if chars > 1 && l.char(chars - 2) == '\r' {
                    n -= 1;
                }
            }
            '\r' => n -= 1,
            _ => {}
        }
    }
    n
}

/// Largest char boundary `<= offset`, clamped to the text.
pub fn floor_char_boundary(rope: &Rope, offset: usize) -> usize {
    let offset = offset.min(rope.len_bytes());
    rope.char_to_byte(rope.byte_to_char(offset))
}

/// The position of byte `offset` (clamped to the text, snapped down to a
/// char boundary).
pub fn offset_to_position(rope: &Rope, offset: usize, enc: Encoding) -> Position {
    let offset = floor_char_boundary(rope, offset);
    let line = rope.byte_to_line(offset);
    let line_byte = rope.line_to_byte(line);
    let col = match enc {
        Encoding::Utf8 => offset - line_byte,
        Encoding::Utf16 => {
            rope.char_to_utf16_cu(rope.byte_to_char(offset))
                - rope.char_to_utf16_cu(rope.byte_to_char(line_byte))
        }
        Encoding::Utf32 => rope.byte_to_char(offset) - rope.byte_to_char(line_byte),
    };
    Position::new(line as u32, col as u32)
}

/// The position of byte `offset` in `text` using its line index (no rope:
/// answering references across many files must not build one per file).
pub fn offset_to_position_indexed(
    text: &str,
    index: &LineIndex,
    offset: usize,
    enc: Encoding,
) -> Position {
    let (line, col) = crate::analysis::text::columns::line_col(text, index, offset, enc);
    Position::new(line, col)
}

/// The byte offset of `pos`, or `None` when its line is past the end.
/// Columns past the end of the line clamp to the end of its content (before
/// the terminator); a column inside a character (a surrogate pair in
/// utf-16, a multi-byte sequence in utf-8) snaps to the character's start.
pub fn position_to_offset(rope: &Rope, pos: Position, enc: Encoding) -> Option<usize> {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return None;
    }
    let line_byte = rope.line_to_byte(line);
    let end_byte = line_byte + line_content_bytes(rope, line);
    let col = pos.character as usize;
    let off = match enc {
        Encoding::Utf8 => floor_char_boundary(rope, line_byte.saturating_add(col).min(end_byte)),
        Encoding::Utf16 => {
            let base = rope.char_to_utf16_cu(rope.byte_to_char(line_byte));
            let end = rope.char_to_utf16_cu(rope.byte_to_char(end_byte));
            let cu = base.saturating_add(col).min(end);
            rope.char_to_byte(rope.utf16_cu_to_char(cu))
        }
        Encoding::Utf32 => {
            let base = rope.byte_to_char(line_byte);
            let end = rope.byte_to_char(end_byte);
            rope.char_to_byte(base.saturating_add(col).min(end))
        }
    };
    Some(off)
}

/// Like [`position_to_offset`], but a line past the end clamps to the end
/// of the text (used for edits and range filters, where clients sometimes
/// send `{line: lines, character: 0}`).
pub fn position_to_offset_clamped(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    position_to_offset(rope, pos, enc).unwrap_or(rope.len_bytes())
}

pub fn range_to_lsp(rope: &Rope, start: usize, end: usize, enc: Encoding) -> Range {
    Range::new(
        offset_to_position(rope, start, enc),
        offset_to_position(rope, end, enc),
    )
}

/// Byte range of an LSP range, clamped, with start <= end.
pub fn range_from_lsp(rope: &Rope, r: Range, enc: Encoding) -> (usize, usize) {
    let a = position_to_offset_clamped(rope, r.start, enc);
    let b = position_to_offset_clamped(rope, r.end, enc);
    (a.min(b), a.max(b))
}

/// The file path of a `file:` URI; `None` for other schemes. `.` and `..`
/// segments are resolved here, so `file:///ws/../../dev/zero` is
/// `/dev/zero` for every folder check that follows.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path()
        .map(|p| crate::workspace::fs::normalize(&p))
}

/// Root of the virtual paths given to documents that are not files.
pub const VIRTUAL_ROOT: &str = "/\u{0}crosscheck-virtual";

/// The path a document is analysed under: its file path, or for other
/// schemes (`untitled:` buffers, where people paste articles) a virtual
/// path no real file can have (it contains a NUL), outside every folder, so
/// the document gets single-file analysis.
pub fn uri_to_doc_path(uri: &Uri) -> PathBuf {
    uri_to_path(uri).unwrap_or_else(|| {
        let name = uri.as_str().replace('%', "%25").replace(['/', '\\'], "%2F");
        Path::new(VIRTUAL_ROOT).join(name)
    })
}

pub fn path_to_uri(path: &Path) -> Option<Uri> {
    Uri::from_file_path(path)
}

#[cfg(test)]
#[path = "convert_tests.rs"]
mod tests;
