//! What the annotations of a workspace mean for its analysis and its
//! diagnostics, without any protocol type; the server and the command line
//! both use it, so they analyse an annotated folder the same way:
//!
//! - [`overrides_from`]: the knowledge base and per-file decisions, as the
//!   analysis takes them;
//! - [`source_notes`]: diagnostics the annotations add to a source file
//!   (orphaned annotations, disputed claims, claims the KB contradicts);
//! - [`filter_diagnostics`]: what the annotations remove from the claim
//!   diagnostics (verified claims, dismissed diagnostics);
//! - [`effective_date`]: the publication date, as corrected by a person or
//!   else as inferred;
//! - [`analyse_annotated`]: a folder's files analysed with its annotations;
//! - [`findings_of`]: the findings about the `.crosscheck/` files.
use std::ops::Range;
use std::sync::Arc;

use crate::analysis::claims::dates::Ymd;
use crate::analysis::claims::roles::{demonym_to_country, is_current, normalize, NormRole};
use crate::analysis::claims::FactBody;
use crate::analysis::model::{EntityKind, RoleAttr};
use crate::analysis::overrides::{FileOverrides, KbEntity, Overrides, SpanLink};
use crate::analysis::{FileId, Snapshot};
use crate::annotations::finding::code;
use crate::annotations::set::RoleHolding;
use crate::annotations::{AnnotationSet, Finding};
use crate::config::Severity;
use crate::ide::diagnostics::Diagnostic;

/// Diagnostic code of a claim a person marked disputed or false.
pub const DISPUTED_CLAIM: &str = "disputed-claim";

/// A diagnostic the annotations add to a source file (byte range).
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
    pub message: String,
    pub severity: Severity,
}

