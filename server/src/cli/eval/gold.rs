//! Gold annotations in brat standoff (GUM news, MEANTIME) and the rule that
//! decides which gold mentions are *named* and therefore scored.
//!
//! crosscheck recognises proper names (and values), not pronouns or common
//! noun phrases, so scoring it against every coreference mention would only
//! measure what it never tries to do. The rule below keeps the gold mentions
//! a name recogniser should find; see [`named_reason`].
use std::collections::HashSet;
use std::path::Path;

use super::words::{DEMONYMS, FUNCTION_WORDS, PRONOUNS, ROLE_WORDS};
use crate::analysis::EntityKind;

/// Which corpus a gold file comes from: the type names and the note keys differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corpus {
    Gum,
    Meantime,
    /// Universal NER (PER / ORG / LOC), e.g. on UD English-EWT: no
    /// identities, so cross-file linking is not measured there.
    Uner,
}

impl Corpus {
    pub fn name(self) -> &'static str {
        match self {
            Corpus::Gum => "GUM news",
            Corpus::Meantime => "MEANTIME en",
            Corpus::Uner => "UNER",
        }
    }

    /// Gold type -> our kind; `None` for types we do not recognise as names.
    fn kind(self, ty: &str) -> Option<EntityKind> {
        match (self, ty) {
            (Corpus::Gum, "person") | (Corpus::Meantime, "PERSON") | (Corpus::Uner, "PER") => {
                Some(EntityKind::Person)
            }
            (Corpus::Gum, "organization")
            | (Corpus::Meantime, "ORGANIZATION")
            | (Corpus::Uner, "ORG") => Some(EntityKind::Organization),
            (Corpus::Gum, "place") | (Corpus::Meantime, "LOCATION") | (Corpus::Uner, "LOC") => {
                Some(EntityKind::Location)
            }
            _ => None,
        }
    }

    /// Note key holding the cross-document identity.
    fn id_key(self) -> &'static str {
        match self {
            Corpus::Gum | Corpus::Uner => "wikipedia=",
            Corpus::Meantime => "chain=",
        }
    }

    /// Note key holding a link to an external knowledge base (a sign that
    /// the annotators considered the mention a named entity).
    fn link_key(self) -> &'static str {
        match self {
            Corpus::Gum | Corpus::Uner => "wikipedia=",
            Corpus::Meantime => "link=",
        }
    }
}

/// One gold mention. Offsets are Unicode character offsets, end exclusive;
/// a discontinuous brat span is scored as its hull (first start, last end).
#[derive(Clone, Debug)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub text: String,
    /// Cross-document identity (GUM `wikipedia=`, MEANTIME `chain=`).
    pub id: Option<String>,
    pub linked: bool,
    /// Scored as the name ending a longer description (rule 6); `start`
    /// and `text` are then those of the name.
    pub tail: bool,
    /// `None` when named (scored); otherwise why not.
    pub excluded: Option<Exclusion>,
}

impl GoldMention {
    pub fn named(&self) -> bool {
        self.excluded.is_none()
    }
}

/// Why a gold mention of a name type is not scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Exclusion {
    /// First word (after a determiner) is lower-case or not a word: "over 700 asylum seekers".
    Lowercase,
    /// A pronoun: "He", "They", "I".
    Pronoun,
    /// A content word is lower-case: "Scientology officials", "Greek court".
    CommonNoun,
    /// Ends in a title or role word: "Apple CEO", "the State Department Spokesperson".
    Role,
    /// A nationality adjective typed as a place: "European", "Japanese".
    Demonym,
    /// A sentence-initial word that appears lower-case elsewhere: "People said".
    SentenceInitial,
    /// The name cut from a description (rule 6) is annotated on its own too.
    Duplicate,
    /// Inside another scored name (rule 8).
    Nested,
}

impl Exclusion {
    pub const ALL: [Exclusion; 8] = [
        Exclusion::Lowercase,
        Exclusion::Pronoun,
        Exclusion::CommonNoun,
        Exclusion::Role,
        Exclusion::Demonym,
        Exclusion::SentenceInitial,
        Exclusion::Duplicate,
        Exclusion::Nested,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Exclusion::Lowercase => "lowercase",
            Exclusion::Pronoun => "pronoun",
            Exclusion::CommonNoun => "common_noun",
            Exclusion::Role => "role",
            Exclusion::Demonym => "demonym",
            Exclusion::SentenceInitial => "sentence_initial",
            Exclusion::Duplicate => "nested_duplicate",
            Exclusion::Nested => "nested",
        }
    }
}

