//! Role normalisation: "NATO Secretary General", "Secretary General of NATO"
//! and "the Alliance's Secretary General" become title `secretary general`
//! plus organisation text `NATO`/`Alliance`, which the index resolves to one
//! corpus entity. Only roles with an organisation and a single-holder title
//! take part in holder conflicts.
use serde::{Deserialize, Serialize};

use crate::analysis::model::{RoleAttr, RoleQualifier};
use crate::analysis::ner::lexicon::Lexicon;

/// The office of the judge who decided one defendant's case, its
/// organisation being the defendant (see `facts::offices_judges`): no
/// title as written reads as it.
pub const CASE_JUDGE: &str = "judge of the case of";

/// Titles one person holds at a time, once the organisation is known.
/// The head of an organisation, written without its title ("boss",
/// "chief", "head"): one holder at a time.
pub const GENERIC_HEAD: &str = "head";

pub const SINGLE_HOLDER: &[&str] = &[
    GENERIC_HEAD,
    CASE_JUDGE,
    "secretary general",
    "president",
    "vice president",
    "prime minister",
    "chancellor",
    "defense minister",
    "foreign minister",
    "finance minister",
    "interior minister",
    "justice minister",
    "national security adviser",
    "secretary of state",
    "defense secretary",
    "foreign secretary",
    "home secretary",
    "chief executive",
    "ceo",
    "supreme allied commander",
    "governor",
    "mayor",
    "speaker",
    "director general",
    "attorney general",
    "chief of staff",
    "high representative",
    "king",
    "queen",
    "pope",
    "chairman",
    "chairwoman",
    // A board's chair, however written ("chairman", "chairwoman",
    // "chairperson": see `norm_title`).
    "chair",
    // A company's officers below its chief executive: one of each at a
    // time, told apart from the chief executive (a finance chief and a
    // chief executive of one company are two people, no contradiction).
    "chief financial officer",
    "chief operating officer",
    "managing director",
    "police chief",
];

/// Words a title is made of; the rest of a role is its organisation.
const TITLE_WORDS: &[&str] = &[
    "secretary",
    "general",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "defense",
    "defence",
    "foreign",
    "finance",
    "interior",
    "justice",
    "home",
    "national",
    "security",
    "adviser",
    "advisor",
    "state",
    "chief",
    "executive",
    "ceo",
    "supreme",
    "allied",
    "commander",
    "governor",
    "mayor",
    "speaker",
    "director",
    "attorney",
    "staff",
    "high",
    "representative",
    "king",
    "queen",
    "pope",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "cfo",
    "coo",
    "head",
    "boss",
    "leader",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "ambassador",
    "envoy",
    "deputy",
    "affairs",
    "senator",
    "minister's",
    "first",
    "lady",
    "officer",
    "press",
    "secretary-general",
    "police",
    "top",
    "diplomat",
    "financial",
    "operating",
    "managing",
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormRole {
    /// Normalised title ("secretary general", "defense minister").
    pub title: String,
    /// The organisation or country as written ("NATO", "Alliance", "Polish"
    /// is turned into "Poland"); resolved to an entity by the index.
    pub org: Option<String>,
    pub qualifier: Option<RoleQualifier>,
}

pub fn norm_title(words: &[String]) -> String {
    // "CEO" is the chief executive's abbreviation: one office, one key
    // ("Acme CEO X" against "Acme's chief executive, Y").
    // "CFO", "COO": the abbreviations of the officers' titles.
    // "Chairman", "chairwoman" and "chairperson" are one office, the chair.
    let words: Vec<&str> = words
        .iter()
        .map(|w| match w.as_str() {
            "ceo" => "chief executive",
            "cfo" => "chief financial officer",
            "coo" => "chief operating officer",
            "chairman" | "chairwoman" | "chairperson" => "chair",
            w => w,
        })
        .collect();
    // "Volkswagen boss X", "the IMF's chief, X", "the head of Siemens, X":
    // one office written three ways, the organisation's head (which top
    // title it is, another report may say: see `index::offices`).
    if matches!(words.as_slice(), ["boss"] | ["chief"] | ["head"]) {
        return GENERIC_HEAD.to_string();
    }
    let mut t = words.join(" ");
    for (a, b) in [
        ("secretary-general", "secretary general"),
        ("defence", "defense"),
        ("advisor", "adviser"),
        ("minister of defense", "defense minister"),
        ("minister for defense", "defense minister"),
        ("minister of foreign affairs", "foreign minister"),
        ("minister for foreign affairs", "foreign minister"),
        ("foreign affairs minister", "foreign minister"),
        ("minister of finance", "finance minister"),
        ("minister of the interior", "interior minister"),
        ("minister of interior", "interior minister"),
        ("minister of justice", "justice minister"),
        ("secretary of defense", "defense secretary"),
        ("chief executive officer", "chief executive"),
        // A company's finance chief is its chief financial officer (the
        // "finance director" of British usage too); its operations chief
        // its chief operating officer.
        ("chief finance officer", "chief financial officer"),
        ("finance chief", "chief financial officer"),
        ("finance director", "chief financial officer"),
        ("operations chief", "chief operating officer"),
        ("head of state", "president"),
        // A country's "top diplomat" is its foreign minister.
        ("top diplomat", "foreign minister"),
        ("chief of police", "police chief"),
        // An Indian district's collector, with or without the district.
        ("district collector", "collector"),
        ("head of police", "police chief"),
    ] {
        t = t.replace(a, b);
    }
    t
}

/// Whether a lower-case word is one titles are made of ("minister",
/// "chief", "finance").
pub fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(&w)
}

