use super::super::expected::resolve;
use super::*;
use crate::cli::claims::model::*;

/// A hand-made export of two files whose answers are known.
fn export() -> Export {
    let claim = |start, end, text: &str| ClaimOut {
        start,
        end,
        text: text.to_string(),
        attribution: AttributionOut {
            chain: vec![],
            scope: None,
            anonymous_only: false,
        },
        hedges: vec![],
        facts: vec![FactOut {
            kind: "quantity".into(),
            start,
            end,
            text: text.into(),
            subject: None,
            predicate: "killed".into(),
            value: ValueOut::Amount {
                lo: 1.0,
                hi: Some(1.0),
                unit: "people".into(),
                per: String::new(),
            },
            time: None,
            qualifier: None,
            event: None,
            negated: false,
            hedged: false,
        }],
        corroborated_by: vec![],
        corroborations_total: 0,
        conflicts_with: vec![],
        conflicts_total: 0,
    };
    let conflict = |path: &str, start, end| ConflictOut {
        path: path.into(),
        start,
        end,
        fact: 0,
        here_fact: 0,
        kind: "quantity".into(),
        subject: "quake".into(),
        value: "x".into(),
        here_value: "y".into(),
    };
    let corr = |path: &str, start, end, fact| CorroborationOut {
        path: path.into(),
        start,
        end,
        fact,
        here_fact: fact,
        reason: "r".into(),
        agreements: vec![AgreementOut {
            fact,
            here_fact: fact,
            reason: "r".into(),
        }],
        partial: false,
        disputes: vec![],
    };
    let date = |d: &str| DateOut {
        lo: d.into(),
        hi: d.into(),
        confidence: "high".into(),
        reason: "dateline".into(),
        origin: "text".into(),
        start: None,
        end: None,
    };
    // a.txt: "Quake killed 40. Aid was 5m. Quake hit Monday."
    // b.txt: "Quake killed 90. Aid was 5m. Other quake killed 7."
    let mut a0 = claim(0, 16, "Quake killed 40.");
    let mut a1 = claim(17, 28, "Aid was 5m.");
    let mut a2 = claim(29, 46, "Quake hit Monday.");
    let mut b0 = claim(0, 16, "Quake killed 90.");
    let mut b1 = claim(17, 28, "Aid was 5m.");
    let mut b2 = claim(29, 50, "Other quake killed 7.");
    // Found: the planted conflict a0/b0; a false one on the near miss
    // a0/b2; an unlisted one a2/b1.
    a0.conflicts_with = vec![conflict("w/b.txt", 0, 16), conflict("w/b.txt", 29, 50)];
    b0.conflicts_with = vec![conflict("w/a.txt", 0, 16)];
    b2.conflicts_with = vec![conflict("w/a.txt", 0, 16)];
    a2.conflicts_with = vec![conflict("w/b.txt", 17, 28)];
    b1.conflicts_with = vec![conflict("w/a.txt", 29, 46)];
    // Corroboration a1/b1 by a fact; a0/b0 (a contradiction) by words.
    a1.corroborated_by = vec![corr("w/b.txt", 17, 28, Some(0))];
    b1.corroborated_by.push(corr("w/a.txt", 17, 28, Some(0)));
    a0.corroborated_by = vec![corr("w/b.txt", 0, 16, None)];
    b0.corroborated_by = vec![corr("w/a.txt", 0, 16, None)];
    let diag = |code: &str, start, end| DiagnosticOut {
        code: code.into(),
        severity: "warning".into(),
        start,
        end,
        message: String::new(),
    };
    Export {
        version: SCHEMA_VERSION,
        files: vec![
            FileOut {
                path: "w/a.txt".into(),
                date: Some(date("2019-06-14")),
                outlets: vec![],
                claims: vec![a0, a1, a2],
                diagnostics: vec![
                    diag("hedged-claim", 6, 12),
                    diag("unverified-claim", 17, 28),
                ],
            },
            FileOut {
                path: "w/b.txt".into(),
                date: Some(date("2019-11-22")),
                outlets: vec![],
                claims: vec![b0, b1, b2],
                diagnostics: vec![],
            },
        ],
    }
}