/// The rule, printed with the results so the numbers can be read correctly.
pub const NAMED_RULE: &str = "\
A gold mention is NAMED (scored) when its type is person/organization/location \
(GUM person, organization, place; MEANTIME PERSON, ORGANIZATION, LOCATION) and, \
after dropping a leading the/a/an: (1) its first word starts with an upper-case letter \
and is not a pronoun; (2) every content word (not of/and/for/de/'s/..., not punctuation \
or a number) contains an upper-case letter; (3) its last word is not a title or role \
(CEO, president, spokesman, ...); (4) for locations, it is not a nationality adjective \
(-ian/-ean/-ese/-ish/-ican, French, Dutch, ...); (5) if it is a single sentence-initial \
word without a knowledge-base link, that word never occurs lower-case in the corpus; \
(6) a mention failing only (2) that ends in a run of two or more capitalised words after a \
lower-case word (\"English captain Harry Kane\"), or a mention whose title word is followed \
by such a run (\"Apple CEO Steve Jobs\"), is scored as that final name, once if the name is \
also annotated on its own; (7) likewise a person written with an attached affiliation or \
title (\"Ann Chiang of DAB\", \"DAB 's Starry Lee\", \"Professor Cres Eastman\") is scored as \
the name, and a place followed by its region (\"Chicago , Illinois\") as the place, the \
region being annotated on its own; (8) a name nested inside another scored name \
of another type (\"North Carolina\" in \"the University of North Carolina\") is not scored, as \
flat recognisers mark the outermost name. \
Predictions that match no named gold mention but match an unscored gold mention of \
the same type are IGNORED (neither TP nor FP): e.g. \"Fuad Basya\" inside gold \
\"Major general Fuad Basya\".";

fn is_demonym(w: &str) -> bool {
    let l = w.to_lowercase();
    if l == "vatican" {
        return false;
    }
    DEMONYMS.contains(&l.as_str())
        || ["ian", "ean", "ese", "ish", "ican", "ians", "eans", "icans"]
            .iter()
            .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
}

fn has_letter(w: &str) -> bool {
    w.chars().any(|c| c.is_alphabetic())
}

fn capitalised(w: &str) -> bool {
    // "iPhone", "eBay" are names too: any upper-case letter counts.
    w.chars().any(|c| c.is_uppercase())
}

/// Decide whether a gold mention is named. `tokens` are its words (brat text
/// split on spaces), `sentence_initial` whether it starts a line, and
/// `lower_words` the set of words seen starting lower-case in the corpus.
pub fn named_reason(
    kind: EntityKind,
    tokens: &[&str],
    sentence_initial: bool,
    linked: bool,
    lower_words: &HashSet<String>,
) -> Option<Exclusion> {
    let mut toks = tokens;
    if toks.len() > 1 && ["the", "a", "an"].contains(&toks[0].to_lowercase().as_str()) {
        toks = &toks[1..];
    }
    let first = *toks.first()?;
    if !first.chars().next().is_some_and(|c| c.is_uppercase()) {
        return Some(Exclusion::Lowercase);
    }
    // Case-sensitive on purpose: "US" is the country, "Us" the pronoun.
    let lf = first.to_lowercase();
    // Only a lone word is a pronoun mention ("He"); "His wife" fails the
    // content-word test below. Case matters: "US" is the country, not "us".
    let title_case = first.chars().skip(1).all(|c| !c.is_uppercase());
    if toks.len() == 1 && title_case && PRONOUNS.contains(&lf.as_str()) {
        return Some(Exclusion::Pronoun);
    }
    let content: Vec<&str> = toks
        .iter()
        .copied()
        .filter(|w| has_letter(w) && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    if content.iter().any(|w| !capitalised(w)) {
        return Some(Exclusion::CommonNoun);
    }
    let last = content.last().copied().unwrap_or(first);
    if ROLE_WORDS.contains(&last.to_lowercase().as_str()) {
        return Some(Exclusion::Role);
    }
    if kind == EntityKind::Location && is_demonym(last) {
        return Some(Exclusion::Demonym);
    }
    let shift = tokens.len() - toks.len();
    if sentence_initial && shift == 0 && toks.len() == 1 && !linked && lower_words.contains(&lf) {
        return Some(Exclusion::SentenceInitial);
    }
    None
}

/// The outcome of the named rule for one gold mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// The whole mention is a name.
    Whole,
    /// A description ending in a name ("English captain Harry Kane",
    /// "Airbus chief executive Noel Forgeard"): the name from this token on
    /// is scored, as a name recogniser should find exactly that part.
    Tail(usize),
    /// The name is the tokens `[i, j)` of a longer mention: a person
    /// written with an attached affiliation or title ("Ann Chiang of DAB",
    /// "DAB 's Starry Lee", "Professor Cres Eastman") or a place followed
    /// by the region it is in ("Chicago , Illinois"). Name recognisers mark
    /// the name alone (the CoNLL and OntoNotes conventions), so that part is
    /// scored; GUM annotates the region as a mention of its own.
    Part(usize, usize),
    Excluded(Exclusion),
}

