//! Amounts of another participant than the one a report is about.
//!
//! A report names its subject once and then describes it ("the striker",
//! "the 26-year-old", "the company"), but it also tells of others by
//! description: the player signed beside him ("defender Tomas Quill, 26,
//! ... The 26-year-old has signed a three-year deal"), "his strike
//! partner", "its rival", "the other bidder", "a second company", "a
//! rival bidder", "<Buyer>'s rival". An amount whose clause names nobody
//! is compared within the report's story (see `index::story_compare`);
//! an amount of such a described participant must not be. Before that:
//!
//! - a description that points at someone else (a relation to another
//!   participant, "other", "rival", "second", an indefinite party) marks
//!   the amount as another participant's ([`Fact::other_party`]): it is
//!   compared with nothing;
//! - a description the report resolves ("the 26-year-old" when it gave
//!   one person's age as 26; "the striker" when it introduced one person
//!   as a striker) keys the amount to that person.
use super::*;
use crate::analysis::syntax::{Parse, Rel, Sub, Upos};

/// Nouns that name someone by a relation to another participant: never
/// the one the relation is to.
const RELATIONAL: &[&str] = &[
    "rival",
    "rivals",
    "partner",
    "partners",
    "teammate",
    "team-mate",
    "colleague",
    "predecessor",
    "successor",
    "opponent",
    "competitor",
    "counterpart",
    "replacement",
    "compatriot",
    "namesake",
    "suitor",
    "challenger",
    "understudy",
    "deputy",
    "sister",
    "brother",
    "neighbour",
    "neighbor",
    // Of a company: another company.
    "parent",
    "owner",
    "subsidiary",
    "affiliate",
    "backer",
    // Of a person: another person.
    "agent",
    "lawyer",
    "wife",
    "husband",
    "son",
    "daughter",
    "father",
    "mother",
];

/// Words before a noun that make it someone else than the one already
/// told of ("the other bidder", "a second company", "another club").
const OTHER_MARKERS: &[&str] = &[
    "other",
    "another",
    "rival",
    "second",
    "third",
    "fourth",
    "losing",
    "competing",
    "fellow",
    "separate",
    "different",
    "unnamed",
    "unidentified",
];

/// Nouns of a party to a deal or a game: with "a" or "an" ("a buyer",
/// "a club") someone the report does not identify, so not its subject.
const PARTY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "bidder",
    "buyer",
    "investor",
    "fund",
    "consortium",
    "club",
    "team",
    "side",
    "player",
    "striker",
    "forward",
    "defender",
    "midfielder",
    "goalkeeper",
    "winger",
    "rival",
    "competitor",
    "lender",
    "bank",
];

/// Nouns a report describes a person it named by ("striker Lukas
/// Brenner" ... "the striker").
const ROLE_NOUNS: &[&str] = &[
    "striker",
    "forward",
    "defender",
    "midfielder",
    "goalkeeper",
    "keeper",
    "winger",
    "full-back",
    "centre-back",
    "playmaker",
    "captain",
    "player",
    "boxer",
    "fighter",
    "driver",
    "rider",
    "batsman",
    "bowler",
    "pitcher",
    "quarterback",
    "guard",
    "coach",
    "manager",
];

/// Who a description of a participant is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Desc {
    /// Someone else than the one told of.
    Other,
    /// "the 26-year-old".
    Age(u32),
    /// "the striker".
    Role(String),
    /// "the former Ashgrove forward": a role at a named club or company.
    RoleAt(String),
}

