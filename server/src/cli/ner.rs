//! `crosscheck ner ...` (hidden): train and score the learned name tagger.
//!
//! ```text
//! # Reproduce the shipped weights (a minute or two in a release build):
//! cargo run --release -- ner train --out server/data/models/ner.xcm
//! # Score the rules alone and the tagger on held-back training documents:
//! cargo run --release -- ner train --out /tmp/ner.xcm --holdout 5
//! ```
//!
//! Training data (see `shared/data/ud/README.md`): the documents of GUM's
//! official *train* split in the permissively licensed genres, except its
//! news documents (they are in the GUM news evaluation set), and the
//! Universal NER annotation of the English Web Treebank dev and test files.
//! GUM's dev and test documents and MEANTIME are never read here.
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Subcommand;

use super::eval::{conllu, gold, resolve};
use crate::analysis::learn::perceptron::FinishOptions;
use crate::analysis::model::EntityKind;
use crate::analysis::ner::learned::train::{score, train, GoldText, SpanCounts, TrainOptions};
use crate::analysis::ner::learned::{Mix, NerModel};

#[derive(Subcommand, Debug)]
pub enum NerCommand {
    /// Train the name tagger and write its weight file.
    Train {
        /// The `ud` folder (default: $CROSSCHECK_DATA/ud or ../shared/data/ud).
        #[arg(long)]
        ud: Option<PathBuf>,
        /// Where to write the weights.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        #[arg(long, default_value_t = TrainOptions::default().seed)]
        seed: u64,
        /// Drop features seen in fewer training instances than this.
        #[arg(long, default_value_t = TrainOptions::default().finish.min_count)]
        min_count: u32,
        /// Quantisation: the largest weight's integer magnitude.
        #[arg(long, default_value_t = TrainOptions::default().finish.levels)]
        levels: u16,
        /// Hold back every Nth training document (GUM and EWT) and score the
        /// rules alone and the tagger on them (for tuning; 0 = train on all).
        #[arg(long, default_value_t = 0)]
        holdout: usize,
        /// With --holdout: the combinations of rules and tagger to score,
        /// each like "add:per,retype:loc" (see `learned::Mix`).
        #[arg(long, value_delimiter = ';')]
        mix: Vec<String>,
    },
}

pub fn main(cmd: NerCommand) -> i32 {
    match run(cmd) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e:#}");
            2
        }
    }
}

fn run(cmd: NerCommand) -> anyhow::Result<()> {
    match cmd {
        NerCommand::Train {
            ud,
            out,
            epochs,
            seed,
            min_count,
            levels,
            holdout,
            mix,
        } => {
            let ud = resolve(ud, "ud");
            let opts = TrainOptions {
                epochs,
                seed,
                finish: FinishOptions {
                    min_count,
                    levels,
                    ..TrainOptions::default().finish
                },
            };
            run_train(&ud, &out, opts, holdout, &mix)
        }
    }
}

fn run_train(
    ud: &Path,
    out: &Path,
    opts: TrainOptions,
    holdout: usize,
    mixes: &[String],
) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let gum = gum_train(&ud.join("gum"))?;
    let ewt = ewt_docs(&ud.join("en_ewt"))?;
    let (n_gum, n_ewt) = (gum.len(), ewt.len());
    let all: Vec<GoldText> = gum.into_iter().chain(ewt).collect();
    let (train_docs, held): (Vec<GoldText>, Vec<GoldText>) = if holdout > 1 {
        let (h, t): (Vec<_>, Vec<_>) = all
            .into_iter()
            .enumerate()
            .partition(|(i, _)| i % holdout == holdout - 1);
        (
            t.into_iter().map(|x| x.1).collect(),
            h.into_iter().map(|x| x.1).collect(),
        )
    } else {
        (all, Vec::new())
    };
    eprintln!(
        "training on {} documents ({n_gum} GUM train, {n_ewt} EWT; {} held back), {} epochs",
        train_docs.len(),
        held.len(),
        opts.epochs
    );
    let model = train(&train_docs, opts, |e| {
        eprintln!("  epoch {e} ({:.1} s)", t0.elapsed().as_secs_f64())
    });
    let about = format!(
        "crosscheck name tagger: averaged perceptron, BIO over person/organization/location, \
         greedy; trained by `crosscheck ner train` on {n_gum} documents of GUM's train split \
         (permissively licensed genres, news left out) and {n_ewt} documents of UD English-EWT \
         dev+test with Universal NER; {} epochs, seed {}, min count {}, {} levels; {} features, \
         {} weights",
        opts.epochs,
        opts.seed,
        opts.finish.min_count,
        opts.finish.levels,
        model.n_features(),
        model.n_weights()
    );
    let ner = NerModel { model, about };
    let bytes = ner.to_bytes();
    std::fs::write(out, &bytes)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features) in {:.1} s",
        out.display(),
        bytes.len(),
        ner.model.n_features(),
        t0.elapsed().as_secs_f64()
    );
    if !held.is_empty() {
        let rules = score(&held, None);
        println!(
            "held-back training documents: exact-span F1 person / organization / location / micro"
        );
        print_counts("rules alone", &rules);
        let shipped = crate::analysis::ner::learned::SHIPPED_MIX;
        print_counts("shipped", &score(&held, Some((&ner, &shipped))));
        for m in mixes {
            let tagger = score(&held, Some((&ner, &Mix::parse(m))));
            print_counts(m, &tagger);
        }
    }
    Ok(())
}

