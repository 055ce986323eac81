//! One [`AnalysisHost`] per workspace folder, plus a "loose" host per open
//! file that lies outside every folder, so such files still get single-file
//! analysis without polluting a folder's entities.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::claims::ClaimSettings;
use crate::analysis::ner::folder::FolderView;
use crate::analysis::overrides::Overrides;
use crate::analysis::{AnalysisHost, Snapshot, SourceFile};

/// What analysing one file of a workspace needs from its host.
pub struct AnalysisInputs {
    pub rel: String,
    pub overrides: Arc<Overrides>,
    pub settings: ClaimSettings,
    /// What the folder says about the words the file's previous version
    /// left open (see `AnalysisHost::view_guess`).
    pub view: FolderView,
}

pub struct Folder {
    pub root: PathBuf,
    pub host: AnalysisHost,
    /// The folder's first indexing has been installed: its host knows
    /// every file and the knowledge base. Until then it holds only the
    /// buffers opened meanwhile, and cross-file answers would be partial.
    pub indexed: bool,
}

#[derive(Default)]
pub struct Workspaces {
    folders: Vec<Folder>,
    /// Open files inside a folder by name that resolve outside it (a
    /// symbolic link out of the folder): analysed as loose files, so what
    /// they link to never joins the folder's entities.
    outside: std::collections::HashSet<PathBuf>,
    loose: HashMap<PathBuf, AnalysisHost>,
    /// Claim word lists for loose files (client settings only).
    loose_claims: ClaimSettings,
}

impl Workspaces {
    pub fn new(roots: Vec<PathBuf>) -> Workspaces {
        let mut roots = roots;
        roots.sort();
        roots.dedup();
        Workspaces {
            folders: roots
                .into_iter()
                .map(|root| Folder {
                    host: AnalysisHost::new(Some(root.clone())),
                    root,
                    indexed: false,
                })
                .collect(),
            loose: HashMap::new(),
            loose_claims: ClaimSettings::default(),
            outside: Default::default(),
        }
    }

    pub fn roots(&self) -> Vec<PathBuf> {
        self.folders.iter().map(|f| f.root.clone()).collect()
    }

    /// `path` (open in the editor) lies in a folder by name but resolves
    /// outside it: from now on it is a loose file (`true`), or it is a
    /// folder file again (`false`, when closed).
    pub fn set_outside(&mut self, path: &Path, outside: bool) {
        if outside {
            if let Some(i) = self.folder_of(path) {
                self.folders[i].host.remove_file(path);
            }
            self.outside.insert(path.to_path_buf());
        } else {
            self.outside.remove(path);
        }
    }

    /// Is `path` an open file that resolves outside its folder?
    pub fn is_outside(&self, path: &Path) -> bool {
        self.outside.contains(path)
    }

    /// The root of the folder `path` belongs to.
    pub fn root_of(&self, path: &Path) -> Option<PathBuf> {
        self.folder_of(path).map(|i| self.folders[i].root.clone())
    }

    /// The folder whose root is the longest prefix of `path` (nested
    /// folders: the innermost wins).
    pub fn folder_of(&self, path: &Path) -> Option<usize> {
        if self.outside.contains(path) {
            return None;
        }
        self.folders
            .iter()
            .enumerate()
            .filter(|(_, f)| path.starts_with(&f.root))
            .max_by_key(|(_, f)| f.root.components().count())
            .map(|(i, _)| i)
    }

    fn host_mut(&mut self, path: &Path) -> &mut AnalysisHost {
        match self.folder_of(path) {
            Some(i) => &mut self.folders[i].host,
            None => self.loose.entry(path.to_path_buf()).or_insert_with(|| {
                let mut h = AnalysisHost::new(path.parent().map(Path::to_path_buf));
                h.set_claim_settings(self.loose_claims.clone());
                h
            }),
        }
    }

    /// Analyse `path` with `text` in the host it belongs to.
    pub fn set_file(&mut self, path: &Path, text: Arc<str>) {
        self.host_mut(path).set_file(path.to_path_buf(), text);
    }

