//! Source phrases: who a cue points at ("the German newspaper
//! Handelsblatt", "sources in diplomatic circles", "the agency", "he"),
//! classified as named or anonymous, outlet or not, with anaphora resolved
//! against what the document named before.
//!
//! Named: a person by name (with or without a role: "NATO Secretary
//! General Jens Stoltenberg"); a named organisation or outlet ("NATO",
//! "state broadcaster CCTV"); an organisation's spokesperson or
//! representative when the organisation is named ("a NATO spokesperson");
//! a unique role of the story ("the CEO", "the mayor"); an institution
//! that speaks on record as a body ("police", "the ministry", "the
//! army"); an outlet anaphor ("the broadcaster", "the agency"), resolved to
//! the outlet named before or, if none was, kept as written (it is the
//! page's own outlet).
//!
//! Anonymous: unnamed individuals ("officials", "a senior diplomat",
//! "people familiar with the matter", "residents"), unnamed reports
//! ("according to reports", "it was said", "it is understood"), a
//! spokesperson or representative of no named body ("a company
//! representative") or who asks not to be named ("a spokesperson who
//! declined to be named"), and media named by kind only ("state media",
//! "local media", "Russian newspapers"): they name no outlet that could be
//! checked, so they count as anonymous institutional sources.
use super::attribution::{Source, SourceKind};
use super::cues::*;
use super::words::words;
use super::ClaimSettings;
use crate::analysis::model::{DocAnalysis, EntityKind};
use crate::analysis::ner::lexicon::Lexicon;

/// Analysis state carried through the document (for anaphora).
#[derive(Default)]
pub(super) struct Memory {
    pub(super) last_outlet: Option<Source>,
    pub(super) last_person: Option<String>,
    pub(super) last_chain: Vec<Source>,
    /// Roles seen with a person ("nato secretary general" -> "Mark Rutte"),
    /// so that "The NATO Secretary General also said" is that person.
    pub(super) role_holders: Vec<(String, String)>,
    /// The sentence being read says its source asked not to be named
    /// ("declined to be named", "on condition of anonymity").
    pub(super) anonymity_asked: bool,
}

/// Does the sentence say its source asked not to be named? One pass of an
/// automaton over the sentence, case-insensitive.
pub(super) fn asks_anonymity(sentence: &str) -> bool {
    static AC: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(ANONYMITY_MARKERS)
            .expect("fixed patterns")
    });
    AC.is_match(sentence)
}

/// Phrases that make a sentence's source anonymous whoever it is.
const ANONYMITY_MARKERS: &[&str] = &[
    "declined to be named",
    "declined to be identified",
    "asked not to be named",
    "asked not to be identified",
    "requested anonymity",
    "condition of anonymity",
    "not authorized to speak",
    "not authorised to speak",
    "speaking anonymously",
    "spoke anonymously",
    "on background",
    "who did not want to be named",
    "who did not wish to be named",
    "wished to remain anonymous",
    "asked for anonymity",
];

/// One word that names a kind of source, not a source: "Rescuers",
/// "Police", "Residents".
pub(super) fn is_common_source_noun(name: &str) -> bool {
    let low = name.to_lowercase();
    !low.contains(' ')
        && (ANON_WORDS.contains(&low.as_str())
            || SPOKES.contains(&low.as_str())
            || INSTITUTIONS.contains(&low.as_str())
            || COUNTABLE_BODIES.contains(&low.as_str()))
}

impl Memory {
    pub(super) fn remember_people(&mut self, cx: &Context, a: usize, b: usize) {
        for m in cx.mentions_in(a, b) {
            if m.kind == EntityKind::Person && !is_common_source_noun(m.text(cx.text)) {
                let name = m.text(cx.text).to_string();
                for r in &m.roles {
                    self.role_holders
                        .push((r.text.to_lowercase(), name.clone()));
                }
                // The recent holders are the ones a role refers back to;
                // keeping a bounded list keeps every lookup cheap.
                if self.role_holders.len() > 128 {
                    self.role_holders.drain(..64);
                }
                self.last_person = Some(name);
            }
        }
    }
}

