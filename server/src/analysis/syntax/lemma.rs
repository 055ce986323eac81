//! Lemmatiser: suffix rules per Penn tag plus an exception list, both
//! derived from the training treebanks (see [`Lemmatizer::learn`]).
//!
//! A rule is "strip `k` chars, append `s`", chosen by the longest known
//! suffix of the word under its tag ("-ies" under NNS → strip 3, add "y").
//! Words the rules get wrong in the training data ("went"/VBD → "go",
//! "children"/NNS → "child", "me"/PRP → "I") are exceptions, looked up first.
//! Proper nouns keep their case; everything else is lower-cased.
use std::collections::BTreeMap;

use super::lex::normalize_quotes;
use crate::analysis::learn::bytes::{ByteReader, ByteWriter, FormatError};

/// Longest suffix a rule is keyed on, in chars.
const MAX_SUFFIX: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rule {
    strip: u8,
    add: String,
}

/// Keyed by tag, then by a string: nested rather than keyed on the pair,
/// so that a lookup takes `&str`s and allocates nothing (the lemmatiser
/// runs on every parsed token). Iteration order is that of the pair.
type ByTag<V> = BTreeMap<String, BTreeMap<String, V>>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lemmatizer {
    /// tag → suffix → rule; the empty suffix is each tag's default.
    rules: ByTag<Rule>,
    /// tag → key form → lemma.
    exceptions: ByTag<String>,
}

fn insert<V>(map: &mut ByTag<V>, tag: &str, key: String, v: V) {
    map.entry(tag.to_owned()).or_default().insert(key, v);
}

/// The byte offset where the last `k` chars of `s` begin (0 when `s` has
/// no more than `k` chars).
fn last_chars_start(s: &str, k: usize) -> usize {
    if k == 0 {
        return s.len();
    }
    s.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)
}

/// The form rules and exceptions are keyed on: proper nouns as written,
/// other words lower-cased (the pronoun "I" stays), quotes straightened.
fn key_form(form: &str, xpos: &str) -> String {
    let f = normalize_quotes(form);
    if xpos.starts_with("NNP") || f == "I" {
        f
    } else {
        f.to_lowercase()
    }
}

fn rule_between(form: &str, lemma: &str) -> Option<Rule> {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    let strip = f.len() - common;
    if strip > u8::MAX as usize {
        return None;
    }
    Some(Rule {
        strip: strip as u8,
        add: l[common..].iter().collect(),
    })
}

fn apply(form: &str, rule: &Rule) -> Option<String> {
    let n = form.chars().count();
    let strip = rule.strip as usize;
    // Never strip more than the word, nor all of it for nothing.
    if strip > n || (strip == n && rule.add.is_empty()) {
        return None;
    }
    let kept = &form[..last_chars_start(form, strip)];
    let mut s = String::with_capacity(kept.len() + rule.add.len());
    s.push_str(kept);
    s.push_str(&rule.add);
    Some(s)
}

fn suffix(form: &str, k: usize) -> Option<String> {
    let chars: Vec<char> = form.chars().collect();
    // The suffix must leave at least one char: rules learn endings, not words.
    (chars.len() > k).then(|| chars[chars.len() - k..].iter().collect())
}

/// Verbs whose stem ends in "-eat" or "-oat" ("treated", "defeated",
/// "floated") share their past form's ending with the far more numerous
/// "-ate" verbs ("located", "evacuated"), so the learned rule for "-ated"
/// (strip "d") gives "treate". A past form in "-eated" is of an "-eat"
/// verb unless its stem is one of the few "-eate" verbs ("create",
/// "permeate", "delineate", "nucleate", "ideate"); one in "-oated" always
/// is of an "-oat" verb (no common English verb ends in "-oate").
fn undo_silent_e(form: &str, lemma: String) -> String {
    if !form.ends_with("ed") {
        return lemma;
    }
    if let Some(stem) = lemma.strip_suffix("oate") {
        return format!("{stem}oat");
    }
    if let Some(stem) = lemma.strip_suffix("eate") {
        let eate_verb = stem.ends_with("cr")
            || stem.ends_with("cl")
            || matches!(stem.chars().last(), Some('m' | 'n' | 'd' | 'i' | 'u'));
        if !eate_verb {
            return format!("{stem}eat");
        }
    }
    lemma
}

