//! The engine's one invariant, under random interleavings of every change
//! it takes (open, edit, close, a file changed or deleted on disk, an
//! annotation edit on disk or in a buffer, a configuration change on disk,
//! in a buffer or in the client settings): after each step, the view the
//! engine hands out equals a from-scratch analysis of the same inputs (the
//! files on disk with open buffers in their place, the annotations with
//! open buffers in their place, the configuration in force).
//!
//! Everything runs with `Mode::Now`, so each step is complete when the
//! call returns; the server takes the same paths on blocking tasks.
use std::collections::BTreeMap;
mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crosscheck::analysis::Snapshot;
use crosscheck::annotations::{AnnotationSet, LoadOptions};
use crosscheck::engine::documents::Document;
use crosscheck::engine::folder::{engine_for, FolderOptions};
use crosscheck::engine::ops::Mode;
use crosscheck::engine::settings::{FolderConfig, Settings};
use crosscheck::engine::{lock, Engine, View};
use crosscheck::ide::annotated::{analyse_annotated, overrides_from, settle};
use crosscheck::workspace::{load_folder, ScanOptions};
use proptest::prelude::*;
use serde_json::{json, Value};

const FILES: usize = 4;

/// Source texts: the example folder's articles (real news about one
/// story, so entities link across files and claims meet each other).
fn pool() -> Vec<String> {
    common::example_articles()
}

/// What edits insert: names that link (or clash) with the folder's, claims
/// with numbers, hedges, attributions, and plain words.
const SNIPPETS: [&str; 8] = [
    " Jens Stoltenberg said on Monday that 40,000 troops were ready.",
    " NATO reportedly sent 300 tanks to Kyiv, officials said.",
    "Stoltenberg",
    " the alliance",
    "\n\nBy Anna Kowalska in Warsaw.\n\n",
    " Ukraine's defence minister Oleksii Reznikov said 12 people died.",
    "",
    " and",
];

const KBS: [&str; 3] = [
    "",
    r#"{"version": 1, "entities": [{"id": "person:jens-stoltenberg", "type": "person", "name": "Jens Stoltenberg", "aliases": ["Stoltenberg", "the NATO chief"]}]}"#,
    r#"{"version": 1, "entities": [{"id": "org:nato", "type": "organization", "name": "North Atlantic Treaty Organization", "aliases": ["NATO", "the alliance"]}, {"id": "person:anna-kowalska", "type": "person", "name": "Anna Kowalska", "aliases": []}]}"#,
];

const CONFIGS: [&str; 4] = [
    "",
    r#"{"rules": {"hedged-claim": "off"}}"#,
    r#"{"hedges": ["officials said", "reportedly"], "rules": {"conflicting-claim": "error"}}"#,
    "{ not json",
];

fn client_settings(i: usize) -> Value {
    match i {
        0 => json!({}),
        1 => json!({"crosscheck": {"rules": {"anonymous-source": "off"}}}),
        _ => json!({"hedges": ["word on the street"], "rules": {"hedged-claim": "error"}}),
    }
}

#[derive(Clone, Debug)]
enum Step {
    Open(usize),
    /// Replace bytes [a, b) (fractions of the buffer) of an open file.
    Edit(usize, f64, f64, usize),
    Close(usize),
    /// Write pool text `t` to file `i` on disk (`None`: delete it).
    Disk(usize, Option<usize>),
    /// The knowledge base on disk.
    KbDisk(usize),
    /// The knowledge base opened in a buffer with another text, or closed.
    KbBuffer(Option<usize>),
    ConfigDisk(usize),
    ConfigBuffer(Option<usize>),
    Client(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..FILES).prop_map(Step::Open),
        5 => (0..FILES, 0.0..1.0f64, 0.0..0.05f64, 0..SNIPPETS.len())
            .prop_map(|(i, a, len, s)| Step::Edit(i, a, len, s)),
        2 => (0..FILES).prop_map(Step::Close),
        2 => (0..FILES, prop::option::weighted(0.85, 0..5usize)).prop_map(|(i, t)| Step::Disk(i, t)),
        1 => (0..KBS.len()).prop_map(Step::KbDisk),
        1 => prop::option::of(0..KBS.len()).prop_map(Step::KbBuffer),
        1 => (0..CONFIGS.len()).prop_map(Step::ConfigDisk),
        1 => prop::option::of(0..CONFIGS.len()).prop_map(Step::ConfigBuffer),
        1 => (0..3usize).prop_map(Step::Client),
    ]
}

