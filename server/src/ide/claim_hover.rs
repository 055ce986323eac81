//! Hover on a claim: who says so (the attribution chain and where it was
//! declared), whether it is hedged, which files corroborate it and which
//! contradict it, with their wording (the first ten of each, then a count).
//! Markdown, byte ranges.
use std::fmt::Write;

use std::sync::Arc;

use crate::analysis::claims::{
    Claim, ClaimRef, ClaimsIndex, Corroboration, Fact, FactBody, FileClaims, Scope, SourceKind,
};
use crate::analysis::{FileId, Snapshot, SourceFile};

use super::diagnostics::chain_text;

/// Corroborating or contradicting claims listed at most (per value for
/// contradictions); the rest are counted.
pub const MAX_LISTED: usize = 10;

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimHover {
    /// The claim's sentence.
    pub start: usize,
    pub end: usize,
    pub markdown: String,
}

fn excerpt(s: &str) -> String {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.replace('*', "\\*").replace('_', "\\_");
    if t.chars().count() > 160 {
        format!("{}…", t.chars().take(160).collect::<String>())
    } else {
        t
    }
}

fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        "no upper bound".to_string()
    } else if v >= 1e9 {
        format!("{:.3} billion", v / 1e9)
    } else if v >= 1e6 {
        format!("{:.3} million", v / 1e6)
    } else {
        format!("{}", (v * 100.0).round() / 100.0)
    }
}

/// The entity names of mentions, as the index a hover reads saw them:
/// the snapshot's, except for the hovered file when the index is the
/// previous one (its mentions were numbered differently then).
struct Names<'a> {
    snap: &'a Snapshot,
    then: Option<(FileId, &'a [String])>,
}

impl Names<'_> {
    fn of(&self, file: FileId, m: u32) -> String {
        match self.then {
            Some((f, names)) if f == file => names.get(m as usize).cloned().unwrap_or_default(),
            _ => self.snap.entities[self.snap.entity_of(file, m as usize) as usize]
                .canonical
                .clone(),
        }
    }
}

/// The claims index a hover's cross-file part reads, with the files it
/// was built from and the names its facts' mentions had.
struct Across<'a> {
    index: &'a ClaimsIndex,
    files: &'a [Arc<SourceFile>],
    names: Names<'a>,
}

/// What a fact states something about ("NATO secretary general",
/// "Norvik Systems: price", "the date of the crash").
fn fact_about(names: &Names, file: FileId, f: &Fact) -> String {
    let name = |m: u32| names.of(file, m);
    let event = || {
        f.event
            .as_ref()
            .map(|e| e.kind.as_str().to_string())
            .unwrap_or_default()
    };
    match &f.body {
        FactBody::Role { role, .. } => {
            let org = role.org.clone().unwrap_or_default();
            format!("{org} {}", role.title).trim().to_string()
        }
        FactBody::Quantity {
            subject, measure, ..
        } => {
            let who = subject
                .map(name)
                .unwrap_or_else(|| format!("the {}", event()));
            let what = if measure.what.is_empty() {
                measure.unit.clone()
            } else {
                measure.what.clone()
            };
            format!("{who}: {what}")
        }
        FactBody::EventDate { event, .. } => format!("the date of the {event}"),
        FactBody::EventPlace { event, .. } => format!("where the {event} happened"),
        FactBody::Location { subject, .. } => format!("where {} is", name(*subject)),
    }
}

/// One corroborating claim in the hover: the other file, every fact
/// that agrees with both values, and, for an agreement in part, each
/// disputed fact with both values.
fn corroboration_line(x: &Across, me: ClaimRef, k: &Corroboration, md: &mut String) {
    let file = me.file;
    let mine = k.a == me;
    let other = if mine { k.b } else { k.a };
    let of = &x.files[other.file as usize];
    let fc = &x.index.files[file as usize];
    let c = &fc.claims[me.claim as usize];
    let ofc = &x.index.files[other.file as usize];
    let oc = &ofc.claims[other.claim as usize];
    let shared = x.index.shared_outlets(file, other.file);
    let indep = if shared.is_empty() {
        String::new()
    } else {
        format!(" — not independent: both rely on {}", shared.join(", "))
    };
    // The agreeing facts and both values.
    let agreed: Vec<String> = k
        .agreements
        .iter()
        .filter_map(|g| {
            let (here_k, there_k) = if mine {
                (g.facts.0, g.facts.1)
            } else {
                (g.facts.1, g.facts.0)
            };
            let h = here_k.and_then(|i| c.facts.get(i as usize))?;
            let t = there_k.and_then(|i| oc.facts.get(i as usize))?;
            Some(format!(
                "{} on {}: \"{}\" there, \"{}\" here",
                g.reason,
                fact_about(&x.names, file, h),
                excerpt(&t.text),
                excerpt(&h.text)
            ))
        })
        .collect();
    let agreed = if agreed.is_empty() {
        k.reason.clone()
    } else {
        agreed.join("; ")
    };
    let _ = writeln!(
        md,
        "- `{}` ({agreed}, per {}): \"{}\"{indep}",
        of.rel_path,
        chain_text(ofc, oc),
        excerpt(&of.text[oc.start..oc.end])
    );
    for d in &k.disputes {
        let (here_v, there_v) = if mine {
            (&d.a_value, &d.b_value)
        } else {
            (&d.b_value, &d.a_value)
        };
        let _ = writeln!(
            md,
            "  - but disputes {}: \"{there_v}\" there vs \"{here_v}\" here",
            d.subject
        );
    }
}

