//! Offices written without their organisation, given the one the
//! story's other reports establish. A page with no dateline and few
//! places ("The regional governor, Sofia Dimou, said ...", "the
//! company's chief executive") leaves its offices without an
//! organisation and a time; the folder's reports of the same story say
//! whose they are. Lent at comparison time, over the folder's signature
//! lists: each file's own list stays a function of the file.
//!
//! - An office of a fixed title (prime minister, chief executive) takes
//!   the one organisation the folder's other reports give that title,
//!   when they give one and only one, and the page fits their story.
//! - An office that has one holder in its story ("race director", "fire
//!   chief", "mission commander", "regional governor", see
//!   [`roles::is_single_in_story`]) and that no report gives an
//!   organisation is the story's: the reports naming it must all tell one
//!   story (one country, one kind of event, no place apart).
//! - An undated office so lent takes the time of the dated reports it is
//!   compared with.
//!
//! A folder with two stories of one kind (two fires, two companies' deals)
//! lends nothing to a page that could be of either.
use std::collections::BTreeMap;
use std::sync::Arc;

use super::event::class;
use super::sig::{FileCx, Sig, UNSTATED_ORG};
use super::undated::MemoUse;
use super::FactRef;
use crate::analysis::claims::dates::{max_distance, Ymd};
use crate::analysis::claims::frames::EventKind;
use crate::analysis::claims::resolve::place_kind;
use crate::analysis::claims::roles;
use crate::analysis::linking::Entity;
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;

/// What a file tells of its story, for an office it writes without an
/// organisation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RoleHome {
    /// The country its places are in (most of them, or its one place).
    pub country: Option<String>,
    /// The kind of event it tells of most.
    pub class: Option<EventKind>,
    /// The place below a country it names most.
    pub place: Option<u32>,
    /// The places below a country the file names (their folded names,
    /// sorted, a few at most).
    pub places: Vec<String>,
    /// The organisations it names (but the outlets it relies on), alike.
    pub orgs: Vec<String>,
    /// The common noun written for the organisation ("the company's
    /// chief executive": "company"), if any.
    pub possessor: Option<String>,
}

/// Common nouns a report writes for the body its story is about, and
/// whether that body is a place (a country, a region, a city) rather
/// than an organisation. Other nouns ("the bank's chairman" in a story of
/// a company's listing) may be another body: nothing is lent to them.
fn possessor_is_place(noun: &str) -> Option<bool> {
    match noun.trim_end_matches("'s") {
        "country" | "government" | "nation" | "state" | "region" | "province" | "city" | "town"
        | "district" | "county" | "island" => Some(true),
        "company" | "firm" | "group" | "club" | "team" | "union" | "carrier" | "airline"
        | "lender" | "operator" | "maker" | "trust" | "organisation" | "organization"
        | "agency" | "league" | "federation" | "party" | "mission" | "race" | "festival" => {
            Some(false)
        }
        _ => None,
    }
}

/// Whether an office written with `possessor` may take `org_text` (a
/// place when `place`).
fn possessor_fits(possessor: Option<&str>, place: bool) -> bool {
    match possessor {
        None => true,
        Some(p) => {
            let p = p.trim_end_matches("'s");
            possessor_is_place(p) == Some(place)
                || !place && roles::is_body_noun(p) && !roles::is_kind_noun(p)
        }
    }
}

/// Places of a file kept in its offices' homes.
const MAX_PLACES: usize = 8;

/// Days around the dated reports an undated office lent their story is
/// taken to hold (as [`super::undated`] does for shared events).
const AROUND_DAYS: i64 = 7;

/// Widest span of the dated reports' offices that makes one time.
const ONE_TIME_DAYS: i64 = 31;

/// Whether an office's organisation as written leaves it to the story:
/// nothing, or one common noun ("the company's", "the region's"); not "the
/// neighbouring district's", which is another's.
pub(super) fn unwritten(org: Option<&str>) -> bool {
    match org {
        None => true,
        Some(o) => {
            let mut words = o.split_whitespace();
            let one = words.next();
            words.next().is_none()
                && one.is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '\''))
        }
    }
}

