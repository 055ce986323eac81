//! Consistency within a document: a capitalised single word is a name only
//! when the document names something with it elsewhere, and a
//! sentence-initial word that the document also writes in lower case is an
//! ordinary word.
use rustc_hash::{FxHashMap, FxHashSet};

use super::common_words::is_english_word;
use super::folder::{FileSummary, FolderView, OpenWord, SummaryBuilder};
#[allow(unused_imports)]
use super::names::*;
use super::Candidate;
#[allow(unused_imports)]
use super::{classify::*, roles::*};
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;
use crate::analysis::text::structure::DocStructure;
use crate::analysis::text::tokens::{tokenize_into, TokenKind};

/// Words the document writes in lower case somewhere: a sentence-initial
/// capitalised word that also appears in lower case is an ordinary word.
pub(super) fn lowercase_vocabulary(text: &str, structure: &DocStructure) -> FxHashSet<String> {
    let mut set = FxHashSet::default();
    let mut toks = Vec::new();
    for p in structure.paragraphs.iter().filter(|p| !p.boilerplate) {
        toks.clear();
        tokenize_into(text, p.start, p.end, &mut toks);
        for t in &toks {
            let w = t.text(text);
            if t.kind == TokenKind::Word && w.chars().next().is_some_and(|c| c.is_lowercase()) {
                set.insert(w.to_string());
            }
        }
    }
    set
}

