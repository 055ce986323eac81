//! Appointments: "<Name> was sworn in as", "parliament approved <Name>
//! as", and the country whose parliament or government chooses; and
//! dismissals: "the club sacked manager <Name>"; and the predecessor an
//! appointee replaces ("swore in X as finance minister, replacing Y").
use super::*;

/// "<Name> was sworn in as", "has been appointed", "became".
pub(super) static SWORN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^,?\s+(?:(?:who )?(?:was |has been |had been |is |were |will be |would be |is to be |is due to be )?(?:sworn in|appointed|named|elected|confirmed|installed|took office)(?: as)?|(?:who )?(?:will |would |is to |is set to |is due to )?(?:became|becomes|become)|(?:who )?(?:will |would |is to |is set to |is due to |has |had )?(?:take|takes|took|taken) over as|(?:who )?(?:has |had |will |would |is to |is set to )?(?:replaced|replaces|replace|succeeded|succeeds|succeed) [^,;()]{1,40}? as)\s+",
    )
    .unwrap()
});

/// "parliament approved <Name> as", "appointed <Name> as".
static CHOSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:approved|appointed|named|confirmed|elected|installed|chose|swore in|swears in|has sworn in)\s",
    )
        .unwrap()
});

/// "X, who has been chief executive since 2017,", "who was finance
/// minister until 2019": what the holder is or was (group 1 "was", "had
/// been", "served as": a past holding).
pub(super) static HOLDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^,\s+who\s+(?:(was|had been|served as|had served as)|has been|is|has served as|serves as)\s+",
    )
    .unwrap()
});

/// "will be sworn in as", "would become": the holding is to come.
pub(super) static FUTURE_AUX: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b(?:will|would|is to|is set to|is due to)\s").unwrap()
});

/// "<Name> will join Vantora Telecom as", "joins as": a holder to come,
/// of the organisation joined when it is named (group 1).
pub(super) static JOINED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^,?\s+(?:who\s+)?(?:will\s+|would\s+|is to\s+|is set to\s+|is due to\s+|has agreed to\s+)?(?:join|joins|rejoin|rejoins)\s+(?:(?:the\s+)?([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4})\s+)?as\s+(?:(?:the|a|its|their)\s+)?",
    )
    .unwrap()
});

/// The organisation that chooses in the sentence, its name right before
/// the choosing verb ("Rival Norcell named X as its chief financial
/// officer", "Vantora Telecom has appointed X as"): whose office it is.
/// The recogniser may have typed the name a person's ("Nordwerk
/// Logistik"): with `its` ("as its new chief operating officer") the
/// chooser is no person. A place chooses no company's officer (see
/// [`chooser_country`]).
pub(super) fn chooser_org(inp: &FactInput, at: usize, its: bool) -> Option<String> {
    let (text, doc) = (inp.text, inp.doc);
    let from =
        crate::analysis::claims::words::floor_boundary(text, at.saturating_sub(120).max(inp.start));
    let before = text[from..at].to_ascii_lowercase();
    let verb = CHOSE.find_iter(&before).last()?;
    let verb_at = from + verb.start();
    let m = mentions_in(doc, from, verb_at)
        .into_iter()
        .map(|k| &doc.mentions[k as usize])
        .rfind(|m| m.end <= verb_at);
    let (name_end, name) = match m {
        Some(m) if text[m.end..verb_at].split_whitespace().count() <= 3 => {
            let usable = match m.kind {
                EntityKind::Organization => true,
                EntityKind::Person => its,
                _ => false,
            };
            if !usable {
                return None;
            }
            let name = m.text(text).trim_end_matches("'s").trim_end_matches("’s");
            (m.end, name.to_string())
        }
        _ => {
            // No name found: the capitalised words right before the verb
            // ("Rival Norcell named"), an ordinary word that starts the
            // sentence left out.
            let words: Vec<&str> = text[from..verb_at].split_whitespace().collect();
            let caps: Vec<&str> = words
                .iter()
                .rev()
                .skip_while(|w| matches!(w.to_ascii_lowercase().as_str(), "has" | "have" | "had"))
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .copied()
                .collect();
            let name: Vec<&str> = caps
                .into_iter()
                .rev()
                .skip_while(|w| {
                    crate::analysis::ner::common_words::is_english_word(&w.to_lowercase())
                })
                .collect();
            if name.is_empty() || !its {
                return None;
            }
            let name = name.join(" ");
            let end = from + text[from..verb_at].rfind(name.as_str())? + name.len();
            (end, name)
        }
    };
    // Only auxiliaries and a time between the name and the verb ("has",
    // "on Tuesday").
    let between: Vec<&str> = text[name_end..verb_at].split_whitespace().collect();
    let aux = |w: &&str| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "has" | "have" | "had" | "formally" | "also" | "on" | "today" | "yesterday"
        ) || crate::analysis::claims::dates::calendar::WEEKDAYS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(w))
    };
    if between.len() > 3 || !between.iter().all(aux) {
        return None;
    }
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    lx.lookup(&name)
        .is_none_or(|id| lx.entry(id).subkind == "company")
        .then_some(name)
}

