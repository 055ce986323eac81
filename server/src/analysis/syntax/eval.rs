//! Accuracy of a model on gold-tokenised treebank sentences: tags, lemmas,
//! attachment scores (with and without punctuation, as UD's evaluation
//! counts every word).
use serde::Serialize;

use super::annotate::{annotate, annotate_tagged};
use super::conllu::TreeSentence;
use super::labels::DepRel;
use super::lex::normalize_quotes;
use super::lex::Lex;
use super::model::SyntaxModel;

#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq)]
pub struct Scores {
    pub sentences: usize,
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
    /// Words that are not punctuation, and their attachment hits.
    pub words_no_punct: usize,
    pub uas_no_punct: usize,
    pub las_no_punct: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl Scores {
    pub fn add(&mut self, o: &Scores) {
        self.sentences += o.sentences;
        self.words += o.words;
        self.upos += o.upos;
        self.xpos += o.xpos;
        self.lemma += o.lemma;
        self.uas += o.uas;
        self.las += o.las;
        self.words_no_punct += o.words_no_punct;
        self.uas_no_punct += o.uas_no_punct;
        self.las_no_punct += o.las_no_punct;
    }

    pub fn upos_pct(&self) -> f64 {
        pct(self.upos, self.words)
    }
    pub fn xpos_pct(&self) -> f64 {
        pct(self.xpos, self.words)
    }
    pub fn lemma_pct(&self) -> f64 {
        pct(self.lemma, self.words)
    }
    pub fn uas_pct(&self) -> f64 {
        pct(self.uas, self.words)
    }
    pub fn las_pct(&self) -> f64 {
        pct(self.las, self.words)
    }
    pub fn uas_no_punct_pct(&self) -> f64 {
        pct(self.uas_no_punct, self.words_no_punct)
    }
    pub fn las_no_punct_pct(&self) -> f64 {
        pct(self.las_no_punct, self.words_no_punct)
    }

    /// One table row: UPOS XPOS lemma UAS LAS (UAS LAS without punctuation).
    pub fn row(&self) -> String {
        format!(
            "{:>6} words  UPOS {:5.2}  XPOS {:5.2}  lemma {:5.2}  UAS {:5.2}  LAS {:5.2}  (no punct: UAS {:5.2}  LAS {:5.2})",
            self.words,
            self.upos_pct(),
            self.xpos_pct(),
            self.lemma_pct(),
            self.uas_pct(),
            self.las_pct(),
            self.uas_no_punct_pct(),
            self.las_no_punct_pct()
        )
    }
}

/// Score one sentence; with `gold_tags`, the tagger is bypassed (to
/// measure what tagging errors cost the parser).
pub fn score_sentence(model: &SyntaxModel, s: &TreeSentence, gold_tags: bool) -> Scores {
    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    let mut sc = Scores {
        sentences: 1,
        words: forms.len(),
        ..Default::default()
    };
    let a = if gold_tags {
        let lex: Vec<Lex> = forms.iter().map(|f| Lex::new(f)).collect();
        let tags = s
            .words
            .iter()
            .map(|w| model.tagger.tags.index(&w.upos, &w.xpos).unwrap_or(0))
            .collect();
        annotate_tagged(model, &forms, &lex, tags)
    } else {
        annotate(model, &forms)
    };
    let Some(a) = a else {
        return sc;
    };
    let n = forms.len() as u32;
    for (i, w) in s.words.iter().enumerate() {
        let t = a.tags[i];
        let tags = &model.tagger.tags;
        sc.upos += (tags.upos[t].as_str() == w.upos) as usize;
        sc.xpos += (tags.xpos[t] == w.xpos) as usize;
        sc.lemma += (a.lemmas[i] == normalize_quotes(&w.lemma)) as usize;
        let gold_head = if w.head == 0 { n } else { w.head as u32 - 1 };
        let head_ok = a.heads[i] == gold_head;
        let gold_label = DepRel::parse(&w.deprel);
        let label_ok = gold_label == Some(model.labels[a.labels[i] as usize]);
        sc.uas += head_ok as usize;
        sc.las += (head_ok && label_ok) as usize;
        if w.upos != "PUNCT" {
            sc.words_no_punct += 1;
            sc.uas_no_punct += head_ok as usize;
            sc.las_no_punct += (head_ok && label_ok) as usize;
        }
    }
    sc
}

/// Score a set of sentences.
pub fn evaluate(model: &SyntaxModel, sents: &[TreeSentence]) -> Scores {
    let mut total = Scores::default();
    for s in sents {
        total.add(&score_sentence(model, s, false));
    }
    total
}

/// Score a set of sentences with gold tags given to the parser.
pub fn evaluate_gold_tags(model: &SyntaxModel, sents: &[TreeSentence]) -> Scores {
    let mut total = Scores::default();
    for s in sents {
        total.add(&score_sentence(model, s, true));
    }
    total
}

/// Per gold relation: (words, right head, right head and label).
pub fn by_relation(
    model: &SyntaxModel,
    sents: &[TreeSentence],
) -> Vec<(String, usize, usize, usize)> {
    let mut m: std::collections::BTreeMap<String, (usize, usize, usize)> = Default::default();
    for s in sents {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let Some(a) = annotate(model, &forms) else {
            continue;
        };
        let n = forms.len() as u32;
        for (i, w) in s.words.iter().enumerate() {
            let gold_head = if w.head == 0 { n } else { w.head as u32 - 1 };
            let head_ok = a.heads[i] == gold_head;
            let label_ok = DepRel::parse(&w.deprel) == Some(model.labels[a.labels[i] as usize]);
            let e = m.entry(w.deprel.clone()).or_default();
            e.0 += 1;
            e.1 += head_ok as usize;
            e.2 += (head_ok && label_ok) as usize;
        }
    }
    let mut v: Vec<_> = m.into_iter().map(|(k, (a, b, c))| (k, a, b, c)).collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    v
}

/// The most frequent UPOS confusions: (gold, predicted, count).
pub fn upos_confusions(
    model: &SyntaxModel,
    sents: &[TreeSentence],
    top: usize,
) -> Vec<(String, String, usize)> {
    let mut m: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for s in sents {
        let lex: Vec<Lex> = s.words.iter().map(|w| Lex::new(&w.form)).collect();
        let tags = model.tagger.tag(&lex);
        for (w, &t) in s.words.iter().zip(&tags) {
            let p = model.tagger.tags.upos[t].as_str();
            if p != w.upos {
                *m.entry((w.upos.clone(), p.to_owned())).or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = m.into_iter().map(|((g, p), n)| (g, p, n)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    v.truncate(top);
    v
}

/// Agreement of our tokeniser with the treebank's tokens, over sentences
/// whose gold words can be located in `# text` in order.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq)]
pub struct TokenScores {
    pub sentences: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl TokenScores {
    pub fn f1(&self) -> f64 {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            200.0 * p * r / (p + r)
        }
    }
}

/// Byte spans of the gold words in the sentence text, if they can be found
/// in order (a few treebank forms differ from the text, e.g. normalised
/// quotes; such sentences are skipped).
fn gold_spans(s: &TreeSentence) -> Option<Vec<(usize, usize)>> {
    let mut pos = 0;
    let mut out = Vec::with_capacity(s.words.len());
    for w in &s.words {
        let rest = &s.text[pos..];
        let skip = rest.len() - rest.trim_start().len();
        let at = pos + skip;
        if !s.text[at..].starts_with(w.form.as_str()) {
            return None;
        }
        out.push((at, at + w.form.len()));
        pos = at + w.form.len();
    }
    Some(out)
}

/// Score the tokeniser on treebank sentences.
pub fn tokenizer_scores(sents: &[TreeSentence]) -> TokenScores {
    let mut sc = TokenScores::default();
    for s in sents {
        let Some(gold) = gold_spans(s) else { continue };
        let pred: Vec<(usize, usize)> = super::tokenize::tokenize(&s.text, 0, s.text.len())
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        let gold_set: std::collections::HashSet<_> = gold.iter().collect();
        sc.sentences += 1;
        sc.gold += gold.len();
        sc.predicted += pred.len();
        sc.matched += pred.iter().filter(|p| gold_set.contains(p)).count();
    }
    sc
}