/// The hover for the claim under `offset`, if any.
///
/// Right after an edit the snapshot's claims index is not built yet (the
/// folder's claims are compared again in the background): the hover does
/// not wait for it. Its own part comes from the file's fresh claims and
/// its cross-file part from the previous index, for a claim whose
/// sentence that index knows; an edited sentence waits for the new one.
pub fn hover(snap: &Snapshot, file: FileId, offset: usize) -> Option<ClaimHover> {
    // The file's own claims (cached per file) say whether there is one
    // here: elsewhere the hover never waits for the cross-file index.
    let own = snap.files.get(file as usize)?.claims(&snap.claim_settings);
    let ci = own.claim_at(offset)?;
    if let Some(prev) = snap.previous_claims(file) {
        let c = &own.claims[ci];
        let sentence = &snap.file(file).text[c.start..c.end];
        if let Some(then) = prev.claim_with(file, sentence, c.start) {
            let names = Names { snap, then: None };
            let mut md = own_part(&names, &own, c, file);
            let x = Across {
                index: &prev.index,
                files: &prev.files,
                names: Names {
                    snap,
                    then: Some((file, &prev.names[&file])),
                },
            };
            across_part(&x, then, &mut md);
            date_part(&own, &mut md);
            return Some(ClaimHover {
                start: c.start,
                end: c.end,
                markdown: md,
            });
        }
    }
    let index = snap.claims();
    let fc = index.files.get(file as usize)?;
    let ci = fc.claim_at(offset)?;
    let c = &fc.claims[ci];
    let me = ClaimRef {
        file,
        claim: ci as u32,
    };
    let names = Names { snap, then: None };
    let mut md = own_part(&names, fc, c, file);
    let x = Across {
        index,
        files: &snap.files,
        names,
    };
    across_part(&x, me, &mut md);
    date_part(fc, &mut md);
    Some(ClaimHover {
        start: c.start,
        end: c.end,
        markdown: md,
    })
}

