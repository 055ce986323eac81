//! The persisted index: per-file analyses and claims in an SQLite
//! database in the user's cache folder (`$XDG_CACHE_HOME/crosscheck/`, or the platform's
//! equivalent; `CROSSCHECK_CACHE_DIR` overrides it), never among the
//! sources. A restart on an unchanged folder reads every file's analysis
//! back instead of analysing it again.
//!
//! - Keys: the analysis inputs (`analysis::cache::CacheKey`) plus the
//!   analyser's identity (this executable: its size and modification
//!   time, so any rebuild with other code or models misses). A file's
//!   claims are keyed by its analysis key and the claim word lists
//!   (`ClaimsKey`), so a warm restart finds claims again without the
//!   dependency parses they cost.
//! - Folder-level results (each file's diagnostics) are kept per folder,
//!   for the one state of the folder they were made in (a digest of
//!   everything they depend on, this executable included): a warm restart
//!   on an unchanged folder publishes them without building the claims
//!   index first. Each store replaces the folder's previous rows, so they
//!   do not pile up (see `cache_folder.rs`).
//! - Safety: WAL journal, one transaction per batch, a busy timeout, so
//!   several servers on one folder and a `kill -9` mid-write leave a valid
//!   database (SQLite's guarantees).
//! - Bad cache: a file that is not a database, or one of another format
//!   version, is discarded and rebuilt; one written by a newer crosscheck
//!   is left alone and not used; a read-only or full folder, or a file
//!   deleted while the server runs, turn the cache off. Each is said once
//!   in the log, and analysis goes on without the cache.
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::analysis::cache::{AnalysisCache, CacheKey, ClaimsKey};
use crate::analysis::claims::FileClaims;
use crate::analysis::model::{DocAnalysis, LocalEntity, Mention};
use crate::analysis::ner::folder::{FileSummary, Retype};
use crate::analysis::text::structure::DocStructure;

/// The layout of the database and of its entries. Bump on any change to
/// either (or to the serialized types). 3: claims in MessagePack instead
/// of JSON (a cache of format 2 is discarded and rebuilt).
pub const FORMAT: i64 = 3;

const FILE_NAME: &str = "analyses.sqlite3";

/// Where the cache lives: `CROSSCHECK_CACHE_DIR`, else the platform's
/// cache folder for crosscheck.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("CROSSCHECK_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "crosscheck").map(|p| p.cache_dir().to_path_buf())
}

/// An entry as written: the analysis, without the re-typing data unless
/// it is a first pass (later passes never need it).
#[derive(Serialize)]
struct StoredRef<'a> {
    structure: &'a DocStructure,
    mentions: &'a [Mention],
    locals: &'a [LocalEntity],
    summary: &'a FileSummary,
    folder_digest: u64,
    retype: Option<&'a Retype>,
}

#[derive(Deserialize)]
struct Stored {
    structure: DocStructure,
    mentions: Vec<Mention>,
    locals: Vec<LocalEntity>,
    summary: FileSummary,
    folder_digest: u64,
    retype: Option<Retype>,
}

fn encode(key: &CacheKey, doc: &DocAnalysis) -> Option<Vec<u8>> {
    let r = StoredRef {
        structure: &doc.structure,
        mentions: &doc.mentions,
        locals: &doc.locals,
        summary: &doc.summary,
        folder_digest: doc.folder_digest,
        retype: if key.view == 0 {
            doc.retype.as_deref()
        } else {
            None
        },
    };
    bincode::serde::encode_to_vec(&r, bincode::config::standard()).ok()
}

fn decode(bytes: &[u8]) -> Option<DocAnalysis> {
    let (s, _): (Stored, usize) =
        bincode::serde::decode_from_slice(bytes, bincode::config::standard()).ok()?;
    Some(DocAnalysis {
        structure: s.structure,
        mentions: s.mentions,
        locals: s.locals,
        summary: s.summary,
        folder_digest: s.folder_digest,
        retype: s.retype.map(Arc::new),
    })
}

/// The analyser's identity: this executable's size and modification time,
/// and the weight files the environment puts in place of the built-in ones
/// (named, sized, dated): an analysis made with other weights, or with a
/// missing file's fallback to rules, is never reused.
fn analyser_id() -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    let stamp = |path: &std::path::Path, h: &mut std::collections::hash_map::DefaultHasher| {
        if let Ok(m) = std::fs::metadata(path) {
            m.len().hash(h);
            if let Ok(t) = m.modified() {
                t.hash(h);
            }
        }
    };
    if let Ok(exe) = std::env::current_exe() {
        stamp(&exe, &mut h);
    }
    for var in [
        crate::analysis::ner::learned::MODEL_ENV,
        crate::analysis::syntax::engine::MODEL_ENV,
    ] {
        if let Some(value) = std::env::var_os(var) {
            value.hash(&mut h);
            stamp(std::path::Path::new(&value), &mut h);
        }
    }
    h.finish()
}

