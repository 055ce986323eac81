//! Prison terms as news writes them: who serves one ("sentenced X to",
//! "X was jailed for", "handed X a 15-year sentence", "the term handed to
//! X"), a term named by its noun rather than by a verb of sentencing
//! ("The fifteen-year term handed to X"), and the suspended part of a
//! term ("five years of it suspended") as against the whole ("a 15-year
//! sentence, five of which were suspended").
use super::*;

/// Verbs after which the person sentenced is named, before the term.
const SENTENCING_VERBS: &[&str] = &[
    "sentenced ",
    "jailed ",
    "sentencing ",
    "imprisoned ",
    "handed ",
    "gave ",
    "given ",
];

/// The person a sentence sends to prison: named between the verb and the
/// term ("sentenced former fund manager X to 15 years", "handed X a
/// 15-year sentence"), the subject of a passive ("X, ..., was jailed
/// for 12 years"), or after "handed to" following the term ("the
/// fifteen-year term handed to X").
pub(super) fn sentenced_person(
    inp: &FactInput,
    amount_start: usize,
    amount_end: usize,
) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let person = |k: &u32| doc.mentions[*k as usize].kind == EntityKind::Person;
    let before = text[inp.start..amount_start.min(inp.end)].to_ascii_lowercase();
    let active = SENTENCING_VERBS
        .iter()
        .filter_map(|v| before.rfind(v).map(|i| i + v.len()))
        .max()
        .and_then(|at| {
            mentions_in(doc, inp.start + at, amount_start)
                .into_iter()
                .find(person)
        });
    if active.is_some() {
        return active;
    }
    // "X was jailed for 12 years": the last person before the passive.
    let passive = [
        "was sentenced",
        "were sentenced",
        "was jailed",
        "were jailed",
        "was imprisoned",
    ]
    .iter()
    .filter_map(|v| before.rfind(v))
    .max();
    if let Some(at) = passive {
        return mentions_in(doc, inp.start, inp.start + at)
            .into_iter()
            .rev()
            .find(person);
    }
    // "the fifteen-year term handed to X".
    let after = &text[amount_end.min(inp.end)..inp.end];
    let low = after.to_ascii_lowercase();
    let at = ["handed to ", "given to ", "imposed on "]
        .iter()
        .filter_map(|v| low.find(v).map(|i| i + v.len()))
        .min()
        .filter(|&i| i <= 40)?;
    let from = amount_end + at;
    mentions_in(doc, from, inp.end)
        .into_iter()
        .find(|k| person(k) && doc.mentions[*k as usize].start <= from + 30)
}

/// A term named by its noun: "The fifteen-year term handed to X", "a
/// 12-year jail term", "a 15-year prison sentence". A term of office
/// ("a five-year term as president") is no prison term: the words around
/// must say it is handed down or served in prison.
pub(super) fn term_noun_after(inp: &FactInput, amount_end: usize) -> bool {
    let after = inp.text[amount_end.min(inp.end)..inp.end].to_ascii_lowercase();
    let ws: Vec<&str> = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    let noun = match ws.as_slice() {
        ["prison" | "jail", "term" | "sentence", ..] => return true,
        ["term" | "sentence", ..] => true,
        _ => false,
    };
    let sentence = inp.text[inp.start..inp.end].to_ascii_lowercase();
    noun && ["handed", "jail", "prison", "sentenc", "imprison", "serve"]
        .iter()
        .any(|w| sentence.contains(w))
}

/// A term written as time to go to prison for: "will go to prison for
/// six years and nine months", "sent to jail for 12 years", "behind bars
/// for a decade". Time already served ("spent two years in prison") is
/// written otherwise and is no term handed down.
pub(super) fn term_in_prison(inp: &FactInput, amount_start: usize) -> bool {
    let before = inp.text[inp.start..amount_start.clamp(inp.start, inp.end)].to_ascii_lowercase();
    let ws: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .collect();
    matches!(
        ws.as_slice(),
        ["for", "prison" | "jail", "to", ..] | ["for", "bars", "behind", ..]
    )
}

/// A term written as what the convicted received: "X received eight
/// years", "was given eight years", "got six years", in a sentence that
/// tells of a court or a prison ("the court in Lyon ruled"). Years
/// received of anything else ("received eight years of funding") have no
/// court in their sentence, or "of" after them.
pub(super) fn term_received(inp: &FactInput, (start, end): (usize, usize)) -> bool {
    let before = inp.text[inp.start..start.clamp(inp.start, inp.end)].to_ascii_lowercase();
    let last = before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty());
    if !matches!(
        last,
        Some("received" | "receives" | "receive" | "got" | "given" | "gets")
    ) {
        return false;
    }
    let after = inp.text[end.min(inp.end)..inp.end]
        .trim_start()
        .to_ascii_lowercase();
    if after.starts_with("of") || after.starts_with("ago") || after.starts_with("old") {
        return false;
    }
    let sentence = inp.text[inp.start..inp.end].to_ascii_lowercase();
    ["court", "judge", "sentenc", "jail", "prison", "convicted"]
        .iter()
        .any(|w| sentence.contains(w))
}