/// Marks or keys the amounts of a sentence's facts whose clause speaks of
/// a described participant (see the module's comment).
pub(super) fn settle(inp: &FactInput, out: &mut [Fact]) {
    let Some(sf) = inp.frames else {
        return;
    };
    let p = &sf.parse;
    for f in out.iter_mut() {
        let FactBody::Quantity {
            subject, measure, ..
        } = &mut f.body
        else {
            continue;
        };
        // Casualties are the event's, whoever the clause names.
        if measure::is_casualty_measure(&measure.what) {
            continue;
        }
        let Some(t) = p.token_at(f.start) else {
            continue;
        };
        // "sold his strike partner for £18 million": the price of another.
        if !price_objects(p, t, &measure.what).is_empty() {
            f.other_party = true;
            continue;
        }
        if let Some(s) = *subject {
            let head = sf.head_of(s);
            // "Maple's rival paid": the name is the possessor of the one
            // who paid.
            if head.is_some_and(|h| possessor_of_relation(p, h)) {
                f.other_party = true;
            } else if head.is_some_and(|h| qualifies_a_role(p, h)) {
                // "The former Ashgrove forward has signed": a person, not
                // the club; whoever the report ties to it, else nobody
                // named.
                // (The name as far as its head: the mention may run on.)
                let m = &inp.doc.mentions[s as usize];
                let end = head.map_or(m.end, |h| p.tokens[h].end.clamp(m.start, m.end));
                let org = inp.text[m.start..end].to_string();
                tracing::trace!("role at {org:?}: {:?}", m.text(inp.text));
                *subject = tied_to(inp, &org, f.start);
            }
            continue;
        }
        // "<Name>'s fee of £31m": the named possessor's amount.
        if let Some(m) = possessor(p, t).and_then(|h| mention_at(inp, sf, h)) {
            *subject = Some(m);
            continue;
        }
        let descs: Vec<Desc> = actors(p, t)
            .into_iter()
            .chain(possessor(p, t))
            .filter_map(|s| describe(p, inp.text, s))
            .collect();
        // (A sentence that opens with an age, whatever the parse made of
        // its tokens.)
        let opening: Vec<&str> = inp.text[inp.start..f.start]
            .split_whitespace()
            .take(2)
            .collect();
        let descs = match age_described(&opening.join(" ")) {
            Some(n) if descs.is_empty() => vec![Desc::Age(n)],
            _ => descs,
        };
        if descs.contains(&Desc::Other) {
            f.other_party = true;
            continue;
        }
        let resolved = descs.iter().find_map(|d| match d {
            // A report that gives nobody that age means the person it
            // just named ("... signed Tomas Quill from Ashgrove. The
            // 26-year-old ...").
            Desc::Age(n) => aged(inp, *n, f.start).or_else(|| just_named(inp)),
            Desc::Role(r) => introduced_as(inp, r, f.start),
            Desc::RoleAt(org) => tied_to(inp, org, f.start),
            Desc::Other => None,
        });
        if let Some(m) = resolved {
            *subject = Some(m);
        }
    }
}

/// The subjects of the amount's clause; for a clause without one that
/// hangs on another ("walked away after offering $950 million"), that
/// clause's.
fn actors(p: &Parse, t: usize) -> Vec<usize> {
    let mut c = p.clause_of(t);
    for _ in 0..3 {
        let s = p.subjects(c);
        if !s.is_empty() {
            return s;
        }
        match p.head(c) {
            Some(h) if matches!(p.tokens[c].deprel.rel, Rel::Advcl | Rel::Conj) => {
                c = p.clause_of(h)
            }
            _ => break,
        }
    }
    Vec::new()
}

/// The possessor of the noun the amount measures ("his partner's fee of
/// £18m", "the rival's offer of $1.1bn").
fn possessor(p: &Parse, t: usize) -> Option<usize> {
    let noun = match p.tokens[t].deprel.rel {
        Rel::Nummod | Rel::Compound | Rel::Nmod | Rel::Amod => p.head(t)?,
        _ => t,
    };
    std::iter::once(noun)
        .chain(
            p.head(noun)
                .filter(|_| p.tokens[noun].deprel.rel == Rel::Nmod),
        )
        .flat_map(|n| p.children(n).iter().copied())
        .find(|&c| p.tokens[c].deprel.sub == Some(Sub::Poss) && p.tokens[c].upos != Upos::Pron)
}

/// The name mention whose head is token `h`.
fn mention_at(
    inp: &FactInput,
    sf: &crate::analysis::claims::frames::SentenceFrames,
    h: usize,
) -> Option<u32> {
    mentions_in(inp.doc, inp.start, inp.end)
        .into_iter()
        .find(|&m| {
            inp.doc.mentions[m as usize].kind.is_name()
                && sf.head_of(m) == Some(h)
                && !in_spans(inp.doc, m, inp.exclude)
        })
}

/// For a price: who or what the verb of the amount's clause sells or
/// buys ("sold his strike partner ... for £18 million").
fn price_objects(p: &Parse, t: usize, what: &str) -> Vec<usize> {
    if what != "price" {
        return Vec::new();
    }
    let c = p.clause_of(t);
    let mut v = p.objects(c);
    v.extend(
        p.obliques(c)
            .into_iter()
            .filter(|(_, m)| m.as_deref() == Some("for"))
            .map(|(o, _)| o)
            .filter(|&o| !p.dominates(o, t) && o != t),
    );
    // Only objects that point at someone else: an indefinite thing
    // bought ("a cheese maker") may be the deal itself, and one the
    // object names ("buy rival fish farmer Brevik Seafood") is that one.
    // A relation must say to whom ("his strike partner", "its rival"):
    // "buy rival fish farmer Brevik Seafood" buys the rival itself.
    let related = |o: usize| {
        p.children(o)
            .iter()
            .any(|&c| p.tokens[c].deprel.sub == Some(Sub::Poss))
            || qualifiers(p, o)
                .iter()
                .any(|q| OTHER_MARKERS.contains(&q.as_str()) && q != "rival")
    };
    v.retain(|&o| relational(p, o) && related(o) && !names_someone(p, o));
    v
}

