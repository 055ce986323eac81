use super::*;
use crate::analysis::claims::dates::{Unit, Which};

fn one(s: &str) -> Option<(String, DateExpr)> {
    let f = scan(s, 0, s.len());
    f.into_iter()
        .max_by_key(|f| f.end - f.start)
        .map(|f| (s[f.start..f.end].to_string(), f.expr))
}

fn ymd(s: &str) -> (Option<i32>, Option<u8>, Option<u8>) {
    let (_, e) = one(s).unwrap_or_else(|| panic!("no date in {s:?}"));
    (e.y, e.m, e.d)
}

#[test]
fn full_dates_in_every_common_form() {
    #[rustfmt::skip]
    let cases: &[(&str, (i32, u8, u8), &str)] = &[
        ("May 2, 2019 | 5:03pm", (2019, 5, 2), "May 2, 2019 | 5:03pm"),
        ("14 June 2019", (2019, 6, 14), "14 June 2019"),
        ("Friday August 2, 2019 @ 8:13am PDT", (2019, 8, 2), "Friday August 2, 2019 @ 8:13am PDT"),
        ("12/16/09", (2009, 12, 16), "12/16/09"),
        ("Posted: Aug. 2, 2019 at 5:03 p.m. ET", (2019, 8, 2), "Aug. 2, 2019 at 5:03 p.m. ET"),
        ("Updated 23:30 CET, 4 February 2024", (2024, 2, 4), "23:30 CET, 4 February 2024"),
        ("2019-08-02T08:13:00Z", (2019, 8, 2), "2019-08-02T08:13:00Z"),
        ("2019-08-02 08:13", (2019, 8, 2), "2019-08-02 08:13"),
        ("2019/08/02", (2019, 8, 2), "2019/08/02"),
        ("2022.08.23. 15:30 | Portfolio.hu | Macro", (2022, 8, 23), "2022.08.23"),
        ("Fri, 02 Aug 2019 08:13:00 +0000", (2019, 8, 2), "Fri, 02 Aug 2019 08:13:00 +0000"),
        ("Sunday, April 17, 2016", (2016, 4, 17), "Sunday, April 17, 2016"),
        ("March 01 , 2008", (2008, 3, 1), "March 01 , 2008"),
        ("the 2nd of May, 2019", (2019, 5, 2), "2nd of May, 2019"),
        ("Sept. 5, 2021 — 11:00 AM EDT", (2021, 9, 5), "Sept. 5, 2021 — 11:00 AM EDT"),
        ("16.12.2009", (2009, 12, 16), "16.12.2009"),
        ("16-12-2009 · 17:45 GMT+1", (2009, 12, 16), "16-12-2009 · 17:45 GMT+1"),
        ("MAY 2, 2019", (2019, 5, 2), "MAY 2, 2019"),
        ("Dec 17 '19", (2019, 12, 17), "Dec 17 '19"),
    ];
    for (s, (y, m, d), span) in cases {
        let (got, e) = one(s).unwrap_or_else(|| panic!("no date in {s:?}"));
        assert_eq!((e.y, e.m, e.d), (Some(*y), Some(*m), Some(*d)), "{s}");
        assert_eq!(&got, span, "{s}");
    }
    let (_, e) = one("Friday August 2, 2019 @ 8:13am PDT").unwrap();
    assert_eq!(e.weekday, Some(4));
    assert!(e.time);
}

#[test]
fn partial_and_coarse_dates() {
    assert_eq!(ymd("December 17"), (None, Some(12), Some(17)));
    assert_eq!(ymd("on 13 June"), (None, Some(6), Some(13)));
    assert_eq!(ymd("since February 2024"), (Some(2024), Some(2), None));
    assert_eq!(ymd("in 2019"), (Some(2019), None, None));
    assert_eq!(ymd("in November"), (None, Some(11), None));
    let (_, e) = one("Monday 12 November").unwrap();
    assert_eq!((e.weekday, e.m, e.d), (Some(0), Some(11), Some(12)));
    let (_, e) = one("At the end of 2022").unwrap();
    assert_eq!((e.y, e.part), (Some(2022), Some(Part::Late)));
    let (_, e) = one("in Q3 2024").unwrap();
    assert_eq!((e.y, e.part), (Some(2024), Some(Part::Quarter(3))));
    let (_, e) = one("mid-March").unwrap();
    assert_eq!((e.m, e.part), (Some(3), Some(Part::Mid)));
    let (_, e) = one("in the first half of 2023").unwrap();
    assert_eq!((e.y, e.part), (Some(2023), Some(Part::Half(1))));
}