fn print_counts(name: &str, c: &SpanCounts) {
    println!(
        "  {name:<12} {:.3} / {:.3} / {:.3} / {:.3}",
        c.f1(0),
        c.f1(1),
        c.f1(2),
        c.micro()
    );
}

/// Byte offset of every character offset of `text` (and of its end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// GUM's train documents (news left out), their named person, organisation
/// and location mentions as the evaluation reads them.
fn gum_train(gum: &Path) -> anyhow::Result<Vec<GoldText>> {
    let members: Vec<String> = conllu::split_members(gum, "train")?
        .into_iter()
        .filter(|d| !d.starts_with("GUM_news_"))
        .collect();
    let dir = std::env::temp_dir()
        .join("crosscheck-ner-train")
        .join(std::process::id().to_string());
    conllu::write_documents(gum, &members, &dir)?;
    let docs = gold::load(gold::Corpus::Gum, &dir)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(docs
        .into_iter()
        .map(|d| {
            let b = char_to_byte(&d.text);
            let gold = d
                .mentions
                .iter()
                .filter(|m| m.named())
                .filter_map(|m| Some((*b.get(m.start)?, *b.get(m.end)?, m.kind)))
                .collect();
            GoldText {
                name: d.name,
                text: d.text,
                gold,
            }
        })
        .collect())
}

/// The EWT documents with their Universal NER mentions: each sentence on
/// its own line, tokens found in order in the sentence's text.
fn ewt_docs(dir: &Path) -> anyhow::Result<Vec<GoldText>> {
    let mut out = Vec::new();
    for f in ["uner-en_ewt-ud-dev.iob2", "uner-en_ewt-ud-test.iob2"] {
        let path = dir.join(f);
        let src = std::fs::read_to_string(&path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        parse_iob2(&src, &mut out);
    }
    Ok(out)
}

fn kind_of(tag: &str) -> Option<EntityKind> {
    match tag {
        "PER" => Some(EntityKind::Person),
        "ORG" => Some(EntityKind::Organization),
        "LOC" => Some(EntityKind::Location),
        _ => None,
    }
}

/// Read a Universal NER IOB2 file into documents (`# newdoc id` starts one).
fn parse_iob2(src: &str, out: &mut Vec<GoldText>) {
    let mut doc: Option<GoldText> = None;
    let mut cursor = 0usize;
    let mut open: Option<(usize, usize, EntityKind)> = None;
    let close = |doc: &mut Option<GoldText>, open: &mut Option<(usize, usize, EntityKind)>| {
        if let (Some(d), Some(o)) = (doc.as_mut(), open.take()) {
            d.gold.push(o);
        }
    };
    for line in src.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            close(&mut doc, &mut open);
            out.extend(doc.take());
            doc = Some(GoldText {
                name: id.trim().to_owned(),
                text: String::new(),
                gold: Vec::new(),
            });
        } else if let Some(t) = line.strip_prefix("# text = ") {
            close(&mut doc, &mut open);
            let d = doc.get_or_insert_with(|| GoldText {
                name: String::new(),
                text: String::new(),
                gold: Vec::new(),
            });
            if !d.text.is_empty() {
                d.text.push_str("\n\n");
            }
            cursor = d.text.len();
            d.text.push_str(t);
        } else if line.starts_with('#') || line.trim().is_empty() {
            continue;
        } else {
            let f: Vec<&str> = line.split('\t').collect();
            let (Some(form), Some(tag), Some(d)) = (f.get(1), f.get(2), doc.as_mut()) else {
                continue;
            };
            let Some(pos) = d.text[cursor..].find(form) else {
                continue;
            };
            let (s, e) = (cursor + pos, cursor + pos + form.len());
            cursor = e;
            if let Some(k) = tag.strip_prefix("I-").and_then(kind_of) {
                if let Some(o) = open.as_mut().filter(|o| o.2 == k) {
                    o.1 = e;
                    continue;
                }
            }
            close(&mut doc, &mut open);
            if let Some(k) = tag
                .strip_prefix("B-")
                .or(tag.strip_prefix("I-"))
                .and_then(kind_of)
            {
                open = Some((s, e, k));
            }
        }
    }
    close(&mut doc, &mut open);
    out.extend(doc.take());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_universal_ner() {
        let src = "# newdoc id = d1\n# sent_id = a\n# text = I met Ann Lee in Tampa Bay.\n\
1\tI\tO\t-\t-\n2\tmet\tO\t-\t-\n3\tAnn\tB-PER\t-\t-\n4\tLee\tI-PER\t-\t-\n5\tin\tO\t-\t-\n\
6\tTampa\tB-LOC\t-\t-\n7\tBay\tI-LOC\t-\t-\n8\t.\tO\t-\t-\n\n";
        let mut out = Vec::new();
        parse_iob2(src, &mut out);
        assert_eq!(out.len(), 1);
        let d = &out[0];
        let got: Vec<&str> = d.gold.iter().map(|g| &d.text[g.0..g.1]).collect();
        assert_eq!(got, ["Ann Lee", "Tampa Bay"]);
        assert_eq!(d.gold[1].2, EntityKind::Location);
    }
}
