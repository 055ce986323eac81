//! Words that name a faith, a branch of one, or a people ("Muslim",
//! "Shiite", "Sunni Arab", "Lebanese Shiite"): they describe groups of
//! people, as nationality adjectives do, and are no person, organisation or
//! place on their own. A name made only of such words and nationality
//! adjectives is no mention ("a Shiite Muslim cleric", "Sunni Arab
//! insurgents"); one with any other word keeps it ("the Muslim
//! Brotherhood", "Arab League").
use super::lexicon::Lexicon;
use super::Candidate;

/// Faiths, their branches and followers, and peoples that are no
/// nationality of a country (those are the gazetteer's demonyms).
const GROUP_WORDS: &[&str] = &[
    "muslim",
    "muslims",
    "moslem",
    "moslems",
    "islamic",
    "islamist",
    "islamists",
    "shiite",
    "shiites",
    "shia",
    "shias",
    "shi'ite",
    "shi'ites",
    "sunni",
    "sunnis",
    "alawite",
    "alawites",
    "druze",
    "salafi",
    "salafist",
    "wahhabi",
    "arab",
    "arabs",
    "kurd",
    "kurds",
    "pashtun",
    "pashtuns",
    "tajik",
    "uzbek",
    "hazara",
    "baloch",
    "berber",
    "berbers",
    "jewish",
    "jew",
    "jews",
    "hindu",
    "hindus",
    "sikh",
    "sikhs",
    "buddhist",
    "buddhists",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "evangelical",
    "evangelicals",
    "mormon",
    "mormons",
    "orthodox",
    "coptic",
    "copts",
    "anglican",
    "anglicans",
    "lutheran",
    "lutherans",
    "methodist",
    "methodists",
    "latino",
    "latinos",
    "latina",
    "hispanic",
    "hispanics",
];

/// Whether `word` (any case) names a faith, a people or a nationality.
pub(super) fn is_group_word(word: &str) -> bool {
    let l = word.to_lowercase();
    GROUP_WORDS.contains(&l.as_str()) || Lexicon::get().demonyms.contains_key(&l)
}

/// A candidate no gazetteer knows whose every word names a group of
/// people: a description, not a name.
pub(super) fn only_group_words(text: &str, c: &Candidate) -> bool {
    c.gaz.is_none()
        && c.kb.is_none()
        && text[c.start..c.end]
            .split(|ch: char| ch.is_whitespace() || ch == '-')
            .filter(|w| !w.is_empty())
            .all(is_group_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::EntityKind;

    #[test]
    fn faiths_and_peoples_alone_are_no_names() {
        let t = "A Shiite Muslim cleric met Sunni Arab leaders and the Muslim Brotherhood.";
        let at = |s: &str| {
            let i = t.find(s).unwrap();
            Candidate::new(i, i + s.len(), EntityKind::Person, 0.5)
        };
        assert!(only_group_words(t, &at("Shiite Muslim")));
        assert!(only_group_words(t, &at("Sunni Arab")));
        assert!(!only_group_words(t, &at("Muslim Brotherhood")));
    }
}
