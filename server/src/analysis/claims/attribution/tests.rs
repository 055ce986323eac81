use super::*;
use crate::analysis::analyze_document;

fn atts(t: &str) -> Vec<Attribution> {
    let doc = analyze_document(t);
    let settings = crate::analysis::claims::ClaimSettings::default();
    let cx = Context {
        text: t,
        doc: &doc,
        settings: &settings,
    };
    let body: Vec<bool> = doc
        .structure
        .sentences
        .iter()
        .map(|s| !doc.structure.paragraphs[s.paragraph as usize].boilerplate)
        .collect();
    find(&cx, &body)
}

fn names(a: &Attribution) -> Vec<(&str, SourceKind)> {
    a.chain.iter().map(|s| (s.name.as_str(), s.kind)).collect()
}

#[test]
fn named_and_anonymous_sources() {
    let a = atts("NATO will lead the mission, Stoltenberg said on Monday in Brussels.");
    assert_eq!(names(&a[0]), vec![("Stoltenberg", SourceKind::Named)]);
    let a = atts("The plan was drafted in Brussels, according to sources in diplomatic circles.");
    assert_eq!(a[0].chain[0].kind, SourceKind::Anonymous);
    assert!(a[0].anonymous_only());
    let a = atts("The alliance will act in Ukraine, notes a Reuters source.");
    assert_eq!(
        names(&a[0]),
        vec![
            ("Reuters", SourceKind::Named),
            ("a Reuters source", SourceKind::Anonymous)
        ]
    );
    assert!(a[0].anonymous_only());
}

#[test]
fn a_quotation_opened_after_a_colon_covers_its_paragraph() {
    let t = "Asked about Ukraine, Stoltenberg replied: \"We need predictability. We saw that the United States spent six months on aid.\"";
    let a = atts(t);
    assert_eq!(a[0].scope, Scope::Paragraph);
    assert_eq!(effective(&a, 1, 0), (vec![0], Some(Scope::Paragraph)));
}

#[test]
fn anaphora_resolve_to_the_outlet_named_before() {
    let t = "NATO will lead the mission in Ukraine. This was reported by Bloomberg.\n\nAccording to the agency, the plan comes from Washington.";
    let a = atts(t);
    assert_eq!(a[0].scope, Scope::Document);
    assert!(a[0].only_attribution);
    assert_eq!(a[1].chain[0].name, "Bloomberg");
    assert_eq!(a[1].chain[0].text, "the agency");
    assert_eq!(a[1].scope, Scope::Paragraph);
}

#[test]
fn effective_attribution_prefers_sentence_then_paragraph_then_document() {
    let t = "NATO will lead the mission in Ukraine. This was reported by Reuters.\n\nAccording to Politico, the plan comes from Washington. It was drafted in Brussels.\n\nThe mission starts in Germany, Stoltenberg said.";
    let a = atts(t);
    // "This was reported by Reuters" covers its own paragraph, then
    // the document.
    assert_eq!(effective(&a, 0, 0), (vec![0], Some(Scope::Paragraph)));
    assert_eq!(a[0].scope, Scope::Document);
    assert_eq!(effective(&a, 3, 1), (vec![1], Some(Scope::Paragraph)));
    // Stoltenberg speaks inside the Reuters report.
    let (v, level) = effective(&a, 4, 2);
    assert_eq!(level, Some(Scope::Sentence));
    assert_eq!(v.len(), 2);
    assert_eq!(a[v[0] as usize].chain[0].name, "Reuters");
}

/// (source text, kind) of the first attribution of a one-sentence text.
fn first(t: &str) -> Option<(String, SourceKind)> {
    atts(t)
        .first()
        .and_then(|a| a.chain.last())
        .map(|s| (s.text.clone(), s.kind))
}

