//! Reading and writing `.crosscheck/` files safely: a size limit enforced
//! while reading (a huge or growing file is never read whole), regular
//! files inside the workspace only (`workspace::fs`), and an atomic writer
//! that refuses to overwrite a file changed since it was read.
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::anchor::fnv1a64;
use crate::workspace::fs;

/// Default limit for one `.crosscheck/` file (16 MB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Identity of a file's bytes as read: hash and length. Writers pass it
/// back to prove they edited what is on disk.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileHash(pub String);

pub fn file_hash(bytes: &[u8]) -> FileHash {
    FileHash(format!("fnv1a64:{:016x}:{}", fnv1a64(bytes), bytes.len()))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    Missing,
    TooLarge {
        size: u64,
        limit: u64,
    },
    NotUtf8 {
        valid_up_to: usize,
    },
    /// A FIFO, a device, a folder: only regular files are read.
    NotRegular(&'static str),
    /// A symbolic link (or `..`) leading out of the workspace.
    Outside {
        target: PathBuf,
    },
    Io(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing => write!(f, "the file does not exist"),
            ReadError::TooLarge { size, limit } => write!(
                f,
                "the file is over {limit} bytes ({size} bytes or more) and was not read"
            ),
            ReadError::NotUtf8 { valid_up_to } => write!(
                f,
                "the file is not UTF-8 (first invalid byte at {valid_up_to})"
            ),
            ReadError::NotRegular(kind) => {
                write!(f, "it is {kind}, not a regular file, and was not read")
            }
            ReadError::Outside { target } => write!(
                f,
                "the path escapes the workspace (it leads to {}); not followed (setting followSymlinks)",
                target.display()
            ),
            ReadError::Io(e) => write!(f, "cannot read the file: {e}"),
        }
    }
}

impl From<fs::Refused> for ReadError {
    fn from(r: fs::Refused) -> ReadError {
        match r {
            fs::Refused::Missing => ReadError::Missing,
            fs::Refused::TooLarge { size, limit } => ReadError::TooLarge { size, limit },
            fs::Refused::NotRegular(k) => ReadError::NotRegular(k),
            fs::Refused::Outside { target } => ReadError::Outside { target },
            fs::Refused::Io(e) => ReadError::Io(e),
        }
    }
}

/// The workspace folder a `.crosscheck/` file belongs to: reads and writes
/// stay inside it unless links may be followed (see `workspace::fs`).
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    pub root: &'a Path,
    pub follow_links: bool,
}

impl<'a> Scope<'a> {
    /// Inside `root`, links not followed out of it (the default).
    pub fn folder(root: &'a Path) -> Scope<'a> {
        Scope {
            root,
            follow_links: false,
        }
    }
}

/// Read at most `limit` bytes of `path` (a regular file inside `scope`) as
/// UTF-8 (a UTF-8 byte order mark is dropped). The limit is checked on the
/// metadata and again while reading, so a file that grows in between is
/// refused too; a FIFO is never waited on.
pub fn read_limited(
    scope: Scope,
    path: &Path,
    limit: u64,
) -> Result<(String, FileHash), ReadError> {
    let access = fs::Access {
        max_size: limit,
        follow_links: scope.follow_links,
    };
    let bytes = fs::read_bounded(Some(scope.root), path, access)?;
    let hash = file_hash(&bytes);
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(s) => Ok((s.to_string(), hash)),
        Err(e) => Err(ReadError::NotUtf8 {
            valid_up_to: e.valid_up_to(),
        }),
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The file on disk is not the one the edit was computed from (or it
    /// appeared / disappeared): re-read and redo the edit.
    ChangedOnDisk {
        path: PathBuf,
    },
    /// Not written: the path leads out of the workspace, or is not a
    /// regular file.
    Refused(PathBuf, String),
    Io(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::ChangedOnDisk { path } => write!(
                f,
                "{} changed on disk since it was read; nothing was written",
                path.display()
            ),
            WriteError::Refused(p, why) => {
                write!(f, "{} was not written: {why}", p.display())
            }
            WriteError::Io(e) => write!(f, "cannot write: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Write `contents` to `path` atomically (temporary file in the same folder,
/// flushed, renamed over the target) if the file on disk still has hash
/// `expected` (`None`: the file must not exist). Folders are created. The
/// write stays inside `scope`: never through a link that leads out of the
/// workspace, never over something that is not a regular file.
///
/// The check and the rename are two steps, so a writer racing in between
/// can still lose; editors that support it should use workspace/applyEdit,
/// which the client serialises.
pub fn write_atomic(
    scope: Scope,
    path: &Path,
    expected: Option<&FileHash>,
    contents: &str,
) -> Result<(), WriteError> {
    let real = fs::writable_inside(scope.root, path, scope.follow_links)
        .map_err(|e| WriteError::Refused(path.to_path_buf(), e.to_string()))?;
    let changed = || WriteError::ChangedOnDisk {
        path: path.to_path_buf(),
    };
    let access = fs::Access {
        max_size: u64::MAX / 2,
        follow_links: scope.follow_links,
    };
    match fs::read_bounded(None, &real, access) {
        Ok(cur) => {
            if expected != Some(&file_hash(&cur)) {
                return Err(changed());
            }
        }
        Err(fs::Refused::Missing) => {
            if expected.is_some() {
                return Err(changed());
            }
        }
        Err(e) => return Err(WriteError::Io(e.to_string())),
    }
    let dir = real
        .parent()
        .ok_or_else(|| WriteError::Io("the path has no folder".into()))?;
    std::fs::create_dir_all(dir).map_err(|e| WriteError::Io(e.to_string()))?;
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        TMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let res = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &real)
    })();
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(WriteError::Io(e.to_string()));
    }
    Ok(())
}
