//! The claims index of a snapshot is seeded from the previous snapshot's
//! (only changed files have their claims and fact signatures computed
//! again). Under random sequences of edits, files added and removed and
//! word-list changes, with the index built after some steps and not
//! others, it must equal an index built from scratch over the same
//! files and linking: the same claims, corroborations and conflicts.
mod common;

use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::analysis::claims::index::ClaimsIndex;
use crosscheck::analysis::claims::{ClaimRef, ClaimSettings};
use crosscheck::analysis::{AnalysisHost, Snapshot};
use proptest::prelude::*;

const FILES: usize = 5;

/// The example folder's articles (one story: entities link across files)
/// and short reports built to corroborate and contradict each other.
fn pool() -> Vec<String> {
    let mut texts = common::example_articles();
    texts.push(
        "Kyiv, 14/06/2024\n\nNATO Secretary General Mark Rutte met officials in Kyiv on \
         Monday, Reuters reported. Officials said 12 people died in the attack on the port. \
         Acme Corp, the Berlin-based company, agreed to buy Borex for $2 billion.\n"
            .into(),
    );
    texts.push(
        "Riga, 14/06/2024\n\nNATO Secretary General Jens Stoltenberg met officials in Riga on \
         Monday, Reuters reported. Police said 15 people died in the attack on the port. \
         Acme Corp, the Munich-based company, agreed to buy Borex for $2.5 billion.\n"
            .into(),
    );
    texts
}

/// What edits insert: facts that meet facts elsewhere, names that change
/// how files link, and plain words.
const SNIPPETS: [&str; 9] = [
    " NATO Secretary General Mark Rutte met officials in Kyiv on Monday.",
    " Officials said 40 people died in the attack on the port.",
    " Jens Stoltenberg, NATO's secretary general, said 300 tanks were sent.",
    " Acme Corp, the Hamburg-based company, said so.",
    "Stoltenberg",
    " the alliance",
    "\n\n",
    "",
    " and",
];

#[derive(Clone, Debug)]
enum Step {
    /// Replace bytes [a, a + len) (fractions of the text) of file `i`.
    Edit(usize, f64, f64, usize),
    /// Write pool text `t` as file `i` (added when absent).
    Write(usize, usize),
    Remove(usize),
    /// Word lists: none, or hedges / single-holder roles.
    Settings(usize),
    /// Build the index now (otherwise the next snapshot is seeded from one
    /// whose index was never built).
    Build,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..FILES, 0.0..1.0f64, 0.0..0.05f64, 0..SNIPPETS.len())
            .prop_map(|(i, a, len, s)| Step::Edit(i, a, len, s)),
        2 => (0..FILES, 0..7usize).prop_map(|(i, t)| Step::Write(i, t)),
        1 => (0..FILES).prop_map(Step::Remove),
        1 => (0..3usize).prop_map(Step::Settings),
        3 => Just(Step::Build),
    ]
}

fn settings(i: usize) -> ClaimSettings {
    match i {
        0 => ClaimSettings::default(),
        1 => ClaimSettings {
            hedges: vec!["officials said".into()],
            ..Default::default()
        },
        _ => ClaimSettings {
            single_holder_roles: vec!["secretary general".into(), "chief executive".into()],
            ..Default::default()
        },
    }
}

fn path(i: usize) -> PathBuf {
    PathBuf::from(format!("/mem/report-{i}.txt"))
}

fn apply(host: &mut AnalysisHost, pool: &[String], s: &Step) {
    match *s {
        Step::Edit(i, a, len, snip) => {
            let Some(t) = host.text(&path(i)) else { return };
            let n = t.len();
            let a = common::floor_char(&t, (a * n as f64) as usize);
            let b = common::floor_char(&t, (a + (len * n as f64) as usize).min(n));
            let text = format!("{}{}{}", &t[..a], SNIPPETS[snip], &t[b..]);
            host.set_file(path(i), text.into());
        }
        Step::Write(i, t) => host.set_file(path(i), pool[t].as_str().into()),
        Step::Remove(i) => {
            host.remove_file(&path(i));
        }
        Step::Settings(k) => host.set_claim_settings(settings(k)),
        Step::Build => {
            host.snapshot().claims();
        }
    }
}

/// Everything the index answers, in a form that compares.
fn answers(ix: &ClaimsIndex) -> String {
    let mut out = format!(
        "{:?}\n{:?}\n{:?}\n",
        ix.files,
        ix.conflict_pairs(),
        ix.corroboration_pairs()
    );
    for (f, fc) in ix.files.iter().enumerate() {
        out.push_str(&format!("{:?}\n", ix.same_outlet_files(f as u32)));
        for c in 0..fc.claims.len() {
            let c = ClaimRef {
                file: f as u32,
                claim: c as u32,
            };
            out.push_str(&format!(
                "{c:?} {:?} {:?} {} {}\n",
                ix.conflicts_of(c, 3),
                ix.corroborating(c),
                ix.is_corroborated(c),
                ix.has_conflict(c)
            ));
        }
    }
    out
}

