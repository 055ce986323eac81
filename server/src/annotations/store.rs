//! Reading and writing `.crosscheck/` files safely: a size limit enforced
//! while reading (a huge or growing file is never read whole), and an
//! atomic writer that refuses to overwrite a file changed since it was read.
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::anchor::fnv1a64;

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
    TooLarge { size: u64, limit: u64 },
    NotUtf8 { valid_up_to: usize },
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
            ReadError::Io(e) => write!(f, "cannot read the file: {e}"),
        }
    }
}

/// Read at most `limit` bytes of `path` as UTF-8 (a UTF-8 byte order mark is
/// dropped). The limit is checked on the metadata and again while reading,
/// so a file that grows in between is refused too.
pub fn read_limited(path: &Path, limit: u64) -> Result<(String, FileHash), ReadError> {
    let f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(e) => return Err(ReadError::Io(e.to_string())),
    };
    let size = f.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
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
            WriteError::Io(e) => write!(f, "cannot write: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Write `contents` to `path` atomically (temporary file in the same folder,
/// flushed, renamed over the target) if the file on disk still has hash
/// `expected` (`None`: the file must not exist). Folders are created.
///
/// The check and the rename are two steps, so a writer racing in between
/// can still lose; editors that support it should use workspace/applyEdit,
/// which the client serialises.
pub fn write_atomic(
    path: &Path,
    expected: Option<&FileHash>,
    contents: &str,
) -> Result<(), WriteError> {
    let changed = || WriteError::ChangedOnDisk {
        path: path.to_path_buf(),
    };
    match std::fs::read(path) {
        Ok(cur) => {
            if expected != Some(&file_hash(&cur)) {
                return Err(changed());
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if expected.is_some() {
                return Err(changed());
            }
        }
        Err(e) => return Err(WriteError::Io(e.to_string())),
    }
    let dir = path
        .parent()
        .ok_or_else(|| WriteError::Io("the path has no folder".into()))?;
    std::fs::create_dir_all(dir).map_err(|e| WriteError::Io(e.to_string()))?;
    let name = path
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
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(WriteError::Io(e.to_string()));
    }
    Ok(())
}
