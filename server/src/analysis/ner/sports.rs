//! Sports reports: places and countries that stand for teams. In a sports
//! report, countries are national teams and a place named as the subject or
//! object of a result ("Dayton beat Akron") is a team; a place the document
//! once writes as a team is that team wherever it acts. A country as an
//! actor elsewhere ("France said") stays a location.
use super::cues::is_in;
use super::lexicon::Lexicon;
use super::names::{lower, word_before, Para};
use super::Candidate;
use crate::analysis::model::EntityKind;

/// Words that make a sentence a sports report's.
const SPORTS_STRONG: &[&str] = &[
    "goal",
    "goals",
    "coach",
    "league",
    "tournament",
    "quarterback",
    "striker",
    "midfielder",
    "goalkeeper",
    "playoff",
    "playoffs",
    "semi-final",
    "semifinal",
    "semi-finals",
    "touchdown",
    "halftime",
    "half-time",
    "squad",
    "cup",
    "championship",
    "innings",
    "wicket",
    "scored",
    "penalty",
    "match",
    "matches",
    "fixture",
    "qualifier",
    "qualifiers",
    "kickoff",
    "kick-off",
    "defender",
    "winger",
    "olympics",
    "medal",
    "seeded",
    "rugby",
    "football",
    "soccer",
    "basketball",
    "baseball",
    "hockey",
    "cricket",
    "tennis",
    "nba",
    "nfl",
    "fifa",
    "uefa",
];

/// Verbs and prepositions of a result: a place next to one is a team.
const RESULT_WORDS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeat",
    "defeats",
    "edged",
    "routed",
    "thrashed",
    "faced",
    "faces",
    "drew",
    "tied",
    "won",
    "lost",
    "loses",
    "eliminated",
    "knocked",
    "against",
    "vs",
    "v",
    "versus",
    "over",
    "host",
    "hosts",
    "hosted",
    "trailed",
    "led",
    "scored",
    "play",
    "played",
    "plays",
    "stun",
    "stuns",
    "stunned",
    "downed",
    "crushed",
    "sink",
    "sinks",
    "sank",
    "edge",
    "edges",
    "rout",
    "routs",
];

/// A team's people and following, after its name ("Leeds coach Martin
/// Hale", "Detroit fans"): the place before them is the team.
const TEAM_PEOPLE: &[&str] = &[
    "coach",
    "manager",
    "striker",
    "quarterback",
    "goalkeeper",
    "midfielder",
    "defender",
    "winger",
    "captain",
    "fans",
    "supporters",
    "squad",
    "players",
    "pitcher",
    "forward",
    "guard",
];

/// Words before a place that keep it a place, even in a sports report.
pub(super) const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "across",
    "throughout",
    "into",
    "of",
    "outside",
    "inside",
    "around",
    "across",
    "via",
    "toward",
    "towards",
];

/// Is this sentence about a game? A strong sports word or a score.
fn sports_sentence(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        is_in(SPORTS_STRONG, w)
            || (w.chars().all(|c| c.is_ascii_digit())
                && w.len() <= 2
                && matches!(words.get(i + 1), Some(&("–" | "-" | "—")))
                && words
                    .get(i + 2)
                    .is_some_and(|x| x.len() <= 2 && x.chars().all(|c| c.is_ascii_digit())))
    })
}

/// A score ("78-74") and a verb of victory in one sentence: a result.
fn scored_result(words: &[&str]) -> bool {
    let score = words.windows(3).any(|w| {
        let num = |x: &str| (1..=3).contains(&x.len()) && x.chars().all(|c| c.is_ascii_digit());
        num(w[0]) && matches!(w[1], "-" | "–") && num(w[2])
    });
    score
        && words.iter().any(|w| {
            matches!(
                *w,
                "beat"
                    | "beats"
                    | "defeated"
                    | "defeats"
                    | "edged"
                    | "routed"
                    | "thrashed"
                    | "downed"
            )
        })
}

/// Verbs of one side's victory over another, without a score.
const VICTORY: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeats",
    "edged",
    "routed",
    "thrashed",
    "downed",
    "upset",
    "upsets",
    "outlasted",
];