fn qualifier_word(w: &str) -> Option<RoleQualifier> {
    crate::analysis::ner::cues::qualifier(w)
}

/// Normalise a role as the recogniser attached it to a person mention.
/// `before` is the text just before the role (for "former" etc.).
pub fn normalize(role: &RoleAttr, before: &str) -> Option<NormRole> {
    // "White House National Security Advisor Jake Sullivan and NATO
    // Secretary General": the role of this person is the last conjunct.
    let mut text = role.text.as_str();
    for sep in [" and ", ", ", " & "] {
        if let Some(p) = text.rfind(sep) {
            text = &text[p + sep.len()..];
        }
    }
    let mut qualifier = role.qualifier;
    let mut raw: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
                .replace('’', "'")
        })
        .filter(|w| !w.is_empty())
        .collect();
    // Qualifiers inside the role text ("then-NATO", "former").
    while let Some(first) = raw.first().cloned() {
        let l = first.to_lowercase();
        if let Some(rest) = l.strip_prefix("then-").or_else(|| l.strip_prefix("ex-")) {
            qualifier = qualifier.or(qualifier_word(if l.starts_with("then") {
                "then"
            } else {
                "ex"
            }));
            // The prefixes are ASCII, so their length is the same in `first`.
            let n = l.len() - rest.len();
            raw[0] = first.get(n..).unwrap_or("").to_string();
            continue;
        }
        if let Some(q) = qualifier_word(&l) {
            qualifier = qualifier.or(Some(q));
            raw.remove(0);
            continue;
        }
        if l == "the" {
            raw.remove(0);
            continue;
        }
        // "replace outgoing mayor": a lower-case word that is no title
        // word before a qualifier is the verb the recogniser took in.
        if first.starts_with(|c: char| c.is_lowercase())
            && !TITLE_WORDS.contains(&l.as_str())
            && raw
                .get(1)
                .is_some_and(|w| qualifier_word(&w.to_lowercase()).is_some())
        {
            raw.remove(0);
            continue;
        }
        break;
    }
    if qualifier.is_none() {
        let prev = before
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let prev = prev.trim_end_matches('-');
        qualifier = qualifier_word(prev);
    }
    if raw.is_empty() {
        return None;
    }
    let lower: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
    // "Secretary General of (the) NATO"
    if let Some(p) = lower.iter().position(|w| w == "of" || w == "for") {
        let title_part = &lower[..p];
        if !title_part.is_empty() && title_part.iter().all(|w| TITLE_WORDS.contains(&w.as_str())) {
            let mut org: Vec<&String> = raw[p + 1..].iter().collect();
            if org.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                org.remove(0);
            }
            let org_s = org.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ");
            // "Minister of Foreign Affairs" is a title, not an organisation.
            let whole = norm_title(&lower);
            if SINGLE_HOLDER.contains(&whole.as_str()) {
                return Some(NormRole {
                    title: whole,
                    org: None,
                    qualifier,
                });
            }
            return Some(NormRole {
                title: norm_title(title_part),
                org: (!org_s.is_empty()).then(|| demonym_to_country(&org_s)),
                qualifier,
            });
        }
    }
    // "the Alliance's Secretary General", "NATO's Secretary General"
    if let Some(p) = lower.iter().position(|w| w.ends_with("'s")) {
        let org = raw[..=p].join(" ");
        let org = org.trim_end_matches("'s").to_string();
        let title = norm_title(&lower[p + 1..]);
        if !title.is_empty() {
            return Some(NormRole {
                title,
                org: Some(org),
                qualifier,
            });
        }
    }
    // "NATO Secretary General", "Polish Defense Minister", "US President";
    // of several runs of title words the last that has a head ("National
    // Bank of Poland Governor": "national" is part of the name).
    let runs = title_runs(&lower);
    let (split, tail_end) = runs
        .iter()
        .rev()
        .find(|(a, b)| {
            lower[*a..*b]
                .iter()
                .any(|w| HEAD_WORDS.contains(&w.as_str()))
        })
        .or(runs.first())
        .copied()
        .unwrap_or((lower.len(), lower.len()));
    let title = norm_title(&lower[split..tail_end]);
    if title.is_empty() {
        return None;
    }
    let org_words: Vec<&str> = raw[..split]
        .iter()
        .chain(raw[tail_end..].iter())
        .map(|s| s.as_str())
        .collect();
    let org = (!org_words.is_empty()).then(|| demonym_to_country(&org_words.join(" ")));
    Some(NormRole {
        title,
        org,
        qualifier,
    })
}

