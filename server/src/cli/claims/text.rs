//! The readable listings of `crosscheck claims`: claims file by file, and
//! (`--pairs`) every conflicting and corroborating pair with both
//! sentences, for a person to judge. Both read only the export.
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;

use super::model::{ClaimOut, DisputeOut, Export, FactOut, ValueOut};
use super::Loaded;

/// Line starts of a text in characters; lines break at `\n`, `\r\n` and
/// `\r`, as in `check`.
struct CharLines(Vec<usize>);

impl CharLines {
    fn new(text: &str) -> CharLines {
        let mut starts = vec![0];
        let mut chars = text.chars().peekable();
        let mut n = 0;
        while let Some(c) = chars.next() {
            n += 1;
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                n += 1;
                starts.push(n);
            } else if c == '\n' || c == '\r' {
                starts.push(n);
            }
        }
        CharLines(starts)
    }

    /// 1-based line and column of a character offset.
    fn line_col(&self, at: usize) -> (usize, usize) {
        let line = self.0.partition_point(|&s| s <= at) - 1;
        (line + 1, at - self.0[line] + 1)
    }
}

struct Positions(HashMap<String, CharLines>);

impl Positions {
    fn new(loaded: &Loaded) -> Positions {
        Positions(
            loaded
                .texts
                .iter()
                .map(|(p, t)| (p.clone(), CharLines::new(t)))
                .collect(),
        )
    }

