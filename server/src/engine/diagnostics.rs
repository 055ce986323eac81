//! Which files' diagnostics an edit can change.
//!
//! A file's claim diagnostics are made of its own claims and of the
//! conflicts its facts take part in, settled by the folder's annotations
//! under the folder's configuration. After an edit, the claims index is
//! patched for the files whose fact signatures changed, and the patch
//! tells which files' groups or links it touched (see
//! `claims::index::patch::PatchStats::dirty`): only those files'
//! diagnostics can differ. A [`Mark`] remembers what a run computed a
//! folder's diagnostics from, and [`Engine::diagnostics_changed`] says
//! which files of a later snapshot must be computed again.
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, Weak};

use super::Engine;
use crate::analysis::{FileId, Snapshot};
use crate::annotations::AnnotationSet;
use crate::config::Config;

/// What a folder's diagnostics were computed from.
#[derive(Clone)]
pub struct Mark {
    root: Option<PathBuf>,
    config: Config,
    /// The folder's annotations then (weak: only compared by identity).
    annotations: Option<Weak<AnnotationSet>>,
    /// The parts of the claims index read (see `Snapshot::claims_id`);
    /// filled later for diagnostics read back from the persisted index,
    /// which are those of the index built after them (see
    /// [`Mark::index_built`]).
    claims_id: Arc<OnceLock<u64>>,
}

impl Mark {
    /// The root of the folder (or loose file) it is about.
    pub fn root(&self) -> Option<&std::path::Path> {
        self.root.as_deref()
    }

    /// The claims index of `snap` (the snapshot the mark was taken of,
    /// whose diagnostics were read back from the persisted index for its
    /// folder state) is built now: later snapshots are told apart from it.
    pub fn index_built(&self, snap: &Snapshot) {
        if let Some(id) = snap.claims_id() {
            let _ = self.claims_id.set(id);
        }
    }
}

impl Engine {
    fn annotations_of(&self, snap: &Snapshot) -> Option<Arc<AnnotationSet>> {
        snap.root.as_deref().and_then(|r| self.folder_set(r))
    }

    /// What the diagnostics of `snap` under `config` are computed from
    /// now. While its claims index is not built (diagnostics read back
    /// from the persisted index) the mark tells nothing apart until
    /// [`Mark::index_built`].
    pub fn diagnostics_mark(&self, snap: &Snapshot, config: &Config) -> Mark {
        let claims_id = Arc::new(OnceLock::new());
        if let Some(id) = snap.claims_id() {
            let _ = claims_id.set(id);
        }
        Mark {
            root: snap.root.clone(),
            config: config.clone(),
            annotations: self.annotations_of(snap).map(|a| Arc::downgrade(&a)),
            claims_id,
        }
    }

    /// The files of `snap` whose diagnostics under `config` may differ
    /// from those computed at `mark` (sorted), building its claims index
    /// first; `None` when any may (another folder, configuration or set
    /// of annotations, a full rebuild of the claims index in between, or
    /// a state whose diagnostics are stored for restarts, which wants
    /// every file's).
    pub fn diagnostics_changed(
        &self,
        mark: &Mark,
        snap: &Snapshot,
        config: &Config,
    ) -> Option<Vec<FileId>> {
        if mark.root != snap.root || mark.config != *config {
            return None;
        }
        let now = self.annotations_of(snap);
        let same_annotations = match (&mark.annotations, &now) {
            (None, None) => true,
            (Some(w), Some(a)) => std::ptr::eq(w.as_ptr(), Arc::as_ptr(a)),
            _ => false,
        };
        if !same_annotations || snap.stored_state().is_some() {
            return None;
        }
        snap.claims_changed_since(*mark.claims_id.get()?)
    }
}
