//! UD English-EWT with its Universal NER annotation as held-out splits.
//!
//! The treebank (`shared/data/ud/en_ewt`, see its README) gives the text:
//! documents (`# newdoc id`), paragraphs (`# newpar`), sentences, and each
//! token's spacing (`SpaceAfter=No`; a contraction is one surface token over
//! two words, "company's" = "company" + "'s"). The Universal NER file gives
//! one PER / ORG / LOC tag in IOB2 per word of the same sentences, matched by
//! `# sent_id` and word number. Each document is written as plain text (one
//! sentence per line, a blank line between paragraphs) with a brat `.ann`
//! beside it, like the GUM split of [`super::conllu`], so it is read,
//! analysed and scored as every other corpus. The data is read in place and
//! the converted files live under the system temporary directory.
//!
//! These web genres (blogs, reviews, e-mails, answers, newsgroups) were
//! never tuned on before issue 8 part 11; its dev split is the one looked at.
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::conllu::{to_brat, Converted, Span};

/// The IOB2 tags of every sentence, by sentence id, by word number.
fn read_tags(iob2: &str) -> HashMap<String, HashMap<String, String>> {
    let mut out: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in iob2.lines() {
        if let Some(id) = line.strip_prefix("# sent_id = ") {
            current = Some(id.trim().to_string());
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if let (Some(sid), true) = (&current, cols.len() >= 3) {
            out.entry(sid.clone())
                .or_default()
                .insert(cols[0].to_string(), cols[2].to_string());
        }
    }
    out
}

/// One word of a sentence: its character span in the document and its tag.
struct Word {
    start: usize,
    end: usize,
    tag: String,
}

/// Turn a sentence's IOB2 tags into spans; an I- tag that does not continue
/// a span of its type opens one (the lenient reading of IOB2).
fn spans_of(words: &[Word], out: &mut Vec<Span>) {
    let mut open: Option<Span> = None;
    for w in words {
        let (bio, ty) = w.tag.split_once('-').unwrap_or(("O", ""));
        let continues = bio == "I" && open.as_ref().is_some_and(|s| s.ty == ty);
        if continues {
            if let Some(s) = open.as_mut() {
                s.end = w.end;
            }
            continue;
        }
        out.extend(open.take());
        if bio == "B" || bio == "I" {
            open = Some(Span {
                start: w.start,
                end: w.end,
                ty: ty.to_string(),
                identity: None,
            });
        }
    }
    out.extend(open);
}

/// Where each word of a multi-word token lies inside its surface form:
/// consecutive pieces when the words spell it ("company" + "'s"), else the
/// whole token for every word ("gonna" = "gon" + "na" spells it too; a
/// respelt contraction may not).
fn word_offsets(surface: &str, words: &[&str], start: usize) -> Vec<(usize, usize)> {
    if words.concat() == surface {
        let mut at = start;
        return words
            .iter()
            .map(|w| {
                let s = at;
                at += w.chars().count();
                (s, at)
            })
            .collect();
    }
    let end = start + surface.chars().count();
    vec![(start, end); words.len()]
}

/// A multi-word token being read: its surface, its last word number, where
/// it starts, and its words (form, tag) so far.
type OpenRange = (String, usize, usize, Vec<(String, String)>);

/// Convert a treebank file and its Universal NER tags into documents.
pub fn convert(conllu: &str, iob2: &str) -> Vec<(String, Converted)> {
    let tags = read_tags(iob2);
    let mut docs: Vec<(String, Converted)> = Vec::new();
    let mut doc = Converted::default();
    let mut doc_id = String::new();
    let mut chars = 0usize;
    let mut sent_tags: Option<&HashMap<String, String>> = None;
    let mut words: Vec<Word> = Vec::new();
    let mut range: Option<OpenRange> = None;
    let mut pending_space = false;
    let push = |d: &mut Converted, chars: &mut usize, s: &str| {
        d.text.push_str(s);
        *chars += s.chars().count();
    };
    let finish_sentence = |d: &mut Converted, chars: &mut usize, words: &mut Vec<Word>| {
        if !words.is_empty() {
            spans_of(words, &mut d.spans);
            words.clear();
            push(d, chars, "\n");
        }
    };
    for line in conllu.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            finish_sentence(&mut doc, &mut chars, &mut words);
            if !doc.text.is_empty() {
                docs.push((std::mem::take(&mut doc_id), std::mem::take(&mut doc)));
            }
            doc_id = id.trim().to_string();
            chars = 0;
            continue;
        }
        if line.starts_with("# newpar") {
            if !doc.text.is_empty() && !doc.text.ends_with("\n\n") {
                push(&mut doc, &mut chars, "\n");
            }
            continue;
        }
        if let Some(id) = line.strip_prefix("# sent_id = ") {
            sent_tags = tags.get(id.trim());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            finish_sentence(&mut doc, &mut chars, &mut words);
            pending_space = false;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('.') {
            continue; // empty nodes carry no surface
        }
        let no_space = cols[9].split('|').any(|f| f == "SpaceAfter=No");
        if let Some((a, b)) = cols[0].split_once('-') {
            let (Ok(_), Ok(last)) = (a.parse::<usize>(), b.parse::<usize>()) else {
                continue;
            };
            if pending_space {
                push(&mut doc, &mut chars, " ");
            }
            let start = chars;
            push(&mut doc, &mut chars, cols[1]);
            pending_space = !no_space;
            range = Some((cols[1].to_string(), last, start, Vec::new()));
            continue;
        }
        let tag = sent_tags
            .and_then(|t| t.get(cols[0]))
            .cloned()
            .unwrap_or_else(|| "O".into());
        if let Some((surface, last, start, mut parts)) = range.take() {
            parts.push((cols[1].to_string(), tag));
            if cols[0].parse::<usize>().is_ok_and(|n| n < last) {
                range = Some((surface, last, start, parts));
                continue;
            }
            let forms: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
            let offs = word_offsets(&surface, &forms, start);
            for ((s, e), (_, tag)) in offs.into_iter().zip(parts) {
                words.push(Word {
                    start: s,
                    end: e,
                    tag,
                });
            }
            continue;
        }
        if pending_space {
            push(&mut doc, &mut chars, " ");
        }
        let start = chars;
        push(&mut doc, &mut chars, cols[1]);
        pending_space = !no_space;
        words.push(Word {
            start,
            end: chars,
            tag,
        });
    }
    finish_sentence(&mut doc, &mut chars, &mut words);
    if !doc.text.is_empty() {
        docs.push((doc_id, doc));
    }
    docs
}