struct World {
    _dir: tempfile::TempDir,
    root: PathBuf,
    engine: Arc<Engine>,
    pool: Vec<String>,
    client: usize,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let pool = pool();
        for (i, text) in pool.iter().take(FILES).enumerate() {
            std::fs::write(file(&root, i), text).unwrap();
        }
        std::fs::create_dir_all(root.join(".crosscheck")).unwrap();
        let engine = engine_for(&root, &FolderOptions::default());
        engine.index_root(&root, false);
        World {
            _dir: dir,
            root,
            engine,
            pool,
            client: 0,
        }
    }

    fn kb(&self) -> PathBuf {
        self.root.join(".crosscheck/entities.json")
    }

    fn config(&self) -> PathBuf {
        self.root.join(".crosscheck/config.json")
    }

    fn write_or_delete(&self, path: &Path, text: &str) {
        if text.is_empty() {
            let _ = std::fs::remove_file(path);
        } else {
            std::fs::write(path, text).unwrap();
        }
        let gone = !path.exists();
        self.engine
            .files_changed(&[(path.to_path_buf(), gone)], Mode::Now);
    }

    fn open_with(&self, path: &Path, text: &str) {
        let doc = Document::new(format!("file://{}", path.display()), 1, text);
        self.engine.open_buffer(path, doc, Mode::Now);
    }

    fn apply(&mut self, s: &Step) {
        let e = &self.engine;
        match *s {
            Step::Open(i) => {
                let p = file(&self.root, i);
                if !lock(&e.docs).is_open(&p) {
                    let text = std::fs::read_to_string(&p).unwrap_or_default();
                    self.open_with(&p, &text);
                }
            }
            Step::Edit(i, a, len, snip) => {
                let p = file(&self.root, i);
                e.edit_buffer(
                    &p,
                    |d| {
                        let n = d.text.len();
                        let a = (a * n as f64) as usize;
                        let b = (a + (len * n as f64) as usize).min(n);
                        d.edit(Some((a, b)), SNIPPETS[snip]);
                        d.finish(d.version + 1);
                    },
                    Mode::Now,
                );
            }
            Step::Close(i) => {
                e.close_buffer(&file(&self.root, i), Mode::Now);
            }
            Step::Disk(i, t) => {
                let text = t.map_or("", |t| self.pool[t].as_str()).to_string();
                self.write_or_delete(&file(&self.root, i), &text);
            }
            Step::KbDisk(k) => self.write_or_delete(&self.kb(), KBS[k]),
            Step::KbBuffer(Some(k)) => {
                let kb = self.kb();
                if lock(&e.docs).is_open(&kb) {
                    e.edit_buffer(
                        &kb,
                        |d| {
                            d.edit(None, KBS[k]);
                            d.finish(d.version + 1);
                        },
                        Mode::Now,
                    );
                } else {
                    self.open_with(&kb, KBS[k]);
                }
            }
            Step::KbBuffer(None) => {
                e.close_buffer(&self.kb(), Mode::Now);
            }
            Step::ConfigDisk(c) => self.write_or_delete(&self.config(), CONFIGS[c]),
            Step::ConfigBuffer(Some(c)) => {
                let cfg = self.config();
                if lock(&e.docs).is_open(&cfg) {
                    e.edit_buffer(
                        &cfg,
                        |d| {
                            d.edit(None, CONFIGS[c]);
                            d.finish(d.version + 1);
                        },
                        Mode::Now,
                    );
                } else {
                    self.open_with(&cfg, CONFIGS[c]);
                }
            }
            Step::ConfigBuffer(None) => {
                e.close_buffer(&self.config(), Mode::Now);
            }
            Step::Client(c) => {
                self.client = c;
                e.client_settings_changed(&client_settings(c));
            }
        }
    }

    /// The same inputs analysed from nothing, without the engine.
    fn analysed_afresh(&self) -> Summary {
        let open: BTreeMap<PathBuf, Arc<str>> = lock(&self.engine.docs)
            .iter()
            .map(|(p, d)| (p.clone(), d.text.clone()))
            .collect();
        // The configuration: an open buffer stands in for the file.
        let fc = match open.get(&self.config()) {
            Some(t) => FolderConfig::from_source(t),
            None => FolderConfig::load(&self.root, false),
        };
        let mut settings = Settings::default();
        settings.set_client(&client_settings(self.client));
        settings.set_folder(self.root.clone(), fc);
        let config = settings.effective(Some(&self.root));
        // The annotations: open buffers stand in for their files.
        let (mut set, _) = AnnotationSet::load_with(&self.root, &LoadOptions::default());
        for (p, t) in &open {
            if p.starts_with(self.root.join(".crosscheck")) && *p != self.config() {
                set.update_file(p, t.to_string());
            }
        }
        let set = Arc::new(set);
        // The sources: open buffers stand in for their files.
        let mut files: BTreeMap<PathBuf, Arc<str>> =
            load_folder(&self.root, &ScanOptions::default())
                .files
                .into_iter()
                .collect();
        for (p, t) in &open {
            if !p.starts_with(self.root.join(".crosscheck")) {
                files.insert(p.clone(), t.clone());
            }
        }
        let mut host = analyse_annotated(
            &self.root,
            Arc::new(overrides_from(&set)),
            config.claims.clone(),
            files.into_iter().collect(),
        );
        let snap = host.snapshot();
        summary(
            &snap,
            |f, d| {
                let mut d2 = d;
                settle(&set, &snap, f, &mut d2);
                let _ = &config;
                d2
            },
            &config,
        )
    }

    fn engine_view(&self) -> Summary {
        let view: View = self.engine.folder_view(&self.root).unwrap();
        assert!(!self.engine.busy(None), "Mode::Now leaves nothing running");
        summary(
            &view.snap,
            |f, d| {
                let mut d2 = d;
                if let Some(set) = &view.annotations {
                    settle(set, &view.snap, f, &mut d2);
                }
                d2
            },
            &view.config,
        )
    }
}

