//! Line starts of a text, for turning byte offsets into (line, column)
//! without building a rope: lines end at `\n`, `\r\n` or a lone `\r`, as
//! in LSP (U+2028 and NEL are not line ends there).

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line starts; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn of(text: &str) -> LineIndex {
        let b = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if b.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The line holding byte `offset` and the byte where that line starts.
    pub fn line_of(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        (line, self.starts[line])
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_where_lsp_says() {
        let t = "a\r\nb\rc\nd\u{2028}e";
        let ix = LineIndex::of(t);
        assert_eq!(ix.line_count(), 4);
        assert_eq!(ix.line_of(0), (0, 0));
        assert_eq!(ix.line_of(3), (1, 3));
        assert_eq!(ix.line_of(5), (2, 5));
        assert_eq!(ix.line_of(t.len()), (3, 7));
    }
}