fn start(pool: &[String]) -> AnalysisHost {
    let mut host = AnalysisHost::new(Some("/mem".into()));
    host.set_files(
        (0..FILES)
            .zip([0, 1, 2, 5, 6])
            .map(|(i, t)| (path(i), Arc::<str>::from(pool[t].as_str())))
            .collect(),
    );
    host
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 40,
        max_shrink_iters: 100,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_seeded_index_equals_one_built_from_scratch(
        steps in prop::collection::vec(step(), 1..16)
    ) {
        let pool = pool();
        let mut host = start(&pool);
        host.snapshot().claims();
        for (i, s) in steps.iter().enumerate() {
            apply(&mut host, &pool, s);
            if matches!(s, Step::Build) || i + 1 == steps.len() {
                let snap = host.snapshot();
                let (got, want) = (answers(snap.claims()), answers(&common::claims_from_scratch(&snap)));
                prop_assert!(got == want, "step {i} ({s:?}) of {steps:?}");
            }
        }
    }
}

/// Every file's diagnostics (as computed from the index), by path.
fn diagnostics_by_path(snap: &Snapshot) -> Vec<(PathBuf, String)> {
    let config = crosscheck::config::Config::default();
    (0..snap.files.len() as u32)
        .map(|f| {
            let d = crosscheck::ide::diagnostics::compute_fresh(snap, &config, f);
            (snap.file(f).path.clone(), format!("{d:?}"))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 40,
        max_shrink_iters: 100,
        ..ProptestConfig::default()
    })]

    /// What the patches say changed since an earlier index
    /// (`Snapshot::claims_changed_since`, what the diagnostics after an
    /// edit recompute) covers every file whose diagnostics changed: the
    /// others' are what they were.
    #[test]
    fn files_left_out_of_the_changes_keep_their_diagnostics(
        steps in prop::collection::vec(step(), 1..16)
    ) {
        let pool = pool();
        let mut host = start(&pool);
        let snap = host.snapshot();
        let d = diagnostics_by_path(&snap);
        let mut before = (snap.claims_id().expect("built"), d);
        drop(snap);
        for (i, s) in steps.iter().enumerate() {
            apply(&mut host, &pool, s);
            if !matches!(s, Step::Build) && i + 1 != steps.len() {
                continue;
            }
            let snap = host.snapshot();
            let now = diagnostics_by_path(&snap);
            if let Some(changed) = snap.claims_changed_since(before.0) {
                for (f, (p, d)) in now.iter().enumerate() {
                    if changed.contains(&(f as u32)) {
                        continue;
                    }
                    let was = before.1.iter().find(|(q, _)| q == p).map(|(_, d)| d);
                    prop_assert!(was == Some(d), "step {i} ({s:?}) of {steps:?}: {} changed unnoticed", p.display());
                }
            }
            before = (snap.claims_id().expect("built"), now);
        }
    }
}

/// An edit that changes no name reuses every other file's signatures (the
/// point of the seed), and the edited file's are computed again.
#[test]
fn an_edit_recomputes_only_the_edited_file() {
    let pool = pool();
    let mut host = start(&pool);
    let snap = host.snapshot();
    assert!(
        !snap.claims().conflict_pairs().is_empty(),
        "the pool conflicts"
    );
    assert_eq!(snap.claims_reuse().unwrap().sigs_reused, 0);
    drop(snap);
    let t = host.text(&path(0)).unwrap();
    let at = t.find(" the ").unwrap();
    host.set_file(
        path(0),
        format!("{} the new{}", &t[..at], &t[at + 4..]).into(),
    );
    let snap = host.snapshot();
    let reuse = {
        snap.claims();
        snap.claims_reuse().unwrap()
    };
    assert_eq!((reuse.files, reuse.sigs_reused), (FILES, FILES - 1));
    // No name changed: the name tables are the previous build's, and the
    // join is the previous one patched: the edit left every fact as it
    // was, so no pair is compared again.
    assert!(reuse.tables_reused, "{reuse:?}");
    assert!(reuse.patched && reuse.pairs == 0, "{reuse:?}");
    assert_eq!(
        answers(snap.claims()),
        answers(&common::claims_from_scratch(&snap))
    );
}

/// An edit that changes one fact patches the join: only the pairs its
/// new signature makes are compared, and the answers are a full build's.
#[test]
fn an_edit_to_a_fact_compares_only_its_pairs() {
    let pool = pool();
    let mut host = start(&pool);
    let before = host.snapshot();
    let full = {
        before.claims();
        before.claims_reuse().unwrap()
    };
    assert!(!full.patched && full.pairs > 0, "{full:?}");
    drop(before);
    // File 4 is the Riga report: its 15 people "were injured" now, not
    // "died" (a new signature; no name or number changed).
    let t = host.text(&path(4)).unwrap();
    let at = t.find("people died").expect("the pool's Riga report");
    host.set_file(
        path(4),
        format!("{}people were injured{}", &t[..at], &t[at + 11..]).into(),
    );
    let snap = host.snapshot();
    let reuse = {
        snap.claims();
        snap.claims_reuse().unwrap()
    };
    assert!(reuse.patched, "{reuse:?}");
    assert!(
        reuse.pairs > 0 && reuse.pairs < full.pairs,
        "{reuse:?} after {full:?}"
    );
    assert_eq!(
        answers(snap.claims()),
        answers(&common::claims_from_scratch(&snap))
    );
    // And back: the comparisons of the old value are remembered.
    host.set_file(path(4), t);
    let snap = host.snapshot();
    let back = {
        snap.claims();
        snap.claims_reuse().unwrap()
    };
    assert!(back.patched && back.pairs_reused > 0, "{back:?}");
    assert_eq!(
        answers(snap.claims()),
        answers(&common::claims_from_scratch(&snap))
    );
}