    /// What analysing `path` elsewhere needs from its host: the path it is
    /// shown as (relative to its folder, or its file name for a loose
    /// file) and the host's knowledge base and decisions.
    pub fn analysis_inputs(&self, path: &Path) -> AnalysisInputs {
        let host = self.host_of(path);
        match host {
            Some(h) => AnalysisInputs {
                rel: h.rel_path(path),
                overrides: h.overrides().clone(),
                settings: h.claim_settings().clone(),
                view: h.view_guess(path),
            },
            None => AnalysisInputs {
                rel: AnalysisHost::new(path.parent().map(Path::to_path_buf)).rel_path(path),
                overrides: Arc::new(Overrides::default()),
                settings: self.loose_claims.clone(),
                view: FolderView::empty(),
            },
        }
    }

    pub fn folder_overrides(&self, root: &Path) -> Arc<Overrides> {
        self.folders
            .iter()
            .find(|f| f.root == root)
            .map(|f| f.host.overrides().clone())
            .unwrap_or_default()
    }

    /// Analyse `path` with `text` as its host would, without touching the
    /// host (so no lock need be held meanwhile).
    pub fn analyze_detached(inputs: AnalysisInputs, path: &Path, text: Arc<str>) -> SourceFile {
        // Claims are left to the snapshot's claims index (built lazily, in
        // the background): they parse the claim sentences, and the entity
        // features of this document must not wait for that.
        SourceFile::analyze_in(
            path.to_path_buf(),
            inputs.rel,
            text,
            &inputs.overrides,
            &inputs.view,
        )
    }

    /// Store a file analysed elsewhere, in the host it belongs to. False
    /// when the host's inputs changed since [`Self::analysis_inputs`] (see
    /// `AnalysisHost::insert_analysed`): analyse it again.
    #[must_use]
    pub fn insert(&mut self, f: Arc<SourceFile>) -> bool {
        let path = f.path.clone();
        self.host_mut(&path).insert_analysed(f)
    }

    /// Does the routed host hold an analysis of `text` for `path` that it
    /// would make again (same overrides, same place)? Then a buffer opened
    /// with the text on disk needs no analysis.
    pub fn holds(&self, path: &Path, text: &str) -> bool {
        self.host_of(path).is_some_and(|host| {
            host.source_file(path)
                .is_some_and(|f| *f.text == *text && !f.failed && host.accepts(f))
        })
    }

    /// The analysis the routed host holds for `path`.
    pub fn source_file(&self, path: &Path) -> Option<Arc<SourceFile>> {
        self.host_of(path)?.source_file(path).cloned()
    }

    /// The host `path` is routed to: its folder's, else its own loose
    /// host if it has one.
    fn host_of(&self, path: &Path) -> Option<&AnalysisHost> {
        match self.folder_of(path) {
            Some(i) => Some(&self.folders[i].host),
            None => self.loose.get(path),
        }
    }

    /// Forget `path`: removed from its folder, or its loose host dropped.
    pub fn remove_file(&mut self, path: &Path) {
        match self.folder_of(path) {
            Some(i) => {
                self.folders[i].host.remove_file(path);
            }
            None => {
                self.loose.remove(path);
            }
        }
    }

    /// The snapshot that contains `path`, if any host knows the file.
    pub fn snapshot_for(&mut self, path: &Path) -> Option<Arc<Snapshot>> {
        let host = match self.folder_of(path) {
            Some(i) => &mut self.folders[i].host,
            None => self.loose.get_mut(path)?,
        };
        host.contains(path).then(|| host.snapshot())
    }

    /// Every snapshot: folders first, then loose files.
    pub fn snapshots(&mut self) -> Vec<Arc<Snapshot>> {
        let mut out: Vec<Arc<Snapshot>> =
            self.folders.iter_mut().map(|f| f.host.snapshot()).collect();
        let mut loose: Vec<(&PathBuf, &mut AnalysisHost)> = self.loose.iter_mut().collect();
        loose.sort_by(|a, b| a.0.cmp(b.0));
        out.extend(loose.into_iter().map(|(_, h)| h.snapshot()));
        out
    }

