//! Claims, attribution and conflicts on the small corpora under
//! `tests/corpora/`: every conflict kind, positive and negative, and every
//! attribution kind.
mod common;

use common::*;
use crosscheck::analysis::claims::{Scope, SourceKind};
use crosscheck::analysis::model::RoleQualifier;
use crosscheck::config::{Config, Rule, Severity};
use crosscheck::ide::{claim_hover, code_lens, diagnostics};

#[test]
fn planted_role_conflict_is_found_with_a_link_to_the_other_file() {
    let snap = load("tests/corpora/role-conflict");
    let (a, b) = (file(&snap, "a_"), file(&snap, "b_"));
    let ds = diags(&snap, a);
    let c = with_code(&ds, "conflicting-claim");
    assert_eq!(c.len(), 1, "{ds:#?}");
    let m = &c[0].message;
    assert!(
        m.contains("Jens Stoltenberg") && m.contains("Mark Rutte"),
        "{m}"
    );
    assert!(
        m.contains("Reuters") && m.contains("Associated Press"),
        "{m}"
    );
    assert_eq!(c[0].related.len(), 1);
    assert_eq!(c[0].related[0].file, b);
    let rel = &c[0].related[0];
    assert_eq!(
        &snap.file(b).text[rel.start..rel.end],
        "NATO Secretary General Mark Rutte"
    );
    assert_eq!(with_code(&diags(&snap, b), "conflicting-claim").len(), 1);
}

#[test]
fn time_shifted_role_holders_do_not_conflict() {
    let snap = load("tests/corpora/role-time-shift");
    assert!(with_code(
        &all_diags(&snap)
            .into_iter()
            .map(|x| x.1)
            .collect::<Vec<_>>(),
        "conflicting-claim"
    )
    .is_empty());
    // The December file keeps Stoltenberg as the *then* secretary general.
    let b = file(&snap, "b_");
    let fc = &snap.claims().files[b as usize];
    let then = fc.claims.iter().flat_map(|c| &c.facts).any(|f| {
        matches!(&f.body, crosscheck::analysis::claims::FactBody::Role { role, .. } if role.qualifier == Some(RoleQualifier::Then))
    });
    assert!(then);
}

#[test]
fn disjoint_quantities_conflict_and_overlapping_ones_corroborate() {
    let snap = load("tests/corpora/quantity-conflict");
    let a = file(&snap, "a");
    let ds = diags(&snap, a);
    let c = with_code(&ds, "conflicting-claim");
    assert_eq!(c.len(), 1, "{ds:#?}");
    assert!(c[0].message.contains("32 members") && c[0].message.contains("30 members"));
    assert_eq!(c[0].related[0].file, file(&snap, "b"));

    let snap = load("tests/corpora/quantity-consistent");
    assert!(snap.claims().conflict_pairs().is_empty());
    assert_eq!(snap.claims().corroboration_pairs().len(), 1);
}

#[test]
fn different_dates_for_one_event_conflict() {
    let snap = load("tests/corpora/event-date-conflict");
    let (a, b, c) = (file(&snap, "a"), file(&snap, "b"), file(&snap, "c_"));
    let ds = diags(&snap, a);
    let k = with_code(&ds, "conflicting-claim");
    assert_eq!(k.len(), 1, "{ds:#?}");
    assert!(k[0].message.contains("9 July 2024") && k[0].message.contains("19 July 2024"));
    assert_eq!(k[0].related[0].file, b);
    // a and c agree: no conflict between them, and they corroborate.
    assert!(!snap.claims().conflict_pairs().iter().any(|x| {
        let fs = [x.a.file, x.b.file];
        fs.contains(&a) && fs.contains(&c)
    }));
    assert!(snap
        .claims()
        .corroboration_pairs()
        .iter()
        .any(|x| x.a.file == a && x.b.file == c));
    // A summit lasts days: "ends on 11 July" does not contradict "on 9 July".
    let d = file(&snap, "d_");
    let dk = diags(&snap, d);
    let dk = with_code(&dk, "conflicting-claim");
    assert!(dk.iter().all(|x| x.related[0].file == b), "{dk:#?}");
}