/// A word of a team's people or of victory within three words after a
/// place, or a verb of victory right before one.
fn team_cue_near_a_place(p: &Para, ts: usize, te: usize, out: &[Candidate]) -> bool {
    out.iter()
        .filter(|c| c.kind == EntityKind::Location)
        .any(|c| {
            let t0 = p.toks.partition_point(|t| t.start < c.start);
            let t1 = p.toks.partition_point(|t| t.start < c.end);
            (t0 > ts && is_in(VICTORY, lower(p, t0 - 1)))
                || (t1..(t1 + 3).min(te))
                    .any(|k| is_in(TEAM_PEOPLE, lower(p, k)) || is_in(VICTORY, lower(p, k)))
        })
}

/// "Michigan beat Ohio", "Kansas upset Texas": a verb of victory with a
/// place right before it and a place right after it.
fn victory_between_places(p: &Para, ts: usize, te: usize, out: &[Candidate]) -> bool {
    let place_ending = |end: usize| {
        out.iter()
            .any(|c| c.kind == EntityKind::Location && c.end == end)
    };
    let place_starting = |start: usize| {
        out.iter()
            .any(|c| c.kind == EntityKind::Location && c.start == start)
    };
    // "Michigan rallied to beat Ohio": the first side may stand before a
    // verb and "to".
    (ts + 1..te.saturating_sub(1)).any(|k| {
        is_in(VICTORY, lower(p, k))
            && (place_ending(p.toks[k - 1].end)
                || (k >= ts + 3 && lower(p, k - 1) == "to" && place_ending(p.toks[k - 3].end)))
            && place_starting(p.toks[k + 1].start)
    })
}

/// Does the document report a result: a verb of one and a score ("beat
/// Akron 71-64", "lost 98-94")? Then a place next to a result word or a
/// team's people ("Detroit coach") in a sentence about a game is a team,
/// although the report is too short to read as a sports report.
pub(super) fn reports_a_result(text: &str, lower_words: &rustc_hash::FxHashSet<String>) -> bool {
    const VERBS: &[&str] = &[
        "beat", "beats", "defeated", "defeats", "edged", "routed", "thrashed", "downed", "won",
        "lost", "drew",
    ];
    VERBS.iter().any(|v| lower_words.contains(*v)) && has_score(text)
}

/// A score: two numbers of one to three digits joined by a hyphen or an
/// en dash, with no digit or hyphen on either side ("71-64", "3–1").
fn has_score(text: &str) -> bool {
    let b = text.as_bytes();
    let digits_before = |mut i: usize| {
        let mut n = 0;
        while i > 0 && b[i - 1].is_ascii_digit() {
            i -= 1;
            n += 1;
        }
        (n, i)
    };
    let digits_after = |mut i: usize| {
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i - s, i)
    };
    let mut i = 0;
    while i < b.len() {
        let dash_len = if b[i] == b'-' {
            1
        } else if b[i..].starts_with("–".as_bytes()) {
            3
        } else {
            0
        };
        if dash_len > 0 {
            let (n1, s) = digits_before(i);
            let (n2, e) = digits_after(i + dash_len);
            let clear_before = s == 0 || !matches!(b[s - 1], b'-' | b'.' | b'/' | b':' | b',');
            let clear_after = e >= b.len() || !matches!(b[e], b'-' | b'/' | b'%');
            if (1..=3).contains(&n1) && (1..=3).contains(&n2) && clear_before && clear_after {
                return true;
            }
            i += dash_len;
        } else {
            i += 1;
        }
    }
    false
}

