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
///
/// Or for a preposition: "the Perth Falcons beat the Cairns Herons 101-93"
/// with "beat" tagged as one ("Falcons [at] Herons").
pub(super) fn misread_copula(p: &Parse, a: usize) -> Option<EventKind> {
    let tok = &p.tokens[a];
    let copula = tok.upos == Upos::Aux && tok.deprel.rel == Rel::Cop;
    let preposition = tok.upos == Upos::Adp && tok.deprel.rel == Rel::Case;
    if !copula && !preposition {
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
/// Herons lost to the Comets 94-88" is a game; so is the noun with a
/// score: "Saturday's 94-88 loss to Brisbane".
pub(super) fn lost_to(p: &Parse, a: usize) -> bool {
    let tok = &p.tokens[a];
    let form = tok.form.to_ascii_lowercase();
    let (verb, rel) = match tok.upos {
        Upos::Verb if matches!(form.as_str(), "lost" | "lose" | "loses" | "losing") => {
            (true, Rel::Obl)
        }
        Upos::Noun if matches!(form.as_str(), "loss" | "losses") => (false, Rel::Nmod),
        _ => return false,
    };
    p.children(a).iter().any(|&c| {
        p.tokens[c].deprel.rel == rel
            && p.tokens[c].upos == Upos::Propn
            && p.case_marker(c).as_deref() == Some("to")
    }) && (verb || scored(p, a))
}

/// Whether a noun carries a score ("94-88 loss"): a loss to a name with a
/// score is a game's, not a firm's market lost to a rival.
fn scored(p: &Parse, a: usize) -> bool {
    let score = |c: usize| {
        p.tokens[c].upos == Upos::Num
            && p.children(c).iter().any(|&x| p.tokens[x].upos == Upos::Num)
    };
    p.children(a).iter().any(|&c| {
        matches!(p.tokens[c].deprel.rel, Rel::Compound | Rel::Nummod) && score(c)
    })
    // (Or the parser hung the noun on the score: "the Herons' 101-93
    // loss" with "loss" in apposition.)
    || (p.tokens[a].deprel.rel == Rel::Appos && p.head(a).is_some_and(score))
}

/// Verbs that take a win as what their subject achieved ("claimed the
/// biggest win of his career", "sealed victory", "earned a win").
const WIN_TAKEN: &[&str] = &[
    "claim", "seal", "secure", "clinch", "earn", "record", "grab",
];

/// Whether noun `a` is a win a person or team took in a contest:
/// "win" or "victory" as the object of a verb of [`WIN_TAKEN`] whose
/// subject is a name ("Lambert claimed the biggest win of his career").
/// Not an election's victory nor a win for a policy: only in a sentence
/// whose verb says a name took it, and never beside a vote's words.
pub(super) fn claimed_win(p: &Parse, a: usize) -> bool {
    let tok = &p.tokens[a];
    if !matches!(tok.lemma.to_ascii_lowercase().as_str(), "win" | "victory")
        || !tok.deprel.is_object()
    {
        return false;
    }
    let Some(v) = p.head(a) else {
        return false;
    };
    let vote = (0..p.len()).any(|t| {
        matches!(
            p.tokens[t].lemma.to_ascii_lowercase().as_str(),
            "election" | "vote" | "poll" | "referendum" | "seat" | "ballot" | "race"
        )
    });
    !vote
        && WIN_TAKEN.contains(&p.tokens[v].lemma.to_ascii_lowercase().as_str())
        && p.subjects(v)
            .into_iter()
            .any(|s| p.tokens[s].upos == Upos::Propn)
}
