//! The subject of a verb of saying read from the sentence's dependency
//! parse, for the word orders the word rules of [`super::verb`] cannot
//! see: a long apposition ("K.C. Maurer, chief financial officer and
//! treasurer at the Foundation, said"), a participle after the subject
//! ("The results of the study, published in the journal this week,
//! revealed that"), a publication as the one who concludes ("PC World's
//! analysis of its traffic concluded"). Asked only of a sentence with a
//! verb of saying and no source found by the word rules, so most sentences
//! are never parsed here.
use super::super::cues::*;
use super::sentence::SentenceReader;
use crate::analysis::syntax::{labels::Rel, Parse, Upos};

/// Heads of a subject that name a finding's origin: a study, a report, a
/// survey or who made it. With them a finding verb is a cue even without
/// its "that" ("the scientists found reductions exceeded 10 %").
const RESEARCH_HEADS: &[&str] = &[
    "study",
    "studies",
    "report",
    "survey",
    "poll",
    "analysis",
    "research",
    "review",
    "investigation",
    "audit",
    "results",
    "findings",
    "data",
    "figures",
    "statistics",
    "paper",
    "scientists",
    "researchers",
    "authors",
    "experts",
    "census",
    "inquiry",
];

impl SentenceReader<'_> {
    /// Reads the subject of each verb of saying from the parse; true when
    /// one named a source.
    pub(super) fn parsed_subjects(&mut self) -> bool {
        // Only a sentence with a candidate verb is worth a parse.
        // A word that is also a noun ("report", "claims", "state") counts
        // only before "that".
        let candidate = self.lw.iter().enumerate().any(|(k, l)| {
            self.ws[k].text.starts_with(|c: char| c.is_lowercase())
                && (is_verb(l) || FINDING_VERBS.contains(&l.as_str()))
                && (!NOUN_LIKE.contains(&l.as_str())
                    || self.lw.get(k + 1).is_some_and(|n| n == "that"))
        });
        if !candidate {
            return false;
        }
        let Some(p) = crate::analysis::syntax::parse(self.cx.text, self.start, self.end) else {
            return false;
        };
        let mut found = false;
        for v in 0..p.tokens.len() {
            let t = &p.tokens[v];
            let form = t.form.to_lowercase();
            let finding = FINDING_VERBS.contains(&form.as_str());
            if t.upos != Upos::Verb || !(is_verb(&form) || finding) || !finite_or_perfect(&p, v) {
                continue;
            }
            // A verb of a subordinate clause speaks for that clause only
            // ("..., although a recent poll found ...").
            if matches!(
                t.deprel.rel,
                Rel::Advcl | Rel::Acl | Rel::Csubj | Rel::Xcomp
            ) {
                continue;
            }
            // "officials have not said": nothing is attributed.
            if p.negator(v).is_some() {
                continue;
            }
            let Some(&subj) = p.subjects(v).first() else {
                continue;
            };
            let st = &p.tokens[subj];
            if st.deprel.rel != Rel::Nsubj
                || st.deprel.is_passive_subject()
                || st.upos == Upos::Pron
            {
                continue;
            }
            // What is said: a clause or a quotation under the verb ("said
            // 500 institutions received", "concluded, "..."), not an
            // object ("denied visas", "blamed the driver").
            let content = p
                .children(v)
                .iter()
                .any(|&c| matches!(p.tokens[c].deprel.rel, Rel::Ccomp | Rel::Parataxis));
            if !content && !matches!(t.lemma.as_str(), "say" | "tell" | "state" | "add" | "write") {
                continue;
            }
            // "Other companies also reported February sales today, nearly
            // all reporting gains": an object and no clause under the verb
            // (the parataxis is the writer's own comment) tells of the
            // subject's doings, not what it says.
            let object = p.children_with(v, Rel::Obj).next().is_some();
            let clause = p.children_with(v, Rel::Ccomp).next().is_some();
            let saying = matches!(t.lemma.as_str(), "say" | "tell" | "state" | "add" | "write");
            if object && !clause && !saying {
                continue;
            }
            if finding && !research_head(&p, subj) && !that_follows(&p, v) {
                continue;
            }
            let (a, b) = core_span(&p, subj);
            // "greater than analysts predicted": a comparison with a
            // forecast, not the source of the claim.
            let than = |k: usize| p.tokens[k].form.eq_ignore_ascii_case("than");
            if p.children(v).iter().any(|&c| than(c))
                || p.children(subj).iter().any(|&c| than(c))
                || self.cx.text[a..b].to_lowercase().starts_with("than ")
            {
                continue;
            }
            let report = matches!(
                form.as_str(),
                "reported" | "reports" | "wrote" | "writes" | "published"
            );
            if let Some(srcs) = self.cx.source(a, b, report, self.mem) {
                self.push(12, srcs);
                self.mark_cue(t.start, t.end);
                found = true;
            }
        }
        found
    }
}

/// A finite verb ("said", "says") or a perfect ("has said").
fn finite_or_perfect(p: &Parse, v: usize) -> bool {
    matches!(p.tokens[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
        || (p.tokens[v].xpos == "VBN"
            && p.children_with(v, Rel::Aux)
                .any(|c| matches!(p.tokens[c].lemma.as_str(), "have")))
}

fn research_head(p: &Parse, subj: usize) -> bool {
    RESEARCH_HEADS.contains(&p.tokens[subj].form.to_lowercase().as_str())
}

fn that_follows(p: &Parse, v: usize) -> bool {
    p.tokens
        .get(v + 1)
        .is_some_and(|t| t.form.eq_ignore_ascii_case("that"))
}

/// The subject phrase without what follows its head to describe it (an
/// apposition, a participle, a relative clause) or set it off (commas):
/// "K.C. Maurer" of "K.C. Maurer, chief financial officer ..., said"; "The
/// results of the study" of "The results of the study, published in ...".
fn core_span(p: &Parse, subj: usize) -> (usize, usize) {
    let range = p.subtree(subj);
    let cut = p
        .children(subj)
        .iter()
        .copied()
        .filter(|&c| {
            c > subj
                && matches!(
                    p.tokens[c].deprel.rel,
                    Rel::Appos | Rel::Acl | Rel::Punct | Rel::Parataxis
                )
        })
        .map(|c| p.subtree(c).start)
        .chain(
            // The first comma after the head ends the subject, whatever it
            // hangs from ("Eastman, Director of ..., and Chairman of ...").
            (subj + 1..range.end).find(|&k| p.tokens[k].form == ","),
        )
        .min()
        .unwrap_or(range.end);
    let last = cut.max(subj + 1) - 1;
    (p.tokens[range.start].start, p.tokens[last].end)
}
