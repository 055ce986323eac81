//! A parsed sentence and the questions a fact extractor asks of it.
//!
//! Token indices are positions in [`Parse::tokens`]; heads point at other
//! tokens, `None` marks the sentence root. Trees are projective (the parser
//! cannot build crossing arcs), so every subtree covers a contiguous run of
//! tokens and [`Parse::subtree_span`] is a plain byte range.
use std::ops::Range;

use super::labels::{DepRel, Rel, Sub, Upos};

/// One token of a parsed sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the text given to `parse`, on `char` boundaries.
    pub start: usize,
    pub end: usize,
    /// The text at `start..end`.
    pub form: String,
    pub upos: Upos,
    /// Penn Treebank tag ("VBD", "NNS", "MD", ...).
    pub xpos: String,
    /// Dictionary form: "said" → "say", "troops" → "troop", "n't" → "not".
    pub lemma: String,
    /// Index of the head token; `None` for the root.
    pub head: Option<usize>,
    pub deprel: DepRel,
}

/// A dependency parse of one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parse {
    pub tokens: Vec<Token>,
    /// Dependents of each token, in sentence order.
    children: Vec<Vec<usize>>,
    root: usize,
}

/// Lemmas of adverbs and determiners that negate their clause.
const NEGATORS: &[&str] = &["not", "never", "no", "neither", "nor", "nowhere"];
/// Pronouns that negate the clause they are subject or object of.
const NEGATIVE_PRONOUNS: &[&str] = &["nobody", "nothing", "none", "noone", "no-one"];
/// Relative pronouns whose antecedent is the noun a relative clause modifies.
const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "which", "that", "whose"];

impl Parse {
    /// Build from tokens whose heads form one tree (as the parser makes).
    pub fn new(tokens: Vec<Token>) -> Parse {
        let mut children = vec![Vec::new(); tokens.len()];
        let mut root = 0;
        for (i, t) in tokens.iter().enumerate() {
            match t.head {
                Some(h) if h < tokens.len() => children[h].push(i),
                _ => root = i,
            }
        }
        Parse {
            tokens,
            children,
            root,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The root token (usually the main predicate).
    pub fn root(&self) -> usize {
        self.root
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens[i].head
    }

    pub fn deprel(&self, i: usize) -> DepRel {
        self.tokens[i].deprel
    }

    /// Dependents of `i`, in sentence order.
    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// Dependents of `i` with base relation `rel` (any subtype).
    pub fn children_with(&self, i: usize, rel: Rel) -> impl Iterator<Item = usize> + '_ {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.tokens[c].deprel.rel == rel)
    }

    /// The first dependent of `i` with base relation `rel`.
    pub fn child_with(&self, i: usize, rel: Rel) -> Option<usize> {
        self.children_with(i, rel).next()
    }

    /// Heads from `i` up to the root, `i` excluded.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = self.tokens[i].head;
        let mut steps = 0;
        std::iter::from_fn(move || {
            let h = cur?;
            // A well-formed tree has no cycles; never loop regardless.
            steps += 1;
            if steps > self.tokens.len() {
                return None;
            }
            cur = self.tokens[h].head;
            Some(h)
        })
    }

    /// Whether `a` dominates `d` (or is `d`).
    pub fn dominates(&self, a: usize, d: usize) -> bool {
        a == d || self.ancestors(d).any(|x| x == a)
    }

    /// Token indices covered by the subtree of `i` (contiguous: trees are
    /// projective).
    pub fn subtree(&self, i: usize) -> Range<usize> {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        while let Some(x) = stack.pop() {
            lo = lo.min(x);
            hi = hi.max(x);
            stack.extend_from_slice(&self.children[x]);
        }
        lo..hi + 1
    }

    /// Byte range of the subtree of `i`.
    pub fn subtree_span(&self, i: usize) -> (usize, usize) {
        let r = self.subtree(i);
        (self.tokens[r.start].start, self.tokens[r.end - 1].end)
    }