/// Whether a term is the suspended part of a sentence: "suspend" before
/// it in its clause ("the judge suspended five years of the sentence"), or
/// after it with no other number between ("five years of it suspended");
/// not the whole term of "a 15-year sentence, five of which were
/// suspended".
pub(super) fn suspended_part(
    text: &str,
    (ca, cb): (usize, usize),
    (fs, fe): (usize, usize),
) -> bool {
    let low = text[ca..cb].to_ascii_lowercase();
    let (fs, fe) = (fs.clamp(ca, cb) - ca, fe.clamp(ca, cb) - ca);
    if low[..fs].contains("suspend") {
        return true;
    }
    let Some(at) = low[fe..].find("suspend") else {
        return false;
    };
    let between = &low[fe..fe + at];
    !between.split(|c: char| !c.is_alphanumeric()).any(|w| {
        !w.is_empty()
            && (w.chars().all(|c| c.is_ascii_digit())
                || crate::analysis::claims::quantity::number::is_number_word(w))
    })
}

/// The event of a prison term: the sentencing of the person who serves
/// it, whatever other event the parse hung the term on ("the term handed
/// to X").
pub(super) fn sentencing_of(event: &mut Option<Event>, serving: Option<u32>, span: (usize, usize)) {
    use crate::analysis::claims::frames::EventKind;
    // "X will go to prison for six years": no verb of sentencing, but the
    // term is of X's sentencing all the same.
    if event.is_none() && serving.is_some() {
        *event = Some(Event {
            kind: EventKind::Sentencing,
            start: span.0,
            end: span.1,
            participants: Vec::new(),
            places: Vec::new(),
            names: Vec::new(),
            when: None,
            date_span: None,
            negated: false,
            background: false,
            descriptor: Vec::new(),
            another: false,
            place_words: Vec::new(),
            vehicle: None,
            place_names: Vec::new(),
            parts: Vec::new(),
            phase_words: Vec::new(),
            around: Vec::new(),
            night: false,
        });
    }
    let Some(e) = event.as_mut() else {
        return;
    };
    if e.kind != EventKind::Sentencing {
        e.kind = EventKind::Sentencing;
        e.participants.clear();
    }
    if let Some(s) = serving.filter(|s| !e.participants.contains(s)) {
        e.participants.push(s);
        e.participants.sort_unstable();
    }
}

/// Whether a duration is the stretch of time something went on over, not
/// a term: "evading 38.4 million euros in taxes over eight years", "across
/// three years", "during two years". "Jailed for over eight years" and
/// "sentenced to over eight years" are terms.
pub(super) fn time_span(text: &str, fs: usize, amount: &Amount) -> bool {
    if !DURATIONS.contains(&amount.unit.as_str()) {
        return false;
    }
    let before: Vec<String> = crate::analysis::claims::words::words(
        text,
        crate::analysis::claims::words::floor_boundary(text, fs.saturating_sub(40)),
        fs,
    )
    .iter()
    .rev()
    .take(2)
    .map(|w| w.text.to_ascii_lowercase())
    .collect();
    let prev = before.first().map(String::as_str);
    let spans = |w: Option<&str>| matches!(w, Some("over" | "across" | "during" | "spanning"));
    if spans(prev) {
        // "sentenced to over eight years" reads "over" before the amount.
        return !matches!(
            before.get(1).map(String::as_str),
            Some("for" | "to" | "of" | "serve" | "serving")
        );
    }
    // The amount reader kept "over" as the amount's own modifier.
    amount.modifier == "over" && !matches!(prev, Some("for" | "to" | "of" | "serve" | "serving"))
}

/// What an amount of an event measures when no word says: money of a
/// pledge is aid, money of an acquisition its price, years of a sentencing
/// the prison term.
pub(super) fn measure_of_event(
    kind: crate::analysis::claims::frames::EventKind,
    amount: &Amount,
) -> Option<&'static str> {
    use crate::analysis::claims::frames::EventKind as K;
    // Only what the event itself measures: a prison term. Money given or
    // paid is named by its cue words ("aid", "pay", "buy"); without one
    // the amount is no comparable fact (a guessed measure is worse than
    // none: "giving the company a market value of" is no aid).
    match kind {
        K::Sentencing if DURATIONS.contains(&amount.unit.as_str()) => Some("prison term"),
        _ => None,
    }
}