/// Title words that head an office (not "national", "first", "chief").
const HEAD_WORDS: &[&str] = &[
    "secretary",
    "president",
    "minister",
    "chancellor",
    "adviser",
    "advisor",
    "ceo",
    "executive",
    "commander",
    "governor",
    "mayor",
    "speaker",
    "director",
    "representative",
    "king",
    "queen",
    "pope",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "cfo",
    "coo",
    "head",
    "leader",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "ambassador",
    "envoy",
    "senator",
    "officer",
    "secretary-general",
    "diplomat",
];

/// The maximal runs of title words, as (start, end) word positions.
fn title_runs(lower: &[String]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        if TITLE_WORDS.contains(&lower[i].as_str()) {
            let start = i;
            while i < lower.len() && TITLE_WORDS.contains(&lower[i].as_str()) {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// "Polish" -> "Poland" (gazetteer demonyms); anything else unchanged.
pub fn demonym_to_country(s: &str) -> String {
    let lx = Lexicon::get();
    match lx.demonyms.get(&s.to_lowercase()) {
        Some(&id) => lx.entry(id).name.clone(),
        None => s.to_string(),
    }
}

/// Words in a portfolio that make an office one of several ("deputy
/// water minister", "minister of state").
const NOT_SINGLE: &[&str] = &[
    "deputy",
    "assistant",
    "junior",
    "state",
    "vice",
    "shadow",
    "regional",
    "provincial",
];

/// Whether an office has one holder at a time in its country or
/// organisation: a known title, a minister of a portfolio ("water
/// minister", "environment water minister"), the manager or head coach of
/// a club, or a title the user lists.
pub fn is_single_holder(title: &str, extra: &[String]) -> bool {
    if SINGLE_HOLDER.contains(&title) || extra.iter().any(|e| e.eq_ignore_ascii_case(title)) {
        return true;
    }
    let words: Vec<&str> = title.split(' ').collect();
    if words.iter().any(|w| NOT_SINGLE.contains(w)) {
        return false;
    }
    (words.len() >= 2 && words.last() == Some(&"minister"))
        || title == "manager"
        || title == "head coach"
}

#[path = "roles_single.rs"]
mod single;
pub use single::{is_single_in_story, single_where_named};

#[path = "roles_bodies.rs"]
mod bodies;
pub use bodies::{is_body_noun, is_kind_noun, noun_fits_name};

/// True when the qualifier places the role outside the file's present.
pub fn is_current(q: Option<RoleQualifier>) -> bool {
    q.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(t: &str, q: Option<RoleQualifier>) -> RoleAttr {
        RoleAttr {
            start: 0,
            end: t.len(),
            text: t.to_string(),
            qualifier: q,
        }
    }

    fn norm(t: &str) -> (String, Option<String>, Option<RoleQualifier>) {
        let r = normalize(&role(t, None), "").unwrap();
        (r.title, r.org, r.qualifier)
    }

    #[test]
    fn forms_of_one_role_agree() {
        let a = norm("NATO Secretary General");
        assert_eq!(a, ("secretary general".into(), Some("NATO".into()), None));
        assert_eq!(norm("Secretary General of NATO"), a);
        assert_eq!(norm("Secretary-General of the NATO"), a);
        let b = norm("the Alliance's Secretary General");
        assert_eq!(
            (b.0, b.1),
            ("secretary general".into(), Some("Alliance".into()))
        );
    }

    #[test]
    fn conjuncts_qualifiers_and_demonyms() {
        let r =
            norm("U.S. National Security Advisor Jake Sullivan and then-NATO Secretary General");
        assert_eq!(
            r,
            (
                "secretary general".into(),
                Some("NATO".into()),
                Some(RoleQualifier::Then)
            )
        );
        let r = norm("Polish Defence Minister");
        assert_eq!(
            (r.0, r.1),
            ("defense minister".into(), Some("Poland".into()))
        );
        let r = normalize(&role("President", None), "said that former ").unwrap();
        assert_eq!(r.qualifier, Some(RoleQualifier::Former));
        assert_eq!(r.org, None);
        let r = norm("National Bank of Poland Governor");
        assert_eq!(
            (r.0, r.1),
            ("governor".into(), Some("National Bank of Poland".into()))
        );
        let r = norm("White House National Security Advisor");
        assert_eq!(
            (r.0, r.1),
            (
                "national security adviser".into(),
                Some("White House".into())
            )
        );
        let r = norm("Minister of Foreign Affairs");
        assert_eq!((r.0, r.1), ("foreign minister".into(), None));
        // A verb the recogniser took in before the qualifier.
        let r = norm("replace outgoing mayor");
        assert_eq!((r.0, r.2), ("mayor".into(), Some(RoleQualifier::Outgoing)));
        assert!(is_single_holder("secretary general", &[]));
        assert!(!is_single_holder("minister", &[]));
        assert!(is_single_holder(
            "editor in chief",
            &["Editor in Chief".into()]
        ));
    }
}
