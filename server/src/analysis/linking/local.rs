//! Within-document resolution. Mentions are grouped by a key: the
//! gazetteer entry ("Kiev" and "Kyiv" share one), the folded full name, or
//! for a lone surname or acronym, the full name it abbreviates.
use rustc_hash::FxHashMap;

use crate::analysis::model::{EntityKind, LocalEntity, Mention, MentionForm, SurfaceForm};
use crate::analysis::ner::lexicon::Lexicon;
use crate::analysis::ner::Candidate;
use crate::analysis::overrides::Overrides;
use crate::analysis::text::fold::{ascii_key, fold_key};

/// Key prefixes that cross-file linking resolves like surnames: a one-word
/// organisation joins the one full name that contains the word.
pub const ORG_SHORT: &str = "org-short:";
/// Key of a mention known to or linked to a knowledge-base entity.
pub const KB_KEY: &str = "kb:";
pub const ORG_WORD: &str = "org-word:";

/// A word that identifies an organisation on its own: not a head
/// ("Group"), not an ordinary English word ("Defence").
fn is_distinctive(w: &str) -> bool {
    use crate::analysis::ner::{common_words, cues};
    w.len() > 2
        && !cues::is_in(cues::ORG_HEADS, w)
        && !cues::is_in(cues::ORG_LEADS, w)
        && !common_words::is_english_word(w)
        && !common_words::is_common(w)
}

/// Name key without initials and honorific dots ("Donald J. Trump" -> "donald trump").
pub fn person_key(name: &str) -> String {
    let key = ascii_key(name);
    let mut words: Vec<&str> = key.split(' ').filter(|w| w.len() > 1).collect();
    // "Martin Luther King Jr.": a generational suffix is no surname, so
    // "King" links the person and two "Jr."s do not.
    while words.len() > 2 && matches!(*words.last().unwrap(), "jr" | "sr" | "ii" | "iii" | "iv") {
        words.pop();
    }
    words.join(" ")
}

fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_lowercase()
}