#[test]
fn places_in_different_countries_conflict() {
    let snap = load("tests/corpora/location-conflict");
    let (a, b, c) = (file(&snap, "a"), file(&snap, "b"), file(&snap, "c_"));
    let ds = diags(&snap, a);
    let k = with_code(&ds, "conflicting-claim");
    assert_eq!(k.len(), 1, "{ds:#?}");
    assert!(k[0].message.contains("Wiesbaden") && k[0].message.contains("Brussels"));
    assert_eq!(k[0].related[0].file, b);
    assert!(with_code(&diags(&snap, c), "conflicting-claim")
        .iter()
        .all(|d| d.related[0].file == b));
}

#[test]
fn chains_of_citations_are_kept_and_carried() {
    let snap = load("tests/corpora/attribution");
    let f = file(&snap, "chain");
    let c = claim_with(&snap, f, "NATO will open");
    assert_eq!(
        chain_names(&snap, f, c),
        vec!["Eviralnews", "NTV", "Wall Street Journal"]
    );
    // "According to this information" refers back to the chain.
    let c2 = claim_with(&snap, f, "coordinate arms deliveries");
    assert_eq!(
        chain_names(&snap, f, c2),
        vec!["Eviralnews", "NTV", "Wall Street Journal"]
    );
}

#[test]
fn anonymous_sources_are_recognised() {
    let snap = load("tests/corpora/attribution");
    let f = file(&snap, "anonymous");
    let fc = &snap.claims().files[f as usize];
    for needle in [
        "NATO is considering",
        "the United States will keep",
        "Donald Trump wants",
    ] {
        let c = claim_with(&snap, f, needle);
        assert!(fc.anonymous_only(&fc.claims[c]), "{needle}");
    }
    let ds = diags(&snap, f);
    assert_eq!(with_code(&ds, "anonymous-source").len(), 3, "{ds:#?}");
    assert!(ds.iter().any(|d| d
        .message
        .contains("two national security experts aligned with Trump")));
    assert_eq!(with_code(&ds, "hedged-claim").len(), 1);
}

#[test]
fn paragraph_attribution_and_anaphora_resolve() {
    let snap = load("tests/corpora/attribution");
    let f = file(&snap, "paragraph");
    let fc = &snap.claims().files[f as usize];
    let c = claim_with(&snap, f, "The Pentagon currently leads");
    assert_eq!(fc.claims[c].level, Some(Scope::Paragraph));
    assert_eq!(chain_names(&snap, f, c), vec!["Bloomberg"]);
    let c = claim_with(&snap, f, "the plan was drafted");
    assert_eq!(chain_names(&snap, f, c), vec!["Bloomberg"]);
    let c = claim_with(&snap, f, "allies in Europe");
    assert_eq!(chain_names(&snap, f, c), vec!["Stoltenberg"]);
    assert!(with_code(&diags(&snap, f), "unverified-claim").is_empty());
}

#[test]
fn document_attribution_covers_the_text_and_keeps_the_anonymous_origin() {
    let snap = load("tests/corpora/attribution");
    let f = file(&snap, "document");
    let fc = &snap.claims().files[f as usize];
    let c = claim_with(&snap, f, "located in Wiesbaden");
    assert_eq!(fc.claims[c].level, Some(Scope::Document));
    let chain = fc.chain(&fc.claims[c]);
    assert_eq!(chain[0].name, "Reuters");
    assert_eq!(chain[1].kind, SourceKind::Anonymous);
    let ds = diags(&snap, f);
    let anon = with_code(&ds, "anonymous-source");
    assert_eq!(anon.len(), 1);
    assert!(
        anon[0].message.contains("relayed by Reuters"),
        "{}",
        anon[0].message
    );
    assert_eq!(fc.outlets, vec!["Reuters"]);
}

#[test]
fn unattributed_claims_are_flagged_but_questions_and_furniture_are_not_claims() {
    let snap = load("tests/corpora/attribution");
    let f = file(&snap, "unverified");
    let fc = &snap.claims().files[f as usize];
    assert_eq!(fc.claims.len(), 1, "{:#?}", fc.claims);
    let ds = diags(&snap, f);
    let u = with_code(&ds, "unverified-claim");
    assert_eq!(u.len(), 1);
    assert!(snap.file(f).text[u[0].start..u[0].end].starts_with("NATO will send 40"));
}

