//! Indexing a folder (reading its configuration, annotations and sources,
//! analysing them together), installing the index with open buffers kept,
//! and source files changed on disk.
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::settings::{is_config_path, FolderConfig};
use super::workspaces::Workspaces;
use super::{lock, Engine};
use crate::analysis::claims::ClaimSettings;
use crate::analysis::overrides::Overrides;
use crate::analysis::AnalysisHost;
use crate::workspace::{load_folder, read_source, ScanOptions, Skip};

/// Read and analyse the sources of `root` that belong to no deeper folder.
pub fn index_folder(
    root: &Path,
    all_roots: &[PathBuf],
    opts: &ScanOptions,
    overrides: Arc<Overrides>,
    claims: ClaimSettings,
    cache: Option<Arc<dyn crate::analysis::cache::AnalysisCache>>,
) -> (AnalysisHost, Vec<(PathBuf, Skip)>) {
    let mut loaded = load_folder(root, opts);
    let owner = |p: &Path| {
        all_roots
            .iter()
            .filter(|r| p.starts_with(r))
            .max_by_key(|r| r.components().count())
            .cloned()
    };
    loaded
        .files
        .retain(|(p, _)| owner(p).as_deref() == Some(root));
    let mut host = crate::ide::annotated::analyse_annotated_cached(
        root,
        overrides,
        claims,
        loaded.files,
        cache,
    );
    host.snapshot(); // link now, off the request path
    (host, loaded.skipped)
}

impl Engine {
    /// Index folder `root` (one of the engine's roots) on this thread: its
    /// configuration first (its word lists shape the claims), then its
    /// annotations (the knowledge base shapes recognition), then its
    /// sources; then install the index, keeping open buffers. Returns the
    /// files skipped, with why. `background`: buffers whose analysis must
    /// be redone go to workers instead of being analysed here.
    pub fn index_root(self: &Arc<Self>, root: &Path, background: bool) -> Vec<(PathBuf, Skip)> {
        let all = self.roots();
        let follow = self.scan().follow_links;
        self.install_config(root, FolderConfig::load(root, follow));
        let claims = lock(&self.settings).effective(Some(root)).claims;
        let opts = self.scan_for(root);
        let overrides = self.load_annotations_for_index(root);
        let cache = self.analysis_cache();
        let (host, skipped) = index_folder(root, &all, &opts, overrides, claims, cache);
        self.install_host(root, host, background);
        skipped
    }

    /// Indexing `root` failed: requests stop waiting for it.
    pub fn index_failed(&self, root: &Path) {
        lock(&self.workspaces).mark_indexed(root);
        self.analysed.notify_waiters();
    }

    /// Swap in an indexed host; documents opened meanwhile win over disk.
    /// Their analyses move over from the old host (or are redone off the
    /// loop), so nothing heavy runs under the locks.
    fn install_host(self: &Arc<Self>, root: &Path, mut host: AnalysisHost, background: bool) {
        let mut docs = lock(&self.docs);
        let mut ws = lock(&self.workspaces);
        let Some(folder) = ws.roots().iter().position(|r| r == root) else {
            return; // removed while it was being indexed
        };
        let mut redo = Vec::new();
        for (p, d) in docs.iter() {
            if ws.folder_of(p) != Some(folder) || is_config_path(p) {
                continue;
            }
            // The scan read the same text: its analysis stands.
            if host.source_file(p).is_some_and(|f| *f.text == *d.text) {
                continue;
            }
            // The buffer's analysis moves over only if it was made with the
            // folder's new knowledge base: a buffer opened before indexing was
            // analysed without it, and would link apart from the folder.
            let moved = ws
                .source_file(p)
                .filter(|f| Arc::ptr_eq(&f.text, &d.text))
                .is_some_and(|f| host.insert_analysed(f));
            if !moved {
                redo.push(p.clone());
            }
        }
        ws.replace_host(root, host);
        drop(ws);
        self.bump();
        if background {
            for p in &redo {
                self.schedule_analysis(&mut docs, p);
            }
            // What the first edit would load (models, gazetteer), loaded
            // now: a warm restart analyses nothing before the user types.
            tokio::task::spawn_blocking(crate::analysis::warm_up::warm_up);
        }
        drop(docs);
        if !background {
            for p in redo {
                self.analyse_buffer_now(&p);
            }
        }
        // Requests waiting for this folder's index go on.
        self.analysed.notify_waiters();
    }

