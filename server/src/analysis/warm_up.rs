//! Load what analysing a text needs before the first edit asks for it.
//!
//! A server restarted on a folder whose analyses and claims are all in the
//! persisted index recognises and parses nothing until the user types: the
//! first edit then loads the name tagger's weights, the gazetteer, the
//! parser's weights and the pattern tables, all at once, on the path of the
//! first keystroke's answers (tens of megabytes, see README "Latency after
//! an edit"). Analysing one short invented text, with its claims, in the
//! background once the folder is indexed moves that one-time cost to a
//! moment when nothing waits for it.
use super::claims::ClaimSettings;

/// A few sentences that take every step of the analysis: a dateline,
/// names of people, places and organisations, an attributed amount.
const TEXT: &str = "BRUSSELS, March 4, 2025 (Reuters) - The European Commission \
said on Tuesday that 120 people were evacuated from the port of Antwerp, \
according to Belgian police. Minister Anna Peeters visited the site.\n";

/// Analyse [`TEXT`] and find its claims, for what that loads (not when
/// `CROSSCHECK_WARM_UP=0`, to measure what it moves).
pub fn warm_up() {
    if std::env::var("CROSSCHECK_WARM_UP").as_deref() == Ok("0") {
        return;
    }
    let doc = super::analyze_document(TEXT);
    let claims = super::claims::analyze(TEXT, &doc, &ClaimSettings::default());
    tracing::debug!(
        "warmed up: {} mentions, {} claims",
        doc.mentions.len(),
        claims.claims.len()
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_warm_up_text_is_recognised_and_has_a_claim() {
        let doc = crate::analysis::analyze_document(super::TEXT);
        assert!(doc.mentions.len() >= 4, "{:?}", doc.mentions);
        let c = crate::analysis::claims::analyze(super::TEXT, &doc, &Default::default());
        assert!(!c.claims.is_empty());
    }
}
