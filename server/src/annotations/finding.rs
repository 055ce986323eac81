//! Findings: problems in `.crosscheck/` files, with the file, byte range and
//! line/column they concern. The LSP layer turns them into diagnostics; the
//! command line prints them.
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use crate::analysis::text::line_index::LineColumns;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Stable codes (shown to users, used as diagnostic codes).
pub mod code {
    pub const INVALID_JSON: &str = "invalid-json";
    pub const WRONG_TYPE: &str = "wrong-type";
    pub const MISSING_FIELD: &str = "missing-field";
    pub const UNKNOWN_FIELD: &str = "unknown-field";
    pub const DUPLICATE_KEY: &str = "duplicate-key";
    pub const DUPLICATE_ID: &str = "duplicate-id";
    pub const UNKNOWN_ENTITY: &str = "unknown-entity";
    pub const UNKNOWN_KIND: &str = "unknown-kind";
    pub const INVALID_VALUE: &str = "invalid-value";
    pub const INVALID_DATE: &str = "invalid-date";
    pub const UNSAFE_PATH: &str = "path-escapes-workspace";
    pub const FILE_TOO_LARGE: &str = "file-too-large";
    pub const UNREADABLE: &str = "unreadable-file";
    pub const ORPHANED_ANNOTATION: &str = "orphaned-annotation";
    pub const SOURCE_MISSING: &str = "source-missing";
    pub const QUOTE_EDITED: &str = "quote-hash-mismatch";
    pub const NEWER_VERSION: &str = "newer-format-version";
    pub const KB_CONFLICT: &str = "kb-conflict";
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    /// The file the finding is about (absolute when loaded from disk).
    pub path: PathBuf,
    /// Byte range in that file, when known.
    pub range: Option<Range<usize>>,
    /// 1-based line and column (characters); 0 when `range` is None.
    pub line: u32,
    pub column: u32,
    /// Id of the annotation or entity concerned, if any.
    pub item: Option<String>,
}

impl Finding {
    pub fn new(severity: Severity, code: &'static str, path: PathBuf, message: String) -> Finding {
        Finding {
            severity,
            code,
            message,
            path,
            range: None,
            line: 0,
            column: 0,
            item: None,
        }
    }

    /// Attach a byte range of `text` (the content of `self.path`).
    pub fn at(self, text: &str, range: Range<usize>) -> Finding {
        self.at_in(&LineColumns::new(text), text, range)
    }

    /// [`Finding::at`] with the text's line index built once by the
    /// caller: many findings in one file must not each scan it again.
    pub fn at_in(mut self, cols: &LineColumns, text: &str, range: Range<usize>) -> Finding {
        let (l, c) = cols.line_col(text, range.start);
        self.line = l as u32;
        self.column = c as u32;
        self.range = Some(range);
        self
    }

    pub fn item(mut self, id: &str) -> Finding {
        self.item = Some(id.to_string());
        self
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        write!(f, ": {sev}[{}]: {}", self.code, self.message)
    }
}