/// Claims are stored as MessagePack with named fields: their types carry
/// internally tagged enums and fields left out when empty, which only a
/// self-describing format reads back (bincode and postcard cannot), and
/// numbers are kept in binary (reading JSON's decimal floats back was
/// most of the cost of a warm restart's claims). A row that does not
/// decode (another encoding) is a miss: the file's claims are found
/// again and stored anew.
fn encode_claims(c: &FileClaims) -> Option<Vec<u8>> {
    rmp_serde::to_vec_named(c).ok()
}

fn decode_claims(bytes: &[u8]) -> Option<FileClaims> {
    rmp_serde::from_slice(bytes).ok()
}

fn claims_key_bytes(analyser: u64, k: &ClaimsKey) -> [u8; 48] {
    let mut b = [0u8; 48];
    b[..40].copy_from_slice(&key_bytes(analyser, &k.analysis));
    b[40..].copy_from_slice(&k.settings.to_le_bytes());
    b
}

fn key_bytes(analyser: u64, k: &CacheKey) -> [u8; 40] {
    let mut b = [0u8; 40];
    for (i, v) in [analyser, k.text, k.len, k.context, k.view]
        .into_iter()
        .enumerate()
    {
        b[i * 8..i * 8 + 8].copy_from_slice(&v.to_le_bytes());
    }
    b
}

pub struct SqliteCache {
    conn: Mutex<Connection>,
    path: PathBuf,
    analyser: u64,
    /// Turned off after a failure (said once).
    off: AtomicBool,
    /// Lookups answered and not answered, since opening.
    hits: AtomicU64,
    misses: AtomicU64,
}

impl SqliteCache {
    /// Open (or create, or rebuild) the cache in `dir`. `None` when it
    /// cannot be used; the reason is logged.
    pub fn open(dir: &Path) -> Option<SqliteCache> {
        match Self::try_open(dir) {
            Ok(c) => Some(c),
            Err(why) => {
                tracing::warn!(
                    "crosscheck: analysis cache in {} not used: {why}",
                    dir.display()
                );
                None
            }
        }
    }

    fn try_open(dir: &Path) -> Result<SqliteCache, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create the folder ({e})"))?;
        let path = dir.join(FILE_NAME);
        let conn = match connect(&path) {
            Ok(c) => c,
            Err(Bad::Newer(v)) => {
                return Err(format!(
                    "it was written by a newer crosscheck (format {v}, this one reads {FORMAT})"
                ))
            }
            Err(Bad::Discard(why)) => {
                tracing::warn!(
                    "crosscheck: analysis cache {} discarded and rebuilt: {why}",
                    path.display()
                );
                for ext in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
                }
                connect(&path).map_err(|b| b.to_string())?
            }
            Err(b) => return Err(b.to_string()),
        };
        Ok(SqliteCache {
            conn: Mutex::new(conn),
            path,
            analyser: analyser_id(),
            off: AtomicBool::new(false),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// (lookups answered, lookups not answered) since opening.
    pub fn stats(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    /// Turn the cache off after `what` failed, saying so once.
    fn fail(&self, what: &str, e: impl std::fmt::Display) {
        if !self.off.swap(true, Ordering::SeqCst) {
            tracing::warn!(
                "crosscheck: analysis cache {} turned off: {what} failed ({e}); going on without it",
                self.path.display()
            );
        }
    }

    fn is_off(&self) -> bool {
        self.off.load(Ordering::SeqCst)
    }
}

enum Bad {
    Newer(i64),
    Discard(String),
    Io(String),
}

impl std::fmt::Display for Bad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bad::Newer(v) => write!(f, "written by a newer crosscheck (format {v})"),
            Bad::Discard(s) | Bad::Io(s) => f.write_str(s),
        }
    }
}

