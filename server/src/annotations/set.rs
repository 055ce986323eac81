//! [`AnnotationSet`]: every `.crosscheck/` file of one workspace, loaded
//! and validated, with the queries the analysis and the editor need.
//! Nothing here writes; see `edit` for changes and `store` for writing.
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::anchor::{anchor_with, context_hash, target_with, CharIndex, Method, OrphanReason};
use super::finding::{code, Finding, Severity};
use super::model::{kind, Annotation, AnnotationFile, Fact, KbEntity, KnowledgeBase, Metadata};
use super::paths::{annotations_dir, kb_path, source_of_annotation_path};
use super::store::{read_limited, FileHash, ReadError, Scope, DEFAULT_MAX_FILE_SIZE};
use super::validate::{parse_annotation_file, parse_kb, Parsed};
use crate::analysis::text::line_index::LineColumns;

#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files over this size are refused with a finding, never read whole.
    pub max_file_size: u64,
    /// Follow symbolic links that lead out of the workspace (a knowledge
    /// base shared between folders); off by default.
    pub follow_links: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            follow_links: false,
        }
    }
}

/// One loaded `.crosscheck/` file: its text as read (edits start from it),
/// the hash a writer must present, and the validation result.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    pub path: PathBuf,
    pub text: String,
    pub hash: FileHash,
    pub parsed: Parsed<T>,
}

#[derive(Clone, Debug, Default)]
pub struct AnnotationSet {
    pub root: PathBuf,
    pub kb: Option<Loaded<KnowledgeBase>>,
    /// By source path (workspace-relative, `/`-separated).
    pub files: BTreeMap<String, Loaded<AnnotationFile>>,
    /// Sources whose annotation file exists but could not be read (too
    /// large, not UTF-8): edits to them are refused.
    pub unreadable: std::collections::BTreeSet<String>,
    pub kb_unreadable: bool,
    /// Links out of the workspace may be followed (see [`LoadOptions`]):
    /// writes follow them too.
    pub follow_links: bool,
    /// Retired id -> surviving id (from `merged_from`).
    merged: HashMap<String, String>,
}

/// An annotation placed in the current text of its source.
#[derive(Clone, Debug, PartialEq)]
pub struct Anchored {
    /// Index into `AnnotationFile::annotations`.
    pub index: usize,
    pub id: String,
    pub kind: String,
    /// Byte range in the current source text.
    pub span: Range<usize>,
    pub method: Method,
    pub score: f32,
    /// For links: the entity id, retired ids resolved to their survivor.
    pub entity: Option<String>,
    pub status: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    pub index: usize,
    pub id: String,
    pub kind: String,
    pub quote: String,
    pub reason: OrphanReason,
}

/// The annotations of one source against its current text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileAnchors {
    /// Sorted by span start.
    pub placed: Vec<Anchored>,
    pub orphans: Vec<Orphan>,
    /// One `orphaned-annotation` finding per orphan, in the annotation file.
    pub findings: Vec<Finding>,
}

impl FileAnchors {
    /// Links: current byte span -> entity id.
    pub fn links(&self) -> impl Iterator<Item = (Range<usize>, &str)> {
        self.placed
            .iter()
            .filter(|a| a.kind == kind::LINK)
            .filter_map(|a| Some((a.span.clone(), a.entity.as_deref()?)))
    }

    /// Spans a person marked as not an entity.
    pub fn not_entities(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.placed
            .iter()
            .filter(|a| a.kind == kind::NOT_ENTITY)
            .map(|a| a.span.clone())
    }

    /// Claims: span -> status (`unverified` when none is set).
    pub fn claims(&self) -> impl Iterator<Item = (Range<usize>, &str)> {
        self.placed
            .iter()
            .filter(|a| a.kind == kind::CLAIM)
            .map(|a| (a.span.clone(), a.status.as_deref().unwrap_or("unverified")))
    }
}

/// One person holding a role over an interval (ISO dates, open ends None).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleHolding<'a> {
    pub entity: &'a str,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// A name the recogniser can be given: canonical names and aliases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbName<'a> {
    pub entity: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub is_alias: bool,
}

fn read_finding(path: &Path, e: &ReadError) -> Finding {
    let c = match e {
        ReadError::TooLarge { .. } => code::FILE_TOO_LARGE,
        ReadError::Outside { .. } => code::UNSAFE_PATH,
        _ => code::UNREADABLE,
    };
    Finding::new(Severity::Error, c, path.to_path_buf(), e.to_string())
}

