//! A CoNLL-U reader for training and evaluation: syntactic words only
//! (multiword-token ranges like `2-3 can't` and empty nodes like `8.1` are
//! skipped, their words are kept), with the document each sentence belongs
//! to.

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based index of the head word; 0 for the root.
    pub head: usize,
    pub deprel: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreeSentence {
    /// `# newdoc id`, else the name given to [`read`].
    pub doc: String,
    pub id: String,
    /// `# text`: the sentence as written (for tokeniser evaluation).
    pub text: String,
    pub words: Vec<TreeWord>,
}

/// Parse a CoNLL-U file. `default_doc` names the document until a
/// `# newdoc id` line says otherwise.
pub fn read(src: &str, default_doc: &str) -> Result<Vec<TreeSentence>, String> {
    let mut out = Vec::new();
    let mut doc = default_doc.to_owned();
    let mut cur = TreeSentence {
        doc: doc.clone(),
        ..Default::default()
    };
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                finish(&mut cur, n)?;
                out.push(std::mem::take(&mut cur));
            }
            cur.doc = doc.clone();
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("newdoc id =") {
                doc = v.trim().to_owned();
                cur.doc = doc.clone();
            } else if let Some(v) = c.strip_prefix("sent_id =") {
                cur.id = v.trim().to_owned();
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = v.trim().to_owned();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!(
                "line {}: {} columns, expected 10",
                n + 1,
                cols.len()
            ));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| format!("line {}: bad word id {:?}", n + 1, cols[0]))?;
        if id != cur.words.len() + 1 {
            return Err(format!("line {}: word id {id} out of sequence", n + 1));
        }
        let head: usize = cols[6]
            .parse()
            .map_err(|_| format!("line {}: bad head {:?}", n + 1, cols[6]))?;
        cur.words.push(TreeWord {
            form: cols[1].to_owned(),
            lemma: cols[2].to_owned(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            head,
            deprel: cols[7].to_owned(),
        });
    }
    if !cur.words.is_empty() {
        finish(&mut cur, src.lines().count())?;
        out.push(cur);
    }
    Ok(out)
}

fn finish(s: &mut TreeSentence, line: usize) -> Result<(), String> {
    let n = s.words.len();
    let mut roots = 0;
    for w in &s.words {
        if w.head > n {
            return Err(format!(
                "sentence ending line {line}: head {} > {n}",
                w.head
            ));
        }
        roots += (w.head == 0) as usize;
    }
    if roots != 1 {
        return Err(format!("sentence ending line {line}: {roots} roots"));
    }
    // Every word must reach the root without a cycle.
    for start in 1..=n {
        let mut k = start;
        for _ in 0..=n {
            if k == 0 {
                break;
            }
            k = s.words[k - 1].head;
        }
        if k != 0 {
            return Err(format!(
                "sentence ending line {line}: cycle through word {start}"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_ranges() {
        let src = "# newdoc id = d1\n# sent_id = s1\n# text = We can't.\n\
1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = read(src, "file").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].doc, "d1");
        assert_eq!(s[0].text, "We can't.");
        let forms: Vec<_> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["We", "ca", "n't", "."]);
        assert_eq!(s[0].words[1].head, 3);
        assert!(read("1\ta\n", "f").is_err());
        assert!(read("1\ta\ta\tX\tX\t_\t5\tdep\t_\t_\n", "f").is_err());
        // A self-loop beside the root is a cycle.
        let cyc = "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t2\tdep\t_\t_\n";
        assert!(read(cyc, "f").is_err());
    }
}
