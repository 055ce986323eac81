//! Generational suffixes after a person's name ("Martin Luther King Jr.",
//! "Iván DeJesús, Jr.", "Richard L. Jones III"): part of the name, never a
//! person "Jr" of their own, and the surname before them is no title
//! ("King" of "Martin Luther King Jr." had been read as a role).
use super::Candidate;
use crate::analysis::model::EntityKind;

const SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// The words of a person's name without a generational suffix at its end
/// ("Richard T. Bissen Jr." -> "Richard T. Bissen"): a folder must not
/// learn "Jr" as a surname.
pub(super) fn without_suffix<'a, 'b>(parts: &'b [&'a str]) -> &'b [&'a str] {
    match parts.split_last() {
        Some((last, rest))
            if !rest.is_empty() && SUFFIXES.contains(&last.trim_end_matches(['.', ','])) =>
        {
            rest
        }
        _ => parts,
    }
}

/// The end of a suffix starting at `at` (after optional spaces and one
/// comma), with its full stop when one is written ("Jr."), if there is one.
fn suffix_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches(' ');
    let trimmed = trimmed
        .strip_prefix(',')
        .map_or(trimmed, |r| r.trim_start_matches(' '));
    let skip = rest.len() - trimmed.len();
    let word_len = trimmed
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(trimmed.len());
    let word = &trimmed[..word_len];
    if !SUFFIXES.contains(&word) {
        return None;
    }
    let mut end = at + skip + word_len;
    if text[end..].starts_with('.') && matches!(word, "Jr" | "Sr") {
        end += 1;
    }
    // The suffix ends there: "Jr" of "Jrs" or "IV" of "IVF" is no suffix.
    let after = text[end..].chars().next();
    after.is_none_or(|c| !c.is_alphanumeric()).then_some(end)
}

/// One capitalised word right after `at` (a space between), then a suffix:
/// the surname of "Martin Luther King Jr." that a title list took.
fn surname_then_suffix(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(' ')?;
    let len = rest
        .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
        .unwrap_or(rest.len());
    let w = &rest[..len];
    if len < 2 || !w.starts_with(|c: char| c.is_uppercase()) || SUFFIXES.contains(&w) {
        return None;
    }
    suffix_end(text, at + 1 + len)
}

/// Extend each person in `out` (sorted, non-overlapping) over a suffix after
/// it, and drop what the longer name now covers.
pub(super) fn join_suffixes(text: &str, out: &mut Vec<Candidate>) {
    if !SUFFIXES.iter().any(|s| text.contains(s)) {
        return;
    }
    let mut changed = false;
    for c in out.iter_mut().filter(|c| c.kind == EntityKind::Person) {
        if let Some(end) = suffix_end(text, c.end).or_else(|| surname_then_suffix(text, c.end)) {
            c.end = end;
            changed = true;
        }
    }
    if !changed {
        return;
    }
    let mut kept: Vec<Candidate> = Vec::with_capacity(out.len());
    for c in out.drain(..) {
        if kept.last().is_some_and(|k| c.start < k.end) {
            continue;
        }
        kept.push(c);
    }
    *out = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_end_names() {
        let t = "Iván DeJesús, Jr. was traded";
        let at = t.find(',').unwrap();
        assert_eq!(suffix_end(t, at), Some(at + 5));
        let t = "Martin Luther King Jr. spoke";
        assert_eq!(surname_then_suffix(t, 13), Some(22));
        let t = "Henry Ford IV said";
        assert_eq!(suffix_end(t, 10), Some(13));
        assert_eq!(suffix_end("Smith IVF clinic", 5), None);
        assert_eq!(suffix_end("Smith, Jones", 5), None);
    }
}
