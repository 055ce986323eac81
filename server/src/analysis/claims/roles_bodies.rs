//! Common nouns written for the organisation an office belongs to
//! ("federation president X", "Company head X", "the agency's executive
//! secretary"): which nouns name a body, and whether a named
//! organisation is one the noun can stand for.

/// Nouns of a kind of body that its name usually carries ("the Romanian
/// Rugby Federation", "the Kano State Emergency Management Agency"): the
/// noun stands only for an organisation whose name has it ("club
/// president X" in a story of a federation is a club's, not the
/// federation's).
const KIND_NOUNS: &[&str] = &[
    "federation",
    "association",
    "union",
    "club",
    "agency",
    "league",
    "party",
    "committee",
    "commission",
    "council",
    "authority",
    "bank",
    "university",
    "museum",
    "hospital",
    "institute",
    "foundation",
    "board",
    "service",
];

/// Nouns for a business whatever its name ("the carrier's chief
/// executive" of Atlantica Airlines, "Company head X").
const BUSINESS_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "carrier",
    "airline",
    "operator",
    "maker",
    "drugmaker",
    "carmaker",
    "automaker",
    "chipmaker",
    "lender",
    "insurer",
    "retailer",
    "miner",
    "brewer",
    "broadcaster",
    "utility",
    "conglomerate",
    "startup",
    "organisation",
    "organization",
];

/// Whether `noun` names a kind of body its name carries ("federation").
pub fn is_kind_noun(noun: &str) -> bool {
    KIND_NOUNS.contains(&noun)
}

/// Whether `noun` (lower case, without a possessive) is written for a
/// body an office belongs to.
pub fn is_body_noun(noun: &str) -> bool {
    KIND_NOUNS.contains(&noun) || BUSINESS_NOUNS.contains(&noun)
}

/// Whether an office written with `noun` for its organisation may be
/// that of the organisation named `name` (its name or its canonical
/// name): a noun of a kind of body needs the kind in the name; a noun of
/// a business fits any organisation but one named as another kind of
/// body ("company head" is no federation's).
pub fn noun_fits_name(noun: &str, name: &str) -> bool {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if KIND_NOUNS.contains(&noun) {
        return words.iter().any(|w| w == noun);
    }
    if BUSINESS_NOUNS.contains(&noun) {
        return !words.iter().any(|w| {
            KIND_NOUNS.contains(&w.as_str()) && !matches!(w.as_str(), "bank" | "service")
        });
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_nouns_need_the_kind_in_the_name() {
        assert!(noun_fits_name("federation", "Romanian Rugby Federation"));
        assert!(!noun_fits_name("club", "Romanian Rugby Federation"));
        assert!(!noun_fits_name("museum", "Louvre"));
        assert!(noun_fits_name(
            "agency",
            "Kano State Emergency Management Agency"
        ));
    }

    #[test]
    fn business_nouns_fit_businesses() {
        assert!(noun_fits_name("carrier", "Atlantica Airlines"));
        assert!(noun_fits_name("company", "Kestrel Mining"));
        assert!(!noun_fits_name("company", "Romanian Rugby Federation"));
        assert!(!noun_fits_name("country", "Kestrel Mining"));
    }
}