pub struct Context<'a> {
    pub text: &'a str,
    pub doc: &'a DocAnalysis,
    pub settings: &'a ClaimSettings,
}

impl Context<'_> {
    pub(super) fn mentions_in(
        &self,
        a: usize,
        b: usize,
    ) -> impl Iterator<Item = &crate::analysis::Mention> {
        let i = self.doc.mentions.partition_point(|m| m.end <= a);
        self.doc.mentions[i..]
            .iter()
            .take_while(move |m| m.start < b)
            .filter(move |m| m.start >= a && m.end <= b)
    }

    pub(super) fn is_media_org(&self, name: &str) -> bool {
        let lx = Lexicon::get();
        lx.lookup(name)
            .is_some_and(|id| lx.entry(id).subkind == "media")
    }

    pub(super) fn is_known_non_media_org(&self, name: &str) -> bool {
        let lx = Lexicon::get();
        lx.lookup(name).is_some_and(|id| {
            let e = lx.entry(id);
            e.subkind != "media"
        })
    }

    /// Classify a source phrase `[a, b)`; `report_cue` is true for cues
    /// that only outlets use ("reported by", "writes", "citing").
    pub(super) fn source(
        &self,
        a: usize,
        b: usize,
        report_cue: bool,
        mem: &Memory,
    ) -> Option<Vec<Source>> {
        let (a, b) = self.source_phrase(a, b)?;
        let phrase = &self.text[a..b];
        let low = phrase.to_lowercase();
        let ws = words(self.text, a, b);
        let lw: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
        let has = |list: &[&str]| lw.iter().any(|w| list.contains(&w.as_str()));
        // A place that only says where a body is ("the Chicago-based
        // company") names no source.
        let names: Vec<&crate::analysis::Mention> = self
            .mentions_in(a, b)
            .filter(|m| m.kind.is_name())
            .filter(|m| {
                let after = &self.text[m.end..];
                !(m.kind == EntityKind::Location
                    && (after.starts_with("-based") || after.starts_with("-headquartered")))
            })
            // A capitalised common noun the recogniser took for a name
            // ("Rescuers said", "Staff said" at the start of a sentence).
            .filter(|m| !is_common_source_noun(m.text(self.text)))
            .collect();
        // Words of the phrase outside its names: "Canadian Auto Workers"
        // is a union, not anonymous workers.
        let has_outside = |list: &[&str]| {
            ws.iter().zip(&lw).any(|(w, l)| {
                list.contains(&l.as_str())
                    && !names.iter().any(|m| m.start <= w.start && w.end <= m.end)
            })
        };
        let mk = |name: &str, kind, outlet| Source {
            start: a,
            end: b,
            text: phrase.to_string(),
            name: name.to_string(),
            kind,
            outlet,
        };
        // Dates and amounts are never sources ("on December 17, citing"),
        // but a count of people is part of them ("two people with
        // knowledge of the deal", "three officials").
        let counted_people = |m: &crate::analysis::Mention| {
            // "Analysts at one Nordic bank": a bare count before a noun.
            let bare_count = !m.text(self.text).contains(char::is_whitespace) && m.end < b;
            m.kind == EntityKind::Quantity
                && (bare_count || self.text[a..m.start].trim().is_empty())
                && ws
                    .iter()
                    .any(|w| w.start >= m.start && is_common_source_noun(w.text))
        };
        if self
            .mentions_in(a, b)
            .any(|m| !m.kind.is_name() && !counted_people(m))
        {
            return None;
        }
        // "the Chicago-based company": a description that names nobody.
        if names.is_empty() && (low.contains("-based ") || low.contains("-headquartered ")) {
            return Some(vec![mk(phrase, SourceKind::Anonymous, false)]);
        }
        let media_word = has(MEDIA_NOUNS);
        // A named person at the head of the phrase speaks on record.
        if let Some(p) = names.iter().rev().find(|m| m.kind == EntityKind::Person) {
            // "experts aligned with Trump" is not Trump speaking.
            let lead = self.text[a..p.start].to_lowercase();
            let governed = lead
                .split_whitespace()
                .last()
                .is_some_and(|w| PREPOSITIONS.contains(&w));
            // Words of unnamed people after the person make the phrase
            // theirs ("Trump aides"); before it they are the person's role
            // ("Uralsib analyst Chris Weafer commenting"), and written with a
            // capital they are part of a name the recogniser missed ("Mike
            // Gikas of Consumer Reports").
            let unnamed_after = ws.iter().zip(&lw).any(|(w, l)| {
                w.start >= p.end
                    && ANON_WORDS.contains(&l.as_str())
                    && !w.text.starts_with(char::is_uppercase)
                    && !names.iter().any(|m| m.start <= w.start && w.end <= m.end)
            });
            if !governed && !unnamed_after && !mem.anonymity_asked {
                return Some(vec![mk(p.text(self.text), SourceKind::Named, false)]);
            }
        }
        // "many people Wikinews observed", "the documents Reuters
        // obtained": a name right after a plural noun is the subject of a
        // relative clause without its "that", and the one who speaks.
        if let Some(n) = names.last().filter(|n| n.end == b) {
            let before = ws.iter().zip(&lw).rfind(|(w, _)| w.end <= n.start);
            let reduced = before.is_some_and(|(w, l)| {
                w.text.starts_with(|c: char| c.is_lowercase())
                    && self.text[w.end..n.start].trim().is_empty()
                    && (ANON_WORDS.contains(&l.as_str()) || super::attribution::people_plural(l))
            });
            if reduced {
                let t = n.text(self.text);
                let outlet = self.is_media_org(t) || report_cue;
                return Some(vec![Source {
                    start: n.start,
                    end: n.end,
                    text: t.to_string(),
                    name: t.to_string(),
                    kind: SourceKind::Named,
                    outlet,
                }]);
            }
        }
        let bare = low.trim_start_matches("the ");
        if let Some((_, who)) = mem.role_holders.iter().rev().find(|(r, _)| r == bare) {
            return Some(vec![mk(who, SourceKind::Named, false)]);
        }
        let org = names.iter().find(|m| m.kind != EntityKind::Person);
        // "this information", "the report": the chain that gave it ("the
        // report's authors" are people of their own).
        let refers_back = DEMONSTRATIVE_REPORTS.iter().any(|d| {
            low.strip_prefix(d)
                .is_some_and(|rest| !rest.trim_start().starts_with(['\'', '’']))
        });
        if refers_back {
            return (!mem.last_chain.is_empty()).then(|| self.referred(&mem.last_chain, a, b));
        }
        let org_outlet = |o: &crate::analysis::Mention| {
            let n = o.text(self.text);
            (self.is_media_org(n) || (report_cue && !self.is_known_non_media_org(n))).then(|| {
                Source {
                    start: o.start,
                    end: o.end,
                    text: n.to_string(),
                    name: n.to_string(),
                    kind: SourceKind::Named,
                    outlet: true,
                }
            })
        };
        // The head of the phrase: its last word before a preposition
        // ("staff at the firm's office", "a spokesman for the ministry",
        // "people familiar with the matter").
        let head = lw
            .iter()
            .position(|w| PREPOSITIONS.contains(&w.as_str()) || w == "in" || w == "at")
            .filter(|&p| p > 0)
            .map_or(lw.len() - 1, |p| p - 1);
        let head_word = lw[head].as_str();
        // "The authors", "the agency" after an outlet was named: that
        // outlet (resolved below), before any reading as people or body.
        let outlet_anaphor = mem.last_outlet.is_some() && OUTLET_ANAPHORS.contains(&head_word);
        let head_in_name = names
            .iter()
            .any(|m| m.start <= ws[head].start && ws[head].end <= m.end);
        // A name the recogniser missed: the head of the phrase written
        // with a capital where no sentence starts ("said Press", "Mike
        // Gikas of Consumer Reports said"), and no word of unnamed people.
        let mid_sentence = head > 0
            || !self.text[..a]
                .trim_end_matches([' ', '\t', '"', '“', '\''])
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':' | '-' | '—' | '(' | ')'));
        if mid_sentence
            && !head_in_name
            && org.is_none()
            && !outlet_anaphor
            && ws[head].text.starts_with(char::is_uppercase)
            && !is_common_source_noun(ws[head].text)
            && !mem.anonymity_asked
        {
            let run = ws[..=head]
                .iter()
                .rev()
                .take_while(|w| w.text.starts_with(char::is_uppercase))
                .count();
            let first = head + 1 - run;
            // "the CEO", "a UN envoy": a capitalised word after a
            // determiner is a role or a body's short form, read below.
            let determined = first > 0
                && matches!(
                    lw[first - 1].as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that"
                );
            if !determined {
                let name = &self.text[ws[first].start..ws[head].end];
                return Some(vec![mk(name, SourceKind::Named, false)]);
            }
        }
        // An unnamed spokesperson or representative: nobody on record,
        // whether or not the body is named ("a Verantis spokeswoman", "a
        // spokesman for the governor's office", "a company
        // representative"). A named one was taken above. An outlet the
        // phrase names still relays.
        if has_outside(SPOKES) {
            let mut v: Vec<Source> = org.and_then(|o| org_outlet(o)).into_iter().collect();
            v.push(mk(phrase, SourceKind::Anonymous, false));
            return Some(v);
        }
        // "The researchers", "the study's authors": the team of a study
        // the story names, identified by it.
        let definite_team = lw.first().is_some_and(|w| w == "the")
            && matches!(head_word, "researchers" | "scientists" | "authors");
        if definite_team && !mem.anonymity_asked && !outlet_anaphor {
            return Some(vec![mk(phrase, SourceKind::Named, false)]);
        }
        // A study, analysis or survey the sentence identifies, by a name
        // ("the results of the National Iodine Nutrition Study", "PC
        // World's recent analysis") or as the story's own ("the survey"):
        // a document on record. An unnamed one ("a recent poll") is left
        // to the rules below.
        if DOCUMENT_HEADS.contains(&head_word) && !mem.anonymity_asked {
            let possessor = ws[..head]
                .iter()
                .any(|w| w.text.starts_with(|c: char| c.is_uppercase()) && self.possessive(w.end));
            let definite = lw
                .first()
                .is_some_and(|w| matches!(w.as_str(), "the" | "its" | "their"));
            if org.is_some() || possessor || definite {
                let p = phrase.trim_start_matches("the ").trim_start_matches("The ");
                return Some(vec![mk(p, SourceKind::Named, false)]);
            }
        }
        // Unnamed people ("residents", "staff at the plant", "a witness",
        // "lawyers", "health leaders").
        // A plural of agents by its ending counts unless the story writes
        // it as a name ("Rovers", "Reuters") or it is the holders of a
        // role of someone named ("their foreign ministers").
        let agents = org.is_none()
            && super::attribution::people_plural(head_word)
            && !self.written_as_name(ws[head].text)
            && !(lw[..head]
                .iter()
                .any(|w| matches!(w.as_str(), "their" | "its" | "his" | "her"))
                && ROLE_NOUNS.contains(&head_word.trim_end_matches('s')));
        if !head_in_name
            && !outlet_anaphor
            && (ANON_WORDS.contains(&head_word) || agents)
            && !(lw.len() == 1 && head_word == "people")
        {
            let mut v: Vec<Source> = org.and_then(|o| org_outlet(o)).into_iter().collect();
            v.push(mk(phrase, SourceKind::Anonymous, false));
            return Some(v);
        }
        // Bodies that are not identified: counted in the plural or with an
        // indefinite word ("railway unions", "some doctors' unions", "a
        // hospital"). "The unions" refers back to ones named before.
        if org.is_none() && !head_in_name && COUNTABLE_BODIES.contains(&head_word) {
            let definite = lw[..head].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "the" | "its" | "their" | "both" | "this" | "these" | "those" | "our"
                )
            });
            let plural = head_word.ends_with('s')
                && COUNTABLE_BODIES.contains(&head_word.trim_end_matches('s'))
                || head_word.ends_with("ies");
            let indefinite = lw[..head].iter().any(|w| INDEFINITE.contains(&w.as_str()));
            if indefinite || (plural && !definite) {
                return Some(vec![mk(phrase, SourceKind::Anonymous, false)]);
            }
        }
        // Media named by kind only ("state media", "local newspapers").
        if has_outside(MEDIA_CLASS) && org.is_none() {
            return Some(vec![mk(phrase, SourceKind::Anonymous, true)]);
        }
        if mem.anonymity_asked && !report_cue {
            let mut v: Vec<Source> = org.and_then(|o| org_outlet(o)).into_iter().collect();
            v.push(mk(phrase, SourceKind::Anonymous, false));
            return Some(v);
        }
        // A body described, not named ("the state's disaster management
        // agency", "the workers' union", "the provincial health office"):
        // it speaks on record as that body.
        let body_head = head == lw.len() - 1
            && !head_in_name
            && (INSTITUTIONS.contains(&head_word) || COUNTABLE_BODIES.contains(&head_word));
        // ("The agency" after an outlet was named is that outlet.)
        if org.is_none() && body_head && lw.len() <= 8 && !outlet_anaphor {
            return Some(vec![mk(phrase, SourceKind::Named, false)]);
        }
        if has_outside(ANON_WORDS) && !(lw.len() == 1 && lw[0] == "people") && !body_head {
            let mut v = Vec::new();
            if let Some(o) = org {
                let n = o.text(self.text);
                if self.is_media_org(n) || (report_cue && !self.is_known_non_media_org(n)) {
                    v.push(Source {
                        start: o.start,
                        end: o.end,
                        text: n.to_string(),
                        name: n.to_string(),
                        kind: SourceKind::Named,
                        outlet: true,
                    });
                }
            }
            v.push(mk(phrase, SourceKind::Anonymous, false));
            return Some(v);
        }
        // A capitalised name the recogniser cut short ("Voice of America"
        // where it saw only "America").
        let title_run = ws.len() <= 5
            && ws.iter().all(|w| {
                w.text.chars().next().is_some_and(|c| c.is_uppercase())
                    || matches!(w.text, "of" | "the" | "and" | "for")
            });
        if org.is_some_and(|o| title_run && (o.end - o.start) < phrase.len()) {
            let n = phrase.trim_start_matches("The ").trim_start_matches("the ");
            let outlet = self.is_media_org(n) || media_word || report_cue;
            return Some(vec![mk(n, SourceKind::Named, outlet)]);
        }
        if let Some(o) = org {
            let n = o.text(self.text);
            // "the Afghan team's coach", "Saudi Arabia's Civil Defense
            // Authority": the name only qualifies who speaks; keep the
            // phrase ("The Bloomberg article" still means Bloomberg).
            let tail = words(self.text, o.end, b);
            let qualifies = !tail.is_empty()
                && !tail.iter().all(|w| {
                    let l = w.text.to_lowercase();
                    OUTLET_ANAPHORS.contains(&l.as_str())
                        || MEDIA_NOUNS.contains(&l.as_str())
                        || matches!(l.as_str(), "report" | "reports" | "story" | "s")
                });
            if qualifies {
                let p = phrase.trim_start_matches("the ").trim_start_matches("The ");
                return Some(vec![mk(p, SourceKind::Named, media_word)]);
            }
            let outlet = self.is_media_org(n)
                || media_word
                || (report_cue && !self.is_known_non_media_org(n));
            // "a spokesman for the military alliance": the body speaks.
            return Some(vec![mk(n, SourceKind::Named, outlet)]);
        }
        if has(OUTLET_ANAPHORS) {
            if let Some(o) = &mem.last_outlet {
                return Some(vec![Source {
                    start: a,
                    end: b,
                    text: phrase.to_string(),
                    ..o.clone()
                }]);
            }
            // "the broadcaster estimates" with no outlet named before: the
            // page's own outlet, a source all the same.
            if lw.first().is_some_and(|w| w == "the") && lw.len() <= 3 {
                return Some(vec![mk(phrase, SourceKind::Named, true)]);
            }
            return None;
        }
        // "they said": the speakers of the sentence before, else a source
        // as written.
        if low == "they" {
            if !mem.last_chain.is_empty() {
                return Some(self.referred(&mem.last_chain, a, b));
            }
            return Some(vec![mk(phrase, SourceKind::Named, false)]);
        }
        if matches!(low.as_str(), "he" | "she" | "him" | "her") {
            // Without a person named before (the recogniser missed the
            // name), "he" still says who speaks: a source as written, not
            // a claim without one.
            let who = mem.last_person.as_deref().unwrap_or(phrase);
            return Some(vec![mk(who, SourceKind::Named, false)]);
        }
        // "the CEO", "its chief executive", "the mayor": a unique role of
        // the story, identifiable; "a minister" is not.
        let definite = lw
            .first()
            .is_some_and(|w| matches!(w.as_str(), "the" | "its" | "their" | "his" | "her" | "our"));
        if definite && lw.len() <= 4 && has(ROLE_NOUNS) {
            return Some(vec![mk(phrase, SourceKind::Named, false)]);
        }
        // "police", "the ministry", "prosecutors": a body on record.
        if lw.len() <= 4
            && lw
                .last()
                .is_some_and(|w| INSTITUTIONS.contains(&w.as_str()))
        {
            return Some(vec![mk(phrase, SourceKind::Named, false)]);
        }
        // A capitalised phrase the recogniser missed ("Voice of America").
        let first_upper = phrase.chars().next().is_some_and(|c| c.is_uppercase());
        let caps = ws
            .iter()
            .filter(|w| w.text.chars().next().is_some_and(|c| c.is_uppercase()))
            .count();
        let last_upper = ws
            .last()
            .is_some_and(|w| w.text.chars().next().is_some_and(|c| c.is_uppercase()));
        if first_upper
            && caps * 2 >= ws.len()
            && (ws.len() <= 5 || (ws.len() <= 8 && last_upper))
            && !matches!(low.as_str(), "this" | "it" | "they" | "we" | "i")
        {
            return Some(vec![mk(
                phrase,
                SourceKind::Named,
                report_cue || media_word,
            )]);
        }
        None
    }
}

