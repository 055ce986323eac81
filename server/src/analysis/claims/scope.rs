//! Which clause of a sentence a word is in, and whether that clause
//! carries what the sentence asserts.
//!
//! A hedge ("may", "reportedly") qualifies a claim only when it scopes over
//! the claim's main predicate: in the main clause, or in the content a
//! speech or cognition verb reports ("officials said the strike may have
//! killed 20"). In a relative clause ("actions that may impact Kyiv"), an
//! adverbial or conditional clause ("if talks may resume"), a parenthesis,
//! or a quotation embedded in a clause ('warned of "steps that could
//! escalate"') it qualifies something else.
//!
//! [`ClauseStructure`] is what the claim layer asks. [`Heuristic`] answers
//! from what can be seen without a parser: punctuation, quotation marks,
//! relative pronouns, subordinating conjunctions, and "that" after a verb
//! of saying (complement) or after anything else (relative). A
//! dependency parse answers the same question exactly: walk from the
//! word's head up to the sentence root; passing an `acl:relcl` edge means
//! a relative clause, `advcl` an adverbial one (a conditional with an
//! "if"/"unless" marker), `ccomp` under a speech verb the reported
//! content; the root's own clause is the main one. A parse-based
//! implementation of the trait replaces [`Heuristic`] without touching the
//! callers.
use super::dates::tokens::{tokenize, Kind, Tok};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// The content of a speech, report or cognition verb ("said that NATO
    /// may act", "fears that aid may stop"): what a claim asserts.
    Complement,
    /// "which ...", "who ...", "actions that ...".
    Relative,
    /// "because ...", "while ...", "so that ...", ", as ...".
    Adverbial,
    /// "if ...", "unless ...", "whether ...".
    Conditional,
    /// A quotation inside a clause, not the reported speech itself.
    Quoted,
    /// "(...)", "— ... —".
    Parenthetical,
}

impl ClauseKind {
    /// The clause carries the sentence's assertion.
    pub fn carries_claim(self) -> bool {
        matches!(self, ClauseKind::Main | ClauseKind::Complement)
    }
}

/// The clause structure of one sentence.
pub trait ClauseStructure {
    /// The kind of the innermost clause containing byte `offset`.
    fn kind_at(&self, offset: usize) -> ClauseKind;
}

/// Clause kinds over byte ranges of a sentence, from surface cues.
pub struct Heuristic {
    /// (start, end, kind), in order, covering the sentence.
    segments: Vec<(usize, usize, ClauseKind)>,
}

/// Verbs whose complement is what a sentence reports: speech, report and
/// cognition.
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "stated", "states", "reported", "reports",
    "announced", "announces", "confirmed", "confirms", "claimed", "claims", "added", "adds",
    "noted", "notes", "explained", "explains", "warned", "warns", "argued", "argues",
    "insisted", "insists", "believes", "believe", "believed", "thinks", "think", "thought",
    "fears", "feared", "fear", "hopes", "hoped", "hope", "expects", "expected", "knows", "knew",
    "suggested", "suggests", "showed", "shows", "indicated", "indicates", "revealed",
    "reveals", "acknowledged", "acknowledges", "admitted", "admits", "denied", "denies",
    "estimated", "estimates", "concluded", "concludes", "found", "finds", "learned", "learnt",
    "agreed", "agrees", "stressed", "stresses", "emphasized", "emphasised", "predicted",
    "predicts", "alleged", "alleges", "wrote", "writes", "declared", "declares", "assured",
    "promised", "promises", "understands", "understood", "recalled", "recalls", "tweeted",
    "testified", "maintained", "maintains", "reckons", "reckoned", "worried", "worries",
    "decided", "decides", "ruled", "rules", "signalled", "signaled", "predicting", "predicted",
    "warning", "claiming", "suggesting", "arguing", "estimating", "expecting", "noting",
    "reporting", "fearing", "hoping", "believing", "thinking", "insisting", "indicating",
    "showing", "confirming", "announcing", "stating", "acknowledging", "admitting", "adding",
    "explaining", "forecast", "forecasts", "projected", "projects",
    // Adjectives of belief and feeling: "concerned that aid may stop".
    "concerned", "nervous", "confident", "hopeful", "optimistic", "sure", "certain",
    "afraid", "aware", "convinced", "adamant",
];