#[test]
fn relative_dates() {
    let rel = |s: &str| one(s).and_then(|(_, e)| e.rel);
    assert_eq!(rel("yesterday"), Some(Relative::Day(-1)));
    assert_eq!(rel("last week"), Some(Relative::Period(Unit::Week, -1)));
    assert_eq!(rel("next month"), Some(Relative::Period(Unit::Month, 1)));
    assert_eq!(rel("two days ago"), Some(Relative::Ago(Unit::Day, 2)));
    assert_eq!(rel("3 weeks ago"), Some(Relative::Ago(Unit::Week, 3)));
    assert_eq!(
        rel("earlier this month"),
        Some(Relative::EarlierThis(Unit::Month))
    );
    assert_eq!(rel("last night"), Some(Relative::Day(-1)));
    let (_, e) = one("last Tuesday").unwrap();
    assert_eq!((e.weekday, e.which), (Some(1), Some(Which::Last)));
    let (_, e) = one("said on Tuesday").unwrap();
    assert_eq!((e.weekday, e.which), (Some(1), None));
    let (_, e) = one("by the end of the year").unwrap();
    assert_eq!(
        (e.rel, e.part),
        (Some(Relative::Period(Unit::Year, 0)), Some(Part::Late))
    );
}

#[test]
fn not_dates() {
    for s in [
        "32/13/2024",
        "February 30, 2024",
        "February 30",
        "the 1990s",
        "2019-20 season",
        "May I ask?",
        "Theresa May said",
        "they march in protest",
        "5.4bn",
        "1,200 troops",
        "version 1.2.3",
        "10.1.2019.5",
        "The Sun reported",
        "Jan Kowalski said",
        "40-50 people",
        "2.5 million",
    ] {
        let f = scan(s, 0, s.len());
        assert!(f.is_empty(), "{s}: {:?}", f);
    }
    let big = format!("{} {}", "9".repeat(400), "/12/2024");
    assert!(scan(&big, 0, big.len()).is_empty());
}

#[test]
fn ambiguous_numeric_dates_keep_both_readings() {
    let (_, e) = one("04/02/2024, 23:30").unwrap();
    assert_eq!((e.y, e.m, e.d), (Some(2024), Some(2), Some(4)));
    assert_eq!(e.swap, Ymd::new(2024, 4, 2));
    assert!(e.time && e.numeric);
    let (_, e) = one("25/03/2024").unwrap();
    assert_eq!((e.m, e.d, e.swap), (Some(3), Some(25), None));
    let (_, e) = one("03/25/2024").unwrap();
    assert_eq!((e.m, e.d, e.swap), (Some(3), Some(25), None));
    assert_eq!(one("05/05/2024").unwrap().1.swap, None);
}

#[test]
fn dotted_dates_are_day_first_and_invalid_ones_are_nothing() {
    for (s, d) in [
        ("03.10.2024", (2024, 10, 3)),
        ("12.07.2024", (2024, 7, 12)),
        ("(BTA) 11.08.2023", (2023, 8, 11)),
        ("17.1.2023.", (2023, 1, 17)),
    ] {
        let (_, e) = one(s).unwrap_or_else(|| panic!("no date in {s:?}"));
        assert_eq!((e.y, e.m, e.d), (Some(d.0), Some(d.1), Some(d.2)), "{s}");
        assert_eq!(e.swap, None, "{s}: dotted dates have one reading");
    }
    // Slashed dates keep both readings.
    let (_, e) = one("12/07/2024").unwrap();
    assert!(e.swap.is_some());
    for s in [
        "32.13.2024",
        "30.02.2024",
        "32/13/2024",
        "31.04.2024",
        "00.00.2024",
    ] {
        assert_eq!(one(s).map(|x| x.1.d), None, "{s}");
    }
    let big = format!("{}.{}.2024", "9".repeat(400), "1".repeat(400));
    assert!(scan(&big, 0, big.len()).is_empty());
}
