//! Name lists the recogniser consults, loaded once from the TSV files under
//! `server/data/gazetteer/` (see the README there for sources and licences).
//!
//! Gazetteer names are found with one Aho-Corasick pass over the text
//! (ASCII case-insensitive), then filtered: word boundaries, an upper-case
//! first letter in the text, and exact case for acronyms (so "us" is never
//! the United States).
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::{ascii_key, lookup_key};

#[derive(Clone, Debug)]
pub struct GazEntry {
    pub kind: EntityKind,
    /// Display name ("NATO", "Kyiv", "United States").
    pub name: String,
    /// Sub-kind from the list ("city", "media", "intl", ...).
    pub subkind: String,
    /// Demonyms, for countries ("Polish", "Poles").
    pub demonyms: Vec<String>,
    /// For countries: the capital's place entry (see [`Lexicon::capital_of`]).
    pub capital: Option<u32>,
    /// For rows of `places.tsv`: the country the place is in ("-" when it
    /// is in several); empty for every other entry.
    pub country: String,
}

#[derive(Clone, Copy, Debug)]
struct Pattern {
    entry: u32,
    /// Only valid when the entity is named another way in the same document.
    contextual: bool,
    /// Must match with exact case (acronyms, and names with inner capitals).
    exact: bool,
}

pub struct Lexicon {
    pub entries: Vec<GazEntry>,
    patterns: Vec<Pattern>,
    pattern_text: Vec<String>,
    automaton: AhoCorasick,
    /// First two letters (lower case) of names that do not start with an
    /// upper-case letter.
    lower_starts: FxHashSet<[char; 2]>,
    /// lookup_key -> entry, for names the recogniser assembles itself.
    by_key: FxHashMap<String, u32>,
    /// ascii_key of a `places.tsv` row's name (aliases left out) -> entry.
    places_by_name: FxHashMap<String, u32>,
    /// Demonym (lower case) -> country entry.
    pub demonyms: FxHashMap<String, u32>,
    pub given_names: FxHashSet<String>,
    /// Person titles, lower case, as word sequences ("secretary general").
    pub titles: FxHashSet<String>,
    /// First words of the titles, to reject most tokens at once.
    pub title_starts: FxHashSet<String>,
    pub max_title_words: usize,
}

/// A gazetteer name found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazHit {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
    pub contextual: bool,
}

