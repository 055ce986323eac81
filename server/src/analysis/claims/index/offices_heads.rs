//! Heads of organisations written without their title ("Volkswagen
//! boss", "the IMF's chief", "the head of Siemens"), keyed with the top
//! title another report gives the same person.
use std::collections::{BTreeMap, HashMap};

use super::sig::{Sig, UNSTATED_ORG};
use super::FactRef;

/// Top titles an organisation's head holds, one of which "boss", "chief"
/// or "head" stands for.
const TOP_TITLES: &[&str] = &[
    "president",
    "chief executive",
    "governor",
    "managing director",
    "director general",
    "secretary general",
    "executive director",
    "chair",
    "prime minister",
    "chancellor",
    "mayor",
    "manager",
    "head coach",
];

/// "Volkswagen boss Hans Gruber" and "Volkswagen chief executive Hans
/// Gruber": a head written without a title takes the one top title the
/// folder gives the same person at the same organisation, so that the two
/// key alike; with none or two, it stays a head (compared with heads).
pub(super) fn settle_generic_heads(
    per_file: &[&[(FactRef, Sig)]],
    settled: &mut BTreeMap<(usize, usize), Sig>,
) {
    let head = crate::analysis::claims::roles::GENERIC_HEAD;
    let sig_at = |settled: &BTreeMap<(usize, usize), Sig>, f: usize, k: usize| {
        settled
            .get(&(f, k))
            .cloned()
            .unwrap_or_else(|| per_file[f][k].1.clone())
    };
    let mut tops: HashMap<(String, u32), Vec<String>> = HashMap::new();
    for (f, list) in per_file.iter().enumerate() {
        for (k, (_, sig)) in list.iter().enumerate() {
            let sig = settled.get(&(f, k)).unwrap_or(sig);
            if let Sig::Role {
                title, org, person, ..
            } = sig
            {
                if org != UNSTATED_ORG && TOP_TITLES.contains(&title.as_str()) {
                    let v = tops.entry((org.clone(), *person)).or_default();
                    if !v.contains(title) {
                        v.push(title.clone());
                    }
                }
            }
        }
    }
    if tops.is_empty() {
        return;
    }
    // "Company head Omar Vale" against "Kestrel Mining chief executive
    // Thabo Nkosi": when the folder gives an organisation's holders one
    // top title only, its head is that title's holder. (An organisation
    // whose holders are given two, a chair and a chief executive, leaves
    // its head a head.)
    let mut sole_top: HashMap<&String, Option<String>> = HashMap::new();
    for ((org, _), v) in &tops {
        let e = sole_top.entry(org).or_insert_with(|| Some(v[0].clone()));
        if v.len() > 1 || e.as_ref().is_some_and(|t| *t != v[0]) {
            *e = None;
        }
    }
    for (f, list) in per_file.iter().enumerate() {
        for (k, (_, sig)) in list.iter().enumerate() {
            let sig = settled.get(&(f, k)).unwrap_or(sig);
            let one = match sig {
                Sig::Role {
                    title, org, person, ..
                } if title == head => tops
                    .get(&(org.clone(), *person))
                    .filter(|v| v.len() == 1)
                    .map(|v| v[0].clone())
                    .or_else(|| sole_top.get(org).cloned().flatten()),
                _ => None,
            };
            if let Some(top) = one {
                let mut sig = sig_at(settled, f, k);
                if let Sig::Role { title, .. } = &mut sig {
                    *title = top;
                }
                settled.insert((f, k), sig);
            }
        }
    }
}