/// British spelling doubles a final "l" after an unstressed vowel
/// ("cancelled", "travelled", "labelled", "fuelled") and after a stressed
/// one ("compelled", "patrolled"), so the learned rule (strip "ed") gives
/// "cancell". A verb of one syllable keeps both ("spelled", "shelled",
/// "rolled"); one of more ends in a single "l" ("cancel", "compel",
/// "patrol"). The lemma of a form in "-elled" or "-olled", whatever the
/// rules say.
fn doubled_l(form: &str) -> Option<String> {
    if !(form.ends_with("elled") || form.ends_with("olled")) {
        return None;
    }
    // "cancell", "spell": the form without "ed".
    let stem = &form[..form.len() - 2];
    // The letters before the vowel of the last syllable ("canc" of
    // "cancell"): a vowel among them makes another syllable ("u" after
    // "q" is no vowel of its own, nor "y" opening the word).
    let before = &stem[..stem.len() - 3];
    let mut syllables = 0;
    let mut in_vowel = false;
    let mut prev = ' ';
    for c in before.chars() {
        let vowel = (matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') && !(c == 'u' && prev == 'q'))
            || (c == 'y' && prev != ' ');
        if vowel && !in_vowel {
            syllables += 1;
        }
        in_vowel = vowel;
        prev = c;
    }
    Some(if syllables == 0 {
        stem.to_string()
    } else {
        stem[..stem.len() - 1].to_string()
    })
}

impl Lemmatizer {
    /// Learn from (form, xpos, lemma) triples of a treebank.
    pub fn learn<'a>(words: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        // Type-level counts: (tag, key form) → lemma → count.
        let mut types: BTreeMap<(String, String), BTreeMap<String, u32>> = BTreeMap::new();
        for (form, xpos, lemma) in words {
            if lemma == "_" || form.is_empty() {
                continue;
            }
            let key = key_form(form, xpos);
            let lemma = if xpos.starts_with("NNP") || lemma == "I" {
                normalize_quotes(lemma)
            } else {
                normalize_quotes(lemma).to_lowercase()
            };
            *types
                .entry((xpos.to_owned(), key))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
        }
        // The most frequent lemma of each type (ties: alphabetical first).
        let best: BTreeMap<(String, String), String> = types
            .into_iter()
            .map(|(k, lemmas)| {
                let top = lemmas
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(l, _)| l.clone())
                    .expect("non-empty");
                (k, top)
            })
            .collect();
        // Rule counts per (tag, suffix), counted over types.
        let mut counts: BTreeMap<(String, String), BTreeMap<Rule, u32>> = BTreeMap::new();
        for ((tag, form), lemma) in &best {
            let Some(rule) = rule_between(form, lemma) else {
                continue;
            };
            for k in 0..=MAX_SUFFIX {
                let Some(suf) = suffix(form, k) else { break };
                *counts
                    .entry((tag.clone(), suf))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let top_rule = |m: &BTreeMap<Rule, u32>| {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(r, n)| (r.clone(), *n))
        };
        // Keep a suffix entry only when it is supported by two word types and
        // changes the rule its parent (one char shorter) would give.
        let mut rules: ByTag<Rule> = BTreeMap::new();
        for ((tag, suf), m) in &counts {
            let Some((rule, n)) = top_rule(m) else {
                continue;
            };
            if suf.is_empty() {
                insert(&mut rules, tag, suf.clone(), rule);
                continue;
            }
            if n < 2 {
                continue;
            }
            let lem = Lemmatizer {
                rules: rules.clone(),
                exceptions: BTreeMap::new(),
            };
            let parent: String = suf.chars().skip(1).collect();
            if lem.rule_for(tag, &parent) != Some(&rule) {
                insert(&mut rules, tag, suf.clone(), rule);
            }
        }
        let mut lem = Lemmatizer {
            rules,
            exceptions: BTreeMap::new(),
        };
        let mut exceptions = BTreeMap::new();
        for ((tag, form), lemma) in best {
            if lem.by_rule(&form, &tag).as_deref() != Some(lemma.as_str()) {
                insert(&mut exceptions, &tag, form, lemma);
            }
        }
        lem.exceptions = exceptions;
        lem
    }

    /// The rule of the longest stored suffix of `suf` (itself a suffix).
    fn rule_for(&self, tag: &str, suf: &str) -> Option<&Rule> {
        let by_suffix = self.rules.get(tag)?;
        // Longest first: all of `suf`, then without its first char, ...,
        // down to the empty suffix.
        suf.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(suf.len()))
            .find_map(|i| by_suffix.get(&suf[i..]))
    }

    fn by_rule(&self, key: &str, tag: &str) -> Option<String> {
        let longest = MAX_SUFFIX.min(key.chars().count().saturating_sub(1));
        let suf = &key[last_chars_start(key, longest)..];
        let rule = self.rule_for(tag, suf)?;
        apply(key, rule)
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        let key = key_form(form, xpos);
        if let Some(l) = self.exceptions.get(xpos).and_then(|m| m.get(&key)) {
            return l.clone();
        }
        // A past tense and its participle share their lemma: "died" seen
        // only as a past tense ("die") is "die" after "have" too, not "dy".
        let twin = match xpos {
            "VBN" => Some("VBD"),
            "VBD" => Some("VBN"),
            _ => None,
        };
        if let Some(l) = twin
            .and_then(|t| self.exceptions.get(t))
            .and_then(|m| m.get(&key))
        {
            return l.clone();
        }
        self.by_rule(&key, xpos)
            .map(|l| doubled_l(&key).unwrap_or_else(|| undo_silent_e(&key, l)))
            .unwrap_or(key)
    }

    pub fn n_rules(&self) -> usize {
        self.rules.values().map(BTreeMap::len).sum()
    }

    pub fn n_exceptions(&self) -> usize {
        self.exceptions.values().map(BTreeMap::len).sum()
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.varint(self.n_rules() as u64);
        for (tag, by_suffix) in &self.rules {
            for (suf, r) in by_suffix {
                w.str(tag);
                w.str(suf);
                w.u8(r.strip);
                w.str(&r.add);
            }
        }
        w.varint(self.n_exceptions() as u64);
        for (tag, by_form) in &self.exceptions {
            for (form, lemma) in by_form {
                w.str(tag);
                w.str(form);
                w.str(lemma);
            }
        }
    }

    pub fn read(r: &mut ByteReader) -> Result<Lemmatizer, FormatError> {
        let mut lem = Lemmatizer::default();
        let n = r.count(4, "lemma rules")?;
        for _ in 0..n {
            let tag = r.str("rule tag")?.to_owned();
            let suf = r.str("rule suffix")?.to_owned();
            let strip = r.u8("rule strip")?;
            let add = r.str("rule ending")?.to_owned();
            insert(&mut lem.rules, &tag, suf, Rule { strip, add });
        }
        let n = r.count(3, "lemma exceptions")?;
        for _ in 0..n {
            let tag = r.str("exception tag")?.to_owned();
            let form = r.str("exception form")?.to_owned();
            let lemma = r.str("exception lemma")?.to_owned();
            insert(&mut lem.exceptions, &tag, form, lemma);
        }
        Ok(lem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_rules_and_exceptions() {
        let data = [
            ("cities", "NNS", "city"),
            ("parties", "NNS", "party"),
            ("armies", "NNS", "army"),
            ("troops", "NNS", "troop"),
            ("talks", "NNS", "talk"),
            ("leaders", "NNS", "leader"),
            ("children", "NNS", "child"),
            ("said", "VBD", "say"),
            ("went", "VBD", "go"),
            ("walked", "VBD", "walk"),
            ("voted", "VBD", "vote"),
            ("talked", "VBD", "talk"),
            ("The", "DT", "the"),
            ("NATO", "NNP", "NATO"),
            ("Americans", "NNPS", "American"),
            ("Germans", "NNPS", "German"),
        ];
        let lem = Lemmatizer::learn(data.iter().copied());
        for (f, t, l) in data {
            assert_eq!(lem.lemma(f, t), l, "{f}/{t}");
        }
        // Unseen words follow the rules.
        assert_eq!(lem.lemma("ministries", "NNS"), "ministry");
        assert_eq!(lem.lemma("soldiers", "NNS"), "soldier");
        assert_eq!(lem.lemma("shelled", "VBD"), "shell");
        assert_eq!(lem.lemma("Kyiv", "NNP"), "Kyiv");
        assert_eq!(lem.lemma("Unknown", "XX"), "unknown");
        let mut w = ByteWriter::new();
        lem.write(&mut w);
        let back = Lemmatizer::read(&mut ByteReader::new(&w.buf)).unwrap();
        assert_eq!(back, lem);
    }

    /// The built-in lemmatiser's rule for "-ated" past forms ("located" ->
    /// "locate") does not make "treated" "treate": "-eat" and "-oat" verbs
    /// keep their stem, "create" its "e"; British "cancelled" is "cancel",
    /// "spelled" stays "spell".
    #[test]
    fn eat_and_oat_verbs_keep_their_stem() {
        let model = crate::analysis::syntax::engine::load_embedded().expect("built-in weights");
        let lem = &model.lemmatizer;
        for tag in ["VBN", "VBD"] {
            for (form, lemma) in [
                ("treated", "treat"),
                ("mistreated", "mistreat"),
                ("defeated", "defeat"),
                ("repeated", "repeat"),
                ("seated", "seat"),
                ("retreated", "retreat"),
                ("floated", "float"),
                ("coated", "coat"),
                ("created", "create"),
                ("located", "locate"),
                ("evacuated", "evacuate"),
                ("rated", "rate"),
                ("cancelled", "cancel"),
                ("travelled", "travel"),
                ("fuelled", "fuel"),
                ("compelled", "compel"),
                ("patrolled", "patrol"),
                ("spelled", "spell"),
                ("shelled", "shell"),
                ("quelled", "quell"),
                ("rolled", "roll"),
                ("killed", "kill"),
            ] {
                assert_eq!(lem.lemma(form, tag), lemma, "{form}/{tag}");
            }
        }
    }

    /// The built-in weights written back are the same bytes: the rules and
    /// exceptions are written in the order they were read, so `syntax
    /// train` still reproduces the weight file.
    #[test]
    fn built_in_weights_are_written_back_unchanged() {
        let bytes = crate::analysis::syntax::engine::embedded_bytes();
        let model = crate::analysis::syntax::engine::load_embedded().expect("built-in weights");
        assert!(model.lemmatizer.n_rules() > 0 && model.lemmatizer.n_exceptions() > 0);
        assert_eq!(model.to_bytes(), bytes);
    }
}
