//! brat standoff (`DOC.ann` beside `DOC.txt`, code-point offsets): parsing,
//! writing, and the pure halves of `crosscheck import` / `export`.
//!
//! Import turns `T` lines into link annotations to entities named by the
//! span text and type, `N` lines into external ids (or, for `crosscheck:`
//! references, the entity itself), `A Status` lines on `Claim` spans into
//! claim statuses, and keeps `AnnotatorNotes` as notes. Export writes the
//! reverse, so a round trip keeps spans and links.
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use super::anchor::{target_with, CharIndex};
use super::edit::{edit_file, edit_kb, EditError, FileChange};
use super::model::{kind, Annotation, KbEntity, CLAIM_STATUSES};
use super::set::{AnnotationSet, FileAnchors};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BratSpan {
    pub id: String,
    pub kind: String,
    /// Code-point ranges, end exclusive.
    pub fragments: Vec<(usize, usize)>,
    pub text: String,
}

/// `N1\tReference T1 Wikidata:Q42\tDouglas Adams`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BratNorm {
    pub target: String,
    pub resource: String,
    pub key: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BratDoc {
    pub spans: Vec<BratSpan>,
    pub norms: Vec<BratNorm>,
    /// Target id -> notes.
    pub notes: BTreeMap<String, Vec<String>>,
    /// (attribute name, target id, value).
    pub attributes: Vec<(String, String, Option<String>)>,
    /// Lines not understood (relations, events...), with 1-based line numbers.
    pub skipped: Vec<(usize, String)>,
}

pub fn parse(ann: &str) -> BratDoc {
    let mut d = BratDoc::default();
    for (n, line) in ann.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or("");
        let mid = cols.next().unwrap_or("");
        let rest = cols.next();
        let ok = match id.chars().next() {
            Some('T') => parse_span(id, mid, rest).map(|s| d.spans.push(s)),
            Some('N') => {
                let p: Vec<&str> = mid.split(' ').collect();
                match (p.as_slice(), p.get(2).and_then(|r| r.split_once(':'))) {
                    ([_, target, _], Some((res, key))) => {
                        d.norms.push(BratNorm {
                            target: target.to_string(),
                            resource: res.to_string(),
                            key: key.to_string(),
                            name: rest.unwrap_or("").to_string(),
                        });
                        Some(())
                    }
                    _ => None,
                }
            }
            Some('#') => mid.split_once(' ').map(|(_, target)| {
                d.notes
                    .entry(target.to_string())
                    .or_default()
                    .push(rest.unwrap_or("").to_string());
            }),
            Some('A') | Some('M') => {
                let p: Vec<&str> = mid.split(' ').collect();
                let attr = match p.as_slice() {
                    [name, target] => Some((name.to_string(), target.to_string(), None)),
                    [name, target, v] => {
                        Some((name.to_string(), target.to_string(), Some(v.to_string())))
                    }
                    _ => None,
                };
                attr.map(|a| d.attributes.push(a))
            }
            _ => None,
        };
        if ok.is_none() {
            d.skipped.push((n + 1, line.to_string()));
        }
    }
    d
}

fn parse_span(id: &str, mid: &str, text: Option<&str>) -> Option<BratSpan> {
    let (kind, offsets) = mid.split_once(' ')?;
    let mut fragments = Vec::new();
    for f in offsets.split(';') {
        let (a, b) = f.trim().split_once(' ')?;
        let (a, b) = (a.parse().ok()?, b.parse().ok()?);
        if a > b {
            return None;
        }
        fragments.push((a, b));
    }
    Some(BratSpan {
        id: id.to_string(),
        kind: kind.to_string(),
        fragments,
        text: text.unwrap_or("").to_string(),
    })
}

/// brat type names cannot contain spaces.
fn brat_type(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if t.is_empty() {
        "Entity".into()
    } else {
        t
    }
}

/// One source to import: workspace-relative path, text, `.ann` content.
pub struct ImportDoc<'a> {
    pub source: &'a str,
    pub text: &'a str,
    pub ann: &'a str,
}

