//! The area a fire burned, read from the verb over an area ("has burned
//! about 2,400 hectares", "had burned through some 4,200 hectares", "2,400
//! hectares of forest have been scorched", "the blaze has grown to 4,200
//! hectares"). The area is a fact of the fire its report tells of: one
//! measure whatever verb or unit says it (hectares, acres and square
//! kilometres are one unit already, see
//! [`crate::analysis::claims::quantity`]).
//!
//! An area named by no verb of burning ("a 2,400-hectare estate", "farms
//! of 40 hectares") stays no fact.
use super::count_reading::{lemma, lower};
use crate::analysis::syntax::{Parse, Upos};

/// What the area measures.
pub(super) const AREA_BURNED: &str = "area burned";

/// Verbs that say a fire burned an area.
fn burning_verb(l: &str) -> bool {
    matches!(
        l,
        "burn" | "scorch" | "char" | "blacken" | "consume" | "devour" | "torch"
    )
}

/// Verbs that say an area was destroyed or covered: of a fire only when
/// the verb's subject is one ("the blaze has destroyed 900 hectares",
/// "the fire has grown to 4,200 hectares"); a flood destroys crops too.
fn spreading_verb(l: &str) -> bool {
    matches!(
        l,
        "destroy" | "ravage" | "raze" | "engulf" | "cover" | "grow" | "spread" | "sweep"
    )
}

/// Nouns of a fire.
fn fire_noun(l: &str) -> bool {
    matches!(
        l,
        "fire" | "wildfire" | "blaze" | "bushfire" | "inferno" | "flame" | "forest-fire"
    )
}

/// The verb over the area's unit noun: its head, or the head of the
/// noun an "of" phrase after it hangs on ("2,400 hectares of forest
/// burned").
fn verb_over(p: &Parse, last: usize) -> Option<usize> {
    let mut t = last;
    for _ in 0..3 {
        let h = p.head(t)?;
        if p.tokens[h].upos == Upos::Verb {
            return Some(h);
        }
        t = h;
    }
    None
}

/// "has burned about 2,400 hectares", "has burned through 4,200
/// hectares", "2,400 hectares have burned", "the fire has grown to 4,200
/// hectares": the area burned.
pub(super) fn area(p: &Parse, first: usize, last: usize) -> Option<String> {
    // A size before a noun ("a 2,400-hectare estate") is no area burned.
    let w = |i: usize| p.tokens.get(i).map(|_| lower(p, i));
    if w(last + 1).as_deref() == Some("-") {
        return None;
    }
    let v = verb_over(p, last).or_else(|| verb_over(p, first))?;
    let l = lemma(p, v);
    // "burned" tagged as a participle of "burnt" or read "burn" alike.
    if burning_verb(&l) || burning_verb(lower(p, v).trim_end_matches("ed")) {
        return Some(AREA_BURNED.into());
    }
    // The subject, or the noun a participle hangs on, and the words of
    // its name ("The Ridgeback Fire").
    let by_fire = p
        .subjects(v)
        .into_iter()
        .chain(p.head(v))
        .flat_map(|s| p.subtree(s))
        .any(|s| fire_noun(&lemma(p, s)) || fire_noun(&lower(p, s)));
    let form = lower(p, v);
    let spreading =
        spreading_verb(&l) || matches!(form.as_str(), "grown" | "grew" | "spread" | "covered");
    (spreading && by_fire).then(|| AREA_BURNED.into())
}

#[cfg(test)]
mod tests {
    use super::super::parsed_tests::parsed_facts;
    use super::super::FactBody;

    /// The measures of the sentence's amounts.
    fn whats(t: &str) -> Vec<String> {
        parsed_facts(t)
            .into_iter()
            .filter_map(|f| match f.body {
                FactBody::Quantity { measure, .. } => Some(measure.what),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_area_a_fire_burned_is_read_from_its_verb() {
        for s in [
            "A wildfire north of Athens has burned about 2,400 hectares, the fire service said on Wednesday.",
            "The wildfire north of Athens had burned through some 4,200 hectares by Wednesday, officials said.",
            "The blaze has scorched more than 4,200 hectares of pine forest.",
            "The fire has grown to 4,200 hectares.",
        ] {
            assert_eq!(whats(s), vec!["area burned".to_string()], "{s}");
        }
    }

    #[test]
    fn an_area_of_no_burning_is_no_area_burned() {
        for s in [
            "The family owns a 2,400-hectare estate near Athens.",
            "Floods destroyed 2,400 hectares of crops, the ministry said.",
        ] {
            assert!(!whats(s).contains(&"area burned".to_string()), "{s}");
        }
    }
}