/// In a sports report (three distinct strong sports words), countries are
/// national teams unless a place preposition stands before them, and cities
/// or states next to a result word in a sentence about a game are clubs:
/// organisations either way. `doc_result`: the document reports a result
/// ([`reports_a_result`]), which opens the second rule to short reports.
pub(super) fn sports_teams(
    p: &Para,
    ts: usize,
    te: usize,
    (doc_sports, doc_result): (bool, bool),
    out: &mut [Candidate],
) {
    if te <= ts {
        return;
    }
    // A brief result ("Dayton beat Creighton 78-74") is a sports sentence
    // even in a document too short to read as a sports report. Most
    // sentences name no place: only those that do are read further.
    let has_place = out
        .iter()
        .any(|c| c.kind == EntityKind::Location && !c.contextual);
    if !has_place {
        return;
    }
    let words: Vec<&str> = (ts..te).map(|t| lower(p, t)).collect();
    let scored = scored_result(&words);
    // Outside a sports report and a scored result, only a team's own
    // cues in the sentence count: its people after it ("Oklahoma coach Bob
    // Stoops", "Alabama's quarterback") in a sentence about a game, or a
    // verb of victory between two places ("Michigan beat Ohio").
    let local_only = !doc_sports && !scored && !doc_result;
    let (s0, s1) = (p.toks[ts].start, p.toks[te - 1].end);
    // Most sentences of other news have no such cue next to a place: they
    // cost a look at a few words after each place.
    if local_only && !team_cue_near_a_place(p, ts, te, out) {
        return;
    }
    let rivals = victory_between_places(p, ts, te, out);
    let in_sports = scored || rivals || sports_sentence(&words);
    if local_only && !in_sports {
        return;
    }
    let lx = Lexicon::get();
    // A contextual short form ("Korea") waits for the document: it is the
    // team only if the document names that team ([`teams_throughout`]).
    for c in out
        .iter_mut()
        .filter(|c| c.kind == EntityKind::Location && !c.contextual && c.start >= s0 && c.end <= s1)
    {
        // "Appalachian State", "Boise State": a name ending in "State"
        // that no gazetteer knows is a college's team in a sports sentence.
        let college = c.gaz.is_none()
            && p.text[c.start..c.end]
                .rsplit_once(' ')
                .is_some_and(|(_, last)| last == "State");
        let Some(sub) = c
            .gaz
            .map(|g| lx.entry(g).subkind.as_str())
            .or(college.then_some("college"))
        else {
            continue;
        };
        let t0 = p.toks.partition_point(|t| t.start < c.start);
        let t1 = p.toks.partition_point(|t| t.start < c.end);
        let prev = (t0 > ts).then(|| lower(p, t0 - 1));
        let prev2 = (t0 > ts + 1).then(|| lower(p, t0 - 2));
        let next = (t1 < te).then(|| lower(p, t1));
        if prev.is_some_and(|w| is_in(PLACE_PREPS, w)) {
            continue;
        }
        // "travelled to Sweden" is a place; "lost to England" a team.
        if prev == Some("to")
            && !prev2.is_some_and(|w| matches!(w, "lost" | "lose" | "fell" | "losing"))
        {
            continue;
        }
        let result_next = next.is_some_and(|w| {
            is_in(RESULT_WORDS, w) || is_in(TEAM_PEOPLE, w) || w == "'s" || w == "’s"
        });
        let result_prev = prev.is_some_and(|w| is_in(RESULT_WORDS, w) || w == "to");
        if local_only {
            let people_next = next.is_some_and(|w| is_in(TEAM_PEOPLE, w))
                || (matches!(next, Some("'s" | "’s"))
                    && (t1 + 1 < te)
                    && is_in(TEAM_PEOPLE, lower(p, t1 + 1)));
            let after_rival =
                |k: usize| k + 2 < te && lower(p, k + 1) == "to" && is_in(VICTORY, lower(p, k + 2));
            let rival = rivals
                && (next.is_some_and(|w| is_in(VICTORY, w))
                    || prev.is_some_and(|w| is_in(VICTORY, w))
                    || (t1 < te && after_rival(t1)));
            if matches!(sub, "city" | "state" | "region" | "country") && (people_next || rival) {
                c.kind = EntityKind::Organization;
                c.gaz = None;
            }
            continue;
        }
        let team = match sub {
            // A sports report names countries as teams throughout ("England
            // had better ball possession"); "in Russia" is still a place.
            "country" => doc_sports || (in_sports && (result_next || result_prev)),
            "city" | "state" | "region" => in_sports && (result_next || result_prev),
            "college" => in_sports && (doc_sports || result_next || result_prev),
            _ => false,
        };
        if team {
            c.kind = EntityKind::Organization;
            c.gaz = None;
        }
    }
}

