//! What money measures when its verb names no cue word: money withheld or
//! hidden from the tax authorities is tax evaded ("had withheld €43.8
//! million from the tax authorities", as "evading 38.4 million euros in
//! taxes" is); money an agency puts at someone's disposal or releases
//! from a fund is aid given ("has put $540,000 at the disposal of the
//! ministry", "had released $450,000 from an emergency fund").
use crate::analysis::claims::words::has_phrase;

/// Verbs of keeping money from the tax authorities.
const WITHHOLDING: &[&str] = &[
    "withheld",
    "withholding",
    "withhold",
    "concealed",
    "concealing",
    "hid",
    "hidden",
    "hiding",
    "dodged",
    "dodging",
];

/// Verbs of letting money out of a fund.
const RELEASING: &[&str] = &[
    "released",
    "releasing",
    "releases",
    "release",
    "allocated",
    "allocating",
    "disbursed",
    "disbursing",
];

/// The measure of money in a clause (lower case) whose words before the
/// amount are `before` and after it `after`, when the words of its verb
/// say: "tax evaded" or "aid".
pub(super) fn money_act(before: &str, after: &str) -> Option<&'static str> {
    let last_words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .collect();
    let said = |ws: &[&str]| last_words.iter().any(|w| ws.contains(w));
    let head: String = after.chars().take(60).collect();
    if said(WITHHOLDING) && has_phrase(&head, "from the tax").is_some() {
        return Some("tax evaded");
    }
    if has_phrase(&head, "at the disposal of").is_some()
        || (said(RELEASING) && head.trim_start().starts_with("from") && head.contains("fund"))
    {
        return Some("aid");
    }
    None
}

/// Whether the verb of evading stands right before an amount ("evaded
/// 38.4 million euros in income tax", "evading about €38m"): the money
/// is the tax evaded, whatever the noun after it names.
pub(super) fn evaded_before(before: &str) -> bool {
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| {
            let w = w.to_ascii_lowercase();
            w.starts_with("evad") || w == "evasion"
        })
}

/// Who evaded, when the verb of evading is a gerund with no subject of
/// its own ("X received a prison sentence ... for evading 38.4 million
/// euros in taxes", "X was jailed after evading ..."): the named subject
/// of the clause the gerund hangs on.
pub(super) fn evader_above(
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
    doc: &crate::analysis::model::DocAnalysis,
) -> Option<u32> {
    let p = &sf.parse;
    let c = p.clause_of(t);
    let form = p.tokens[c].form.to_ascii_lowercase();
    if !form.starts_with("evad") || !form.ends_with("ing") {
        return None;
    }
    let marked = p.children(c).iter().any(|&m| {
        matches!(
            p.tokens[m].form.to_ascii_lowercase().as_str(),
            "for" | "after" | "by" | "of"
        )
    });
    if !marked {
        return None;
    }
    sf.subject_of(p.head(c)?, doc)
}

#[cfg(test)]
mod tests {
    use super::money_act;

    #[test]
    fn verbs_of_withholding_and_releasing_name_the_money() {
        assert_eq!(
            money_act("berger had withheld ", " from the tax authorities"),
            Some("tax evaded")
        );
        assert_eq!(
            money_act(
                "the who has put ",
                " at the disposal of the health ministry"
            ),
            Some("aid")
        );
        assert_eq!(
            money_act("the who had released ", " from an emergency fund"),
            Some("aid")
        );
        // Withheld from someone else, released from elsewhere: no measure.
        assert_eq!(money_act("the bank withheld ", " from its clients"), None);
        assert_eq!(
            money_act("the court released ", " from the frozen accounts"),
            None
        );
        assert!(super::evaded_before("He evaded "));
        assert!(super::evaded_before("for evading about "));
        assert!(!super::evaded_before("He earned "));
    }
}
