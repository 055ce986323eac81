//! The text report of `crosscheck eval`: one corpus, and corpora side by side.
use super::*;

pub(super) fn write_text(r: &CorpusReport, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "== {} — {} ({} docs{}, {})",
        r.corpus,
        r.system,
        r.docs,
        if r.held_out { ", held out" } else { "" },
        r.dir
    )?;
    if !r.crashed.is_empty() {
        writeln!(
            out,
            "!! {} files left out, the analyser panicked on them: {}",
            r.crashed.len(),
            r.crashed.join(", ")
        )?;
    }
    writeln!(
        out,
        "gold mentions by type: named (scored) / of type (of the named, taken from a description's end); excluded by reason"
    )?;
    for (k, g) in &r.gold {
        let ex: Vec<String> = g
            .excluded
            .iter()
            .filter(|(_, &n)| n > 0)
            .map(|(x, n)| format!("{x} {n}"))
            .collect();
        writeln!(
            out,
            "  {k:<13} {:>5} / {:<5} ({} tail) {}",
            g.named,
            g.of_type,
            g.named_tail,
            ex.join(", ")
        )?;
    }
    writeln!(
        out,
        "predicted (ignored = fits only an unscored gold mention):"
    )?;
    for (k, n) in &r.predicted {
        writeln!(out, "  {k:<13} {n:>5} (ignored {})", r.ignored[k])?;
    }
    writeln!(
        out,
        "strict = exact span as annotated + type; bare = exact span + type, leading article and \
         trailing possessive off both sides; lenient = type + our last word inside the gold span"
    )?;
    writeln!(
        out,
        "{:<14} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}   {:>6} {:>6} {:>6}",
        "", "S.P", "S.R", "S.F1", "B.P", "B.R", "B.F1", "tp", "fp", "fn", "L.P", "L.R", "L.F1"
    )?;
    let rows = r
        .strict
        .per_type
        .iter()
        .zip(&r.bare.per_type)
        .zip(&r.lenient.per_type)
        .map(|((s, b), l)| (s.kind, &s.score, &b.score, &l.score))
        .chain(std::iter::once((
            "micro",
            &r.strict.micro,
            &r.bare.micro,
            &r.lenient.micro,
        )));
    for (k, s, b, l) in rows {
        writeln!(
            out,
            "{k:<14} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3} {:>5} {:>5} {:>5}   {:>6.3} {:>6.3} {:>6.3}",
            s.precision, s.recall, s.f1, b.precision, b.recall, b.f1, b.tp, b.fp, b.fn_, l.precision, l.recall, l.f1
        )?;
    }
    writeln!(
        out,
        "untyped (bare span only): P {:.3} R {:.3} F1 {:.3}",
        r.span.precision, r.span.recall, r.span.f1
    )?;
    writeln!(
        out,
        "precision counting only false positives that overlap some gold mention (upper bound; \
         the rest may be annotation gaps): strict {:.3}, bare {:.3}, lenient {:.3} ({} of {} lenient fp overlap no gold)",
        r.strict.micro.precision_annotated,
        r.bare.micro.precision_annotated,
        r.lenient.micro.precision_annotated,
        r.lenient.micro.fp_unannotated,
        r.lenient.micro.fp
    )?;
    let l = &r.linking;
    if l.gold_mentions_with_id == 0 {
        // Universal NER gives types only: no identities to link by.
        writeln!(out, "cross-file linking: not measured (no gold identities)")?;
    } else {
        writeln!(
            out,
            "cross-file linking: P {:.3} R {:.3} F1 {:.3} (correct {} / predicted {} / gold {} pairs; \
             {} gold pairs have both ends detected, recall over those {:.3}; {} named gold mentions with an id)",
            l.precision,
            l.recall,
            l.f1,
            l.correct_pairs,
            l.predicted_pairs,
            l.gold_pairs,
            l.gold_pairs_detected,
            l.recall_of_detected,
            l.gold_mentions_with_id
        )?;
    }
    for (title, list) in [
        ("false positives (bare)", &r.false_positives),
        ("false negatives (bare)", &r.false_negatives),
        ("unscored gold mentions, by reason", &r.unscored),
    ] {
        let Some(list) = list else { continue };
        for (k, ex) in list {
            writeln!(out, "-- {title}: {k}")?;
            for e in ex {
                writeln!(out, "  {:>3}  {:<40} {}", e.count, e.text, e.note)?;
            }
        }
    }
    writeln!(out)
}

/// One table with every system on every corpus: per-type bare and strict
/// F1 with bare precision and recall, untyped span F1 and linking F1.
pub(super) fn side_by_side(reports: &[CorpusReport], out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "== side by side (same documents, same scorer)")?;
    writeln!(
        out,
        "{:<22} {:<28} {:>5} {:>5} | {:>17} {:>17} {:>17} | {:>5} {:>5}",
        "corpus",
        "system",
        "typed",
        "strct",
        "person B.P/R/F1",
        "org B.P/R/F1",
        "loc B.P/R/F1",
        "span",
        "link"
    )?;
    for r in reports {
        let cell = |i: usize| {
            let s = &r.bare.per_type[i].score;
            format!("{:.2}/{:.2}/{:.3}", s.precision, s.recall, s.f1)
        };
        writeln!(
            out,
            "{:<22} {:<28} {:>5.3} {:>5.3} | {:>17} {:>17} {:>17} | {:>5.3} {:>5}",
            r.corpus,
            r.system,
            r.bare.micro.f1,
            r.strict.micro.f1,
            cell(0),
            cell(1),
            cell(2),
            r.span.f1,
            if r.linking.gold_mentions_with_id == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", r.linking.f1)
            }
        )?;
    }
    writeln!(
        out,
        "typed = bare typed micro F1; strct = strict (as annotated) typed micro F1; span = untyped bare F1; \
         link = cross-file linking F1 (external systems: same-string linking)"
    )?;
    writeln!(
        out,
        "\n== side by side, precision over annotated text only (bare spans): a prediction that overlaps \
         no gold mention of any type is not counted. MEANTIME annotates only the entities taking part \
         in its annotated events, so there this is the fair figure; elsewhere it barely differs."
    )?;
    writeln!(
        out,
        "{:<22} {:<28} {:>5} | {:>17} {:>17} {:>17}",
        "corpus", "system", "typed", "person P/R/F1", "org P/R/F1", "loc P/R/F1"
    )?;
    for r in reports {
        let cell = |i: usize| {
            let s = &r.bare.per_type[i].score;
            format!(
                "{:.2}/{:.2}/{:.3}",
                s.precision_annotated, s.recall, s.f1_annotated
            )
        };
        writeln!(
            out,
            "{:<22} {:<28} {:>5.3} | {:>17} {:>17} {:>17}",
            r.corpus,
            r.system,
            r.bare.micro.f1_annotated,
            cell(0),
            cell(1),
            cell(2)
        )?;
    }
    Ok(())
}