/// Headline words wait one by one; here runs of neighbouring headline words
/// that spell a name the document writes elsewhere become that name
/// (longest first), and the rest stay pending on their own.
fn join_headline_names(
    text: &str,
    out: &mut Vec<Candidate>,
    pending: Vec<Pending>,
    names: &FxHashMap<String, EntityKind>,
) -> Vec<Pending> {
    let mut rest = Vec::with_capacity(pending.len());
    let mut i = 0;
    let adjacent = |a: &Pending, b: &Pending| {
        b.start >= a.end && text[a.end..b.start].chars().all(|c| c == ' ' || c == '-')
    };
    while i < pending.len() {
        if !pending[i].headline {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < pending.len() && pending[j].headline && adjacent(&pending[j - 1], &pending[j]) {
            j += 1;
        }
        // [i, j) is one run of headline words: take the longest known names.
        let mut k = i;
        let mut taken = vec![false; j - i];
        while k < j {
            let mut found = None;
            for end in (k + 2..=j.min(k + 6)).rev() {
                let key = ascii_key(&text[pending[k].start..pending[end - 1].end]);
                if let Some(&kind) = names.get(&key) {
                    found = Some((end, kind));
                    break;
                }
            }
            match found {
                Some((end, kind)) => {
                    out.push(Candidate::new(
                        pending[k].start,
                        pending[end - 1].end,
                        kind,
                        0.8,
                    ));
                    for t in &mut taken[k - i..end - i] {
                        *t = true;
                    }
                    k = end;
                }
                None => k += 1,
            }
        }
        for (t, taken) in taken.iter().enumerate() {
            if !taken {
                rest.push(i + t);
            }
        }
        i = j;
    }
    let keep: FxHashSet<usize> = rest.into_iter().collect();
    pending
        .into_iter()
        .enumerate()
        .filter(|(i, p)| !p.headline || keep.contains(i))
        .map(|(_, p)| p)
        .collect()
}

/// Heads of the names of islands, waters and land areas, whose first word
/// names the place alone too (unlike an airport's or a hospital's, often a
/// person's name).
const GEOGRAPHIC_HEADS: &[&str] = &[
    "island",
    "islands",
    "bay",
    "province",
    "county",
    "district",
    "region",
    "peninsula",
    "valley",
    "river",
    "lake",
    "gulf",
    "strait",
    "coast",
    "atoll",
    "archipelago",
    "municipality",
];

/// Single capitalised words are names only if the document backs them: a
/// surname of a person named in full, a word of an organisation's name, or
/// a person cue. Sentence-initial words need such backing too. What the
/// document cannot decide, the folder may ([`FolderView`]); the returned
/// summary is what this document tells the folder, computed before the
/// folder's view is applied so that it depends on this file alone.
pub(super) fn resolve_pending(
    text: &str,
    out: &mut Vec<Candidate>,
    pending: Vec<Pending>,
    folder: &FolderView,
    lower_words: &FxHashSet<String>,
    open_words: &mut Vec<OpenWord>,
) -> FileSummary {
    let mut summary = SummaryBuilder::default();
    let sports_report =
        super::is_sports_doc(lower_words) || super::sports::reports_a_result(text, lower_words);
    let mut by_word: FxHashMap<String, EntityKind> = FxHashMap::default();
    let mut names: FxHashMap<String, EntityKind> = FxHashMap::default();
    let mut org_words: FxHashMap<String, EntityKind> = FxHashMap::default();
    // First words that stand for a company's whole name ("Ford" of "Ford
    // Motor Company"), even when they are English words.
    let mut short_forms: FxHashMap<String, EntityKind> = FxHashMap::default();
    let mut place_words: FxHashMap<String, EntityKind> = FxHashMap::default();
    for c in out.iter().filter(|c| c.kind.is_name() && !c.contextual) {
        let t = &text[c.start..c.end];
        names.insert(ascii_key(t), c.kind);
        let parts: Vec<&str> = t.split_whitespace().collect();
        // Distinctive words of an organisation's name ("Scientology" in
        // "Church of Scientology"): not heads, not ordinary words, not
        // abbreviations ("St." of "St. Louis Cardinals" is no name alone).
        if c.kind == EntityKind::Organization && parts.len() >= 2 {
            let mut initials = String::new();
            for w in &parts {
                let l = w.to_lowercase();
                if w.chars().next().is_some_and(|ch| ch.is_uppercase()) {
                    initials.extend(ascii_key(w).chars().next());
                    if !super::cues::is_in(super::cues::ORG_HEADS, &l)
                        && !super::cues::is_in(super::cues::ORG_LEADS, &l)
                        && !is_english_word(&l)
                        && !super::common_words::is_common(&l)
                        && !w.ends_with('.')
                    {
                        org_words.entry(ascii_key(w)).or_insert(c.kind);
                        summary.named(ascii_key(w), c.kind);
                    }
                }
            }
            if initials.len() >= 2 && c.gaz.is_none() {
                summary.named(format!("acr:{initials}"), c.kind);
            }
            let capitalised = parts
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if let Some(short) = super::company::short_form(&parts).filter(|_| capitalised) {
                summary.named(short.clone(), c.kind);
                short_forms.entry(short).or_insert(c.kind);
            }
            // (In a sports report, a pair of an unknown town and a plural
            // nickname too: "the Greenfield Hawks", then "the Hawks".)
            let nick = super::sports::team_nickname(&parts).or_else(|| {
                sports_report
                    .then(|| super::sports::nickname_after_unknown_town(&parts))
                    .flatten()
            });
            if let Some(nick) = nick.filter(|_| capitalised) {
                summary.named(nick.clone(), c.kind);
                short_forms.entry(nick).or_insert(c.kind);
            }
        }
        // "Coron Island", "Palawan Province", "Kessaro River": the word
        // before a geographic head is the island's, the province's or the
        // town's name on its own ("in Coron", "Coron is ...").
        if c.kind == EntityKind::Location && parts.len() == 2 {
            let head = parts[1].to_lowercase();
            let w = parts[0];
            let lw = w.to_lowercase();
            if super::cues::is_in(GEOGRAPHIC_HEADS, &head)
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && !is_english_word(&lw)
                && !super::lexicon::Lexicon::get().is_given_name(w)
            {
                place_words
                    .entry(ascii_key(w))
                    .or_insert(EntityKind::Location);
                // The folder learns it too ("in the Meghna" in a file that
                // never writes "Meghna River").
                summary.named(ascii_key(w), EntityKind::Location);
            }
        }
        if c.kind == EntityKind::Person && parts.len() >= 2 {
            // "Richard Bissen Jr.": the surname is the word before the suffix.
            let named = super::name_suffixes::without_suffix(&parts);
            let last = ascii_key(named[named.len() - 1]);
            if last.len() > 1 {
                summary.named(last.clone(), c.kind);
            }
            by_word.entry(last).or_insert(c.kind);
        }
        // A one-word name typed by a cue ("the automaker Chrysler").
        if parts.len() == 1 && c.gaz.is_none() && c.kb.is_none() && c.confidence >= 0.8 {
            summary.named(ascii_key(t), c.kind);
        }
    }
    // Organisation names by their head words, for "the Church".
    let mut by_head: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for c in out
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && !c.contextual)
    {
        let t = &text[c.start..c.end];
        if t.split_whitespace().count() >= 2 {
            let key = ascii_key(t);
            for w in key.split(' ') {
                let v = by_head.entry(w.to_string()).or_default();
                if !v.contains(&key) {
                    v.push(key.clone());
                }
            }
        }
    }
    let lx = super::lexicon::Lexicon::get();
    let mut from_folder = Vec::new();
    let mut pending = join_headline_names(text, out, pending, &names);
    // A company cue at one occurrence ("its division, Opel") types the
    // word's other undecided occurrences in the document ("at Opel").
    let org_hinted: FxHashSet<String> = pending
        .iter()
        .filter(|pd| pd.hint == Some(EntityKind::Organization))
        .map(|pd| ascii_key(&text[pd.start..pd.end]))
        .collect();
    for pd in pending
        .iter_mut()
        .filter(|pd| pd.hint != Some(EntityKind::Organization))
    {
        if !pd.head_alias && org_hinted.contains(&ascii_key(&text[pd.start..pd.end])) {
            pd.hint = Some(EntityKind::Organization);
            pd.weak_person = false;
        }
    }
    // Likewise a verb of saying or doing after one occurrence ("Gorbachev
    // agreed") backs the word's other uncued occurrences ("between
    // Gorbachev and the US", "Gorbachev also proposed"), when the word is
    // no English word (a company's "Apple said" is not spread).
    let person_cued: FxHashSet<String> = pending
        .iter()
        .filter(|pd| pd.weak_person && pd.hint.is_none() && !pd.headline)
        .map(|pd| &text[pd.start..pd.end])
        .filter(|w| !is_english_word(&w.to_lowercase()))
        .map(ascii_key)
        .collect();
    if !person_cued.is_empty() {
        for pd in pending
            .iter_mut()
            .filter(|pd| pd.hint.is_none() && !pd.head_alias && !pd.weak_person)
        {
            if person_cued.contains(&ascii_key(&text[pd.start..pd.end])) {
                pd.weak_person = true;
            }
        }
    }
    for pd in pending {
        if pd.head_alias {
            let head = ascii_key(&text[pd.start..pd.end]);
            if by_head.get(&head).is_some_and(|v| v.len() == 1) {
                out.push(Candidate::new(
                    pd.start,
                    pd.end,
                    EntityKind::Organization,
                    0.75,
                ));
            }
            continue;
        }
        let word = &text[pd.start..pd.end];
        let key = ascii_key(word);
        let kind = names
            .get(&key)
            .or_else(|| by_word.get(&key))
            .or_else(|| org_words.get(&key))
            .or_else(|| short_forms.get(&key))
            .or_else(|| place_words.get(&key))
            .copied();
        if let Some(k) = kind {
            out.push(Candidate::new(pd.start, pd.end, k, 0.8));
            continue;
        }
        // Undecided here: tell the folder, and ask it.
        let lw = word.to_lowercase();
        let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word.chars().all(|c| !c.is_lowercase());
        let ordinary = super::common_words::is_common(&lw) || lx.demonyms.contains_key(&lw);
        if !ordinary && key.len() > 1 {
            let hint = pd.hint.or(pd.weak_person.then_some(EntityKind::Person));
            let mid = !pd.sentence_initial && !pd.headline;
            let english = is_english_word(&lw) || lx.is_given_name(word);
            summary.open(key.clone(), mid, hint, english);
            if acronym {
                summary.open(format!("acr:{key}"), mid, None, english);
            }
            let w = OpenWord {
                start: pd.start,
                end: pd.end,
                key: key.clone(),
                acronym,
                mid,
                gaz: None,
            };
            let c = w.candidate(folder);
            open_words.push(w);
            if let Some(c) = c {
                from_folder.push(c);
                continue;
            }
        }
        match kind {
            Some(_) => unreachable!(),
            // "Hrytsenko said": a verb of saying backs a lone name, even
            // at a sentence start, unless it is an ordinary word.
            None if pd.weak_person && !(pd.sentence_initial && is_english_word(&lw)) => {
                out.push(Candidate::new(pd.start, pd.end, EntityKind::Person, 0.5))
            }
            None => {
                if let Some(h) = pd.hint {
                    out.push(Candidate::new(pd.start, pd.end, h, 0.55));
                }
            }
        }
    }
    out.extend(from_folder);
    retype_maker_pairs(text, out);
    short_forms_from_folder(text, out, folder, &mut summary, open_words);
    summary.finish(|k| lower_words.contains(k))
}