/// Words that may stand between a verb of saying and its "that": times,
/// adverbs, the people told, "in a statement".
#[rustfmt::skip]
const BEFORE_THAT: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night",
    "morning", "evening", "afternoon", "on", "last", "this", "week", "month", "year", "also",
    "again", "repeatedly", "previously", "earlier", "recently", "publicly", "privately", "today",
    "yesterday", "tonight", "reporters", "journalists", "him", "her", "them", "us", "me",
    "investors", "lawmakers", "the", "in", "a", "statement", "interview", "late", "early",
    "separately", "later", "too", "further", "firmly", "clearly", "openly",
];

const RELATIVE: &[&str] = &["which", "who", "whom", "whose", "where"];
const ADVERBIAL: &[&str] = &[
    "because", "while", "whereas", "although", "though", "when", "whenever", "once", "since",
    "until", "unless",
];
const CONDITIONAL: &[&str] = &["if", "unless", "whether"];
/// Words after which "that" opens no clause ("so that" is purpose, "such
/// that" result; both adverbial).
const THAT_ADVERBIAL: &[&str] = &["so", "such", "now", "given"];

fn is_open_quote(t: &Tok) -> bool {
    matches!(t.text, "“" | "«" | "„" | "‘")
}

fn is_close_quote(t: &Tok) -> bool {
    matches!(t.text, "”" | "»" | "’")
}