fn texts(rel: &str) -> Option<String> {
    match rel {
        "w/a.txt" => Some("Quake killed 40. Aid was 5m. Quake hit Monday.".into()),
        "w/b.txt" => Some("Quake killed 90. Aid was 5m. Other quake killed 7.".into()),
        _ => None,
    }
}

const EXPECTED: &str = r#"{
  "format": "crosscheck-claims-expected/1",
  "dates": [
    {"path": "w/a.txt", "day": "2019-06-14"},
    {"path": "w/b.txt", "day": "2019-11-15", "not": ["2019-11-22"]}
  ],
  "conflicts": [
    {"kind": "quantity", "a": {"path": "w/a.txt", "quote": "killed 40"}, "b": {"path": "w/b.txt", "quote": "killed 90"}},
    {"kind": "event_date", "a": {"path": "w/a.txt", "quote": "hit Monday"}, "b": {"path": "w/b.txt", "quote": "Other quake"}}
  ],
  "not_conflicts": [
    {"why": "near_miss", "a": {"path": "w/a.txt", "quote": "killed 40"}, "b": {"path": "w/b.txt", "quote": "killed 7"}}
  ],
  "corroborations": [
    {"kind": "quantity", "a": {"path": "w/a.txt", "quote": "Aid was"}, "b": {"path": "w/b.txt", "quote": "Aid was"}}
  ],
  "diagnostics": [
    {"path": "w/a.txt", "quote": "killed", "code": "hedged-claim", "expected": false},
    {"path": "w/a.txt", "quote": "Aid", "code": "unverified-claim", "expected": true},
    {"path": "w/b.txt", "quote": "Aid", "code": "unverified-claim", "expected": true},
    {"path": "w/b.txt", "quote": "Other", "code": "unverified-claim", "expected": false}
  ]
}"#;

