//! Anchoring properties: edits never lose an annotation (each is placed on
//! its quote, on text close to it, or reported as an orphan), unchanged text
//! keeps its offsets, and a clearly different text is refused.
use crosscheck::annotations::anchor::{
    anchor, similarity, target_for, Method, OrphanReason, MIN_SCORE,
};
use crosscheck::annotations::edit::link_mention;
use crosscheck::annotations::AnnotationSet;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "NATO",
    "Jens",
    "Stoltenberg",
    "said",
    "the",
    "Alliance",
    "Kyiv",
    "¿Qué?",
    "él",
    "🙂",
    "e\u{301}",
    "Brussels",
    "40,000",
    "troops",
    "\n",
    "war",
    "Reuters",
    "-",
    "Bild",
    "year",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 5..60).prop_map(|w| w.join(" "))
}

#[derive(Clone, Debug)]
enum Op {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, usize, String),
}

fn op_strategy() -> impl Strategy<Value = Op> {
    let s = prop::sample::select(WORDS).prop_map(|w| format!("{w} "));
    prop_oneof![
        (any::<usize>(), s.clone()).prop_map(|(a, s)| Op::Insert(a, s)),
        (any::<usize>(), 0usize..12).prop_map(|(a, n)| Op::Delete(a, n)),
        (any::<usize>(), 0usize..6, s).prop_map(|(a, n, s)| Op::Replace(a, n, s)),
    ]
}

/// Apply an edit at char positions (so the text stays valid UTF-8).
fn apply(text: &str, op: &Op) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (at, del, ins) = match op {
        Op::Insert(a, s) => (a % (n + 1), 0, s.as_str()),
        Op::Delete(a, d) => (a % (n + 1), *d, ""),
        Op::Replace(a, d, s) => (a % (n + 1), *d, s.as_str()),
    };
    let end = (at + del).min(n);
    let mut out: String = chars[..at].iter().collect();
    out.push_str(ins);
    out.extend(&chars[end..]);
    out
}

/// Byte spans of whole words of `text`, picked by the indices.
fn spans(text: &str, picks: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if words.is_empty() {
        return Vec::new();
    }
    picks
        .iter()
        .map(|p| {
            let a = p % words.len();
            let b = (a + p / 7 % 3).min(words.len() - 1);
            words[a].start..words[b].end
        })
        .collect()
}