pub(super) fn home_of(entities: &[Entity], fx: &FileCx, possessor: Option<&str>) -> RoleHome {
    let names = |kind: EntityKind| -> Vec<String> {
        let mut v: Vec<String> = fx
            .me
            .iter()
            .filter_map(|&e| entities.get(e as usize))
            .filter(|e| e.kind == kind)
            .filter(|e| match kind {
                EntityKind::Location => place_kind(e).as_deref() != Some("country"),
                _ => !fx
                    .outlets
                    .iter()
                    .any(|o| ascii_key(o) == ascii_key(&e.canonical)),
            })
            .map(|e| ascii_key(&e.canonical))
            .collect();
        v.sort();
        v.dedup();
        v.truncate(MAX_PLACES);
        v
    };
    RoleHome {
        places: names(EntityKind::Location),
        orgs: names(EntityKind::Organization),
        possessor: possessor.map(str::to_string),
        country: fx
            .story
            .country
            .clone()
            .or_else(|| fx.story.sole_country.clone()),
        class: fx.story.lead().map(|u| class(u.kind)),
        place: fx.story.main_place,
    }
}

/// What a file's signatures tell of its story: the countries, kinds of
/// events and places of the events it reports (background and other
/// events left out), and its offices' homes.
#[derive(Default, Debug)]
pub(super) struct FileStory {
    countries: Vec<String>,
    classes: Vec<EventKind>,
    /// The kinds of event its offices' homes say it tells of most.
    leads: Vec<EventKind>,
    /// Who takes part in its events, and whose amounts it states.
    parties: Vec<u32>,
    /// The folded names of its places, and of its parties and the
    /// organisations it names.
    names: Vec<String>,
    party_names: Vec<String>,
    /// The folded names of those taking part in its events or stating
    /// its amounts only (not every organisation it names).
    actor_names: Vec<String>,
    places: Vec<u32>,
}

fn push<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn file_story(entities: &[Entity], list: &[(FactRef, Sig)]) -> FileStory {
    let mut fs = FileStory::default();
    for (_, s) in list {
        let event = match s {
            Sig::Quantity {
                event,
                country,
                subject,
                ..
            } => {
                if let Some(c) = country {
                    push(&mut fs.countries, c.clone());
                }
                if let Some(p) = subject {
                    push(&mut fs.parties, *p);
                }
                event.as_deref()
            }
            Sig::Event { event, .. } | Sig::EventPlace { event, .. } => Some(event),
            Sig::Role { home: Some(h), .. } => {
                if let Some(c) = &h.country {
                    push(&mut fs.countries, c.clone());
                }
                if let Some(k) = h.class {
                    push(&mut fs.classes, k);
                    push(&mut fs.leads, k);
                }
                if let Some(p) = h.place {
                    push(&mut fs.places, p);
                }
                for n in &h.places {
                    push(&mut fs.names, n.clone());
                }
                for n in &h.orgs {
                    push(&mut fs.party_names, n.clone());
                }
                None
            }
            _ => None,
        };
        if let Some(e) = event.filter(|e| !e.another) {
            push(&mut fs.classes, class(e.kind));
            if let Some(c) = &e.country {
                push(&mut fs.countries, c.clone());
            }
            for &p in &e.places {
                push(&mut fs.places, p);
            }
            for &p in &e.participants {
                push(&mut fs.parties, p);
            }
        }
    }
    for &e in &fs.places {
        if let Some(ent) = entities.get(e as usize) {
            push(&mut fs.names, ascii_key(&ent.canonical));
        }
    }
    for &e in &fs.parties {
        if let Some(ent) = entities.get(e as usize) {
            push(&mut fs.party_names, ascii_key(&ent.canonical));
            push(&mut fs.actor_names, ascii_key(&ent.canonical));
        }
    }
    fs
}

/// Each file's story, those of the files whose lists did not change since
/// the build that made `memo`'s previous memo taken from it (a function of
/// the list and the entities' names, which the memo's keeper holds the
/// same), the others made again; kept in the next memo.
fn stories_of(
    entities: &[Entity],
    per_file: &[&[(FactRef, Sig)]],
    memo: Option<&mut MemoUse>,
) -> Arc<Vec<Arc<FileStory>>> {
    let Some(m) = memo else {
        let made = per_file
            .iter()
            .map(|l| Arc::new(file_story(entities, l)))
            .collect();
        return Arc::new(made);
    };
    let before = m.previous.as_ref();
    let next = m.next.as_mut();
    let made: Vec<Arc<FileStory>> = per_file
        .iter()
        .enumerate()
        .map(|(f, l)| {
            let now = next.as_ref().and_then(|n| n.digest(f));
            let kept = before.filter(|b| now.is_some() && b.digest(f) == now);
            match kept.and_then(|b| b.stories.get(f)) {
                Some(s) => s.clone(),
                None => Arc::new(file_story(entities, l)),
            }
        })
        .collect();
    let made = Arc::new(made);
    if let Some(n) = next {
        n.stories = made.clone();
    }
    made
}

