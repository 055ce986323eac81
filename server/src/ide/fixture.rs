//! texlab-style test fixtures: several files in one string.
//!
//! ```text
//! %! a.txt
//! NATO Secretary General Jens Stoltenberg spoke.
//! %! b.txt
//! Stolten|berg agreed.
//! ```
//! `%! name` starts a file; one `|` marks the cursor and is removed.
use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::{AnalysisHost, FileId, Snapshot};

pub const ROOT: &str = "/fixture";

pub struct Fixture {
    pub snap: Arc<Snapshot>,
    /// The file and byte offset of the `|` marker, if any.
    pub cursor: Option<(FileId, usize)>,
}

impl Fixture {
    pub fn parse(src: &str) -> Fixture {
        let mut files: Vec<(String, String)> = Vec::new();
        for line in src.split_inclusive('\n') {
            if let Some(name) = line.strip_prefix("%! ") {
                files.push((name.trim().to_string(), String::new()));
            } else if let Some((_, text)) = files.last_mut() {
                text.push_str(line);
            } else {
                assert!(line.trim().is_empty(), "text before the first `%!` line");
            }
        }
        let mut cursor_at: Option<(String, usize)> = None;
        let mut host = AnalysisHost::new(Some(PathBuf::from(ROOT)));
        let mut inputs = Vec::new();
        for (name, mut text) in files {
            if let Some(i) = text.find('|') {
                assert!(cursor_at.is_none(), "more than one cursor");
                text.remove(i);
                cursor_at = Some((name.clone(), i));
            }
            inputs.push((Self::path(&name), Arc::from(text)));
        }
        host.set_files(inputs);
        let snap = host.snapshot();
        let cursor = cursor_at.map(|(name, off)| (snap.file_id(&Self::path(&name)).unwrap(), off));
        Fixture { snap, cursor }
    }

    pub fn path(name: &str) -> PathBuf {
        PathBuf::from(ROOT).join(name)
    }

    pub fn file(&self, name: &str) -> FileId {
        self.snap
            .file_id(&Self::path(name))
            .expect("no such fixture file")
    }

    pub fn cursor(&self) -> (FileId, usize) {
        self.cursor.expect("fixture has no `|` cursor")
    }

    /// The text a range covers, with its file name: `"b.txt:Stoltenberg"`.
    pub fn show(&self, r: super::FileRange) -> String {
        let f = self.snap.file(r.file);
        format!("{}:{}", f.rel_path, &f.text[r.start..r.end])
    }
}

/// A small corpus used by several feature tests.
pub const NATO: &str = "\
%! a.txt
NATO Secretary General Jens Stoltenberg met officials in Kyiv on Monday.
Stoltenberg said NATO would help Ukraine.
%! b.txt
Later, then-NATO Secretary General Jens Stoltenberg visited Kiev.
The Alliance agreed, Stoltenberg said.
%! c.txt
NATO Secretary General Mark Rutte spoke in Brussels. Rutte met Volodymyr Zelensky in Kyiv.
";
