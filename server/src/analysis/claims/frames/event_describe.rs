//! Who took part in an event nobody in it is named at, as its sentence
//! describes them ("Water ministers from nine Nile Basin countries met"):
//! the head noun of the description and the words and names that qualify
//! it.
use super::{is_verbal, SentenceFrames, SentenceInput};
use crate::analysis::model::EntityKind;
use crate::analysis::syntax::{Parse, Rel, Upos};

/// The preposition of phrase `d`: its own case marker, or one the parser
/// hung on the phrase's first word ("of" under "Nile" in "of Nile Basin
/// water ministers").
fn phrase_case(p: &Parse, d: usize) -> Option<String> {
    p.case_marker(d).or_else(|| {
        let first = (0..d).find(|&x| p.dominates(d, x))?;
        (p.tokens[first].upos == Upos::Adp && p.tokens[first].deprel.rel == Rel::Case)
            .then(|| p.tokens[first].form.to_lowercase())
    })
}

/// Who took part in an event, as its sentence describes them.
#[derive(Default)]
pub(super) struct Description {
    /// The head noun's lemma, then the words and names that qualify it
    /// (see [`Event::descriptor`]).
    pub words: Vec<String>,
    /// The proper nouns among them that no mention covers, folded.
    pub loose: Vec<String>,
    /// The people named among them: a person qualifying a group of
    /// people ("Nile Basin ministers" with "Basin" taken for a surname)
    /// is not one of them.
    pub people: Vec<u32>,
}

/// The participants of an event nobody is named in, as described: the
/// subject of its verb, or what a noun of it is "of" ("the meeting of Nile
/// Basin water ministers").
pub(super) fn describe(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    core: &[usize],
    anchor: usize,
) -> Description {
    let p = &sf.parse;
    let mut heads: Vec<usize> = Vec::new();
    for &c in core {
        if is_verbal(p, c) {
            heads.extend(p.subjects(c));
            // An unmarked noun before the verb is its subject, however the
            // parser attached it ("Fisheries ministers from six ...
            // countries met").
            heads.extend(p.children(c).iter().copied().filter(|&d| {
                d < c
                    && p.tokens[d].deprel.rel == Rel::Obl
                    && p.tokens[d].upos == Upos::Noun
                    && p.case_marker(d).is_none()
            }));
            // "Ministers responsible for water in the Nile Basin met": the
            // parser made the adjective the predicate and hung the verb
            // on it; the adjective's subject before the verb is the verb's.
            if p.subjects(c).is_empty() {
                if let Some(h) = p.head(c).filter(|&h| p.tokens[h].upos == Upos::Adj) {
                    heads.extend(p.subjects(h).into_iter().filter(|&s| s < c));
                }
                // "Energy ministers from the Baltic Sea countries, meeting
                // in Riga on Thursday, backed": the noun a participle
                // without a subject qualifies (or stands beside, as the
                // parser may read it) is who does it.
                if matches!(p.tokens[c].deprel.rel, Rel::Acl | Rel::Appos) {
                    heads.extend(p.head(c).filter(|&h| h < c));
                }
            }
        }
    }
    if !is_verbal(p, anchor) {
        heads.extend(p.children(anchor).iter().copied().filter(|&d| {
            p.tokens[d].deprel.rel == Rel::Nmod
                && matches!(
                    phrase_case(p, d).as_deref(),
                    Some("of") | Some("between") | Some("among")
                )
        }));
    }
    heads.retain(|&h| matches!(p.tokens[h].upos, Upos::Noun) && !core.contains(&h));
    // The described noun: the first common noun of the phrases that no
    // preposition governs (but the one linking a phrase to the event
    // noun: "the meeting of Nile Basin water ministers").
    let Some(h) = (0..p.len()).find(|&x| {
        heads.iter().any(|&top| x == top || p.dominates(top, x))
            && p.tokens[x].upos == Upos::Noun
            && (p.case_marker(x).is_none() || heads.contains(&x))
            && !matches!(p.tokens[x].deprel.rel, Rel::Compound | Rel::Nummod)
    }) else {
        return Description::default();
    };
    let fold = crate::analysis::text::fold::ascii_key;
    let mut rest: Vec<String> = Vec::new();
    let mut loose: Vec<String> = Vec::new();
    let mut people: Vec<u32> = Vec::new();
    let mut stack: Vec<(usize, usize)> = heads.iter().map(|&t| (t, 0)).collect();
    while let Some((x, depth)) = stack.pop() {
        if sf.loose[x] {
            loose.push(fold(&p.tokens[x].form));
            rest.push(fold(&p.tokens[x].form));
        }
        for m in sf.mentions_at(x) {
            let men = &inp.doc.mentions[m as usize];
            if men.kind.is_name() {
                rest.push(fold(men.text(inp.text)));
            }
            // (A name the noun is, "Minister Tom Harwood", stays one.)
            let modifier =
                p.tokens[x].deprel.rel == Rel::Compound && p.head(x).is_some_and(|y| x < y);
            if men.kind == EntityKind::Person && x != h && modifier {
                people.push(m);
            }
        }
        for &c in p.children(x) {
            let t = &p.tokens[c];
            match t.deprel.rel {
                // A capitalised common noun the tagger took for a name
                // ("Fisheries ministers" opening a sentence): no mention
                // covers it.
                Rel::Compound
                    if x == h
                        && (t.upos == Upos::Noun
                            || (t.upos == Upos::Propn && sf.mentions_at(c).next().is_none())) =>
                {
                    if sf.loose[c] {
                        loose.push(fold(&t.form));
                    }
                    rest.push(t.lemma.to_ascii_lowercase())
                }
                Rel::Compound | Rel::Flat => stack.push((c, depth)),
                // "the Japanese government", "the South Korean
                // government": the country a nationality names tells one
                // government's pledge from another's.
                Rel::Amod if x == h && t.form.starts_with(char::is_uppercase) => {
                    let lx = crate::analysis::ner::lexicon::Lexicon::get();
                    if let Some(id) = lx.country(&t.form) {
                        rest.extend(
                            fold(&lx.entry(id).name)
                                .split_whitespace()
                                .map(String::from),
                        );
                    }
                }
                Rel::Nmod if depth < 2 => stack.push((c, depth + 1)),
                _ if c == h => stack.push((c, depth)),
                _ => {}
            }
        }
    }
    rest.sort();
    rest.dedup();
    let head = p.tokens[h].lemma.to_ascii_lowercase();
    rest.retain(|w| *w != head);
    Description {
        words: std::iter::once(head).chain(rest).collect(),
        loose,
        people,
    }
}
