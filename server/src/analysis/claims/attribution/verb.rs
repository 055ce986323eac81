//! Verbs of saying: "X said", "..., says X", "officials, speaking on
//! condition of anonymity, said", "critics, however, say". The verb is
//! found first; then its subject, tried in the order a reader would: across
//! an aside, across a connective, before a relative clause, just before the
//! verb, just after it (inverted), and the name that opens the sentence.
use super::super::cues::*;
use super::super::words::Word;
use super::phrase::{
    gap_has_break, phrase_end, phrase_start, DETERMINERS, EXPECTING, NO_SOURCE_START,
};
use super::sentence::SentenceReader;
use super::Context;
use crate::analysis::model::EntityKind;

impl SentenceReader<'_> {
    /// Reads a verb of saying at word `i`, with its subject, if there is
    /// one.
    pub(super) fn verb_cue(&mut self, i: usize) {
        let (cx, ws, lw) = (self.cx, self.ws, self.lw);
        let l = lw[i].as_str();
        if self.participle_cue(i) {
            return;
        }
        // A verb of saying is written in lower case ("United States" is
        // not "states"), and never inside a name.
        let lower_case = ws[i].text.chars().next().is_some_and(|c| c.is_lowercase());
        let in_name = cx.doc.mention_at(ws[i].start).is_some_and(|m| {
            cx.doc.mentions[m].kind.is_name() && cx.doc.mentions[m].start < ws[i].start
        });
        let saying = lower_case
            && !in_name
            && (is_verb(l)
                || FINDING_VERBS.contains(&l)
                || DOUBT_VERBS.contains(&l)
                || self.extra_verbs.iter().any(|v| v == l));
        if !saying {
            return;
        }
        // "Senior figures at NHS England are said to have pushed": a
        // passive of saying tells what is said of its subject, not what
        // the subject says (the impersonal reader takes it, see
        // `sentence::said_to`).
        if i > 0
            && matches!(lw[i - 1].as_str(), "is" | "are" | "was" | "were")
            && lw.get(i + 1).is_some_and(|w| w == "to")
        {
            return;
        }
        // "researchers found that ...", "unions questioned whether
        // ...": a finding or a doubt reported, only with its "that" or
        // "whether" ("found the body" is no attribution).
        let finding = FINDING_VERBS.contains(&l);
        let doubt = DOUBT_VERBS.contains(&l);
        let next = lw.get(i + 1).map(String::as_str);
        if (finding && next != Some("that"))
            || (doubt && !matches!(next, Some("whether" | "if" | "why" | "how")))
        {
            return;
        }
        if NOUN_LIKE.contains(&l) && !self.used_as_verb(i) {
            return;
        }
        // "Corvane reported revenue of £1.4bn", "the firm reported a
        // net loss": a body stating its own figures, not an outlet
        // relaying news (whose object is a clause or "on ...").
        let states_figures = matches!(
            l,
            "reported" | "reports" | "report" | "reporting" | "published"
        ) && reports_own_figures(cx, ws, lw, i);
        // "..., nearly all reporting sales gains": bodies telling their
        // own figures in a participle; nobody is cited.
        if states_figures && l == "reporting" {
            return;
        }
        // "manufacturers reported their January sales", "the company
        // announced its results": a body telling of its own doings, with
        // an object, not a clause it relays.
        let own_object = matches!(
            l,
            "reported" | "reports" | "announced" | "announces" | "unveiled" | "unveils"
        ) && lw
            .get(i + 1)
            .is_some_and(|n| matches!(n.as_str(), "its" | "their" | "his" | "her" | "our"));

        let report = !states_figures
            && matches!(
                l,
                "reported" | "reports" | "report" | "wrote" | "writes" | "write" | "published"
            );
        let rank = if report { 5 } else { 12 };
        // Subject before the verb.
        let mut j = i;
        while j > 0
            && SKIP_BEFORE_VERB.contains(&lw[j - 1].as_str())
            && !gap_has_break(cx.text, ws[j - 1].end, ws[j].start)
        {
            j -= 1;
        }
        if self.subject_across_anonymity_aside(j, report)
            || self.subject_across_connective(j, report, rank)
        {
            self.mark_cue(ws[i].start, ws[i].end);
            return;
        }
        // Unnamed bodies telling of their own doings ("manufacturers
        // reported their January sales", "other companies also reported
        // February sales") are actors in the story, not its sources.
        if (own_object || states_figures)
            && j > 0
            && ws[j - 1].text.starts_with(|c: char| c.is_lowercase())
            && lw[j - 1].ends_with('s')
        {
            return;
        }
        // "officials have not said": nothing is attributed.
        if j > 0 && matches!(lw[j - 1].as_str(), "not" | "never" | "n't" | "t") {
            return;
        }
        // "the recently announced iPhone": a participle after a
        // determiner describes a noun; nobody says anything.
        if j > 0 && DETERMINERS.contains(&lw[j - 1].as_str()) {
            return;
        }
        // "more than analysts had predicted", "as analysts expected": a
        // comparison with what someone said, not the source of the claim.
        if j > 0 && !gap_has_break(cx.text, ws[j - 1].end, ws[j].start) {
            let st = phrase_start(cx.text, ws, j - 1);
            let k = ws.partition_point(|w| w.start < st);
            if k > 0 && (lw[k - 1] == "than" || (lw[k - 1] == "as" && EXPECTING.contains(&l))) {
                return;
            }
        }
        let got = self.subject_across_relative(j, report, rank)
            || self.subject_just_before(j, report, rank)
            || self.named_after_role(j, report, rank)
            || self.inverted_subject(i, report, rank)
            || self.opening_subject(j, report, rank);
        if got {
            self.mark_cue(ws[i].start, ws[i].end);
        }
    }

    /// Is a word that can also be a noun ("say", "report") used as the verb
    /// here?
    fn used_as_verb(&self, i: usize) -> bool {
        let (text, ws, lw) = (self.cx.text, self.ws, self.lw);
        let l = lw[i].as_str();
        // ", notes a Reuters source": inverted after a comma.
        // "Paris claims she was", "the ministry estimates 40 died": a
        // name or pronoun before, a clause after.
        let subject_before = i > 0
            && (ws[i - 1].text.starts_with(|c: char| c.is_uppercase())
                || matches!(lw[i - 1].as_str(), "he" | "she" | "they" | "it" | "we")
                || ANON_WORDS.contains(&lw[i - 1].as_str())
                || INSTITUTIONS.contains(&lw[i - 1].as_str()))
            && !matches!(
                lw[i - 1].as_str(),
                "the" | "a" | "an" | "these" | "those" | "his" | "her" | "their" | "its"
            );
        let clause_after = i + 1 < ws.len()
            && matches!(
                lw[i + 1].as_str(),
                "he" | "she" | "they" | "it" | "we" | "i" | "the" | "a" | "an" | "there"
            );
        // "Meteorologists say warmer seas ...", "organisers say more
        // than 130,000 marched": after a plural noun of people or
        // bodies, "say" is the verb whatever follows.
        let mut subj = i;
        while subj > 0 && SKIP_BEFORE_VERB.contains(&lw[subj - 1].as_str()) {
            subj -= 1;
        }
        let people_before = subj > 0 && people_noun(&lw[subj - 1]);
        // "say" is a noun only after a determiner ("have a say", "the
        // final say"); elsewhere it is the verb ("Coaches around the
        // conference say the race ...").
        let say_verb = l == "say"
            && i > 0
            && !matches!(
                lw[i - 1].as_str(),
                "a" | "the"
                    | "final"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "no"
                    | "any"
                    | "more"
                    | "greater"
                    | "real"
                    | "our"
                    | "your"
                    | "last"
            );
        i + 1 == ws.len()
            || gap_has_break(text, ws[i].end, ws[i + 1].start)
            || lw[i + 1] == "that"
            || (i > 0 && text[ws[i - 1].end..ws[i].start].contains(','))
            || (subject_before && clause_after)
            || people_before
            || say_verb
    }

    /// "Officials at the ministry, speaking on condition of anonymity,
    /// said": the subject is before the aside that asks for anonymity.
    fn subject_across_anonymity_aside(&mut self, j: usize, report: bool) -> bool {
        let (text, ws, lw) = (self.cx.text, self.ws, self.lw);
        if !self.mem.anonymity_asked || j <= 1 || !gap_has_break(text, ws[j - 1].end, ws[j].start) {
            return false;
        }
        let open = (j.saturating_sub(10)..j - 1)
            .rev()
            .find(|&k| k > 0 && text[ws[k - 1].end..ws[k].start].contains(','));
        let aside = open.filter(|&k| {
            lw[k..j].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "anonymity"
                        | "anonymously"
                        | "named"
                        | "identified"
                        | "authorized"
                        | "authorised"
                )
            })
        });
        let Some(k) = aside else {
            return false;
        };
        let st = phrase_start(text, ws, k - 1);
        match self.cx.source(st, ws[k - 1].end, report, self.mem) {
            Some(srcs) => {
                self.push(12, srcs);
                true
            }
            None => false,
        }
    }

    /// "Critics, however, say": a connective set off by commas stands
    /// between the subject and its verb.
    fn subject_across_connective(&mut self, j: usize, report: bool, rank: u8) -> bool {
        let (text, ws, lw) = (self.cx.text, self.ws, self.lw);
        let set_off = j > 1
            && CONNECTIVES.contains(&lw[j - 1].as_str())
            && text[ws[j - 1].end..ws[j].start].trim() == ","
            && text[ws[j - 2].end..ws[j - 1].start].trim() == ",";
        if !set_off {
            return false;
        }
        let st = phrase_start(text, ws, j - 2);
        self.push_source(st, ws[j - 2].end, report, rank)
    }

    /// "A spokesperson(,) who declined to be named(,) confirmed": the
    /// subject is before the relative clause.
    fn subject_across_relative(&mut self, j: usize, report: bool, rank: u8) -> bool {
        let (text, ws, lw) = (self.cx.text, self.ws, self.lw);
        let rel = (j.saturating_sub(9)..j).rev().find(|&k| {
            k > 0
                && matches!(lw[k].as_str(), "who" | "which")
                && !(k + 1..j).any(|x| is_verb(&lw[x]))
        });
        let Some(k) = rel.filter(|_| {
            self.mem.anonymity_asked || gap_has_break(text, ws[j - 1].end, ws[j].start)
        }) else {
            return false;
        };
        let st = phrase_start(text, ws, k - 1);
        self.push_source(st, ws[k - 1].end, report, rank)
    }

    /// "The ministry said": the phrase just before the verb.
    fn subject_just_before(&mut self, j: usize, report: bool, rank: u8) -> bool {
        let (text, ws) = (self.cx.text, self.ws);
        if j == 0 || gap_has_break(text, ws[j - 1].end, ws[j].start) {
            return false;
        }
        let st = phrase_start(text, ws, j - 1);
        self.push_source(st, ws[j - 1].end, report, rank)
    }

    /// "..., the transport minister, Makame Mbarawa, said": a person's
    /// name set off by commas just before the verb, after the role it
    /// names.
    fn named_after_role(&mut self, j: usize, report: bool, rank: u8) -> bool {
        let (cx, text, ws) = (self.cx, self.cx.text, self.ws);
        if j == 0 || text[ws[j - 1].end..ws[j].start].trim() != "," {
            return false;
        }
        let person = cx
            .mentions_in(self.start, ws[j - 1].end)
            .filter(|m| m.kind == EntityKind::Person && m.end == ws[j - 1].end)
            .last();
        let Some(m) = person else {
            return false;
        };
        if !text[self.start..m.start].trim_end().ends_with(',') {
            return false;
        }
        self.push_source(m.start, m.end, report, rank)
    }

    /// Inverted: "..., says Stoltenberg", "notes a Reuters source". The
    /// source must follow at once ("reported that NATO..." is not NATO
    /// speaking), and who is told is not who tells ("..., told reporters").
    fn inverted_subject(&mut self, i: usize, report: bool, rank: u8) -> bool {
        let (text, ws, lw) = (self.cx.text, self.ws, self.lw);
        // "..., said it was seeking fresh capital": a pronoun with more
        // words after it starts the clause said, not who says it; ",
        // revealed at the conference": a preposition starts no source.
        let clause_said = i + 2 < ws.len()
            && matches!(
                lw[i + 1].as_str(),
                "it" | "they" | "he" | "she" | "we" | "i" | "you" | "there" | "this"
            )
            && !gap_has_break(text, ws[i + 1].end, ws[i + 2].start);
        let follows_at_once = i + 1 < ws.len()
            && i > 0
            && !matches!(lw[i].as_str(), "told" | "tells" | "informed")
            && gap_has_break(text, ws[i - 1].end, ws[i].start)
            && !CLAUSE_STOPS.contains(&lw[i + 1].as_str())
            && !NO_SOURCE_START.contains(&lw[i + 1].as_str())
            && !clause_said
            && !gap_has_break(text, ws[i].end, ws[i + 1].start);
        if !follows_at_once {
            return false;
        }
        let pe = phrase_end(text, ws, i + 1, self.end);
        // "Jim Porter, the fire chief, said 14 people were injured": words
        // with a verb of their own before any relative pronoun are the
        // clause said, not who says it (the opener, across its apposition,
        // is).
        let clause = lw[i + 1..]
            .iter()
            .zip(&ws[i + 1..])
            .take_while(|(_, w)| w.end <= pe)
            .map(|(l, _)| l.as_str())
            .take_while(|l| !matches!(*l, "who" | "which" | "whose" | "that"))
            .any(|l| CLAUSE_VERBS.contains(&l));
        if clause {
            return false;
        }
        self.push_source(ws[i + 1].start, pe, report, rank)
    }

    /// ", Voice of America reports." after a comma: the subject is the
    /// capitalised run before the verb even across the comma gap. "Valeska
    /// Paris, an Australian woman, has claimed": the name that opens the
    /// sentence, across its apposition. ", as noted, " is the page's own
    /// aside, not the opener speaking.
    pub(super) fn opening_subject(&mut self, j: usize, report: bool, rank: u8) -> bool {
        let (cx, text, ws, lw) = (self.cx, self.cx.text, self.ws, self.lw);
        let a = self.start;
        if j == 0 || lw[j - 1] == "as" {
            return false;
        }
        // The first name of the sentence, at its start or after a fronted
        // phrase of time or place ("After the match, Hernan Gomez, Panama
        // coach, said").
        let a = match text[a..ws[j - 1].end].find(',') {
            Some(k) if fronted_phrase(&text[a..a + k + 1]) => a + k + 1,
            _ => a,
        };
        let opener = cx.mentions_in(a, ws[j - 1].end).next().filter(|m| {
            let lead = &text[a..m.start];
            matches!(
                m.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Location
            ) && !lead.contains(',')
                && lead.split_whitespace().count() <= 5
        });
        let Some(m) = opener else {
            return false;
        };
        // Only within the first clause: "X met Y, who said" is not X
        // speaking.
        let between = text[m.end..ws[j].start].to_ascii_lowercase();
        // ", an Australian woman and former Scientologist, ", ", chief
        // financial officer and treasurer at the Foundation, ": an
        // apposition may hold an "and" and commas of its own, never a verb.
        let apposition = apposition(&between);
        // A place speaks only as the subject set off by an apposition: a
        // person's name the recogniser took for a place ("Hernan Gomez,
        // Panama coach, said"); elsewhere it is where things happen.
        if m.kind == EntityKind::Location && !apposition {
            return false;
        }
        let same_clause = !between.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(w, "who" | "which" | "that" | "but" | "when" | "after")
                || (w == "and" && !apposition)
        });
        same_clause && self.push_source(m.start, m.end, report, rank)
    }

    /// Reads the source phrase `a..b` and adds it; false when it names no
    /// source.
    pub(super) fn push_source(&mut self, a: usize, b: usize, report: bool, rank: u8) -> bool {
        match self.cx.source(a, b, report, self.mem) {
            Some(srcs) => {
                self.push(rank, srcs);
                true
            }
            None => false,
        }
    }
}

