//! Folder-level results in the persisted index: one row per file of a
//! folder, and the state of the folder they were made in.
//!
//! A folder's rows are all of one state: storing replaces the folder's
//! state and every one of its rows in one transaction, so a reader (this
//! process or another on the same folder) sees either the old set or the
//! new one, and a process killed mid-write leaves the old set (SQLite rolls
//! the transaction back). A lookup answers only when the stored state is
//! the one asked for; the analyser's identity is part of the state, so
//! another build of crosscheck never reads these rows as its own.
use rusqlite::{params, OptionalExtension};

use super::SqliteCache;

/// SQLite stores signed 64-bit integers: digests go in bit for bit.
fn int(x: u64) -> i64 {
    x as i64
}

/// A folder's rows: (file number, encoded result).
type Rows = Vec<(u32, Vec<u8>)>;

impl SqliteCache {
    /// The state digest as stored: the caller's, with this analyser's.
    fn with_analyser(&self, state: u64) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.analyser, state).hash(&mut h);
        h.finish()
    }

    /// File `file`'s row of folder `folder`, if the folder was stored in
    /// state `state`.
    pub(super) fn folder_row(&self, folder: u64, state: u64, file: u32) -> Option<Vec<u8>> {
        if self.is_off() {
            return None;
        }
        let state = self.with_analyser(state);
        let got: rusqlite::Result<Option<Vec<u8>>> = (|| {
            let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
            // One read transaction: the state and the row agree.
            let tx = conn.unchecked_transaction()?;
            if !stored_in(&tx, folder, state)? {
                return Ok(None);
            }
            let row = tx
                .prepare_cached("SELECT value FROM folder_results WHERE folder = ?1 AND file = ?2")?
                .query_row(params![int(folder), file], |r| r.get(0))
                .optional()?;
            tx.commit()?;
            Ok(row)
        })();
        match got {
            Ok(row) => row,
            Err(e) => {
                self.fail("reading folder results", e);
                None
            }
        }
    }

    /// Every row of folder `folder` in file order, if the folder was
    /// stored in state `state`: one read transaction and one statement
    /// (a warm restart reads a folder's rows at once, not a query each).
    pub(super) fn folder_rows(&self, folder: u64, state: u64) -> Option<Rows> {
        if self.is_off() {
            return None;
        }
        let state = self.with_analyser(state);
        let got: rusqlite::Result<Option<Rows>> = (|| {
            let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
            let tx = conn.unchecked_transaction()?;
            if !stored_in(&tx, folder, state)? {
                return Ok(None);
            }
            let rows = tx
                .prepare_cached(
                    "SELECT file, value FROM folder_results WHERE folder = ?1 ORDER BY file",
                )?
                .query_map(params![int(folder)], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Rows>>()?;
            tx.commit()?;
            Ok(Some(rows))
        })();
        match got {
            Ok(rows) => rows,
            Err(e) => {
                self.fail("reading folder results", e);
                None
            }
        }
    }

    /// Replace folder `folder`'s rows by `rows`, made in state `state`.
    pub(super) fn put_folder_rows(&self, folder: u64, state: u64, rows: &[(u32, Vec<u8>)]) {
        if self.is_off() {
            return;
        }
        let state = self.with_analyser(state);
        let r: rusqlite::Result<()> = (|| {
            let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
            let tx = conn.transaction()?;
            tx.execute(
                "DELETE FROM folder_results WHERE folder = ?1",
                params![int(folder)],
            )?;
            {
                let mut stmt = tx.prepare_cached(
                    "INSERT OR REPLACE INTO folder_results (folder, file, value) VALUES (?1, ?2, ?3)",
                )?;
                for (file, value) in rows {
                    stmt.execute(params![int(folder), file, value])?;
                }
            }
            tx.execute(
                "INSERT OR REPLACE INTO folder_states (folder, state) VALUES (?1, ?2)",
                params![int(folder), int(state)],
            )?;
            tx.commit()
        })();
        if let Err(e) = r {
            self.fail("writing folder results", e);
        }
    }
}

/// Whether folder `folder`'s rows were stored in state `state` (read in
/// the caller's transaction, so the state and the rows agree).
fn stored_in(tx: &rusqlite::Transaction<'_>, folder: u64, state: u64) -> rusqlite::Result<bool> {
    let stored: Option<i64> = tx
        .prepare_cached("SELECT state FROM folder_states WHERE folder = ?1")?
        .query_row(params![int(folder)], |r| r.get(0))
        .optional()?;
    Ok(stored == Some(int(state)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::cache::AnalysisCache;

    #[test]
    fn rows_answer_only_for_their_state_and_are_replaced_whole() {
        let d = tempfile::tempdir().unwrap();
        let c = SqliteCache::open(d.path()).unwrap();
        assert_eq!(c.folder_result(1, 10, 0), None);
        c.put_folder_results(1, 10, &[(0, b"a".to_vec()), (1, b"b".to_vec())]);
        c.put_folder_results(2, 20, &[(0, b"other folder".to_vec())]);
        assert_eq!(c.folder_result(1, 10, 1).as_deref(), Some(&b"b"[..]));
        assert_eq!(c.folder_result(1, 11, 1), None, "another state");
        assert_eq!(c.folder_result(1, 10, 2), None, "no such file");
        // A new state replaces every row of the folder, not the others'.
        c.put_folder_results(1, 11, &[(0, b"c".to_vec())]);
        assert_eq!(c.folder_result(1, 10, 0), None);
        assert_eq!(c.folder_result(1, 11, 0).as_deref(), Some(&b"c"[..]));
        assert_eq!(c.folder_result(1, 11, 1), None, "old rows are gone");
        assert_eq!(
            c.folder_result(2, 20, 0).as_deref(),
            Some(&b"other folder"[..])
        );
        // All of a folder's rows at once, for its state only.
        c.put_folder_results(3, 30, &[(1, b"y".to_vec()), (0, b"x".to_vec())]);
        assert_eq!(
            c.folder_results(3, 30),
            Some(vec![(0, b"x".to_vec()), (1, b"y".to_vec())])
        );
        assert_eq!(c.folder_results(3, 31), None, "another state");
        assert_eq!(c.folder_results(4, 30), None, "no such folder");
        // Another process (connection) sees what was committed.
        let c2 = SqliteCache::open(d.path()).unwrap();
        assert_eq!(c2.folder_result(1, 11, 0).as_deref(), Some(&b"c"[..]));
    }
}
