//! Offices written without their organisation ("Prime Minister Ilze
//! Kalnina", "Chief Executive Hugo Brandt", "the union's chairman"): the
//! organisation the file is about stands in for it, unless the file or
//! the sentence says otherwise.
use std::collections::{BTreeMap, HashMap};

use super::sig::{FileCx, Sig, SigContext, UNSTATED_ORG};
use super::FactRef;
use crate::analysis::claims::dates::{max_distance, Ymd};
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
    holder: u32,
) -> Option<String> {
    // The holder's own name is no other organisation, however the
    // recogniser typed it ("Pieter de Graaf, the company's chief
    // executive" read as an organisation there).
    let holder_key = fx
        .me
        .get(holder as usize)
        .map(|&e| ascii_key(&cx.entities[e as usize].canonical));
    let named = || {
        claim
            .names
            .iter()
            .filter_map(|&m| fx.me.get(m as usize))
            .map(|&e| &cx.entities[e as usize])
            .filter(|e| holder_key.as_ref() != Some(&ascii_key(&e.canonical)))
    };
    if super::story::office_of_state(title) {
        // "Outgoing president X" in a report of a regional election: the
        // president of the region the file is about (Italian, Spanish,
        // French regions have one), not the country's.
        let of_region = fx.story.main_place.is_some_and(|p| {
            crate::analysis::claims::resolve::place_kind(&cx.entities[p as usize]).as_deref()
                == Some("region")
        });
        if of_region && matches!(title, "president" | "vice president") {
            return None;
        }
        let country = fx.story.country.clone()?;
        // "Trade Minister Mark Delaney met Vietnam's Trade Minister
        // Nguyen Thi Lan": the country's holder is named, and is another.
        let stated_beside = claim.facts.iter().any(|f| match &f.body {
            crate::analysis::claims::facts::FactBody::Role { role, .. } => {
                role.title == title
                    && role
                        .org
                        .as_ref()
                        .is_some_and(|o| ascii_key(o) == ascii_key(&country))
            }
            _ => false,
        });
        // "... would help Australian farmers": another country's
        // adjective in the sentence (its content stems, lower case).
        let other_demonym = claim.stems.iter().any(|w| {
            let c = crate::analysis::claims::roles::demonym_to_country(w);
            *c != **w && ascii_key(&c) != ascii_key(&country)
        });
        let counterpart = claim.stems.iter().any(|w| w.starts_with("counterpart"));
        if stated_beside || other_demonym || counterpart {
            return None;
        }
        let elsewhere = named().any(|e| {
            e.kind == EntityKind::Location
                && country_of(e).is_some_and(|c| c != "-" && c != country)
        });
        return (!elsewhere).then_some(country);
    }
    if office_of_city(title) {
        // "She will replace outgoing mayor X": the city the file tells
        // of (the one it names most, or the only one it names), unless the
        // sentence names another city.
        let is_city = |e: &crate::analysis::linking::Entity| {
            e.kind == EntityKind::Location
                && crate::analysis::claims::resolve::place_kind(e).as_deref() == Some("city")
        };
        let mut cities: Vec<u32> = fx
            .me
            .iter()
            .copied()
            .filter(|&e| is_city(&cx.entities[e as usize]))
            .collect();
        cities.sort_unstable();
        cities.dedup();
        let main = fx
            .story
            .main_place
            .filter(|&e| is_city(&cx.entities[e as usize]))
            .or_else(|| (cities.len() == 1).then(|| cities[0]))?;
        let city = &cx.entities[main as usize];
        let other = named().any(|e| {
            e.kind == EntityKind::Location
                && crate::analysis::claims::resolve::place_kind(e).as_deref() == Some("city")
                && !std::ptr::eq(e, city)
        });
        return (!other).then(|| city.canonical.clone());
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

/// The organisation of an office written with a body noun for it
/// ("Company head X", "federation president Y", "the agency's executive
/// secretary"): the organisation the file is about, when the noun fits
/// its name (see [`roles::noun_fits_name`]) and the sentence names no
/// other organisation. Whatever the title, no country: "federation
/// president" is no head of state.
pub(super) fn body_org(
    cx: &SigContext,
    fx: &FileCx,
    claim: &Claim,
    noun: &str,
    holder: u32,
) -> Option<String> {
    let noun = noun.trim_end_matches("'s");
    let org = fx.story.org?;
    let ent = &cx.entities[org as usize];
    let holder_key = fx
        .me
        .get(holder as usize)
        .map(|&e| ascii_key(&cx.entities[e as usize].canonical));
    let fits = crate::analysis::claims::roles::noun_fits_name(noun, &ent.canonical);
    let other = claim
        .names
        .iter()
        .filter_map(|&m| fx.me.get(m as usize))
        .map(|&e| &cx.entities[e as usize])
        .filter(|e| holder_key.as_ref() != Some(&ascii_key(&e.canonical)))
        .any(|e| {
            e.kind == EntityKind::Organization
                && !std::ptr::eq(e, ent)
                && !fx
                    .outlets
                    .iter()
                    .any(|o| ascii_key(o) == ascii_key(&e.canonical))
        });
    (fits && !other).then(|| ent.canonical.clone())
}

/// Offices of a city, one holder each: the city the file is about holds
/// one written without its city ("outgoing mayor X").
pub(super) fn office_of_city(title: &str) -> bool {
    matches!(title, "mayor" | "lord mayor")
}

/// A file that names two holders of one office as current ("Secretary
/// General Mark Rutte", "Secretary General Jens Stoltenberg") tells of
/// its past and present without saying which is which: an organisation
/// implied for either is a guess the file itself contradicts, so such
/// offices only agree. A holder the file calls former ("Mwale's
/// predecessor, former water minister Grace Zulu") marks the past
/// itself and leaves the present holder's office as it is.
///
/// A company officer at another company the file names ("Ferrox Metals
/// chief executive Dana Ruiz" beside "CEO Michael Okoro") is no second
/// holder of this one. (Of offices of state it is: "Trade Minister X met
/// Australian Trade Minister Y" leaves open whose minister X is.)
pub(super) fn unimply_where_the_file_names_two(sigs: &mut [(FactRef, Sig)]) {
    let holders: Vec<(String, u32, Option<String>)> = sigs
        .iter()
        .filter_map(|(_, s)| match s {
            Sig::Role {
                title,
                person,
                current: true,
                implied,
                org,
                ..
            } => {
                // (Nor is the director of another race the file names.)
                let of_company = super::story::office_of_company(title)
                    || crate::analysis::claims::roles::is_single_in_story(title);
                Some((
                    title.clone(),
                    *person,
                    (!*implied && of_company).then(|| org.clone()),
                ))
            }
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
            outgoing,
            ..
        } = s
        {
            let rival = holders.iter().any(|(t, p, stated)| {
                t == title && p != person && stated.as_ref().is_none_or(|o| o == org)
            });
            // The holder leaving ("She will replace outgoing mayor X") is
            // the present holder's predecessor in the same office, which
            // the file's time makes no guess.
            if *implied && rival && !*outgoing {
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
    // "New Economy Minister X", "Lithuania's new health minister, X".
    let role = role_text.to_ascii_lowercase();
    if !role
        .split_whitespace()
        .any(|w| w == "new" || w.starts_with("newly"))
    {
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

/// Whether a fact tells of the start of a holding: an appointment ("was
/// sworn in as", "appointed X as"), a holder called new and in office,
/// or one to come ("its new chief financial officer will be X",
/// "incoming chief executive X"). An acting, former or outgoing holder
/// starts nothing.
pub(super) fn starts(
    q: Option<crate::analysis::model::RoleQualifier>,
    fact_text: &str,
    claim: &crate::analysis::claims::Claim,
    when: Option<(Ymd, Ymd)>,
) -> bool {
    use crate::analysis::model::RoleQualifier::{Future, Incoming};
    // "X, who joined as chief executive in 2019", in a report of 2025:
    // a start long before the report, no news of one.
    let other_year = claim.stems.iter().any(|w| {
        w.len() == 4
            && w.parse::<i32>().is_ok_and(|y| {
                (1900..2100).contains(&y) && when.is_some_and(|(lo, hi)| y < lo.y || y > hi.y)
            })
    });
    if other_year {
        return false;
    }
    match q {
        None => appointed(fact_text, claim),
        Some(Incoming | Future) => true,
        Some(_) => false,
    }
}

/// A holder the file says has left or is leaving the office ("former
/// chief operating officer Anna Vogt", the one an appointee replaces) is
/// not its holder in the file's other sentences either ("Vogt, chief
/// operating officer since 2012, will stay on as an adviser").
pub(super) fn predecessors_leave(sigs: &mut [(FactRef, Sig)]) {
    let gone: Vec<(String, u32)> = sigs
        .iter()
        .filter_map(|(_, s)| match s {
            Sig::Role {
                title,
                person,
                left: true,
                ..
            } => Some((title.clone(), *person)),
            _ => None,
        })
        .collect();
    if gone.is_empty() {
        return;
    }
    for (_, s) in sigs.iter_mut() {
        if let Sig::Role {
            title,
            person,
            current,
            starts,
            left,
            ..
        } = s
        {
            if !*left && gone.iter().any(|(t, p)| t == title && p == person) {
                *current = false;
                *starts = false;
                *left = true;
            }
        }
    }
}

/// "parliament approved X as health minister", "X was sworn in as": the
/// fact tells of the start of a holding.
pub(super) fn appointed(fact_text: &str, claim: &crate::analysis::claims::Claim) -> bool {
    fact_text.contains(" as ")
        && claim.stems.iter().any(|w| {
            // ("named" stems to "nam", too short a prefix to match by.)
            &**w == "nam"
                || [
                    "approv", "appoint", "sworn", "swore", "confirm", "elect", "install", "name",
                    "took", "chose", "replac", "succeed",
                ]
                .iter()
                .any(|p| w.starts_with(p))
        })
}

/// The folder's word on offices its files leave open, as settled copies
/// of signatures (file, position in its list, signature) in list order;
/// the lists themselves are left as they are:
/// - an office of an undated file is dated by the events it shares with
///   dated reports ([`super::undated`]);
/// - an organisation implied or left unknown takes the one another file
///   states for the same person and title ([`settle_implied_orgs`]);
/// - a shorter title names the office a fuller one of the same
///   organisation names, when only one does ("water minister" and "water
///   and sanitation minister" of Zambia, see [`fuller_title`]).
pub(super) fn settle_roles(
    entities: &[crate::analysis::linking::Entity],
    per_file: &[&[(FactRef, Sig)]],
    undated: Option<&mut super::undated::MemoUse>,
) -> Vec<(usize, usize, Sig)> {
    let mut settled: BTreeMap<(usize, usize), Sig> = settle_implied_orgs(per_file)
        .into_iter()
        .map(|(f, k, s)| ((f, k), s))
        .collect();
    // Offices of undated files take the time of the events they report.
    let mut undated = undated;
    super::undated::date_offices_by_events(
        entities,
        per_file,
        &mut settled,
        undated.as_deref_mut(),
    );
    // Offices written without organisation take the story's.
    super::story_offices::lend_story_orgs(entities, per_file, &mut settled, undated);
    // Read in place: a signature is copied only when it is settled (every
    // build of the folder's index goes through each of them five times).
    fn at<'a>(
        settled: &'a BTreeMap<(usize, usize), Sig>,
        per_file: &'a [&[(FactRef, Sig)]],
        f: usize,
        k: usize,
    ) -> &'a Sig {
        settled.get(&(f, k)).unwrap_or(&per_file[f][k].1)
    }
    // A name left unresolved that is the end of exactly one other
    // organisation's name ("Rovers manager" in a folder about "Dunmore
    // Rovers") is that organisation.
    let mut orgs: Vec<(String, String)> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (f, list) in per_file.iter().enumerate() {
        for k in 0..list.len() {
            if let Sig::Role { org, org_text, .. } = at(&settled, per_file, f, k) {
                if org != UNSTATED_ORG && seen.insert(org.as_str()) {
                    orgs.push((org.clone(), org_text.clone()));
                }
            }
        }
    }
    drop(seen);
    let org_keys: Vec<String> = orgs.iter().map(|(_, t)| ascii_key(t)).collect();
    for (f, list) in per_file.iter().enumerate() {
        for k in 0..list.len() {
            let fuller = match at(&settled, per_file, f, k) {
                Sig::Role { org, org_text, .. } => fuller_org(org, org_text, &orgs, &org_keys),
                _ => None,
            };
            if let Some((o, t)) = fuller {
                let mut sig = at(&settled, per_file, f, k).clone();
                if let Sig::Role { org, org_text, .. } = &mut sig {
                    *org = o;
                    *org_text = t;
                }
                settled.insert((f, k), sig);
            }
        }
    }
    // A holder whose appointment the file reports ("appointed Sean Doyle
    // as manager") starts in office then in its other sentences too
    // ("Rovers manager Sean Doyle said"): a report dated before the start
    // that names the predecessor tells of the past, not of a rival.
    // So does a report from another outlet dated within a week after the
    // appointment ("Finance Minister Carla Benavides said on Tuesday", the
    // day after another report has her appointed): what a report of a
    // month before says of her predecessor is no rival either.
    let mut started_anywhere: Vec<Started> = Vec::new();
    for (f, list) in per_file.iter().enumerate() {
        for k in 0..list.len() {
            if let Sig::Role {
                title,
                org,
                person,
                starts: true,
                when,
                ..
            } = at(&settled, per_file, f, k)
            {
                if org.as_str() != UNSTATED_ORG {
                    started_anywhere.push((title.clone(), org.clone(), *person, *when));
                }
            }
        }
    }
    for (f, list) in per_file.iter().enumerate() {
        let started: Vec<(String, String, u32)> = (0..list.len())
            .filter_map(|k| match at(&settled, per_file, f, k) {
                Sig::Role {
                    title,
                    org,
                    person,
                    starts: true,
                    ..
                } => Some((title.clone(), org.clone(), *person)),
                _ => None,
            })
            .collect();
        if started.is_empty() && started_anywhere.is_empty() {
            continue;
        }
        for k in 0..list.len() {
            let starts_here = match at(&settled, per_file, f, k) {
                Sig::Role {
                    title,
                    org,
                    person,
                    starts: false,
                    current: true,
                    when,
                    ..
                } => {
                    started
                        .iter()
                        .any(|(t, o, p)| t == title && o == org && p == person)
                        || started_anywhere.iter().any(|(t, o, p, w)| {
                            t == title && o == org && p == person && soon_after(*when, *w)
                        })
                }
                _ => false,
            };
            if starts_here {
                let mut sig = at(&settled, per_file, f, k).clone();
                if let Sig::Role { starts, .. } = &mut sig {
                    *starts = true;
                }
                settled.insert((f, k), sig);
            }
        }
    }
    // The titles of each organisation across the folder.
    let mut titles: HashMap<String, Vec<String>> = HashMap::new();
    for (f, list) in per_file.iter().enumerate() {
        for k in 0..list.len() {
            if let Sig::Role { title, org, .. } = at(&settled, per_file, f, k) {
                if org != UNSTATED_ORG {
                    let v = match titles.get_mut(org.as_str()) {
                        Some(v) => v,
                        None => titles.entry(org.clone()).or_default(),
                    };
                    if !v.contains(title) {
                        v.push(title.clone());
                    }
                }
            }
        }
    }
    for (f, list) in per_file.iter().enumerate() {
        for k in 0..list.len() {
            let full = match at(&settled, per_file, f, k) {
                Sig::Role { title, org, .. } => titles
                    .get(org.as_str())
                    .and_then(|v| fuller_title(title, v)),
                _ => None,
            };
            if let Some(full) = full {
                let mut sig = at(&settled, per_file, f, k).clone();
                if let Sig::Role { title, .. } = &mut sig {
                    *title = full;
                }
                settled.insert((f, k), sig);
            }
        }
    }
    super::offices_heads::settle_generic_heads(per_file, &mut settled);
    settled.into_iter().map(|((f, k), s)| (f, k, s)).collect()
}

/// A holding whose start a report tells of: title, organisation key,
/// holder, the day.
type Started = (String, String, u32, Option<(Ymd, Ymd)>);

/// Whether `at` is the day of `start` or within a week after it.
fn soon_after(at: Option<(Ymd, Ymd)>, start: Option<(Ymd, Ymd)>) -> bool {
    matches!((at, start), (Some(a), Some(s)) if a.0 >= s.0 && max_distance(a, s) <= 7)
}

/// The one organisation among `orgs` (key, text) whose name ends in the
/// words of `org_text`, when `org` is a name no entity was found for.
/// None when two would do ("United" with "Manchester United" and
/// "Newcastle United").
/// `keys` holds the [`ascii_key`] of each of `orgs`' texts.
fn fuller_org(
    org: &str,
    org_text: &str,
    orgs: &[(String, String)],
    keys: &[String],
) -> Option<(String, String)> {
    if org_text.is_empty() || org == UNSTATED_ORG {
        return None;
    }
    let unresolved = org.starts_with("text:");
    let short = ascii_key(org_text);
    let mut fuller = orgs
        .iter()
        .zip(keys)
        .zip(orgs)
        .filter(|(((o, _), long), (_, long_text))| {
            o != org
            && long.len() > short.len()
            && long.ends_with(&short)
            && long[..long.len() - short.len()].ends_with(' ')
            // A name the recogniser found is another's unless what the
            // longer adds is a place before it ("State Emergency
            // Management Agency" of "Kano State Emergency Management
            // Agency"; not "National Museum" of "Kenya National Museum
            // Trust").
            && (unresolved || {
                let extra = long_text
                    .len()
                    .checked_sub(org_text.len())
                    .and_then(|n| long_text.get(..n))
                    .map(str::trim)
                    .unwrap_or("");
                short.split(' ').count() >= 2
                    && long_text.ends_with(org_text)
                    && crate::analysis::claims::resolve::place_kind_of_name(extra).is_some()
            })
        });
    let ((one, _), _) = fuller.next()?;
    fuller.next().is_none().then(|| one.clone())
}

/// The one fuller title among `titles` (of one organisation) that
/// `title` is short for: the same head, and every word of its portfolio
/// among the other's ("water minister" for "sanitation water minister").
/// None when two fuller titles would do ("water minister" with "water
/// resources minister" and "sanitation water minister": which is meant
/// is unknown), for titles without a portfolio ("minister"), and for
/// offices of their own name ("foreign minister" is not the "foreign
/// trade minister").
fn fuller_title(title: &str, titles: &[String]) -> Option<String> {
    if crate::analysis::claims::roles::SINGLE_HOLDER.contains(&title) {
        return None;
    }
    let (head, portfolio) = split_title(title)?;
    let mut fuller = titles.iter().filter(|t| {
        t.as_str() != title
            && split_title(t).is_some_and(|(h, p)| {
                h == head && p.len() > portfolio.len() && portfolio.iter().all(|w| p.contains(w))
            })
    });
    let one = fuller.next()?;
    fuller.next().is_none().then(|| one.clone())
}

/// A title's head and its portfolio words ("sanitation water minister"
/// -> "minister", ["sanitation", "water"]); None without a portfolio.
fn split_title(title: &str) -> Option<(&str, Vec<&str>)> {
    let mut words: Vec<&str> = title.split(' ').collect();
    let head = words.pop()?;
    (!words.is_empty()).then_some((head, words))
}

/// A role whose organisation was implied by its file ("Prime Minister
/// Andris Ozols" in a report from Riga) takes the organisation another
/// file writes with the same person and title, when one does: the file's
/// country is a guess, what a report states is not. Returns the settled
/// copies of such signatures, as (file, position in its list, signature),
/// in list order; the lists themselves are left as they are.
fn settle_implied_orgs(per_file: &[&[(FactRef, Sig)]]) -> Vec<(usize, usize, Sig)> {
    let mut stated: HashMap<(&str, u32), (&str, &str)> = HashMap::new();
    for (_, sig) in per_file.iter().copied().flatten() {
        if let Sig::Role {
            title,
            org,
            org_text,
            person,
            implied: false,
            ..
        } = sig
        {
            // (An organisation left unknown states none.)
            if org == UNSTATED_ORG {
                continue;
            }
            stated
                .entry((title.as_str(), *person))
                .or_insert_with(|| (org.as_str(), org_text.as_str()));
        }
    }
    let mut out = Vec::new();
    if stated.is_empty() {
        return out;
    }
    for (fi, list) in per_file.iter().enumerate() {
        for (k, (_, sig)) in list.iter().enumerate() {
            if let Sig::Role {
                title,
                person,
                implied: true,
                ..
            } = sig
            {
                if let Some((o, t)) = stated.get(&(title.as_str(), *person)) {
                    let mut settled = sig.clone();
                    if let Sig::Role { org, org_text, .. } = &mut settled {
                        *org = o.to_string();
                        *org_text = t.to_string();
                    }
                    out.push((fi, k, settled));
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "offices_tests.rs"]
mod tests;