#[test]
fn unnamed_institutional_sources_are_anonymous() {
    use SourceKind::Anonymous;
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("A company representative confirmed that 300 jobs will go in Leeds.", "A company representative"),
        ("Local officials said 12 people died in the flood in Sindh.", "Local officials"),
        ("The toll in Gaza rose to 30, according to reports from the scene.", "reports from the scene"),
        ("It was said that the plant in Leeds would close in May.", "It was said"),
        ("The plant in Leeds will close, according to sources.", "sources"),
        ("A spokesperson who declined to be named confirmed the deal with Siemens.", "A spokesperson"),
        ("People familiar with the matter said the Siemens deal was close.", "People familiar with the matter"),
        ("State media said the ship sank near Hainan.", "State media"),
        ("It is understood that Siemens will cut 300 jobs.", "It is understood"),
        ("Residents said the shelling of Kharkiv lasted two hours.", "Residents"),
        // An unnamed spokesperson is nobody on record, even for a named
        // body (the "a company representative").
        ("A NATO spokesperson confirmed the deployment to Estonia.", "A NATO spokesperson"),
        ("The deployment to Estonia is complete, said a NATO spokesperson.", "a NATO spokesperson"),
    ];
    for (t, src) in cases {
        assert_eq!(first(t), Some((src.to_string(), Anonymous)), "{t}");
    }
}

#[test]
fn named_sources_in_any_order_and_with_typos() {
    use SourceKind::Named;
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("NATO Secretary General Jens Stoltenberg said the alliance would act.", "Jens Stoltenberg"),
        ("State broadcaster CCTV said the ship sank near Hainan.", "CCTV"),
        ("The strike killed 40 people in Kharkiv, the broadcaster estimates.", "the broadcaster"),
        ("Siemens will cut 300 jobs in Leeds, according the CEO.", "the CEO"),
        ("Siemens will cut 300 jobs in Leeds, acording to Reuters.", "Reuters"),
        ("Twelve people died in Sindh, as per the ministry.", "the ministry"),
        ("Twelve people died in Sindh, police said.", "police"),
        ("Maria Lopez, a Spanish nurse and former volunteer, has claimed that the Church of Scientology held her.", "Maria Lopez"),
        ("Maria Lopez claims she was sent to the ship aged 18.", "Maria Lopez"),
    ];
    for (t, src) in cases {
        let got = atts(t);
        let s = got
            .first()
            .and_then(|a| a.chain.last())
            .unwrap_or_else(|| panic!("{t}: none"));
        assert_eq!((s.name.as_str(), s.kind), (*src, Named), "{t}");
    }
    // "recording" is no typo of "according".
    assert!(atts("The band released a recording to fans in Leeds.").is_empty());
}

#[test]
fn unnamed_people_and_unidentified_bodies_are_anonymous() {
    use SourceKind::Anonymous;
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("Workers said the road near Tarnow had been closed for two weeks.", "Workers"),
        ("Neighbours said the house in Leeds had been empty since May.", "Neighbours"),
        ("Eyewitnesses said the bus in Kandy was travelling fast.", "Eyewitnesses"),
        ("Rescuers said 12 people were pulled from the river near Kandy.", "Rescuers"),
        ("City staff said the bridge in Tarnow reopened on Tuesday.", "City staff"),
        ("Some doctors' unions said the hospital in Lyon had two surgeons on duty.", "Some doctors' unions"),
        ("Railway unions said the strike in Lyon would last three days.", "Railway unions"),
        ("People in the club said the fire in Lyon started near the stage.", "People in the club"),
        ("The plant in Leeds will close, said sources familiar with the plans.", "sources familiar with the plans"),
        ("A person close to the company said the Leeds plant would close.", "A person close to the company"),
        ("A spokeswoman for Corvane said the data of 3,000 customers in Leeds was stolen.", "A spokeswoman for Corvane"),
        ("Meteorologists say warmer seas in the Bay of Bengal make storms stronger.", "Meteorologists"),
        ("Lawyers said the ruling in Luxembourg would make appeals harder.", "Lawyers"),
        ("Critics, however, say the stadium in Nairobi will be late.", "Critics"),
    ];
    for (t, src) in cases {
        assert_eq!(first(t), Some((src.to_string(), Anonymous)), "{t}");
    }
}

