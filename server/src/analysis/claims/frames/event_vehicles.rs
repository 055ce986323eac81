//! The vehicle or building an accident happened to, and verbs that tell
//! of a vehicle's accident.
use super::*;

/// A verb form less its ending, then less one more character too (a
/// doubled consonant undone: "skidded" -> "skidd", "skid"). Characters,
/// not bytes: a token "’s" strips to "’".
fn stems_of(form: &str) -> Vec<String> {
    let form = form.to_ascii_lowercase();
    ["ed", "s", "ing"]
        .iter()
        .filter_map(|e| form.strip_suffix(e))
        .flat_map(|s| {
            let mut shorter = s.chars();
            shorter.next_back();
            [s.to_string(), shorter.as_str().to_string()]
        })
        .collect()
}

/// Whether verb `v` tells of a vehicle's accident: a verb of
/// [`lexicon::mishap_verb`] whose subject is a vehicle ("a bus fell", "the
/// launch went down"; "go" only with "down" or "off").
pub(super) fn vehicle_mishap(p: &Parse, v: usize) -> bool {
    // The lemmatiser misses some ("skidded" as "skidd"): the form less
    // its ending, a doubled consonant undone.
    let stems = stems_of(&p.tokens[v].form);
    let Some(lemma) = std::iter::once(p.tokens[v].lemma.to_ascii_lowercase())
        .chain(stems)
        .find(|l| lexicon::mishap_verb(l))
    else {
        return false;
    };
    // ("came under fire" is no fall: "come" only with "down" or "off".)
    let particles: &[&str] = if lemma == "come" {
        &["down", "off"]
    } else {
        &["down", "off", "under"]
    };
    if (lemma == "go" || lemma == "come")
        && !p
            .children(v)
            .iter()
            .any(|&c| particles.contains(&p.tokens[c].form.to_ascii_lowercase().as_str()))
    {
        return false;
    }
    // "The train left the tracks near Predeal", never "the ferry left
    // Mwanza".
    if lemma == "leave"
        && !p.objects(v).into_iter().any(|o| {
            lexicon::LEFT_IN_MISHAP.contains(&p.tokens[o].lemma.to_ascii_lowercase().as_str())
        })
    {
        return false;
    }
    let vehicle = |t: usize| {
        lexicon::struck_class(&p.tokens[t].lemma).is_some_and(lexicon::falls_in_accident)
            || ship_name(p, t)
    };
    // "the bus that skidded off the highway": the relative clause's
    // subject is the noun it qualifies.
    let relative = p.tokens[v].deprel.rel == Rel::Acl && p.head(v).is_some_and(vehicle);
    // (The noun before "that", wherever the parser hung the clause.)
    let before_pronoun = p.children(v).iter().any(|&s| {
        p.tokens[s].deprel.is_subject()
            && matches!(
                p.tokens[s].form.to_ascii_lowercase().as_str(),
                "that" | "which"
            )
            && s > 0
            && vehicle(s - 1)
    });
    relative || before_pronoun || p.subjects(v).into_iter().any(vehicle)
}

/// Verbs of death that tell of an accident at a work site when nothing
/// else in the sentence names the event: "nine workers were killed at the
/// Thabazimbi shaft in Rustenburg", "miners died at a colliery near X".
const DEATH_VERBS: &[&str] = &["kill", "die"];

/// Classes of [`lexicon::struck_class`] that are work sites, where deaths
/// with no other event named are an industrial accident (never a vehicle,
/// a market or a hotel: people are killed there in attacks too).
const WORK_SITES: &[&str] = &["mine", "factory"];

/// Whether verb `v` tells of an accident at a work site: a verb of death
/// with an "at" phrase naming a mine, shaft or plant, in a sentence with
/// no event word of harm of its own (`harm_named`: "killed in a blast at
/// the plant" is the blast's).
pub(super) fn site_fatality(p: &Parse, v: usize, harm_named: bool) -> bool {
    if harm_named {
        return false;
    }
    let form = p.tokens[v].form.to_ascii_lowercase();
    let death = DEATH_VERBS.contains(&p.tokens[v].lemma.to_ascii_lowercase().as_str())
        || matches!(form.as_str(), "killed" | "died");
    death
        && p.children_with(v, Rel::Obl).any(|d| {
            p.case_marker(d).as_deref() == Some("at")
                && lexicon::struck_class(&p.tokens[d].lemma)
                    .is_some_and(|k| WORK_SITES.contains(&k))
        })
}