/// A gazetteer entry's one-word short form that counts only where the
/// entry is named in full ("Ford" for Ford Motor Company) and that this
/// file does not back: the folder may, when another file names the entry
/// in full. It is left open under its word, and the folder's verdict
/// replaces the contextual mention by the entry's.
fn short_forms_from_folder(
    text: &str,
    out: &mut [Candidate],
    folder: &FolderView,
    summary: &mut SummaryBuilder,
    open_words: &mut Vec<OpenWord>,
) {
    let lx = super::lexicon::Lexicon::get();
    let named: FxHashSet<u32> = out
        .iter()
        .filter(|c| !c.contextual)
        .filter_map(|c| c.gaz)
        .collect();
    let mut decided = Vec::new();
    for (i, c) in out.iter().enumerate() {
        let Some(g) = c.gaz.filter(|g| c.contextual && !named.contains(g)) else {
            continue;
        };
        let word = &text[c.start..c.end];
        let first = lx.entry(g).name.split_whitespace().next().unwrap_or("");
        if word.contains(' ') || ascii_key(word) != ascii_key(first) {
            continue;
        }
        let key = ascii_key(word);
        let lw = word.to_lowercase();
        let before = text[..c.start].trim_end_matches([' ', '\t', '"', '`', '\'']);
        let mid = before
            .chars()
            .next_back()
            .is_some_and(|ch| !matches!(ch, '.' | '!' | '?' | '\n' | '\r'));
        let english = is_english_word(&lw) || lx.is_given_name(word);
        summary.open(key.clone(), mid, None, english);
        let w = OpenWord {
            start: c.start,
            end: c.end,
            key,
            acronym: false,
            mid,
            gaz: Some(g),
        };
        if let Some(n) = w.candidate(folder) {
            decided.push((i, n));
        }
        open_words.push(w);
    }
    for (i, n) in decided.into_iter().rev() {
        out[i] = n;
    }
}