fn acronym_letters(a: &str) -> String {
    a.chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

/// Full names of pass 1 indexed by what a short form can match: a
/// person's surname, a word of an organisation's name, its initials.
struct FullNameIndex {
    surname: FxHashMap<String, Vec<usize>>,
    org_word: FxHashMap<String, Vec<usize>>,
    initials: FxHashMap<String, Vec<usize>>,
}

impl FullNameIndex {
    fn new(text: &str, cands: &[Candidate], groups: &[Group]) -> FullNameIndex {
        let mut ix = FullNameIndex {
            surname: FxHashMap::default(),
            org_word: FxHashMap::default(),
            initials: FxHashMap::default(),
        };
        for (gi, g) in groups.iter().enumerate() {
            if g.short_only || !g.kind.is_name() {
                continue;
            }
            let first = &cands[g.members[0]];
            let full = &text[first.start..first.end];
            match g.kind {
                EntityKind::Person => {
                    let key = person_key(full);
                    let words: Vec<&str> = key.split(' ').collect();
                    if words.len() >= 2 {
                        ix.surname
                            .entry(words[words.len() - 1].to_string())
                            .or_default()
                            .push(gi);
                    }
                }
                EntityKind::Organization => {
                    let key = ascii_key(full);
                    let words: Vec<&str> = key.split(' ').collect();
                    if words.len() >= 2 {
                        for w in words {
                            let v = ix.org_word.entry(w.to_string()).or_default();
                            if !v.contains(&gi) {
                                v.push(gi);
                            }
                        }
                    }
                    ix.initials.entry(initials(full)).or_default().push(gi);
                }
                _ => {}
            }
        }
        ix
    }
}

struct Group {
    kind: EntityKind,
    key: String,
    members: Vec<usize>,
    short_only: bool,
}

pub fn cluster(
    text: &str,
    cands: Vec<Candidate>,
    overrides: &Overrides,
) -> (Vec<Mention>, Vec<LocalEntity>) {
    let lx = Lexicon::get();
    // Contextual aliases count only when their entity is named otherwise.
    let named: rustc_hash::FxHashSet<u32> = cands
        .iter()
        .filter(|c| !c.contextual)
        .filter_map(|c| c.gaz)
        .collect();
    let cands: Vec<Candidate> = cands
        .into_iter()
        .filter(|c| !c.contextual || c.gaz.is_some_and(|g| named.contains(&g)))
        .collect();

    let surface = |c: &Candidate| &text[c.start..c.end];
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut group_of: Vec<usize> = vec![usize::MAX; cands.len()];
    let mut forms: Vec<MentionForm> = vec![MentionForm::Full; cands.len()];
    let by_start: FxHashMap<usize, usize> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.start, i))
        .collect();

    let add = |groups: &mut Vec<Group>,
               by_key: &mut FxHashMap<String, usize>,
               kind: EntityKind,
               key: String,
               i: usize,
               short: bool|
     -> usize {
        let gi = *by_key.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                kind,
                key,
                members: Vec::new(),
                short_only: short,
            });
            groups.len() - 1
        });
        groups[gi].members.push(i);
        if !short {
            groups[gi].short_only = false;
        }
        gi
    };

    // Pass 1: full names, gazetteer names and values.
    let mut deferred = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let s = surface(c);
        let key = if let Some(kb) = c.kb {
            // Known to the workspace's knowledge base: its id decides.
            let e = overrides.kb_entity(kb);
            Some((e.kind, format!("{KB_KEY}{}", e.id)))
        } else if let Some(g) = c.gaz {
            let k = lx.entry(g).kind;
            forms[i] = if c.contextual {
                MentionForm::Alias
            } else {
                MentionForm::Full
            };
            Some((k, format!("gaz:{g}")))
        } else if !c.kind.is_name() {
            forms[i] = MentionForm::Value;
            Some((c.kind, format!("{}:{}", c.kind.as_str(), ascii_key(s))))
        } else if c.expands.is_some()
            || (c.kind == EntityKind::Person && person_key(s).split(' ').count() < 2)
            || (c.kind == EntityKind::Organization && !s.contains(' ') && c.confidence < 0.8)
        {
            None
        } else if c.kind == EntityKind::Person {
            Some((c.kind, format!("per:{}", person_key(s))))
        } else {
            Some((
                c.kind,
                format!("{}:{}", &c.kind.as_str()[..3], name_key(c.kind, s)),
            ))
        };
        match key {
            Some((k, key)) => group_of[i] = add(&mut groups, &mut by_key, k, key, i, false),
            None => deferred.push(i),
        }
    }

    // Pass 2: surnames, acronyms and single words join a fuller name.
    let index = FullNameIndex::new(text, &cands, &groups);
    // Starts of each group's mentions: pass-1 ones sorted once, pass-2 ones
    // appended in text order as they join.
    let early_starts: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut v: Vec<usize> = g.members.iter().map(|&m| cands[m].start).collect();
            v.sort_unstable();
            v
        })
        .collect();
    let mut late_starts: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in deferred {
        let c = &cands[i];
        let s = surface(c);
        let k = ascii_key(s);
        // Acronym introduced in parentheses.
        if let Some(exp) = c.expands.and_then(|st| by_start.get(&st)) {
            if group_of[*exp] != usize::MAX {
                let gi = group_of[*exp];
                groups[gi].members.push(i);
                group_of[i] = gi;
                forms[i] = MentionForm::Acronym;
                by_key.entry(format!("acr:{k}")).or_insert(gi);
                continue;
            }
        }
        if let Some(&gi) = by_key.get(&format!("acr:{k}")) {
            groups[gi].members.push(i);
            group_of[i] = gi;
            forms[i] = MentionForm::Acronym;
            continue;
        }
        // A single word naming a person or organisation named in full
        // before (or after) it; ambiguity resolves to the nearest before.
        let letters = acronym_letters(s);
        let is_caps = s.chars().all(|ch| !ch.is_lowercase());
        let mut targets: Vec<usize> = Vec::new();
        if let Some(v) = index.surname.get(&k) {
            targets.extend(v);
        }
        if c.kind == EntityKind::Organization {
            if let Some(v) = index.org_word.get(&k) {
                targets.extend(v);
            }
        }
        if letters.len() >= 2 && is_caps {
            if let Some(v) = index.initials.get(&letters) {
                targets.extend(v);
            }
        }
        let mut best: Option<(usize, usize)> = None; // (distance rank, group)
        for gi in targets {
            let g = &groups[gi];
            let first = &cands[g.members[0]];
            // Nearest mention of the group before this one (binary search:
            // a long article may hold thousands of mentions of one name).
            let before = |v: &Vec<usize>| {
                let i = v.partition_point(|&st| st < c.start);
                (i > 0).then(|| v[i - 1])
            };
            let pos = before(&early_starts[gi]).max(late_starts.get(&gi).and_then(before));
            let rank = match pos {
                Some(p) => c.start - p,
                None => usize::MAX / 2 + first.start,
            };
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, gi));
            }
        }
        if let Some((_, gi)) = best {
            groups[gi].members.push(i);
            late_starts.entry(gi).or_default().push(c.start);
            group_of[i] = gi;
            forms[i] = if s.chars().all(|ch| !ch.is_lowercase())
                && groups[gi].kind == EntityKind::Organization
            {
                MentionForm::Acronym
            } else {
                MentionForm::Short
            };
            continue;
        }
        let kind = c.kind;
        let key = match kind {
            EntityKind::Person => format!("per-short:{k}"),
            _ => format!("{}:{}", &kind.as_str()[..3], k),
        };
        group_of[i] = add(
            &mut groups,
            &mut by_key,
            kind,
            key,
            i,
            kind == EntityKind::Person,
        );
        forms[i] = if kind == EntityKind::Person {
            MentionForm::Short
        } else {
            MentionForm::Full
        };
    }

    // Mentions in text order, each pointing at its local entity.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| cands[i].start);
    let mut index_of = vec![0u32; cands.len()];
    for (n, &i) in order.iter().enumerate() {
        index_of[i] = n as u32;
    }
    let mentions: Vec<Mention> = order
        .iter()
        .map(|&i| {
            let c = &cands[i];
            Mention {
                start: c.start,
                end: c.end,
                kind: groups[group_of[i]].kind,
                form: forms[i],
                roles: c.roles.clone(),
                local: group_of[i] as u32,
                confidence: c.confidence,
            }
        })
        .collect();

    let mut acronym_keys: FxHashMap<usize, Vec<String>> = FxHashMap::default();
    for (k, &gi) in by_key.iter() {
        if k.starts_with("acr:") {
            acronym_keys.entry(gi).or_default().push(k.clone());
        }
    }
    let locals = groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let mut ms: Vec<u32> = g.members.iter().map(|&i| index_of[i]).collect();
            ms.sort_unstable();
            // The fullest form: the longest Full mention, else the first.
            let defining = ms
                .iter()
                .copied()
                .filter(|&m| mentions[m as usize].form == MentionForm::Full)
                .max_by_key(|&m| {
                    let mm = &mentions[m as usize];
                    (mm.end - mm.start, std::cmp::Reverse(m))
                })
                .unwrap_or(ms[0]);
            let name = mentions[defining as usize].text(text).to_string();
            let mut forms: Vec<SurfaceForm> = Vec::new();
            for &m in &ms {
                let mm = &mentions[m as usize];
                let t = mm.text(text);
                let f = fold_key(t);
                let full = mm.form == MentionForm::Full;
                match forms.iter_mut().find(|x| x.fold == f) {
                    Some(x) => {
                        x.count += 1;
                        x.full |= full;
                    }
                    None => forms.push(SurfaceForm {
                        fold: f,
                        text: t.to_string(),
                        count: 1,
                        full,
                    }),
                }
            }
            let name_fold = fold_key(&name);
            let aliases: Vec<String> = forms
                .iter()
                .filter(|x| x.fold != name_fold)
                .map(|x| x.text.clone())
                .collect();
            let mut keys = vec![g.key.clone()];
            if g.kind == EntityKind::Person && !g.short_only {
                let words: Vec<&str> = g.key.trim_start_matches("per:").split(' ').collect();
                if let (Some(first), Some(last)) = (words.first(), words.last()) {
                    if let Some(initial) = first.chars().next() {
                        keys.push(format!("per-sur:{last}:{initial}"));
                    }
                }
            }
            if g.kind == EntityKind::Organization && g.key.starts_with("org:") {
                let words: Vec<&str> = g.key["org:".len()..].split(' ').collect();
                if words.len() == 1 {
                    // A one-word organisation may be the short form of a
                    // longer name elsewhere ("Scientology").
                    keys.push(format!("{ORG_SHORT}{}", words[0]));
                } else {
                    // "Ford" of "Ford Motor Company": a first word that is
                    // an English word but stands for the company alone.
                    let short = crate::analysis::ner::company::short_form(&words);
                    for w in words.iter().filter(|w| is_distinctive(w)) {
                        keys.push(format!("{ORG_WORD}{w}"));
                    }
                    if let Some(w) = short.filter(|w| !is_distinctive(w)) {
                        keys.push(format!("{ORG_WORD}{w}"));
                    }
                    // "Patriots" of "New England Patriots": a team's nickname.
                    let nickname = crate::analysis::ner::sports::team_nickname(&words);
                    if let Some(w) = nickname.filter(|w| !is_distinctive(w)) {
                        keys.push(format!("{ORG_WORD}{w}"));
                    }
                }
            }
            keys.extend(acronym_keys.get(&gi).into_iter().flatten().cloned());
            keys.sort();
            LocalEntity {
                kind: g.kind,
                name,
                aliases,
                keys,
                mentions: ms,
                defining,
                forms,
                short_only: g.short_only,
            }
        })
        .collect();
    (mentions, locals)
}

/// The key a full name links by: folded, without a leading article, and
/// for an organisation without its legal form ("Ford Motor Company" and
/// "Ford Motor Co." are one company).
fn name_key(kind: EntityKind, s: &str) -> String {
    let k = ascii_key(s);
    let k = k.strip_prefix("the ").unwrap_or(&k);
    if kind != EntityKind::Organization {
        return k.to_string();
    }
    const LEGAL_FORMS: &[&str] = &[
        " co",
        " company",
        " corp",
        " corporation",
        " inc",
        " ltd",
        " llc",
        " plc",
        " limited",
    ];
    LEGAL_FORMS
        .iter()
        .find_map(|f| k.strip_suffix(f))
        // "Apple, Inc.": the comma before a legal form goes with it.
        .map(|rest| rest.trim_end_matches(','))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(k)
        .to_string()
}