/// Prefixes of ships' names ("the MV Kisiwa Bora", "the MS Estonia").
const SHIP_PREFIXES: &[&str] = &["MV", "M/V", "MS", "M/S", "SS", "RMS", "HMS", "USS"];

/// Whether token `t` heads a ship's name: "The MV Kisiwa Bora went down"
/// tells of a vessel as "the ferry went down" does.
fn ship_name(p: &Parse, t: usize) -> bool {
    p.tokens[t].upos == Upos::Propn
        && p.children(t).iter().any(|&c| {
            matches!(
                p.tokens[c].deprel.rel,
                Rel::Compound | Rel::Amod | Rel::Flat
            ) && SHIP_PREFIXES.contains(&p.tokens[c].form.as_str())
        })
}

/// The class of thing an accident happened to: a vehicle or a building
/// among the event words' arguments and modifiers ("the launch capsized",
/// "a bus plunged", "a garment factory fire"), else the one vehicle class
/// the sentence names. None when it names two (a bus and a truck
/// collided).
pub(super) fn vehicle_of(p: &Parse, core: &[usize]) -> Option<&'static str> {
    let one = |classes: &mut Vec<&'static str>| {
        classes.sort_unstable();
        classes.dedup();
        (classes.len() == 1).then(|| classes[0])
    };
    let mut near: Vec<&'static str> = Vec::new();
    for &c in core {
        let args = std::iter::once(c)
            .chain(p.subjects(c))
            .chain(p.objects(c))
            .chain(p.children(c).iter().copied().filter(|&d| {
                matches!(
                    p.tokens[d].deprel.rel,
                    Rel::Compound | Rel::Amod | Rel::Nmod
                )
            }));
        for t in args {
            if let Some(k) = lexicon::struck_class(&p.tokens[t].lemma) {
                // "taken to hospitals": only a vehicle is found so far off.
                near.push(k);
            }
        }
    }
    if let Some(k) = one(&mut near) {
        return Some(k);
    }
    // "A fire broke out at a footwear factory": where the event word's
    // verb happened, when nothing closer names a thing struck.
    if near.is_empty() {
        let mut at: Vec<&'static str> = core
            .iter()
            .flat_map(|&c| p.children_with(c, Rel::Obl))
            // ("A fire swept through a clothing factory".)
            .filter(|&d| {
                matches!(
                    p.case_marker(d).as_deref(),
                    Some("at") | Some("in") | Some("through")
                )
            })
            .filter_map(|d| lexicon::struck_class(&p.tokens[d].lemma))
            .collect();
        if let Some(k) = one(&mut at) {
            return Some(k);
        }
    }
    // (Never one in a phrase of another event: "two days after a deadly
    // blaze at a garment factory" says what that blaze struck.)
    let mut all: Vec<&'static str> = (0..p.len())
        .filter(|&t| matches!(p.tokens[t].upos, Upos::Noun | Upos::Propn))
        .filter(|&t| !of_another_event(p, core, t))
        .filter_map(|t| lexicon::struck_class(&p.tokens[t].lemma))
        .filter(|k| lexicon::is_vehicle(k))
        .collect();
    one(&mut all)
}

/// Words that set an earlier or later event against the sentence's own:
/// "three days after a blast", "a week before the crash", "following a
/// fire".
const OTHER_EVENT_CASES: &[&str] = &["after", "before", "following", "since", "until"];

/// Whether token `t` is inside a phrase of another event than the one of
/// `core`: it or a word above it (below the event's own words) is
/// introduced by "after", "before", "following".
fn of_another_event(p: &Parse, core: &[usize], t: usize) -> bool {
    std::iter::once(t)
        .chain(p.ancestors(t))
        .take_while(|x| !core.contains(x))
        .any(|x| {
            p.case_marker(x)
                .is_some_and(|c| OTHER_EVENT_CASES.contains(&c.to_ascii_lowercase().as_str()))
        })
}

#[cfg(test)]
mod tests {
    use super::stems_of;

    #[test]
    fn a_verb_form_loses_its_ending_by_characters() {
        assert!(stems_of("skidded").contains(&"skid".to_string()));
        // A curly apostrophe is three bytes: no panic, and no stem.
        assert_eq!(stems_of("’s"), vec!["’".to_string(), String::new()]);
    }
}