#[test]
fn severities_are_configurable() {
    let snap = load("tests/corpora/attribution");
    let f = file(&snap, "anonymous");
    let mut cfg = Config::default();
    cfg.set_severity(Rule::AnonymousSource, Severity::Off);
    cfg.set_severity(Rule::HedgedClaim, Severity::Error);
    let ds = diagnostics::compute(&snap, &cfg, f);
    assert!(with_code(&ds, "anonymous-source").is_empty());
    assert!(ds
        .iter()
        .any(|d| d.code == "hedged-claim" && d.severity == Severity::Error));
}

#[test]
fn hover_and_lens_show_conflicts() {
    let snap = load("tests/corpora/role-conflict");
    let a = file(&snap, "a_");
    let text = &snap.file(a).text;
    let h = claim_hover::hover(&snap, a, text.find("Jens Stoltenberg said").unwrap()).unwrap();
    assert!(h.markdown.contains("Contradicted by"), "{}", h.markdown);
    assert!(h.markdown.contains("b_june_ap.txt"), "{}", h.markdown);
    assert!(h.markdown.contains("Reuters"), "{}", h.markdown);
    let l = code_lens::file_lens(&snap, a);
    assert_eq!(l.conflicts, 1);
    assert!(l.title.contains("1 in conflict"), "{}", l.title);
}

#[test]
fn role_forms_compare_equal_through_entity_linking() {
    let snap = load("tests/corpora/role-forms");
    let (a, b, c, d) = (
        file(&snap, "a"),
        file(&snap, "b"),
        file(&snap, "c"),
        file(&snap, "d"),
    );
    // Three forms of one role, one holder: corroboration, not conflict.
    for (x, y) in [(a, b), (a, c), (b, c)] {
        assert!(
            snap.claims()
                .corroboration_pairs()
                .iter()
                .any(|k| k.a.file == x && k.b.file == y && k.reason == "same role holder"),
            "{x} {y}"
        );
    }
    // A different holder of the same role in the same week conflicts with
    // every form: one diagnostic for the other value, with every form as
    // related information, and the message names the organisation as
    // linked.
    let ds = diags(&snap, d);
    let k = with_code(&ds, "conflicting-claim");
    assert_eq!(k.len(), 1, "{ds:#?}");
    let rel: Vec<u32> = k[0].related.iter().map(|r| r.file).collect();
    assert_eq!(rel, vec![a, b, c], "{ds:#?}");
    assert!(k[0].message.ends_with("and in 2 more claims"), "{ds:#?}");
    assert!(
        k.iter()
            .all(|x| x.message.contains("NATO secretary general")),
        "{ds:#?}"
    );
    let ds = diags(&snap, c);
    assert!(with_code(&ds, "conflicting-claim")[0]
        .message
        .contains("NATO secretary general"));
}

fn snapshot_of(
    files: &[(&str, &str)],
    settings: crosscheck::analysis::claims::ClaimSettings,
) -> std::sync::Arc<crosscheck::analysis::Snapshot> {
    let mut host = crosscheck::analysis::AnalysisHost::new(Some("/mem".into()));
    host.set_claim_settings(settings);
    for (p, t) in files {
        host.set_file(format!("/mem/{p}").into(), (*t).into());
    }
    host.snapshot()
}

#[test]
fn configured_verbs_hedges_and_single_holder_roles_take_effect() {
    let files = [
        ("a.txt", "Tanks 14/06/2024, 09:00\n\nPolish Minister Radoslaw Sikorski quipped that Poland will send 40 tanks to Ukraine.\n"),
        ("b.txt", "Tanks 15/06/2024, 09:00\n\nPolish Minister Andrzej Nowak announced that Poland will send 40 tanks to Ukraine, according to Reuters. It is rumoured that Poland will send more tanks to Kyiv in 2025.\n"),
    ];
    let plain = snapshot_of(&files, Default::default());
    let a = file(&plain, "a");
    assert_eq!(with_code(&diags(&plain, a), "unverified-claim").len(), 1);
    assert!(plain.claims().conflict_pairs().is_empty());
    let cfg = Config::from_json(
        r#"{"attributionVerbs": ["quipped"], "hedges": ["it is rumoured"], "singleHolderRoles": ["minister"]}"#,
    )
    .unwrap();
    let snap = snapshot_of(&files, cfg.claims.clone());
    let ds = diagnostics::compute(&snap, &cfg, a);
    assert!(with_code(&ds, "unverified-claim").is_empty(), "{ds:#?}");
    let k = with_code(&ds, "conflicting-claim");
    assert_eq!(k.len(), 1, "{ds:#?}");
    assert!(k[0].message.contains("Radoslaw Sikorski") && k[0].message.contains("Andrzej Nowak"));
    let b = file(&snap, "b");
    assert_eq!(
        with_code(&diagnostics::compute(&snap, &cfg, b), "hedged-claim").len(),
        1
    );
}