    fn at(&self, path: &str, offset: usize) -> String {
        match self.0.get(path) {
            Some(l) => {
                let (line, col) = l.line_col(offset);
                format!("{path}:{line}:{col}")
            }
            None => format!("{path}@{offset}"),
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A fact's value in words ("35 to 45 country", "2024-06-18").
pub fn value_text(v: &ValueOut) -> String {
    match v {
        ValueOut::Entity { name, id } => match id {
            Some(id) => format!("{name} ({id})"),
            None => name.clone(),
        },
        ValueOut::Amount { lo, hi, unit, per } => {
            let range = match hi {
                Some(h) if h == lo => number(*lo),
                Some(h) => format!("{} to {}", number(*lo), number(*h)),
                None => format!("{} or more", number(*lo)),
            };
            let per = if per.is_empty() {
                String::new()
            } else {
                format!(" {per}")
            };
            format!("{range} {unit}{per}")
        }
        ValueOut::Date { lo, hi } => match (lo, hi) {
            (Some(l), Some(h)) if l == h => l.clone(),
            (Some(l), Some(h)) => format!("{l} to {h}"),
            _ => "a day of unknown year".to_string(),
        },
        ValueOut::Places { places } => places
            .iter()
            .map(|p| match &p.country {
                Some(c) if c != &p.name => format!("{} ({c})", p.name),
                _ => p.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn fact_line(f: &FactOut) -> String {
    let subject = f
        .subject
        .as_ref()
        .map(|s| match &s.id {
            Some(id) => format!("{} ({id})", s.name),
            None => s.name.clone(),
        })
        .unwrap_or_else(|| "(no subject)".to_string());
    let q = f
        .qualifier
        .as_ref()
        .map(|q| format!(" [{q}]"))
        .unwrap_or_default();
    let time = f
        .time
        .as_ref()
        .map(|t| {
            if t.lo == t.hi {
                format!(", at {}", t.lo)
            } else {
                format!(", {} to {}", t.lo, t.hi)
            }
        })
        .unwrap_or_default();
    format!(
        "{} {subject} | {}{q} = {}{time}  \"{}\"",
        f.kind,
        f.predicate,
        value_text(&f.value),
        one_line(&f.text)
    )
}

fn claim_block(
    p: &Positions,
    path: &str,
    c: &ClaimOut,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "  {} \"{}\"", p.at(path, c.start), one_line(&c.text))?;
    let a = &c.attribution;
    if a.chain.is_empty() {
        writeln!(out, "      source: none")?;
    } else {
        let chain: Vec<String> = a
            .chain
            .iter()
            .map(|s| {
                let mut t = if s.kind == "named" && s.name != s.text {
                    format!("{} (\"{}\")", s.name, s.text)
                } else {
                    format!("\"{}\"", s.text)
                };
                t.push_str(&format!(
                    " [{}{}]",
                    s.kind,
                    if s.outlet { ", outlet" } else { "" }
                ));
                t
            })
            .collect();
        let scope = a.scope.as_deref().unwrap_or("?");
        let anon = if a.anonymous_only {
            " — anonymous only"
        } else {
            ""
        };
        writeln!(
            out,
            "      source ({scope}): {}{anon}",
            chain.join(" citing ")
        )?;
    }
    if !c.hedges.is_empty() {
        let hs: Vec<String> = c.hedges.iter().map(|h| format!("\"{}\"", h.text)).collect();
        writeln!(out, "      hedges: {}", hs.join(", "))?;
    }
    for (i, f) in c.facts.iter().enumerate() {
        writeln!(out, "      fact {i}: {}", fact_line(f))?;
    }
    for k in &c.corroborated_by {
        let reasons: Vec<&str> = k.agreements.iter().map(|g| g.reason.as_str()).collect();
        let reasons = if reasons.is_empty() {
            k.reason.clone()
        } else {
            reasons.join(", ")
        };
        let how = if k.partial {
            "corroborated in part by"
        } else {
            "corroborated by"
        };
        writeln!(out, "      {how} {} ({reasons})", p.at(&k.path, k.start))?;
        for d in &k.disputes {
            writeln!(
                out,
                "        but disputed: {}",
                dispute_text(p, &k.path, path, d)
            )?;
        }
    }
    if c.corroborations_total > c.corroborated_by.len() {
        let more = c.corroborations_total - c.corroborated_by.len();
        writeln!(
            out,
            "      ... and {more} more corroborating claim{}",
            if more == 1 { "" } else { "s" }
        )?;
    }
    for k in &c.conflicts_with {
        writeln!(
            out,
            "      conflicts with {} ({} of {}): \"{}\" there, \"{}\" here",
            p.at(&k.path, k.start),
            k.kind,
            k.subject,
            k.value,
            k.here_value
        )?;
    }
    if c.conflicts_total > c.conflicts_with.len() {
        writeln!(
            out,
            "      ... and {} more conflicting facts",
            c.conflicts_total - c.conflicts_with.len()
        )?;
    }
    Ok(())
}

/// A disputed fact of a partial agreement: what, both values and where
/// each is stated.
fn dispute_text(p: &Positions, there: &str, here: &str, d: &DisputeOut) -> String {
    format!(
        "{} of {}: \"{}\" there ({}), \"{}\" here ({})",
        d.kind,
        d.subject,
        d.value,
        p.at(there, d.start),
        d.here_value,
        p.at(here, d.here_start)
    )
}

/// Claims file by file.
pub fn write_claims(loaded: &Loaded, out: &mut impl Write) -> std::io::Result<()> {
    let p = Positions::new(loaded);
    let e = &loaded.export;
    for f in &e.files {
        let date = match &f.date {
            Some(d) if d.lo == d.hi => format!("{} ({}: {})", d.lo, d.confidence, d.reason),
            Some(d) => format!("{} to {} ({}: {})", d.lo, d.hi, d.confidence, d.reason),
            None => "none".to_string(),
        };
        writeln!(out, "== {}", f.path)?;
        writeln!(out, "  date: {date}")?;
        if !f.outlets.is_empty() {
            writeln!(out, "  outlets: {}", f.outlets.join(", "))?;
        }
        for c in &f.claims {
            claim_block(&p, &f.path, c, out)?;
        }
        for d in &f.diagnostics {
            writeln!(
                out,
                "  {}: {}[{}]: {}",
                p.at(&f.path, d.start),
                d.severity,
                d.code,
                d.message
            )?;
        }
        writeln!(out)?;
    }
    let claims: usize = e.files.iter().map(|f| f.claims.len()).sum();
    let ps = pairs(e);
    writeln!(
        out,
        "{} files, {} claims, {} conflicting pairs ({} within one file), {} corroborating pairs",
        e.files.len(),
        claims,
        ps.counts.conflicts,
        ps.counts.conflicts_within_file,
        ps.counts.corroborations
    )?;
    left_out_note(&ps.counts, out)
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairEnd {
    pub path: String,
    pub start: usize,
    pub end: usize,
    /// The claim's sentence.
    pub text: String,
    /// The fact compared (its words), when one is.
    pub fact: Option<String>,
    /// Its value as compared (conflicts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    /// Conflicts: the fact kind; corroborations: the reason.
    pub kind: String,
    /// Conflicts: what both state something about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Corroborations in part: what the two reports dispute ("event_date
    /// of crash (Fagaras): \"Thursday\" vs \"Friday\""), `a`'s value first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<String>,
    pub a: PairEnd,
    pub b: PairEnd,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PairCounts {
    pub conflicts: usize,
    pub conflicts_within_file: usize,
    pub corroborations: usize,
    /// Links left out of the export by `--max-links` (pairs may be
    /// missing from the lists when this is not 0).
    pub links_left_out: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pairs {
    pub counts: PairCounts,
    pub conflicts: Vec<Pair>,
    pub corroborations: Vec<Pair>,
}

type Key = (String, usize, usize);

/// Every conflicting pair of facts and corroborating pair of claims, each
/// once, the earlier claim first.
pub fn pairs(e: &Export) -> Pairs {
    let claims: HashMap<Key, &ClaimOut> = e
        .files
        .iter()
        .flat_map(|f| {
            f.claims
                .iter()
                .map(move |c| ((f.path.clone(), c.start, c.end), c))
        })
        .collect();
    let end = |k: &Key, fact: Option<usize>, value: Option<&str>| {
        let c = claims.get(k);
        PairEnd {
            path: k.0.clone(),
            start: k.1,
            end: k.2,
            text: c.map(|c| one_line(&c.text)).unwrap_or_default(),
            fact: fact.and_then(|i| c.and_then(|c| c.facts.get(i)).map(|f| f.text.clone())),
            value: value.map(str::to_string),
        }
    };
    let mut seen: BTreeSet<(Key, usize, Key, usize)> = BTreeSet::new();
    let mut conflicts = Vec::new();
    let mut seen_corr: BTreeSet<(Key, Key)> = BTreeSet::new();
    let mut corroborations = Vec::new();
    let mut links_left_out = 0;
    for f in &e.files {
        for c in &f.claims {
            links_left_out += c
                .corroborations_total
                .saturating_sub(c.corroborated_by.len())
                + c.conflicts_total.saturating_sub(c.conflicts_with.len());
            let here: Key = (f.path.clone(), c.start, c.end);
            for k in &c.conflicts_with {
                let there: Key = (k.path.clone(), k.start, k.end);
                let (x, y) = if here <= there {
                    ((here.clone(), k.here_fact), (there.clone(), k.fact))
                } else {
                    ((there.clone(), k.fact), (here.clone(), k.here_fact))
                };
                if !seen.insert((x.0.clone(), x.1, y.0.clone(), y.1)) {
                    continue;
                }
                let (xv, yv) = if here <= there {
                    (&k.here_value, &k.value)
                } else {
                    (&k.value, &k.here_value)
                };
                conflicts.push(Pair {
                    kind: k.kind.clone(),
                    subject: Some(k.subject.clone()),
                    disputes: Vec::new(),
                    a: end(&x.0, Some(x.1), Some(xv)),
                    b: end(&y.0, Some(y.1), Some(yv)),
                });
            }
            for k in &c.corroborated_by {
                let there: Key = (k.path.clone(), k.start, k.end);
                let (x, y) = if here <= there {
                    ((here.clone(), k.here_fact), (there.clone(), k.fact))
                } else {
                    ((there.clone(), k.fact), (here.clone(), k.here_fact))
                };
                if !seen_corr.insert((x.0.clone(), y.0.clone())) {
                    continue;
                }
                let disputes = k
                    .disputes
                    .iter()
                    .map(|d| {
                        let (xv, yv) = if here <= there {
                            (&d.here_value, &d.value)
                        } else {
                            (&d.value, &d.here_value)
                        };
                        format!("{} of {}: \"{xv}\" vs \"{yv}\"", d.kind, d.subject)
                    })
                    .collect();
                corroborations.push(Pair {
                    kind: k.reason.clone(),
                    subject: None,
                    disputes,
                    a: end(&x.0, x.1, None),
                    b: end(&y.0, y.1, None),
                });
            }
        }
    }
    let order = |p: &Pair| (p.a.path.clone(), p.a.start, p.b.path.clone(), p.b.start);
    conflicts.sort_by_key(order);
    corroborations.sort_by_key(order);
    Pairs {
        counts: PairCounts {
            conflicts: conflicts.len(),
            conflicts_within_file: conflicts.iter().filter(|p| p.a.path == p.b.path).count(),
            corroborations: corroborations.len(),
            links_left_out,
        },
        conflicts,
        corroborations,
    }
}

fn pair_block(
    p: &Positions,
    title: &str,
    pair: &Pair,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "{title}")?;
    for e in [&pair.a, &pair.b] {
        let what = match (&e.fact, &e.value) {
            (Some(f), Some(v)) if one_line(f) != *v => format!(" [{v}: \"{}\"]", one_line(f)),
            (Some(f), _) => format!(" [\"{}\"]", one_line(f)),
            _ => String::new(),
        };
        writeln!(out, "  {}{what}", p.at(&e.path, e.start))?;
        writeln!(out, "      {}", e.text)?;
    }
    writeln!(out)
}

/// Every conflict and corroboration with both sentences.
pub fn write_pairs(loaded: &Loaded, out: &mut impl Write) -> std::io::Result<()> {
    let p = Positions::new(loaded);
    let ps = pairs(&loaded.export);
    for (i, c) in ps.conflicts.iter().enumerate() {
        let title = format!(
            "conflict {}/{} [{}] {}",
            i + 1,
            ps.conflicts.len(),
            c.kind,
            c.subject.as_deref().unwrap_or("")
        );
        pair_block(&p, &title, c, out)?;
    }
    for (i, c) in ps.corroborations.iter().enumerate() {
        let mut title = format!(
            "corroboration {}/{} ({})",
            i + 1,
            ps.corroborations.len(),
            c.kind
        );
        if !c.disputes.is_empty() {
            title.push_str(&format!(
                ", in part only: the reports dispute {}",
                c.disputes.join("; ")
            ));
        }
        pair_block(&p, &title, c, out)?;
    }
    writeln!(
        out,
        "{} conflicting pairs ({} within one file), {} corroborating pairs",
        ps.counts.conflicts, ps.counts.conflicts_within_file, ps.counts.corroborations
    )?;
    left_out_note(&ps.counts, out)
}

fn left_out_note(c: &PairCounts, out: &mut impl Write) -> std::io::Result<()> {
    if c.links_left_out > 0 {
        writeln!(
            out,
            "({} links left out by --max-links; --max-links 0 lists them all)",
            c.links_left_out
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_lines_break_like_lsp() {
        let l = CharLines::new("ab\r\ncé\rx\ny");
        assert_eq!(l.line_col(0), (1, 1));
        assert_eq!(l.line_col(4), (2, 1));
        assert_eq!(l.line_col(5), (2, 2));
        assert_eq!(l.line_col(7), (3, 1));
        assert_eq!(l.line_col(9), (4, 1));
    }

    #[test]
    fn values_read_as_words() {
        let v = ValueOut::Amount {
            lo: 35.0,
            hi: Some(45.0),
            unit: "country".into(),
            per: String::new(),
        };
        assert_eq!(value_text(&v), "35 to 45 country");
        let v = ValueOut::Amount {
            lo: 50.0,
            hi: None,
            unit: "USD".into(),
            per: "annual".into(),
        };
        assert_eq!(value_text(&v), "50 or more USD annual");
    }
}
