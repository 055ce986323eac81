//! `crosscheck bench gen-corpus --varied`: a corpus of whole real texts
//! instead of recombined paragraphs, so the claims pass meets the variety
//! of real news (different sentences, numbers and names in every file).
//!
//! Sources, read in place from `shared/data` (never copied into this
//! repository; all openly licensed, see each folder's README): the GUM news
//! texts, MEANTIME's news articles, and the documents of the UD GUM and EWT
//! treebanks (rebuilt from their `# text` lines), plus the repository's
//! examples. Each output file is one source document in a new copy: its
//! capitalised words (names, mostly) are swapped for others drawn from the
//! whole collection and its numbers rescaled, each consistently within the
//! copy ("Obama" is "Merkel" throughout one copy, "Sanders" in another; 40
//! is 52 wherever it occurs in that copy). One `big_100k.txt` of about
//! 100 KB is made of several documents for the edit measures.
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::gen::Rng;

/// Words at a sentence start or common capitalised words that are not
/// names: kept as they are.
const KEEP: &[&str] = &[
    "The",
    "A",
    "An",
    "I",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "You",
    "This",
    "That",
    "But",
    "And",
    "Or",
    "If",
    "As",
    "For",
    "Of",
    "To",
    "By",
    "With",
    "From",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "When",
    "What",
];

/// Every source document found: (name, text).
pub fn documents(repo: &Path, shared: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut txt_dirs = vec![repo.join("examples/nato-ukraine")];
    txt_dirs.push(shared.join(super::super::eval::GUM_SUB));
    txt_dirs.push(shared.join(super::super::eval::MEANTIME_SUB));
    for dir in txt_dirs {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        names.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        names.sort();
        for p in names {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push((p.display().to_string(), t));
            }
        }
    }
    for dir in [shared.join("ud/gum"), shared.join("ud/en_ewt")] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        names.retain(|p| p.extension().is_some_and(|e| e == "conllu"));
        names.sort();
        for p in names {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.extend(conllu_documents(&t));
            }
        }
    }
    out.retain(|(_, t)| t.len() > 300);
    out
}

/// The documents of a CoNLL-U file, from `# newdoc`, `# newpar` and
/// `# text` lines (sentences of a paragraph joined by spaces).
fn conllu_documents(text: &str) -> Vec<(String, String)> {
    let mut docs: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            docs.push((id.to_string(), String::new()));
        } else if line.starts_with("# newpar") {
            if let Some((_, d)) = docs.last_mut() {
                if !d.is_empty() {
                    d.push_str("\n\n");
                }
            }
        } else if let Some(s) = line.strip_prefix("# text = ") {
            if docs.is_empty() {
                docs.push(("untitled".into(), String::new()));
            }
            let d = &mut docs.last_mut().expect("a document").1;
            if !d.is_empty() && !d.ends_with('\n') {
                d.push(' ');
            }
            d.push_str(s);
        }
    }
    docs
}

/// Capitalised words of the collection that can stand in for one another.
fn name_pool(docs: &[(String, String)]) -> Vec<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (_, t) in docs {
        for w in names_in(t) {
            *seen.entry(w).or_default() += 1;
        }
    }
    let mut v: Vec<String> = seen
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(w, _)| w.to_string())
        .collect();
    v.sort();
    v
}

fn is_name_like(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(cs.next(), Some(c) if c.is_uppercase())
        && w.len() >= 3
        && cs.all(|c| c.is_lowercase())
        && !KEEP.contains(&w)
}

/// Capitalised words written inside a sentence somewhere in `text`: its
/// names (a capitalised word only seen at sentence starts is not one).
fn names_in(text: &str) -> std::collections::HashSet<&str> {
    let mut out = std::collections::HashSet::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let w = &text[s..i];
            let before = text[..s].trim_end().chars().last().unwrap_or('.');
            if is_name_like(w) && !matches!(before, '.' | '!' | '?' | '"' | '\n' | ':') {
                out.insert(w);
            }
        }
    }
    out
}