/// Who says so, the facts as they are compared, hedges.
fn own_part(names: &Names, fc: &FileClaims, c: &Claim, file: FileId) -> String {
    let mut md = String::from("**Claim**\n\n");
    // Attribution.
    let chain = fc.chain(c);
    if chain.is_empty() {
        md.push_str("- Attribution: **none** (no source in its sentence, paragraph or document)\n");
    } else {
        let parts: Vec<String> = chain
            .iter()
            .map(|s| {
                let mut p = match s.kind {
                    SourceKind::Named => s.name.clone(),
                    SourceKind::Anonymous => format!("{} *(anonymous)*", s.text),
                };
                if s.kind == SourceKind::Named && s.text != s.name {
                    let _ = write!(p, " (\"{}\")", s.text);
                }
                if s.outlet {
                    p.push_str(" *(outlet)*");
                }
                p
            })
            .collect();
        let level = match c.level {
            Some(Scope::Sentence) => "in this sentence",
            Some(Scope::Paragraph) => "from its paragraph",
            Some(Scope::Document) => "from the document",
            None => "",
        };
        let _ = writeln!(md, "- Attribution ({level}): {}", parts.join(" → "));
        if fc.anonymous_only(c) {
            md.push_str("- Rests only on anonymous sources\n");
        }
    }
    // Structured facts, as they are compared with other files.
    for f in &c.facts {
        let line = match &f.body {
            FactBody::Role { person, role, .. } => {
                let who = names.of(file, *person);
                let q = role
                    .qualifier
                    .map(|q| format!("{} ", q.as_str()))
                    .unwrap_or_default();
                let org = role
                    .org
                    .clone()
                    .map(|o| format!(" of {o}"))
                    .unwrap_or_default();
                format!("role: {who} is {q}{}{org}", role.title)
            }
            FactBody::Quantity {
                subject, amount, ..
            } => {
                let who = match subject {
                    Some(s) => names.of(file, *s),
                    None => f
                        .event
                        .as_ref()
                        .map(|e| format!("the {}", e.kind.as_str()))
                        .unwrap_or_default(),
                };
                format!(
                    "amount: {who}, \"{}\" ({} to {} {})",
                    f.text,
                    fmt_num(amount.interval.lo),
                    fmt_num(amount.interval.hi),
                    amount.unit
                )
            }
            FactBody::EventDate { event, .. } => format!("date of {event}: \"{}\"", f.text),
            FactBody::EventPlace { event, .. } => format!("place of {event}: \"{}\"", f.text),
            FactBody::Location { subject, .. } => {
                let who = names.of(file, *subject);
                format!("place of {who}: \"{}\"", f.text)
            }
        };
        let mut notes: Vec<String> = Vec::new();
        if let Some(e) = &f.event {
            let mut who: Vec<String> = e.participants.iter().map(|&m| names.of(file, m)).collect();
            who.dedup();
            let mut ev = format!("of the {}", e.kind.as_str());
            if !who.is_empty() {
                let _ = write!(ev, " ({})", who.join(", "));
            }
            if let Some((lo, hi)) = e.precise_when() {
                if lo == hi {
                    let _ = write!(ev, " on {}", lo.long());
                } else {
                    let _ = write!(ev, " {} to {}", lo.long(), hi.long());
                }
            }
            notes.push(ev);
        }
        if f.negated {
            notes.push("negated".to_string());
        }
        if f.hedged {
            notes.push("hedged".to_string());
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!(" — {}", notes.join("; "))
        };
        let _ = writeln!(md, "- Fact: {line}{notes}");
    }
    if c.hedges.is_empty() {
        md.push_str("- Hedged: no\n");
    } else {
        let hs: Vec<String> = c.hedges.iter().map(|h| format!("\"{}\"", h.text)).collect();
        let _ = writeln!(md, "- Hedged: yes ({})", hs.join(", "));
    }
    md
}

/// Which files corroborate the claim `me` of `x.index` and which
/// contradict it.
fn across_part(x: &Across, me: ClaimRef, md: &mut String) {
    // Corroboration: the first few, and how many more. Reports that agree
    // on a fact but dispute another of the same claims or of the same
    // event are listed apart, never as plain corroboration.
    let corr = x.index.corroborating(me);
    let (plain, partial): (Vec<&Corroboration>, Vec<&Corroboration>) =
        corr.iter().partition(|k| !k.partial());
    for (title, list) in [
        ("Corroborated by", plain),
        ("Agrees in part (the reports also disagree)", partial),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(md, "\n**{title}**\n");
        for k in list.iter().take(MAX_LISTED) {
            corroboration_line(x, me, k, md);
        }
        if list.len() > MAX_LISTED {
            let _ = writeln!(md, "- … and {} more", list.len() - MAX_LISTED);
        }
    }
    // Conflicts: per other value, the first few claims, and how many more.
    let conf = x.index.conflicts_of(me, MAX_LISTED);
    if !conf.is_empty() {
        md.push_str("\n**Contradicted by**\n\n");
        for k in conf {
            for other in &k.others {
                let of = &x.files[other.file as usize];
                let ofc = &x.index.files[other.file as usize];
                let oc = &ofc.claims[other.claim as usize];
                let _ = writeln!(
                    md,
                    "- `{}` on {}: \"{}\" vs \"{}\" here (per {}): \"{}\"",
                    of.rel_path,
                    k.subject,
                    k.there_value,
                    k.here_value,
                    chain_text(ofc, oc),
                    excerpt(&of.text[oc.start..oc.end])
                );
            }
            if k.total > k.others.len() {
                let _ = writeln!(
                    md,
                    "- … and {} more saying \"{}\"",
                    k.total - k.others.len(),
                    k.there_value
                );
            }
        }
    }
}

/// The date the file's claims are read under.
fn date_part(fc: &FileClaims, md: &mut String) {
    if let Some(d) = &fc.date.date {
        let _ = write!(
            md,
            "\n*File dated {} ({} confidence: {})*\n",
            d.describe(),
            d.confidence.as_str(),
            d.reason
        );
    }
}

#[cfg(test)]
#[path = "claim_hover_tests.rs"]
mod tests;