/// Whether a nominal's words name someone (a proper noun that is no
/// possessor: "rival fish farmer Brevik Seafood", not "Maple's rival").
fn names_someone(p: &Parse, o: usize) -> bool {
    p.subtree(o).any(|x| {
        p.tokens[x].upos == Upos::Propn
            && !std::iter::once(x)
                .chain(p.ancestors(x).take_while(|&a| a != o))
                .any(|y| p.tokens[y].deprel.sub == Some(Sub::Poss))
    })
}

/// Whether a nominal names someone by a relation or as another ("his
/// strike partner", "its rival", "another striker").
fn relational(p: &Parse, s: usize) -> bool {
    let tok = &p.tokens[s];
    if !matches!(tok.upos, Upos::Noun | Upos::Propn) {
        return false;
    }
    let w = tok.form.to_ascii_lowercase();
    RELATIONAL.contains(&w.as_str())
        || RELATIONAL.contains(&tok.lemma.to_ascii_lowercase().as_str())
        || qualifiers(p, s)
            .iter()
            .any(|q| OTHER_MARKERS.contains(&q.as_str()))
}

/// Whether token `h` (a name) only qualifies a person's role ("the former
/// Ashgrove forward").
fn qualifies_a_role(p: &Parse, h: usize) -> bool {
    p.tokens[h].deprel.rel == Rel::Compound
        && p.head(h).is_some_and(|n| {
            p.tokens[n].upos == Upos::Noun
                && ROLE_NOUNS.contains(&p.tokens[n].lemma.to_ascii_lowercase().as_str())
        })
}

/// Whether token `h` (a name) is the possessor of a noun that names
/// someone by a relation to it ("Maple's rival").
fn possessor_of_relation(p: &Parse, h: usize) -> bool {
    p.tokens[h].deprel.sub == Some(Sub::Poss)
        && p.head(h).is_some_and(|n| {
            let w = p.tokens[n].lemma.to_ascii_lowercase();
            RELATIONAL.contains(&w.as_str())
        })
}

/// The determiners, adjectives, numbers and noun modifiers before a noun,
/// lower-cased.
fn qualifiers(p: &Parse, s: usize) -> Vec<String> {
    p.children(s)
        .iter()
        .copied()
        .filter(|&c| {
            c < s
                && matches!(
                    p.tokens[c].deprel.rel,
                    Rel::Det | Rel::Amod | Rel::Compound | Rel::Nummod
                )
        })
        .map(|c| p.tokens[c].form.to_ascii_lowercase())
        .collect()
}

/// What a subject noun says of who it is, when it is a description.
fn describe(p: &Parse, text: &str, s: usize) -> Option<Desc> {
    let tok = &p.tokens[s];
    if tok.upos == Upos::Pron {
        return None;
    }
    if relational(p, s) {
        return Some(Desc::Other);
    }
    // "The 26-year-old", however the tokens of the age were parsed.
    let (a, b) = p.subtree_span(s);
    if let Some(n) = text.get(a..b).and_then(age_described) {
        return Some(Desc::Age(n));
    }
    if tok.upos != Upos::Noun && !tok.form.to_ascii_lowercase().ends_with("-year-old") {
        return None;
    }
    let q = qualifiers(p, s);
    let lemma = tok.lemma.to_ascii_lowercase();
    let form = tok.form.to_ascii_lowercase();
    // ("a buyer", "one bidder", "an unnamed investor")
    let indefinite = q.iter().any(|w| w == "a" || w == "an" || w == "one");
    if indefinite && (PARTY_NOUNS.contains(&lemma.as_str()) || PARTY_NOUNS.contains(&form.as_str()))
    {
        return Some(Desc::Other);
    }
    let definite = q.iter().any(|w| w == "the");
    if !definite {
        return None;
    }
    if !ROLE_NOUNS.contains(&lemma.as_str()) {
        return None;
    }
    // "the former Ashgrove forward": whoever the report ties to that
    // club; another qualified role ("the young striker") may be anyone.
    let org = p.children(s).iter().copied().find(|&c| {
        c < s && p.tokens[c].upos == Upos::Propn && p.tokens[c].deprel.rel == Rel::Compound
    });
    if let Some(o) = org {
        return Some(Desc::RoleAt(p.tokens[o].form.clone()));
    }
    let plain = q.iter().all(|w| w == "the");
    plain.then_some(Desc::Role(lemma))
}

/// The age a description gives ("the 26-year-old", "The 31-year-old
/// Brazilian"): a definite description that is an age and little more.
fn age_described(phrase: &str) -> Option<u32> {
    let low = phrase.to_ascii_lowercase();
    let rest = low.strip_prefix("the ")?;
    let (n, after) = rest.split_once("-year-old")?;
    let n: u32 = n.trim().parse().ok()?;
    (after.split_whitespace().count() <= 1 && (14..=99).contains(&n)).then_some(n)
}