#[test]
fn described_bodies_and_identified_people_are_named() {
    use SourceKind::Named;
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        // A body described, not named, speaks on record as that body.
        ("A bus carrying 40 pilgrims fell into a ravine near Kandy, the state's disaster management agency said.", "the state's disaster management agency"),
        ("The strike in Lyon will last three days, the workers' union said.", "the workers' union"),
        // A study's team is identified by the study.
        ("The researchers said the diet lowered the risk of stroke in Oslo.", "The researchers"),
    ];
    for (t, src) in cases {
        let got = atts(t);
        let s = got
            .first()
            .and_then(|a| a.chain.last())
            .unwrap_or_else(|| panic!("{t}: none"));
        assert_eq!((s.text.as_str(), s.kind), (*src, Named), "{t}");
    }
    // Economists in a named outlet's poll: the poll is on record.
    let a = atts("Eighteen of 24 economists polled by Reuters expect a cut in Warsaw.");
    let s = a[0].chain.last().unwrap();
    assert_eq!((s.name.as_str(), s.kind), ("Reuters", Named));
    // Who is told is not a source.
    let a = atts("Twelve people died in Zagreb, he told reporters in Zagreb.");
    assert!(a
        .iter()
        .all(|a| a.chain.iter().all(|s| !s.text.contains("reporters"))));
}

#[test]
fn a_body_reporting_its_own_figures_is_no_outlet() {
    let a = atts("Corvane reported revenue of £1.4bn last year.");
    let s = &a[0].chain[0];
    assert_eq!(
        (s.name.as_str(), s.kind, s.outlet),
        ("Corvane", SourceKind::Named, false)
    );
    assert!(!a[0].only_attribution, "the figures are what it says");
    // A report of news is still an outlet's.
    let a = atts("Eviralnews reported that the plant in Leeds would close.");
    assert!(a[0].chain[0].outlet);
}

#[test]
fn asides_passives_and_outlets_that_understand_rest_on_unnamed_sources() {
    let a = atts("Officials at the ministry, speaking on condition of anonymity, said the curve in Tarnow was dangerous.");
    assert_eq!(
        first_of(&a),
        Some((
            "Officials at the ministry".to_string(),
            SourceKind::Anonymous
        ))
    );
    let a = atts("The two miners in Copiapo were said to be in good condition.");
    assert_eq!(
        first_of(&a),
        Some(("were said to".to_string(), SourceKind::Anonymous))
    );
    let a = atts("Sky Sports News understands the striker will join Brentford for £30m.");
    assert!(a[0].anonymous_only(), "{:?}", a[0].chain);
    assert!(a[0].chain[0].outlet);
    // A person who understands is no relay.
    let a = atts("Maria Lopez understands the concerns of the workers in Leeds.");
    assert!(a.iter().all(|a| !a.anonymous_only()));
}

fn first_of(a: &[Attribution]) -> Option<(String, SourceKind)> {
    a.first()
        .and_then(|a| a.chain.last())
        .map(|s| (s.text.clone(), s.kind))
}

/// The innermost source of the last attribution of `t`, name and kind.
fn last_source(t: &str) -> Option<(String, SourceKind)> {
    atts(t)
        .last()
        .and_then(|a| a.chain.last())
        .map(|s| (s.name.clone(), s.kind))
}

#[test]
fn named_sources_across_appositions_and_fronted_phrases() {
    use SourceKind::*;
    let cases: &[(&str, &str)] = &[
        (
            "K.C. Maurer, chief financial officer and treasurer at the Harlow Foundation, said 500 institutions were invited.",
            "Maurer",
        ),
        (
            "After the match, Hernan Gomez, Panama coach, said the team had lost 3-0.",
            "Hernan Gomez",
        ),
        (
            "Professor Cres Eastman, Director of the National Nutrition Study, and Chairman of the Australian Centre for Nutrition, says 40 percent of children are deficient.",
            "Cres Eastman",
        ),
    ];
    for (t, who) in cases {
        let (name, kind) = last_source(t).unwrap_or_else(|| panic!("no source in {t}"));
        assert!(name.contains(who), "{t}: {name}");
        assert_eq!(kind, Named, "{t}");
    }
    // A study or analysis the sentence names is a source on record.
    for t in [
        "The results of the National Nutrition Study, published in the Medical Journal of Australia this week, revealed that 45 percent of children are deficient.",
        "The Tribune's recent analysis of its own traffic statistics concluded that 56 percent of visitors used Chrome.",
    ] {
        assert_eq!(last_source(t).map(|s| s.1), Some(Named), "{t}");
    }
    // Who is spoken of is not who speaks.
    let t = "The six-member team, which consists entirely of girls, had been denied visas until last week.";
    assert_eq!(last_source(t), None);
}