    /// The token covering byte `offset`, if any.
    pub fn token_at(&self, offset: usize) -> Option<usize> {
        self.tokens
            .iter()
            .position(|t| t.start <= offset && offset < t.end)
    }

    /// Whether `i` heads a clause: the root, a clausal dependent (ccomp,
    /// xcomp, advcl, acl, csubj, parataxis), or a verb conjoined to one.
    pub fn is_clause_head(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.head.is_none() || t.deprel.is_clausal() {
            return true;
        }
        if t.deprel.rel == Rel::Conj {
            let verbal = matches!(t.upos, Upos::Verb | Upos::Aux)
                || self.children[i].iter().any(|&c| {
                    self.tokens[c].deprel.is_subject() || self.tokens[c].deprel.rel == Rel::Cop
                });
            return verbal && t.head.is_some_and(|h| self.is_clause_head(h));
        }
        false
    }

    /// The head of the smallest clause containing `i` (`i` itself when it
    /// heads one).
    pub fn clause_of(&self, i: usize) -> usize {
        if self.is_clause_head(i) {
            return i;
        }
        self.ancestors(i)
            .find(|&a| self.is_clause_head(a))
            .unwrap_or(self.root)
    }

    /// Subjects of predicate `pred`: its own `nsubj`/`csubj` dependents
    /// (passive and outer ones included); else, for a verb conjoined to
    /// another ("arrived and said"), the first conjunct's subjects; for an
    /// open complement ("agreed to send"), the controller (the head's object
    /// if it has one, else its subject). A relative pronoun subject ("troops
    /// who were killed") is replaced by the noun the clause modifies.
    pub fn subjects(&self, pred: usize) -> Vec<usize> {
        self.subjects_depth(pred, 0)
    }

    fn subjects_depth(&self, pred: usize, depth: usize) -> Vec<usize> {
        let own: Vec<usize> = self.children[pred]
            .iter()
            .copied()
            .filter(|&c| self.tokens[c].deprel.is_subject())
            .map(|c| self.antecedent(pred, c).unwrap_or(c))
            .collect();
        if !own.is_empty() || depth > 8 {
            return own;
        }
        let t = &self.tokens[pred];
        match (t.deprel.rel, t.head) {
            (Rel::Conj, Some(h)) => self.subjects_depth(h, depth + 1),
            (Rel::Xcomp, Some(h)) => match self.objects(h).first() {
                Some(&o) => vec![o],
                None => self.subjects_depth(h, depth + 1),
            },
            (Rel::Acl, Some(h)) if t.deprel.sub != Some(Sub::Relcl) => {
                // A reduced relative ("troops stationed in Poland"): the noun.
                vec![h]
            }
            _ => own,
        }
    }

    /// The noun a relative pronoun `pron` (a dependent of relative clause
    /// head `pred`) stands for.
    fn antecedent(&self, pred: usize, pron: usize) -> Option<usize> {
        let p = &self.tokens[pred];
        let lemma = self.tokens[pron].lemma.to_lowercase();
        (p.deprel == DepRel::with(Rel::Acl, Sub::Relcl)
            && RELATIVE_PRONOUNS.contains(&lemma.as_str()))
        .then_some(p.head)
        .flatten()
    }

    /// Direct and indirect objects of `pred`.
    pub fn objects(&self, pred: usize) -> Vec<usize> {
        self.children[pred]
            .iter()
            .copied()
            .filter(|&c| self.tokens[c].deprel.is_object())
            .collect()
    }

    /// Oblique and nominal modifiers of `pred` with their preposition (the
    /// lower-cased form of the `case` dependent, several words joined by a
    /// space: "according to"), `None` for bare ones ("Monday").
    pub fn obliques(&self, pred: usize) -> Vec<(usize, Option<String>)> {
        self.children[pred]
            .iter()
            .copied()
            .filter(|&c| matches!(self.tokens[c].deprel.rel, Rel::Obl | Rel::Nmod))
            .map(|c| (c, self.case_marker(c)))
            .collect()
    }