/// Words only a report on a team sport uses; "match", "medal" or "coach"
/// also turn up in reports on contests of other kinds.
const TEAM_SPORT: &[&str] = &[
    "goal",
    "goals",
    "goalkeeper",
    "striker",
    "midfielder",
    "defender",
    "winger",
    "quarterback",
    "touchdown",
    "halftime",
    "half-time",
    "innings",
    "wicket",
    "league",
    "football",
    "soccer",
    "rugby",
    "basketball",
    "baseball",
    "hockey",
    "cricket",
    "fifa",
    "uefa",
    "nba",
    "nfl",
    "playoff",
    "playoffs",
    "kickoff",
    "kick-off",
    "equaliser",
    "equalizer",
    "penalty",
    "interception",
    "interceptions",
    "touchdowns",
    "linebacker",
    "fumble",
    "inning",
    "pitcher",
    "shortstop",
    "outfielder",
    "homer",
    "homered",
    "puck",
    "goaltender",
    "three-pointer",
    "three-pointers",
    "layup",
    "nhl",
    "mlb",
    "ncaa",
    "mls",
    "hat-trick",
    "goalless",
];

/// Does the document read as a report on a team sport (three distinct
/// words only such reports use)?
pub(super) fn is_sports_doc<'a>(lowers: impl Iterator<Item = &'a str>) -> bool {
    lowers.filter(|w| is_in(TEAM_SPORT, w)).take(3).count() >= 3
}

/// In a sports report, a place the document once writes as a team (a
/// result word next to it: "lost to England", "England won") is the team
/// wherever it stands as an actor ("England had better ball possession"),
/// not only next to a result word; after a place preposition it stays a
/// place ("the stadium in Kazan").
pub(super) fn teams_throughout(text: &str, out: &mut [Candidate], doc_sports: bool) {
    use crate::analysis::text::fold::ascii_key;
    if !doc_sports {
        return;
    }
    let lx = Lexicon::get();
    let teams: rustc_hash::FxHashSet<String> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && c.kb.is_none())
        .map(|c| &text[c.start..c.end])
        .filter(|t| {
            lx.lookup(t)
                .is_some_and(|g| lx.entry(g).kind == EntityKind::Location)
        })
        .map(ascii_key)
        .collect();
    if teams.is_empty() {
        return;
    }
    for c in out
        .iter_mut()
        .filter(|c| c.kind == EntityKind::Location && c.kb.is_none())
    {
        // "Korea" for the "South Korea" the report names as a team.
        let short_of_team = c.contextual
            && c.gaz
                .is_some_and(|g| teams.contains(&ascii_key(&lx.entry(g).name)));
        if !teams.contains(&ascii_key(&text[c.start..c.end])) && !short_of_team {
            continue;
        }
        let prev = word_before(text, c.start);
        if is_in(PLACE_PREPS, &prev) {
            continue;
        }
        c.kind = EntityKind::Organization;
        c.gaz = None;
        c.contextual = false;
    }
}

/// The nickname a team's full name ends in ("Patriots" of "New England
/// Patriots", "Hawks" of "Springfield Hawks"): a plural word after a known
/// place. Reports call the team by it alone, although it is an English
/// word, so the document and folder learn it from the full name. Any
/// case: the caller checks the name is capitalised.
pub fn team_nickname(parts: &[&str]) -> Option<String> {
    use crate::analysis::text::fold::ascii_key;
    let (last, place) = parts.split_last()?;
    if place.is_empty() || !nickname_shape(last) {
        return None;
    }
    let lx = Lexicon::get();
    let known_place = lx
        .lookup(&place.join(" "))
        .is_some_and(|g| lx.entry(g).kind == EntityKind::Location);
    (known_place || place_named_by_head(place)).then(|| ascii_key(last))
}