/// Whether a page whose office is written without organisation (`home`)
/// tells the story of `other`: nothing apart (another country, another
/// kind of event, places none of which the other names), and something
/// in common (the kind of event, or a place).
fn fits(entities: &[Entity], home: &RoleHome, own: &FileStory, other: &FileStory) -> bool {
    // Reports whose events and amounts are of others ("Houston's Petrova
    // Health closed a round" beside "Brightwell raised $40 million").
    let shared_party = own.parties.iter().any(|&a| {
        other
            .parties
            .iter()
            .any(|&b| super::event::same_party(entities, a, b))
    });
    // (Only those taking part in events or stating amounts keep two
    // reports apart: an organisation named is often a source.)
    if !own.parties.is_empty() && !other.parties.is_empty() && !shared_party {
        return false;
    }
    let shared_party = shared_party
        || own
            .party_names
            .iter()
            .any(|n| other.party_names.contains(n));
    let country_apart = home
        .country
        .as_ref()
        .is_some_and(|c| !other.countries.is_empty() && !other.countries.contains(c));
    // (Kinds of one story vary: a coach's dismissal, the board's
    // meeting. Only a report that leads with another kind, and tells of
    // none of this one, is of another story.)
    let class_apart = home.class.is_some_and(|k| {
        !other.leads.is_empty() && !other.leads.contains(&k) && !other.classes.contains(&k)
    });
    // (A place the recogniser typed as an organisation in one report is
    // still the place of another's.)
    let shared_place = own
        .names
        .iter()
        .chain(&own.party_names)
        .any(|p| other.names.contains(p) || other.party_names.contains(p));
    let places_apart = !own.names.is_empty() && !other.names.is_empty() && !shared_place;
    // (A page telling of two events of its kind has no lead event, but
    // still its kinds.)
    let same_class = match home.class {
        Some(k) => other.classes.contains(&k),
        None => own.classes.iter().any(|k| other.classes.contains(k)),
    };
    let same_country = home
        .country
        .as_ref()
        .is_some_and(|c| other.countries.contains(c));
    !country_apart
        && !class_apart
        && !places_apart
        && (same_class || shared_place || same_country || shared_party)
}

/// What an office is lent: organisation key, its text, the time.
type Lent = (String, String, Option<(Ymd, Ymd)>);

/// One office of the folder, as read for lending.
struct Office<'a> {
    f: usize,
    k: usize,
    title: &'a str,
    org: &'a str,
    org_text: &'a str,
    when: Option<(Ymd, Ymd)>,
    home: Option<&'a RoleHome>,
    implied: bool,
}

