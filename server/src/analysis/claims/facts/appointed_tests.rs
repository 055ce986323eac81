//! Appointments written with the appointee set apart from the verb: by
//! an aside after the name, or by the one replaced before the office.
use crate::analysis::analyze_document;
use crate::analysis::claims::facts::FactBody;
use crate::analysis::claims::{analyze, ClaimSettings};

/// (title, holder, organisation) of every office in the claim starting
/// with `starts`.
fn offices(t: &str, starts: &str) -> Vec<(String, String, Option<String>)> {
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
                doc.mentions[*person as usize].text(t).to_string(),
                role.org.clone(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn an_aside_between_the_name_and_the_appointment_leaves_the_appointee() {
    let t = "FRANKFURT, Nov 20 (Reuters) - Priya Natarajan, who grew up in Chennai, has been appointed chief executive of Kestrel Bank, the lender said on Wednesday.\n\n\
        Ignacio Fuenzalida, a senator, became economy minister.\n\n\
        Rodrigo Valdivieso, 55, was sworn in as finance minister.\n\n\
        Hugo Brandt, who has been chief executive since 2017, said he would stay.\n";
    let ceo = offices(t, "FRANKFURT");
    assert!(
        ceo.iter()
            .any(|(title, who, _)| title == "chief executive" && who == "Priya Natarajan"),
        "{ceo:?}"
    );
    let senator = offices(t, "Ignacio");
    assert!(
        senator
            .iter()
            .any(|(title, who, _)| title == "economy minister" && who == "Ignacio Fuenzalida"),
        "{senator:?}"
    );
    let aged = offices(t, "Rodrigo");
    assert!(
        aged.iter()
            .any(|(title, who, _)| title == "finance minister" && who == "Rodrigo Valdivieso"),
        "{aged:?}"
    );
    // A holding the clause itself states is read as before.
    let holds = offices(t, "Hugo");
    assert!(
        holds
            .iter()
            .all(|(title, who, _)| title == "chief executive" && who == "Hugo Brandt"),
        "{holds:?}"
    );
}

#[test]
fn an_appointee_replacing_someone_holds_the_office_named_after() {
    let t = "LONDON, Feb 3 (Reuters) - Kestrel Aerospace has appointed Hannah Okafor to replace Gerald Pike as chief executive from April 1, the company said on Wednesday.\n";
    let o = offices(t, "LONDON");
    assert!(
        o.iter()
            .any(|(title, who, _)| title == "chief executive" && who == "Hannah Okafor"),
        "{o:?}"
    );
    // The one replaced is not the appointee.
    assert!(
        !o.iter().any(|(title, who, _)| who == "Gerald Pike"
            && title == "chief executive"
            && o.len() == 1),
        "{o:?}"
    );
}