    /// Apply changes of source files on disk (`deleted`: the file is gone)
    /// to the folder hosts. Open documents are left alone (the buffer wins
    /// over disk). Returns messages worth logging.
    pub fn disk_changes(&self, events: &[(PathBuf, bool)]) -> Vec<String> {
        let mut logs = Vec::new();
        for (path, deleted) in events {
            let path = path.clone();
            if !self.scan().is_source(&path) || lock(&self.docs).is_open(&path) {
                continue;
            }
            let root = {
                let ws = lock(&self.workspaces);
                ws.folder_of(&path).map(|i| ws.roots()[i].clone())
            };
            let Some(root) = root else { continue };
            if hidden_under(&root, &path) || gitignored_under(&root, &path) {
                continue;
            }
            let opts = self.scan_for(&root);
            // Read and analyse before locking: nothing heavy under the locks.
            let text: Option<Arc<str>> = if *deleted {
                None
            } else {
                match read_source(&root, &path, &opts) {
                    Ok(text) => Some(text.into()),
                    Err(why) => {
                        logs.push(format!("crosscheck: skipped {}: {why}", path.display()));
                        None
                    }
                }
            };
            loop {
                let update = text.clone().map(|text| {
                    let inputs = lock(&self.workspaces).analysis_inputs(&path);
                    Workspaces::analyze_detached(inputs, &path, text)
                });
                let docs = lock(&self.docs);
                if docs.is_open(&path) {
                    break; // opened while we were reading
                }
                let mut ws = lock(&self.workspaces);
                match update {
                    Some(f) => {
                        if !ws.insert(Arc::new(f)) {
                            continue; // the folder's inputs changed meanwhile
                        }
                    }
                    None => {
                        ws.remove_file(&path);
                    }
                }
                self.bump();
                break;
            }
        }
        logs
    }
}

/// True when `path` under `root` sits in a hidden folder or `.crosscheck/`.
fn hidden_under(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root).is_ok_and(|rel| {
        rel.components().any(|c| match c {
            Component::Normal(s) => s.to_string_lossy().starts_with('.'),
            _ => false,
        })
    })
}

/// The say of the deepest `.gitignore` (from `path`'s folder up to `root`)
/// that matches `path`.
fn ignored_by_nearest(root: &Path, path: &Path, is_dir: bool) -> bool {
    let mut dir = path.parent();
    while let Some(d) = dir.filter(|d| d.starts_with(root)) {
        let gi = d.join(".gitignore");
        if gi.is_file() {
            let (matcher, _) = ignore::gitignore::Gitignore::new(&gi);
            let m = matcher.matched(path, is_dir);
            if !m.is_none() {
                return m.is_ignore();
            }
        }
        dir = d.parent();
    }
    false
}

/// True when `.gitignore` rules hide `path` from the initial scan: the
/// file itself or any folder on the way down from `root` is ignored (the
/// scan does not descend into ignored folders).
fn gitignored_under(root: &Path, path: &Path) -> bool {
    if ignored_by_nearest(root, path, false) {
        return true;
    }
    path.ancestors()
        .skip(1)
        .take_while(|d| *d != root && d.starts_with(root))
        .any(|d| ignored_by_nearest(root, d, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_folders_are_skipped() {
        let root = Path::new("/w");
        assert!(hidden_under(root, Path::new("/w/.git/a.txt")));
        assert!(hidden_under(root, Path::new("/w/x/.crosscheck/a.txt")));
        assert!(!hidden_under(root, Path::new("/w/x/a.txt")));
    }

    #[test]
    fn gitignore_rules_apply_to_events() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir_all(root.join("drafts/keep")).unwrap();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join(".gitignore"), "drafts/\n*.tmp.txt\n").unwrap();
        std::fs::write(root.join("drafts/keep/.gitignore"), "!x.txt\n").unwrap();
        std::fs::write(root.join("sub/.gitignore"), "!a.tmp.txt\n").unwrap();
        assert!(gitignored_under(root, &root.join("drafts/a.txt")));
        assert!(gitignored_under(root, &root.join("notes.tmp.txt")));
        assert!(!gitignored_under(root, &root.join("notes.txt")));
        // inside an ignored folder nothing comes back (git and the scan agree)
        assert!(gitignored_under(root, &root.join("drafts/keep/x.txt")));
        // a deeper .gitignore may re-include a file
        assert!(!gitignored_under(root, &root.join("sub/a.tmp.txt")));
        assert!(gitignored_under(root, &root.join("sub/b.tmp.txt")));
        // ... exactly as the initial scan sees it
        let files = [
            "drafts/a.txt",
            "notes.tmp.txt",
            "notes.txt",
            "drafts/keep/x.txt",
            "sub/a.tmp.txt",
            "sub/b.tmp.txt",
        ];
        for f in files {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let found = crate::workspace::discover(root, &ScanOptions::default());
        for f in files {
            let p = root.join(f);
            assert_eq!(found.contains(&p), !gitignored_under(root, &p), "{f}");
        }
    }

    #[test]
    fn nested_folders_do_not_share_files() {
        let d = tempfile::tempdir().unwrap();
        let outer = d.path().to_path_buf();
        let inner = outer.join("inner");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::write(outer.join("a.txt"), "NATO met.").unwrap();
        std::fs::write(inner.join("b.txt"), "NATO met.").unwrap();
        let roots = vec![outer.clone(), inner.clone()];
        let (mut h, _) = index_folder(
            &outer,
            &roots,
            &ScanOptions::default(),
            Default::default(),
            Default::default(),
            None,
        );
        assert_eq!(h.snapshot().files.len(), 1);
        let (mut h, _) = index_folder(
            &inner,
            &roots,
            &ScanOptions::default(),
            Default::default(),
            Default::default(),
            None,
        );
        assert_eq!(h.snapshot().files[0].rel_path, "b.txt");
    }
}