impl AnnotationSet {
    /// Load `root/.crosscheck/`. Never fails: problems are findings, and a
    /// file that cannot be read or parsed is kept out of the set (and so
    /// never rewritten) rather than replaced by an empty one.
    pub fn load(root: &Path) -> (AnnotationSet, Vec<Finding>) {
        Self::load_with(root, &LoadOptions::default())
    }

    pub fn load_with(root: &Path, opts: &LoadOptions) -> (AnnotationSet, Vec<Finding>) {
        let mut set = AnnotationSet {
            root: root.to_path_buf(),
            follow_links: opts.follow_links,
            ..Default::default()
        };
        let scope = Scope {
            root,
            follow_links: opts.follow_links,
        };
        let mut findings = Vec::new();
        let kp = kb_path(root);
        match read_limited(scope, &kp, opts.max_file_size) {
            Ok((text, hash)) => {
                let parsed = parse_kb(&kp, &text);
                findings.extend(parsed.findings.iter().cloned());
                set.kb = Some(Loaded {
                    path: kp,
                    text,
                    hash,
                    parsed,
                });
            }
            Err(ReadError::Missing) => {}
            Err(e) => {
                findings.push(read_finding(&kp, &e));
                set.kb_unreadable = true;
            }
        }
        let mut paths = Vec::new();
        let dir = annotations_dir(root);
        // `.crosscheck/` or `annotations/` itself may be a link out of the
        // workspace: then nothing in it is read (nor written).
        match crate::workspace::fs::resolve_inside(root, &dir, opts.follow_links) {
            Ok(_) => walk(&dir, opts.follow_links, 0, &mut paths, &mut findings),
            Err(e @ crate::workspace::fs::Refused::Outside { .. }) => findings.push(Finding::new(
                Severity::Error,
                code::UNSAFE_PATH,
                dir.clone(),
                format!("the annotations folder was not read: {e}"),
            )),
            Err(_) => {} // no annotations yet
        }
        paths.sort();
        for p in paths {
            let Some(src) = source_of_annotation_path(root, &p) else {
                continue;
            };
            match read_limited(scope, &p, opts.max_file_size) {
                Ok((text, hash)) => {
                    let parsed = parse_annotation_file(&p, &text);
                    findings.extend(parsed.findings.iter().cloned());
                    set.files.insert(
                        src,
                        Loaded {
                            path: p,
                            text,
                            hash,
                            parsed,
                        },
                    );
                }
                Err(e) => {
                    findings.push(read_finding(&p, &e));
                    set.unreadable.insert(src);
                }
            }
        }
        set.index();
        // Unknown entity ids are not checked here: the analysis ids are not
        // known yet. Call `check_entity_refs` with them.
        (set, findings)
    }

    /// Replace one `.crosscheck/` file from an editor buffer (or a file
    /// watcher) and return its findings. `path` must be the KB or a file
    /// under `.crosscheck/annotations/`; anything else is ignored (None).
    /// The hash is of `text` as given: a writer that targets the disk must
    /// reload first.
    pub fn update_file(&mut self, path: &Path, text: String) -> Option<Vec<Finding>> {
        let hash = super::store::file_hash(text.as_bytes());
        if path == kb_path(&self.root) {
            let parsed = parse_kb(path, &text);
            let findings = parsed.findings.clone();
            self.kb = Some(Loaded {
                path: path.to_path_buf(),
                text,
                hash,
                parsed,
            });
            self.kb_unreadable = false;
            self.index();
            return Some(findings);
        }
        let src = source_of_annotation_path(&self.root, path)?;
        let parsed = parse_annotation_file(path, &text);
        let findings = parsed.findings.clone();
        self.unreadable.remove(&src);
        self.files.insert(
            src,
            Loaded {
                path: path.to_path_buf(),
                text,
                hash,
                parsed,
            },
        );
        Some(findings)
    }

    /// Forget a `.crosscheck/` file that was deleted.
    pub fn remove_file(&mut self, path: &Path) {
        if path == kb_path(&self.root) {
            self.kb = None;
            self.kb_unreadable = false;
            self.index();
        } else if let Some(src) = source_of_annotation_path(&self.root, path) {
            self.files.remove(&src);
            self.unreadable.remove(&src);
        }
    }

