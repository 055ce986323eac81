//! Shapes of one word or a short run that say what kind of name it is,
//! whatever the lists know: a brand written in camel case ("YouTube",
//! "JetBlue") is a company or a service; a run opened by an ordinal
//! ("the Ninth Circuit", "the Third Reich") is no person's name.

/// Prefixes of surnames written with an inner capital ("McCain",
/// "MacArthur", "DeSantis", "DiMaggio", "LaGuardia", "VanDyke", "DuBois"):
/// the capital after them is a person's, not a brand's.
const SURNAME_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Des", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St",
];

/// "YouTube", "JetBlue", "LibriVox", "ResearchGate", "SiriusXM": one word
/// whose letters go from lower case back to upper case after at least two
/// lower-case letters. Companies, services and their products are written
/// so; people's names only after a surname prefix ("McDonald",
/// "DeJesús"), which are left out, as are short forms ("PhD", "WiFi") and
/// words with digits.
pub(super) fn camel_case_brand(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 5
        || !w.starts_with(|c: char| c.is_uppercase())
        // "YouTubers": the people of a brand, not the brand.
        || w.ends_with("ers")
        // Not file names and addresses ("CrudeStocks.pdf").
        || w.chars().any(|c| c.is_ascii_digit() || matches!(c, '\'' | '’' | '.' | '@' | '_'))
    {
        return false;
    }
    let chars: Vec<char> = w.chars().collect();
    // The first inner capital that follows two lower-case letters.
    let Some(k) = (2..chars.len()).find(|&k| {
        chars[k].is_uppercase() && chars[k - 1].is_lowercase() && chars[k - 2].is_lowercase()
    }) else {
        return false;
    };
    let prefix: String = chars[..k].iter().collect();
    // Hyphenated compounds ("Anglo-French") are joined names, not brands.
    !prefix.contains(['-', '‐', '.'])
        && !SURNAME_PREFIXES.contains(&prefix.as_str())
        && !SURNAME_PREFIXES
            .iter()
            .any(|p| prefix.len() == p.len() && prefix.eq_ignore_ascii_case(p))
}

/// Whether a camel-case word at `[start, end)` of `text` is used as a
/// company's name rather than a product's or a tag's: not a hashtag or a
/// handle ("#IStandWithAhmed"), not after a possessive or an article
/// ("RIM's BlackBerry", "the PowerBook"), not before a company's
/// possessive in apposition ("FaceTime, Apple's video calling").
pub(super) fn brand_as_company(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    if before.ends_with(['#', '@']) {
        return false;
    }
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if prev.ends_with("'s")
        || prev.ends_with("’s")
        || matches!(prev.as_str(), "the" | "a" | "an" | "its" | "their")
    {
        return false;
    }
    let after = text[end..].trim_start_matches(' ');
    let Some(rest) = after.strip_prefix(',') else {
        return true;
    };
    let mut next = rest.split_whitespace();
    let (one, two) = (next.next().unwrap_or(""), next.next().unwrap_or(""));
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    !(possessive(one) || matches!(two, "'s" | "’s"))
}

/// "AppleCare", "AppleInsider": a camel-case word whose first part is a
/// company the lists know is that company's product or offshoot, not a
/// new company.
pub(super) fn known_company_prefix(w: &str) -> bool {
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    let Some(&(cut, _)) = chars.iter().skip(1).find(|(_, c)| c.is_uppercase()) else {
        return false;
    };
    let lx = super::lexicon::Lexicon::get();
    lx.lookup(&w[..cut])
        .is_some_and(|id| lx.entry(id).kind == crate::analysis::model::EntityKind::Organization)
}

/// Whether a word (lower case) is an ordinal written out or in figures
/// ("Ninth", "5th", "21st").
pub(super) fn is_ordinal(lw: &str) -> bool {
    // Ordinals open names of bodies and events ("the Ninth Circuit",
    // "the Third Reich", "Second Avenue"), never a person's.
    if crate::analysis::text::ordinals::ordinal_value(lw).is_some_and(|v| v <= 20) {
        return true;
    }
    let digits = lw.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&lw[digits..], "st" | "nd" | "rd" | "th")
}

/// Heads of bodies an ordinal opens: courts of appeal, armed units,
/// legislatures and regimes ("the Ninth Circuit", "the Sixth Fleet", "the
/// 82nd Airborne Division", "the Third Reich", "the Fifth Republic").
const ORDINAL_BODY_HEADS: &[&str] = &[
    "circuit",
    "fleet",
    "army",
    "legion",
    "division",
    "brigade",
    "regiment",
    "battalion",
    "corps",
    "infantry",
    "cavalry",
    "airborne",
    "reich",
    "republic",
    "congress",
    "district",
    "precinct",
    "squadron",
    "wing",
];