fn lev(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            cur[j] = (prev[j - 1] + usize::from(a[i - 1] != b[j - 1]))
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn unchanged_text_keeps_offsets(text in text_strategy(), picks in prop::collection::vec(any::<usize>(), 1..6)) {
        for s in spans(&text, &picks) {
            let t = target_for(&text, s.clone());
            let p = anchor(&text, &t).unwrap();
            prop_assert_eq!(p.method, Method::Position);
            prop_assert_eq!(p.start..p.end, s);
        }
    }

    #[test]
    fn edits_never_lose_an_annotation(
        text in text_strategy(),
        picks in prop::collection::vec(any::<usize>(), 1..6),
        ops in prop::collection::vec(op_strategy(), 1..5),
    ) {
        let targets: Vec<_> = spans(&text, &picks).into_iter().map(|s| target_for(&text, s)).collect();
        let mut edited = text.clone();
        for op in &ops {
            edited = apply(&edited, op);
        }
        for t in &targets {
            match anchor(&edited, t) {
                Ok(p) => {
                    prop_assert!(p.start < p.end && p.end <= edited.len());
                    prop_assert!(edited.is_char_boundary(p.start) && edited.is_char_boundary(p.end));
                    prop_assert!(p.score >= MIN_SCORE);
                    let found = &edited[p.start..p.end];
                    match p.method {
                        Method::Position | Method::Exact => prop_assert_eq!(found, t.quote.as_str()),
                        Method::Fuzzy => {
                            // Within the error bound: a quarter of the quote.
                            let m = t.quote.chars().count();
                            prop_assert!(lev(&t.quote, found) <= (m / 4).max(1), "{:?} placed on {:?}", t.quote, found);
                            prop_assert!(similarity(&t.quote, found) > 0.5);
                        }
                    }
                }
                Err(reason) => prop_assert!(reason != OrphanReason::EmptyQuote),
            }
        }
    }

    /// The same at the workspace level: every stored annotation comes back
    /// either placed or as an orphan with a finding.
    #[test]
    fn loaded_set_accounts_for_every_annotation(
        text in text_strategy(),
        picks in prop::collection::vec(any::<usize>(), 1..5),
        ops in prop::collection::vec(op_strategy(), 1..4),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut n = 0;
        for (i, s) in spans(&text, &picks).into_iter().enumerate() {
            let (set, _) = AnnotationSet::load(root);
            let ch = link_mention(&set, "a.txt", &text, s, &format!("person:p{i}")).unwrap();
            let before = set.file("a.txt").map_or(0, |f| f.annotations.len());
            for c in ch {
                crosscheck::annotations::store::write_atomic(crosscheck::annotations::store::Scope::folder(root), &c.path, c.expected.as_ref(), &c.new_text).unwrap();
            }
            let (set, _) = AnnotationSet::load(root);
            n = set.file("a.txt").unwrap().annotations.len();
            prop_assert!(n >= before);
        }
        let mut edited = text.clone();
        for op in &ops {
            edited = apply(&edited, op);
        }
        let (set, _) = AnnotationSet::load(root);
        let a = set.anchor_file("a.txt", &edited);
        prop_assert_eq!(a.placed.len() + a.orphans.len(), n);
        prop_assert_eq!(a.findings.len(), a.orphans.len());
        let mut ids: Vec<&str> = a.placed.iter().map(|p| p.id.as_str()).chain(a.orphans.iter().map(|o| o.id.as_str())).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), n);
    }
}

#[test]
fn moved_and_retyped_quotes_are_found() {
    let old = "BRUSSELS - NATO Secretary General Jens Stoltenberg said on Sunday the war could last years.";
    let s = old.find("Jens").unwrap();
    let t = target_for(old, s..s + "Jens Stoltenberg".len());
    let new = format!(
        "Updated 10:30.\n\n{}",
        old.replace("Stoltenberg", "Stoltenburg")
    );
    let p = anchor(&new, &t).unwrap();
    assert_eq!(p.method, Method::Fuzzy);
    assert_eq!(&new[p.start..p.end], "Jens Stoltenburg");
}

#[test]
fn the_nearest_of_several_exact_hits_with_matching_context_wins() {
    let text = "NATO met. Later NATO said no. Then NATO agreed.";
    let second = text.match_indices("NATO").nth(1).unwrap().0;
    let t = target_for(text, second..second + 4);
    let new = format!("Intro. {text}");
    let p = anchor(&new, &t).unwrap();
    assert_eq!(p.start, second + "Intro. ".len());
}

#[test]
fn a_different_text_is_an_orphan_not_a_wrong_placement() {
    // hypothesis/client#258: fuzzy matching re-anchored onto unrelated text.
    let old = "The minister, Jens Stoltenberg, said the talks had failed.";
    let s = old.find("Jens").unwrap();
    let t = target_for(old, s..s + 16);
    let new = "The minister, Mark Rutte, said the talks had failed.";
    match anchor(new, &t) {
        Err(OrphanReason::BelowThreshold { .. }) | Err(OrphanReason::NotFound) => {}
        other => panic!("placed on different text: {other:?}"),
    }
    assert!(matches!(anchor("", &t), Err(OrphanReason::NotFound)));
    // A position written by hand far past the end is only a hint.
    let mut far = t.clone();
    far.start = u64::MAX;
    far.end = u64::MAX;
    assert_eq!(anchor(old, &far).unwrap().start, s);
}
