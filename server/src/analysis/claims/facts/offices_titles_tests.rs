//! Offices outside the fixed titles, read from sentences of invented
//! news: a courtesy title or a rank between the office and the name,
//! titles of a district, a court or a province, lists of appointments.
use crate::analysis::analyze_document;
use crate::analysis::claims::facts::FactBody;
use crate::analysis::claims::{analyze, ClaimSettings};

/// (title, organisation, holder as written) of the offices in the claim
/// starting with `starts`.
fn offices(t: &str, starts: &str) -> Vec<(String, Option<String>, String)> {
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
                role.title.clone(),
                role.org.clone(),
                doc.mentions[*person as usize].text(t).to_string(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn a_courtesy_title_or_a_rank_between_office_and_name_is_no_office() {
    let t = "LUSAKA, 12 March 2026 (Xinhua) -- Cholera has killed 14 people in Zambia's Northern Province.\n\n\
        Northern Province medical officer Dr Mwila Chanda told Xinhua the outbreak began in Kasama.\n\n\
        Limpopo police commissioner Lieutenant General Thembi Hadebe said officers were deployed.\n";
    let o = offices(t, "Northern Province medical");
    assert_eq!(o.len(), 1, "{o:?}");
    assert_eq!(o[0].0, "medical officer");
    assert_eq!(o[0].1.as_deref(), Some("Northern Province"));
    assert!(o[0].2.ends_with("Mwila Chanda"), "{o:?}");
    let o = offices(t, "Limpopo police");
    assert_eq!(o.len(), 1, "{o:?}");
    assert_eq!(
        (o[0].0.as_str(), o[0].1.as_deref()),
        ("police commissioner", Some("Limpopo"))
    );
}

#[test]
fn district_collectors_and_presiding_judges_are_read() {
    let t = "BHOPAL, 12 August 2026 -- Floods cut off 40 villages in Madhya Pradesh.\n\n\
        District collector Anjali Verma said relief camps were open in 12 villages.\n\n\
        The court, under presiding judge Markus Seidl, found the driver guilty of negligence.\n\n\
        Presiding judge Andrea Hofbauer said the driver had ignored the warnings.\n";
    let o = offices(t, "District collector");
    assert_eq!((o[0].0.as_str(), o[0].1.as_deref()), ("collector", None));
    let o = offices(t, "The court, under");
    assert_eq!(o[0].0, "presiding judge", "{o:?}");
    let o = offices(t, "Presiding judge");
    assert_eq!(
        (o[0].0.as_str(), o[0].1.as_deref()),
        ("presiding judge", None)
    );
}

#[test]
fn a_labelled_list_of_appointments_names_ministers() {
    let t = "ZAGREB, 12 March 2026 (Reuters) -- Croatia's new government was sworn in on Thursday.\n\n\
        The new cabinet:\n\
        Prime Minister: Davor Kelava\n\
        Finance: Goran Tomić (Civic Alliance), who was until last week the chief economist of a bank\n\
        Foreign Affairs: Ana Jurić (Civic Alliance)\n\n\
        The interior ministry goes to Marko Perić, a former police chief.\n";
    let o = offices(t, "Finance: Goran");
    assert_eq!(o.len(), 1, "{o:?}");
    assert_eq!(
        (o[0].0.as_str(), o[0].1.as_deref()),
        ("finance minister", Some("Croatia"))
    );
    assert_eq!(offices(t, "Foreign Affairs:")[0].0, "foreign minister");
    assert_eq!(offices(t, "Prime Minister:")[0].0, "prime minister");
    assert_eq!(
        offices(t, "The interior ministry")[0].0,
        "interior minister"
    );
}

#[test]
fn labels_of_a_transcript_are_no_portfolios() {
    let t = "ZAGREB, 12 March 2026 -- The government answered questions on the budget.\n\n\
        Host: Ivana Horvat\n\
        Guest: Davor Kelava\n\n\
        Kelava said the budget would be revised.\n";
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    assert!(
        fc.claims
            .iter()
            .flat_map(|c| &c.facts)
            .all(|f| !matches!(f.body, FactBody::Role { .. })),
        "{:#?}",
        fc.claims
    );
}

#[test]
fn general_ending_a_title_is_no_rank() {
    let t = "BRUSSELS, 12 March 2026 -- NATO allies met in Brussels.\n\n\
        NATO Secretary General Jens Stoltenberg said the alliance would help.\n";
    let o = offices(t, "NATO Secretary");
    assert_eq!(o[0].0, "secretary general", "{o:?}");
}

#[test]
fn a_ministry_taken_over_names_its_minister() {
    let t = "SANTIAGO, 10 January 2026 -- Chile's president reshuffled the cabinet on Tuesday.\n\n\
        Rodrigo Valdivieso, a respected technocrat, takes over the finance ministry after a row over pensions.\n";
    let o = offices(t, "Rodrigo Valdivieso");
    assert_eq!(o[0].0, "finance minister", "{o:?}");
}

#[test]
fn a_name_described_as_a_person_holds_the_portfolio_handed_to_it() {
    let t = "LJUBLJANA, 12 March 2026 -- Parliament approved Slovenia's new government on Thursday.\n\n\
        The finance ministry goes to Matej Kovač, a former central bank economist.\n";
    let o = offices(t, "The finance ministry");
    assert_eq!(o.len(), 1, "{o:?}");
    assert_eq!(
        (o[0].0.as_str(), o[0].2.as_str()),
        ("finance minister", "Matej Kovač")
    );
}
