//! The changes the engine takes, one function per kind: a buffer opened,
//! edited or closed; files changed on disk; the annotations or the client
//! settings changed. The language server calls them from its handlers with
//! [`Mode::Background`] (heavy work goes to blocking tasks, requests wait
//! for it); tests and tools call them with [`Mode::Now`] (everything is
//! done when the call returns, no runtime needed).
//!
//! The kind of file decides the route: a `.crosscheck/` annotation file
//! is never analysed as a source (its text feeds the folder's
//! annotations), a folder's `.crosscheck/config.json` is read as settings,
//! anything else is a source.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::documents::Document;
use super::{lock, Engine};

/// Where heavy work runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// On blocking tasks of the current tokio runtime; annotation reloads
    /// are left to the caller (the server debounces them).
    Background,
    /// Here, before returning.
    Now,
}

/// What a change touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// An annotation file of folder `root`: its annotations must be
    /// reloaded (done already with [`Mode::Now`]).
    Annotations(PathBuf),
    /// A source file or a folder's configuration.
    Source,
    /// Nothing (an edit of a document that is not open).
    Nothing,
}

impl Engine {
    /// A buffer was opened with `doc`'s text: it stands in for the file.
    pub fn open_buffer(self: &Arc<Self>, path: &Path, doc: Document, mode: Mode) -> Touched {
        if let Some(root) = self.annotation_root(path) {
            lock(&self.docs).open(path.to_path_buf(), doc);
            return self.annotations_touched(root, mode);
        }
        // A file that is in a folder by name but resolves outside it (a
        // link out of the folder) is analysed on its own.
        let follow = self.scan().follow_links;
        let root = lock(&self.workspaces).root_of(path);
        let outside = root.is_some_and(|r| {
            matches!(
                crate::workspace::fs::resolve_inside(&r, path, follow),
                Err(crate::workspace::fs::Refused::Outside { .. })
            )
        });
        {
            let mut docs = lock(&self.docs);
            docs.open(path.to_path_buf(), doc);
            if outside {
                lock(&self.workspaces).set_outside(path, true);
            }
            self.buffer_changed(&mut docs, path, mode);
        }
        self.after_buffer_change(path, mode);
        Touched::Source
    }

    /// The buffer of `path` is changed by `edit` (byte-range edits, then
    /// `Document::finish`).
    pub fn edit_buffer(
        self: &Arc<Self>,
        path: &Path,
        edit: impl FnOnce(&mut Document),
        mode: Mode,
    ) -> Touched {
        let annotations = self.annotation_root(path);
        {
            let mut docs = lock(&self.docs);
            let Some(d) = docs.get_mut(path) else {
                return Touched::Nothing;
            };
            edit(d);
            if annotations.is_none() {
                self.buffer_changed(&mut docs, path, mode);
            }
        }
        if let Some(root) = annotations {
            return self.annotations_touched(root, mode);
        }
        self.after_buffer_change(path, mode);
        Touched::Source
    }

    /// The buffer of `path` was closed: a folder file goes back to its
    /// text on disk, a loose file is dropped.
    pub fn close_buffer(self: &Arc<Self>, path: &Path, mode: Mode) -> Touched {
        if let Some(root) = self.annotation_root(path) {
            lock(&self.docs).close(path);
            return self.annotations_touched(root, mode);
        }
        let reload = {
            let mut docs = lock(&self.docs);
            docs.close(path);
            let mut ws = lock(&self.workspaces);
            if ws.folder_of(path).is_none() {
                ws.remove_file(path);
                ws.set_outside(path, false);
                self.bump();
                false
            } else {
                lock(&self.reloading).insert(path.to_path_buf());
                true
            }
        };
        if reload {
            match mode {
                Mode::Now => self.reload_from_disk(path),
                Mode::Background => {
                    let (engine, path) = (self.clone(), path.to_path_buf());
                    tokio::task::spawn_blocking(move || engine.reload_from_disk(&path));
                }
            }
        }
        Touched::Source
    }

    /// Files changed on disk (`true`: deleted). Runs on this thread (the
    /// server calls it from a blocking task). Returns the folders whose
    /// annotations changed (reloaded already with [`Mode::Now`]) and
    /// messages worth logging.
    pub fn files_changed(
        self: &Arc<Self>,
        changes: &[(PathBuf, bool)],
        mode: Mode,
    ) -> (Vec<PathBuf>, Vec<String>) {
        let mut roots: Vec<PathBuf> = changes
            .iter()
            .filter(|(p, _)| !lock(&self.docs).is_open(p))
            .filter_map(|(p, _)| self.annotation_root(p))
            .collect();
        roots.sort();
        roots.dedup();
        let paths: Vec<PathBuf> = changes.iter().map(|(p, _)| p.clone()).collect();
        self.config_files_changed(&paths);
        let logs = self.disk_changes(changes);
        if mode == Mode::Now {
            for r in &roots {
                self.reload_annotations(r, false);
            }
        }
        (roots, logs)
    }

    /// New client settings (the `crosscheck` section or the whole object).
    pub fn client_settings_changed(&self, settings: &serde_json::Value) {
        self.set_client_settings(settings);
    }

    /// The analysis of `path`'s buffer is due: on a worker, or now.
    fn buffer_changed(
        self: &Arc<Self>,
        docs: &mut super::documents::Documents,
        path: &Path,
        mode: Mode,
    ) {
        self.bump();
        match mode {
            Mode::Background => self.schedule_analysis(docs, path),
            Mode::Now => {
                // Analysed below, once the documents lock is released.
                if let Some(d) = docs.get_mut(path) {
                    d.analysing = !super::settings::is_config_path(path);
                }
            }
        }
    }

    fn after_buffer_change(self: &Arc<Self>, path: &Path, mode: Mode) {
        if mode == Mode::Now {
            self.analyse_buffer_now(path);
        }
        self.config_buffer_changed(path);
    }

    fn annotations_touched(self: &Arc<Self>, root: PathBuf, mode: Mode) -> Touched {
        self.bump();
        if mode == Mode::Now {
            self.reload_annotations(&root, false);
        }
        Touched::Annotations(root)
    }
}
