//! Where `.crosscheck/` files live, and refusing paths that leave the
//! workspace. Every path read from a file goes through [`check_rel_path`]
//! before it is joined to the root.
use std::path::{Path, PathBuf};

pub const DIR: &str = ".crosscheck";
pub const KB_FILE: &str = "entities.json";
pub const ANNOTATIONS_DIR: &str = "annotations";

/// Check a workspace-relative, `/`-separated path and return it normalised
/// (`./` segments dropped). Refused: empty, absolute, drive letters, `..`,
/// backslashes (a Windows separator in disguise) and NUL.
pub fn check_rel_path(s: &str) -> Result<String, String> {
    if s.is_empty() {
        return Err("the path is empty".into());
    }
    if s.contains('\0') {
        return Err("the path contains a NUL character".into());
    }
    if s.contains('\\') {
        return Err(format!(
            "\"{s}\" contains a backslash; use / between folders"
        ));
    }
    if s.starts_with('/') || (s.len() >= 2 && s.as_bytes()[1] == b':') {
        return Err(format!(
            "\"{s}\" is absolute; paths are relative to the workspace root"
        ));
    }
    let mut parts = Vec::new();
    for seg in s.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                return Err(format!(
                    "\"{s}\" leaves the workspace (\"..\" is not allowed)"
                ))
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return Err(format!("\"{s}\" names no file"));
    }
    Ok(parts.join("/"))
}

pub fn crosscheck_dir(root: &Path) -> PathBuf {
    root.join(DIR)
}

pub fn kb_path(root: &Path) -> PathBuf {
    root.join(DIR).join(KB_FILE)
}

pub fn annotations_dir(root: &Path) -> PathBuf {
    root.join(DIR).join(ANNOTATIONS_DIR)
}

/// `.crosscheck/annotations/<rel>.json` for source `rel`.
pub fn annotation_path(root: &Path, rel: &str) -> Result<PathBuf, String> {
    let rel = check_rel_path(rel)?;
    let mut p = annotations_dir(root);
    for seg in rel.split('/') {
        p.push(seg);
    }
    let mut s = p.into_os_string();
    s.push(".json");
    Ok(PathBuf::from(s))
}

/// The source a file under `.crosscheck/annotations/` annotates, or None
/// when it is not a `*.json` file under that folder.
pub fn source_of_annotation_path(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(annotations_dir(root)).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_str().map(str::to_string))
        .collect::<Option<_>>()?;
    let joined = parts.join("/");
    let src = joined.strip_suffix(".json")?;
    check_rel_path(src).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes() {
        for bad in [
            "../../etc/passwd",
            "/etc/passwd",
            "a/../../b",
            "C:/x",
            "a\\..\\b",
            "",
            ".",
            "a/\0",
        ] {
            assert!(check_rel_path(bad).is_err(), "{bad:?}");
        }
        assert_eq!(check_rel_path("./news//a.txt").unwrap(), "news/a.txt");
        let root = Path::new("/ws");
        let p = annotation_path(root, "news/a.txt").unwrap();
        assert_eq!(p, Path::new("/ws/.crosscheck/annotations/news/a.txt.json"));
        assert_eq!(
            source_of_annotation_path(root, &p).as_deref(),
            Some("news/a.txt")
        );
        assert!(annotation_path(root, "../x.txt").is_err());
    }
}
