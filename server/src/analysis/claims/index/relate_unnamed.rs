//! Amounts of an event nobody in it is named at: two reports of one day
//! from one country of one kind of harm ("a mine collapsed", "the
//! collapse") are of one event unless something tells them apart.
use super::super::event::{
    class, descriptions, kept_apart, pair_tolerance, participants_clash, place_relation,
    places_agree, Described, PlaceRelation,
};
use super::super::sig::EventSig;
use super::super::story::HARMFUL;
use super::RelateContext;
use crate::analysis::claims::dates;

/// Two reports of one day from one country of an event of one kind, at
/// least one naming nobody who took part ("a mine collapsed", "the
/// collapse"): one event, unless something tells them apart (participants
/// of one kind on each side, places that are not one, days apart). Only
/// amounts use this: the day and the place of such an event are what a
/// conflict would be about.
pub(super) fn one_unnamed_event(
    cx: &RelateContext,
    (a, main_a): (&EventSig, Option<u32>),
    (b, main_b): (&EventSig, Option<u32>),
) -> bool {
    let named = |e: &EventSig| !e.participants.is_empty() || !e.names.is_empty();
    if class(a.kind) != class(b.kind)
        || !HARMFUL.contains(&class(a.kind))
        || (named(a) && named(b))
        || kept_apart(a, b)
    {
        return false;
    }
    if participants_clash(cx.entities, a, b) || descriptions(a, b) == Described::Apart {
        return false;
    }
    // Vehicles of two classes (a minibus, a truck): two accidents, as
    // `same_event` has it.
    if matches!((&a.vehicle, &b.vehicle), (Some(x), Some(y)) if x != y) {
        return false;
    }
    // Both placed: the places must be one. One placed: the other report
    // is mostly about that place (the quake on Sumbawa, not the one on
    // the neighbouring island it also names).
    let seen = |places: &[u32], main: Option<u32>| {
        main.is_some_and(|y| {
            places
                .iter()
                .any(|&x| place_relation(cx.entities, x, y) == PlaceRelation::Same)
        })
    };
    match (a.places.is_empty(), b.places.is_empty()) {
        (false, false) if places_agree(cx.entities, &a.places, &b.places) != Some(true) => {
            return false
        }
        (false, true) if !seen(&a.places, main_b) => return false,
        (true, false) if !seen(&b.places, main_a) => return false,
        _ => {}
    }
    match (a.when, b.when) {
        (Some(x), Some(y)) => dates::min_distance(x, y) <= pair_tolerance(a, b),
        _ => true,
    }
}