/// "swore in Kwame Asante as": a name the recogniser took for a place
/// after "in" is the person sworn in (one swears in people only), when
/// "as" and the office follow it and none of its words is an ordinary
/// one.
pub(super) fn sworn_in_by_name(text: &str, from: usize, m: &Mention) -> bool {
    let start =
        crate::analysis::claims::words::floor_boundary(text, m.start.saturating_sub(20).max(from));
    let before = text[start..m.start].to_ascii_lowercase();
    let before = before.trim_end();
    let words: Vec<&str> = m.text(text).split_whitespace().collect();
    ["sworn in", "swore in", "swears in"]
        .iter()
        .any(|v| before.ends_with(v))
        && (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !crate::analysis::ner::common_words::is_english_word(&w.to_lowercase())
        })
        && text[m.end..].starts_with(" as ")
}

/// Words that end what may stand between a choosing verb and the name.
const NOT_DESCRIBING: &[&str] = &[
    "on", "in", "at", "by", "to", "for", "of", "from", "with", "that", "who", "but", "as", "after",
    "before", "said", "says",
];

/// Whether `before` (lower case, up to the name) ends in a choosing verb,
/// perhaps with a short description of the person between ("approved
/// surgeon Dr", "named former banker").
pub(super) fn chosen(before: &str) -> bool {
    CHOSE.find_iter(before).last().is_some_and(|m| {
        let between: Vec<&str> = before[m.end()..].split_whitespace().collect();
        between.len() <= 4
            && between.first().is_none_or(|w| *w != "and")
            && between.iter().all(|w| {
                !NOT_DESCRIBING.contains(w)
                    && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
            })
    })
}

/// An apposition between the name and "as": ", a 44-year-old energy
/// economist, as ", ", head of its corporate banking division, as ",
/// ", currently deputy finance director, a former Nordea banker, as "
/// (two parts).
pub(super) static APPOSITION_AS: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^,\s+(?:(?:a|an|the)\s)?[^,;()]{1,60}(?:,\s+[^,;()]{1,60})?,\s+as\s+")
            .unwrap()
    });

/// "appointed X to replace Y as chief executive", "named X to succeed Y
/// as": after the appointee, the one replaced, then the office.
pub(super) static REPLACING_AS: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s+to\s+(?:replace|succeed)\s+[^,;()]{1,40}?\s+as\s+").unwrap()
    });

/// What a sentence may set between a name and its verb of appointment:
/// an age (", 55,"), a relative clause (", who grew up in Chennai,") or
/// a description (", a senator,"), closed by a comma and holding none.
static SET_BETWEEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^,\s+(?:\d{1,3}|who\s[^,;()]{1,80}|(?:a|an)\s[^,;()]{1,60}),").unwrap()
});

/// The appointment after a name that an age, a relative clause or a
/// description sets apart from it ("Priya Natarajan, who grew up in
/// Chennai, has been appointed chief executive"; "Ignacio Fuenzalida, a
/// senator, became economy minister"): how far into `rest` (the text
/// after the name, lower-cased) the words of appointment start and end.
/// Not a holding the
/// clause states itself (", who has been chief executive since": see
/// [`HOLDS`]).
pub(super) fn sworn_after_aside(rest: &str) -> Option<(usize, usize)> {
    if HOLDS.is_match(rest) {
        return None;
    }
    let aside = SET_BETWEEN.find(rest)?;
    // The comma that closes the aside starts what SWORN reads.
    let from = aside.end() - 1;
    SWORN.find(&rest[from..]).map(|m| (from, from + m.end()))
}

/// The country whose parliament or government appoints in the sentence
/// before `at`: "Croatia's parliament on Thursday confirmed X as economy
/// minister" makes X Croatia's minister.
pub(super) fn chooser_country(inp: &FactInput, at: usize) -> Option<String> {
    let (text, doc) = (inp.text, inp.doc);
    mentions_in(doc, inp.start, at).into_iter().find_map(|k| {
        let m = &doc.mentions[k as usize];
        if m.kind != EntityKind::Location {
            return None;
        }
        let rest = text[m.end..at].to_ascii_lowercase().replace('’', "'");
        let chooser = [
            "'s parliament",
            "'s government",
            "'s president",
            "'s prime minister",
            "'s senate",
            "'s cabinet",
            "'s national assembly",
        ]
        .iter()
        .any(|c| rest.starts_with(c));
        let name = m.text(text);
        let country = crate::analysis::claims::resolve::country_of_name(name)?;
        (chooser
            && crate::analysis::text::fold::ascii_key(&country)
                == crate::analysis::text::fold::ascii_key(name))
        .then_some(country)
    })
}