    /// Where this set's files may be read and written.
    pub fn scope(&self) -> Scope<'_> {
        Scope {
            root: &self.root,
            follow_links: self.follow_links,
        }
    }

    /// Rebuild the merge index after changing `kb` by hand.
    pub fn index(&mut self) {
        self.merged.clear();
        if let Some(kb) = self.knowledge_base() {
            let pairs: Vec<(String, String)> = kb
                .entities
                .iter()
                .flat_map(|e| e.merged_from.iter().map(|m| (m.clone(), e.id.clone())))
                .collect();
            self.merged.extend(pairs);
        }
    }

    pub fn knowledge_base(&self) -> Option<&KnowledgeBase> {
        self.kb.as_ref()?.parsed.model.as_ref()
    }

    pub fn file(&self, source: &str) -> Option<&AnnotationFile> {
        self.files.get(source)?.parsed.model.as_ref()
    }

    /// The id `id` now stands for: itself, or the entity it was merged into.
    pub fn resolve_id<'a>(&'a self, id: &'a str) -> &'a str {
        let mut cur = id;
        // Bounded: a merge cycle written by hand must not hang.
        for _ in 0..16 {
            match self.merged.get(cur) {
                Some(n) => cur = n,
                None => break,
            }
        }
        cur
    }

    pub fn entity(&self, id: &str) -> Option<&KbEntity> {
        self.knowledge_base()?.get(self.resolve_id(id))
    }

    /// Entity references that are neither in the KB nor `known` to the
    /// analysis (pass the snapshot's ids), as warnings where they are written.
    pub fn check_entity_refs(&self, known: &dyn Fn(&str) -> bool) -> Vec<Finding> {
        let mut out = Vec::new();
        let loaded = self
            .kb
            .iter()
            .map(|k| (&k.path, &k.text, &k.parsed.entity_refs))
            .chain(
                self.files
                    .values()
                    .map(|f| (&f.path, &f.text, &f.parsed.entity_refs)),
            );
        for (path, text, refs) in loaded {
            let cols = std::cell::OnceCell::new();
            for (id, span) in refs {
                if self.entity(id).is_none() && !known(id) && !known(self.resolve_id(id)) {
                    let cols = cols.get_or_init(|| LineColumns::new(text));
                    out.push(
                        Finding::new(
                            Severity::Warning,
                            code::UNKNOWN_ENTITY,
                            path.clone(),
                            format!("unknown entity id \"{id}\": not in entities.json nor found by the analysis"),
                        )
                        .at_in(cols, text, span.clone()),
                    );
                }
            }
        }
        out
    }

    /// Place the annotations of `source` in its current `text`.
    pub fn anchor_file(&self, source: &str, text: &str) -> FileAnchors {
        let mut out = FileAnchors::default();
        let Some(loaded) = self.files.get(source) else {
            return out;
        };
        let Some(file) = &loaded.parsed.model else {
            return out;
        };
        let idx = CharIndex::new(text);
        let cols = std::cell::OnceCell::new();
        for (i, a) in file.annotations.iter().enumerate() {
            match anchor_with(text, &idx, &a.target) {
                Ok(p) => out.placed.push(Anchored {
                    index: i,
                    id: a.id.clone(),
                    kind: a.kind.clone(),
                    span: p.start..p.end,
                    method: p.method,
                    score: p.score,
                    entity: a.entity.as_deref().map(|e| self.resolve_id(e).to_string()),
                    status: a.status.clone(),
                }),
                Err(reason) => {
                    out.findings.push(orphan_finding(loaded, &cols, a, &reason));
                    out.orphans.push(Orphan {
                        index: i,
                        id: a.id.clone(),
                        kind: a.kind.clone(),
                        quote: a.target.quote.clone(),
                        reason,
                    });
                }
            }
        }
        out.placed.sort_by_key(|a| (a.span.start, a.span.end));
        out
    }

    /// Annotation files whose source is gone (deleted or renamed): every
    /// annotation in them is an orphan, reported, never deleted.
    pub fn missing_sources(&self, exists: &dyn Fn(&str) -> bool) -> Vec<Finding> {
        let mut out = Vec::new();
        for (src, loaded) in &self.files {
            if exists(src) {
                continue;
            }
            let n = loaded
                .parsed
                .model
                .as_ref()
                .map_or(0, |m| m.annotations.len());
            out.push(Finding::new(
                Severity::Warning,
                code::SOURCE_MISSING,
                loaded.path.clone(),
                format!("the source \"{src}\" is missing (deleted or renamed); its {n} annotations are kept here until you move this file next to the new path or delete it"),
            ));
            if let Some(m) = &loaded.parsed.model {
                let cols = std::cell::OnceCell::new();
                for a in &m.annotations {
                    out.push(orphan_finding(
                        loaded,
                        &cols,
                        a,
                        &OrphanReason::SourceMissing,
                    ));
                }
            }
        }
        out
    }

    /// Canonical names and aliases of the KB, for the recogniser.
    pub fn kb_names(&self) -> Vec<KbName<'_>> {
        let Some(kb) = self.knowledge_base() else {
            return Vec::new();
        };
        kb.entities
            .iter()
            .flat_map(|e| {
                std::iter::once((e.name.as_str(), false))
                    .chain(e.aliases.iter().map(|a| (a.as_str(), true)))
                    .map(move |(name, is_alias)| KbName {
                        entity: &e.id,
                        kind: &e.kind,
                        name,
                        is_alias,
                    })
            })
            .collect()
    }

    /// Dated facts of the KB with their entity (role holders with intervals).
    pub fn kb_facts(&self) -> Vec<(&str, &Fact)> {
        let Some(kb) = self.knowledge_base() else {
            return Vec::new();
        };
        kb.entities
            .iter()
            .flat_map(|e| e.facts.iter().map(move |f| (e.id.as_str(), f)))
            .collect()
    }

    /// Holders of each role (`holds_role` facts), by role, in date order:
    /// what a single-holder conflict check needs.
    pub fn role_holders(&self) -> BTreeMap<&str, Vec<RoleHolding<'_>>> {
        let mut out: BTreeMap<&str, Vec<RoleHolding>> = BTreeMap::new();
        for (entity, f) in self.kb_facts() {
            if f.predicate != "holds_role" {
                continue;
            }
            let Some(role) = f.role.as_deref() else {
                continue;
            };
            out.entry(role).or_default().push(RoleHolding {
                entity,
                from: f.from.as_deref(),
                to: f.to.as_deref(),
                source: f.source.as_deref(),
            });
        }
        for v in out.values_mut() {
            // ISO dates sort as text; an open start sorts first.
            v.sort_by(|a, b| a.from.cmp(&b.from).then(a.entity.cmp(b.entity)));
        }
        out
    }

    /// Metadata of a source as corrected by a person.
    pub fn metadata(&self, source: &str) -> Option<&Metadata> {
        Some(&self.file(source)?.metadata)
    }

    /// Whether the diagnostic `code` at byte `span` of `text` was dismissed.
    pub fn is_dismissed(&self, source: &str, code: &str, text: &str, span: Range<usize>) -> bool {
        let Some(f) = self.file(source) else {
            return false;
        };
        if !f.dismissed.iter().any(|d| d.code == code) {
            return false;
        }
        let t = target_with(text, &CharIndex::new(text), span);
        let h = context_hash(&t.prefix, &t.quote, &t.suffix);
        f.dismissed
            .iter()
            .any(|d| d.code == code && d.quote == t.quote && d.context_hash == h)
    }
}