#[test]
fn unnamed_sources_with_a_count_or_a_reduced_relative() {
    use SourceKind::*;
    let t = "Meridian agreed to buy Castell Foods for $2.1 billion, according to two people with knowledge of the deal.";
    assert_eq!(last_source(t).map(|s| s.1), Some(Anonymous));
    // "many people Wikinews observed": Wikinews observed them.
    let t = "In fact, many people Wikinews observed took out their phones as they left for the evening.";
    assert_eq!(last_source(t).map(|s| s.1), Some(Named));
    // "The report's authors" are people of a report the story names.
    let t = "The study was published on Monday.\n\nThe report's authors say iodine deficiency is a serious issue.";
    assert_eq!(last_source(t).map(|s| s.1), Some(Named));
}

#[test]
fn a_pronoun_source_is_placed_at_the_pronoun() {
    let t = "Two officials said 300 troops had crossed the border.\n\nThey say 40 tanks were seen near the town.";
    let a = atts(t);
    assert_eq!(a.len(), 2);
    let (first, second) = (&a[0].chain[0], &a[1].chain[0]);
    assert_eq!(second.kind, SourceKind::Anonymous);
    assert_eq!(&t[second.start..second.end], "They");
    assert_ne!(
        first.start, second.start,
        "one source, reported once per place"
    );
}

#[test]
fn a_name_after_its_role_speaks_and_an_impersonal_source_covers_its_sentence() {
    let t = "Investigators should finish their work by the end of the month, the transport minister, Makame Mbarawa, said.";
    let a = atts(t);
    assert_eq!(a[0].chain[0].kind, SourceKind::Named);
    assert!(a[0].chain[0].name.contains("Mbarawa"), "{:?}", a[0].chain);
    let t = "It was said that the captain had ignored a storm warning.\n\nThe vessel was built in 1998 at a cost of $2 million.";
    let a = atts(t);
    assert_eq!(a[0].scope, Scope::Sentence);
    assert_eq!(effective(&a, 1, 1), (vec![], None));
}

#[test]
fn comparisons_participles_and_clauses_after_the_verb_are_no_sources() {
    // A comparison with a forecast, a participle describing a noun, a
    // preposition or a pronoun's clause after an inverted verb, and
    // unnamed bodies telling of their own figures name nobody.
    for t in [
        "Sales at Ford rose 24 percent in March, more than analysts had predicted.",
        "Pre-orders of the recently announced iPhone 4 began Tuesday in Cupertino.",
        "The new phone, revealed at the company's annual conference in San Francisco, drew attention.",
        "Car sales in the United States fell 35 percent in January as manufacturers reported their January sales.",
    ] {
        assert_eq!(first(t), None, "{t}");
    }
    // The body that opens the sentence speaks, not "it was seeking".
    let t = "Accredited Home Loan Lending, another major mortgage lender, said it was seeking fresh capital from Lone Star.";
    let (src, kind) = first(t).expect("a source");
    assert_eq!(kind, SourceKind::Named, "{src}");
    assert!(src.contains("Accredited"), "{src}");
}

#[test]
fn a_participle_of_saying_speaks_for_the_subject_of_the_main_clause() {
    let t = "Assistant Secretary Marvin Sambur defended the Air Force decision on Monday, saying the lease of 100 tankers was fair.";
    assert_eq!(
        first(t),
        Some(("Marvin Sambur".to_string(), SourceKind::Named))
    );
    // After a fronted clause the subject is the name after its comma,
    // not the one inside the clause.
    let t = "When the Air Force selected Northrop Grumman in February, Boeing challenged the award in a protest, claiming the evaluation was skewed.";
    assert_eq!(first(t), Some(("Boeing".to_string(), SourceKind::Named)));
    // Without a named subject the participle names nobody.
    let t = "The union rejected the offer of 3 percent, arguing that prices rose 5 percent.";
    assert_eq!(first(t), None);
}

