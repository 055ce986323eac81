//! The annotations of each workspace folder (`.crosscheck/`) inside the
//! engine: loaded on indexing, fed to the folder's analysis as overrides,
//! reloaded when a `.crosscheck/` file changes on disk or in an editor
//! buffer (open buffers win over their files).
//!
//! A `.crosscheck/` file is never analysed as a news source, and nothing
//! here writes: a file that does not parse stays out of the set (edits to
//! it are refused by `annotations::edit`) and only gets findings.
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::{lock, Engine};
use crate::analysis::overrides::Overrides;
use crate::annotations::paths::DIR;
use crate::annotations::{AnnotationSet, Finding};
use crate::ide::annotated::{self as annot_core, findings_of, overrides_from};

/// The annotations of one folder, as last loaded.
pub struct FolderAnnotations {
    pub set: Arc<AnnotationSet>,
    /// Findings from reading and validating the files.
    pub load_findings: Vec<Finding>,
}

/// Serialises reloads: each reads the newest state when it starts, so the
/// last one to run installs the newest annotations.
static RELOAD: Mutex<()> = Mutex::new(());

impl Engine {
    /// The folder whose `.crosscheck/` holds `path` (a JSON file), if any.
    pub fn annotation_root(&self, path: &Path) -> Option<PathBuf> {
        if path.extension().is_none_or(|e| e != "json") {
            return None;
        }
        let ws = lock(&self.workspaces);
        let i = ws.folder_of(path)?;
        let root = ws.roots()[i].clone();
        // The configuration lives there too but is not an annotation file:
        // `engine::settings` owns it.
        if path == root.join(DIR).join("config.json") {
            return None;
        }
        path.starts_with(root.join(DIR)).then_some(root)
    }

    /// Load a folder's annotations from disk, with open `.crosscheck/`
    /// buffers in place of their files (the buffer is what the person sees).
    pub fn load_annotations(&self, root: &Path) -> (AnnotationSet, Vec<Finding>) {
        let opts = crate::annotations::LoadOptions {
            follow_links: self.scan().follow_links,
            ..Default::default()
        };
        let (mut set, mut findings) = AnnotationSet::load_with(root, &opts);
        let dir = root.join(DIR);
        // A buffer of a file that resolves outside the folder stands in for
        // nothing: that file is not read either.
        let inside =
            |p: &Path| crate::workspace::fs::resolve_inside(root, p, opts.follow_links).is_ok();
        let open: Vec<(PathBuf, String)> = lock(&self.docs)
            .iter()
            .filter(|(p, _)| p.starts_with(&dir))
            .map(|(p, d)| (p.clone(), d.text.to_string()))
            .collect();
        let open: Vec<(PathBuf, String)> = open.into_iter().filter(|(p, _)| inside(p)).collect();
        for (p, text) in open {
            if let Some(f) = set.update_file(&p, text) {
                findings.retain(|x| x.path != p);
                findings.extend(f);
            }
        }
        (set, findings)
    }

    /// On indexing: load the folder's annotations and return the overrides
    /// its host is built with.
    pub fn load_annotations_for_index(&self, root: &Path) -> Arc<Overrides> {
        let (set, load_findings) = self.load_annotations(root);
        let set = Arc::new(set);
        let ov = Arc::new(overrides_from(&set));
        lock(&self.annotations)
            .insert(root.to_path_buf(), FolderAnnotations { set, load_findings });
        ov
    }

    /// The current annotations of the folder `root`.
    pub fn folder_set(&self, root: &Path) -> Option<Arc<AnnotationSet>> {
        lock(&self.annotations).get(root).map(|f| f.set.clone())
    }

    /// The folder root and annotations of a source file.
    pub fn set_for(&self, path: &Path) -> Option<(PathBuf, Arc<AnnotationSet>)> {
        let root = {
            let ws = lock(&self.workspaces);
            ws.roots()[ws.folder_of(path)?].clone()
        };
        let set = self.folder_set(&root)?;
        Some((root, set))
    }

    /// Load the annotations of `root` and redo its analysis with them, off
    /// the locks; then swap the new analysis in. Open buffers whose text
    /// moved on meanwhile are analysed again (in the background when
    /// `background`, else right here).
    pub fn reload_annotations(self: &Arc<Self>, root: &Path, background: bool) {
        let _one = RELOAD.lock().unwrap_or_else(|e| e.into_inner());
        let (set, load_findings) = self.load_annotations(root);
        let set = Arc::new(set);
        let ov = Arc::new(overrides_from(&set));
        let current = {
            let mut ws = lock(&self.workspaces);
            ws.roots().iter().position(|r| r == root).map(|i| {
                let snap = ws.snapshots()[i].clone();
                let settings = ws.analysis_inputs(&root.join(DIR)).settings;
                (snap, settings)
            })
        };
        let Some((snap, settings)) = current else {
            return; // the folder was removed
        };
        let files = snap
            .files
            .iter()
            .map(|f| (f.path.clone(), f.text.clone()))
            .collect();
        drop(snap);
        let mut host = annot_core::analyse_annotated(root, ov, settings, files);
        host.snapshot(); // link now, not on the next request
        let redo = {
            let mut docs = lock(&self.docs);
            let mut ws = lock(&self.workspaces);
            let Some(folder) = ws.roots().iter().position(|r| r == root) else {
                return;
            };
            let dir = root.join(DIR);
            let redo: Vec<PathBuf> = docs
                .iter()
                .filter(|(p, _)| ws.folder_of(p) == Some(folder) && !p.starts_with(&dir))
                .filter(|(p, d)| {
                    host.source_file(p)
                        .is_none_or(|f| !Arc::ptr_eq(&f.text, &d.text) && *f.text != *d.text)
                })
                .map(|(p, _)| p.clone())
                .collect();
            ws.replace_host(root, host);
            drop(ws);
            lock(&self.annotations)
                .insert(root.to_path_buf(), FolderAnnotations { set, load_findings });
            self.bump();
            if background {
                for p in &redo {
                    self.schedule_analysis(&mut docs, p);
                }
            }
            redo
        };
        if !background {
            for p in redo {
                self.analyse_buffer_now(&p);
            }
        }
        self.analysed.notify_waiters();
    }

    /// Every finding about the `.crosscheck/` files of `root`: loading and
    /// validation, unknown entity ids, orphans, missing sources, overlapping
    /// holders of single-holder roles.
    pub fn folder_findings(&self, root: &Path) -> Vec<Finding> {
        let (set, load) = {
            let a = lock(&self.annotations);
            match a.get(root) {
                Some(f) => (f.set.clone(), f.load_findings.clone()),
                None => return Vec::new(),
            }
        };
        let Some(view) = self.folder_view(root) else {
            return Vec::new();
        };
        findings_of(&set, load, &view.snap)
    }

    /// The metadata of a source as a person corrected it (publication
    /// date, outlet, ...), if any.
    pub fn source_metadata(&self, path: &Path) -> Option<crate::annotations::model::Metadata> {
        let (root, set) = self.set_for(path)?;
        let rel = path.strip_prefix(&root).ok()?.to_str()?.replace('\\', "/");
        set.metadata(&rel).filter(|m| !m.is_empty()).cloned()
    }
}