impl Heuristic {
    /// The structure of `text[start..end]`. `reporting` says whether a
    /// lower-case word is a verb of saying beyond the built-in list (users
    /// add attribution verbs in their configuration).
    pub fn new(
        text: &str,
        start: usize,
        end: usize,
        reporting: &dyn Fn(&str) -> bool,
    ) -> Heuristic {
        let toks = tokenize(text, start, end);
        let mut segments: Vec<(usize, usize, ClauseKind)> = Vec::new();
        let mut base = ClauseKind::Main;
        let mut cur = ClauseKind::Main;
        let mut seg_start = start;
        let mut in_quote: Option<ClauseKind> = None; // the kind outside the quote
        let mut paren: Option<ClauseKind> = None;
        let mut dash_paren: Option<ClauseKind> = None;
        let mut words_seen = 0usize;
        let is_reporting = |w: &str| REPORTING.contains(&w) || reporting(w);
        let mut switch = |at: usize, kind: ClauseKind, cur: &mut ClauseKind| {
            if kind != *cur {
                if at > seg_start {
                    segments.push((seg_start, at, *cur));
                }
                seg_start = at;
                *cur = kind;
            }
        };
        let mut prev_word: Option<String> = None;
        // The last few words, nearest first.
        let mut recent: Vec<String> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            // Quotation marks: straight ones toggle.
            let straight = t.text == "\"";
            let opening = is_open_quote(t) || (straight && in_quote.is_none());
            let closing = is_close_quote(t) || (straight && in_quote.is_some());
            if t.kind == Kind::Punct && (opening || closing) {
                // "’" inside a word is an apostrophe.
                let apostrophe = t.text == "’"
                    && !t.space_before
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| !n.space_before && n.is_word());
                if apostrophe || (t.text == "‘" && in_quote.is_some()) {
                    continue;
                }
                if opening && in_quote.is_none() && !closing_only(t) {
                    // The reported speech itself: at the start, after a
                    // colon or after a verb of saying.
                    let content = words_seen == 0
                        || toks[..i]
                            .last()
                            .is_some_and(|p| p.is_punct(':') || p.is_punct(','))
                        || prev_word.as_deref().is_some_and(is_reporting);
                    in_quote = Some(cur);
                    let k = if content { cur } else { ClauseKind::Quoted };
                    switch(t.start, k, &mut cur);
                } else if let Some(outside) = in_quote.take() {
                    switch(t.end, outside, &mut cur);
                }
                continue;
            }
            if t.kind == Kind::Punct {
                match t.text {
                    "(" => {
                        paren = Some(cur);
                        switch(t.start, ClauseKind::Parenthetical, &mut cur);
                    }
                    ")" => {
                        if let Some(k) = paren.take() {
                            switch(t.end, k, &mut cur);
                        }
                    }
                    "—" | "–" => match dash_paren.take() {
                        Some(k) => switch(t.end, k, &mut cur),
                        None if words_seen > 0 => {
                            dash_paren = Some(base);
                            switch(t.start, ClauseKind::Parenthetical, &mut cur);
                        }
                        None => {}
                    },
                    "," | ";" | ":" if in_quote.is_none() && paren.is_none() => {
                        // A subordinate clause ends at the next break.
                        if matches!(
                            cur,
                            ClauseKind::Relative | ClauseKind::Adverbial | ClauseKind::Conditional
                        ) {
                            switch(t.end, base, &mut cur);
                        }
                        if t.text == ";" {
                            base = ClauseKind::Main;
                            switch(t.end, base, &mut cur);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if !t.is_word() {
                words_seen += 1;
                continue;
            }
            let l = t.lower();
            // Nothing nests inside a parenthesis or an embedded quotation:
            // the whole of it is outside the claim.
            if !matches!(cur, ClauseKind::Quoted | ClauseKind::Parenthetical) {
                let inside_sub = matches!(
                    cur,
                    ClauseKind::Relative | ClauseKind::Adverbial | ClauseKind::Conditional
                );
                let opens = if l == "that" && words_seen > 0 {
                    let p = prev_word.as_deref().unwrap_or("");
                    if THAT_ADVERBIAL.contains(&p) {
                        Some(ClauseKind::Adverbial)
                    } else if is_reporting(p) || reporting_before(&recent, &is_reporting) {
                        Some(ClauseKind::Complement)
                    } else if t.start > start && !inside_sub {
                        // A noun before "that": a relative clause or a
                        // noun's content ("the possibility that").
                        Some(ClauseKind::Relative)
                    } else {
                        None
                    }
                } else if RELATIVE.contains(&l.as_str()) && words_seen > 0 {
                    Some(ClauseKind::Relative)
                } else if CONDITIONAL.contains(&l.as_str()) {
                    Some(ClauseKind::Conditional)
                } else if ADVERBIAL.contains(&l.as_str()) {
                    // "since 2019", "until March": prepositions.
                    let next_is_clause = toks
                        .get(i + 1)
                        .is_some_and(|n| n.is_word() && !n.capitalised() || is_pronoun(n));
                    let prep_like = matches!(l.as_str(), "since" | "until" | "once");
                    (!prep_like || next_is_clause).then_some(ClauseKind::Adverbial)
                } else if l == "as"
                    && (words_seen == 0 || toks[..i].last().is_some_and(|p| p.is_punct(',')))
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| n.is_word() && !n.is("well"))
                {
                    Some(ClauseKind::Adverbial)
                } else if l == "so" && words_seen > 0 && toks.get(i + 1).is_some_and(is_pronoun) {
                    // "moved so they could be closer": purpose.
                    Some(ClauseKind::Adverbial)
                } else if l == "order" && prev_word.as_deref() == Some("in") {
                    Some(ClauseKind::Adverbial)
                } else {
                    None
                };
                if let Some(k) = opens {
                    if k == ClauseKind::Complement {
                        base = ClauseKind::Complement;
                    }
                    let at = if l == "order" {
                        toks[i - 1].start
                    } else {
                        t.start
                    };
                    switch(at, k, &mut cur);
                }
            }
            words_seen += 1;
            recent.insert(0, l.to_string());
            recent.truncate(5);
            prev_word = Some(l.to_string());
        }
        if end > seg_start {
            segments.push((seg_start, end, cur));
        }
        Heuristic { segments }
    }
}

/// A verb of saying a few words back, with only times, adverbs and the
/// people told in between ("admitted Thursday night that", "told
/// reporters that", "said in a statement that").
fn reporting_before(recent: &[String], is_reporting: &dyn Fn(&str) -> bool) -> bool {
    for (k, w) in recent.iter().enumerate().take(5) {
        if is_reporting(w) {
            return k > 0;
        }
        if !BEFORE_THAT.contains(&w.as_str()) {
            return false;
        }
    }
    false
}

/// "”" only closes.
fn closing_only(t: &Tok) -> bool {
    matches!(t.text, "”" | "»")
}

fn is_pronoun(t: &Tok) -> bool {
    matches!(
        t.lower().as_str(),
        "he" | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "you"
            | "the"
            | "a"
            | "an"
            | "this"
            | "its"
            | "their"
            | "his"
            | "her"
    )
}

impl ClauseStructure for Heuristic {
    fn kind_at(&self, offset: usize) -> ClauseKind {
        let k = self.segments.partition_point(|s| s.1 <= offset);
        self.segments
            .get(k)
            .filter(|s| s.0 <= offset)
            .map(|s| s.2)
            .unwrap_or(ClauseKind::Main)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str, word: &str) -> ClauseKind {
        let h = Heuristic::new(s, 0, s.len(), &|_| false);
        let at = s.find(word).unwrap_or_else(|| panic!("{word}"));
        h.kind_at(at)
    }

