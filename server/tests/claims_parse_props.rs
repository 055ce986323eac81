//! Date and amount reading never panics, keeps its spans on character
//! boundaries and gives intervals with lo <= hi, whatever the input:
//! random pieces of datelines and amounts, arbitrary Unicode, impossible
//! days, 400-digit numbers.
use proptest::prelude::*;

use crosscheck::analysis::claims::dates::{self, Tense, Ymd};
use crosscheck::analysis::claims::quantity;

fn date_pieces() -> impl Strategy<Value = String> {
    let w = prop::sample::select(vec![
        "May",
        "2",
        ",",
        "2019",
        "|",
        "5:03pm",
        "@",
        "8:13am",
        "PDT",
        "23:30",
        "CET",
        "Friday",
        "Fri",
        "Aug.",
        "Sept",
        "12/16/09",
        "04/02/2024",
        "32/13/2024",
        "February",
        "30",
        "31",
        "29",
        "2024-02-30",
        "2019-08-02T08:13:00Z",
        "T",
        "Z",
        "+0000",
        "GMT+1",
        "'19",
        "’",
        "last",
        "next",
        "this",
        "week",
        "Tuesday",
        "ago",
        "two",
        "days",
        "yesterday",
        "the",
        "end",
        "of",
        "early",
        "mid-",
        "Q3",
        "H2",
        "summer",
        "in",
        "since",
        "by",
        "on",
        "at",
        "—",
        "–",
        "-",
        "·",
        "/",
        ".",
        ":",
        "(",
        ")",
        "a.m.",
        "p.m.",
        "UTC+02:00",
        "\n",
        "é",
        "日",
        "1990s",
        "9999",
        "0",
        "00",
        "000000000000000000000000000000000000000000000000000",
    ]);
    prop::collection::vec(w, 0..40).prop_map(|v| v.join(" "))
}

fn anchor() -> impl Strategy<Value = Option<(Ymd, Ymd)>> {
    prop::option::of((-200_000i64..200_000, 0i64..4000))
        .prop_map(|o| o.map(|(a, w)| (Ymd::from_days(a), Ymd::from_days(a + w))))
}

fn tense() -> impl Strategy<Value = Tense> {
    prop::sample::select(vec![Tense::Past, Tense::Future, Tense::Unknown])
}

fn check_dates(s: &str, anchor: Option<(Ymd, Ymd)>, tense: Tense) -> Result<(), TestCaseError> {
    for f in dates::scan(s, 0, s.len()) {
        prop_assert!(f.start < f.end && f.end <= s.len());
        prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
        if let Some((lo, hi)) = f.expr.range(None) {
            prop_assert!(lo <= hi, "{s:?}: {lo:?} > {hi:?}");
        }
        if let Some((lo, hi)) = dates::resolve(&f.expr, anchor, tense) {
            prop_assert!(lo <= hi, "{s:?}: {lo:?} > {hi:?}");
        }
        let r = dates::read_at(s, f.start, f.end);
        prop_assert!(r.is_some());
    }
    let _ = dates::parse(s);
    Ok(())
}

fn amount_pieces() -> impl Strategy<Value = String> {
    let w = prop::sample::select(vec![
        "at least",
        "more than",
        "nearly",
        "about",
        "up to",
        "some",
        "between",
        "and",
        "to",
        "-",
        "–",
        "$",
        "US$",
        "HK$",
        "€",
        "£",
        "USD",
        "Rs.",
        "200",
        "MM",
        "334",
        "million",
        "5.4bn",
        "1,200",
        "1.2m",
        "0",
        "0.0",
        "twenty",
        "-",
        "three",
        "a",
        "dozen",
        "hundreds",
        "of",
        "tens",
        "thousands",
        "several",
        "half",
        "people",
        "killed",
        "countries",
        "points",
        "%",
        "percent",
        "per",
        "cent",
        "percentage",
        "a share",
        "annually",
        "or more",
        "+",
        "in cash",
        "and stock",
        "averaged",
        "so far",
        "another",
        "18.5",
        "999999999999999",
        "9999999999999999999999999999999999999999",
        "1,2,3",
        "5:03",
        "12 November",
        "
",
        "é",
    ]);
    prop::collection::vec(w, 0..30).prop_map(|v| v.join(" "))
}

fn check_amounts(s: &str) -> Result<(), TestCaseError> {
    for f in quantity::scan(s, 0, s.len()) {
        prop_assert!(f.start < f.end && f.end <= s.len());
        prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
        let a = &f.amount;
        prop_assert!(a.interval.lo <= a.interval.hi, "{s:?}: {:?}", a.interval);
        prop_assert!(a.stated.lo <= a.stated.hi, "{s:?}: {:?}", a.stated);
        prop_assert!(!a.interval.lo.is_nan() && !a.interval.hi.is_nan());
        let r = quantity::read(s, f.start, f.end);
        prop_assert!(r.is_some());
        let m = quantity::measure::identify(&quantity::measure::MeasureInput {
            text: s,
            clause: (0, s.len()),
            span: (f.start, f.end),
            amount: a,
        });
        prop_assert!(quantity::measure::same_measure(&m, &m) || m.what.is_empty());
    }
    let _ = quantity::parse(s);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn dates_from_pieces(s in date_pieces(), a in anchor(), t in tense()) {
        check_dates(&s, a, t)?;
    }

    #[test]
    fn dates_from_any_text(s in "\\PC{0,80}", a in anchor(), t in tense()) {
        check_dates(&s, a, t)?;
    }

    #[test]
    fn amounts_from_pieces(s in amount_pieces()) {
        check_amounts(&s)?;
    }

    #[test]
    fn amounts_from_any_text(s in "\\PC{0,80}") {
        check_amounts(&s)?;
    }
}