fn parse_aliases(field: Option<&str>) -> Vec<&str> {
    field
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The ASCII spelling of a gazetteer name written with marks ("Gdańsk" ->
/// "Gdansk", "São Paulo" -> "Sao Paulo"), or `None` when the name is ASCII
/// already or its ASCII spelling reads as something else: a given name
/// ("León" -> "Leon") or an English word ("Colón" -> "Colon") in any of
/// its words, or a one-word name shorter than five letters, where a name
/// without marks is more likely that than the place.
fn unmarked_spelling(written: &str, given_names: &FxHashSet<String>) -> Option<String> {
    if written.is_ascii() {
        return None;
    }
    let plain = deunicode::deunicode(written);
    let ambiguous = |w: &str| {
        let key = ascii_key(w);
        given_names.contains(&key) || super::common_words::is_english_word(&key)
    };
    let changed_words = written
        .split_whitespace()
        .zip(plain.split_whitespace())
        .filter(|(a, b)| a != b);
    let mut any = false;
    // A short one-word name without marks ("Chu", "Cua") is more often a
    // surname or an abbreviation in English text than a small place abroad.
    let one_word = written.split_whitespace().count() == 1;
    if one_word && plain.chars().filter(|c| c.is_alphabetic()).count() < 5 {
        return None;
    }
    for (_, p) in changed_words {
        if ambiguous(p) {
            return None;
        }
        any = true;
    }
    (any && plain.is_ascii()
        && plain.split_whitespace().count() == written.split_whitespace().count())
    .then_some(plain)
}

fn needs_exact_case(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    // Acronyms ("US", "NATO", "OBOZ.UA") and short names.
    letters.len() <= 3 || (upper >= 2 && upper * 2 >= letters.len())
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut entries = Vec::new();
        let mut aliases: Vec<(u32, String)> = Vec::new();
        let mut demonyms = FxHashMap::default();
        let mut add = |entries: &mut Vec<GazEntry>,
                       kind: EntityKind,
                       name: &str,
                       subkind: &str,
                       alias_list: Vec<&str>,
                       dems: Vec<&str>| {
            let id = entries.len() as u32;
            entries.push(GazEntry {
                kind,
                name: name.to_string(),
                subkind: subkind.to_string(),
                demonyms: dems.iter().map(|s| s.to_string()).collect(),
                capital: None,
                country: String::new(),
            });
            aliases.push((id, name.to_string()));
            for a in alias_list {
                aliases.push((id, a.to_string()));
            }
            id
        };
        // (country entry, capital's name), resolved once places are loaded
        let mut capital_names: Vec<(u32, &str)> = Vec::new();
        for r in rows(include_str!("../../../data/gazetteer/countries.tsv")) {
            let dems = parse_aliases(r.get(2).copied());
            let capital = r.get(3).map_or("", |c| c.trim());
            let id = add(
                &mut entries,
                EntityKind::Location,
                r[0].trim(),
                "country",
                parse_aliases(r.get(1).copied()),
                dems.clone(),
            );
            for d in dems {
                demonyms.insert(d.to_lowercase(), id);
            }
            if !capital.is_empty() {
                capital_names.push((id, capital));
            }
        }
        // (name, country) -> city entry, to find each capital in its country
        let mut cities: FxHashMap<(&str, &str), u32> = FxHashMap::default();
        let mut places_by_name: FxHashMap<String, u32> = FxHashMap::default();
        for r in rows(include_str!("../../../data/gazetteer/places.tsv")) {
            let subkind = r.get(1).copied().unwrap_or("").trim();
            let id = add(
                &mut entries,
                EntityKind::Location,
                r[0].trim(),
                subkind,
                parse_aliases(r.get(3).copied()),
                vec![],
            );
            let country = r.get(2).map_or("", |c| c.trim());
            entries[id as usize].country = country.to_string();
            // By the row's own name; a later row of the same name wins.
            places_by_name.insert(ascii_key(r[0].trim()), id);
            if subkind == "city" {
                cities.insert((r[0].trim(), country), id);
            }
        }
        for (country, capital) in capital_names {
            let key = (capital, entries[country as usize].name.as_str());
            entries[country as usize].capital = cities.get(&key).copied();
        }
        for r in rows(include_str!("../../../data/gazetteer/organizations.tsv")) {
            add(
                &mut entries,
                EntityKind::Organization,
                r[0].trim(),
                r.get(1).copied().unwrap_or("").trim(),
                parse_aliases(r.get(2).copied()),
                vec![],
            );
        }

        let given_names: FxHashSet<String> =
            include_str!("../../../data/gazetteer/given_names.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(ascii_key)
                .collect();

        let mut patterns = Vec::new();
        let mut pattern_text = Vec::new();
        let mut by_key = FxHashMap::default();
        let mut seen = FxHashSet::default();
        // English news mostly writes foreign names without their marks
        // ("Gdansk", "Zurich", "Sao Paulo", "Bogota"), which the
        // automaton, ASCII case-insensitive only, would never match against
        // the gazetteer's "Gdańsk". Each such name is also searched in its
        // ASCII spelling, after every written name so that a name another
        // entry spells that way keeps it.
        let mut unmarked: Vec<(u32, String, bool)> = Vec::new();
        for (id, alias) in aliases {
            let contextual = alias.starts_with('~');
            // Articles are not part of the mention ("the Alliance" -> "Alliance").
            let bare = alias.trim_start_matches('~');
            let bare = bare
                .strip_prefix("the ")
                .or_else(|| bare.strip_prefix("The "))
                .unwrap_or(bare);
            let written = bare.to_string();
            if written.is_empty() || !seen.insert((written.clone(), contextual)) {
                continue;
            }
            if !contextual {
                by_key.entry(lookup_key(&written)).or_insert(id);
            }
            if let Some(plain) = unmarked_spelling(&written, &given_names) {
                unmarked.push((id, plain, contextual));
            }
            // "Trinidad & Tobago", "Bosnia & Herzegovina": places joined by
            // "and" are also written with an ampersand.
            if written.contains(" and ") && entries[id as usize].kind == EntityKind::Location {
                unmarked.push((id, written.replace(" and ", " & "), contextual));
            }
            patterns.push(Pattern {
                entry: id,
                contextual,
                exact: needs_exact_case(&written),
            });
            pattern_text.push(written);
        }
        for (id, plain, contextual) in unmarked {
            if !seen.insert((plain.clone(), contextual)) {
                continue;
            }
            patterns.push(Pattern {
                entry: id,
                contextual,
                exact: needs_exact_case(&plain),
            });
            pattern_text.push(plain);
        }
        let lower_starts = pattern_text
            .iter()
            .filter(|p| !p.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|p| {
                let mut cs = p.chars().flat_map(char::to_lowercase);
                Some([cs.next()?, cs.next()?])
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(&pattern_text)
            .expect("gazetteer automaton");

        let titles: FxHashSet<String> = include_str!("../../../data/gazetteer/person_titles.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.to_lowercase().replace('-', " "))
            .collect();
        let max_title_words = titles
            .iter()
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let title_starts = titles
            .iter()
            .filter_map(|t| t.split_whitespace().next())
            .map(str::to_string)
            .collect();
        Lexicon {
            lower_starts,
            title_starts,
            entries,
            patterns,
            pattern_text,
            automaton,
            by_key,
            places_by_name,
            demonyms,
            given_names,
            titles,
            max_title_words,
        }
    }

    pub fn get() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);
        &LEXICON
    }

    pub fn lookup(&self, name: &str) -> Option<u32> {
        self.by_key.get(&lookup_key(name)).copied()
    }

    pub fn entry(&self, id: u32) -> &GazEntry {
        &self.entries[id as usize]
    }

    /// The place a name is the name of in `places.tsv` (a city, a region,
    /// a landmark; not an alias, not a country), with its kind in
    /// `subkind` and its country in `country`: "Nairobi" is a city in
    /// Kenya. Of two rows with one name, the later one.
    pub fn place_named(&self, name: &str) -> Option<&GazEntry> {
        self.place_id_named(name).map(|id| self.entry(id))
    }

    /// The id of [`Lexicon::place_named`]'s entry.
    pub fn place_id_named(&self, name: &str) -> Option<u32> {
        self.places_by_name.get(&ascii_key(name)).copied()
    }

    /// The capital city of a country entry: Kyiv for Ukraine. `None` for
    /// city-states (Singapore, Monaco) and for entries that are no country.
    pub fn capital_of(&self, country: u32) -> Option<u32> {
        self.entries.get(country as usize)?.capital
    }

    /// The country entry a name, alias, demonym or country adjective
    /// stands for ("Uganda", "Ugandan", "Ugandans", "the Netherlands",
    /// "Dutch"); `None` for anything that is not a country.
    pub fn country(&self, word: &str) -> Option<u32> {
        let word = word.trim();
        let id = self
            .demonyms
            .get(&word.to_lowercase())
            .copied()
            .or_else(|| self.lookup(word))?;
        (self.entry(id).subkind == "country").then_some(id)
    }

    /// The city that "the <qualifier> capital" names, where the qualifier
    /// is a country's name, alias or demonym: "Ugandan" -> Kampala,
    /// "Poland's" -> Warsaw. For claims that write "in the Polish capital"
    /// or "the capital" of a country named nearby.
    pub fn capital_for(&self, qualifier: &str) -> Option<u32> {
        let q = qualifier.trim();
        let q = q
            .strip_suffix("'s")
            .or_else(|| q.strip_suffix("\u{2019}s"))
            .or_else(|| q.strip_suffix('\''))
            .unwrap_or(q);
        self.capital_of(self.country(q)?)
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(&ascii_key(word))
    }

    /// Gazetteer names in `text`, leftmost-longest, boundary- and
    /// case-checked.
    pub fn find(&self, text: &str) -> Vec<GazHit> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        // All overlapping matches are checked, then the leftmost-longest
        // valid ones kept: a rejected match (wrong case, inside a word)
        // must not hide a valid one that overlaps it ("statedNATO").
        let starts = NameStarts {
            automaton: &self.automaton,
            lower_starts: &self.lower_starts,
        };
        for m in starts.find_at_name_starts(text) {
            let (s, e) = (m.0, m.1);
            let p = self.patterns[m.2];
            // A lower-case letter glued to an acronym is a missing space
            // (machine translation: "statedNATO"), so it counts as a boundary;
            // a short name in title case glued so is the end of a brand
            // written in camel case ("LibriVox" is not the party Vox).
            let glued = p.exact
                && text[s..e]
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                && text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase())
                && text[s..].chars().next().is_some_and(|c| c.is_uppercase());
            let before_ok = s == 0 || glued || !is_word_byte(text, s, true);
            let after_ok = e == bytes.len() || !is_word_byte(text, e, false);
            if !before_ok || !after_ok {
                continue;
            }
            let found = &text[s..e];
            let pat = &self.pattern_text[m.2];
            let ok_case = if p.exact {
                found == pat
            } else {
                // Every capitalised word of the pattern is capitalised in
                // the text ("Turkey" matches, "turkey" does not).
                found
                    .split(|c: char| !c.is_alphanumeric())
                    .zip(pat.split(|c: char| !c.is_alphanumeric()))
                    .all(|(f, p)| {
                        !p.chars().next().is_some_and(|c| c.is_uppercase())
                            || f.chars().next().is_some_and(|c| c.is_uppercase())
                    })
            };
            if ok_case {
                out.push(GazHit {
                    start: s,
                    end: e,
                    entry: p.entry,
                    contextual: p.contextual,
                });
            }
        }
        out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        // One span can be a plain alias of one entry and a contextual alias
        // of another ("Congress": the US Congress; the Indian National
        // Congress where the text names it). The contextual reading wins
        // only when its entry is named otherwise in the text; else the plain
        // one, so the order of the list decides nothing. (Rare: the set is
        // built only when two hits share a span.)
        if out
            .windows(2)
            .any(|w| w[0].start == w[1].start && w[0].end == w[1].end)
        {
            let named: FxHashSet<u32> = out
                .iter()
                .filter(|h| !h.contextual)
                .map(|h| h.entry)
                .collect();
            out.sort_by_key(|h| {
                let unbacked = h.contextual && !named.contains(&h.entry);
                (h.start, std::cmp::Reverse(h.end), unbacked)
            });
        }
        let mut kept: Vec<GazHit> = Vec::with_capacity(out.len());
        for h in out {
            if kept.last().is_none_or(|k| h.start >= k.end) {
                kept.push(h);
            }
        }
        kept
    }
}

/// Is the character just before (`before`) or at `i` part of a word?
fn is_word_byte(text: &str, i: usize, before: bool) -> bool {
    let c = if before {
        text[..i].chars().next_back()
    } else {
        text[i..].chars().next()
    };
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Matches that start where a name can start: an upper-case letter after a
/// non-letter, or after a lower-case letter (a missing space, "statedNATO").
/// Anchored searches at those few positions cost far less than scanning
/// every byte of the text; all matches at a position are returned, so a
/// rejected long one (wrong case) cannot hide a valid shorter one.
/// A few names start in lower case or with a digit ("al-Qaeda", "dpa",
/// "24 Channel"); words starting like one of them are searched too.
struct NameStarts<'a> {
    automaton: &'a AhoCorasick,
    lower_starts: &'a FxHashSet<[char; 2]>,
}

impl NameStarts<'_> {
    fn find_at_name_starts(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let upper = c.is_uppercase();
            let prev_upper = prev.is_some_and(char::is_uppercase);
            let word_start = !prev.is_some_and(char::is_alphanumeric);
            let lower_start = !upper
                && word_start
                && c.is_alphanumeric()
                && !self.lower_starts.is_empty()
                && it.peek().is_some_and(|&(_, n)| {
                    self.lower_starts.contains(&[
                        c.to_lowercase().next().unwrap_or(c),
                        n.to_lowercase().next().unwrap_or(n),
                    ])
                });
            prev = Some(c);
            if (upper && !prev_upper) || lower_start {
                let input = aho_corasick::Input::new(text)
                    .range(i..)
                    .anchored(aho_corasick::Anchored::Yes);
                let mut state = aho_corasick::automaton::OverlappingState::start();
                loop {
                    self.automaton.find_overlapping(input.clone(), &mut state);
                    match state.get_match() {
                        Some(m) => out.push((m.start(), m.end(), m.pattern().as_usize())),
                        None => break,
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_with_case_rules() {
        let lx = Lexicon::get();
        let t = "NATO met in Kiev; the Alliance and us went to the US.";
        let hits: Vec<(&str, bool)> = lx
            .find(t)
            .iter()
            .map(|h| (&t[h.start..h.end], h.contextual))
            .collect();
        assert!(hits.contains(&("NATO", false)));
        assert!(hits.contains(&("Kiev", false)));
        assert!(hits.contains(&("US", false)));
        assert!(!hits.iter().any(|(s, _)| *s == "us"));
        assert!(hits.iter().any(|(s, c)| s.ends_with("Alliance") && *c));
        assert_eq!(lx.lookup("Kyiv"), lx.lookup("Kiev"));
    }

    #[test]
    fn capitals_by_country_name_alias_and_demonym() {
        let lx = Lexicon::get();
        let name = |q: &str| lx.capital_for(q).map(|id| lx.entry(id).name.as_str());
        assert_eq!(name("Ugandan"), Some("Kampala"));
        assert_eq!(name("Ukraine's"), Some("Kyiv"));
        assert_eq!(name("Poles"), Some("Warsaw"));
        assert_eq!(name("the Netherlands"), Some("Amsterdam"));
        assert_eq!(name("United States"), Some("Washington, D.C."));
        // news names the seat of government, not GeoNames' constitutional capital
        assert_eq!(name("Bolivian"), Some("La Paz"));
        // city-states, places that are no country, unknown words
        assert_eq!(name("Singapore"), None);
        assert_eq!(name("Kyiv"), None);
        assert_eq!(name("Lorem"), None);
        let ukraine = lx.country("Ukrainian").unwrap();
        assert_eq!(lx.entry(ukraine).name, "Ukraine");
        let kyiv = lx.capital_of(ukraine).unwrap();
        assert_eq!(lx.entry(kyiv).subkind, "city");
        assert_eq!(lx.lookup("Kiev"), Some(kyiv));
        // every country with a capital column resolves it to a city row
        let countries = lx.entries.iter().filter(|e| e.subkind == "country");
        let with_capital = countries.clone().filter(|e| e.capital.is_some()).count();
        assert!(with_capital >= countries.count() - 12, "{with_capital}");
    }

    #[test]
    fn names_written_without_their_marks_are_found() {
        let lx = Lexicon::get();
        let t = "Talks in Gdansk, Zurich and Sao Paulo; a plant near Bogota.";
        let found: Vec<(&str, &str)> = lx
            .find(t)
            .iter()
            .map(|h| (&t[h.start..h.end], lx.entry(h.entry).name.as_str()))
            .collect();
        for (plain, marked) in [
            ("Gdansk", "Gdańsk"),
            ("Zurich", "Zürich"),
            ("Sao Paulo", "São Paulo"),
            ("Bogota", "Bogotá"),
        ] {
            assert!(found.contains(&(plain, marked)), "{plain}: {found:?}");
        }
        // an unmarked spelling that is a given name or an English word is
        // not searched: "Leon" is a first name before it is León, "Sale" a
        // word before it is Salé; a short one-word name ("Chù") neither
        let given = |w: &str| FxHashSet::from_iter([ascii_key(w)]);
        assert_eq!(unmarked_spelling("León", &given("Leon")), None);
        assert_eq!(unmarked_spelling("Salé", &FxHashSet::default()), None);
        assert_eq!(unmarked_spelling("Chù", &FxHashSet::default()), None);
        assert_eq!(unmarked_spelling("Kyiv", &FxHashSet::default()), None);
        assert_eq!(
            unmarked_spelling("Gdańsk", &FxHashSet::default()).as_deref(),
            Some("Gdansk")
        );
    }
}