/// External ids found in GUM/MEANTIME style notes (`wikipedia=X`,
/// `link=http://dbpedia.org/page/X`).
fn ids_in_note(note: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for w in note.split_whitespace() {
        if let Some(v) = w.strip_prefix("wikipedia=") {
            out.push(("wikipedia".into(), v.into()));
        } else if let Some(v) = w.strip_prefix("link=http://dbpedia.org/page/") {
            out.push(("dbpedia".into(), v.into()));
        }
    }
    out
}

/// Import brat documents into the annotation set. Existing annotations are
/// kept; an identical link (same span, same entity) is not added twice, so
/// importing again changes nothing. Returns the changes and notes for the
/// user (mismatched offsets, skipped lines).
pub fn import(
    set: &AnnotationSet,
    docs: &[ImportDoc],
) -> Result<(Vec<FileChange>, Vec<String>), EditError> {
    let mut report = Vec::new();
    let mut new_entities: BTreeMap<String, KbEntity> = BTreeMap::new();
    let mut changes = Vec::new();
    for d in docs {
        let mut brat = parse(d.ann);
        for (n, l) in &brat.skipped {
            report.push(format!(
                "{}.ann:{n}: not imported (only T, N, A and notes are): {l}",
                d.source
            ));
        }
        // Spans the text cannot hold, and repeated ids, are reported and
        // left out: kept, they would be clamped to other offsets and found
        // "new" again by every later import.
        let len = d.text.chars().count();
        let mut seen = BTreeSet::new();
        brat.spans.retain(|s| {
            let end = s.fragments.iter().map(|f| f.1).max().unwrap_or(0);
            let start = s.fragments.iter().map(|f| f.0).min().unwrap_or(0);
            if !seen.insert(s.id.clone()) {
                report.push(format!(
                    "{}: {} is given twice; only its first line is imported",
                    d.source, s.id
                ));
                false
            } else if s.fragments.is_empty() || end > len || start >= end {
                report.push(format!(
                    "{}: {} spans {start}-{end}, outside the text's {len} characters (or empty); not imported",
                    d.source, s.id
                ));
                false
            } else {
                true
            }
        });
        let idx = CharIndex::new(d.text);
        let mut entity_of: HashMap<&str, String> = HashMap::new();
        for s in &brat.spans {
            let kind_l = s.kind.to_lowercase();
            if kind_l == "claim" {
                continue;
            }
            let id = match brat
                .norms
                .iter()
                .find(|n| n.target == s.id && n.resource == "crosscheck")
            {
                Some(n) => n.key.clone(),
                // Same type and folded text, same entity: deterministic, so a
                // second import finds the entities of the first.
                None => super::edit::fresh_entity_id(&Default::default(), &kind_l, &s.text),
            };
            let e = new_entities.entry(id.clone()).or_insert_with(|| {
                set.entity(&id).cloned().unwrap_or_else(|| KbEntity {
                    id: id.clone(),
                    kind: kind_l.clone(),
                    name: s.text.clone(),
                    ..Default::default()
                })
            });
            if e.name != s.text && !e.aliases.contains(&s.text) && !s.text.is_empty() {
                e.aliases.push(s.text.clone());
            }
            for n in brat
                .norms
                .iter()
                .filter(|n| n.target == s.id && n.resource != "crosscheck")
            {
                e.external_ids
                    .entry(n.resource.to_lowercase())
                    .or_insert_with(|| n.key.clone());
            }
            for note in brat.notes.get(&s.id).into_iter().flatten() {
                for (k, v) in ids_in_note(note) {
                    e.external_ids.entry(k).or_insert(v);
                }
            }
            entity_of.insert(&s.id, id);
        }
        let (c, added) = edit_file(set, d.source, |f| {
            let mut have: BTreeSet<(String, u64, u64, Option<String>)> = f
                .annotations
                .iter()
                .map(|a| {
                    (
                        a.kind.clone(),
                        a.target.start,
                        a.target.end,
                        a.entity.clone(),
                    )
                })
                .collect();
            let mut used: BTreeSet<String> = f.annotations.iter().map(|a| a.id.clone()).collect();
            for s in &brat.spans {
                let (Some(start), Some(end)) = (
                    s.fragments.iter().map(|f| f.0).min(),
                    s.fragments.iter().map(|f| f.1).max(),
                ) else {
                    continue;
                };
                let is_claim = s.kind.eq_ignore_ascii_case("claim");
                let entity = entity_of.get(s.id.as_str()).cloned();
                let k = if is_claim { kind::CLAIM } else { kind::LINK };
                let key = (k.to_string(), start as u64, end as u64, entity.clone());
                if have.contains(&key) {
                    continue;
                }
                let (bs, be) = (idx.byte(start), idx.byte(end));
                let mut target = target_with(d.text, &idx, bs..be);
                if s.fragments.len() > 1 {
                    report.push(format!(
                        "{}: {} is discontinuous; imported as the whole range {start}-{end}",
                        d.source, s.id
                    ));
                } else if target.quote != s.text {
                    // brat offsets drift when text is edited: keep what the
                    // annotator saw, the anchoring will look for it.
                    report.push(format!(
                        "{}: {} says \"{}\" but the text at {start}-{end} is \"{}\"; kept with its quote",
                        d.source, s.id, s.text, target.quote
                    ));
                    target.quote = s.text.clone();
                    target.hash = super::anchor::content_hash(&s.text);
                }
                let mut id = format!("brat-{}", s.id);
                let mut n = 2;
                while used.contains(&id) {
                    id = format!("brat-{}-{n}", s.id);
                    n += 1;
                }
                used.insert(id.clone());
                let notes = brat.notes.get(&s.id).map(|v| v.join("\n"));
                let status = brat
                    .attributes
                    .iter()
                    .find(|a| a.1 == s.id && a.0.eq_ignore_ascii_case("status"))
                    .and_then(|a| a.2.clone())
                    .filter(|v| CLAIM_STATUSES.contains(&v.as_str()));
                f.annotations.push(Annotation {
                    id,
                    kind: k.into(),
                    target,
                    entity: if is_claim { None } else { entity },
                    status: if is_claim {
                        Some(status.unwrap_or_else(|| "unverified".into()))
                    } else {
                        None
                    },
                    note: notes,
                    ..Default::default()
                });
                have.insert(key);
            }
            Ok(f.annotations.len())
        })?;
        // A document with nothing to import gets no (empty) file.
        let empty_new = c.creates() && added == 0;
        if c.old_text != c.new_text && !empty_new {
            changes.push(c);
        }
    }
    let new_entities_count = new_entities.len();
    let (kb, _) = edit_kb(set, |kb| {
        for (id, e) in new_entities {
            match kb.get_mut(&id) {
                Some(old) => {
                    for a in e.aliases {
                        if old.name != a && !old.aliases.contains(&a) {
                            old.aliases.push(a);
                        }
                    }
                    for (k, v) in e.external_ids {
                        old.external_ids.entry(k).or_insert(v);
                    }
                }
                None => kb.insert(e),
            }
        }
        Ok(())
    })?;
    // Nothing new for the knowledge base: it is not created or touched.
    if kb.old_text != kb.new_text && !(kb.creates() && new_entities_count == 0) {
        changes.insert(0, kb);
    }
    Ok((changes, report))
}

