//! Columns in the units editors count: UTF-8 bytes, UTF-16 code units or
//! characters. Lines break only at `\n`, `\r\n` and `\r` (see
//! [`LineIndex`]). The protocol layer negotiates which one a client
//! speaks; benchmarks and tools convert the same way without it.
use super::line_index::LineIndex;

/// How a column counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    /// The LSP default and the only one VS Code speaks.
    #[default]
    Utf16,
    Utf32,
}

/// Length of `text` in `enc` units.
pub fn len_in(text: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => text.len(),
        Encoding::Utf16 => text.encode_utf16().count(),
        Encoding::Utf32 => text.chars().count(),
    }
}

/// (line, column) of byte `offset` in `text` using its line index, the
/// offset clamped to the text and snapped down to a char boundary.
pub fn line_col(text: &str, index: &LineIndex, offset: usize, enc: Encoding) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (line, start) = index.line_of(offset);
    (line as u32, len_in(&text[start..offset], enc) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_each_unit() {
        let text = "a\n😀 Kyiv";
        let ix = LineIndex::of(text);
        let k = text.find('K').unwrap();
        assert_eq!(line_col(text, &ix, k, Encoding::Utf8), (1, 5));
        assert_eq!(line_col(text, &ix, k, Encoding::Utf16), (1, 3));
        assert_eq!(line_col(text, &ix, k, Encoding::Utf32), (1, 2));
        // inside the emoji: snapped to its start
        assert_eq!(line_col(text, &ix, 3, Encoding::Utf16), (1, 0));
    }
}
