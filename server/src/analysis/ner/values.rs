//! Value mentions: dates, money amounts and quantities, found with regular
//! grammars over the text. Each match becomes a mention with
//! [`MentionForm::Value`]; the claim layer parses the values themselves.
use regex::Regex;
use std::sync::LazyLock;

use crate::analysis::model::EntityKind;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?x)
        \b\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)\d{{2}}(?:,?\s+\d{{1,2}}:\d{{2}})?\b      # 04/02/2024, 23:30
      | \b(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}\b                                            # 2024-02-04
      | \b(?:{wd},?\s+)?{m}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?\b     # December 17, 2024
      | \b(?:{wd},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{m}(?:,?\s+(?:19|20)\d{{2}})?\b  # 17 December 2024
      | \b(?:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+|(?:early|mid|late)[-\s])?{m}\s+(?:19|20)\d{{2}}\b  # February 2024
      | \b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|mid|late)[-\s])(?:{m}|(?:19|20)\d{{2}})\b  # end of 2022, end of March
      | \b(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:19|20)\d0s\b                           # the late 1990s
      | \b(?:in|since|from|until|till|by|of|before|after|during|early|late|mid-|summer|spring|autumn|fall|winter)\s+(?:19|20)\d{{2}}\b  # in 2024
      | \b(?:in|on|since|until|till|by|from|of|last|next|early|late|mid-|this|before|after|during|between)\s+(?:January|February|March|April|June|July|August|September|October|November|December)(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d{{2}})?\b  # in November
      | \b{wd}\b
      | \b(?:last|next|this|previous|coming)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter)\b
      | \b(?:yesterday|tomorrow)\b
      | \b(?:Q[1-4]|H[12])\s+(?:19|20)\d{{2}}\b",
        m = MONTH,
        wd = WEEKDAY
    );
    Regex::new(&re).unwrap()
});

/// Scale words in any case ("£60MILLION"), Indian "lakh" and "crore", and
/// the abbreviations written against the number.
const SCALE: &str = r"(?:(?i:thousand|million|billion|trillion|lakhs?|crores?)|bn|mn|mln|m|k|tn)";
const CURRENCY_WORD: &str = r"(?:(?:[A-Z][a-z]+\s+)?(?:dollars?|euros?|pounds?(?:\s+sterling)?|roubles?|rubles?|hryvnias?|hryvnia|yuan|yen|francs?|rupees?|zlotys?|zloty|lira|shekels?|won|shillings?|rand|reais|real|pesos?|kronor|krona|kroner|krone|naira|dirhams?|riyals?|lei|forints?)|USD|EUR|GBP|UAH|RUB|PLN|CHF|JPY|CNY|AUD|CAD|NZD|INR|KES|ZAR|SEK|NOK|DKK|HUF|CZK|RON|BRL|MXN|TRY|KRW|SGD|HKD)";

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?x)
        (?:\b(?:nearly|almost|about|around|approximately|roughly|some|over|more\s+than|less\s+than|up\s+to|at\s+least|an\s+estimated)\s+)?
        (?:
            (?:(?:US\s?|A|AU|C|CA|HK|NZ|S|SG|NT|R|MX)?[$€£¥₴₽₹₩₦₱₪]|\b(?:USD|EUR|GBP|INR|AUD|CAD|NZD|CHF|JPY|CNY|RMB|KES|KSh|Sh|Rs\.?)\s?)\d[\d,]*(?:\.\d+)?(?:\s?{s}\b)?
          | \b\d[\d,]*(?:\.\d+)?(?:\s?{s})?\s+{c}\b
          | \b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|several|hundreds\s+of|tens\s+of)\s+(?:thousand|million|billion|trillion)\s+{c}\b
        )
        (?:\s+(?:annually|a\s+year|per\s+year|a\s+month|per\s+month|per\s+annum))?",
        s = SCALE,
        c = CURRENCY_WORD
    );
    Regex::new(&re).unwrap()
});

const NUMBER_WORD: &str = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a\s+dozen|dozens|hundreds|thousands|millions|tens)";

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?x)
        (?:\b(?:nearly|almost|about|around|approximately|roughly|some|over|more\s+than|fewer\s+than|less\s+than|up\s+to|at\s+least|at\s+most|an\s+estimated|just\s+over|just\s+under|under|only)\s+)?
        (?:
            \b\d[\d,]*(?:\.\d+)?\s?(?:%|percent|per\s+cent)                        # 2%, 40 percent
          | \b\d[\d,]*(?:\.\d+)?-strong\s+[a-z]+                                   # 300-strong unit
          | (?:\b\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|lakh|crore)|(?:m|bn|k)\b)?|\b{nw}(?:\s+(?:of\s+)?(?:thousand|million|billion|lakh|crore|thousands|millions))?)
            (?:\s+of)?\s+(?:[a-z]+-)?(?:{units})\b
        )",
        nw = NUMBER_WORD,
        units = UNITS
    );
    Regex::new(&re).unwrap()
});

