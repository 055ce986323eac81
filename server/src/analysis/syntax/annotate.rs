//! The pipeline over one tokenised sentence: tag, lemmatise, parse.
use super::lex::Lex;
use super::model::SyntaxModel;
use super::parser::Context;
use super::transition::NONE;

/// Analyses of one sentence, by token index.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotated {
    /// Combined tag index (see `TagSet`).
    pub tags: Vec<usize>,
    pub lemmas: Vec<String>,
    /// Head of each token, `n` for the root.
    pub heads: Vec<u32>,
    /// Label index of each token (see `SyntaxModel::labels`).
    pub labels: Vec<u16>,
}

/// Tag, lemmatise and parse the tokens `forms`. `None` only if the parser
/// failed to finish a tree (a model with an inconsistent move set).
pub fn annotate(model: &SyntaxModel, forms: &[&str]) -> Option<Annotated> {
    let lex: Vec<Lex> = forms.iter().map(|f| Lex::new(f)).collect();
    let tags = model.tagger.tag(&lex);
    annotate_tagged(model, forms, &lex, tags)
}

/// As [`annotate`], with tags already chosen (evaluation with gold tags).
pub fn annotate_tagged(
    model: &SyntaxModel,
    forms: &[&str],
    lex: &[Lex],
    tags: Vec<usize>,
) -> Option<Annotated> {
    let lemmas = forms
        .iter()
        .zip(&tags)
        .map(|(f, &t)| model.lemmatizer.lemma(f, &model.tagger.tags.xpos[t]))
        .collect();
    let cx = Context::new(lex, &tags, &model.tagger.tags.upos);
    let st = model.parser.parse(&cx, forms.len());
    if st.heads.contains(&NONE) {
        return None;
    }
    Some(Annotated {
        tags,
        lemmas,
        heads: st.heads,
        labels: st.labels,
    })
}