#[test]
fn scores_a_hand_made_case() {
    let exp = resolve(EXPECTED, &mut texts).unwrap();
    let s = score(&export(), &exp);
    let c = &s.conflicts;
    assert_eq!((c.expected, c.found), (2, 1));
    assert_eq!(c.recall, Some(0.5));
    assert_eq!(
        c.by_kind["event_date"],
        Count {
            expected: 1,
            found: 0
        }
    );
    // Claim pairs: a0/b0 (expected), a0/b2 (listed near miss), a2/b1
    // (unlisted).
    assert_eq!((c.pairs_found, c.pairs_expected), (3, 1));
    assert_eq!(c.false_listed, 1);
    assert_eq!(c.false_unlisted, 1);
    assert_eq!(
        c.must_not["near_miss"],
        Count {
            expected: 1,
            found: 1
        }
    );
    assert!((c.precision.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(s.corroborations.found, 1);
    assert_eq!(s.corroborations.pairs_found, 2);
    // The planted conflict is also listed as agreement.
    assert_eq!(s.false_corroborations.checked, 2);
    assert_eq!(s.false_corroborations.found, 1);
    let d = &s.dates;
    assert_eq!((d.stated, d.stated_correct), (2, 1));
    assert_eq!((d.traps, d.traps_avoided), (1, 0));
    let h = &s.diagnostics["hedged-claim"];
    assert_eq!((h.tp, h.fp, h.fn_, h.tn), (0, 1, 0, 0));
    assert_eq!(h.precision, Some(0.0));
    let u = &s.diagnostics["unverified-claim"];
    assert_eq!((u.tp, u.fp, u.fn_, u.tn), (1, 0, 1, 1));
    assert_eq!(u.recall, Some(0.5));
    assert_eq!(u.precision, Some(1.0));
    let whats: Vec<&str> = s.details.iter().map(|d| d.what.as_str()).collect();
    for w in [
        "missed conflict [event_date]",
        "false conflict (near_miss) [quantity]",
        "unexpected conflict [quantity]",
        "false corroboration (contradiction)",
        "false hedged-claim",
        "missed unverified-claim",
    ] {
        assert!(whats.contains(&w), "{w} not in {whats:?}");
    }
    assert!(whats
        .iter()
        .any(|w| w.starts_with("wrong date: expected 2019-11-15")
            && w.contains("; dated on the scheduled day 2019-11-22")));
}

#[test]
fn a_conflicting_pair_may_agree_on_another_fact() {
    let mut e = export();
    // a0 and b0 conflict on the toll; let them agree on a date fact
    // instead of as whole assertions.
    for (f, other) in [(0, "w/b.txt"), (1, "w/a.txt")] {
        let c = &mut e.files[f].claims[0];
        let mut date = c.facts[0].clone();
        date.kind = "event_date".into();
        c.facts.push(date);
        c.corroborated_by = vec![CorroborationOut {
            path: other.into(),
            start: 0,
            end: 16,
            fact: Some(1),
            here_fact: Some(1),
            reason: "same date".into(),
            agreements: vec![AgreementOut {
                fact: Some(1),
                here_fact: Some(1),
                reason: "same date".into(),
            }],
            partial: true,
            disputes: vec![],
        }];
    }
    let s = score(&e, &resolve(EXPECTED, &mut texts).unwrap());
    assert_eq!(s.false_corroborations.found, 0);
    assert_eq!(s.false_corroborations.plain_on_conflict, 0);
    // Shown with nothing in dispute (the conflict missed), the agreement
    // tells a reader the two reports agree: counted apart.
    for f in 0..2 {
        e.files[f].claims[0].corroborated_by[0].partial = false;
    }
    let s = score(&e, &resolve(EXPECTED, &mut texts).unwrap());
    assert_eq!(s.false_corroborations.found, 0);
    assert_eq!(s.false_corroborations.plain_on_conflict, 1);
    // Agreement on the fact in conflict is a false corroboration.
    for f in 0..2 {
        e.files[f].claims[0].facts[1].kind = "quantity".into();
    }
    let s = score(&e, &resolve(EXPECTED, &mut texts).unwrap());
    assert_eq!(s.false_corroborations.found, 1);
}

#[test]
fn word_overlap_does_not_count_as_corroboration_of_a_fact() {
    let j = r#"{"format": "crosscheck-claims-expected/1",
      "corroborations": [{"kind": "quantity",
        "a": {"path": "w/a.txt", "quote": "killed 40"}, "b": {"path": "w/b.txt", "quote": "killed 90"}}]}"#;
    let s = score(&export(), &resolve(j, &mut texts).unwrap());
    assert_eq!(s.corroborations.found, 0);
    assert_eq!(s.corroborations.found_as_assertion_only, 1);
}

/// A pair of sentences may hold a planted contradiction of one kind and a
/// trap for another fact: the planted conflict found there is no false
/// one, while a conflict of the trap's own kind, or over a trap that
/// names no kind, still is.
#[test]
fn a_planted_conflict_over_a_listed_trap_is_not_false() {
    let with_trap = |kind: Option<&str>| {
        let kind = kind
            .map(|k| format!(r#""kind": "{k}", "#))
            .unwrap_or_default();
        EXPECTED.replace(
            r#""not_conflicts": ["#,
            &format!(
                r#""not_conflicts": [
    {{"why": "part_whole", {kind}"a": {{"path": "w/a.txt", "quote": "Quake killed"}}, "b": {{"path": "w/b.txt", "quote": "Quake killed"}}}},"#
            ),
        )
    };
    let false_traps = |expected: &str| {
        let exp = resolve(expected, &mut texts).unwrap();
        score(&export(), &exp).conflicts.must_not["part_whole"].found
    };
    // The planted quantity conflict a0/b0 is the conflict found there; the
    // trap is about the event's date.
    assert_eq!(false_traps(&with_trap(Some("event_date"))), 0);
    // A trap for the quantity itself, or for any fact, is broken by it.
    assert_eq!(false_traps(&with_trap(Some("quantity"))), 1);
    assert_eq!(false_traps(&with_trap(None)), 1);
    // Without the planted conflict over those claims, the found conflict
    // is false whatever the trap's kind.
    let planted_elsewhere = with_trap(Some("event_date")).replace(
        r#"{"kind": "quantity", "a": {"path": "w/a.txt", "quote": "killed 40"}, "b": {"path": "w/b.txt", "quote": "killed 90"}},"#,
        "",
    );
    assert_eq!(false_traps(&planted_elsewhere), 1);
}
