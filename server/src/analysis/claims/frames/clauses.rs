//! [`ClauseStructure`] over a dependency parse: the kind of clause a word
//! is in, read by walking from the word up to the sentence root. A
//! relative clause (`acl:relcl`) or a clause modifying a noun (`acl`)
//! qualifies something else; an adverbial clause (`advcl`) is conditional
//! under "if", "unless", "whether"; a clausal complement (`ccomp`) is the
//! content of the verb it depends on; the root's clause is the main one.
//! A hedge scopes over the claim's main predicate only in the main clause
//! or in reported content.
use crate::analysis::claims::scope::{ClauseKind, ClauseStructure};
use crate::analysis::syntax::{Parse, Rel, Sub};

pub struct ParsedClauses<'a> {
    pub parse: &'a Parse,
}

const CONDITIONAL_MARKS: &[&str] = &["if", "unless", "whether", "lest"];

impl ClauseStructure for ParsedClauses<'_> {
    fn kind_at(&self, offset: usize) -> ClauseKind {
        let p = self.parse;
        let Some(t) = p.token_at(offset) else {
            return ClauseKind::Main;
        };
        // A modal or auxiliary belongs to the clause of its head.
        let mut x = match p.tokens[t].deprel.rel {
            Rel::Aux | Rel::Advmod | Rel::Mark => p.head(t).unwrap_or(t),
            _ => t,
        };
        let mut complement = false;
        let mut steps = 0;
        loop {
            steps += 1;
            if steps > p.len() {
                break;
            }
            let d = p.tokens[x].deprel;
            // A clause whose subject or object is a relative pronoun
            // ("the package that is expected to be approved") is a
            // relative clause, however the parser attached it.
            let relative_pronoun = p.children(x).iter().any(|&c| {
                let t = &p.tokens[c];
                (t.deprel.is_subject() || t.deprel.is_object())
                    && matches!(t.xpos.as_str(), "WDT" | "WP" | "WP$")
            });
            if relative_pronoun && p.head(x).is_some() {
                return ClauseKind::Relative;
            }
            match d.rel {
                Rel::Acl => return ClauseKind::Relative,
                Rel::Advcl if d.sub == Some(Sub::Relcl) => return ClauseKind::Relative,
                Rel::Advcl => {
                    let conditional = p.children_with(x, Rel::Mark).any(|m| {
                        CONDITIONAL_MARKS.contains(&p.tokens[m].lemma.to_lowercase().as_str())
                    });
                    // "X, as the U.S. could ...": adverbial; a bare
                    // participle ("killing 12") is part of the main event.
                    if conditional {
                        return ClauseKind::Conditional;
                    }
                    if p.child_with(x, Rel::Mark).is_some() {
                        return ClauseKind::Adverbial;
                    }
                }
                Rel::Ccomp => complement = true,
                _ => {}
            }
            match p.head(x) {
                Some(h) => x = h,
                None => break,
            }
        }
        if complement {
            ClauseKind::Complement
        } else {
            ClauseKind::Main
        }
    }
}