/// One copy of `text`: names swapped and numbers rescaled, consistently.
pub fn vary(text: &str, pool: &[String], rng: &mut Rng) -> String {
    let known = names_in(text);
    let mut names: HashMap<String, String> = HashMap::new();
    let mut numbers: HashMap<String, String> = HashMap::new();
    // 0.5x to 2x, the same for every number of the copy.
    let scale = 0.5 + rng.below(1500) as f64 / 1000.0;
    let mut out = String::with_capacity(text.len() + 64);
    let mut word = String::new();
    let flush = |word: &mut String,
                 out: &mut String,
                 rng: &mut Rng,
                 names: &mut HashMap<String, String>,
                 numbers: &mut HashMap<String, String>| {
        if word.is_empty() {
            return;
        }
        let w = std::mem::take(word);
        if known.contains(w.as_str()) && !pool.is_empty() {
            let r = names
                .entry(w.clone())
                .or_insert_with(|| pool[rng.below(pool.len())].clone());
            out.push_str(r);
        } else if w.chars().all(|c| c.is_ascii_digit())
            && !(w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        {
            // years stay: dates must remain plausible
            let r = numbers.entry(w.clone()).or_insert_with(|| {
                let n: f64 = w.parse().unwrap_or(0.0);
                format!("{}", ((n * scale).round() as u64).max(1))
            });
            out.push_str(r);
        } else {
            out.push_str(&w);
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, rng, &mut names, &mut numbers);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, rng, &mut names, &mut numbers);
    out
}

pub struct Written {
    pub files: usize,
    pub bytes: u64,
    pub sources: usize,
}

/// Write `n` varied copies (in folders of 100) and `big_100k.txt` to `out`.
pub fn generate(out: &Path, n: usize, seed: u64, shared: &Path) -> anyhow::Result<Written> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let docs = documents(&repo, shared);
    if docs.is_empty() {
        anyhow::bail!("no source texts found (examples or {})", shared.display());
    }
    let pool = name_pool(&docs);
    let mut rng = Rng::new(seed);
    std::fs::create_dir_all(out)?;
    let mut bytes = 0u64;
    for i in 0..n {
        let (_, text) = &docs[i % docs.len()];
        let dir = out.join(format!("topic_{:03}", i / 100));
        std::fs::create_dir_all(&dir)?;
        let copy = vary(text, &pool, &mut rng);
        bytes += copy.len() as u64;
        std::fs::write(dir.join(format!("{i:05}.txt")), copy)?;
    }
    let mut big = String::new();
    while big.len() < 100_000 {
        let (_, text) = &docs[rng.below(docs.len())];
        big.push_str(&vary(text, &pool, &mut rng));
        big.push_str("\n\n");
    }
    bytes += big.len() as u64;
    std::fs::write(out.join("big_100k.txt"), big)?;
    Ok(Written {
        files: n + 1,
        bytes,
        sources: docs.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_vary_names_and_numbers_consistently() {
        let pool: Vec<String> = ["Merkel", "Sanders", "Okafor"].map(String::from).to_vec();
        let text =
            "Obama met Putin, aides of Obama said. 40 troops left in 2014, and 40 more stayed.";
        let a = vary(text, &pool, &mut Rng::new(1));
        // the same name, the same replacement throughout the copy, even at
        // a sentence start
        let first = a.split(' ').next().unwrap().to_string();
        assert!(pool.contains(&first));
        assert!(a.matches(first.as_str()).count() >= 2, "{a}");
        assert!(a.contains("2014"), "years stay: {a}");
        assert!(!a.contains("Obama"));
        let nums: Vec<&str> = a
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty() && *s != "2014")
            .collect();
        assert_eq!(nums.len(), 2);
        assert_eq!(nums[0], nums[1], "the same number, the same value: {a}");
    }

    #[test]
    fn conllu_documents_rebuild_paragraphs() {
        let t = "# newdoc id = d1\n# newpar id = p1\n# text = One two.\n1\tOne\n\n# text = Three.\n\n# newpar id = p2\n# text = Four.\n";
        let d = conllu_documents(t);
        assert_eq!(d, vec![("d1".into(), "One two. Three.\n\nFour.".into())]);
    }
}