/// A phrase of time or place that opens a sentence before its subject and
/// ends with a comma ("After the match,", "On Tuesday,", "In Kabul,"): a
/// few words, no verb of saying, no quotation.
fn fronted_phrase(lead: &str) -> bool {
    let t = lead.trim_end();
    let low = t.to_ascii_lowercase();
    let ws: Vec<&str> = low
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    const OPENERS: &[&str] = &[
        "after",
        "before",
        "on",
        "in",
        "at",
        "during",
        "following",
        "later",
        "earlier",
        "since",
        "meanwhile",
        "separately",
        "yesterday",
        "today",
        "last",
        "this",
        "speaking",
        "asked",
        "however",
        "then",
        "now",
        "afterwards",
        "from",
        "by",
        "until",
        "when",
    ];
    t.ends_with(',')
        && t.matches(',').count() == 1
        && ws.first().is_some_and(|w| OPENERS.contains(w))
        && (1..=8).contains(&ws.len())
        && !t.contains(['"', '“', '”'])
        && !ws.iter().any(|w| is_verb(w) || AUXILIARIES.contains(w))
}

/// Finite auxiliaries and modals: a word of a clause, never of an
/// apposition.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "do",
];

/// The lower-cased text between a name and its verb is an apposition set
/// off by commas (", Panama coach,", ", Director of the study, and
/// Chairman of the Centre,"): no clause word, verb or quotation in it.
fn apposition(between: &str) -> bool {
    let t = between.trim();
    let ws: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    t.starts_with(',')
        && t.ends_with(',')
        && t.len() > 1
        && ws.len() <= 30
        && !t.contains(['"', '“', '”', ';', ':'])
        && !ws.iter().any(|w| {
            is_verb(w)
                || AUXILIARIES.contains(w)
                || matches!(
                    *w,
                    "who"
                        | "which"
                        | "that"
                        | "but"
                        | "when"
                        | "after"
                        | "while"
                        | "because"
                        | "where"
                )
        })
}