/// A run (its words in lower case) opened by an ordinal and ended by a
/// body's head: an organisation.
pub(super) fn ordinal_body(lower_words: &[&str]) -> bool {
    lower_words.len() >= 2
        && is_ordinal(lower_words[0])
        && lower_words
            .last()
            .is_some_and(|w| ORDINAL_BODY_HEADS.contains(w))
}

/// Last words of places that no person's name ends with (unlike "Hall",
/// "Hill", "Park", "Street", "Bay" or "Church", which are surnames too):
/// "Ross Sea", "the Ross Ice Shelf", "George Washington Bus Station",
/// "Anderson Ave".
const NO_SURNAME_PLACE_HEADS: &[&str] = &[
    "sea",
    "ocean",
    "shelf",
    "plateau",
    "glacier",
    "canyon",
    "gorge",
    "falls",
    "creek",
    "river",
    "island",
    "islands",
    "peninsula",
    "valley",
    "strait",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "expressway",
    "turnpike",
    "parkway",
    "highway",
    "freeway",
    "motorway",
    "station",
    "bridge",
    "airport",
    "stadium",
    "arena",
    "museum",
    "cathedral",
    "palace",
    "plaza",
    "cemetery",
    "monument",
    "tunnel",
    "terminal",
    "harbour",
    "harbor",
    // Junctions, springs, landings and houses of worship: "Apache
    // Junction", "Eureka Springs", "the Imam Mosque", "Kopinga Marae".
    "junction",
    "springs",
    "mosque",
    "synagogue",
    "shrine",
    "pagoda",
    "basilica",
    "marae",
    "pier",
    "wharf",
    "quay",
    "terrace",
    "reservoir",
    "lagoon",
    "fjord",
];

/// Whether a word (lower case, a trailing full stop allowed) ends places
/// and never a person's name.
pub(super) fn no_surname_place_head(lw: &str) -> bool {
    NO_SURNAME_PLACE_HEADS.contains(&lw.trim_end_matches('.'))
}

/// Words of other languages that name an institution ("Instituto
/// Gonzaga", "Koninklijke Bibliotheek", "Vrije Universiteit", "Banco
/// Santander", "Partido Popular", "Movimento 5 Stelle"): news keeps such
/// bodies' own names, and no person's name holds these words.
const FOREIGN_BODY_WORDS: &[&str] = &[
    "instituto",
    "institut",
    "istituto",
    "universidad",
    "universidade",
    "università",
    "universität",
    "universiteit",
    "université",
    "universitet",
    "uniwersytet",
    "bibliotheek",
    "biblioteca",
    "bibliothèque",
    "bibliothek",
    "théâtre",
    "conservatoire",
    "conservatorio",
    "ministerio",
    "ministère",
    "ministero",
    "ministerium",
    "banco",
    "banca",
    "banque",
    "partido",
    "partito",
    "movimento",
    "movimiento",
    "fundación",
    "fundação",
    "fondation",
    "fondazione",
    "stiftung",
    "sociedad",
    "société",
    "società",
    "gesellschaft",
    "compañía",
    "companhia",
    "escuela",
    "école",
    "colegio",
    "liceo",
    "lycée",
    "hochschule",
    "akademie",
    "accademia",
    "verein",
    "verband",
    "bundesamt",
    "bundesanstalt",
];

/// Definite articles of Romance languages that open place names ("La
/// Paz", "Le Havre", "Les Saintes", "El Alto", "Los Alamos", "Las Palmas",
/// "Il Cairo"), written capitalised.
pub(super) fn foreign_article(w: &str) -> bool {
    matches!(w, "La" | "Le" | "Les" | "El" | "Los" | "Las" | "Il" | "Lo")
}

/// Whether a word (lower case) names an institution in another language.
pub(super) fn foreign_body_word(lw: &str) -> bool {
    FOREIGN_BODY_WORDS.contains(&lw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_in_camel_case() {
        for w in [
            "YouTube",
            "JetBlue",
            "LibriVox",
            "ResearchGate",
            "SiriusXM",
            "Quellbank",
        ] {
            assert_eq!(camel_case_brand(w), w != "Quellbank", "{w}");
        }
        for w in [
            "McDonald",
            "MacArthur",
            "DeSantis",
            "DiMaggio",
            "LaGuardia",
            "PhD",
            "WiFi",
            "NiMo",
            "iPhone",
            "Anglo-French",
            "NGOs",
            "O'Brien",
            "COVID",
        ] {
            assert!(!camel_case_brand(w), "{w}");
        }
    }

    #[test]
    fn ordinals_open_bodies() {
        assert!(ordinal_body(&["ninth", "circuit"]));
        assert!(ordinal_body(&["82nd", "airborne", "division"]));
        assert!(ordinal_body(&["third", "reich"]));
        assert!(!ordinal_body(&["ninth", "symphony"]));
        assert!(!ordinal_body(&["circuit"]));
        assert!(is_ordinal("21st") && !is_ordinal("st") && !is_ordinal("first-rate"));
    }
}
