//! The incumbent of an office being contested: "Camila Rojas won the race
//! for mayor of Valparaiso and succeeds incumbent Jorge Paredes", "was
//! elected governor of Lagos State, unseating incumbent X". The office is
//! the one the sentence says was contested; the incumbent is its holder
//! leaving it, comparable with "the outgoing mayor, Y" of another report.
use super::*;

/// Verbs that put the incumbent out of the office: the winner takes it.
static SUCCEEDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:succeeds|succeeding|succeeded|succeed|replaces|replacing|replaced|replace|unseats|unseating|unseated|unseat|ousts|ousting|ousted|oust|defeats|defeating|defeated|defeat|beats|beating|beat)\s+(?:the\s+)?incumbent\s+$",
    )
    .unwrap()
});

/// The office a contest was for: "the race for mayor of Valparaiso", "the
/// election for governor of X", "was elected mayor of X" (group 1, the
/// office's words up to a time, a clause or a stop).
static CONTESTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:(?:race|election|contest|run|bid|vote|runoff|run-off)\s+for|elected(?:\s+as)?)\s+(?:the\s+)?((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?:\s+(?:on|in|last|this|after|with|by|and)\b|[,;.]|$)",
    )
    .unwrap()
});

/// The incumbent the sentence's winner succeeds, with the office that was
/// contested. Nothing when the sentence names no contested office, or the
/// incumbent already has an office read (the recogniser's "incumbent mayor
/// X").
pub(super) fn incumbents(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let sentence = &text[inp.start..inp.end];
    if !sentence.contains("incumbent") {
        return;
    }
    let Some(c) = CONTESTED.captures(sentence) else {
        return;
    };
    let g = c.get(1).expect("group 1");
    let ws = words(text, inp.start + g.start(), inp.start + g.end());
    let Some(office) = read_office(inp, &ws) else {
        return;
    };
    if !crate::analysis::claims::roles::is_single_holder(&office.title, &[]) {
        return;
    }
    for k in mentions_in(doc, inp.start, inp.end) {
        let m = &doc.mentions[k as usize];
        if m.kind != EntityKind::Person || !looks_like_name(m, text) {
            continue;
        }
        let from = crate::analysis::claims::words::floor_boundary(
            text,
            m.start.saturating_sub(40).max(inp.start),
        );
        if !SUCCEEDS.is_match(&text[from..m.start]) {
            continue;
        }
        let has_office = out
            .iter()
            .any(|f| matches!(&f.body, FactBody::Role { person, .. } if *person == k));
        if has_office {
            continue;
        }
        let mut f = Fact::new(
            m.start,
            m.end,
            text,
            FactBody::Role {
                person: k,
                role: NormRole {
                    title: office.title.clone(),
                    org: office.org.clone(),
                    qualifier: Some(RoleQualifier::Outgoing),
                },
                role_text: String::new(),
                when: None,
            },
        );
        f.text = text[m.start..m.end].to_string();
        out.push(f);
    }
}