/// A recognised mention for export: byte span, type, entity id and name.
pub struct ExportMention<'a> {
    pub span: Range<usize>,
    pub kind: &'a str,
    pub entity: Option<&'a str>,
}

/// The `.ann` content for one source: recognised mentions with annotation
/// links applied (a link overrides the entity of a mention on the same
/// span, or adds a span), not-entity spans removed, claims as `Claim` spans
/// with a `Status` attribute; `N` lines give the crosscheck id and the
/// KB's external ids; notes become `AnnotatorNotes`.
pub fn export_doc(
    set: &AnnotationSet,
    source: &str,
    text: &str,
    mentions: &[ExportMention],
    anchors: &FileAnchors,
    name_of: &dyn Fn(&str) -> Option<String>,
) -> String {
    struct T {
        kind: String,
        entity: Option<String>,
        notes: Vec<String>,
        status: Option<String>,
    }
    let mut spans: BTreeMap<(usize, usize, bool), T> = BTreeMap::new();
    for m in mentions {
        spans.insert(
            (m.span.start, m.span.end, false),
            T {
                kind: m.kind.to_string(),
                entity: m.entity.map(str::to_string),
                notes: vec![],
                status: None,
            },
        );
    }
    let file = set.file(source);
    let ann = |i: usize| file.and_then(|f| f.annotations.get(i));
    for a in &anchors.placed {
        let note: Vec<String> = ann(a.index)
            .and_then(|x| x.note.clone())
            .into_iter()
            .collect();
        match a.kind.as_str() {
            kind::NOT_ENTITY => {
                spans.remove(&(a.span.start, a.span.end, false));
            }
            kind::LINK => {
                let Some(eid) = a.entity.clone() else {
                    continue;
                };
                let kb_kind = set
                    .entity(&eid)
                    .map(|e| e.kind.clone())
                    .or_else(|| eid.split_once(':').map(|p| p.0.to_string()))
                    .unwrap_or_else(|| "Entity".into());
                let t = spans.entry((a.span.start, a.span.end, false)).or_insert(T {
                    kind: kb_kind.clone(),
                    entity: None,
                    notes: vec![],
                    status: None,
                });
                t.kind = kb_kind;
                t.entity = Some(eid);
                t.notes.extend(note);
            }
            kind::CLAIM => {
                spans.insert(
                    (a.span.start, a.span.end, true),
                    T {
                        kind: "Claim".into(),
                        entity: None,
                        notes: note,
                        status: a.status.clone(),
                    },
                );
            }
            _ => {}
        }
    }
    let idx = CharIndex::new(text);
    let mut out = String::new();
    let (mut n_norm, mut n_attr, mut n_note) = (0, 0, 0);
    for (i, ((s, e, _), t)) in spans.iter().enumerate() {
        let tid = format!("T{}", i + 1);
        // brat spans cannot cross a line break: split into fragments.
        let mut frags = Vec::new();
        let mut texts = Vec::new();
        let mut pos = *s;
        for piece in text[*s..*e].split('\n') {
            let (a, b) = (pos, pos + piece.len());
            let trimmed = piece.trim_end_matches('\r');
            if !trimmed.is_empty() {
                frags.push(format!("{} {}", idx.cp(a), idx.cp(a + trimmed.len())));
                texts.push(trimmed);
            }
            pos = b + 1;
        }
        if frags.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "{tid}\t{} {}\t{}\n",
            brat_type(&t.kind),
            frags.join(";"),
            texts.join(" ")
        ));
        if let Some(eid) = &t.entity {
            let name = set
                .entity(eid)
                .map(|k| k.name.clone())
                .or_else(|| name_of(eid))
                .unwrap_or_default();
            n_norm += 1;
            out.push_str(&format!(
                "N{n_norm}\tReference {tid} crosscheck:{eid}\t{name}\n"
            ));
            if let Some(k) = set.entity(eid) {
                for (res, key) in &k.external_ids {
                    n_norm += 1;
                    let res = if res == "wikidata" {
                        "Wikidata".to_string()
                    } else {
                        res.clone()
                    };
                    out.push_str(&format!("N{n_norm}\tReference {tid} {res}:{key}\t{name}\n"));
                }
            }
        }
        if let Some(st) = &t.status {
            n_attr += 1;
            out.push_str(&format!("A{n_attr}\tStatus {tid} {st}\n"));
        }
        for note in &t.notes {
            n_note += 1;
            out.push_str(&format!(
                "#{n_note}\tAnnotatorNotes {tid}\t{}\n",
                note.replace(['\n', '\t'], " ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_standoff_lines() {
        let d = parse("T1\tPerson 0 5\tJapan\nT2\tOrg 4 7;12 16\tab cd\nN1\tReference T1 Wikidata:Q17\tJapan\n#1\tAnnotatorNotes T1\tdoc_chain=1 wikipedia=Japan\nA1\tStatus T2 disputed\nR1\tOrigin Arg1:T1 Arg2:T2\nT3\tbroken\n");
        assert_eq!(d.spans.len(), 2);
        assert_eq!(d.spans[1].fragments, vec![(4, 7), (12, 16)]);
        assert_eq!(d.norms[0].key, "Q17");
        assert_eq!(d.attributes[0].2.as_deref(), Some("disputed"));
        assert_eq!(d.skipped.len(), 2);
        assert_eq!(
            ids_in_note(&d.notes["T1"][0]),
            vec![("wikipedia".to_string(), "Japan".to_string())]
        );
    }
}
