//! The folder's pass over publication dates keeps, between builds, each
//! file's lead and the dates it settled; after an edit it reads again only
//! the changed files and settles again only the files sharing a name or
//! figure with them (`analysis::claims_dates_memo`). Offices written
//! without their organisation keep their file's story between builds
//! (`claims::index::story_offices`). Under random edits that add and
//! remove datelines (year-less, numeric, full), names, figures and office
//! holders, with the index built after some steps and not others, the
//! index must equal one built from scratch over the same files and
//! linking.
mod common;
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::analysis::claims::dates::DateSource;
use crosscheck::analysis::claims::index::ClaimsIndex;
use crosscheck::analysis::AnalysisHost;
use proptest::prelude::*;

const FILES: usize = 6;

/// One market fire told by reports under a year-less wire dateline, a
/// numeric date, full dates and none, and a report of something else.
const POOL: [&str; 8] = [
    "Rebuilding plans\n\nGrupo Andino chief executive Mario Salas said the company would rebuild the Miraflores market with 340 stalls for 120 traders.\n",
    "LIMA, Feb 3 (AP) - A fire destroyed the Miraflores textile market on Monday, killing 14 people, fire chief Rosa Quispe said.\n",
    "February 3, 2025\n\nA fire at the Miraflores textile market in Lima killed 14 people on Monday, officials said.\n\nThe market's owner, Grupo Andino, said 230 stalls were lost.\n",
    "Market fire toll rises\n\nThe fire that gutted the Miraflores textile market in Lima on Monday killed 14 people and destroyed 230 stalls.\n\nThe fire chief, Rosa Quispe, said the blaze began in a storeroom.\n",
    "3/2/2025\n\nGrupo Andino said its Miraflores market in Lima would reopen after the fire that killed 14 people.\n",
    "February 4, 2025\n\nLima fire chief Rosa Quispe said the Miraflores market fire was started by a faulty cable. The blaze killed 14 people.\n",
    "Quiet week in Cusco\n\nTourism in Cusco rose by 12 percent, the Cusco chamber of commerce said.\n",
    "LIMA, Feb 10 (Reuters) - Grupo Andino chief executive Mario Salas said the company would rebuild the Miraflores market for $4 million.\n",
];

/// What edits insert: datelines of each kind, names, figures, holders,
/// plain words.
const SNIPPETS: [&str; 13] = [
    " The market would reopen in March.",
    " It destroyed 230 stalls.",
    "February 5, 2025\n\n",
    " The fire killed 14 people.",
    " Grupo Andino agreed to pay $4 million.",
    "LIMA, Feb 4 (AP) - ",
    " Rosa Quispe said so.",
    "",
    " and",
    "\n\n",
    " at the Miraflores market",
    "5/2/2025\n\n",
    " The company's chief executive, Mario Salas, said 230 stalls burned.",
];

/// First lines a report is given: full dates a few days apart, a
/// year-less wire dateline, numeric dates that read two ways, a headline.
const FIRST_LINES: [&str; 6] = [
    "February 4, 2025\n\n",
    "February 9, 2025\n\n",
    "LIMA, Feb 5 (AP) - ",
    "4/2/2025\n\n",
    "Fire news\n\n",
    "March 20, 2025\n\n",
];

#[derive(Clone, Debug)]
enum Step {
    /// Put first line `k` before file `i`'s text (its old first line,
    /// when it looks like one, left out).
    Dateline(usize, usize),
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
        4 => (0..FILES, 0..FIRST_LINES.len()).prop_map(|(i, k)| Step::Dateline(i, k)),
        1 => (0..FILES).prop_map(Step::Remove),
        3 => Just(Step::Build),
    ]
}

fn path(i: usize) -> PathBuf {
    PathBuf::from(format!("/mem/fire-{i}.txt"))
}

/// `t` with its first line `line` (a dateline or headline before a blank
/// line, or a wire dateline, replaced).
fn with_first_line(t: &str, line: &str) -> String {
    let body = match t.split_once("\n\n") {
        Some((head, rest)) if head.len() < 40 => rest,
        _ => match t.split_once(" - ") {
            Some((head, rest)) if head.len() < 40 => rest,
            _ => t,
        },
    };
    format!("{line}{body}")
}

fn apply(host: &mut AnalysisHost, s: &Step) {
    match *s {
        Step::Dateline(i, k) => {
            let Some(t) = host.text(&path(i)) else { return };
            host.set_file(path(i), with_first_line(&t, FIRST_LINES[k]).into());
        }
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
            .zip([1, 2, 3, 4, 5, 0])
            .map(|(i, t)| (path(i), Arc::<str>::from(POOL[t])))
            .collect(),
    );
    host
}

/// The fixture does what the property needs: the folder settles the
/// dates of some of its reports (the pass has something to keep).
#[test]
fn the_folder_settles_dates_of_the_fire_reports() {
    let mut host = start();
    let snap = host.snapshot();
    let ix = snap.claims();
    let settled: Vec<&str> = ix
        .files
        .iter()
        .enumerate()
        .filter(|(_, fc)| {
            fc.date.date.as_ref().is_some_and(|d| {
                d.source == DateSource::Folder || d.reason.contains("another report")
            })
        })
        .map(|(i, _)| snap.files[i].rel_path.as_str())
        .collect();
    assert!(
        !settled.is_empty(),
        "{:#?}",
        ix.files.iter().map(|f| &f.date).collect::<Vec<_>>()
    );
}

/// The open dates of `ix`'s files.
fn open_files(ix: &ClaimsIndex) -> usize {
    ix.files.iter().filter(|f| f.date.open.is_some()).count()
}

/// After an edit that changes no name, the pass reads only the edited
/// file's lead again and settles again only the files its names and
/// figures reach, whose dates may move though their text did not.
#[test]
fn an_edit_settles_again_only_the_files_it_reaches() {
    let mut host = start();
    let ix = host.snapshot().claims().clone();
    let open = open_files(&ix);
    assert!(open >= 3, "{open}");
    // The dated report of the fire states the rebuilding's price: the
    // undated page about the rebuilding (file 5) shares it and a name.
    let before = ix.files[5].date.clone();
    let t = host.text(&path(1)).unwrap();
    host.set_file(
        path(1),
        t.replace(
            "Grupo Andino, said 230 stalls were lost.",
            "Grupo Andino, said 230 stalls were lost. The new market will have 340 stalls.",
        )
        .into(),
    );
    let snap = host.snapshot();
    let (got, want) = (
        common::claims_answers(snap.claims()),
        common::claims_answers(&common::claims_from_scratch(&snap)),
    );
    let reuse = snap.claims_reuse().unwrap();
    assert!(got == want, "{reuse:?}");
    assert_eq!(reuse.dates_leads_kept, FILES - 1, "{reuse:?}");
    assert!(reuse.dates_settled_again.is_some(), "{reuse:?}");
    assert_ne!(snap.claims().files[5].date, before);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
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