/// Counted nouns that make a number a quantity worth marking (a plain
/// number is too often a page number, a time or a score).
const UNITS: &str = r"countries|nations|states|members|allies|people|persons|civilians|residents|citizens|soldiers|troops|servicemen|fighters|officers|personnel|staff|employees|workers|jobs|deaths|dead|casualties|victims|refugees|children|women|men|students|prisoners|hostages|tanks|missiles|rockets|drones|aircraft|jets|planes|helicopters|ships|vessels|warships|vehicles|weapons|guns|rounds|shells|systems|launchers|batteries|brigades|battalions|divisions|units|bases|cities|towns|villages|regions|kilometers|kilometres|km|miles|meters|metres|feet|tons|tonnes|barrels|cubic\s+meters|votes|seats|cases|years|months|weeks|days|hours|minutes|decades|times|percent|points|companies|banks|firms|projects|schools|hospitals|homes|houses|buildings|sanctions|packages|agreements|delegates|leaders|ministers|senators|lawmakers|deputies|judges|journalists|users|customers|votes|kilograms|kg";

const LEADING_PREPS: &[&str] = &[
    "in", "on", "since", "until", "till", "by", "from", "of", "before", "after", "during",
    "between",
];

pub struct ValueMatch {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// All value mentions in `text[start..end]`, non-overlapping, money before
/// quantity before date when they overlap.
pub fn find_values(text: &str, start: usize, end: usize, out: &mut Vec<ValueMatch>) {
    let s = &text[start..end];
    let first = out.len();
    for (re, kind) in [
        (&*MONEY, EntityKind::Money),
        (&*DATE, EntityKind::Date),
        (&*QUANTITY, EntityKind::Quantity),
    ] {
        for m in re.find_iter(s) {
            let (mut a, b) = (start + m.start(), start + m.end());
            // Prepositions matched as context are not part of the mention.
            if kind == EntityKind::Date {
                let t = &text[a..b];
                if let Some(sp) = t.find(' ') {
                    if LEADING_PREPS.contains(&&t[..sp]) {
                        a += sp + 1;
                    }
                }
            }
            if out[first..].iter().any(|v| a < v.end && v.start < b) {
                continue;
            }
            out.push(ValueMatch {
                start: a,
                end: b,
                kind,
            });
        }
    }
    out[first..].sort_by_key(|v| v.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<(&str, EntityKind)> {
        let mut v = Vec::new();
        find_values(s, 0, s.len(), &mut v);
        v.iter().map(|m| (&s[m.start..m.end], m.kind)).collect()
    }

    #[test]
    fn finds_news_values() {
        use EntityKind::*;
        assert_eq!(
            values("NATO may start 04/02/2024, 23:30 with nearly 50 countries and 40 billion euros annually."),
            vec![("04/02/2024, 23:30", Date), ("nearly 50 countries", Quantity), ("40 billion euros annually", Money)]
        );
        assert_eq!(
            values("At the end of 2022, they set up a 300-strong unit; on December 17 Reuters said; since February 2024; 13 June."),
            vec![("the end of 2022", Date), ("300-strong unit", Quantity), ("December 17", Date), ("February 2024", Date), ("13 June", Date)]
        );
        assert_eq!(
            values("at least 2% of GDP and $1.5bn"),
            vec![("at least 2%", Quantity), ("$1.5bn", Money)]
        );
        assert_eq!(
            values("the late 1990s and the 32 countries"),
            vec![("the late 1990s", Date), ("32 countries", Quantity)]
        );
        assert!(values("May I ask you, Mark?").is_empty());
        assert_eq!(
            values("Kenya will pay Sh47.4 billion, a £60MILLION deal, 11 lakh people and 5.4m customers; NZ$190 million and 2 billion Australian dollars."),
            vec![("Sh47.4 billion", Money), ("£60MILLION", Money), ("11 lakh people", Quantity), ("5.4m customers", Quantity), ("NZ$190 million", Money), ("2 billion Australian dollars", Money)]
        );
    }
}