/// The one person the report gives an age of `n` before `before` ("Tomas
/// Quill, 26,", "26-year-old Tomas Quill", "Quill (26)"): their mention.
/// None when it gives that age to nobody or to two people.
fn aged(inp: &FactInput, n: u32, before: usize) -> Option<u32> {
    let text = inp.text;
    let after_pats = [format!(", {n},"), format!(", {n} "), format!(" ({n})")];
    let before_pat = format!("{n}-year-old ");
    one_person(inp, before, |m| {
        let to = crate::analysis::claims::words::floor_boundary(text, (m.end + 8).min(text.len()));
        let after = &text[m.end..to.max(m.end)];
        let from = crate::analysis::claims::words::floor_boundary(text, m.start.saturating_sub(40));
        let lead = &text[from..m.start];
        after_pats.iter().any(|p| after.starts_with(p.as_str()))
            || lead
                .rfind(&before_pat)
                .is_some_and(|at| lead[at + before_pat.len()..].split_whitespace().count() <= 2)
    })
}

/// How far back from a sentence the person it refers to by age may be
/// named, in bytes (the sentence before, about).
const JUST_NAMED_BYTES: usize = 300;

/// The person named last before the sentence, close before it.
fn just_named(inp: &FactInput) -> Option<u32> {
    let doc = inp.doc;
    let from = inp.start.saturating_sub(JUST_NAMED_BYTES);
    let k = mentions_in(doc, from, inp.start)
        .into_iter()
        .rev()
        .find(|&k| doc.mentions[k as usize].kind.is_name())?;
    // (The last name is a person's, not a club's the person left.)
    (doc.mentions[k as usize].kind == EntityKind::Person).then_some(k)
}

/// The one person the report introduces as `role` before `before`
/// ("striker Lukas Brenner", "Brenner, the striker,"): their mention.
fn introduced_as(inp: &FactInput, role: &str, before: usize) -> Option<u32> {
    let text = inp.text;
    one_person(inp, before, |m| {
        let from = crate::analysis::claims::words::floor_boundary(text, m.start.saturating_sub(30));
        let lead = text[from..m.start].to_ascii_lowercase();
        let to = crate::analysis::claims::words::floor_boundary(text, (m.end + 30).min(text.len()));
        let after = text[m.end..to.max(m.end)].to_ascii_lowercase();
        lead.split_whitespace().next_back() == Some(role)
            || after.starts_with(&format!(", the {role}"))
            || after.starts_with(&format!(", a {role}"))
    })
}

/// The one person the report ties to the club or company `org` before
/// `before` ("signed Tomas Quill from Ashgrove Rovers", "Ashgrove's Tomas
/// Quill", "Quill, who joined from Ashgrove"): their mention.
fn tied_to(inp: &FactInput, org: &str, before: usize) -> Option<u32> {
    let text = inp.text;
    let floor = crate::analysis::claims::words::floor_boundary;
    one_person(inp, before, |m| {
        let from = floor(text, m.start.saturating_sub(40));
        let to = floor(text, (m.end + 60).min(text.len()));
        // Within the person's own sentence and clause.
        let lead = &text[from..m.start];
        let lead = lead.rsplit(['.', ';']).next().unwrap_or("");
        let after = &text[m.end..to.max(m.end)];
        let after = after.split(['.', ';']).next().unwrap_or("");
        // "Ashgrove's Tomas Quill", "Ashgrove defender Tomas Quill".
        let before_name = lead
            .rsplit_once(org)
            .is_some_and(|(_, r)| r.starts_with("'s") || r.split_whitespace().count() <= 1);
        before_name || after.contains(&format!("from {org}"))
    })
}

/// The mention of the one person (by folded name) of those before
/// `before` for which `fits` holds.
fn one_person(
    inp: &FactInput,
    before: usize,
    fits: impl Fn(&crate::analysis::model::Mention) -> bool,
) -> Option<u32> {
    use crate::analysis::text::fold::ascii_key;
    let doc = inp.doc;
    let mut found: Option<(u32, String)> = None;
    for (k, m) in doc.mentions.iter().enumerate() {
        if m.start >= before {
            break;
        }
        if m.kind != EntityKind::Person || !fits(m) {
            continue;
        }
        let name = ascii_key(m.text(inp.text));
        match &found {
            None => found = Some((k as u32, name)),
            Some((_, n)) if *n == name => {}
            Some(_) => return None,
        }
    }
    found.map(|(k, _)| k)
}

#[cfg(test)]
#[path = "amount_actors_tests.rs"]
mod tests;