/// Honorifics and titles that GUM keeps at the front of a person mention
/// and name recognisers leave out.
const LEADING_TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "emeritus",
    "ambassador",
    "governor",
    "senator",
    "president",
    "minister",
    "mayor",
    "judge",
    "lady",
    "lord",
    "sir",
    "general",
    "rev",
    "rev.",
    "reverend",
    "justice",
    "chancellor",
];

/// The name inside a person or place mention written with more than the
/// name (see [`Named::Part`]).
fn name_part(kind: EntityKind, tokens: &[&str]) -> Option<(usize, usize)> {
    let cap = |w: &&str| capitalised(w) && has_letter(w);
    let all_name = |ws: &[&str]| {
        !ws.is_empty() && cap(&ws[0]) && ws.iter().all(|w| cap(w) || (is_function(w) && *w != "'s"))
    };
    match kind {
        EntityKind::Person => {
            // "DAB 's Starry Lee"
            if let Some(i) = tokens.iter().rposition(|w| matches!(*w, "'s" | "’s")) {
                if i > 0 && all_name(&tokens[i + 1..]) && all_name(&tokens[..i]) {
                    return Some((i + 1, tokens.len()));
                }
            }
            // "Professor Cres Eastman", "Emeritus Professor John Burrows"
            let mut a = 0;
            while a < tokens.len() && LEADING_TITLES.contains(&tokens[a].to_lowercase().as_str()) {
                a += 1;
            }
            // "Ann Chiang of DAB", "Alvin Yeung from the Civic Party"
            let mut b = tokens.len();
            if let Some(k) = tokens
                .iter()
                .enumerate()
                .skip(a + 1)
                .find(|(_, w)| matches!(**w, "of" | "from"))
                .map(|(k, _)| k)
            {
                if all_name(&tokens[a..k]) {
                    b = k;
                }
            }
            (((a, b) != (0, tokens.len())) && a < b && all_name(&tokens[a..b])).then_some((a, b))
        }
        EntityKind::Location => {
            // "Chicago , Illinois", "Evansville , Indiana , United States"
            let k = tokens.iter().position(|w| *w == ",")?;
            (k > 0 && all_name(&tokens[..k]) && all_name(&tokens[k + 1..])).then_some((0, k))
        }
        _ => None,
    }
}

/// [`named_reason`], plus rule (6): a mention failing only the content-word
/// test is scored as its final name when it ends in one, and so is a named
/// mention whose title is followed by a name ("Apple CEO Steve Jobs").
pub fn classify(
    kind: EntityKind,
    tokens: &[&str],
    sentence_initial: bool,
    linked: bool,
    lower_words: &HashSet<String>,
) -> Named {
    let ok = |a: usize, b: usize| {
        named_reason(kind, &tokens[a..b], false, linked, lower_words).is_none()
    };
    match named_reason(kind, tokens, sentence_initial, linked, lower_words) {
        None => match role_tail(tokens) {
            Some(i) if ok(i, tokens.len()) => Named::Tail(i),
            _ => match name_part(kind, tokens) {
                Some((a, b)) if ok(a, b) => Named::Part(a, b),
                _ => Named::Whole,
            },
        },
        Some(Exclusion::CommonNoun) => match name_tail(tokens) {
            Some(i) if ok(i, tokens.len()) => Named::Tail(i),
            _ => match name_part(kind, tokens) {
                Some((a, b)) if ok(a, b) => Named::Part(a, b),
                _ => Named::Excluded(Exclusion::CommonNoun),
            },
        },
        Some(x) => Named::Excluded(x),
    }
}

/// Start of the name after a title: "Apple CEO Steve Jobs",
/// "Australian Prime Minister John Howard" -> the last two words. The name
/// must follow the role word directly and have two or more words, so
/// "President of the United States" stays whole.
fn role_tail(tokens: &[&str]) -> Option<usize> {
    let r = tokens
        .iter()
        .rposition(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))?;
    let rest = &tokens[r + 1..];
    let all_name = rest
        .iter()
        .all(|w| has_letter(w) && (capitalised(w) || is_function(w)));
    let caps = rest
        .iter()
        .filter(|w| capitalised(w) && !is_function(w))
        .count();
    let starts = rest
        .first()
        .is_some_and(|w| capitalised(w) && !is_function(w));
    (all_name && starts && caps >= 2).then_some(r + 1)
}