/// A headline names in short what the text names in full, but headline
/// reading can stop a name early ("Beatles' Apple Corps sues ..." read as
/// "Apple" because the gazetteer knows that company, and "Corps" looks like
/// a capitalised headline word). A headline mention followed by the words
/// that complete a longer name the document's prose writes becomes that
/// name, with its kind.
pub(super) fn complete_headline_names(
    text: &str,
    structure: &DocStructure,
    out: &mut Vec<Candidate>,
) {
    let headlines: Vec<(usize, usize)> = structure
        .paragraphs
        .iter()
        .filter(|p| p.headline && !p.boilerplate)
        .map(|p| (p.start, p.end))
        .collect();
    if headlines.is_empty() {
        return;
    }
    let in_headline = |c: &Candidate| headlines.iter().any(|&(s, e)| s <= c.start && c.end <= e);
    // Names of several words in the prose, with their kind and gazetteer entry.
    let known: FxHashMap<String, (EntityKind, Option<u32>)> = out
        .iter()
        .filter(|c| c.kind.is_name() && !in_headline(c))
        .filter(|c| text[c.start..c.end].contains(' '))
        .map(|c| (ascii_key(&text[c.start..c.end]), (c.kind, c.gaz)))
        .collect();
    if known.is_empty() {
        return;
    }
    // (candidate index, its new end)
    let mut grown: Vec<(usize, usize)> = Vec::new();
    for (i, c) in out.iter().enumerate() {
        if !c.kind.is_name() || !in_headline(c) {
            continue;
        }
        let Some(&(_, pend)) = headlines.iter().find(|&&(s, e)| s <= c.start && c.end <= e) else {
            continue;
        };
        // Up to three following words.
        let mut end = c.end;
        let mut best = None;
        for _ in 0..3 {
            let rest = &text[end..pend];
            let Some(r) = rest.strip_prefix(' ') else {
                break;
            };
            let w = r
                .split(|ch: char| ch.is_whitespace() || ",;:!?\"".contains(ch))
                .next()
                .unwrap_or("");
            if w.is_empty() || !w.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            end += 1 + w.len();
            if known.contains_key(&ascii_key(&text[c.start..end])) {
                best = Some(end);
            }
        }
        if let Some(e) = best {
            grown.push((i, e));
        }
    }
    if grown.is_empty() {
        return;
    }
    for &(i, e) in &grown {
        let Some(&(kind, gaz)) = known.get(&ascii_key(&text[out[i].start..e])) else {
            continue;
        };
        let c = &mut out[i];
        c.end = e;
        c.kind = kind;
        c.gaz = gaz;
    }
    // Drop what the grown mentions now cover.
    let spans: Vec<(usize, usize, usize)> = grown
        .iter()
        .map(|&(i, _)| (i, out[i].start, out[i].end))
        .collect();
    let mut k = 0;
    out.retain(|c| {
        let idx = k;
        k += 1;
        !spans
            .iter()
            .any(|&(i, s, e)| i != idx && c.start >= s && c.end <= e)
    });
}

