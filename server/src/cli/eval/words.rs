//! Word lists for the named-mention rule in [`super::gold`]. Short on
//! purpose: they only decide which gold mentions are scored.

/// Pronouns and quantifiers that stand for an entity without naming it.
#[rustfmt::skip]
pub const PRONOUNS: &[&str] = &[
    "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "he", "him", "his",
    "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our",
    "ours", "ourselves", "they", "them", "their", "theirs", "themselves", "who", "whom",
    "whose", "which", "that", "this", "these", "those", "one", "someone", "everyone", "anyone",
    "nobody", "all", "both", "each", "some", "many", "most", "none", "other", "others",
    "another",
];

/// Words that may stay lower-case inside a proper name.
#[rustfmt::skip]
pub const FUNCTION_WORDS: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "at", "to", "a", "an", "by", "with", "from", "de",
    "del", "della", "da", "di", "du", "des", "la", "le", "les", "van", "von", "der", "den",
    "al", "el", "bin", "y", "e", "'s", "'", "s", "&", "n't",
];

/// Heads that make a noun phrase a role description, not a name.
#[rustfmt::skip]
pub const ROLE_WORDS: &[&str] = &[
    "ceo", "president", "chairman", "chairwoman", "chair", "chief", "executive", "minister",
    "spokesman", "spokeswoman", "spokesperson", "director", "secretary", "governor", "senator",
    "mayor", "king", "queen", "prince", "pope", "general", "commander", "officer", "founder",
    "head", "leader", "manager", "analyst", "chancellor", "premier", "judge", "official",
    "officials", "cofounder", "co-founder", "cfo", "coo", "cto", "vice-president",
];

/// Nationality adjectives the suffix test in `gold` misses.
#[rustfmt::skip]
pub const DEMONYMS: &[&str] = &[
    "french", "dutch", "greek", "thai", "swiss", "iraqi", "israeli", "pakistani", "afghan",
    "arab", "kuwaiti", "saudi", "welsh", "scots", "czech", "uzbek", "kazakh", "somali",
    "yemeni", "bangladeshi", "nepali", "omani", "qatari", "emirati",
];