fn orphan_finding(
    loaded: &Loaded<AnnotationFile>,
    cols: &std::cell::OnceCell<LineColumns>,
    a: &Annotation,
    why: &OrphanReason,
) -> Finding {
    let sev = if a.detached {
        Severity::Info
    } else {
        Severity::Warning
    };
    let mut f = Finding::new(
        sev,
        code::ORPHANED_ANNOTATION,
        loaded.path.clone(),
        format!(
            "{} annotation \"{}\" on \"{}\" cannot be placed: {why}; it is kept until you re-attach or delete it",
            a.kind, a.id, a.target.quote
        ),
    )
    .item(&a.id);
    if let Some(span) = loaded.parsed.item_spans.get(&a.id) {
        let cols = cols.get_or_init(|| LineColumns::new(&loaded.text));
        f = f.at_in(cols, &loaded.text, span.clone());
    }
    f
}

/// Files under `dir`, recursively. Symbolic links are not followed (a link
/// could lead out of the workspace) unless `follow_links`; depth is bounded
/// so a link cycle cannot recurse forever.
fn walk(
    dir: &Path,
    follow_links: bool,
    depth: usize,
    out: &mut Vec<PathBuf>,
    findings: &mut Vec<Finding>,
) {
    const MAX_DEPTH: usize = 32;
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    if depth > MAX_DEPTH {
        findings.push(Finding::new(
            Severity::Warning,
            code::UNSAFE_PATH,
            dir.to_path_buf(),
            format!("folders nested over {MAX_DEPTH} deep under .crosscheck/annotations not read"),
        ));
        return;
    }
    for e in rd.flatten() {
        let p = e.path();
        let Ok(mut ft) = e.file_type() else { continue };
        if ft.is_symlink() {
            match std::fs::metadata(&p) {
                Ok(m) if follow_links => ft = m.file_type(),
                _ => {
                    findings.push(Finding::new(
                        Severity::Warning,
                        code::UNSAFE_PATH,
                        p,
                        "symbolic link in .crosscheck/annotations not followed (setting followSymlinks)".into(),
                    ));
                    continue;
                }
            }
        }
        if ft.is_dir() {
            walk(&p, follow_links, depth + 1, out, findings);
        } else if p.extension().is_some_and(|x| x == "json") {
            // Special files are kept: reading them says why they are refused.
            out.push(p);
        }
    }
}