    /// The preposition or postposition of a nominal (`case` dependents and
    /// their `fixed` parts: "according to", "because of").
    pub fn case_marker(&self, nominal: usize) -> Option<String> {
        let mut words = Vec::new();
        for c in self.children_with(nominal, Rel::Case) {
            words.push(self.tokens[c].form.to_lowercase());
            for f in self.children_with(c, Rel::Fixed) {
                words.push(self.tokens[f].form.to_lowercase());
            }
        }
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// The oblique or nominal dependent of `pred` introduced by
    /// `preposition` (e.g. "according to" → the source).
    pub fn oblique_with(&self, pred: usize, preposition: &str) -> Option<usize> {
        self.obliques(pred)
            .into_iter()
            .find(|(_, p)| p.as_deref() == Some(preposition))
            .map(|(c, _)| c)
    }

    /// The agent of a passive ("was attacked by rebels" → "rebels").
    pub fn agent(&self, pred: usize) -> Option<usize> {
        self.children[pred]
            .iter()
            .copied()
            .find(|&c| self.tokens[c].deprel == DepRel::with(Rel::Obl, Sub::Agent))
    }

    /// Whether `pred` is passive (a passive subject or auxiliary).
    pub fn is_passive(&self, pred: usize) -> bool {
        self.children[pred]
            .iter()
            .any(|&c| self.tokens[c].deprel.sub == Some(Sub::Pass))
    }

    /// The token that negates the clause headed by `pred`: "not"/"n't",
    /// "never" attached to it, "no" on its subject or object ("no one was
    /// hurt", "found no evidence"), or a negative pronoun as subject or
    /// object ("nobody", "nothing"). Negation of a noun alone ("a non-NATO
    /// country") does not count.
    pub fn negator(&self, pred: usize) -> Option<usize> {
        for &c in &self.children[pred] {
            let t = &self.tokens[c];
            let lemma = t.lemma.to_lowercase();
            match t.deprel.rel {
                Rel::Advmod | Rel::Det | Rel::Cc if NEGATORS.contains(&lemma.as_str()) => {
                    return Some(c)
                }
                Rel::Nsubj | Rel::Obj | Rel::Iobj => {
                    if NEGATIVE_PRONOUNS.contains(&lemma.as_str()) {
                        return Some(c);
                    }
                    if let Some(d) = self
                        .children_with(c, Rel::Det)
                        .find(|&d| self.tokens[d].lemma.eq_ignore_ascii_case("no"))
                    {
                        return Some(d);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Whether the clause that `i` belongs to is negated (see [`Parse::negator`]).
    pub fn is_negated(&self, i: usize) -> bool {
        self.negator(self.clause_of(i)).is_some()
    }

    /// Modal auxiliaries of `pred` ("may", "could", "will", "must", ...).
    pub fn modals(&self, pred: usize) -> Vec<usize> {
        self.children_with(pred, Rel::Aux)
            .filter(|&c| self.tokens[c].xpos == "MD")
            .collect()
    }

    /// Whether `i` lies in the scope of the modal `modal`: the modal's head
    /// clause dominates `i`.
    pub fn in_scope_of(&self, modal: usize, i: usize) -> bool {
        self.tokens[modal]
            .head
            .is_some_and(|h| self.dominates(h, self.clause_of(i)) || self.dominates(h, i))
    }

    /// The clause a speech or attribution verb reports: its clausal
    /// complement ("said [that] X"), an open complement ("refused to ..."),
    /// or a parataxis dependent ("said: X"); when the verb is itself a
    /// parenthetical ("X, he said" / "X, officials said" is parsed with
    /// "said" as `parataxis` of X), the clause it is attached to.
    pub fn reported_clause(&self, verb: usize) -> Option<usize> {
        let by = |rel: Rel| self.child_with(verb, rel);
        if let Some(c) = by(Rel::Ccomp) {
            return Some(c);
        }
        if let Some(c) = self.children_with(verb, Rel::Parataxis).find(|&c| c > verb) {
            return Some(c);
        }
        let t = &self.tokens[verb];
        if t.deprel.rel == Rel::Parataxis {
            return t.head;
        }
        by(Rel::Xcomp)
    }

    /// Dependents joined to `i` by coordination ("Kyiv and Warsaw").
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        self.children_with(i, Rel::Conj).collect()
    }

    /// The sentence in CoNLL-U (ids 1-based, head 0 = root), for debugging
    /// and tests.
    pub fn to_conllu(&self) -> String {
        let mut s = String::new();
        for (i, t) in self.tokens.iter().enumerate() {
            s.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\tstart={}|end={}\n",
                i + 1,
                t.form,
                t.lemma,
                t.upos,
                t.xpos,
                t.head.map_or(0, |h| h + 1),
                t.deprel,
                t.start,
                t.end
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Build a parse from (form, lemma, UPOS, XPOS, head 1-based, deprel).
    fn build(rows: &[(&str, &str, &str, &str, usize, &str)]) -> Parse {
        let mut off = 0;
        let tokens = rows
            .iter()
            .map(|&(f, l, u, x, h, d)| {
                let t = Token {
                    start: off,
                    end: off + f.len(),
                    form: f.into(),
                    upos: Upos::parse(u).unwrap(),
                    xpos: x.into(),
                    lemma: l.into(),
                    head: (h > 0).then(|| h - 1),
                    deprel: DepRel::parse(d).unwrap(),
                };
                off += f.len() + 1;
                t
            })
            .collect();
        Parse::new(tokens)
    }

    fn form(p: &Parse, i: usize) -> &str {
        &p.tokens[i].form
    }

    #[test]
    fn reported_clause_subject_object_negation() {
        // NATO said Russia did not attack the city .
        let p = build(&[
            ("NATO", "NATO", "PROPN", "NNP", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 0, "root"),
            ("Russia", "Russia", "PROPN", "NNP", 6, "nsubj"),
            ("did", "do", "AUX", "VBD", 6, "aux"),
            ("not", "not", "PART", "RB", 6, "advmod"),
            ("attack", "attack", "VERB", "VB", 2, "ccomp"),
            ("the", "the", "DET", "DT", 8, "det"),
            ("city", "city", "NOUN", "NN", 6, "obj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]);
        assert_eq!(p.root(), 1);
        assert_eq!(form(&p, p.subjects(1)[0]), "NATO");
        let c = p.reported_clause(1).unwrap();
        assert_eq!(form(&p, c), "attack");
        assert_eq!(form(&p, p.subjects(c)[0]), "Russia");
        assert_eq!(form(&p, p.objects(c)[0]), "city");
        assert_eq!(p.negator(c).map(|n| form(&p, n)), Some("not"));
        assert!(p.negator(1).is_none(), "the saying is not negated");
        assert!(p.is_negated(7), "'city' is in the negated clause");
        assert!(!p.is_negated(0));
        assert_eq!(p.subtree(c), 2..8);
        assert_eq!(p.subtree_span(7), (p.tokens[6].start, p.tokens[7].end));
        assert_eq!(p.clause_of(6), c);
        assert!(p
            .to_conllu()
            .contains("6\tattack\tattack\tVERB\tVB\t_\t2\tccomp"));
    }

    #[test]
    fn parenthetical_speech_modal_passive_agent() {
        // Troops may have been killed by shelling , officials said .
        let p = build(&[
            ("Troops", "troop", "NOUN", "NNS", 5, "nsubj:pass"),
            ("may", "may", "AUX", "MD", 5, "aux"),
            ("have", "have", "AUX", "VB", 5, "aux"),
            ("been", "be", "AUX", "VBN", 5, "aux:pass"),
            ("killed", "kill", "VERB", "VBN", 0, "root"),
            ("by", "by", "ADP", "IN", 7, "case"),
            ("shelling", "shelling", "NOUN", "NN", 5, "obl:agent"),
            (",", ",", "PUNCT", ",", 10, "punct"),
            ("officials", "official", "NOUN", "NNS", 10, "nsubj"),
            ("said", "say", "VERB", "VBD", 5, "parataxis"),
            (".", ".", "PUNCT", ".", 5, "punct"),
        ]);
        assert_eq!(p.reported_clause(9), Some(4));
        assert!(p.is_passive(4));
        assert_eq!(p.agent(4).map(|a| form(&p, a)), Some("shelling"));
        assert_eq!(p.obliques(4), vec![(6, Some("by".to_owned()))]);
        let m = p.modals(4);
        assert_eq!(m.iter().map(|&i| form(&p, i)).collect::<Vec<_>>(), ["may"]);
        assert!(p.in_scope_of(m[0], 0));
        assert!(p.in_scope_of(m[0], 6));
        assert_eq!(form(&p, p.subjects(4)[0]), "Troops");
    }

    #[test]
    fn shared_subjects_control_relatives_negative_pronouns() {
        // The minister who resigned arrived and refused to comment ; nobody knew .
        let p = build(&[
            ("The", "the", "DET", "DT", 2, "det"),
            ("minister", "minister", "NOUN", "NN", 5, "nsubj"),
            ("who", "who", "PRON", "WP", 4, "nsubj"),
            ("resigned", "resign", "VERB", "VBD", 2, "acl:relcl"),
            ("arrived", "arrive", "VERB", "VBD", 0, "root"),
            ("and", "and", "CCONJ", "CC", 7, "cc"),
            ("refused", "refuse", "VERB", "VBD", 5, "conj"),
            ("to", "to", "PART", "TO", 9, "mark"),
            ("comment", "comment", "VERB", "VB", 7, "xcomp"),
            (";", ";", "PUNCT", ":", 12, "punct"),
            ("nobody", "nobody", "PRON", "NN", 12, "nsubj"),
            ("knew", "know", "VERB", "VBD", 5, "parataxis"),
            (".", ".", "PUNCT", ".", 5, "punct"),
        ]);
        assert_eq!(
            form(&p, p.subjects(3)[0]),
            "minister",
            "relative pronoun resolved"
        );
        assert_eq!(
            form(&p, p.subjects(6)[0]),
            "minister",
            "shared by conjuncts"
        );
        assert_eq!(
            form(&p, p.subjects(8)[0]),
            "minister",
            "controlled by the subject"
        );
        assert!(p.is_clause_head(6));
        assert_eq!(p.negator(11).map(|n| form(&p, n)), Some("nobody"));
        assert!(p.negator(4).is_none());
        assert_eq!(p.conjuncts(4), vec![6]);
        assert_eq!(p.reported_clause(6), Some(8));
    }

    #[test]
    fn according_to_and_no_determiner() {
        // According to police , no one was hurt .
        let p = build(&[
            ("According", "accord", "VERB", "VBG", 3, "case"),
            ("to", "to", "ADP", "IN", 1, "fixed"),
            ("police", "police", "NOUN", "NNS", 8, "obl"),
            (",", ",", "PUNCT", ",", 8, "punct"),
            ("no", "no", "DET", "DT", 6, "det"),
            ("one", "one", "PRON", "NN", 8, "nsubj:pass"),
            ("was", "be", "AUX", "VBD", 8, "aux:pass"),
            ("hurt", "hurt", "VERB", "VBN", 0, "root"),
            (".", ".", "PUNCT", ".", 8, "punct"),
        ]);
        assert_eq!(p.oblique_with(7, "according to"), Some(2));
        assert_eq!(p.negator(7).map(|n| form(&p, n)), Some("no"));
        assert_eq!(p.token_at(p.tokens[2].start + 1), Some(2));
        assert_eq!(p.token_at(10_000), None);
    }
}
