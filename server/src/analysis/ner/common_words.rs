//! English words that are capitalised only because they start a sentence or
//! a headline, and never name anything on their own. A capitalised run that
//! starts with one of these loses it.
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

const WORDS: &str = "a about above according accordingly across actually after afterwards again against ago \
all almost along already also although always among amid an and another any anyone anything apparently are \
around as asked at away back be because been before being below besides between both but by can cannot \
could currently despite did do does doing done down during each earlier either else elsewhere enough even \
eventually ever every everyone everything except few finally first following for formerly from further \
furthermore given had has have having he hence her here hers herself him himself his how however i if in \
including indeed initially instead into is it its itself just last lastly later latest least less let like \
likewise many may maybe me meanwhile might more moreover most mostly much must my myself namely neither never \
nevertheless new next no nobody none nor not nothing now of off often on once one only onto or other others \
otherwise our ours ourselves out over overall per perhaps please previously rather recently regarding same \
second several shall she should since so some somehow someone something sometimes soon still such than that \
the their theirs them themselves then thence there thereafter thereby therefore these they third this those \
though through throughout thus to today together tomorrow too toward towards under unless unlike until up \
upon us very via was we well were what whatever when whenever where whereas whether which while who whoever \
whole whom whose why will with within without would yes yesterday yet you your yours yourself \
ahead altogether anyway besides certainly clearly consequently especially essentially fortunately hopefully \
importantly interestingly ironically luckily naturally notably obviously officially originally particularly \
possibly presumably reportedly separately similarly specifically subsequently surprisingly ultimately \
unfortunately additionally alternatively basically briefly generally historically increasingly \
breaking exclusive update updated live watch read source sources photo video opinion analysis editorial \
here's there's it's that's what's let's don't doesn't didn't can't won't isn't aren't wasn't weren't \
many several dozens hundreds thousands millions billions some most all both half nearly roughly \
mr mrs ms dr \
monday tuesday wednesday thursday friday saturday sunday \
say says said tell tells told report reports reported add adds added note notes noted";

static SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| WORDS.split_whitespace().collect());

pub fn is_common(word_lower: &str) -> bool {
    SET.contains(word_lower)
}

static ENGLISH: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/english_words.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect()
});

/// One of the 12,000 most frequent English words (lower case), see
/// `server/data/README.md`. Names that are also words ("Mark", "Trump")
/// are in it too, so this only ever vetoes a *guess*, never a cue.
pub fn is_english_word(word_lower: &str) -> bool {
    ENGLISH.contains(word_lower)
}

static RANK: LazyLock<rustc_hash::FxHashMap<&'static str, usize>> = LazyLock::new(|| {
    include_str!("../../../data/english_words.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, w)| (w, i))
        .collect()
});

/// One of the 3,000 most frequent English words: a name rarer than that
/// ("Barack", "Gloria") is not taken for an ordinary word.
pub fn is_frequent_word(word_lower: &str) -> bool {
    RANK.get(word_lower).is_some_and(|&r| r < 3000)
}

/// One of the 1,500 most frequent English words ("united", "general",
/// "national"), more often an ordinary word than a name even where the
/// 3,000 of [`is_frequent_word`] take in names ("Ford", "Apple").
pub fn is_very_frequent_word(word_lower: &str) -> bool {
    RANK.get(word_lower).is_some_and(|&r| r < 1500)
}