/// Connectives set off by commas between a subject and its verb.
const CONNECTIVES: &[&str] = &[
    "however",
    "meanwhile",
    "though",
    "too",
    "also",
    "therefore",
    "instead",
    "nonetheless",
    "nevertheless",
    "moreover",
    "furthermore",
    "in",
    "turn",
];

/// A plural noun of people or bodies ("meteorologists", "lawyers",
/// "organisers", "unions"): "say" after it is a verb.
pub(in crate::analysis::claims) fn people_noun(w: &str) -> bool {
    ANON_WORDS.contains(&w)
        || INSTITUTIONS.contains(&w)
        || COUNTABLE_BODIES.contains(&w)
        || people_plural(w)
}

/// A plural of a noun of agents by its ending ("lawyers", "economists",
/// "politicians", "advocates", "insiders"): a kind of people.
pub(in crate::analysis::claims) fn people_plural(w: &str) -> bool {
    w.len() > 5
        && [
            "ers", "ists", "ians", "ors", "ants", "ents", "ees", "ates", "bosses", "leaders",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        && !matches!(
            w,
            "numbers"
                | "papers"
                | "matters"
                | "orders"
                | "others'"
                | "figures"
                | "letters"
                | "documents"
                | "statements"
                | "comments"
                | "reports"
                | "members'"
                | "headquarters"
                | "quarters"
                | "waters"
                | "centers"
                | "monitors"
                | "estimates"
                | "updates"
                | "dates"
                | "rates"
        )
}

/// Finite auxiliaries and copulas: a phrase holding one is a clause.
const CLAUSE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "must", "should", "did", "does",
];

