//! Every read and write of a workspace's files goes through here, because a
//! folder cloned from an untrusted source can contain anything: symbolic
//! links to files outside it (or to `/dev/zero`), FIFOs, devices, huge
//! files. The rules:
//!
//! - a file must resolve inside its workspace folder, unless the person
//!   opted in to following links (`followSymlinks`, off by default: a
//!   knowledge base shared between folders is the use case);
//! - only regular files are read, opened without blocking (a FIFO with no
//!   writer would block `open` forever), and never more than a limit;
//! - a write lands inside the folder: never through a link that leads out
//!   of it, never over something that is not a regular file.
use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// How a file may be read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    /// Largest file read, in bytes.
    pub max_size: u64,
    /// Follow symbolic links that lead out of the folder.
    pub follow_links: bool,
}

/// Why a file was not read (or not written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    Missing,
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// A FIFO, a device, a socket or a folder: only regular files are read.
    NotRegular(&'static str),
    /// The path leads out of the workspace folder (through a symbolic link
    /// or `..`), to `target`.
    Outside {
        target: PathBuf,
    },
    Io(String),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Missing => write!(f, "the file does not exist"),
            Refused::TooLarge { size, limit } => write!(
                f,
                "the file is over the {limit}-byte limit ({size} bytes or more) and was not read"
            ),
            Refused::NotRegular(kind) => {
                write!(f, "it is {kind}, not a regular file, and was not read")
            }
            Refused::Outside { target } => write!(
                f,
                "the path escapes the workspace (it leads to {}); not followed (setting followSymlinks)",
                target.display()
            ),
            Refused::Io(e) => write!(f, "cannot read the file: {e}"),
        }
    }
}

/// `path` with `.` and `..` segments resolved lexically (no file system
/// access): `/w/../../dev/zero` is `/dev/zero`, so a URI with `..` cannot
/// pass a folder check it does not really pass.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() && !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The real path of `path`, or of as much of it as exists (a file about to
/// be created resolves through its existing parent folders).
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
                return Err(e);
            };
            // A dangling link: where it points is what matters.
            if let Ok(target) = std::fs::read_link(path) {
                let target = if target.is_absolute() {
                    target
                } else {
                    parent.join(target)
                };
                return Ok(normalize(&target));
            }
            Ok(resolve(parent)?.join(name))
        }
        Err(e) => Err(e),
    }
}

/// Where `path` really is, if that is inside `root` (or anywhere, when
/// links may be followed). Paths that do not exist yet resolve through
/// their existing folders.
pub fn resolve_inside(root: &Path, path: &Path, follow_links: bool) -> Result<PathBuf, Refused> {
    let path = normalize(path);
    let real = resolve(&path).map_err(|e| Refused::Io(e.to_string()))?;
    if follow_links {
        return Ok(real);
    }
    let real_root = resolve(root).map_err(|e| Refused::Io(e.to_string()))?;
    if real.starts_with(&real_root) {
        Ok(real)
    } else {
        Err(Refused::Outside { target: real })
    }
}

/// What a file type is called in messages.
fn kind_name(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Open `path` for reading without ever blocking: a FIFO with no writer
/// makes a plain `open` wait forever.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    o.open(path)
}

/// Read `path` (inside `root` when given) as bytes: a regular file of at
/// most `access.max_size` bytes, whatever happens to it meanwhile (a file
/// that grows while read is refused too).
pub fn read_bounded(root: Option<&Path>, path: &Path, access: Access) -> Result<Vec<u8>, Refused> {
    let real = match root {
        Some(r) => match resolve_inside(r, path, access.follow_links) {
            Ok(p) => p,
            Err(Refused::Io(_)) if !path.exists() => return Err(Refused::Missing),
            Err(e) => return Err(e),
        },
        None => normalize(path),
    };
    let f = match open_nonblocking(&real) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Refused::Missing),
        Err(e) => return Err(Refused::Io(e.to_string())),
    };
    // The type of what was opened, not of what the path named a moment ago.
    let meta = f.metadata().map_err(|e| Refused::Io(e.to_string()))?;
    if !meta.file_type().is_file() {
        return Err(Refused::NotRegular(kind_name(&meta.file_type())));
    }
    let limit = access.max_size;
    if meta.len() > limit {
        return Err(Refused::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Refused::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Where a write to `path` may land: inside `root` (unless links may be
/// followed), and over a regular file or nothing. The returned path is the
/// real one, so a write never goes through a link unnoticed.
pub fn writable_inside(root: &Path, path: &Path, follow_links: bool) -> Result<PathBuf, Refused> {
    let real = resolve_inside(root, path, follow_links)?;
    match std::fs::symlink_metadata(&real) {
        Ok(m) if !m.file_type().is_file() => Err(Refused::NotRegular(kind_name(&m.file_type()))),
        _ => Ok(real),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCESS: Access = Access {
        max_size: 1000,
        follow_links: false,
    };

    #[test]
    fn dot_dot_is_resolved_before_any_folder_check() {
        assert_eq!(
            normalize(Path::new("/w/news/../../../dev/zero")),
            PathBuf::from("/dev/zero")
        );
        assert_eq!(
            normalize(Path::new("/w/./a/../b.txt")),
            PathBuf::from("/w/b.txt")
        );
        assert!(!normalize(Path::new("/w/../etc/passwd")).starts_with("/w"));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_fifos_and_devices_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let (root, outside) = (d.path().join("ws"), d.path().join("outside"));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.txt"), "secret").unwrap();
        std::fs::write(root.join("a.txt"), "inside").unwrap();
        std::os::unix::fs::symlink(outside.join("secret.txt"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("inner.txt")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.txt")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("dir")).unwrap();
        let fifo = root.join("fifo.txt");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let read = |p: &str| read_bounded(Some(&root), &root.join(p), ACCESS);
        assert_eq!(read("a.txt").unwrap(), b"inside");
        assert_eq!(
            read("inner.txt").unwrap(),
            b"inside",
            "links inside are fine"
        );
        assert!(matches!(read("link.txt"), Err(Refused::Outside { .. })));
        assert!(matches!(read("zero.txt"), Err(Refused::Outside { .. })));
        assert!(matches!(
            read("dir/secret.txt"),
            Err(Refused::Outside { .. })
        ));
        assert!(matches!(
            read("../outside/secret.txt"),
            Err(Refused::Outside { .. })
        ));
        // never blocks on a FIFO, never reads a device whole
        assert_eq!(read("fifo.txt"), Err(Refused::NotRegular("a FIFO")));
        let follow = Access {
            follow_links: true,
            ..ACCESS
        };
        assert_eq!(
            read_bounded(Some(&root), &root.join("zero.txt"), follow),
            Err(Refused::NotRegular("a device"))
        );
        assert_eq!(
            read_bounded(Some(&root), &root.join("link.txt"), follow).unwrap(),
            b"secret"
        );
        assert_eq!(read("missing.txt"), Err(Refused::Missing));
        std::fs::write(root.join("big.txt"), "x".repeat(1001)).unwrap();
        assert!(matches!(read("big.txt"), Err(Refused::TooLarge { .. })));
        // writes: inside only, over regular files or nothing
        assert!(writable_inside(&root, &root.join("new/file.json"), false).is_ok());
        assert!(writable_inside(&root, &root.join("dir/cc.json"), false).is_err());
        assert!(writable_inside(&root, &root.join("link.txt"), false).is_err());
        assert!(writable_inside(&root, &fifo, false).is_err());
        assert_eq!(
            writable_inside(&root, &root.join("link.txt"), true).unwrap(),
            outside.join("secret.txt").canonicalize().unwrap()
        );
    }
}