    #[test]
    fn clause_kinds_from_surface_cues() {
        use ClauseKind::*;
        #[rustfmt::skip]
        let cases: &[(&str, &str, ClauseKind)] = &[
            ("The strike may have killed 20 people.", "may", Main),
            ("NATO warned of actions that may impact Kyiv.", "may", Relative),
            ("Officials said the strike may have killed 20.", "may", Main),
            ("Officials said that the strike may have killed 20.", "may", Complement),
            ("NATO fears that aid may stop if Trump wins.", "may", Complement),
            ("NATO fears that aid may stop if Trump could win.", "could", Conditional),
            ("The minister, who may resign, denied it.", "may", Relative),
            ("He warned of \"steps that could escalate\" in the region.", "could", Quoted),
            ("He warned of “a crisis which could spread” soon.", "could", Quoted),
            ("\"NATO may act,\" he said.", "may", Main),
            ("He said: \"NATO may act.\"", "may", Main),
            ("Effects may be limited, as the U.S. could still deliver a blow.", "could", Adverbial),
            ("Effects may be limited, as the U.S. could still deliver a blow.", "may", Main),
            ("The package, which is expected to pass, includes aid.", "expected", Relative),
            ("The talks (which may resume) are in Geneva.", "may", Parenthetical),
            ("The plan — which might fail — was approved.", "might", Parenthetical),
            ("If the talks collapse, NATO may act.", "may", Main),
            ("They moved so that they could be closer.", "could", Adverbial),
            ("Since 2019 the alliance may have grown.", "may", Main),
            ("NATO reportedly considered the plan, which may change.", "reportedly", Main),
            ("GM admitted Thursday night that the loss could swell further.", "could", Complement),
            ("Analysts are predicting that the compensation could run high.", "could", Complement),
            ("The ministry said in a statement that talks may resume.", "may", Complement),
            ("Investors are concerned that banks could have exposure.", "could", Complement),
            ("Steve built a company that only he could have built.", "could", Relative),
        ];
        for (s, w, k) in cases {
            assert_eq!(kind(s, w), *k, "{s} / {w}");
        }
    }
}