/// Heads of a source phrase that is a document: a study, a survey, an
/// analysis and their results.
const DOCUMENT_HEADS: &[&str] = &[
    "study",
    "analysis",
    "survey",
    "poll",
    "review",
    "investigation",
    "audit",
    "results",
    "findings",
    "census",
    "inquiry",
    "paper",
    "research",
];

impl Context<'_> {
    /// The sources a phrase refers back to ("they", "this information"),
    /// placed at the phrase: a claim's sources are in its own sentence,
    /// and two claims resting on one chain are not reported twice at the
    /// first one's words.
    fn referred(&self, chain: &[Source], a: usize, b: usize) -> Vec<Source> {
        chain
            .iter()
            .map(|s| Source {
                start: a,
                end: b,
                ..s.clone()
            })
            .collect()
    }

    /// Is the word ending at `end` followed by a possessive "'s" (also
    /// tokenised: "World 's")?
    fn possessive(&self, end: usize) -> bool {
        let rest = self.text[end..].trim_start();
        rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("' ")
    }

    /// Does the document write `word` capitalised inside a sentence (a
    /// name: "Rovers", "Reuters"), not only at the start of one?
    pub(super) fn written_as_name(&self, word: &str) -> bool {
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        self.text.match_indices(word).any(|(at, _)| {
            let before = self.text[..at].trim_end_matches([' ', '\t', '"', '“', '\'']);
            let after_ok = !self.text[at + word.len()..].starts_with(|c: char| c.is_alphanumeric());
            after_ok
                && before
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == ',')
        })
    }

    /// A source phrase taken as written (a document, a posting, a study).
    pub(super) fn plain_source(&self, a: usize, b: usize) -> Option<Vec<Source>> {
        let phrase = self.text[a..b].trim_matches(|c: char| !c.is_alphanumeric());
        let low = phrase.to_lowercase();
        if phrase.is_empty() || matches!(low.as_str(), "it" | "this" | "that" | "them" | "they") {
            return None;
        }
        let start = a + self.text[a..b].find(phrase).unwrap_or(0);
        Some(vec![Source {
            start,
            end: start + phrase.len(),
            text: phrase.to_string(),
            name: phrase.to_string(),
            kind: SourceKind::Named,
            outlet: false,
        }])
    }
}
