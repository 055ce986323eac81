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

/// Byte offset -> character offset for one text. Character counts are kept
/// every [`CHECKPOINT`] bytes, so any lookup counts at most that many bytes
/// even on a very long line, and many lookups in one text cost one pass (a
/// file of thousands of findings must not be scanned again for each).
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// (byte offset at a character boundary, characters before it).
    marks: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 256;

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut marks = vec![(0, 0)];
        for (n, (at, _)) in text.char_indices().enumerate() {
            if at >= marks.last().unwrap().0 + CHECKPOINT {
                marks.push((at, n));
            }
        }
        CharOffsets { marks }
    }

    /// Characters before byte `offset` of `text` (the text this was built
    /// from), snapped down to a character boundary.
    pub fn at(&self, text: &str, offset: usize) -> usize {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let k = self.marks.partition_point(|m| m.0 <= offset) - 1;
        let (at, n) = self.marks[k];
        n + text[at..offset].chars().count()
    }
}

/// 1-based line and column (in characters) of byte offsets; lines break at
/// `\n`, `\r\n` and `\r`, as in LSP.
#[derive(Clone, Debug)]
pub struct LineColumns {
    lines: LineIndex,
    chars: CharOffsets,
}

impl LineColumns {
    pub fn new(text: &str) -> LineColumns {
        LineColumns {
            lines: LineIndex::of(text),
            chars: CharOffsets::new(text),
        }
    }

    /// 1-based (line, column in characters) of byte `offset` of `text`
    /// (the text this index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let (line, start) = self.lines.line_of(offset);
        let col = self.chars.at(text, offset) - self.chars.at(text, start);
        (line + 1, col + 1)
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

    #[test]
    fn line_columns_count_characters() {
        let t = "ab\r\ncé d\rx\ny";
        let li = LineColumns::new(t);
        assert_eq!(li.line_col(t, 0), (1, 1));
        assert_eq!(li.line_col(t, 4), (2, 1));
        assert_eq!(li.line_col(t, t.find('d').unwrap()), (2, 4));
        assert_eq!(li.line_col(t, t.find('x').unwrap()), (3, 1));
        assert_eq!(li.line_col(t, t.len()), (4, 2));
    }

    #[test]
    fn char_offsets_count_characters_past_checkpoints() {
        let t = format!("{}x{}", "é".repeat(300), "ab".repeat(300));
        let c = CharOffsets::new(&t);
        assert_eq!(c.at(&t, 0), 0);
        assert_eq!(c.at(&t, t.find('x').unwrap()), 300);
        assert_eq!(c.at(&t, t.len()), 901);
        // Inside a character: the character it is in.
        assert_eq!(c.at(&t, 3), 1);
        for (n, (b, _)) in t.char_indices().enumerate().step_by(7) {
            assert_eq!(c.at(&t, b), n);
        }
    }

    #[test]
    fn columns_on_long_lines_count_characters_past_checkpoints() {
        let t = format!("{}\n{}x", "é".repeat(1000), "ab".repeat(700));
        let li = LineColumns::new(&t);
        assert_eq!(li.line_col(&t, 2 * 999), (1, 1000));
        assert_eq!(li.line_col(&t, t.find('x').unwrap()), (2, 1401));
        for (n, (at, _)) in t.char_indices().enumerate().step_by(37) {
            let line = t[..at].matches('\n').count();
            let start = t[..at].rfind('\n').map_or(0, |p| p + 1);
            let col = t[start..at].chars().count();
            assert_eq!(li.line_col(&t, at), (line + 1, col + 1), "{n}");
        }
    }
}