    /// Add a folder (no-op if present). Loose hosts of files now inside a
    /// folder are dropped: the caller re-sets open documents, which then
    /// land in the folder.
    pub fn add_folder(&mut self, root: PathBuf) -> bool {
        if self.folders.iter().any(|f| f.root == root) {
            return false;
        }
        // An outer folder gives up the files the new one owns.
        for f in self
            .folders
            .iter_mut()
            .filter(|f| root.starts_with(&f.root))
        {
            let inner: Vec<PathBuf> = f
                .host
                .snapshot()
                .files
                .iter()
                .filter(|sf| sf.path.starts_with(&root))
                .map(|sf| sf.path.clone())
                .collect();
            for p in inner {
                f.host.remove_file(&p);
            }
        }
        self.folders.push(Folder {
            host: AnalysisHost::new(Some(root.clone())),
            root,
            indexed: false,
        });
        self.folders.sort_by(|a, b| a.root.cmp(&b.root));
        let folders = &self.folders;
        self.loose
            .retain(|p, _| !folders.iter().any(|f| p.starts_with(&f.root)));
        true
    }

    /// Remove a folder and its analyses. Open documents in it must be
    /// re-set by the caller (they become loose files, or move to an outer
    /// folder). Returns the outer folder that should be re-scanned to take
    /// the files back, if any.
    pub fn remove_folder(&mut self, root: &Path) -> Option<PathBuf> {
        self.folders.retain(|f| f.root != root);
        self.folder_of(root).map(|i| self.folders[i].root.clone())
    }

    /// The claim word lists of folder `root` (from its configuration).
    pub fn set_claim_settings(&mut self, root: &Path, settings: ClaimSettings) {
        if let Some(f) = self.folders.iter_mut().find(|f| f.root == root) {
            f.host.set_claim_settings(settings);
        }
    }

    /// The claim word lists of loose files.
    pub fn set_loose_claim_settings(&mut self, settings: ClaimSettings) {
        for h in self.loose.values_mut() {
            h.set_claim_settings(settings.clone());
        }
        self.loose_claims = settings;
    }

    /// Swap in a freshly indexed host for folder `root`.
    pub fn replace_host(&mut self, root: &Path, host: AnalysisHost) {
        if let Some(f) = self.folders.iter_mut().find(|f| f.root == root) {
            f.host = host;
            f.indexed = true;
        }
    }

    /// Stop waiting for folder `root`'s index (its indexing failed).
    pub fn mark_indexed(&mut self, root: &Path) {
        if let Some(f) = self.folders.iter_mut().find(|f| f.root == root) {
            f.indexed = true;
        }
    }

    /// Has the folder of `path` (with `None`: every folder) been indexed?
    /// Loose files need no index.
    pub fn is_indexed(&self, path: Option<&Path>) -> bool {
        match path {
            Some(p) => self.folder_of(p).is_none_or(|i| self.folders[i].indexed),
            None => self.folders.iter().all(|f| f.indexed),
        }
    }