#[test]
fn conflicts_inside_one_file_are_reported_at_both_claims() {
    let snap = load("tests/corpora/same-file-conflict");
    let a = file(&snap, "a");
    let ds = diags(&snap, a);
    let k = with_code(&ds, "conflicting-claim");
    assert_eq!(k.len(), 2, "{ds:#?}");
    assert!(k
        .iter()
        .all(|d| d.related[0].file == a && d.message.contains("elsewhere in this file")));
    assert_ne!(k[0].start, k[1].start);
}

#[test]
fn corroboration_says_when_files_rely_on_the_same_outlet() {
    let snap = load("tests/corpora/independence");
    let (a, b, c) = (file(&snap, "a"), file(&snap, "b"), file(&snap, "c"));
    let text = &snap.file(a).text;
    let h = claim_hover::hover(&snap, a, text.find("NATO has taken over").unwrap()).unwrap();
    let line_b = h.markdown.lines().find(|l| l.contains("`b.txt`")).unwrap();
    assert!(
        line_b.contains("not independent: both rely on Reuters"),
        "{}",
        h.markdown
    );
    let line_c = h.markdown.lines().find(|l| l.contains("`c.txt`")).unwrap();
    assert!(!line_c.contains("not independent"), "{}", h.markdown);
    assert_eq!(
        code_lens::file_lens(&snap, b).same_outlet_files,
        vec!["a.txt"]
    );
    assert!(code_lens::file_lens(&snap, c).same_outlet_files.is_empty());
}

#[test]
fn amounts_reported_days_apart_or_undated_do_not_conflict() {
    // Tolls rise: 87 killed on one day and 107 four days later is news,
    // not a contradiction; an undated report cannot be placed at all.
    let snap = load("tests/corpora/quantity-time-shift");
    for f in 0..snap.files.len() as u32 {
        let fc = &snap.claims().files[f as usize];
        let has_amount = fc.claims.iter().flat_map(|c| &c.facts).any(|x| {
            matches!(
                &x.body,
                crosscheck::analysis::claims::FactBody::Quantity { .. }
            )
        });
        assert!(has_amount, "{}", snap.file(f).rel_path);
    }
    assert!(
        snap.claims().conflict_pairs().is_empty(),
        "{:#?}",
        snap.claims().conflict_pairs()
    );
}

