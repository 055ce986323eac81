//! Workspace-wide checks over an [`AnnotationSet`]: everything a
//! `check` command or the editor's workspace diagnostics report at once, and
//! conflicts between dated facts in the knowledge base.
use super::finding::{code, Finding, Severity};
use super::set::{AnnotationSet, RoleHolding};

/// Two holders of a single-holder role whose intervals overlap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleConflict<'a> {
    pub role: &'a str,
    pub first: RoleHolding<'a>,
    pub second: RoleHolding<'a>,
}

/// An ISO date as a comparable day key. Partial dates widen to the start
/// (`from`) or the end (`to`) of their period: "2024" starts on 2024-01-01
/// and ends on 2024-12-31.
fn day_key(d: &str, end: bool) -> Option<(u32, u32, u32)> {
    let date = d.split('T').next()?;
    let mut it = date.split('-').map(|p| p.parse::<u32>().ok());
    let y = it.next()??;
    let m = it.next().flatten();
    let day = it.next().flatten();
    Some(match (m, day, end) {
        (Some(m), Some(d), _) => (y, m, d),
        (Some(m), None, false) => (y, m, 1),
        (Some(m), None, true) => (y, m, 31),
        (None, _, false) => (y, 1, 1),
        (None, _, true) => (y, 12, 31),
    })
}

/// Whether two holdings certainly overlap. Only certain overlaps are
/// conflicts: a partial date is read in the way that avoids one (a start
/// as late, an end as early as the period allows), an end date is the
/// handover day (the successor may start on it), and open ends extend
/// forever.
fn overlaps(a: &RoleHolding, b: &RoleHolding) -> bool {
    const MIN: (u32, u32, u32) = (0, 0, 0);
    const MAX: (u32, u32, u32) = (u32::MAX, 0, 0);
    let start = |h: &RoleHolding| h.from.map_or(Some(MIN), |d| day_key(d, true));
    let end = |h: &RoleHolding| h.to.map_or(Some(MAX), |d| day_key(d, false));
    match (start(a), end(a), start(b), end(b)) {
        (Some(sa), Some(ea), Some(sb), Some(eb)) => sa < eb && sb < ea,
        // An unparseable date is reported elsewhere; no conflict guessed.
        _ => false,
    }
}

impl AnnotationSet {
    /// Overlapping holders of roles for which `single_holder(role)` is true
    /// (one Secretary General at a time; many members of parliament).
    pub fn role_conflicts(&self, single_holder: &dyn Fn(&str) -> bool) -> Vec<RoleConflict<'_>> {
        let mut out = Vec::new();
        for (role, holders) in self.role_holders() {
            if !single_holder(role) {
                continue;
            }
            for (i, a) in holders.iter().enumerate() {
                for b in &holders[i + 1..] {
                    if a.entity != b.entity && overlaps(a, b) {
                        out.push(RoleConflict {
                            role,
                            first: a.clone(),
                            second: b.clone(),
                        });
                    }
                }
            }
        }
        out
    }

    /// Role conflicts as findings on the second entity in `entities.json`.
    pub fn role_conflict_findings(&self, single_holder: &dyn Fn(&str) -> bool) -> Vec<Finding> {
        let Some(kb) = &self.kb else {
            return Vec::new();
        };
        self.role_conflicts(single_holder)
            .into_iter()
            .map(|c| {
                let show = |h: &RoleHolding| {
                    format!(
                        "{} ({} to {})",
                        h.entity,
                        h.from.unwrap_or("?"),
                        h.to.unwrap_or("now")
                    )
                };
                let mut f = Finding::new(
                    Severity::Warning,
                    code::KB_CONFLICT,
                    kb.path.clone(),
                    format!(
                        "\"{}\" has one holder at a time, but {} and {} overlap",
                        c.role,
                        show(&c.first),
                        show(&c.second)
                    ),
                )
                .item(c.second.entity);
                if let Some(span) = kb.parsed.item_spans.get(c.second.entity) {
                    f = f.at(&kb.text, span.clone());
                }
                f
            })
            .collect()
    }

    /// Everything at once, for a `check` command or workspace diagnostics:
    /// findings from loading (pass them in), unknown entity ids, missing
    /// sources, and orphans in every source. `source_text` gives the
    /// current text of an analysed source; `present` says whether a source
    /// that was not analysed still exists (skipped for its size, say: its
    /// annotations are then neither missing nor placed); `known` says
    /// whether the analysis knows an entity id.
    pub fn check_all(
        &self,
        load_findings: Vec<Finding>,
        source_text: &dyn Fn(&str) -> Option<String>,
        present: &dyn Fn(&str) -> bool,
        known: &dyn Fn(&str) -> bool,
    ) -> Vec<Finding> {
        let mut out = load_findings;
        out.extend(self.check_entity_refs(known));
        let texts: Vec<(&String, Option<String>)> =
            self.files.keys().map(|s| (s, source_text(s))).collect();
        let exists = |s: &str| texts.iter().any(|(k, t)| *k == s && t.is_some()) || present(s);
        out.extend(self.missing_sources(&exists));
        for (src, text) in &texts {
            if let Some(t) = text {
                out.extend(self.anchor_file(src, t).findings);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h<'a>(e: &'a str, from: Option<&'a str>, to: Option<&'a str>) -> RoleHolding<'a> {
        RoleHolding {
            entity: e,
            from,
            to,
            source: None,
        }
    }

    #[test]
    fn handovers_are_not_conflicts() {
        let a = h("a", Some("2014-10-01"), Some("2024-10-01"));
        assert!(!overlaps(&a, &h("b", Some("2024-10-01"), None)));
        assert!(overlaps(&a, &h("b", Some("2020"), None)));
        assert!(overlaps(&a, &h("b", None, None)));
        assert!(!overlaps(&a, &h("b", Some("2001"), Some("2014-10-01"))));
        assert!(!overlaps(
            &h("a", Some("2009"), Some("2014")),
            &h("b", Some("2014-10"), None)
        ));
    }
}