/// "Calder Analytics" where the document names "Calder" alone as an
/// organisation, "the Chrysler Aspen" where it names "Chrysler" so: a pair
/// guessed to be a person whose first word is an organisation here is that
/// organisation's full name or its product, not a person. It is typed as
/// the organisation (a product is no person either, and a company's full
/// name is far more common in news than a model's).
fn retype_maker_pairs(text: &str, out: &mut [Candidate]) {
    same_name_same_kind(text, out);
    let guessed_pair = |c: &Candidate| {
        c.kind == EntityKind::Person
            && c.confidence <= 0.7
            && text[c.start..c.end].split_whitespace().count() == 2
    };
    if !out.iter().any(guessed_pair) {
        return;
    }
    let orgs: FxHashSet<String> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && !c.contextual)
        .map(|c| &text[c.start..c.end])
        .filter(|t| !t.contains(' '))
        .map(ascii_key)
        .collect();
    if orgs.is_empty() {
        return;
    }
    for c in out.iter_mut() {
        if c.kind != EntityKind::Person || c.confidence > 0.7 {
            continue;
        }
        let mut parts = text[c.start..c.end].split_whitespace();
        if let (Some(first), Some(_), None) = (parts.next(), parts.next(), parts.next()) {
            if orgs.contains(&ascii_key(first)) {
                c.kind = EntityKind::Organization;
                c.roles.clear();
            }
        }
    }
}

/// "Aer Lingus Chief Executive ..." (a company, by its office) and later
/// "a stake in Aer Lingus" (a guess: a place, after "in"): a name the
/// document types by a cue is of that kind where it is only guessed.
fn same_name_same_kind(text: &str, out: &mut [Candidate]) {
    if !out
        .iter()
        .any(|c| c.kind.is_name() && c.confidence <= 0.5 && text[c.start..c.end].contains(' '))
    {
        return;
    }
    let mut sure: FxHashMap<String, Option<EntityKind>> = FxHashMap::default();
    for c in out
        .iter()
        .filter(|c| c.kind.is_name() && c.confidence >= 0.8 && !c.contextual)
    {
        let t = &text[c.start..c.end];
        if !t.contains(' ') {
            continue;
        }
        let e = sure.entry(ascii_key(t)).or_insert(Some(c.kind));
        if *e != Some(c.kind) {
            *e = None; // typed both ways: leave the guesses alone
        }
    }
    if sure.is_empty() {
        return;
    }
    for c in out
        .iter_mut()
        .filter(|c| c.kind.is_name() && c.confidence <= 0.5)
    {
        if let Some(Some(k)) = sure.get(&ascii_key(&text[c.start..c.end])) {
            if *k != c.kind {
                c.kind = *k;
                c.roles.clear();
            }
        }
    }
}
