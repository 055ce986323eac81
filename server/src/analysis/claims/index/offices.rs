//! Offices written without their organisation ("Prime Minister Ilze
//! Kalnina", "Chief Executive Hugo Brandt", "the union's chairman"): the
//! organisation the file is about stands in for it, unless the file or
//! the sentence says otherwise.
use super::sig::{FileCx, Sig, SigContext, UNSTATED_ORG};
use super::FactRef;
use crate::analysis::claims::resolve::country_of;
use crate::analysis::claims::Claim;
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;

/// The organisation of a role written without one ("Prime Minister Ilze
/// Kalnina", "Chief Executive Hugo Brandt"): the country the file is
/// about for offices of state, the organisation it is about for offices
/// of a company, unless the sentence names another (a place in another
/// country, another organisation: "The Riga-based lender named ... as
/// chief executive" in a file of briefs).
pub(super) fn implied_org(
    cx: &SigContext,
    fx: &FileCx,
    claim: &Claim,
    title: &str,
) -> Option<String> {
    let named = || {
        claim
            .names
            .iter()
            .filter_map(|&m| fx.me.get(m as usize))
            .map(|&e| &cx.entities[e as usize])
    };
    if super::story::office_of_state(title) {
        let country = fx.story.country.clone()?;
        let elsewhere = named().any(|e| {
            e.kind == EntityKind::Location
                && country_of(e).is_some_and(|c| c != "-" && c != country)
        });
        return (!elsewhere).then_some(country);
    }
    if super::story::office_of_company(title) {
        let org = fx.story.org?;
        let other = named().any(|e| {
            e.kind == EntityKind::Organization
                && !std::ptr::eq(e, &cx.entities[org as usize])
                && !fx
                    .outlets
                    .iter()
                    .any(|o| ascii_key(o) == ascii_key(&e.canonical))
        });
        return (!other).then(|| cx.entities[org as usize].canonical.clone());
    }
    None
}

/// A file that names two holders of one office ("Secretary General Mark
/// Rutte", "then-NATO Secretary General Jens Stoltenberg") tells of its
/// past and present: an organisation implied for either is a guess the
/// file itself contradicts, so such offices only agree.
pub(super) fn unimply_where_the_file_names_two(sigs: &mut [(FactRef, Sig)]) {
    let holders: Vec<(String, u32)> = sigs
        .iter()
        .filter_map(|(_, s)| match s {
            Sig::Role { title, person, .. } => Some((title.clone(), *person)),
            _ => None,
        })
        .collect();
    for (_, s) in sigs.iter_mut() {
        if let Sig::Role {
            title,
            person,
            org,
            org_text,
            implied,
            ..
        } = s
        {
            if *implied && holders.iter().any(|(t, p)| t == title && p != person) {
                // (Not to be settled from another file either.)
                *org = UNSTATED_ORG.to_string();
                org_text.clear();
                *implied = false;
            }
        }
    }
}

/// "New Economy Minister Petra Šimić took office on Friday": a holder
/// called new is in office now, unless the sentence hedges or puts the
/// start ahead ("will be sworn in", "is expected to", "designate").
pub(super) fn in_office_now(
    q: Option<crate::analysis::model::RoleQualifier>,
    role_text: &str,
    claim: &crate::analysis::claims::Claim,
) -> bool {
    if q != Some(crate::analysis::model::RoleQualifier::Incoming) {
        return false;
    }
    let role = role_text.to_ascii_lowercase();
    if !(role.starts_with("new ") || role.starts_with("newly")) {
        return false;
    }
    claim.hedges.is_empty()
        && !claim.stems.iter().any(|w| {
            [
                "design", "incom", "expect", "will", "would", "next", "futur",
            ]
            .iter()
            .any(|p| w.starts_with(p))
        })
}

/// "parliament approved X as health minister", "X was sworn in as": the
/// fact tells of the start of a holding.
pub(super) fn appointed(fact_text: &str, claim: &crate::analysis::claims::Claim) -> bool {
    fact_text.contains(" as ")
        && claim.stems.iter().any(|w| {
            [
                "approv", "appoint", "sworn", "swore", "confirm", "elect", "install", "name",
                "took", "chose",
            ]
            .iter()
            .any(|p| w.starts_with(p))
        })
}
