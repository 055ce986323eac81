//! Offices outside the fixed lists that still have one holder: in the
//! story they are told in ("race director", "fire chief", "district
//! collector", "presiding judge"), or of the body named with them
//! ("Northern Province medical officer", "Wandsworth prison warden").

/// Whether an office outside the fixed lists has one holder in the story
/// it is told in, judged by its head and the words before it: "race
/// director", "fire chief", "mission commander", "regional governor",
/// "coach". The organisation is the race, the fire service, the mission,
/// the region or the team the story is about, seldom written (see
/// `index::story_offices`). Heads several hold at once ("spokesperson",
/// "officer", "adviser", "minister" without a portfolio) and titles of
/// one among several ("deputy", "assistant", "a goalkeeping coach")
/// are not.
pub fn is_single_in_story(title: &str) -> bool {
    let words: Vec<&str> = title.split(' ').collect();
    let Some((head, mods)) = words.split_last() else {
        return false;
    };
    const SEVERAL: &[&str] = &[
        "deputy",
        "assistant",
        "associate",
        "junior",
        "vice",
        "shadow",
        "co",
        "former",
        "acting",
        "interim",
    ];
    if mods.iter().any(|w| SEVERAL.contains(w)) {
        return false;
    }
    match *head {
        // A region's, a province's, a state's governor: one each.
        "governor" => true,
        // "race director", "festival director", "tournament director"
        // (not a company's "regional director", one of several, nor a
        // bare "director", one of a board).
        "director" => {
            !mods.is_empty()
                && !mods
                    .iter()
                    .any(|w| matches!(*w, "regional" | "provincial" | "area" | "non-executive"))
        }
        // "fire chief", "army chief" ("chief" alone is a head, see
        // `norm_title`).
        "chief" => !mods.is_empty(),
        "commander" => true,
        // A team's coach (its assistant, goalkeeping or fitness coaches
        // are several).
        "coach" => mods.is_empty() || mods == ["head"],
        // An Indian district's collector ("District collector X",
        // "Collector X": one key, see `norm_title`); not an art
        // collector.
        "collector" => mods.is_empty(),
        // The judge presiding over the trial the story tells of (a
        // court's other judges are several).
        "judge" => mods == ["presiding"],
        // The coroner holding the inquest the story tells of.
        "coroner" => mods.is_empty() || mods == ["senior"],
        // A force's, a district's or a region's commissioner (not the
        // several commissioners of a county board or the EU).
        "commissioner" => {
            !mods.is_empty()
                && mods.iter().all(|w| {
                    matches!(
                        *w,
                        "police" | "fire" | "district" | "divisional" | "provincial" | "national"
                    )
                })
        }
        _ => false,
    }
}

/// Whether an office has one holder in the body written with it, but
/// not in a story without it: "Northern Province medical officer" (a
/// province's, `place`; a hospital has several medical officers),
/// "Wandsworth prison warden", "the university's registrar".
pub fn single_where_named(title: &str, place: bool) -> bool {
    let words: Vec<&str> = title.split(' ').collect();
    let Some((head, mods)) = words.split_last() else {
        return false;
    };
    match *head {
        "officer" => place && matches!(mods, ["medical"] | ["health"] | ["chief", "medical"]),
        "superintendent" => {
            place && mods.iter().all(|w| matches!(*w, "district" | "police")) || mods == ["school"]
        }
        "warden" => mods.is_empty() || mods == ["prison"],
        "registrar" => mods.is_empty(),
        // An agency's or a commission's executive secretary (a
        // country's ministries have many secretaries).
        "secretary" => !place && mods == ["executive"],
        _ => false,
    }
}