/// A plural that can be a team's nickname: not an acronym, a head of a
/// body or a place, a building's or a company's word.
fn nickname_shape(last: &str) -> bool {
    // "Santa Fe SUVs": a plural acronym names things, not a team.
    let plural = last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && last.chars().all(char::is_alphabetic)
        && last[1..last.len() - 1].chars().any(char::is_lowercase);
    let lw = last.to_lowercase();
    !(!plural
        || is_in(super::cues::ORG_HEADS, &lw)
        || is_in(super::cues::PLACE_HEADS, &lw)
        // "Century City Towers", "Gardens", "Apartments": buildings.
        || is_in(super::cues::PLACE_HEADS, &lw[..lw.len() - 1])
        || matches!(lw.as_str(), "gardens" | "apartments" | "homes" | "estates" | "heights")
        || super::company::COMPANY_HEADS.contains(&lw.as_str()))
}

/// "Greenfield Hawks", "Hartwell Raiders": a word no list knows, then a
/// plural nickname, whose nickname alone stands for the team in a sports
/// report (the caller knows it is one). Trades' plurals ("Quillon
/// Dairies") and heads are no nicknames.
pub fn nickname_after_unknown_town(parts: &[&str]) -> Option<String> {
    use super::common_words::is_english_word;
    use crate::analysis::text::fold::ascii_key;
    let [town, nick] = parts else {
        return None;
    };
    let lt = town.to_lowercase();
    let ln = nick.to_lowercase();
    let lx = Lexicon::get();
    let trade = matches!(
        ln.as_str(),
        "dairies" | "kitchens" | "farms" | "foods" | "brands" | "stores" | "supplies"
    );
    (!is_english_word(&lt)
        && !lx.is_given_name(town)
        && lx.lookup(&lt).is_none()
        && !trade
        && nickname_shape(nick))
    .then(|| ascii_key(nick))
}

/// "Carver City", "Golden State", "Tampa Bay": a place's name that says
/// what kind of place it is, known to no gazetteer.
fn place_named_by_head(place: &[&str]) -> bool {
    place.len() >= 2
        && place.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "city" | "state" | "county" | "bay" | "valley"
            )
        })
}

/// "the Carver City Rams": a place named by its head, then a plural
/// nickname, is a team (an organisation), not a person.
pub(super) fn team_after_place_head(p: &Para, a: usize, b: usize) -> bool {
    let words: Vec<&str> = (a..b).map(|k| super::names::word(p, k)).collect();
    words.len() >= 3
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && place_named_by_head(&words[..words.len() - 1])
        && team_nickname(&words).is_some()
}

/// "Boston Red Sox", "the Altoona Curve", "Hartwell Raiders quarterback":
/// a team's name is a town, state or region and a nickname of one or two
/// words. Read whole as the team (not the place with a stray word after
/// it, nor a person) in a team-sport report, or in a sports sentence when the
/// nickname is a plural ("Raiders", "Sox") or the team's people follow.
/// Without a known place, a plural nickname needs the team's people or a
/// verb of victory next to it.
pub(super) fn team_after_place(p: &Para, a: usize, b: usize, ts: usize, te: usize) -> bool {
    use super::names::{gaz_at, word};
    if b < a + 2 || b > a + 5 || p.title_case {
        return false;
    }
    let capitalised = |k: usize| {
        let w = word(p, k);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
    };
    if !(a..b).all(capitalised) {
        return false;
    }
    let lx = Lexicon::get();
    let place_len = gaz_at(p, a, b)
        .filter(|&(gi, _)| {
            let e = lx.entry(p.gaz[gi].entry);
            e.kind == EntityKind::Location
                && matches!(e.subkind.as_str(), "city" | "state" | "region")
                && !p.gaz[gi].contextual
        })
        .map(|(_, n)| n);
    let nick_start = a + place_len.unwrap_or(1);
    if nick_start >= b || b - nick_start > 2 {
        return false;
    }
    let nick: Vec<String> = (nick_start..b).map(|k| lower(p, k).to_string()).collect();
    let last = nick.last().map(String::as_str).unwrap_or("");
    let heads_or_known = nick.iter().any(|w| {
        is_in(super::cues::ORG_HEADS, w)
            || is_in(super::cues::PLACE_HEADS, w)
            || is_in(super::cues::ORG_LEADS, w)
            || super::company::COMPANY_HEADS.contains(&w.as_str())
            || is_in(TEAM_PEOPLE, w)
            || is_in(CONTESTS, w)
    }) || (nick_start..b).any(|k| gaz_at(p, k, b).is_some());
    if heads_or_known {
        return false;
    }
    let plural = (last.len() > 3 && last.ends_with('s') && !last.ends_with("ss")) || last == "sox";
    let next = (b < te).then(|| lower(p, b));
    let prev = (a > ts).then(|| lower(p, a - 1));
    let people_next = next.is_some_and(|w| is_in(TEAM_PEOPLE, w))
        || (matches!(next, Some("'s" | "\u{2019}s"))
            && b + 1 < te
            && is_in(TEAM_PEOPLE, lower(p, b + 1)));
    let victory =
        next.is_some_and(|w| is_in(VICTORY, w)) || prev.is_some_and(|w| is_in(VICTORY, w));
    if place_len.is_none() {
        // "Hartwell Raiders": no known place, so only the team's own cues.
        return plural && (people_next || victory) && !is_in(PLACE_PREPS, prev.unwrap_or(""));
    }
    // A town that is also a given name before a word no list knows is as
    // often a player ("Austin Dillon"): only a plural nickname or the
    // team's cues make it a team.
    let given = lx.is_given_name(word(p, a));
    people_next
        || victory
        || (p.team_sport && !given)
        || (plural && {
            let words: Vec<&str> = (ts..te).map(|t| lower(p, t)).collect();
            sports_sentence(&words) || scored_result(&words)
        })
}

