//! The example annotation workspace shared by the annotation test files,
//! and copies of it the tests may change.
#![allow(dead_code)] // each test file uses part of this
use std::path::{Path, PathBuf};

pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/annotations/example")
}

/// A copy of the example workspace in a temporary folder.
pub fn workspace() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    copy_dir(&example(), d.path());
    d
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &p);
        } else {
            std::fs::copy(e.path(), p).unwrap();
        }
    }
}

/// The workspace folder of a `.crosscheck/` file: where writes must stay.
#[allow(dead_code)]
pub fn root_of(path: &std::path::Path) -> std::path::PathBuf {
    path.ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == ".crosscheck"))
        .and_then(|a| a.parent())
        .expect("a .crosscheck/ file")
        .to_path_buf()
}
