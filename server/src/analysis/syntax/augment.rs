//! Training-data augmentation for news attribution patterns.
//!
//! News attributes most claims after the fact: "X, officials said.",
//! "“X,” she told reporters.", "X, according to the ministry." The UD
//! treebanks we train on hold only a handful of these (GUM and EWT are
//! mostly not news), so the parser attaches a final "officials said" to
//! the nearest noun. This module derives extra training sentences from real
//! training sentences: each keeps its whole tree and gets one of those
//! attribution frames around it, annotated as GUM annotates them (the
//! speech verb is the root and the clause its `ccomp`; "according to" is
//! `case` + `fixed` on an `obl` of the clause root). Sentence choice and
//! frames come from a seeded generator, so training stays reproducible.
use super::conllu::{TreeSentence, TreeWord};
use crate::analysis::learn::rng::SplitMix;

/// (form, lemma, UPOS, XPOS, head within the phrase (1-based, 0 = phrase
/// head), relation within the phrase).
type W = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    usize,
    &'static str,
);

/// Subjects and sources: ordinary news attributions, named and unnamed.
const SOURCES: &[&[W]] = &[
    &[("officials", "official", "NOUN", "NNS", 0, "")],
    &[("police", "police", "NOUN", "NNS", 0, "")],
    &[("he", "he", "PRON", "PRP", 0, "")],
    &[("she", "she", "PRON", "PRP", 0, "")],
    &[("they", "they", "PRON", "PRP", 0, "")],
    &[("witnesses", "witness", "NOUN", "NNS", 0, "")],
    &[("analysts", "analyst", "NOUN", "NNS", 0, "")],
    &[("Smith", "Smith", "PROPN", "NNP", 0, "")],
    &[
        ("the", "the", "DET", "DT", 2, "det"),
        ("ministry", "ministry", "NOUN", "NN", 0, ""),
    ],
    &[
        ("the", "the", "DET", "DT", 2, "det"),
        ("company", "company", "NOUN", "NN", 0, ""),
    ],
    &[
        ("the", "the", "DET", "DT", 2, "det"),
        ("government", "government", "NOUN", "NN", 0, ""),
    ],
    &[
        ("the", "the", "DET", "DT", 2, "det"),
        ("statement", "statement", "NOUN", "NN", 0, ""),
    ],
    &[
        ("the", "the", "DET", "DT", 2, "det"),
        ("report", "report", "NOUN", "NN", 0, ""),
    ],
    &[
        ("the", "the", "DET", "DT", 2, "det"),
        ("agency", "agency", "NOUN", "NN", 0, ""),
    ],
    &[
        ("a", "a", "DET", "DT", 2, "det"),
        ("spokesman", "spokesman", "NOUN", "NN", 0, ""),
    ],
    &[
        ("a", "a", "DET", "DT", 2, "det"),
        ("spokeswoman", "spokeswoman", "NOUN", "NN", 0, ""),
    ],
    &[
        ("regional", "regional", "ADJ", "JJ", 2, "amod"),
        ("officials", "official", "NOUN", "NNS", 0, ""),
    ],
    &[
        ("local", "local", "ADJ", "JJ", 2, "amod"),
        ("authorities", "authority", "NOUN", "NNS", 0, ""),
    ],
    &[
        ("state", "state", "NOUN", "NN", 2, "compound"),
        ("media", "media", "NOUN", "NNS", 0, ""),
    ],
    &[
        ("John", "John", "PROPN", "NNP", 0, ""),
        ("Smith", "Smith", "PROPN", "NNP", 1, "flat"),
    ],
    &[
        ("Maria", "Maria", "PROPN", "NNP", 0, ""),
        ("Lopez", "Lopez", "PROPN", "NNP", 1, "flat"),
    ],
    &[
        ("a", "a", "DET", "DT", 2, "det"),
        ("spokesman", "spokesman", "NOUN", "NN", 0, ""),
        ("for", "for", "ADP", "IN", 5, "case"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("army", "army", "NOUN", "NN", 2, "nmod"),
    ],
    &[
        ("the", "the", "DET", "DT", 3, "det"),
        ("interior", "interior", "ADJ", "JJ", 3, "amod"),
        ("minister", "minister", "NOUN", "NN", 0, ""),
    ],
    // Titles before names, as GUM annotates them ("Prime Minister John
    // Key": the name heads, the title is nmod:desc).
    &[
        ("Prime", "prime", "ADJ", "JJ", 2, "amod"),
        ("Minister", "Minister", "PROPN", "NNP", 3, "nmod:desc"),
        ("Anna", "Anna", "PROPN", "NNP", 0, ""),
        ("Berg", "Berg", "PROPN", "NNP", 3, "flat"),
    ],
    &[
        ("Foreign", "Foreign", "PROPN", "NNP", 2, "compound"),
        ("Minister", "Minister", "PROPN", "NNP", 3, "nmod:desc"),
        ("Tom", "Tom", "PROPN", "NNP", 0, ""),
        ("Reed", "Reed", "PROPN", "NNP", 3, "flat"),
    ],
    &[
        ("President", "President", "PROPN", "NNP", 2, "nmod:desc"),
        ("Silva", "Silva", "PROPN", "NNP", 0, ""),
    ],
    &[
        ("Defence", "Defence", "PROPN", "NNP", 2, "compound"),
        ("Secretary", "Secretary", "PROPN", "NNP", 3, "nmod:desc"),
        ("Sam", "Sam", "PROPN", "NNP", 0, ""),
        ("Okafor", "Okafor", "PROPN", "NNP", 3, "flat"),
    ],
];

/// Speech verbs: (form, lemma, XPOS).
const VERBS: &[(&str, &str, &str)] = &[
    ("said", "say", "VBD"),
    ("said", "say", "VBD"),
    ("said", "say", "VBD"),
    ("says", "say", "VBZ"),
    ("added", "add", "VBD"),
    ("told", "tell", "VBD"),
    ("warned", "warn", "VBD"),
    ("confirmed", "confirm", "VBD"),
    ("claimed", "claim", "VBD"),
    ("stated", "state", "VBD"),
];

fn word(f: &str, l: &str, u: &str, x: &str, head: usize, rel: &str) -> TreeWord {
    TreeWord {
        form: f.into(),
        lemma: l.into(),
        upos: u.into(),
        xpos: x.into(),
        head,
        deprel: rel.into(),
    }
}

/// Append a phrase whose head attaches to `head` with `rel`; returns the
/// phrase head's 1-based index.
fn push_phrase(words: &mut Vec<TreeWord>, phrase: &[W], head: usize, rel: &str) -> usize {
    let base = words.len();
    let mut phrase_head = 0;
    for (k, &(f, l, u, x, h, r)) in phrase.iter().enumerate() {
        if h == 0 {
            phrase_head = base + k + 1;
            words.push(word(f, l, u, x, head, rel));
        } else {
            words.push(word(f, l, u, x, base + h, r));
        }
    }
    phrase_head
}

/// A source sentence qualifies when it is a plain statement: ends in ".",
/// has no quotes of its own, and is of ordinary length.
fn usable(s: &TreeSentence) -> bool {
    let n = s.words.len();
    (5..=40).contains(&n)
        && s.words[n - 1].form == "."
        && s.words[n - 1].head != 0
        && !s
            .words
            .iter()
            .any(|w| matches!(w.form.as_str(), "\"" | "“" | "”" | "``" | "''"))
}

/// Up to `count` derived sentences, drawn from `train` with `seed`.
pub fn attribution_frames(train: &[TreeSentence], count: usize, seed: u64) -> Vec<TreeSentence> {
    let pool: Vec<&TreeSentence> = train.iter().filter(|s| usable(s)).collect();
    let mut out = Vec::new();
    if pool.is_empty() {
        return out;
    }
    let mut rng = SplitMix::new(seed);
    for k in 0..count {
        let src = pool[rng.below(pool.len())];
        let body = &src.words[..src.words.len() - 1];
        let root = body.iter().position(|w| w.head == 0).expect("one root") + 1;
        let source = SOURCES[rng.below(SOURCES.len())];
        let (vf, vl, vx) = VERBS[rng.below(VERBS.len())];
        let frame = rng.below(13);
        let mut words: Vec<TreeWord> = Vec::new();
        let quoted = (4..7).contains(&frame);
        if frame < 7 {
            // [“]S,[”] SOURCE VERB.  — the verb is the root, S its ccomp.
            let off = quoted as usize;
            if quoted {
                words.push(word("\"", "\"", "PUNCT", "``", root + off, "punct"));
            }
            for w in body {
                let head = if w.head == 0 { 0 } else { w.head + off };
                words.push(TreeWord { head, ..w.clone() });
            }
            let s_root = root + off;
            words.push(word(",", ",", "PUNCT", ",", s_root, "punct"));
            if quoted {
                words.push(word("\"", "\"", "PUNCT", "''", s_root, "punct"));
            }
            let verb = words.len() + source.len() + 1;
            push_phrase(&mut words, source, verb, "nsubj");
            words.push(word(vf, vl, "VERB", vx, 0, "root"));
            words[s_root - 1].head = verb;
            words[s_root - 1].deprel = "ccomp".into();
            words.push(word(".", ".", "PUNCT", ".", verb, "punct"));
        } else if frame >= 10 {
            // SOURCE VERB [that] s.  — the clause first-word lower-cased
            // unless it is a name.
            let verb = source.len() + 1;
            push_phrase(&mut words, source, verb, "nsubj");
            words.push(word(vf, vl, "VERB", vx, 0, "root"));
            let that = frame == 10;
            let off = words.len() + that as usize;
            if that {
                words.push(word("that", "that", "SCONJ", "IN", root + off, "mark"));
            }
            for (k, w) in body.iter().enumerate() {
                let (head, deprel) = if w.head == 0 {
                    (verb, "ccomp".to_owned())
                } else {
                    (w.head + off, w.deprel.clone())
                };
                let mut form = w.form.clone();
                if k == 0 && w.upos != "PROPN" && w.form != "I" {
                    form = form.to_lowercase();
                }
                words.push(TreeWord {
                    form,
                    head,
                    deprel,
                    ..w.clone()
                });
            }
            words.push(word(".", ".", "PUNCT", ".", verb, "punct"));
        } else {
            // S, according to SOURCE.  — "according to" on an obl of S.
            words.extend(body.iter().cloned());
            let comma = words.len();
            words.push(word(",", ",", "PUNCT", ",", 0, "punct"));
            let according = words.len() + 1;
            words.push(word("according", "accord", "VERB", "VBG", 0, "case"));
            words.push(word("to", "to", "ADP", "IN", according, "fixed"));
            let src_head = push_phrase(&mut words, source, root, "obl");
            words[comma].head = src_head;
            words[according - 1].head = src_head;
            words.push(word(".", ".", "PUNCT", ".", root, "punct"));
        }
        out.push(TreeSentence {
            doc: src.doc.clone(),
            id: format!("augmented-{k}"),
            text: String::new(),
            words,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::syntax::train::tests::tiny;
    use crate::analysis::syntax::transition::is_projective;

    #[test]
    fn frames_are_well_formed_projective_trees() {
        let data = tiny();
        let out = attribution_frames(&data, 200, 7);
        assert_eq!(out.len(), 200);
        for s in &out {
            let heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
            assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1);
            // Every word reaches the root.
            for start in 1..=heads.len() {
                let mut k = start;
                for _ in 0..=heads.len() {
                    if k == 0 {
                        break;
                    }
                    k = heads[k - 1];
                }
                assert_eq!(k, 0, "{s:?}");
            }
            assert!(is_projective(&heads), "{:?}", s.words);
        }
        // All three frames occur.
        let text = |s: &TreeSentence| {
            s.words
                .iter()
                .map(|w| w.form.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(out.iter().any(|s| text(s).contains(" according to ")));
        assert!(out.iter().any(|s| text(s).starts_with('"')));
        assert!(out
            .iter()
            .any(|s| s.words[0].form != "\"" && !text(s).contains("according")));
        assert!(out.iter().any(|s| text(s).contains(" said that ")));
        assert_eq!(
            attribution_frames(&data, 50, 7),
            attribution_frames(&data, 50, 7)
        );
    }
}