fn is_function(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
}

/// Start of a final run of at least two capitalised words (function words
/// inside, no punctuation) right after a lower-case word. Two words, so
/// that "... Leung Kwok - hung of LSD" does not yield "LSD" from a list.
fn name_tail(tokens: &[&str]) -> Option<usize> {
    let mut i = tokens.len();
    while i > 0
        && has_letter(tokens[i - 1])
        && (capitalised(tokens[i - 1]) || is_function(tokens[i - 1]))
    {
        i -= 1;
    }
    while i < tokens.len() && is_function(tokens[i]) {
        i += 1;
    }
    if i == 0 || i >= tokens.len() {
        return None;
    }
    let prev = tokens[i - 1];
    let caps = tokens[i..]
        .iter()
        .filter(|w| capitalised(w) && !is_function(w))
        .count();
    (has_letter(prev) && !capitalised(prev) && caps >= 2).then_some(i)
}

/// Character ranges of the words of a mention's text: split at spaces,
/// with commas and a possessive "'s" as tokens of their own, so the rule
/// reads space-tokenised (GUM news) and natural text alike.
fn token_offsets(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && !chars[j].is_whitespace() {
            j += 1;
        }
        let (mut a, mut b) = (i, j);
        let mut tail = Vec::new();
        loop {
            if b > a + 1 && matches!(chars[b - 1], ',' | ';') {
                tail.push((b - 1, b));
                b -= 1;
            } else if b > a + 2
                && matches!(chars[b - 1], 's' | 'S')
                && matches!(chars[b - 2], '\'' | '’')
            {
                tail.push((b - 2, b));
                b -= 2;
            } else {
                break;
            }
        }
        if a < b {
            out.push((a, b));
        }
        out.extend(tail.into_iter().rev());
        a = j;
        i = a;
    }
    out
}

/// One document: its text and gold mentions of the name types.
pub struct GoldDoc {
    /// File name of the text, e.g. `GUM_news_asylum.txt`.
    pub name: String,
    pub text: String,
    pub mentions: Vec<GoldMention>,
    /// Gold mentions of other types (FINANCE, PRODUCT, event, ...): not
    /// scored, only cited when a prediction lands on one.
    pub others: Vec<(usize, usize, String, String)>,
}

/// Parse one `.ann` file (only the T lines of name types and their notes).
type RawMention = (String, usize, usize, Option<EntityKind>, String, String);

/// Parse one `.ann` file: its T lines (hull offsets, our kind if a name
/// type, else the gold type as the first field) with their notes.
fn parse_ann(corpus: Corpus, ann: &str) -> Vec<RawMention> {
    let mut notes = std::collections::HashMap::new();
    for line in ann.lines() {
        if let Some(rest) = line.strip_prefix('#') {
            let mut f = rest.splitn(3, '\t');
            let (_, target, note) = (f.next(), f.next(), f.next());
            if let (Some(t), Some(n)) = (target, note) {
                let tid = t.split_whitespace().nth(1).unwrap_or("").to_string();
                notes.insert(tid, n.to_string());
            }
        }
    }
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let mut f = line.splitn(3, '\t');
        let (Some(tid), Some(spec), Some(text)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let mut parts = spec.splitn(2, ' ');
        let ty = parts.next().unwrap_or("");
        let kind = corpus.kind(ty);
        // "start end" or "s1 e1;s2 e2": score the hull.
        let nums: Vec<usize> = parts
            .next()
            .unwrap_or("")
            .split([' ', ';'])
            .filter_map(|n| n.parse().ok())
            .collect();
        let (Some(&s), Some(&e)) = (nums.iter().min(), nums.iter().max()) else {
            continue;
        };
        let note = notes.get(tid).cloned().unwrap_or_default();
        let label = if kind.is_some() { tid } else { ty };
        out.push((label.to_string(), s, e, kind, text.to_string(), note));
    }
    out
}

