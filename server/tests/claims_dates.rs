//! Publication dates on `tests/corpora/datelines/`: one file per common
//! dateline and byline form, with the interval, confidence and source each
//! must get; scheduled dates and impossible dates that must not become a
//! publication date; partial dates resolved against the file's date.
mod common;

use common::*;
use crosscheck::analysis::claims::dates::context::resolve_in_text;
use crosscheck::analysis::claims::dates::{Confidence, DateSource, Ymd};

const DIR: &str = "tests/corpora/datelines";

fn ymd(s: &str) -> Ymd {
    let v: Vec<&str> = s.split('-').collect();
    Ymd::new(
        v[0].parse().unwrap(),
        v[1].parse().unwrap(),
        v[2].parse().unwrap(),
    )
    .unwrap()
}

#[test]
fn every_dateline_form_gives_its_day() {
    use Confidence::*;
    use DateSource::*;
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str, Confidence, DateSource)] = &[
        ("01_", "2019-05-02", "2019-05-02", High, Dateline),
        ("02_", "2019-06-14", "2019-06-14", High, Dateline),
        ("03_", "2019-08-02", "2019-08-02", High, Dateline),
        ("04_", "2009-12-16", "2009-12-16", High, Byline),
        ("05_", "2019-08-02", "2019-08-02", High, Dateline),
        ("06_", "2021-09-05", "2021-09-05", Medium, Byline),
        ("07_", "2019-05-02", "2019-05-02", High, Byline),
        ("08_", "2019-05-02", "2019-05-02", Medium, Dateline),
        ("09_", "2019-03-13", "2019-03-13", High, Byline),
        ("10_", "2019-10-30", "2019-10-30", Medium, Report),
        ("11_", "2018-11-15", "2018-11-15", High, Dateline),
        ("15_", "2024-02-04", "2024-04-02", Low, Dateline),
        ("16_", "2019-05-02", "2019-05-02", High, Dateline),
        ("17_", "2019-08-02", "2019-08-02", High, Byline),
    ];
    let snap = load(DIR);
    for (prefix, lo, hi, confidence, source) in cases {
        let f = file(&snap, prefix);
        let fd = &snap.claims().files[f as usize].date;
        let d = fd
            .date
            .as_ref()
            .unwrap_or_else(|| panic!("{prefix}: no date ({})", fd.note));
        assert_eq!((d.lo, d.hi), (ymd(lo), ymd(hi)), "{prefix}: {}", d.reason);
        assert_eq!(d.confidence, *confidence, "{prefix}: {}", d.reason);
        assert_eq!(d.source, *source, "{prefix}: {}", d.reason);
    }
}

#[test]
fn scheduled_and_impossible_dates_are_never_the_publication_date() {
    let snap = load(DIR);
    // "a November 22 release date": the report is dated by "said on".
    let d = snap.claims().files[file(&snap, "10_") as usize]
        .date
        .date
        .clone()
        .unwrap();
    assert_ne!(d.lo.m, 11, "{}", d.reason);
    // A summit date is an event's date: only an upper bound for the page.
    let d = snap.claims().files[file(&snap, "14_") as usize]
        .date
        .date
        .clone()
        .unwrap();
    assert_eq!(d.source, DateSource::Content, "{}", d.reason);
    assert_eq!(d.confidence, Confidence::Low);
    assert_eq!(d.hi, ymd("2020-03-03"), "{}", d.reason);
    assert!(d.lo < d.hi);
    // "32/13/2024", "February 30, 2024", a 60-digit number: no date at all.
    let fd = &snap.claims().files[file(&snap, "13_") as usize].date;
    assert!(fd.date.is_none(), "{:?}", fd.date);
}

#[test]
fn undated_files_get_a_low_confidence_interval_from_their_content() {
    let snap = load(DIR);
    let d = snap.claims().files[file(&snap, "12_") as usize]
        .date
        .date
        .clone()
        .unwrap();
    assert_eq!(d.source, DateSource::Content);
    assert_eq!(d.confidence, Confidence::Low);
    assert_eq!(
        (d.lo, d.hi),
        (ymd("2015-03-03"), ymd("2019-06-30")),
        "{}",
        d.reason
    );
}

#[test]
fn wire_datelines_keep_place_and_agency() {
    let snap = load(DIR);
    for prefix in ["08_", "09_"] {
        let f = file(&snap, prefix);
        let text = &snap.file(f).text;
        let dl = snap.claims().files[f as usize]
            .date
            .dateline
            .clone()
            .unwrap_or_else(|| panic!("{prefix}: no dateline"));
        let (a, b) = dl.agency.unwrap();
        assert_eq!(&text[a..b], "Reuters");
        let (a, b) = dl.place.unwrap();
        assert!(["WASHINGTON", "LONDON"].contains(&&text[a..b]));
    }
}

#[test]
fn partial_dates_in_the_text_take_the_year_of_the_file() {
    let snap = load(DIR);
    let f = file(&snap, "11_");
    let text = &snap.file(f).text;
    let fd = snap.claims().files[f as usize].date.date.clone().unwrap();
    let at = text.find("12 November").unwrap();
    let s = snap.file(f).doc.structure.sentence_at(at).unwrap();
    let s = snap.file(f).doc.structure.sentences[s];
    let r = resolve_in_text(text, s.start, s.end, at, at + 11, Some(fd.range())).unwrap();
    // Monday 12 November under a dateline of 15 November 2018: 2018, not
    // the next year (and 12 November 2018 was a Monday).
    assert_eq!(r.interval, (ymd("2018-11-12"), ymd("2018-11-12")));
}

#[test]
fn the_ambiguous_dateline_is_reported() {
    let snap = load(DIR);
    let f = file(&snap, "15_");
    let ds = diags(&snap, f);
    assert_eq!(with_code(&ds, "ambiguous-date").len(), 1, "{ds:#?}");
}