/// Words before figures that say how they went ("lower profit",
/// "weaker sales").
const FIGURE_TREND: &[&str] = &[
    "lower",
    "higher",
    "weaker",
    "stronger",
    "better",
    "worse",
    "smaller",
    "bigger",
    "larger",
    "flat",
    "steady",
    "disappointing",
    "strong",
    "weak",
    "solid",
    "sharply",
];

/// Results a body reports about itself.
const OWN_FIGURES: &[&str] = &[
    "revenue",
    "revenues",
    "sales",
    "profit",
    "profits",
    "loss",
    "losses",
    "earnings",
    "income",
    "turnover",
    "results",
    "growth",
    "deficit",
    "surplus",
    "figures",
    "record",
    "net",
    "pre-tax",
    "operating",
    "quarterly",
    "annual",
    "first-quarter",
    "second-quarter",
    "third-quarter",
    "fourth-quarter",
    "full-year",
    "half-year",
    "underlying",
    "adjusted",
    "rise",
    "fall",
    "drop",
    "decline",
    "increase",
    "jump",
    "slump",
];

/// Is the verb of saying at word `i` ("reported", "published") followed by
/// figures the subject states about itself ("reported revenue of £1.9bn",
/// "reported a 5% rise in sales") rather than by what it relays?
fn reports_own_figures(cx: &Context, ws: &[Word], lw: &[String], i: usize) -> bool {
    // "reported their January sales": past determiners and the period
    // the figures are for.
    let in_date = |k: usize| {
        cx.doc
            .mention_at(ws[k].start)
            .is_some_and(|m| cx.doc.mentions[m].kind == EntityKind::Date)
    };
    // "reported lower profit", "reported better-than-expected sales":
    // words that say how the figures went come before them too.
    let how = |w: &str| {
        FIGURE_TREND.contains(&w) || w.ends_with("-than-expected") || w.ends_with("-than-forecast")
    };
    // "reported February sales": the month the figures are for.
    let month = |w: &str| {
        (1..=12).any(|m| crate::analysis::claims::dates::month_name(m).eq_ignore_ascii_case(w))
    };
    let next = (i + 1..ws.len().min(i + 5)).find(|&k| {
        !matches!(lw[k].as_str(), "a" | "an" | "its" | "their" | "his" | "her")
            && !how(&lw[k])
            && !in_date(k)
            && !month(&lw[k])
    });
    let Some(k) = next else {
        return false;
    };
    OWN_FIGURES.contains(&lw[k].as_str())
        || cx.doc.mention_at(ws[k].start).is_some_and(|m| {
            matches!(
                cx.doc.mentions[m].kind,
                EntityKind::Money | EntityKind::Quantity
            )
        })
}