    /// (files, entities) over the folders.
    pub fn counts(&mut self) -> (usize, usize) {
        self.folders.iter_mut().fold((0, 0), |(f, e), folder| {
            let s = folder.host.snapshot();
            (f + s.files.len(), e + s.entities.len())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_by_longest_prefix_and_keeps_loose_files_apart() {
        let mut ws = Workspaces::new(vec!["/w/a".into(), "/w/a/inner".into(), "/w/b".into()]);
        assert_eq!(ws.folder_of(Path::new("/w/a/x.txt")), Some(0));
        assert_eq!(ws.folder_of(Path::new("/w/a/inner/x.txt")), Some(1));
        assert_eq!(
            ws.folder_of(Path::new("/w/ab/x.txt")),
            None,
            "prefix by component"
        );
        ws.set_file(Path::new("/w/b/x.txt"), Arc::from("NATO met in Kyiv."));
        ws.set_file(
            Path::new("/elsewhere/y.txt"),
            Arc::from("NATO met in Kyiv."),
        );
        let b = ws.snapshot_for(Path::new("/w/b/x.txt")).unwrap();
        assert_eq!(b.files.len(), 1);
        let loose = ws.snapshot_for(Path::new("/elsewhere/y.txt")).unwrap();
        assert_eq!(loose.files.len(), 1);
        assert_eq!(loose.files[0].rel_path, "y.txt");
        assert!(ws.snapshot_for(Path::new("/w/b/missing.txt")).is_none());
        assert_eq!(ws.snapshots().len(), 4);
        ws.remove_file(Path::new("/elsewhere/y.txt"));
        assert!(ws.snapshot_for(Path::new("/elsewhere/y.txt")).is_none());
        assert_eq!(ws.counts().0, 1);
        // analysed elsewhere, then inserted where it belongs
        let p = PathBuf::from("/w/a/in.txt");
        let f = Workspaces::analyze_detached(ws.analysis_inputs(&p), &p, Arc::from("Kyiv."));
        assert_eq!(f.rel_path, "in.txt");
        assert!(ws.insert(Arc::new(f)));
        assert_eq!(&*ws.source_file(&p).unwrap().text, "Kyiv.");
        assert_eq!(ws.analysis_inputs(Path::new("/loose/x.md")).rel, "x.md");
    }

    /// A buffer analysed before the folder's knowledge base arrived (or
    /// under an older one) does not join the folder: it is analysed again.
    #[test]
    fn an_analysis_made_under_other_overrides_is_refused() {
        use crate::analysis::model::EntityKind;
        use crate::analysis::overrides::KbEntity;
        let root = PathBuf::from("/w/a");
        let mut ws = Workspaces::new(vec![root.clone()]);
        let p = root.join("x.txt");
        assert!(!ws.is_indexed(Some(&p)) && ws.is_indexed(Some(Path::new("/loose.txt"))));
        let text: Arc<str> = Arc::from("Stoltenberg spoke in Kyiv.");
        let early = Workspaces::analyze_detached(ws.analysis_inputs(&p), &p, text.clone());
        let kb = Overrides::new(
            vec![KbEntity {
                id: "person:jens-stoltenberg".into(),
                kind: EntityKind::Person,
                name: "Jens Stoltenberg".into(),
                aliases: vec!["Stoltenberg".into()],
            }],
            None,
        );
        let mut host = AnalysisHost::new(Some(root.clone()));
        host.set_overrides(Arc::new(kb));
        ws.replace_host(&root, host);
        assert!(ws.is_indexed(Some(&p)) && ws.is_indexed(None));
        assert!(!ws.insert(Arc::new(early)), "analysed without the KB");
        let again = Workspaces::analyze_detached(ws.analysis_inputs(&p), &p, text);
        assert!(ws.insert(Arc::new(again)));
        let snap = ws.snapshot_for(&p).unwrap();
        assert!(snap.entity_by_id("person:jens-stoltenberg").is_some());
    }

    #[test]
    fn loose_files_follow_client_word_lists() {
        let mut ws = Workspaces::new(vec!["/w/a".into()]);
        let lists = ClaimSettings {
            hedges: vec!["word on the street".into()],
            ..Default::default()
        };
        ws.set_file(Path::new("/x/old.txt"), Arc::from("NATO met."));
        ws.set_loose_claim_settings(lists.clone());
        assert_eq!(ws.analysis_inputs(Path::new("/x/new.txt")).settings, lists);
        assert_eq!(ws.analysis_inputs(Path::new("/x/old.txt")).settings, lists);
        assert_eq!(
            ws.analysis_inputs(Path::new("/w/a/f.txt")).settings,
            ClaimSettings::default()
        );
    }

    #[test]
    fn folders_come_and_go() {
        let mut ws = Workspaces::new(vec!["/w/a".into()]);
        ws.set_file(Path::new("/w/b/x.txt"), Arc::from("NATO met."));
        assert!(ws.snapshot_for(Path::new("/w/b/x.txt")).is_some());
        assert!(ws.add_folder("/w/b".into()));
        assert!(!ws.add_folder("/w/b".into()));
        // the loose host is gone; re-setting routes into the folder
        assert!(ws.snapshot_for(Path::new("/w/b/x.txt")).is_none());
        ws.set_file(Path::new("/w/b/x.txt"), Arc::from("NATO met."));
        assert_eq!(ws.folder_of(Path::new("/w/b/x.txt")), Some(1));
        assert_eq!(ws.remove_folder(Path::new("/w/b")), None);
        assert_eq!(ws.roots(), vec![PathBuf::from("/w/a")]);
        assert!(ws.snapshot_for(Path::new("/w/b/x.txt")).is_none());
        // nested: the outer folder hands files over and gets them back
        ws.set_file(Path::new("/w/a/in/y.txt"), Arc::from("NATO met."));
        ws.add_folder("/w/a/in".into());
        assert!(ws.snapshot_for(Path::new("/w/a/in/y.txt")).is_none());
        assert_eq!(ws.counts().0, 0);
        assert_eq!(
            ws.remove_folder(Path::new("/w/a/in")),
            Some(PathBuf::from("/w/a"))
        );
    }
}