/// The analysis view of a workspace's annotations. The resolver anchors a
/// file's annotations against whatever text the analysis is given, so the
/// decisions follow the text as it is edited.
pub fn overrides_from(set: &Arc<AnnotationSet>) -> Overrides {
    if set.kb.is_none() && set.files.is_empty() {
        return Overrides::default(); // nothing decided: the plain analysis
    }
    let kb: Vec<KbEntity> = set
        .knowledge_base()
        .map(|kb| {
            kb.entities
                .iter()
                // Entities without a usable id or name (reported by the
                // validation) are not recognised.
                .filter(|e| !e.id.trim().is_empty() && !e.name.trim().is_empty())
                .filter_map(|e| {
                    Some(KbEntity {
                        id: e.id.clone(),
                        // Types the analysis does not know are kept in the
                        // file but not recognised.
                        kind: EntityKind::parse(&e.kind)?,
                        name: e.name.clone(),
                        aliases: e.aliases.clone(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let s = set.clone();
    let resolver = Arc::new(move |rel: &str, text: &str| {
        let a = s.anchor_file(rel, text);
        FileOverrides {
            links: a
                .links()
                .map(|(r, e)| SpanLink {
                    start: r.start,
                    end: r.end,
                    entity: e.to_string(),
                })
                .collect(),
            not_entities: a.not_entities().map(|r| (r.start, r.end)).collect(),
        }
    });
    Overrides::new(kb, Some(resolver))
}

fn overlaps(a: &Range<usize>, s: usize, e: usize) -> bool {
    a.start < e.max(s + 1) && s < a.end
}

/// A date as (first day, last day): "2024-12" covers the whole month.
pub fn date_range(iso: &str) -> Option<(Ymd, Ymd)> {
    let date = iso.split('T').next()?;
    let mut it = date.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: Option<u8> = it.next().and_then(|s| s.parse().ok());
    let d: Option<u8> = it.next().and_then(|s| s.parse().ok());
    let last = |y: i32, m: u8| (28..=31).rev().find_map(|d| Ymd::new(y, m, d));
    Some(match (m, d) {
        (Some(m), Some(d)) => {
            let x = Ymd::new(y, m, d)?;
            (x, x)
        }
        (Some(m), None) => (Ymd::new(y, m, 1)?, last(y, m)?),
        _ => (Ymd::new(y, 1, 1)?, Ymd::new(y, 12, 31)?),
    })
}

/// The file's publication date: corrected in its annotations, else the
/// one the analysis inferred.
pub fn effective_date(set: &AnnotationSet, snap: &Snapshot, file: FileId) -> Option<(Ymd, Ymd)> {
    let rel = &snap.file(file).rel_path;
    if let Some(p) = set.metadata(rel).and_then(|m| m.published.as_deref()) {
        if let Some(r) = date_range(p) {
            return Some(r);
        }
    }
    let fc = snap.file_claims_of(file)?;
    let d = fc.date.date.as_ref()?;
    Some((d.lo, d.hi))
}

fn key(y: Ymd) -> (i32, u8, u8) {
    (y.y, y.m, y.d)
}

/// Does the KB role name `kb` ("Polish Defence Minister") denote title
/// `title` ("defense minister") of `org` ("Poland")?
fn role_matches(kb: &str, title: &str, org: Option<&str>) -> bool {
    let mut s = kb.to_lowercase();
    for (a, b) in [
        ("secretary-general", "secretary general"),
        ("defence", "defense"),
        ("minister of defense", "defense minister"),
        ("minister of national defense", "defense minister"),
        ("national defense minister", "defense minister"),
        ("minister of foreign affairs", "foreign minister"),
    ] {
        s = s.replace(a, b);
    }
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| demonym_to_country(w).to_lowercase())
        .collect();
    let norm = format!(" {} ", words.join(" "));
    if !norm.contains(&format!(" {title} ")) {
        return false;
    }
    match org {
        Some(o) => norm.contains(&format!(" {} ", o.to_lowercase())),
        None => false,
    }
}

/// Does `h` certainly cover the whole of `[lo, hi]`? An end date is the
/// handover day; partial KB dates are read the way that avoids a claim.
fn covers(h: &RoleHolding, lo: Ymd, hi: Ymd) -> bool {
    let from_ok = match h.from {
        None => true,
        Some(f) => date_range(f).is_some_and(|(_, f_hi)| key(f_hi) <= key(lo)),
    };
    let to_ok = match h.to {
        None => true,
        Some(t) => date_range(t).is_some_and(|(t_lo, _)| key(hi) < key(t_lo)),
    };
    from_ok && to_ok
}

/// Could `h` cover any day of `[lo, hi]`?
fn may_cover(h: &RoleHolding, lo: Ymd, hi: Ymd) -> bool {
    let from_ok = match h.from {
        None => true,
        Some(f) => date_range(f).is_none_or(|(f_lo, _)| key(f_lo) <= key(hi)),
    };
    let to_ok = match h.to {
        None => true,
        Some(t) => date_range(t).is_none_or(|(_, t_hi)| key(lo) <= key(t_hi)),
    };
    from_ok && to_ok
}

fn span_text(h: &RoleHolding) -> String {
    match (h.from, h.to) {
        (Some(f), Some(t)) => format!("{f} to {t}"),
        (Some(f), None) => format!("since {f}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "at an unknown time".into(),
    }
}

fn when_text(lo: Ymd, hi: Ymd) -> String {
    if lo == hi {
        lo.long()
    } else {
        format!("{} to {}", lo.long(), hi.long())
    }
}

/// A role the text gives a person: (span, person mention, role, dated
/// frame). From the claims' role facts, and from the roles the recogniser
/// attached to person mentions (the claims leave attributed speakers out:
/// "Polish Defense Minister Mariusz Błaszczak stated ...").
type RoleStatement = (Range<usize>, usize, NormRole, Option<(Ymd, Ymd)>);

fn role_statements(snap: &Snapshot, file: FileId) -> Vec<RoleStatement> {
    let f = snap.file(file);
    let text: &str = &f.text;
    let mut out: Vec<RoleStatement> = Vec::new();
    if let Some(fc) = snap.file_claims_of(file) {
        for c in &fc.claims {
            for x in &c.facts {
                if let FactBody::Role {
                    person, role, when, ..
                } = &x.body
                {
                    out.push((x.start..x.end, *person as usize, role.clone(), *when));
                }
            }
        }
    }
    for (mi, m) in f.doc.mentions.iter().enumerate() {
        if m.kind != EntityKind::Person || out.iter().any(|s| s.1 == mi) {
            continue;
        }
        // Names found through the knowledge base come without the roles
        // the recogniser attaches to the names it finds itself.
        let fallback = m
            .roles
            .is_empty()
            .then(|| preceding_role(text, m.start))
            .flatten();
        for r in m.roles.iter().chain(fallback.iter()) {
            let mut from = r.start.saturating_sub(16);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            if let Some(norm) = normalize(r, &text[from..r.start]) {
                out.push((r.start.min(m.start)..m.end.max(r.end), mi, norm, None));
            }
        }
    }
    out
}

/// A title written right before a name ("Polish Defense Minister Mariusz
/// Błaszczak"): the capitalised words before it in its sentence.
fn preceding_role(text: &str, name_start: usize) -> Option<RoleAttr> {
    let before = &text[..name_start];
    let line_start = before
        .rfind(['\n', '.', ',', ';', ':', '('])
        .map_or(0, |i| i + 1);
    let mut start = name_start;
    for (i, w) in before[line_start..].split_whitespace().rev().enumerate() {
        if i >= 6 || !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        start = before[..start].rfind(w)?;
    }
    let role = text[start..name_start].trim_end();
    (start < name_start && !role.is_empty()).then(|| RoleAttr {
        start,
        end: start + role.len(),
        text: role.to_string(),
        qualifier: None,
    })
}

/// Role statements of `file` that a dated KB fact contradicts: the text
/// names P as holder of a role the KB gives to somebody else on the date
/// (the file's publication date, or a dated frame of the statement).
pub fn kb_conflicts(set: &AnnotationSet, snap: &Snapshot, file: FileId) -> Vec<Note> {
    let holders = set.role_holders();
    if holders.is_empty() {
        return Vec::new();
    }
    let file_date = effective_date(set, snap, file);
    let mut out = Vec::new();
    for (span, person, role, when) in role_statements(snap, file) {
        if !is_current(role.qualifier) {
            continue;
        }
        let Some((lo, hi)) = when.or(file_date) else {
            continue;
        };
        let entity = &snap.entities[snap.entity_of(file, person) as usize];
        let id = set.resolve_id(&entity.id);
        for (kb_role, hs) in &holders {
            if !role_matches(kb_role, &role.title, role.org.as_deref()) {
                continue;
            }
            if hs.iter().any(|h| h.entity == id && may_cover(h, lo, hi)) {
                continue;
            }
            let Some(other) = hs.iter().find(|h| h.entity != id && covers(h, lo, hi)) else {
                continue;
            };
            let other_name = set.entity(other.entity).map_or(other.entity, |e| &e.name);
            let mine: Vec<String> = hs
                .iter()
                .filter(|h| h.entity == id)
                .map(span_text)
                .collect();
            let mine = if mine.is_empty() {
                String::new()
            } else {
                format!("; {} held it {}", entity.canonical, mine.join(", "))
            };
            out.push(Note {
                start: span.start,
                end: span.end,
                code: code::KB_CONFLICT,
                message: format!(
                    "Contradicts the knowledge base: on {} the {kb_role} was {other_name} ({}){mine}",
                    when_text(lo, hi),
                    span_text(other),
                ),
                severity: Severity::Warning,
            });
            break;
        }
    }
    out
}

/// What the annotations add to source `file`: orphaned annotations (on
/// the first line: they have no place), disputed or false claims, and
/// claims the KB contradicts. Dismissed ones are left out.
pub fn source_notes(set: &AnnotationSet, snap: &Snapshot, file: FileId) -> Vec<Note> {
    let f = snap.file(file);
    let text: &str = &f.text;
    let anchors = set.anchor_file(&f.rel_path, text);
    let first_line = text.find(['\n', '\r']).unwrap_or(text.len());
    let mut out: Vec<Note> = anchors
        .orphans
        .iter()
        .map(|o| Note {
            start: 0,
            end: first_line,
            code: code::ORPHANED_ANNOTATION,
            message: format!(
                "{} annotation \"{}\" on \"{}\" cannot be placed: {}; see its annotation file",
                o.kind, o.id, o.quote, o.reason
            ),
            severity: Severity::Warning,
        })
        .collect();
    for (span, status) in anchors.claims() {
        let severity = match status {
            "false" => Severity::Warning,
            "disputed" => Severity::Information,
            _ => continue,
        };
        out.push(Note {
            start: span.start,
            end: span.end,
            code: DISPUTED_CLAIM,
            message: format!("Claim marked {status} in the annotations"),
            severity,
        });
    }
    out.extend(kb_conflicts(set, snap, file));
    out.retain(|n| {
        n.code == code::ORPHANED_ANNOTATION
            || !set.is_dismissed(&f.rel_path, n.code, text, n.start..n.end)
    });
    out
}

/// Remove from `diags` (claim diagnostics of `file`) those the
/// annotations settle: `unverified-claim` and `anonymous-source` on a claim
/// marked verified, and every dismissed diagnostic.
pub fn filter_diagnostics(
    set: &AnnotationSet,
    snap: &Snapshot,
    file: FileId,
    diags: &mut Vec<Diagnostic>,
) {
    let f = snap.file(file);
    let text: &str = &f.text;
    let verified: Vec<Range<usize>> = set
        .anchor_file(&f.rel_path, text)
        .claims()
        .filter(|(_, s)| *s == "verified")
        .map(|(r, _)| r)
        .collect();
    // The file's own claims: settling needs no cross-file join (a warm
    // restart publishes stored diagnostics before the index is built).
    let claims = snap.file_claims_of(file);
    let is_verified = |a: usize, b: usize| verified.iter().any(|v| overlaps(v, a, b));
    let settled = |d: &Diagnostic| match d.code {
        "unverified-claim" => is_verified(d.start, d.end),
        // An anonymous source may carry several claims (its paragraph, the
        // whole story): settled once every claim resting on it is verified.
        "anonymous-source" => claims.as_deref().is_some_and(|fc| {
            let resting = crate::ide::diagnostics::claims_resting_on(fc, d.start);
            !resting.is_empty()
                && resting
                    .iter()
                    .all(|&i| is_verified(fc.claims[i].start, fc.claims[i].end))
        }),
        _ => false,
    };
    diags.retain(|d| !settled(d) && !set.is_dismissed(&f.rel_path, d.code, text, d.start..d.end));
}

/// The analysis of a folder's `files` with its annotations (`overrides`,
/// see [`overrides_from`]) and claim word lists: what the server's folder host and the command line
/// both build (one code path, so they cannot disagree).
pub fn analyse_annotated(
    root: &std::path::Path,
    overrides: Arc<Overrides>,
    settings: crate::analysis::claims::ClaimSettings,
    files: Vec<(std::path::PathBuf, Arc<str>)>,
) -> crate::analysis::AnalysisHost {
    analyse_annotated_cached(root, overrides, settings, files, None)
}

/// [`analyse_annotated`], taking and keeping analyses in `cache`.
pub fn analyse_annotated_cached(
    root: &std::path::Path,
    overrides: Arc<Overrides>,
    settings: crate::analysis::claims::ClaimSettings,
    files: Vec<(std::path::PathBuf, Arc<str>)>,
    cache: Option<Arc<dyn crate::analysis::cache::AnalysisCache>>,
) -> crate::analysis::AnalysisHost {
    let mut host = crate::analysis::AnalysisHost::new(Some(root.to_path_buf()));
    host.set_cache(cache);
    host.set_claim_settings(settings);
    host.set_overrides(overrides); // empty host: nothing re-analysed
    host.set_files(files);
    host
}

/// Every finding about the `.crosscheck/` files of a folder: loading and
/// validation (`load`), unknown entity ids, orphans, missing sources,
/// overlapping holders of single-holder roles. A source that exists on
/// disk but was not analysed (too large, say) is not "missing".
pub fn findings_of(set: &AnnotationSet, load: Vec<Finding>, snap: &Snapshot) -> Vec<Finding> {
    let text_of = |rel: &str| {
        snap.files
            .iter()
            .find(|f| f.rel_path == rel)
            .map(|f| f.text.to_string())
    };
    let on_disk = |rel: &str| {
        crate::annotations::paths::check_rel_path(rel).is_ok_and(|rel| {
            std::fs::symlink_metadata(set.root.join(rel)).is_ok_and(|m| !m.is_dir())
        })
    };
    let known = |id: &str| snap.entity_by_id(id).is_some();
    let mut out = set.check_all(load, &text_of, &on_disk, &known);
    out.extend(set.role_conflict_findings(&|role: &str| {
        let r = role.to_lowercase().replace("defence", "defense");
        crate::analysis::claims::roles::SINGLE_HOLDER
            .iter()
            .any(|t| r.contains(t))
    }));
    out
}

/// The text a finding's byte range refers to: the `.crosscheck/` file as
/// it was loaded into `set`.
pub fn loaded_text<'a>(set: &'a AnnotationSet, path: &std::path::Path) -> Option<&'a str> {
    if let Some(k) = set.kb.as_ref().filter(|k| k.path == path) {
        return Some(&k.text);
    }
    set.files
        .values()
        .find(|l| l.path == path)
        .map(|l| l.text.as_str())
}

/// Settle one source file's claim diagnostics with the annotations
/// (verified claims and dismissals go) and add theirs (orphans, disputed
/// claims, kb-conflict), in text order.
pub fn settle(set: &AnnotationSet, snap: &Snapshot, file: FileId, diags: &mut Vec<Diagnostic>) {
    filter_diagnostics(set, snap, file, diags);
    for n in source_notes(set, snap, file) {
        diags.push(Diagnostic {
            start: n.start,
            end: n.end,
            severity: n.severity,
            // No rule of the configuration owns these codes; the nearest
            // one stands in where a rule is required.
            rule: crate::config::Rule::ConflictingClaim,
            code: n.code,
            message: n.message,
            related: Vec::new(),
        });
    }
    diags.sort_by(|a, b| (a.start, a.end, a.code).cmp(&(b.start, b.end, b.code)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_dates() {
        assert!(role_matches(
            "Polish Defence Minister",
            "defense minister",
            Some("Poland")
        ));
        assert!(role_matches(
            "NATO Secretary General",
            "secretary general",
            Some("NATO")
        ));
        assert!(!role_matches(
            "Polish Defence Minister",
            "foreign minister",
            Some("Poland")
        ));
        let (lo, hi) = date_range("2024-12").unwrap();
        assert_eq!((lo.d, hi.d), (1, 31));
        let h = RoleHolding {
            entity: "a",
            from: Some("2023-12-13"),
            to: None,
            source: None,
        };
        assert!(covers(&h, lo, hi));
        let old = RoleHolding {
            entity: "b",
            from: Some("2018-01-09"),
            to: Some("2023-11-27"),
            source: None,
        };
        assert!(!may_cover(&old, lo, hi));
    }
}
#[cfg(test)]
mod example_tests {
    /// The annotated example corpus: the KB dates Błaszczak's term, the
    /// corrected date puts 004 in December 2024, hence one kb-conflict; the
    /// verified claims leave no trace; the ambiguous date is kept on
    /// purpose (the example's running case of that diagnostic).
    #[test]
    fn the_example_reports_blaszczak_against_the_kb() {
        let dir = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/nato-ukraine"
        ));
        let folder = crate::cli::load::load(dir, &Default::default()).unwrap();
        assert!(folder.findings.is_empty(), "{:?}", folder.findings);
        let snap = folder.snap.clone();
        let reports = folder.reports();
        let all: Vec<(&str, &str, String)> = reports
            .iter()
            .flat_map(|r| {
                let text = &snap.file(r.file).text;
                r.diagnostics
                    .iter()
                    .map(move |d| (&r.path[..3], d.code, text[d.start..d.end].to_string()))
            })
            .collect();
        let conflicts: Vec<_> = all.iter().filter(|d| d.1 == "kb-conflict").collect();
        assert_eq!(conflicts.len(), 1, "{all:?}");
        assert_eq!(conflicts[0].0, "004");
        assert!(
            conflicts[0].2.contains("Mariusz Błaszczak"),
            "{conflicts:?}"
        );
        assert!(!all.iter().any(|d| d.1 == "conflicting-claim"), "{all:?}");
        assert!(
            all.iter().any(|d| d.1 == "ambiguous-date" && d.0 == "001"),
            "{all:?}"
        );
        let clay = snap.entity_by_id("location:clay-kaserne").unwrap();
        assert!(clay
            .mentions
            .iter()
            .any(|m| snap.mention_text(*m) == "Clay"));
    }
}