/// Lends organisations (and times) to offices written without one (see
/// the module documentation). `settled` holds signatures already
/// replaced (read and extended here).
pub(super) fn lend_story_orgs(
    entities: &[Entity],
    per_file: &[&[(FactRef, Sig)]],
    settled: &mut BTreeMap<(usize, usize), Sig>,
    memo: Option<&mut MemoUse>,
) {
    let mut offices: Vec<Office> = Vec::new();
    for (f, list) in per_file.iter().enumerate() {
        for (k, (_, s)) in list.iter().enumerate() {
            if let Sig::Role {
                title,
                org,
                org_text,
                when,
                home,
                implied,
                ..
            } = settled.get(&(f, k)).unwrap_or(s)
            {
                offices.push(Office {
                    f,
                    k,
                    title,
                    org,
                    org_text,
                    when: *when,
                    home: home.as_deref(),
                    implied: *implied,
                });
            }
        }
    }
    let borrows = |o: &Office| o.org == UNSTATED_ORG && o.implied && o.home.is_some();
    if !offices.iter().any(borrows) {
        return;
    }
    let stories = stories_of(entities, per_file, memo);
    let stories: &[Arc<FileStory>] = &stories;
    let story = |f: usize| &*stories[f];
    // (file, position) -> (organisation key, text, time).
    let mut lent: Vec<((usize, usize), Lent)> = Vec::new();
    let mut titles: Vec<&str> = offices
        .iter()
        .filter(|o| borrows(o))
        .map(|o| o.title)
        .collect();
    titles.sort_unstable();
    titles.dedup();
    for title in titles {
        let of_title: Vec<&Office> = offices.iter().filter(|o| o.title == title).collect();
        let in_story = roles::is_single_in_story(title);
        let state = super::story::office_of_state(title);
        let borrowers: Vec<&&Office> = of_title.iter().filter(|o| borrows(o)).collect();
        let mut unlent: Vec<&&Office> = Vec::new();
        for b in &borrowers {
            let home = b.home.expect("borrowers have a home");
            let own = story(b.f);
            // "Federation president X": only a federation lends
            // ("Dinamo's president" in a report of the same story is a
            // club's).
            let body = home
                .possessor
                .as_deref()
                .map(|p| p.trim_end_matches("'s"))
                .filter(|p| roles::is_body_noun(p));
            let noun_fits = |l: &Office| {
                body.is_none_or(|n| {
                    roles::noun_fits_name(n, l.org_text)
                        || roles::noun_fits_name(n, &l.org.replace('-', " "))
                })
            };
            // (A body whose name carries the noun is of the story told
            // with it, whether or not its report tells it acting.)
            let named_kind = |l: &Office| body.is_some_and(roles::is_kind_noun) && noun_fits(l);
            // The organisations the reports of this story give the title.
            let lenders: Vec<&&Office> = of_title
                .iter()
                .filter(|l| {
                    l.org != UNSTATED_ORG
                        && l.f != b.f
                        && fits(entities, home, own, story(l.f))
                        && (of_the_story(l.org_text, story(l.f), own) || named_kind(l))
                        && noun_fits(l)
                })
                .collect();
            let mut orgs: Vec<(&str, &str)> = lenders.iter().map(|l| (l.org, l.org_text)).collect();
            orgs.sort_unstable();
            orgs.dedup_by(|a, b| a.0 == b.0);
            let [(org, text)] = orgs.as_slice() else {
                if orgs.is_empty() {
                    unlent.push(b);
                }
                continue;
            };
            let place = crate::analysis::claims::resolve::place_kind_of_name(text).is_some();
            // An office of state is its country's.
            let other_country = state
                && body.is_none()
                && home
                    .country
                    .as_ref()
                    .is_some_and(|c| ascii_key(c) != ascii_key(text));
            if other_country
                // (A kind of body lends only from a name carrying it:
                // see `noun_fits`.)
                || !(possessor_fits(home.possessor.as_deref(), place)
                    || !place && body.is_some_and(roles::is_kind_noun))
                || !one_story_of_kind(stories, home, b.f)
            {
                continue;
            }
            let when = b.when.or_else(|| span(lenders.iter().map(|l| l.when)));
            lent.push(((b.f, b.k), (org.to_string(), text.to_string(), when)));
        }
        // No report of the story gives an office of the story (or of the
        // company it is about) an organisation: the story's, when every
        // report naming it tells one story.
        if !(in_story || super::story::office_of_company(title)) {
            continue;
        }
        for group in one_story_groups(entities, stories, &unlent) {
            // Named after the place the story is told of, else its
            // country.
            let place = group
                .iter()
                .find_map(|o| o.home.and_then(|h| h.place))
                .and_then(|p| entities.get(p as usize))
                .map(|e| e.canonical.clone());
            let country = group
                .iter()
                .find_map(|o| o.home.and_then(|h| h.country.clone()));
            let text = place
                .or(country)
                .unwrap_or_else(|| "the story's".to_string());
            // (One key per story: two stories of one country apart.)
            let key = format!("story:{}|{}", ascii_key(&text), group[0].f);
            for o in &group {
                let when = o
                    .when
                    .or_else(|| span(group.iter().filter(|x| x.f != o.f).map(|x| x.when)));
                lent.push(((o.f, o.k), (key.clone(), text.clone(), when)));
            }
        }
    }
    for ((f, k), (org_key, text, when)) in lent {
        let mut sig = settled.get(&(f, k)).unwrap_or(&per_file[f][k].1).clone();
        if let Sig::Role {
            org,
            org_text,
            when: w,
            ..
        } = &mut sig
        {
            tracing::debug!("story office: {org_text:?} -> {text:?} ({f}, {k})");
            *org = org_key;
            *org_text = text;
            *w = when;
        }
        settled.insert((f, k), sig);
    }
}

/// The span of the dated offices' times, widened by [`AROUND_DAYS`],
/// when they make one time.
fn span(whens: impl Iterator<Item = Option<(Ymd, Ymd)>>) -> Option<(Ymd, Ymd)> {
    let mut s: Option<(Ymd, Ymd)> = None;
    for (lo, hi) in whens.flatten() {
        s = Some(match s {
            Some((a, b)) => (a.min(lo), b.max(hi)),
            None => (lo, hi),
        });
    }
    let (lo, hi) = s?;
    (max_distance((lo, lo), (hi, hi)) <= ONE_TIME_DAYS)
        .then(|| (lo.add_days(-AROUND_DAYS), hi.add_days(AROUND_DAYS)))
}

