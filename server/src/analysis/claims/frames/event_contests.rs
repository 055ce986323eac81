//! Games and fights the parse may misread: "The Comets beat the Herons"
//! with "beat" tagged as a copula (the tagger confuses it with "be"), and
//! "the Herons lost to the Comets", whose verb alone names no contest
//! ("lost jobs", "lost power").
use crate::analysis::claims::frames::lexicon::{self, EventKind};
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Whether token `a` is an event verb the parser took for a copula: "The
/// Brisbane Comets beat the Cairns Herons at Carrington Arena" parsed as
/// "Comets [are] Herons". Its head is then what the verb acts on, and the
/// head's subject who acts.
pub(super) fn misread_copula(p: &Parse, a: usize) -> Option<EventKind> {
    let tok = &p.tokens[a];
    if tok.upos != Upos::Aux || tok.deprel.rel != Rel::Cop {
        return None;
    }
    let low = tok.form.to_ascii_lowercase();
    if matches!(
        low.as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
    ) {
        return None;
    }
    lexicon::event_word(&low, true)
        .or_else(|| lexicon::event_word(&tok.lemma, true))
        .filter(|&k| k == EventKind::Contest)
}

/// Whether token `a` is "lost" or "lose" with a name under "to": "the
/// Herons lost to the Comets 94-88" is a game.
pub(super) fn lost_to(p: &Parse, a: usize) -> bool {
    let tok = &p.tokens[a];
    tok.upos == Upos::Verb
        && matches!(
            tok.form.to_ascii_lowercase().as_str(),
            "lost" | "lose" | "loses" | "losing"
        )
        && p.children(a).iter().any(|&c| {
            p.tokens[c].deprel.rel == Rel::Obl
                && p.tokens[c].upos == Upos::Propn
                && p.case_marker(c).as_deref() == Some("to")
        })
}
