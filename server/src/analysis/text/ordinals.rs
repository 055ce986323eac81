//! Ordinal words written out ("third", "twenty-first"), for the readers
//! that need them: names opened by an ordinal ("the Ninth Circuit"), the
//! numbered parts of a race ("the third stage"), the days a page counts
//! since its news ("on the third day").

/// Ordinal words from the first to the twenty-first, in order.
pub const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
];

/// The number an ordinal word (lower case) stands for ("third" 3).
pub fn ordinal_value(lw: &str) -> Option<u32> {
    ORDINALS.iter().position(|o| *o == lw).map(|k| k as u32 + 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals_count_from_one() {
        assert_eq!(super::ordinal_value("first"), Some(1));
        assert_eq!(super::ordinal_value("third"), Some(3));
        assert_eq!(super::ordinal_value("twenty-first"), Some(21));
        assert_eq!(super::ordinal_value("Third"), None);
        assert_eq!(super::ordinal_value("thirds"), None);
    }
}