/// Connect, check the format, create the tables.
fn connect(path: &Path) -> Result<Connection, Bad> {
    let conn = Connection::open(path).map_err(|e| Bad::Io(format!("cannot open it ({e})")))?;
    let setup = |c: &Connection| -> rusqlite::Result<Option<i64>> {
        c.busy_timeout(std::time::Duration::from_secs(5))?;
        // Reading the journal mode reads the header: a file that is not a
        // database fails here.
        let _: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        c.execute_batch(
            "PRAGMA synchronous=NORMAL;
             CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS analyses (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS claims (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS folder_states (folder INTEGER PRIMARY KEY, state INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS folder_results (folder INTEGER NOT NULL, file INTEGER NOT NULL, value BLOB NOT NULL, PRIMARY KEY (folder, file)) WITHOUT ROWID;",
        )?;
        c.query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
            r.get(0)
        })
        .optional()
    };
    let format = match setup(&conn) {
        Ok(f) => f,
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(
                e.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            return Err(Bad::Discard(format!("it is not a valid database ({e})")))
        }
        Err(e) => return Err(Bad::Io(format!("cannot use it ({e})"))),
    };
    match format {
        Some(v) if v > FORMAT => Err(Bad::Newer(v)),
        Some(v) if v < FORMAT => Err(Bad::Discard(format!("it has the older format {v}"))),
        Some(_) => Ok(conn),
        None => {
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('format', ?1)",
                params![FORMAT],
            )
            .map_err(|e| Bad::Io(format!("cannot write to it ({e})")))?;
            Ok(conn)
        }
    }
}

impl SqliteCache {
    /// The values stored under `keys` in `table`, decoded in parallel.
    fn get_rows<T: Send>(
        &self,
        table: &str,
        keys: Vec<Vec<u8>>,
        decode: impl Fn(&[u8]) -> Option<T> + Sync,
    ) -> Vec<Option<T>> {
        let n = keys.len();
        if self.is_off() {
            return (0..n).map(|_| None).collect();
        }
        let blobs: rusqlite::Result<Vec<Option<Vec<u8>>>> = (|| {
            let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
            let mut stmt =
                conn.prepare_cached(&format!("SELECT value FROM {table} WHERE key = ?1"))?;
            keys.iter()
                .map(|k| stmt.query_row(params![&k[..]], |r| r.get(0)).optional())
                .collect()
        })();
        match blobs {
            Ok(blobs) => {
                let out: Vec<Option<T>> = blobs
                    .into_par_iter()
                    .map(|b| b.and_then(|b| decode(&b)))
                    .collect();
                let hits = out.iter().filter(|d| d.is_some()).count() as u64;
                self.hits.fetch_add(hits, Ordering::Relaxed);
                self.misses
                    .fetch_add(out.len() as u64 - hits, Ordering::Relaxed);
                out
            }
            Err(e) => {
                self.fail("reading", e);
                (0..n).map(|_| None).collect()
            }
        }
    }

    /// Store `entries` in `table`, encoded outside the lock, in parallel,
    /// in bounded batches (one transaction each).
    fn put_rows<E: Sync>(
        &self,
        table: &str,
        entries: &[E],
        encode: impl Fn(&E) -> Option<(Vec<u8>, Vec<u8>)> + Sync,
    ) {
        if self.is_off() || entries.is_empty() {
            return;
        }
        for chunk in entries.chunks(512) {
            let rows: Vec<(Vec<u8>, Vec<u8>)> = chunk.par_iter().filter_map(&encode).collect();
            let r: rusqlite::Result<()> = (|| {
                let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
                let tx = conn.transaction()?;
                {
                    let mut stmt = tx.prepare_cached(&format!(
                        "INSERT OR REPLACE INTO {table} (key, value) VALUES (?1, ?2)"
                    ))?;
                    for (k, v) in &rows {
                        stmt.execute(params![&k[..], v])?;
                    }
                }
                tx.commit()
            })();
            if let Err(e) = r {
                self.fail("writing", e);
                return;
            }
        }
    }
}

impl AnalysisCache for SqliteCache {
    fn get_many(&self, keys: &[CacheKey]) -> Vec<Option<DocAnalysis>> {
        let keys = keys
            .iter()
            .map(|k| key_bytes(self.analyser, k).to_vec())
            .collect();
        self.get_rows("analyses", keys, decode)
    }

    fn put_many(&self, entries: &[(CacheKey, &DocAnalysis)]) {
        self.put_rows("analyses", entries, |(k, d)| {
            Some((key_bytes(self.analyser, k).to_vec(), encode(k, d)?))
        });
    }

    fn get_claims(&self, keys: &[ClaimsKey]) -> Vec<Option<FileClaims>> {
        let keys = keys
            .iter()
            .map(|k| claims_key_bytes(self.analyser, k).to_vec())
            .collect();
        self.get_rows("claims", keys, decode_claims)
    }

    fn put_claims(&self, entries: &[(ClaimsKey, &FileClaims)]) {
        self.put_rows("claims", entries, |(k, c)| {
            Some((
                claims_key_bytes(self.analyser, k).to_vec(),
                encode_claims(c)?,
            ))
        });
    }

