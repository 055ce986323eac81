//! Code lens data for the top of each file: how many claims, how many
//! unverified or anonymous, conflicts, and the outlets the file relies on.
use serde::Serialize;

use crate::analysis::{FileId, Snapshot};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FileLens {
    pub claims: usize,
    pub unverified: usize,
    pub anonymous: usize,
    pub hedged: usize,
    pub conflicts: usize,
    /// Claims another file agrees with on every fact it shares.
    pub corroborated: usize,
    /// Claims other files agree with only in part (they also dispute a
    /// fact of the claim or of its event), not counted in `corroborated`.
    pub corroborated_in_part: usize,
    pub outlets: Vec<String>,
    /// Other files that rely on one of the same outlets: not independent.
    pub same_outlet_files: Vec<String>,
    /// "4 February 2024 to 2 April 2024 (low confidence)".
    pub date: Option<String>,
    /// One line for the editor: "12 claims · 2 unverified · ...".
    pub title: String,
}

/// Files named in the title at most.
const TITLE_FILES: usize = 5;

pub fn file_lens(snap: &Snapshot, file: FileId) -> FileLens {
    let Some(fc) = snap.claims().files.get(file as usize) else {
        return FileLens::default();
    };
    let mut l = FileLens {
        claims: fc.claims.len(),
        outlets: fc.outlets.clone(),
        ..Default::default()
    };
    for (ci, c) in fc.claims.iter().enumerate() {
        let r = crate::analysis::claims::ClaimRef {
            file,
            claim: ci as u32,
        };
        l.unverified += c.unverified() as usize;
        l.anonymous += fc.anonymous_only(c) as usize;
        l.hedged += !c.hedges.is_empty() as usize;
        l.conflicts += snap.claims().has_conflict(r) as usize;
        let corr = snap.claims().corroborating(r);
        if corr.iter().any(|k| !k.partial()) {
            l.corroborated += 1;
        } else if !corr.is_empty() {
            l.corroborated_in_part += 1;
        }
    }
    l.same_outlet_files = snap
        .claims()
        .same_outlet_files(file)
        .into_iter()
        .map(|o| snap.file(o).rel_path.clone())
        .collect();
    l.date = fc
        .date
        .date
        .as_ref()
        .map(|d| format!("{} ({} confidence)", d.describe(), d.confidence.as_str()));
    let mut parts = vec![format!("{} claims", l.claims)];
    for (n, what) in [
        (l.unverified, "unverified"),
        (l.anonymous, "anonymous"),
        (l.hedged, "hedged"),
        (l.conflicts, "in conflict"),
        (l.corroborated, "corroborated"),
        (l.corroborated_in_part, "corroborated in part"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    if !l.outlets.is_empty() {
        parts.push(format!("relies on {}", l.outlets.join(", ")));
    }
    if !l.same_outlet_files.is_empty() {
        // The title names a few; the field has them all.
        let n = l.same_outlet_files.len();
        let named = l.same_outlet_files[..n.min(TITLE_FILES)].join(", ");
        let more = if n > TITLE_FILES {
            format!(" and {} more", n - TITLE_FILES)
        } else {
            String::new()
        };
        parts.push(format!("same outlet as {named}{more} (not independent)"));
    }
    if let Some(d) = &l.date {
        parts.push(format!("dated {d}"));
    }
    l.title = parts.join(" · ");
    l
}