fn note_value(note: &str, key: &str) -> Option<String> {
    note.split_whitespace()
        .find_map(|w| w.strip_prefix(key))
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// Read every `*.txt` + `*.ann` pair of `dir`, sorted by name.
pub fn load(corpus: Corpus, dir: &Path) -> anyhow::Result<Vec<GoldDoc>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && dir.join(n.replace(".txt", ".ann")).is_file())
        .collect();
    names.sort();
    if names.is_empty() {
        anyhow::bail!("no .txt/.ann pairs in {}", dir.display());
    }
    let mut raw = Vec::new();
    let mut lower_words: HashSet<String> = HashSet::new();
    for n in names {
        let text = std::fs::read_to_string(dir.join(&n))?;
        let ann = std::fs::read_to_string(dir.join(n.replace(".txt", ".ann")))?;
        for w in text.split_whitespace() {
            if w.chars().next().is_some_and(|c| c.is_lowercase()) {
                lower_words.insert(w.to_string());
            }
        }
        raw.push((n, text, parse_ann(corpus, &ann)));
    }
    let mut docs = Vec::new();
    for (name, text, anns) in raw {
        let chars: Vec<char> = text.chars().collect();
        let others = anns
            .iter()
            .filter(|a| a.3.is_none())
            .map(|a| (a.1, a.2, a.0.clone(), a.4.clone()))
            .collect();
        let mentions = anns
            .into_iter()
            .filter_map(|(_, s, e, kind, mtext, note)| Some((s, e, kind?, mtext, note)))
            .map(|(s, e, kind, mtext, note)| {
                let sentence_initial = s == 0 || chars.get(s.wrapping_sub(1)) == Some(&'\n');
                let linked = note_value(&note, corpus.link_key()).is_some();
                let offs = token_offsets(&mtext);
                let mchars: Vec<char> = mtext.chars().collect();
                let owned: Vec<String> = offs
                    .iter()
                    .map(|&(a, b)| mchars[a..b].iter().collect())
                    .collect();
                let toks: Vec<&str> = owned.iter().map(String::as_str).collect();
                let contiguous = chars
                    .get(s..e)
                    .is_some_and(|c| c.iter().copied().eq(mtext.chars()));
                let piece = |i: usize, j: usize| -> (usize, usize, String) {
                    let (a, b) = (offs[i].0, offs[j - 1].1);
                    (s + a, s + b, mchars[a..b].iter().collect())
                };
                let (start, end, text, excluded, tail) =
                    match classify(kind, &toks, sentence_initial, linked, &lower_words) {
                        Named::Whole => (s, e, mtext, None, false),
                        Named::Tail(i) if contiguous => {
                            let (a, _, t) = piece(i, toks.len());
                            (a, e, t, None, true)
                        }
                        Named::Tail(_) => (s, e, mtext, Some(Exclusion::CommonNoun), false),
                        Named::Part(i, j) if contiguous => {
                            let (a, b, t) = piece(i, j);
                            (a, b, t, None, true)
                        }
                        Named::Part(..) => (s, e, mtext, None, false),
                        Named::Excluded(x) => (s, e, mtext, Some(x), false),
                    };
                GoldMention {
                    start,
                    end: end.min(chars.len()),
                    kind,
                    id: note_value(&note, corpus.id_key()),
                    linked,
                    excluded,
                    tail,
                    text,
                }
            })
            .collect::<Vec<GoldMention>>();
        let mut mentions = mentions;
        // A name cut from a description is often annotated on its own as
        // well ("Apple CEO Steve Jobs" and "Steve Jobs"): count it once.
        let spans: HashSet<(usize, usize, EntityKind)> = mentions
            .iter()
            .filter(|m| !m.tail)
            .map(|m| (m.start, m.end, m.kind))
            .collect();
        for m in mentions.iter_mut().filter(|m| m.tail) {
            if spans.contains(&(m.start, m.end, m.kind)) {
                m.excluded = Some(Exclusion::Duplicate);
                m.tail = false;
            }
        }
        // Rule (8): flat recognisers mark the outermost name; a name nested
        // in another scored name ("North Carolina" in "University of North
        // Carolina") is not scored, and a prediction of it is ignored.
        // Only a name of another type inside one written as a single name
        // counts: a hull over a list or an apposition ("General Motors ( GM")
        // holds names of its own.
        let outer: Vec<(usize, usize, EntityKind)> = mentions
            .iter()
            .filter(|m| m.named() && !m.text.contains(['(', ',', ';']))
            .map(|m| (m.start, m.end, m.kind))
            .collect();
        for m in mentions.iter_mut().filter(|m| m.named()) {
            if outer.iter().any(|&(s, e, k)| {
                s <= m.start && m.end <= e && (s, e) != (m.start, m.end) && k != m.kind
            }) {
                m.excluded = Some(Exclusion::Nested);
                m.tail = false;
            }
        }
        docs.push(GoldDoc {
            name,
            text,
            mentions,
            others,
        });
    }
    Ok(docs)
}

#[cfg(test)]
#[path = "gold_tests.rs"]
mod tests;