    fn folder_result(&self, folder: u64, state: u64, file: u32) -> Option<Vec<u8>> {
        self.folder_row(folder, state, file)
    }

    fn folder_results(&self, folder: u64, state: u64) -> Option<Vec<(u32, Vec<u8>)>> {
        self.folder_rows(folder, state)
    }

    fn put_folder_results(&self, folder: u64, state: u64, rows: &[(u32, Vec<u8>)]) {
        self.put_folder_rows(folder, state, rows)
    }
}

#[path = "cache_folder.rs"]
mod folder_results;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::overrides::Overrides;

    fn entry(text: &str) -> (CacheKey, DocAnalysis) {
        let doc = crate::analysis::analyze_document(text);
        (CacheKey::new(text, "a.txt", &Overrides::default(), 0), doc)
    }

    #[test]
    fn entries_round_trip() {
        let d = tempfile::tempdir().unwrap();
        let c = SqliteCache::open(d.path()).unwrap();
        let (k, doc) =
            entry("Jens Stoltenberg met Olaf Scholz in Berlin. Stoltenberg said 40 troops.");
        c.put_many(&[(k, &doc)]);
        let got = c.get_many(&[k, k.with_view(7)]);
        let back = got[0].as_ref().unwrap();
        assert_eq!(back.mentions, doc.mentions);
        assert_eq!(back.locals, doc.locals);
        assert_eq!(back.structure, doc.structure);
        assert_eq!(back.summary, doc.summary);
        assert!(got[1].is_none());
        // another process (another connection) sees it
        let c2 = SqliteCache::open(d.path()).unwrap();
        assert!(c2.get_many(&[k])[0].is_some());
    }

    #[test]
    fn claims_round_trip() {
        use crate::analysis::claims::{analyze, ClaimSettings};
        let d = tempfile::tempdir().unwrap();
        let c = SqliteCache::open(d.path()).unwrap();
        let text = "Kyiv, 14/06/2024\n\nNATO Secretary General Mark Rutte met officials in \
                    Kyiv on Monday, Reuters reported. Officials said 12 people died in the \
                    attack, which may have been planned. Acme, the Berlin-based company, \
                    agreed to buy Borex for $2 billion, according to a source. More than \
                    40 people were killed in the attack on Tuesday, police said.\n";
        let doc = crate::analysis::analyze_document(text);
        let settings = ClaimSettings::default();
        let claims = analyze(text, &doc, &settings);
        assert!(claims.claims.iter().any(|c| !c.facts.is_empty()));
        // An open-ended amount ("more than 40") has an infinite end, which
        // JSON writes as null: it must read back all the same.
        assert!(
            serde_json::to_string(&claims)
                .unwrap()
                .contains("\"hi\":null"),
            "the text states an open-ended amount"
        );
        let o = crate::analysis::overrides::Overrides::default();
        let k = ClaimsKey::new(text, "a.txt", &o, 0, &settings);
        let other = ClaimsKey {
            settings: k.settings ^ 1,
            ..k
        };
        c.put_claims(&[(k, &claims)]);
        let got = c.get_claims(&[k, other]);
        assert_eq!(got[0].as_ref(), Some(&claims));
        assert!(got[1].is_none(), "other word lists, other claims");
    }

    #[test]
    fn claims_of_the_json_format_are_discarded_or_missed() {
        use crate::analysis::claims::{analyze, ClaimSettings};
        let d = tempfile::tempdir().unwrap();
        let text = "Officials said more than 40 people died in the attack on Tuesday.\n";
        let doc = crate::analysis::analyze_document(text);
        let settings = ClaimSettings::default();
        let claims = analyze(text, &doc, &settings);
        let o = crate::analysis::overrides::Overrides::default();
        let k = ClaimsKey::new(text, "a.txt", &o, 0, &settings);
        let json = serde_json::to_vec(&claims).unwrap();
        let put_json = |c: &SqliteCache| {
            let conn = Connection::open(d.path().join(FILE_NAME)).unwrap();
            conn.execute(
                "INSERT OR REPLACE INTO claims (key, value) VALUES (?1, ?2)",
                params![&claims_key_bytes(c.analyser, &k)[..], json],
            )
            .unwrap();
        };
        // A row in the old encoding inside a current database: a miss
        // (the claims are found again), never a crash or wrong claims.
        let c = SqliteCache::open(d.path()).unwrap();
        put_json(&c);
        assert_eq!(c.get_claims(&[k]), vec![None]);
        c.put_claims(&[(k, &claims)]);
        assert_eq!(c.get_claims(&[k])[0].as_ref(), Some(&claims));
        // A database of format 2 (claims as JSON): discarded and rebuilt.
        put_json(&c);
        drop(c);
        let conn = Connection::open(d.path().join(FILE_NAME)).unwrap();
        conn.execute("UPDATE meta SET value = 2 WHERE key = 'format'", [])
            .unwrap();
        drop(conn);
        let c = SqliteCache::open(d.path()).expect("rebuilt");
        assert_eq!(c.get_claims(&[k]), vec![None]);
        let conn = Connection::open(d.path().join(FILE_NAME)).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "the old rows are gone");
    }

    /// A folder that settles some files' dates (a year-less wire
    /// dateline, an undated explainer): their claims under the settled
    /// date are stored, so a warm restart reads every claim back, parses
    /// no sentence again, and builds the same index.
    #[test]
    fn claims_under_a_settled_date_are_read_back() {
        use crate::analysis::AnalysisHost;
        let d = tempfile::tempdir().unwrap();
        let src = Path::new("../tests/corpora/claims-dev2/when3-wire-year-quake");
        let mut files: Vec<(PathBuf, Arc<str>)> = std::fs::read_dir(src)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                let t = std::fs::read_to_string(&p).unwrap();
                (Path::new("/mem").join(p.file_name().unwrap()), t.into())
            })
            .collect();
        files.sort();
        let run = || {
            let cache = Arc::new(SqliteCache::open(d.path()).unwrap());
            let mut host = AnalysisHost::new(Some("/mem".into()));
            host.set_cache(Some(cache.clone()));
            host.set_files(files.clone());
            let snap = host.snapshot();
            let ix = snap.claims();
            let json: Vec<String> = ix
                .files
                .iter()
                .map(|c| serde_json::to_string(&**c).unwrap())
                .collect();
            (json, format!("{ix:?}"), cache.stats())
        };
        let (cold, cold_conflicts, _) = run();
        let conn = Connection::open(d.path().join(FILE_NAME)).unwrap();
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
            .unwrap();
        assert!(
            rows > files.len() as i64,
            "claims under settled dates stored besides each file's own ({rows} rows)"
        );
        let (warm, warm_conflicts, (hits, misses)) = run();
        assert_eq!(misses, 0, "nothing analysed or parsed again");
        assert!(hits as i64 >= files.len() as i64 + rows);
        assert_eq!(warm, cold);
        assert_eq!(warm_conflicts, cold_conflicts);
    }

    #[test]
    fn a_corrupt_file_is_discarded_and_rebuilt() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join(FILE_NAME), vec![0x42u8; 8192]).unwrap();
        let c = SqliteCache::open(d.path()).expect("rebuilt");
        let (k, doc) = entry("NATO met in Kyiv.");
        c.put_many(&[(k, &doc)]);
        assert!(c.get_many(&[k])[0].is_some());
    }

    #[test]
    fn other_formats_are_rebuilt_or_left_alone() {
        let d = tempfile::tempdir().unwrap();
        let (k, doc) = entry("NATO met in Kyiv.");
        {
            let c = SqliteCache::open(d.path()).unwrap();
            c.put_many(&[(k, &doc)]);
        }
        let set = |v: i64| {
            let conn = Connection::open(d.path().join(FILE_NAME)).unwrap();
            conn.execute("UPDATE meta SET value = ?1 WHERE key = 'format'", [v])
                .unwrap();
        };
        // a newer crosscheck's cache: not used, not touched
        set(FORMAT + 1);
        assert!(SqliteCache::open(d.path()).is_none());
        let conn = Connection::open(d.path().join(FILE_NAME)).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM analyses", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "the newer cache keeps its entries");
        drop(conn);
        // an older one: discarded and rebuilt empty
        set(FORMAT - 1);
        let c = SqliteCache::open(d.path()).unwrap();
        assert!(c.get_many(&[k])[0].is_none());
    }

    #[test]
    fn a_read_only_folder_means_no_cache() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let ro = d.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        // root may write anyway; then the cache simply works
        let writable = std::fs::write(ro.join("probe"), "x").is_ok();
        let c = SqliteCache::open(&ro);
        assert_eq!(c.is_some(), writable);
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn a_cache_deleted_while_in_use_keeps_working_or_turns_off() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("c");
        let c = SqliteCache::open(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let (k, doc) = entry("NATO met in Kyiv.");
        c.put_many(&[(k, &doc)]);
        // Either the open handle still works, or the cache turned itself
        // off: never a panic, never a wrong answer.
        let got = c.get_many(&[k]);
        assert!(got[0].as_ref().is_none_or(|g| g.mentions == doc.mentions));
    }
}
