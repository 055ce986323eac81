//! Finding and reading source files on disk. No LSP here: the server and
//! the command line share it.
//!
//! A workspace's sources are `*.txt` and `*.md` files under its root,
//! `.gitignore` respected, hidden folders and `.crosscheck/` skipped. Files
//! that are too large, binary, not UTF-8, not regular files, or that lead
//! out of the folder through a symbolic link are skipped with a reason,
//! never an error that stops the scan. Every read goes through [`fs`].
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub mod fs;

/// Default size limit for one source file (10 MB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanOptions {
    pub max_file_size: u64,
    /// Lower-case extensions without the dot.
    pub extensions: Vec<String>,
    /// Follow symbolic links that lead out of the folder (off by default:
    /// a cloned folder could point them anywhere).
    pub follow_links: bool,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            extensions: vec!["txt".into(), "md".into()],
            follow_links: false,
        }
    }
}

/// Why a file was not indexed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    TooLarge {
        size: u64,
        limit: u64,
    },
    Binary,
    NotUtf8 {
        valid_up_to: usize,
    },
    /// A FIFO, a device, a socket: never read.
    NotRegular(&'static str),
    /// A symbolic link (or `..`) that leads out of the folder.
    Outside {
        target: PathBuf,
    },
    Io(String),
}

impl From<fs::Refused> for Skip {
    fn from(r: fs::Refused) -> Skip {
        match r {
            fs::Refused::Missing => Skip::Io("the file does not exist".into()),
            fs::Refused::TooLarge { size, limit } => Skip::TooLarge { size, limit },
            fs::Refused::NotRegular(k) => Skip::NotRegular(k),
            fs::Refused::Outside { target } => Skip::Outside { target },
            fs::Refused::Io(e) => Skip::Io(e),
        }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::TooLarge { size, limit } => {
                write!(
                    f,
                    "file is {size} bytes, over the {limit}-byte limit (setting maxFileSize)"
                )
            }
            Skip::Binary => write!(f, "file looks binary (contains NUL bytes)"),
            Skip::NotUtf8 { valid_up_to } => {
                write!(
                    f,
                    "file is not valid UTF-8 (first invalid byte at offset {valid_up_to})"
                )
            }
            Skip::NotRegular(kind) => write!(f, "file is {kind}, not a regular file"),
            Skip::Outside { target } => write!(
                f,
                "path escapes the workspace (a link to {}); not followed (setting followSymlinks)",
                target.display()
            ),
            Skip::Io(e) => write!(f, "cannot read file: {e}"),
        }
    }
}

impl ScanOptions {
    pub fn is_source(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
            && !path.components().any(|c| c.as_os_str() == ".crosscheck")
    }
}

/// `path` relative to `root`, with `/` between components on every
/// platform (how paths are shown and stored); `path` itself when it is not
/// under `root`.
pub fn slash_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Source files under `root`, sorted: regular files, and the names of
/// links and special files that look like sources (reading them says why
/// they are skipped; links that stay inside the folder are left out, their
/// targets are scanned themselves).
pub fn discover(root: &Path, opts: &ScanOptions) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .parents(false)
        .follow_links(opts.follow_links)
        .filter_entry(|e| e.file_name() != ".crosscheck")
        .build()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_type().is_some_and(|t| {
                if t.is_symlink() {
                    // Not followed: only worth a word when it leads out.
                    return fs::resolve_inside(root, e.path(), false).is_err();
                }
                !t.is_dir()
            })
        })
        .map(|e| e.into_path())
        .filter(|p| opts.is_source(p))
        .collect();
    out.sort();
    out
}

/// Decode file content as a source text, or say why not.
pub fn decode(bytes: Vec<u8>) -> Result<String, Skip> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(Skip::Binary);
    }
    let mut bytes = bytes;
    // A UTF-8 byte order mark is not part of the text.
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| Skip::NotUtf8 {
        valid_up_to: e.utf8_error().valid_up_to(),
    })
}

/// Read source `path` of the folder `root`: a regular file inside it (see
/// [`fs`]), within the size limit, as text.
pub fn read_source(root: &Path, path: &Path, opts: &ScanOptions) -> Result<String, Skip> {
    let access = fs::Access {
        max_size: opts.max_file_size,
        follow_links: opts.follow_links,
    };
    let bytes = fs::read_bounded(Some(root), path, access)?;
    decode(bytes)
}

pub struct Loaded {
    pub files: Vec<(PathBuf, Arc<str>)>,
    pub skipped: Vec<(PathBuf, Skip)>,
}

/// Discover and read every source under `root`.
pub fn load_folder(root: &Path, opts: &ScanOptions) -> Loaded {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in discover(root, opts) {
        match read_source(root, &p, opts) {
            Ok(t) => files.push((p, Arc::from(t))),
            Err(s) => skipped.push((p, s)),
        }
    }
    Loaded { files, skipped }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_bad_files_with_reasons() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        std::fs::write(r.join("a.txt"), "NATO met.").unwrap();
        std::fs::write(r.join("b.md"), "\u{feff}Kyiv").unwrap();
        std::fs::write(r.join("bin.txt"), [0u8, 1, 2]).unwrap();
        std::fs::write(r.join("latin1.txt"), [b'K', 0xE9, b'x']).unwrap();
        std::fs::write(r.join("c.rs"), "fn main(){}").unwrap();
        std::fs::create_dir_all(r.join(".crosscheck")).unwrap();
        std::fs::write(r.join(".crosscheck/x.txt"), "no").unwrap();
        std::fs::create_dir_all(r.join(".hidden")).unwrap();
        std::fs::write(r.join(".hidden/y.txt"), "no").unwrap();
        std::fs::create_dir_all(r.join("ignored")).unwrap();
        std::fs::write(r.join("ignored/z.txt"), "no").unwrap();
        std::fs::write(r.join(".gitignore"), "ignored/\n").unwrap();
        std::fs::write(r.join("big.txt"), "x".repeat(100)).unwrap();
        let opts = ScanOptions {
            max_file_size: 50,
            ..Default::default()
        };
        let l = load_folder(r, &opts);
        let names: Vec<String> = l
            .files
            .iter()
            .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["a.txt", "b.md"]);
        assert_eq!(&*l.files[1].1, "Kyiv");
        let mut skips: Vec<(String, Skip)> = l
            .skipped
            .into_iter()
            .map(|(p, s)| (p.file_name().unwrap().to_string_lossy().into_owned(), s))
            .collect();
        skips.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            skips[0],
            (
                "big.txt".into(),
                Skip::TooLarge {
                    size: 100,
                    limit: 50
                }
            )
        );
        assert_eq!(skips[1], ("bin.txt".into(), Skip::Binary));
        assert_eq!(
            skips[2],
            ("latin1.txt".into(), Skip::NotUtf8 { valid_up_to: 1 })
        );
    }
}
