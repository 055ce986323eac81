use super::*;
use crate::analysis::syntax::conllu::TreeWord;
use crate::analysis::syntax::eval::evaluate;
use crate::analysis::syntax::model::SyntaxModel;

fn sent(doc: &str, words: &[(&str, &str, &str, &str, usize, &str)]) -> TreeSentence {
    TreeSentence {
        doc: doc.into(),
        id: String::new(),
        text: String::new(),
        words: words
            .iter()
            .map(|&(f, l, u, x, h, d)| TreeWord {
                form: f.into(),
                lemma: l.into(),
                upos: u.into(),
                xpos: x.into(),
                head: h,
                deprel: d.into(),
            })
            .collect(),
    }
}

/// A tiny treebank: enough to check that training runs end to end, is
/// deterministic and learns its own data.
pub(crate) fn tiny() -> Vec<TreeSentence> {
    let mut v = Vec::new();
    let names = ["NATO", "Russia", "Ukraine", "Kyiv", "Moscow", "Germany"];
    let verbs = [("said", "say"), ("warned", "warn"), ("claimed", "claim")];
    let acts = [("attacked", "attack"), ("shelled", "shell"), ("hit", "hit")];
    let mut k = 0;
    for a in names {
        for (v1, l1) in verbs {
            for (v2, l2) in acts {
                let b = names[(k + 1) % names.len()];
                let c = names[(k + 2) % names.len()];
                k += 1;
                v.push(sent(
                    &format!("d{}", k % 7),
                    &[
                        (a, a, "PROPN", "NNP", 2, "nsubj"),
                        (v1, l1, "VERB", "VBD", 0, "root"),
                        (b, b, "PROPN", "NNP", 4, "nsubj"),
                        (v2, l2, "VERB", "VBD", 2, "ccomp"),
                        (c, c, "PROPN", "NNP", 4, "obj"),
                        (".", ".", "PUNCT", ".", 2, "punct"),
                    ],
                ));
                v.push(sent(
                    &format!("d{}", k % 5),
                    &[
                        (a, a, "PROPN", "NNP", 4, "nsubj"),
                        ("did", "do", "AUX", "VBD", 4, "aux"),
                        ("not", "not", "PART", "RB", 4, "advmod"),
                        (l2, l2, "VERB", "VB", 0, "root"),
                        ("the", "the", "DET", "DT", 6, "det"),
                        ("city", "city", "NOUN", "NN", 4, "obj"),
                        (".", ".", "PUNCT", ".", 4, "punct"),
                    ],
                ));
            }
        }
    }
    v
}

fn small_opts() -> TrainOptions {
    TrainOptions {
        tagger_epochs: 3,
        parser_epochs: 4,
        folds: 3,
        dict_min_count: 5,
        dev_every_epoch: false,
        augment: 40,
        ..TrainOptions::default()
    }
}

#[test]
fn training_is_deterministic_and_learns() {
    let data = tiny();
    let opts = small_opts();
    let a = train(&data, &data[..4], &opts, &mut |_| {}).unwrap();
    let b = train(&data, &data[..4], &opts, &mut |_| {}).unwrap();
    let (ba, bb) = (a.to_bytes(), b.to_bytes());
    assert_eq!(ba, bb, "same data and options, same bytes");
    let sc = evaluate(&a, &data);
    assert!(sc.upos_pct() > 99.0, "{}", sc.row());
    assert!(sc.las_pct() > 95.0, "{}", sc.row());
    // The file round-trips.
    let back = SyntaxModel::from_bytes(&ba).unwrap();
    assert_eq!(back, a);
}
