//! Offices of undated reports are dated by the dated reports of the
//! events they share; a claims build after an edit takes what the
//! previous build found for the files that did not change and compares
//! again only with those that did (`claims::index::undated`). Under random
//! edits that add and remove datelines, deals, prices and office holders,
//! with the index built after some steps and not others, the index must
//! equal one built from scratch over the same files and linking.
mod common;
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::analysis::AnalysisHost;
use proptest::prelude::*;

const FILES: usize = 5;

/// One deal told by dated and undated reports with several chief
/// executives, and reports of other things.
const POOL: [&str; 6] = [
    "BERGEN, June 3 (Reuters) - Norwegian ferry group Halvard agreed on Monday to buy rival Korsnes Line for $800 million.\n\n\"This gives us the routes we need,\" Halvard chief executive Marit Solberg told reporters in Bergen.\n",
    "June 3, 2024 | 4:10pm\n\nHalvard Shipping will acquire Korsnes Line for $800 million, the companies said on Monday.\n\nHalvard chief executive Erik Dahl said the purchase would double the fleet.\n",
    "Halvard buys a rival\n\nHalvard agreed to buy Korsnes Line for $800 million.\n\nHalvard chief executive Petter Moe said the deal would bring new routes.\n",
    "Halvard repaints its fleet\n\nHalvard chief executive Petter Moe said the company would repaint all 40 ferries by the end of the decade.\n",
    "September 9, 2024\n\nHalvard completed its purchase of Korsnes Line for $800 million on Monday, chief executive Ingrid Haugen said.\n",
    "Korsnes Line deal\n\nKorsnes Line agreed to be bought by Halvard for $750 million.\n\nHalvard chief executive Lars Berg welcomed the deal.\n",
];

/// What edits insert: datelines, the deal, prices, holders, plain words.
const SNIPPETS: [&str; 9] = [
    "June 4, 2024\n\n",
    " Halvard agreed to buy Korsnes Line for $800 million.",
    " Halvard chief executive Erik Dahl said so.",
    " The price was $820 million.",
    "\n\n",
    "",
    " and",
    " Halvard chief executive Marit Solberg said the deal was done.",
    "October 1, 2024\n\n",
];

#[derive(Clone, Debug)]
enum Step {
    /// Replace bytes [a, a + len) (fractions of the text) of file `i`.
    Edit(usize, f64, f64, usize),
    /// Write pool text `t` as file `i` (added when absent).
    Write(usize, usize),
    Remove(usize),
    /// Build the index now.
    Build,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..FILES, 0.0..1.0f64, 0.0..0.2f64, 0..SNIPPETS.len())
            .prop_map(|(i, a, len, s)| Step::Edit(i, a, len, s)),
        2 => (0..FILES, 0..POOL.len()).prop_map(|(i, t)| Step::Write(i, t)),
        1 => (0..FILES).prop_map(Step::Remove),
        3 => Just(Step::Build),
    ]
}

fn path(i: usize) -> PathBuf {
    PathBuf::from(format!("/mem/deal-{i}.txt"))
}

fn apply(host: &mut AnalysisHost, s: &Step) {
    match *s {
        Step::Edit(i, a, len, snip) => {
            let Some(t) = host.text(&path(i)) else { return };
            let n = t.len();
            let a = common::floor_char(&t, (a * n as f64) as usize);
            let b = common::floor_char(&t, (a + (len * n as f64) as usize).min(n));
            let text = format!("{}{}{}", &t[..a], SNIPPETS[snip], &t[b..]);
            host.set_file(path(i), text.into());
        }
        Step::Write(i, t) => host.set_file(path(i), POOL[t].into()),
        Step::Remove(i) => {
            host.remove_file(&path(i));
        }
        Step::Build => {
            host.snapshot().claims();
        }
    }
}

fn start() -> AnalysisHost {
    let mut host = AnalysisHost::new(Some("/mem".into()));
    host.set_files(
        (0..FILES)
            .zip([0, 1, 2, 3, 4])
            .map(|(i, t)| (path(i), Arc::<str>::from(POOL[t])))
            .collect(),
    );
    host
}

/// The fixture does what the property needs: the report under a year-less
/// dateline is of the deal's days (as in `gate_tests`), and its chief
/// executive conflicts with the dated report's; the undated report of
/// something else conflicts with nothing.
#[test]
fn the_undated_report_of_the_deal_takes_its_days() {
    let mut host = start();
    let snap = host.snapshot();
    let ix = snap.claims();
    let pairs: Vec<(String, String)> = ix
        .conflict_pairs()
        .iter()
        .map(|c| {
            let p = |file: u32| snap.files[file as usize].rel_path.clone();
            (p(c.a.file), p(c.b.file))
        })
        .collect();
    let with = |f: &str| pairs.iter().any(|(a, b)| a == f || b == f);
    assert!(with("deal-0.txt") && with("deal-1.txt"), "{pairs:?}");
    assert!(!with("deal-3.txt"), "{pairs:?}");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 40,
        max_shrink_iters: 100,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_index_after_edits_equals_one_built_from_scratch(
        steps in prop::collection::vec(step(), 1..16)
    ) {
        let mut host = start();
        host.snapshot().claims();
        for (i, s) in steps.iter().enumerate() {
            apply(&mut host, s);
            if matches!(s, Step::Build) || i + 1 == steps.len() {
                let snap = host.snapshot();
                let (got, want) = (common::claims_answers(snap.claims()), common::claims_answers(&common::claims_from_scratch(&snap)));
                prop_assert!(got == want, "step {i} ({s:?}) of {steps:?}");
            }
        }
    }
}