fn file(root: &Path, i: usize) -> PathBuf {
    root.join(format!("article-{i}.txt"))
}

/// What answers are made of, in a form that compares across snapshots.
#[derive(Debug, PartialEq)]
struct Summary {
    files: Vec<FileSummary>,
    entities: Vec<(String, String, String, usize, u32)>,
}

#[derive(Debug, PartialEq)]
struct FileSummary {
    rel_path: String,
    text: String,
    /// (start, end, entity id)
    mentions: Vec<(usize, usize, String)>,
    /// (start, end, code, message)
    diagnostics: Vec<(usize, usize, String, String)>,
}

fn summary(
    snap: &Snapshot,
    settle: impl Fn(
        u32,
        Vec<crosscheck::ide::diagnostics::Diagnostic>,
    ) -> Vec<crosscheck::ide::diagnostics::Diagnostic>,
    config: &crosscheck::config::Config,
) -> Summary {
    let files = (0..snap.files.len() as u32)
        .map(|f| {
            let sf = snap.file(f);
            let diags = crosscheck::ide::diagnostics::compute(snap, config, f);
            FileSummary {
                rel_path: sf.rel_path.clone(),
                text: sf.text.to_string(),
                mentions: sf
                    .doc
                    .mentions
                    .iter()
                    .enumerate()
                    .map(|(m, x)| {
                        let e = &snap.entities[snap.entity_of(f, m) as usize];
                        (x.start, x.end, e.id.clone())
                    })
                    .collect(),
                diagnostics: settle(f, diags)
                    .into_iter()
                    .map(|d| (d.start, d.end, d.code.to_string(), d.message))
                    .collect(),
            }
        })
        .collect();
    let mut entities: Vec<_> = snap
        .entities
        .iter()
        .map(|e| {
            let mut aliases = e.aliases.clone();
            aliases.sort();
            (
                e.id.clone(),
                e.canonical.clone(),
                aliases.join("|"),
                e.mentions.len(),
                e.file_count,
            )
        })
        .collect();
    entities.sort();
    Summary { files, entities }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_view_equals_a_fresh_analysis(steps in prop::collection::vec(step(), 1..20)) {
        let mut w = World::new();
        prop_assert_eq!(w.engine_view(), w.analysed_afresh(), "after indexing");
        for (i, s) in steps.iter().enumerate() {
            let before = w.engine.generation();
            w.apply(s);
            let view = w.engine.folder_view(&w.root).unwrap();
            prop_assert!(view.generation >= before);
            drop(view);
            let (got, want) = (w.engine_view(), w.analysed_afresh());
            prop_assert!(got == want, "step {i} ({s:?}) of {steps:?}:\n{}", diff(&got, &want));
        }
    }
}