/// A verb of dismissal right before an office ("have sacked manager",
/// "fired its chief executive", "parted company with head coach").
static DISMISSED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:sacked|sacks|sack|fired|fires|dismissed|dismisses|ousted|ousts|axed|axes|removed|replaced|replaces|replacing|succeeding|succeeds|(?:takes|took|taking|take) over from|in place of|suspended|parted (?:company|ways) with|sacking|firing|dismissal of|ouster of|removal of)\s+(?:(?:its|their|the|his|her)\s+)?$",
    )
    .unwrap()
});

/// Whether the sentence from `from` up to `at` ends in a verb of
/// dismissal (only the last 60 bytes are read).
pub(super) fn dismissed_before(text: &str, from: usize, at: usize) -> bool {
    let start =
        crate::analysis::claims::words::floor_boundary(text, at.saturating_sub(60).max(from));
    DISMISSED.is_match(&text[start..at])
}

/// Words of a sentence that appoints someone.
const APPOINTING: &[&str] = &[
    "appoint",
    "named",
    "names ",
    "name ",
    "swore",
    "sworn",
    "elected",
    "took office",
    "takes office",
    "join",
    "become",
    "became",
    "chose",
    "hired",
    "hires",
    "promoted",
    "confirmed",
    "installed",
];

/// Words right before a name that make it the one an appointee replaces.
static REPLACED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:replacing|succeeding|replaces|succeeds|replaced|succeeded|replace|succeed|(?:takes|took|taking|take) over from|in place of)\s+$",
    )
    .unwrap()
});

/// "swore in Kwame Asante as finance minister on Tuesday, replacing Ama
/// Boateng", "Julia Kern ... as its new chief operating officer,
/// succeeding Anna Vogt": the one replaced held the office the sentence
/// gives its one appointee, and leaves it. Only with one office read in
/// the sentence (of which holder else?) and the predecessor named with
/// no office of their own.
pub(super) fn predecessors(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    // The appointee: the one holder of a single-holder office the
    // sentence names as appointed ("as finance minister") or new, else
    // its one office ("Zambian President X swore in Y as finance
    // minister": Y's).
    let roles: Vec<(u32, &NormRole, bool)> = out
        .iter()
        .filter_map(|f| match &f.body {
            FactBody::Role { person, role, .. }
                if crate::analysis::claims::roles::is_single_holder(&role.title, &[]) =>
            {
                let chosen = f.text.contains(" as ")
                    || role.qualifier == Some(crate::analysis::model::RoleQualifier::Incoming);
                Some((*person, role, chosen))
            }
            _ => None,
        })
        .collect();
    let chosen: Vec<&(u32, &NormRole, bool)> = roles.iter().filter(|r| r.2).collect();
    let (appointee, role) = match (chosen.as_slice(), roles.as_slice()) {
        ([one], _) => (one.0, one.1),
        ([], [one]) => (one.0, one.1),
        _ => return,
    };
    if !crate::analysis::claims::roles::is_single_holder(&role.title, &[])
        || role.qualifier.is_some_and(|q| {
            !matches!(
                q,
                crate::analysis::model::RoleQualifier::Incoming
                    | crate::analysis::model::RoleQualifier::Future
            )
        })
    {
        return;
    }
    // The sentence appoints: a verb of choosing or starting, or a holder
    // called new ("Chief executive X said the company was replacing Y"
    // appoints no one to X's office).
    let said = text[inp.start..inp.end].to_ascii_lowercase();
    let appoints = role.qualifier.is_some() || APPOINTING.iter().any(|v| said.contains(v));
    if !appoints {
        return;
    }
    let role = role.clone();
    let mut found = Vec::new();
    for k in mentions_in(doc, inp.start, inp.end) {
        let m = &doc.mentions[k as usize];
        if m.kind != EntityKind::Person || k == appointee || !looks_like_name(m, text) {
            continue;
        }
        let from = crate::analysis::claims::words::floor_boundary(
            text,
            m.start.saturating_sub(40).max(inp.start),
        );
        // ("replacing Ravi Singh as head of operations": another office.)
        let as_other = text[m.end..]
            .trim_start_matches([',', ' '])
            .starts_with("as ");
        if REPLACED.is_match(&text[from..m.start]) && !as_other {
            found.push(k);
        }
    }
    for k in found {
        let m = &doc.mentions[k as usize];
        let mut f = Fact::new(
            m.start,
            m.end,
            text,
            FactBody::Role {
                person: k,
                role: NormRole {
                    title: role.title.clone(),
                    org: role.org.clone(),
                    qualifier: Some(crate::analysis::model::RoleQualifier::Outgoing),
                },
                role_text: String::new(),
                when: None,
            },
        );
        f.text = text[m.start..m.end].to_string();
        out.push(f);
    }
}

#[cfg(test)]
#[path = "appointed_tests.rs"]
mod tests;