/// Contests named after their town ("the Boston Marathon", "the Phoenix
/// Open"): events, no teams.
const CONTESTS: &[&str] = &[
    "marathon",
    "open",
    "classic",
    "games",
    "derby",
    "invitational",
    "series",
    "cup",
    "grand",
    "prix",
    "championship",
    "championships",
    "masters",
    "regatta",
    "rodeo",
    "democrats",
    "republicans",
];

/// A verb of victory right before or after `[a, b)`, "lost to" before it,
/// or the team's people after it ("Macon quarterback", "Macon's coach").
pub(super) fn team_cue_around(p: &Para, a: usize, b: usize, ts: usize, te: usize) -> bool {
    let next = (b < te).then(|| lower(p, b));
    let prev = (a > ts).then(|| lower(p, a - 1));
    let prev2 = (a > ts + 1).then(|| lower(p, a - 2));
    next.is_some_and(|w| is_in(VICTORY, w) || is_in(TEAM_PEOPLE, w))
        || (matches!(next, Some("'s" | "\u{2019}s"))
            && b + 1 < te
            && is_in(TEAM_PEOPLE, lower(p, b + 1)))
        || prev.is_some_and(|w| is_in(VICTORY, w))
        || (matches!(next, Some("lost" | "fell")) && b + 1 < te && lower(p, b + 1) == "to")
        || (prev == Some("to") && prev2.is_some_and(|w| matches!(w, "lost" | "lose" | "fell")))
}

/// "the Celtics pulled away", "The Yankees beat Toronto": in a report on a
/// team sport, a capitalised plural after "the" is a team's nickname even
/// when the report never gives the team's full name (not a nationality,
/// a party's members, a contest or a place: "the Americans", "the
/// Democrats", "the Games", "in the Rockies").
pub(super) fn lone_nickname(p: &Para, a: usize, b: usize) -> bool {
    if !p.team_sport || b != a + 1 || a == 0 || lower(p, a - 1) != "the" {
        return false;
    }
    // "in the Rockies", "across the Balkans": a place.
    if a >= 2 && is_in(PLACE_PREPS, lower(p, a - 2)) {
        return false;
    }
    let w = super::names::word(p, a);
    let lw = lower(p, a);
    let lx = Lexicon::get();
    nickname_shape(w)
        && !is_in(CONTESTS, lw)
        && !lx.demonyms.contains_key(lw)
        && !lx.demonyms.contains_key(&lw[..lw.len() - 1])
        && lx.lookup(w).is_none()
        && !lx.is_given_name(&w[..w.len() - 1])
}