/// The first difference, readably.
fn diff(got: &Summary, want: &Summary) -> String {
    if got.files.len() != want.files.len() {
        return format!(
            "files {:?} vs {:?}",
            got.files.iter().map(|f| &f.rel_path).collect::<Vec<_>>(),
            want.files.iter().map(|f| &f.rel_path).collect::<Vec<_>>()
        );
    }
    for (g, w) in got.files.iter().zip(&want.files) {
        if g.text != w.text {
            return format!("{}: texts differ", g.rel_path);
        }
        if g.mentions != w.mentions {
            let d: Vec<_> = g
                .mentions
                .iter()
                .zip(&w.mentions)
                .filter(|(a, b)| a != b)
                .take(3)
                .collect();
            return format!(
                "{}: mentions differ ({} vs {}): {d:?}",
                g.rel_path,
                g.mentions.len(),
                w.mentions.len()
            );
        }
        if g.diagnostics != w.diagnostics {
            return format!(
                "{}: diagnostics differ:\n engine {:?}\n fresh  {:?}",
                g.rel_path, g.diagnostics, w.diagnostics
            );
        }
    }
    let d: Vec<_> = got
        .entities
        .iter()
        .zip(&want.entities)
        .filter(|(a, b)| a != b)
        .take(3)
        .collect();
    format!("entities differ: {d:?}")
}

#[test]
fn generations_only_grow_and_old_views_stay_as_they_were() {
    let mut w = World::new();
    let first = w.engine.folder_view(&w.root).unwrap();
    let text0 = first.snap.files[0].text.clone();
    w.apply(&Step::Open(0));
    w.apply(&Step::Edit(0, 0.0, 0.0, 0));
    let second = w.engine.folder_view(&w.root).unwrap();
    assert!(second.generation > first.generation);
    // The old view is immutable: it still holds the text it was taken from.
    assert_eq!(first.snap.files[0].text, text0);
    assert_ne!(second.snap.files[0].text, text0);
}

/// A restart that reads every analysis back from the persisted index
/// answers exactly as a cold start, and as an engine without a cache.
#[test]
fn a_warm_restart_equals_a_cold_one() {
    let w = World::new();
    let cache = tempfile::tempdir().unwrap();
    // Annotations and a configuration, so the keys carry overrides.
    std::fs::write(w.kb(), KBS[1]).unwrap();
    std::fs::write(w.config(), CONFIGS[2]).unwrap();
    let start = || {
        let e = engine_for(&w.root, &FolderOptions::default());
        e.use_cache(true, Some(cache.path().to_path_buf()));
        e.index_root(&w.root, false);
        // The claims index: every file's claims, from the store when warm.
        let n = e.folder_view(&w.root).unwrap().snap.claims().files.len();
        assert_eq!(n, FILES);
        e
    };
    let cold = start();
    let (hits, misses) = cold.cache_stats().unwrap();
    assert_eq!(hits, 0);
    assert!(misses >= 2 * FILES as u64, "analyses and claims looked up");
    let warm = start();
    let (hits, misses) = warm.cache_stats().unwrap();
    assert_eq!(
        misses, 0,
        "a restart on an unchanged folder analyses nothing and finds no claims again"
    );
    assert!(hits >= 2 * FILES as u64);
    let plain = engine_for(
        &w.root,
        &FolderOptions {
            no_cache: true,
            ..Default::default()
        },
    );
    plain.index_root(&w.root, false);
    let view = |e: &Arc<Engine>| {
        let v = e.folder_view(&w.root).unwrap();
        let settled = |f, mut d| {
            settle(v.annotations.as_ref().unwrap(), &v.snap, f, &mut d);
            d
        };
        summary(&v.snap, settled, &v.config)
    };
    let c = view(&cold);
    assert!(c.entities.iter().any(|e| e.0 == "person:jens-stoltenberg"));
    assert_eq!(view(&warm), c);
    assert_eq!(view(&plain), c);
    let db = cache.path().join("analyses.sqlite3");
    assert!(db.is_file(), "the cache was written");
}

/// A buffer opened with the text on disk keeps the folder's analysis (and
/// so its claims, persisted ones included): nothing is analysed again.
/// Another text is analysed.
#[test]
fn opening_a_file_as_it_is_on_disk_keeps_its_analysis() {
    let w = World::new();
    let p = file(&w.root, 0);
    let held = || lock(&w.engine.workspaces).source_file(&p).unwrap();
    let before = held();
    let text = std::fs::read_to_string(&p).unwrap();
    w.open_with(&p, &text);
    assert!(Arc::ptr_eq(&before, &held()), "the same analysis");
    assert!(!w.engine.busy(None));
    w.engine.close_buffer(&p, Mode::Now);
    w.open_with(&p, &format!("{text} NATO met in Riga."));
    assert!(
        !Arc::ptr_eq(&before, &held()),
        "another text, another analysis"
    );
    assert!(held().text.ends_with("NATO met in Riga."));
}