#[test]
fn a_passive_of_saying_names_no_source_in_its_subject() {
    // The subject is what is said of, however named.
    for t in [
        "Senior officials at the Treasury are said to have pushed for the sale of the port.",
        "Gomez is said to have been persuaded after a single meeting in Madrid on Monday.",
    ] {
        let a = atts(t);
        assert!(a[0].anonymous_only(), "{t}: {:?}", a[0].chain);
    }
    // An impersonal "it is said to" stays a hedge, and a named speaker
    // who "said" stays on record.
    let a = atts("The Treasury said on Monday that it would sell the port for $2 billion.");
    assert!(!a[0].anonymous_only(), "{:?}", a[0].chain);
}

#[test]
fn unnamed_officers_of_a_body_are_anonymous() {
    for t in [
        "Prosecutors in Lyon said on Friday they had opened an inquiry into the contracts.",
        "Investigators said the pilot had reported an engine fire at 3,000 feet.",
    ] {
        let a = atts(t);
        assert!(a[0].anonymous_only(), "{t}: {:?}", a[0].chain);
    }
    // A named prosecutor's office is on record.
    let a = atts("The Split county prosecutor's office said on Friday it had opened an inquiry.");
    assert!(!a[0].anonymous_only(), "{:?}", a[0].chain);
}

#[test]
fn a_named_speaker_with_an_apposition_or_a_role_is_on_record() {
    for t in [
        // The clause said is no inverted subject.
        "Jim Porter, the fire chief, said 14 firefighters were injured in the blaze.",
        // A role before the name, a participle after it.
        "\"It took too long for the money to arrive,\" said Uralsib analyst Chris Weafer commenting on the decision.",
        // A name the recogniser may miss, capitalised mid-sentence.
        "Mike Gikas of Consumer Reports said the phone lost its signal when held.",
        "\"The dealer network is key to the plan,\" said Press.",
    ] {
        let a = atts(t);
        assert!(!a.is_empty(), "{t}");
        assert!(!a[0].anonymous_only(), "{t}: {:?}", a[0].chain);
    }
    // Near misses: unnamed people after a name, or opening the sentence.
    for t in [
        "Trump aides said the meeting had been cancelled on Monday.",
        "Officials said the river could rise further overnight.",
    ] {
        let a = atts(t);
        assert!(a.iter().any(|x| x.anonymous_only()), "{t}: {a:?}");
    }
}

#[test]
fn bodies_reporting_their_own_figures_for_a_month_are_no_sources() {
    let a = atts(
        "Other companies also reported February sales today, nearly all reporting sales gains.",
    );
    assert!(a.iter().all(|x| !x.anonymous_only()), "{a:?}");
}

#[test]
fn a_body_reporting_its_own_figures_with_a_comment_after_cites_nobody() {
    let a = atts("Other companies also reported February sales today , nearly all reporting sales gains as well , although none as large as those of Ford .");
    assert!(a.iter().all(|x| !x.anonymous_only()), "{a:?}");
    // Near miss: what unnamed people say, in a clause, rests on them.
    let a = atts("Other companies reported that sales had risen in February, although none as fast as Ford's.");
    assert!(a.iter().any(|x| x.anonymous_only()), "{a:?}");
}

#[test]
fn commented_and_remarked_name_their_source() {
    let a = atts("EADS chief executive Louis Gallois commented \"This major selection is a win for our customers.\"");
    assert!(
        a.iter()
            .any(|a| names(a).iter().any(|(n, _)| n.contains("Gallois"))),
        "{a:?}"
    );
    let a = atts("The deal will create 1,500 jobs, Mayor Ana Ruiz remarked on Friday.");
    assert!(
        a.iter()
            .any(|a| names(a).iter().any(|(n, _)| n.contains("Ruiz"))),
        "{a:?}"
    );
}
