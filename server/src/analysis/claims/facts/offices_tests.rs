//! Offices read from sentences of invented news: qualifiers after the
//! country, a second role before the office, a description between the
//! choosing verb and the name, a qualifier joined to the organisation.
use crate::analysis::analyze_document;
use crate::analysis::claims::facts::FactBody;
use crate::analysis::claims::{analyze, ClaimSettings};
use crate::analysis::model::RoleQualifier;

/// (title, organisation, qualifier) of the office in the claim starting
/// with `starts`.
fn office(t: &str, starts: &str) -> (String, Option<String>, Option<RoleQualifier>) {
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    let c = fc
        .claims
        .iter()
        .find(|c| t[c.start..c.end].starts_with(starts))
        .unwrap_or_else(|| panic!("no claim '{starts}'"));
    c.facts
        .iter()
        .find_map(|f| match &f.body {
            FactBody::Role { role, .. } => {
                Some((role.title.clone(), role.org.clone(), role.qualifier))
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no office in '{starts}': {:#?}", c.facts))
}

#[test]
fn a_qualifier_after_the_country_is_no_portfolio_word() {
    let t = "Delfi | 24 November 2021\n\n\
        Lithuania's new health minister, Rasa Vaitkiene, takes over a ministry that has overspent.\n\n\
        Estonia's acting finance minister, Mart Kask, said the budget would be cut.\n";
    let lt = Some("Lithuania".to_string());
    assert_eq!(
        office(t, "Lithuania's new"),
        ("health minister".into(), lt, Some(RoleQualifier::Incoming))
    );
    let (title, org, q) = office(t, "Estonia's acting");
    assert_eq!(
        (title.as_str(), org.as_deref()),
        ("finance minister", Some("Estonia"))
    );
    assert_eq!(q, Some(RoleQualifier::Acting));
}

#[test]
fn the_office_after_a_founder_and_is_the_office_held() {
    let t = "May 16, 2023\n\n\
        Brightwell Labs co-founder and chief executive Nadia Kessler said in an interview that the money would pay for dentists.\n\n\
        Ostara Foods chairman and chief executive Paul Dunne said sales rose.\n\n\
        Kenya's water and sanitation minister Alice Wanjiru said the dam was finished.\n";
    assert_eq!(office(t, "Brightwell").0, "chief executive");
    assert_eq!(office(t, "Ostara").0, "chief executive");
    // Portfolio words joined by "and" stay one portfolio.
    assert_eq!(office(t, "Kenya's").0, "sanitation water minister");
}

#[test]
fn a_description_may_stand_between_the_choosing_verb_and_the_name() {
    let t = "Vilnius, November 23, 2021\n\n\
        Lithuania's parliament on Tuesday approved surgeon Dr Rasa Vaitkiene as health minister, ending a month of caretaker rule.\n\n\
        The party named Jonas Petraitis on Monday as its candidate for mayor of Kaunas.\n";
    let (title, org, _) = office(t, "Lithuania's parliament");
    assert_eq!(
        (title.as_str(), org.as_deref()),
        ("health minister", Some("Lithuania"))
    );
    // A time between the verb and the name is no description of the
    // person: "named X on Monday as its candidate" is no office held.
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    let roles = fc
        .claims
        .iter()
        .flat_map(|c| &c.facts)
        .filter(|f| matches!(f.body, FactBody::Role { .. }))
        .count();
    assert_eq!(roles, 1, "{:#?}", fc.claims);
}

#[test]
fn a_qualifier_joined_to_the_organisation_marks_a_past_holder() {
    let t = "December 17, 2024\n\n\
        The plan was drawn up by then-NATO Secretary General Jens Stoltenberg and his staff.\n";
    let (title, org, q) = office(t, "The plan");
    assert_eq!(
        (title.as_str(), org.as_deref()),
        ("secretary general", Some("NATO"))
    );
    assert_eq!(q, Some(RoleQualifier::Then));
}

#[test]
fn the_countrys_office_is_the_articles_country_and_a_description_may_have_two_parts() {
    let t = "ADDIS ABABA, June 2, 2023 (Reuters) - Habtamu Itefa, Ethiopia's Minister of Water and Environment, said on Friday the dam was finished.\n\n\
        The country's water minister, Habtamu Itefa, spoke in Addis Ababa.\n\n\
        Ethiopia's parliament on Thursday approved physician and former MP Lemma Gudeta as trade minister.\n";
    let eth = Some("Ethiopia".to_string());
    assert_eq!(
        office(t, "ADDIS ABABA"),
        ("environment water minister".into(), eth.clone(), None)
    );
    assert_eq!(
        office(t, "The country's"),
        ("water minister".into(), eth.clone(), None)
    );
    assert_eq!(
        office(t, "Ethiopia's parliament"),
        ("trade minister".into(), eth, None)
    );
}

#[test]
fn the_ministry_a_person_heads_is_the_ministers_office() {
    let t = "QUITO, May 14, 2024 (Reuters) - Lucía Benavides, who heads the Interior Ministry, said the guards were unharmed.\n\n\
        Rodrigo Salcedo, who heads Ecuador's ministry of the interior, spoke in Quito.\n\n\
        Marta Ruiz, who led the finance ministry until 2019, criticised the plan.\n";
    let ec = Some("Ecuador".to_string());
    assert_eq!(
        office(t, "QUITO"),
        ("interior minister".into(), ec.clone(), None)
    );
    assert_eq!(
        office(t, "Rodrigo Salcedo"),
        ("interior minister".into(), ec, None)
    );
    // "led ... until 2019": a past holder, never the present one.
    let (title, _, q) = office(t, "Marta Ruiz");
    assert_eq!(title, "finance minister");
    assert_eq!(q, Some(RoleQualifier::Former));
}

#[test]
fn a_top_diplomat_a_ceo_and_a_police_chief_have_the_keys_of_their_offices() {
    let t = "LAGOS, May 3, 2024 (Reuters) - The country's top diplomat, Yusuf Adamu, spoke with donors.\n\n\
        Norvik CEO Hanna Berg said the deal would close in June.\n\n\
        Lagos police chief Tunde Bakare said 40 people were rescued.\n\n\
        The governor of Lagos State, Kunle Adebayo, declared three days of mourning.\n";
    assert_eq!(
        office(t, "LAGOS").0,
        "foreign minister",
        "a country's top diplomat is its foreign minister"
    );
    assert_eq!(office(t, "Norvik").0, "chief executive");
    let (title, org, _) = office(t, "Lagos police");
    assert_eq!(
        (title.as_str(), org.as_deref()),
        ("police chief", Some("Lagos"))
    );
    // The rest of a name after "of <Place>" is no portfolio.
    let (title, org, _) = office(t, "The governor");
    assert_eq!(
        (title.as_str(), org.as_deref()),
        ("governor", Some("Lagos State"))
    );
}

#[test]
fn a_verb_before_the_office_is_no_portfolio_word() {
    let t = "MALMÖ, Oct 7, 2024 (TT) - Allsvenskan strugglers Västra Hamnen FK sacked head coach Mikael Sund on Monday.\n";
    assert_eq!(office(t, "MALMÖ").0, "head coach");
}

#[test]
fn an_office_without_a_country_keeps_none_beside_another_country() {
    let t = "HANOI, March 3, 2025 (Reuters) - Trade Minister Mark Delaney met Vietnam's Trade Minister Nguyen Thi Lan in Hanoi.\n\n\
        Trade Minister Mark Delaney said the pact would help Australian farmers sell beef in Vietnam.\n\n\
        Foreign Minister Tom Harwood met his Chilean counterpart Isabel Fuentes in Hanoi.\n\n\
        Finance Minister Pham Van Duc said the budget was ready.\n";
    // The country's holder is named beside him: he is someone else's.
    assert_eq!(office(t, "HANOI").1, None);
    // Another country's adjective, a counterpart: the article's country
    // is a guess.
    assert_eq!(office(t, "Trade Minister Mark Delaney said").1, None);
    assert_eq!(office(t, "Foreign Minister Tom").1, None);
    // Alone, an office of government is the article's country's.
    assert_eq!(
        office(t, "Finance Minister Pham").1.as_deref(),
        Some("Vietnam")
    );
}

#[test]
fn a_currency_prefix_is_no_country_of_the_article() {
    let t = "September 18, 2008\n\n\
        The Russian government kept the stock markets in Russia closed until Friday.\n\n\
        Finance Minister Alexei Kudrin said 500 billion rubles (US$ 19.7 billion) would be infused, with US$ 2.6 billion more from the budget and US$ 44.6 billion from banks.\n\n\
        Markets in Russia fell again.\n";
    assert_eq!(office(t, "Finance Minister").1.as_deref(), Some("Russia"));
}

#[test]
fn a_cabinet_secretary_is_the_minister_of_the_portfolio() {
    let t = "NAIROBI, May 3, 2024 - Interior Cabinet Secretary Kithure Mwangi said police would guard the site.\n\n\
        Sports CS Joseph Kiprono said the stadium in Nairobi would be ready in 2027.\n\n\
        The Cabinet Secretary for Interior, Amina Odhiambo, spoke later in Nairobi.\n";
    assert_eq!(office(t, "NAIROBI").0, "interior minister");
    assert_eq!(office(t, "Sports CS").0, "sports minister");
    assert_eq!(office(t, "The Cabinet").0, "interior minister");
}

/// Whether the claim starting with `starts` has an office at all.
fn has_office(t: &str, starts: &str) -> bool {
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    fc.claims
        .iter()
        .find(|c| t[c.start..c.end].starts_with(starts))
        .unwrap_or_else(|| panic!("no claim '{starts}'"))
        .facts
        .iter()
        .any(|f| matches!(f.body, FactBody::Role { .. }))
}

#[test]
fn a_company_officer_has_one_key_however_written() {
    let t = "June 3, 2024\n\n\
        Halvorsen Shipping CFO Ingrid Solberg said freight rates had peaked.\n\n\
        The group's finance chief, Ingrid Solberg, said costs were falling.\n\n\
        The group's finance director, Luc de Vries, said the dividend would be kept.\n\n\
        Chairwoman Liv Dahl said the board would meet in August.\n\n\
        Operations chief Arne Holt said two vessels were idle.\n\n\
        Nils Berg, its chief executive, said rates had peaked.\n";
    for starts in [
        "Halvorsen",
        "The group's finance chief",
        "The group's finance director",
    ] {
        assert_eq!(office(t, starts).0, "chief financial officer", "{starts}");
    }
    assert_eq!(office(t, "Chairwoman").0, "chair");
    assert_eq!(office(t, "Nils").0, "chief executive");
    assert_eq!(office(t, "Operations").0, "chief operating officer");
}

#[test]
fn a_title_several_hold_and_another_company_s_office_name_no_holder() {
    let t = "June 3, 2024\n\n\
        Sofie Lund, a managing director at Nordhavn Capital, said the deal was fair.\n\n\
        Rival Brekke Lines, whose chief executive Tor Brekke founded it in 1998, reports on Friday.\n\n\
        Kari Moen, the company's managing director, said the deal was fair.\n";
    assert!(!has_office(t, "Sofie"));
    // ("whose" after a name: that organisation's office, not the
    // file's.)
    let (title, org, _) = office(t, "Rival");
    assert_eq!(title, "chief executive");
    assert!(org.is_some_and(|o| o.ends_with("Brekke Lines")));
    assert_eq!(office(t, "Kari").0, "managing director");
}

#[test]
fn who_replaced_another_as_an_office_holds_it() {
    let t = "March 5, 2025\n\n\
        Amina Odhiambo, who replaced Peter Kamau as interior minister on Monday, visited the border on Wednesday.\n\n\
        Jonas Weber, who succeeded Anna Kraus as chief executive in 2021, said sales rose 4%.\n";
    assert_eq!(office(t, "Amina").0, "interior minister");
    assert_eq!(office(t, "Jonas").0, "chief executive");
}

#[test]
fn an_appointment_across_a_bare_description_and_no_holder_after_a_preposition() {
    let t = "May 7, 2025\n\n\
        Halden Bank named Mei Tanaka, head of its retail division, as its next chief executive on Tuesday.\n\n\
        Omar Said, who trained at Norvik Marine, has been appointed chief executive of Frankfurt-based Halden Bank.\n";
    let (title, _, q) = office(t, "Halden Bank named");
    assert_eq!(title, "chief executive");
    assert_eq!(q, Some(RoleQualifier::Incoming));
    // The school or firm after "at" is not who was appointed.
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    let named: Vec<&str> = fc
        .claims
        .iter()
        .flat_map(|c| &c.facts)
        .filter(|f| matches!(f.body, FactBody::Role { .. }))
        .map(|f| f.text.as_str())
        .collect();
    assert!(!named.iter().any(|f| f.starts_with("Norvik")), "{named:?}");
}

#[test]
fn its_office_belongs_to_the_organisation_named_last_before_it() {
    let t = "June 3, 2024 (Reuters)\n\n\
        Halvorsen Shipping will raise freight rates in July, the Norwegian company said on Monday.\n\n\
        Nils Berg, its chief executive, said fuel had never cost more.\n";
    let (title, org, _) = office(t, "Nils");
    assert_eq!(title, "chief executive");
    assert_eq!(org.as_deref(), Some("Halvorsen Shipping"));
}

/// Every office read in the claim starting with `starts`, as (holder as
/// written, title, organisation, qualifier).
fn offices_in(
    t: &str,
    starts: &str,
) -> Vec<(String, String, Option<String>, Option<RoleQualifier>)> {
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    let c = fc
        .claims
        .iter()
        .find(|c| t[c.start..c.end].starts_with(starts))
        .unwrap_or_else(|| panic!("no claim '{starts}'"));
    c.facts
        .iter()
        .filter_map(|f| match &f.body {
            FactBody::Role { role, person, .. } => Some((
                doc.mentions[*person as usize].text(t).to_string(),
                role.title.clone(),
                role.org.clone(),
                role.qualifier,
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn the_company_a_person_leads_names_its_chief_executive() {
    let t = "3 September 2025\n\n\
        Naomi Fletcher, who has led Tarrant Resources since 2017, said the pit would close.\n\n\
        Peter Lang, who led Tarrant Resources from 2009 to 2016, built the pit.\n\n\
        Ravi Singh, who has led the company's Pilbara operations since 2019, said crews would move.\n\n\
        Dana Ruiz, who heads Tarrant Resources in Australia, said prices would recover.\n";
    let now = offices_in(t, "Naomi Fletcher");
    assert_eq!(now.len(), 1, "{now:?}");
    assert_eq!(
        (now[0].1.as_str(), now[0].2.as_deref(), now[0].3),
        ("chief executive", Some("Tarrant Resources"), None)
    );
    let past = offices_in(t, "Peter Lang");
    assert_eq!(past[0].3, Some(RoleQualifier::Former));
    // A part of the company, or its business in a country: no office.
    assert!(offices_in(t, "Ravi Singh").is_empty());
    assert!(offices_in(t, "Dana Ruiz").is_empty());
}

#[test]
fn appointments_to_come_and_the_one_replaced() {
    let t = "June 10, 2025\n\n\
        Vantora Telecom said on Tuesday its new chief financial officer will be Sarah Lindqvist, currently finance director at a Danish shipping group.\n\n\
        Tomas Berg will join Vantora Telecom as CFO on September 1, replacing interim finance chief Eva Holm.\n\n\
        Rival Norcell named Paul Eriksson as its chief financial officer on the same day.\n";
    let a = offices_in(t, "Vantora Telecom said");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].0.as_str(), a[0].1.as_str(), a[0].3),
        (
            "Sarah Lindqvist",
            "chief financial officer",
            Some(RoleQualifier::Incoming)
        )
    );
    let c = offices_in(t, "Tomas Berg");
    let berg = c.iter().find(|o| o.0 == "Tomas Berg").expect("Berg");
    assert_eq!(
        (berg.1.as_str(), berg.2.as_deref(), berg.3),
        (
            "chief financial officer",
            Some("Vantora Telecom"),
            Some(RoleQualifier::Incoming)
        )
    );
    let holm = c.iter().find(|o| o.0 == "Eva Holm").expect("Holm");
    assert_eq!(
        (holm.1.as_str(), holm.3),
        ("chief financial officer", Some(RoleQualifier::Acting))
    );
    let n = offices_in(t, "Rival Norcell");
    assert_eq!(n[0].2.as_deref(), Some("Norcell"));
}

#[test]
fn a_minister_sworn_in_replaces_a_predecessor() {
    let t = "October 14, 2025\n\n\
        Ghana's president swore in Kwame Asante as finance minister on Tuesday, replacing Ama Boateng, who resigned last week.\n";
    let o = offices_in(t, "Ghana's president");
    let new = o.iter().find(|o| o.0 == "Kwame Asante").expect("Asante");
    assert_eq!(
        (new.1.as_str(), new.2.as_deref()),
        ("finance minister", Some("Ghana"))
    );
    let old = o.iter().find(|o| o.0 == "Ama Boateng").expect("Boateng");
    assert_eq!(
        (old.1.as_str(), old.3),
        ("finance minister", Some(RoleQualifier::Outgoing))
    );
}

#[test]
fn the_judge_of_a_case_is_the_judge_of_its_defendant() {
    let t = "2 October 2025\n\n\
        Judge Helen Carter of Southwark Crown Court on Thursday sentenced former fund manager Daniel Price to nine years in prison.\n\n\
        Daniel Price was jailed for nine years on Thursday by Judge Helen Carter.\n\n\
        At the same court, Judge Martin Hale jailed a former accountant, Rita Vance, for four years.\n\n\
        District Judge Sam Okafor had refused Price bail in March.\n\n\
        Judge Martin Hale, who handed down the sentence, said Price had shown no remorse.\n";
    let case = crate::analysis::claims::roles::CASE_JUDGE;
    let judge = |starts: &str| -> Vec<(String, Option<String>)> {
        offices_in(t, starts)
            .into_iter()
            .filter(|o| o.1 == case)
            .map(|o| (o.0, o.2))
            .collect()
    };
    assert_eq!(
        judge("Judge Helen Carter"),
        vec![("Helen Carter".into(), Some("Daniel Price".into()))]
    );
    assert_eq!(
        judge("Daniel Price was"),
        vec![("Helen Carter".into(), Some("Daniel Price".into()))]
    );
    assert_eq!(
        judge("At the same court"),
        vec![("Martin Hale".into(), Some("Rita Vance".into()))]
    );
    // Bail is another decision; a clause between the verb and the
    // person says nothing of whose sentence it was.
    assert!(judge("District Judge").is_empty());
    assert!(judge("Judge Martin Hale, who").is_empty());
}

#[test]
fn a_judge_without_a_defendant_in_the_sentence_takes_the_documents_only_one() {
    let case = crate::analysis::claims::roles::CASE_JUDGE;
    let judge = |t: &str, starts: &str| -> Vec<(String, Option<String>)> {
        offices_in(t, starts)
            .into_iter()
            .filter(|o| o.1 == case)
            .map(|o| (o.0, o.2))
            .collect()
    };
    let one = "12 March 2026\n\n\
        A former aide, Musa Danjuma, was sentenced to seven years in prison on Thursday.\n\n\
        Justice Bello Yusuf of the Federal High Court suspended two years of the term because Danjuma had returned part of the money.\n";
    // (The recogniser may keep only "Yusuf" of a name it does not know.)
    let j = judge(one, "Justice Bello Yusuf");
    assert_eq!(j.len(), 1, "{j:?}");
    assert!(j[0].0.ends_with("Yusuf"));
    assert_eq!(j[0].1.as_deref(), Some("Musa Danjuma"));
    // Two people sentenced in the document: whose term is unknown.
    let two = "2 October 2025\n\n\
        Daniel Price was jailed for nine years on Thursday.\n\n\
        Judge Martin Hale sentenced Price's co-defendant, Tom Hill, to five years.\n\n\
        Judge Helen Carter suspended part of the term because Price had repaid investors.\n";
    assert!(judge(two, "Judge Helen Carter").is_empty());
    assert!(judge(two, "Judge Martin Hale").is_empty());
}

#[test]
fn a_judge_who_presides_is_the_judge_of_the_documents_case() {
    let case = crate::analysis::claims::roles::CASE_JUDGE;
    let judge = |t: &str, starts: &str| -> Vec<(String, Option<String>)> {
        offices_in(t, starts)
            .into_iter()
            .filter(|o| o.1 == case)
            .map(|o| (o.0, o.2))
            .collect()
    };
    let t = "20 February 2026\n\n\
        Daniel Croft, the former treasurer of a council, was sentenced to nine years in prison on Friday.\n\n\
        Judge Helena Marsh, who presided over the five-week trial, said Croft had betrayed his colleagues.\n\n\
        Presiding judge Helena Marsh told Croft his crimes were calculated.\n\n\
        The presiding judge, Helena Marsh, said the losses had caused hardship.\n\n\
        The panel, chaired by Judge Helena Marsh, found him guilty on five counts.\n\n\
        Judge Martin Pryce, who presided over the separate trial of Croft's accountant Alan Reeve, acquitted him.\n\n\
        Judge Martin Pryce said the court would sit again in March.\n";
    let marsh = vec![("Helena Marsh".to_string(), Some("Daniel Croft".to_string()))];
    for starts in [
        "Judge Helena Marsh, who presided",
        "Presiding judge",
        "The presiding judge",
        "The panel, chaired",
    ] {
        assert_eq!(judge(t, starts), marsh, "{starts}");
    }
    // Another defendant's trial, and a judge who neither decides nor
    // presides: no judge of Croft's case.
    assert!(judge(t, "Judge Martin Pryce, who presided").is_empty());
    assert!(judge(t, "Judge Martin Pryce said").is_empty());
}

#[test]
fn the_incumbent_a_winner_succeeds_leaves_the_contested_office() {
    let t = "10 November 2026\n\n\
        Andres Villa defeated incumbent Marta Ochoa in Sunday's runoff for mayor of Medellin, results showed.\n\n\
        Camila Rojas won the race for mayor of Valparaiso on Sunday and succeeds incumbent Jorge Paredes, who did not stand.\n\n\
        Incumbent Jorge Paredes said he would campaign for the party in Valparaiso.\n\n\
        Rojas defeated incumbent councillor Ana Diaz in the vote on Sunday.\n";
    let o = offices_in(t, "Andres Villa");
    assert!(
        o.iter().any(|o| o.0 == "Marta Ochoa"
            && o.1 == "mayor"
            && o.2.as_deref() == Some("Medellin")
            && o.3 == Some(RoleQualifier::Outgoing)),
        "{o:?}"
    );
    let o = offices_in(t, "Camila Rojas");
    assert!(
        o.iter().any(|o| o.0 == "Jorge Paredes"
            && o.1 == "mayor"
            && o.3 == Some(RoleQualifier::Outgoing)),
        "{o:?}"
    );
    // No contested office named, or no winner succeeding: no holding read.
    assert!(offices_in(t, "Incumbent Jorge Paredes")
        .iter()
        .all(|o| o.1 != "mayor"));
    assert!(offices_in(t, "Rojas defeated")
        .iter()
        .all(|o| o.1 != "mayor"));
}

#[test]
fn a_judge_with_a_surname_particle_or_who_speaks_of_the_defendant_is_the_case_judge() {
    let case = crate::analysis::claims::roles::CASE_JUDGE;
    let judge = |t: &str, starts: &str| -> Vec<(String, Option<String>)> {
        offices_in(t, starts)
            .into_iter()
            .filter(|o| o.1 == case)
            .map(|o| (o.0, o.2))
            .collect()
    };
    let t = "30 March 2023\n\n\
        Judge Pieter van Rooyen on Thursday jailed former finance chief Themba Mokoena for 15 years.\n";
    let j = judge(t, "Judge Pieter");
    assert_eq!(j.len(), 1, "{j:?}");
    assert!(j[0].0.ends_with("Rooyen"), "{j:?}");
    assert_eq!(j[0].1.as_deref(), Some("Themba Mokoena"));
    let t = "30 March 2023\n\n\
        Themba Mokoena was jailed for 15 years on Thursday.\n\n\
        Judge Nomvula Dlamini said Mokoena had shown no remorse.\n\n\
        Judge Nomvula Dlamini said the court would rise early.\n";
    assert_eq!(
        judge(t, "Judge Nomvula Dlamini said Mokoena"),
        vec![(
            "Nomvula Dlamini".to_string(),
            Some("Themba Mokoena".to_string())
        )]
    );
    // Words that do not name the defendant: any judge of the court.
    assert!(judge(t, "Judge Nomvula Dlamini said the court").is_empty());
}

#[test]
fn an_organisation_written_as_a_reference_is_read_with_the_office() {
    let t = "14 July 2026\n\n\
        The mine is run by Kestrel Mining, whose chief executive, Omar Vale, said rescuers were close.\n\n\
        Federation president Adrian Pop said the league would resume.\n\n\
        Company head Dana Roe said the airline could not pay more.\n\n\
        Incumbent mayor Karl Weber said he expected to win.\n\n\
        Mihai Dobre, president of the Romanian Rugby Federation, said the decision was final.\n\n\
        Assets of former transport minister Dan Stoica were seized on Tuesday.\n";
    let (title, org, _) = office(t, "The mine");
    assert_eq!(
        (title.as_str(), org.as_deref()),
        ("chief executive", Some("Kestrel Mining"))
    );
    let (title, org, _) = office(t, "Federation");
    assert_eq!(
        (title.as_str(), org.as_deref()),
        ("president", Some("federation"))
    );
    let (title, org, _) = office(t, "Company head");
    assert_eq!((title.as_str(), org.as_deref()), ("head", Some("company")));
    assert_eq!(office(t, "Incumbent").0, "mayor");
    let (title, org, _) = office(t, "Mihai Dobre");
    assert_eq!(
        (title.as_str(), org.as_deref()),
        ("president", Some("Romanian Rugby Federation"))
    );
    let (title, _, q) = office(t, "Assets");
    assert_eq!(
        (title.as_str(), q),
        ("transport minister", Some(RoleQualifier::Former))
    );
}
