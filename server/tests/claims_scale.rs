//! Many claims stating one thing: a file repeating one sentence and a
//! corpus where hundreds of files state the same fact. Not timed (the
//! index groups equal facts, so this is linear): the counts must be right
//! and what is shown must be capped.
mod common;

use common::*;
use crosscheck::analysis::claims::ClaimRef;
use crosscheck::ide::{claim_hover, code_lens};

fn snapshot_of(files: &[(String, String)]) -> std::sync::Arc<crosscheck::analysis::Snapshot> {
    let mut host = crosscheck::analysis::AnalysisHost::new(Some("/mem".into()));
    for (p, t) in files {
        host.set_file(format!("/mem/{p}").into(), t.as_str().into());
    }
    host.snapshot()
}

const RUTTE: &str = "NATO Secretary General Mark Rutte met officials in Kyiv on Monday.";
const STOLTENBERG: &str =
    "NATO Secretary General Jens Stoltenberg met officials in Riga on Monday.";

#[test]
fn a_file_repeating_one_claim_two_thousand_times() {
    let mut text = String::from("Summit 14/06/2024, 09:00\n\n");
    for _ in 0..2000 {
        text.push_str(RUTTE);
        text.push(' ');
    }
    text.push_str("\n\n");
    text.push_str(STOLTENBERG);
    text.push('\n');
    let snap = snapshot_of(&[("big.txt".into(), text)]);
    let fc = &snap.claims().files[0];
    assert_eq!(fc.claims.len(), 2001);
    let first = ClaimRef { file: 0, claim: 0 };
    let last = ClaimRef {
        file: 0,
        claim: 2000,
    };
    // One file: no corroboration.
    assert!(snap.claims().corroborating(first).is_empty());
    assert!(!snap.claims().is_corroborated(first));
    // Same-file conflicts: each repetition with the other holder, and the
    // other holder with all 2,000 of them, counted, not listed.
    let k = snap.claims().conflicts_of(last, 5);
    assert_eq!(k.len(), 1, "{k:#?}");
    assert_eq!(k[0].total, 2000);
    assert_eq!(k[0].others.len(), 5);
    let ds = diags(&snap, 0);
    let c = with_code(&ds, "conflicting-claim");
    assert_eq!(c.len(), 2001);
    assert!(c.iter().all(|d| d.related.len() <= 5));
    let at_last: Vec<_> = c
        .iter()
        .filter(|d| d.start >= fc.claims[2000].start)
        .collect();
    assert_eq!(at_last.len(), 1);
    assert_eq!(at_last[0].related.len(), 5);
    assert!(
        at_last[0].message.ends_with("and in 1999 more claims"),
        "{}",
        at_last[0].message
    );
    assert_eq!(with_code(&ds, "unverified-claim").len(), 2001);
    let l = code_lens::file_lens(&snap, 0);
    assert_eq!((l.claims, l.conflicts, l.corroborated), (2001, 2001, 0));
}

#[test]
fn two_hundred_files_stating_one_fact() {
    let mut files: Vec<(String, String)> = (0..200)
        .map(|i| {
            (
                format!("f{i:03}.txt"),
                format!("Summit 14/06/2024, 09:00\n\n{RUTTE} Reuters reported.\n"),
            )
        })
        .collect();
    files.push((
        "z_other.txt".into(),
        format!("Summit 15/06/2024, 09:00\n\n{STOLTENBERG}\n"),
    ));
    let snap = snapshot_of(&files);
    let z = file(&snap, "z_");
    let f0 = file(&snap, "f000");
    let c0 = ClaimRef { file: f0, claim: 0 };
    let corr = snap.claims().corroborating(c0);
    assert_eq!(corr.len(), 199);
    assert!(corr.iter().all(|k| k.reason == "same role holder"));
    assert!(corr.windows(2).all(|w| w[0].b < w[1].b));
    // Shown capped, with a count.
    let h = claim_hover::hover(&snap, f0, snap.file(f0).text.find("Mark").unwrap()).unwrap();
    let listed = h.markdown.lines().filter(|l| l.starts_with("- `f")).count();
    assert_eq!(listed, claim_hover::MAX_LISTED, "{}", h.markdown);
    assert!(h.markdown.contains("- … and 189 more"), "{}", h.markdown);
    assert!(
        h.markdown.contains("not independent: both rely on Reuters"),
        "{}",
        h.markdown
    );
    // Every Rutte file conflicts with the one Stoltenberg file; that file
    // gets one diagnostic with five related locations and a count.
    let dz = diags(&snap, z);
    let kz = with_code(&dz, "conflicting-claim");
    assert_eq!(kz.len(), 1, "{dz:#?}");
    assert_eq!(kz[0].related.len(), 5);
    assert!(kz[0].related.iter().all(|r| r.file != z));
    assert!(
        kz[0].message.contains("'Mark Rutte' in f000.txt")
            && kz[0].message.ends_with("and in 199 more claims"),
        "{}",
        kz[0].message
    );
    let zc = ClaimRef { file: z, claim: 0 };
    assert_eq!(snap.claims().conflicts_of(zc, 5)[0].total, 200);
    let d0 = diags(&snap, f0);
    let k0 = with_code(&d0, "conflicting-claim");
    assert_eq!(k0.len(), 1, "{d0:#?}");
    assert_eq!(k0[0].related.len(), 1);
    assert_eq!(k0[0].related[0].file, z);
    let l = code_lens::file_lens(&snap, f0);
    assert_eq!((l.conflicts, l.corroborated), (1, 1));
    assert_eq!(l.same_outlet_files.len(), 199);
    assert!(
        l.title.contains("f005.txt and 194 more (not independent)"),
        "{}",
        l.title
    );
    let hz = claim_hover::hover(&snap, z, snap.file(z).text.find("Jens").unwrap()).unwrap();
    assert!(
        hz.markdown
            .contains("- … and 190 more saying \"Mark Rutte\""),
        "{}",
        hz.markdown
    );
    assert!(!hz.markdown.contains("Corroborated by"), "{}", hz.markdown);
}