/// A document id as a file name: letters, digits, '-', '_' and '.' kept.
fn file_stem(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Write the `split` ("dev", "test") documents of `ewt_dir` under `out`
/// (emptied first) as `.txt` + `.ann` pairs and return the folder.
pub fn write_split(ewt_dir: &Path, split: &str, out: &Path) -> anyhow::Result<PathBuf> {
    let read = |name: String| {
        let p = ewt_dir.join(name);
        std::fs::read_to_string(&p).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))
    };
    let conllu = read(format!("en_ewt-ud-{split}.conllu"))?;
    let iob2 = read(format!("uner-en_ewt-ud-{split}.iob2"))?;
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (id, c) in convert(&conllu, &iob2) {
        let mut stem = file_stem(&id);
        let n = seen.entry(stem.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            stem = format!("{stem}-{n}");
        }
        std::fs::write(out.join(format!("{stem}.txt")), &c.text)?;
        std::fs::write(out.join(format!("{stem}.ann")), to_brat(&c))?;
    }
    Ok(out.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONLLU: &str = "# newdoc id = doc-a\n# sent_id = a-1\n# newpar id = p1\n\
# text = Visit Lake Orrin's shop.\n\
1\tVisit\tvisit\tVERB\tVB\t_\t0\troot\t_\t_\n\
2\tLake\tLake\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n\
3-4\tOrrin's\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tOrrin\tOrrin\tPROPN\tNNP\t_\t5\tnmod:poss\t_\t_\n\
4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_\n\
5\tshop\tshop\tNOUN\tNN\t_\t1\tobj\t_\tSpaceAfter=No\n\
5.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t1:conj\tCopyOf=1\n\
6\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n\
# sent_id = a-2\n# newpar id = p2\n# text = Ask Tova Brill\n\
1\tAsk\task\tVERB\tVB\t_\t0\troot\t_\t_\n\
2\tTova\tTova\tPROPN\tNNP\t_\t1\tobj\t_\t_\n\
3\tBrill\tBrill\tPROPN\tNNP\t_\t2\tflat\t_\t_\n\n\
# newdoc id = doc b/2\n# sent_id = b-1\n# text = Fine.\n\
1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";

    const IOB2: &str = "# sent_id = a-1\n1\tVisit\tO\n2\tLake\tB-LOC\n3\tOrrin\tI-LOC\n\
4\t's\tO\n5\tshop\tO\n6\t.\tO\n\n# sent_id = a-2\n1\tAsk\tO\n2\tTova\tI-PER\n3\tBrill\tI-PER\n\n\
# sent_id = b-1\n1\tFine\tO\n2\t.\tO\n\n";

    #[test]
    fn converts_documents_paragraphs_contractions_and_tags() {
        let docs = convert(CONLLU, IOB2);
        assert_eq!(docs.len(), 2);
        let (id, a) = &docs[0];
        assert_eq!(id, "doc-a");
        assert_eq!(a.text, "Visit Lake Orrin's shop.\n\nAsk Tova Brill\n");
        let got: Vec<(usize, usize, &str)> = a
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.ty.as_str()))
            .collect();
        // "Lake Orrin" ends inside the surface token "Orrin's"; a sentence
        // opening on I- still opens its span.
        assert_eq!(got, vec![(6, 16, "LOC"), (30, 40, "PER")]);
        assert!(to_brat(a).contains("T1\tLOC 6 16\tLake Orrin"));
        assert_eq!(docs[1].1.text, "Fine.\n");
        assert_eq!(file_stem(&docs[1].0), "doc_b_2");
    }

    #[test]
    fn a_type_change_inside_a_run_opens_a_new_span() {
        let words: Vec<Word> = [("B-ORG", 0, 3), ("I-LOC", 4, 8), ("I-LOC", 9, 12)]
            .iter()
            .map(|&(t, s, e)| Word {
                start: s,
                end: e,
                tag: t.into(),
            })
            .collect();
        let mut out = Vec::new();
        spans_of(&words, &mut out);
        let got: Vec<(usize, usize)> = out.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, vec![(0, 3), (4, 12)]);
    }
}
