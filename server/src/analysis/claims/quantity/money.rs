//! Currencies as ISO 4217 codes: symbols with their country prefixes
//! ("US$", "A$", "HK$", "C$"), codes ("USD 5 million", "5m EUR"), names
//! after the number with their nationality ("Australian dollars", "Swiss
//! francs", "pounds sterling"). A bare "$" is the US dollar: news writes
//! the prefix for every other dollar.
use crate::analysis::claims::dates::tokens::Tok;

/// Symbols, alone.
pub fn symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₴" => "UAH",
        "₺" => "TRY",
        "₦" => "NGN",
        "₱" => "PHP",
        "₪" => "ILS",
        "₫" => "VND",
        "₿" => "BTC",
        _ => return None,
    })
}

/// Letters written against "$": "US$", "A$", "HK$".
pub fn dollar_prefix(p: &str) -> Option<&'static str> {
    Some(match p {
        "US" | "U.S." | "USD" => "USD",
        "A" | "AU" | "AUD" => "AUD",
        "C" | "CA" | "Can" | "CAD" => "CAD",
        "HK" | "HKD" => "HKD",
        "NZ" | "NZD" => "NZD",
        "S" | "SG" | "SGD" => "SGD",
        "R" => "BRL",
        "NT" => "TWD",
        "MX" | "Mex" => "MXN",
        "Z" => "ZWL",
        _ => return None,
    })
}

/// ISO codes and abbreviations written before or after a number.
pub fn code(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "INR" | "Rs" => "INR",
        "RUB" => "RUB",
        "UAH" => "UAH",
        "PLN" => "PLN",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "NZD" => "NZD",
        "BRL" => "BRL",
        "MXN" => "MXN",
        "ZAR" => "ZAR",
        "TRY" => "TRY",
        "KRW" => "KRW",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "CZK" => "CZK",
        "HUF" => "HUF",
        "ILS" => "ILS",
        "AED" => "AED",
        "SAR" => "SAR",
        "NGN" => "NGN",
        "EGP" => "EGP",
        "KES" | "KSh" | "Sh" | "Ksh" => "KES",
        "UGX" => "UGX",
        "TZS" => "TZS",
        _ => return None,
    })
}

/// Currency names after a number; `nation` is the word before the name
/// ("Australian dollars").
pub fn name(w: &str, nation: Option<&str>) -> Option<&'static str> {
    let n = nation.map(|s| s.to_ascii_lowercase());
    let n = n.as_deref();
    Some(match w {
        "dollar" | "dollars" => match n {
            Some("australian") => "AUD",
            Some("canadian") => "CAD",
            Some("kong") => "HKD",
            Some("zealand") => "NZD",
            Some("singapore") => "SGD",
            Some("taiwan" | "taiwanese") => "TWD",
            Some("zimbabwe" | "zimbabwean") => "ZWL",
            _ => "USD",
        },
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => match n {
            Some("egyptian") => "EGP",
            _ => "GBP",
        },
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupee" | "rupees" => match n {
            Some("pakistani") => "PKR",
            Some("sri") | Some("lankan") => "LKR",
            _ => "INR",
        },
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" => "UAH",
        "zloty" | "zlotys" | "zlotych" => "PLN",
        "franc" | "francs" => "CHF",
        "won" => "KRW",
        "lira" | "liras" => "TRY",
        "rand" => "ZAR",
        "peso" | "pesos" => match n {
            Some("philippine") => "PHP",
            Some("argentine" | "argentinian") => "ARS",
            Some("colombian") => "COP",
            Some("chilean") => "CLP",
            _ => "MXN",
        },
        "real" | "reais" => "BRL",
        "shekel" | "shekels" => "ILS",
        "dirham" | "dirhams" => "AED",
        "riyal" | "riyals" => "SAR",
        "naira" => "NGN",
        // East African shillings; "Sh" alone is the Kenyan one in Kenyan
        // papers, the most common in news.
        "shilling" | "shillings" => match n {
            Some("ugandan") => "UGX",
            Some("tanzanian") => "TZS",
            Some("somali") => "SOS",
            _ => "KES",
        },
        "krona" | "kronor" => "SEK",
        "krone" | "kroner" => match n {
            Some("danish") => "DKK",
            _ => "NOK",
        },
        "bitcoin" | "bitcoins" => "BTC",
        _ => return None,
    })
}

/// A currency written before a number at token `i`: "$", "US$", "USD",
/// "Rs.", "€". Returns (code, next).
pub fn prefix_at(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    if let Some(c) = symbol(t.text) {
        return Some((c, i + 1));
    }
    if t.is_word() {
        // "US$", "HK$": letters against the symbol.
        if let Some(s) = toks
            .get(i + 1)
            .filter(|s| !s.space_before && s.is_punct('$'))
        {
            let _ = s;
            return dollar_prefix(t.text).map(|c| (c, i + 2));
        }
        // "U.S.$"
        if t.text == "U" {
            let seq: Vec<&str> = toks.get(i..i + 5)?.iter().map(|t| t.text).collect();
            if seq == ["U", ".", "S", ".", "$"] {
                return Some(("USD", i + 5));
            }
        }
        if let Some(c) = code(t.text) {
            // "Rs. 500"
            let k = match toks.get(i + 1) {
                Some(d) if d.is_punct('.') && !d.space_before => i + 2,
                _ => i + 1,
            };
            return Some((c, k));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::claims::dates::tokens::tokenize;

    #[test]
    fn prefixes_and_names() {
        for (s, c) in [
            ("$5", "USD"),
            ("US$334", "USD"),
            ("A$5", "AUD"),
            ("HK$10", "HKD"),
            ("C$2", "CAD"),
            ("€1.2", "EUR"),
            ("£3", "GBP"),
            ("USD 5", "USD"),
            ("Rs. 500", "INR"),
            ("U.S.$5", "USD"),
        ] {
            let toks = tokenize(s, 0, s.len());
            assert_eq!(prefix_at(&toks, 0).map(|x| x.0), Some(c), "{s}");
        }
        assert_eq!(name("dollars", Some("Australian")), Some("AUD"));
        assert_eq!(name("dollars", None), Some("USD"));
        assert_eq!(name("francs", Some("Swiss")), Some("CHF"));
        assert_eq!(name("people", None), None);
    }
}