/// Whether the folder tells one story of the borrowing page's kind of
/// event, as far as the page can tell: a page that names no country
/// borrows only when every file telling of its kind is of one country (a
/// page that names one is told apart by [`fits`]).
fn one_story_of_kind(stories: &[Arc<FileStory>], home: &RoleHome, f: usize) -> bool {
    let Some(k) = home.class else {
        return true;
    };
    if home.country.is_some() {
        return true;
    }
    let mut countries: Vec<String> = home.country.iter().cloned().collect();
    for (g, s) in stories.iter().enumerate() {
        if g == f {
            continue;
        }
        if !s.classes.contains(&k) {
            continue;
        }
        // (A file of two countries says little of which is its story's.)
        if let [c] = s.countries.as_slice() {
            push(&mut countries, c.clone());
        }
    }
    countries.len() <= 1
}

/// The offices of one title no report gives an organisation, in groups
/// of one story each: offices of files that all fit one another, in at
/// least two files. A page that fits two stories that do not fit each
/// other (a page naming no place, in a folder of two fires) joins none,
/// and neither do they.
fn one_story_groups<'a, 'o>(
    entities: &[Entity],
    stories: &[Arc<FileStory>],
    unlent: &[&'a &'o Office<'o>],
) -> Vec<Vec<&'a &'o Office<'o>>> {
    let usable = |o: &Office| {
        let home = o.home.expect("borrowers have a home");
        possessor_is_place(home.possessor.as_deref().unwrap_or("company")).is_some()
            && one_story_of_kind(stories, home, o.f)
    };
    let pair = |a: &Office, b: &Office| {
        let (ha, hb) = (a.home.expect("home"), b.home.expect("home"));
        a.f == b.f
            || fits(entities, ha, &stories[a.f], &stories[b.f])
                && fits(entities, hb, &stories[b.f], &stories[a.f])
    };
    let n = unlent.len();
    tracing::debug!(
        "story offices: {:?}",
        unlent
            .iter()
            .map(|o| (o.f, o.home, &stories[o.f]))
            .collect::<Vec<_>>()
    );
    // Components of the "fits" relation.
    let mut comp: Vec<usize> = (0..n).collect();
    fn root(c: &mut [usize], mut i: usize) -> usize {
        while c[i] != i {
            c[i] = c[c[i]];
            i = c[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            if pair(unlent[i], unlent[j]) {
                let (a, b) = (root(&mut comp, i), root(&mut comp, j));
                comp[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<Vec<&'a &'o Office<'o>>> = Vec::new();
    for r in 0..n {
        let members: Vec<usize> = (0..n).filter(|&i| root(&mut comp, i) == r).collect();
        if members.is_empty() {
            continue;
        }
        let clique = members.iter().all(|&i| {
            members
                .iter()
                .all(|&j| i == j || pair(unlent[i], unlent[j]))
        });
        let mut files: Vec<usize> = members.iter().map(|&i| unlent[i].f).collect();
        files.dedup();
        if clique && files.len() >= 2 && members.iter().all(|&i| usable(unlent[i])) {
            groups.push(members.iter().map(|&i| unlent[i]).collect());
        }
    }
    groups
}

/// Whether an organisation written with an office is what its report's
/// story is about: its country, or one of those taking part in its events
/// or whose amounts it states ("Veltra chief executive" in a report of
/// Veltra's listing), not another named in passing ("the Barcelona
/// Marathon's race director" in a report of the Valencia race: named,
/// but taking part in none of the report's events).
fn of_the_story(org_text: &str, s: &FileStory, borrower: &FileStory) -> bool {
    let t = ascii_key(org_text);
    if t.is_empty() {
        return false;
    }
    let names = |v: &[String]| {
        v.iter().any(|n| {
            n == &t
                || n.strip_prefix(t.as_str())
                    .is_some_and(|r| r.starts_with(' '))
                || t.strip_prefix(n.as_str())
                    .is_some_and(|r| r.starts_with(' '))
        })
    };
    // (An organisation the report only names, as the borrowing page
    // does too, is the story's: "Kestrel Aerospace" in both.)
    // ("Barcelona Marathon" is no place of a story told in Barcelona.)
    s.countries.iter().any(|c| ascii_key(c) == t)
        || s.names.contains(&t)
        || names(&s.actor_names)
        || names(&s.party_names) && (names(&borrower.party_names) || names(&borrower.names))
}

#[cfg(test)]
#[path = "story_offices_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "story_bodies_tests.rs"]
mod bodies_tests;