#[test]
fn different_measures_never_conflict_and_restatements_corroborate() {
    use crosscheck::analysis::claims::quantity::measure::{Basis, Measure};
    let snap = load("tests/corpora/quantity-measures");
    let measure_of = |prefix: &str, needle: &str| -> Measure {
        let f = file(&snap, prefix);
        let c = claim_with(&snap, f, needle);
        snap.claims().files[f as usize].claims[c]
            .facts
            .iter()
            .find_map(|x| match &x.body {
                crosscheck::analysis::claims::FactBody::Quantity { measure, .. } => {
                    Some(measure.clone())
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("no amount in {needle}"))
    };
    // Part and whole: "$500 million in cash and stock" vs "$420 million in
    // cash" in one file.
    assert_eq!(
        measure_of("part_whole", "$420 million").part.as_deref(),
        Some("cash")
    );
    assert_eq!(measure_of("part_whole", "$500 million").part, None);
    // Average and total.
    assert_eq!(
        measure_of("average_total", "averaged").basis,
        Basis::Average
    );
    assert_eq!(measure_of("average_total", "scored").basis, Basis::Total);
    let conflicts = snap.claims().conflict_pairs();
    assert!(conflicts.is_empty(), "{conflicts:#?}");
    // "US$334 million" and "$334MM": the same amount.
    let (a, b) = (file(&snap, "restate_a"), file(&snap, "restate_b"));
    let pairs = snap.claims().corroboration_pairs();
    assert!(
        pairs
            .iter()
            .any(|k| k.a.file == a && k.b.file == b && k.reason == "same amount"),
        "{pairs:#?}"
    );
    // "at least four" and "12" are compatible, never the same amount.
    let (a, b) = (file(&snap, "toll_a"), file(&snap, "toll_b"));
    assert_eq!(measure_of("toll_a", "killed at least").what, "killed");
    assert!(!pairs
        .iter()
        .any(|k| { [k.a.file, k.b.file] == [a, b] && k.reason == "same amount" }));
}

#[test]
fn hover_names_the_fact_and_both_values_of_each_agreeing_and_conflicting_file() {
    let snap = load("tests/corpora/claims-dev/acquisition-calder");
    let c = file(&snap, "c_bizjournal");
    let text = &snap.file(c).text;
    let h = claim_hover::hover(&snap, c, text.find("will pay $1.4 billion").unwrap()).unwrap();
    assert!(h.markdown.contains("**Contradicted by**"), "{}", h.markdown);
    let line = h
        .markdown
        .lines()
        .find(|l| l.contains("`e_statesman.txt`"))
        .unwrap_or_else(|| panic!("{}", h.markdown));
    assert!(
        line.contains("\"$1.2 billion\" vs \"$1.4 billion\" here"),
        "{line}"
    );
    // The fact line names the event the amount belongs to.
    assert!(h.markdown.contains("of the acquisition"), "{}", h.markdown);
    // Both values as each file writes them. (b_techwire, dated 3
    // September by its ET timestamp, also contradicts e_statesman on
    // where Calder is: that pair is a conflict, so the agreeing pair is
    // read from b_techwire's side.)
    let b = file(&snap, "b_techwire");
    let text = &snap.file(b).text;
    let h = claim_hover::hover(&snap, b, text.rfind("US$1,200 million").unwrap()).unwrap();
    let line = h
        .markdown
        .lines()
        .find(|l| l.contains("`a_reuters.txt`") && l.contains("same amount"))
        .unwrap_or_else(|| panic!("{}", h.markdown));
    assert!(
        line.contains("price: \"$1.2 billion\" there, \"US$1,200 million\" here"),
        "{line}"
    );
}

/// Facts of one event are compared; facts of two events of one kind never
/// are, whatever they share (a boxer, a donor).
#[test]
fn facts_are_compared_only_within_one_event() {
    let pairs_between = |dir: &str, x: &str, y: &str| {
        let snap = load(dir);
        let (fx, fy) = (file(&snap, x), file(&snap, y));
        let ix = snap.claims();
        let between = |a: u32, b: u32| (a == fx && b == fy) || (a == fy && b == fx);
        let conflicts = ix
            .conflict_pairs()
            .iter()
            .filter(|k| between(k.a.file, k.b.file))
            .count();
        let agreements = ix
            .corroboration_pairs()
            .iter()
            .filter(|k| between(k.a.file, k.b.file))
            .count();
        (conflicts, agreements)
    };
    // One quake: "killing at least 46" and "killing 16" on the same day.
    let (c, _) = pairs_between(
        "tests/corpora/claims-dev/quake-sumbawa",
        "a_reuters",
        "c_abc",
    );
    assert!(c >= 1, "the toll of one quake");
    // Two fights of one boxer, against different opponents, months apart.
    assert_eq!(
        pairs_between(
            "tests/corpora/claims-dev/boxing-wilk",
            "a_sky",
            "d_reuters_salas"
        ),
        (0, 0)
    );
    // Aid from one donor to two countries.
    let (c, _) = pairs_between(
        "tests/corpora/claims-dev/floods-mozambique",
        "a_afp",
        "d_malawi",
    );
    assert_eq!(c, 0, "aid to Mozambique and aid to Malawi");
    // One acquisition, two prices; the buyer's other acquisition apart.
    let (c, _) = pairs_between(
        "tests/corpora/claims-dev/acquisition-calder",
        "c_bizjournal",
        "e_statesman",
    );
    assert!(c >= 1, "the price of one acquisition");
}
