//! Placing an undated page by the days its weekdays tell of, and by how
//! fresh it tells its news.
use super::*;
use crate::analysis::claims::dates::{Confidence, DateSource, PubDate};
use crate::analysis::claims::meta::FileDate;

fn ymd(y: i32, m: u8, d: u8) -> Ymd {
    Ymd::new(y, m, d).unwrap()
}

fn stated(day: Ymd) -> FileDate {
    FileDate {
        date: Some(PubDate {
            lo: day,
            hi: day,
            confidence: Confidence::High,
            reason: "dateline".into(),
            source: DateSource::Dateline,
            start: 0,
            end: 0,
        }),
        ..FileDate::default()
    }
}

fn undated(back: LookBack) -> FileDate {
    FileDate {
        open: Some(OpenDate::Unstated),
        looks_back: Some(back),
        ..FileDate::default()
    }
}

fn file<'a>(path: &'a str, date: &'a FileDate, names: &[u32], class: EventKind) -> FolderFile<'a> {
    FolderFile {
        path,
        text: "",
        date,
        names: names.to_vec().into(),
        kinds: vec![class].into(),
        lead: Some(std::borrow::Cow::Owned(LeadEvent {
            class,
            places: Vec::new(),
        })),
        figures: Vec::new().into(),
        wire_weekdays: Vec::new().into(),
        counts: Vec::new().into(),
    }
}

fn no_places(_: &[u32], _: &[u32]) -> bool {
    false
}

/// The interval the folder gives the first file.
fn placed(files: &[FolderFile]) -> Option<(Ymd, Ymd)> {
    super::super::settle(files, &no_places)[0]
        .as_ref()
        .map(|d| (d.lo, d.hi))
}

// Weekdays: 0 = Monday.
const WED: u8 = 2;
const THU: u8 = 3;
const SAT: u8 = 5;
const SUN: u8 = 6;

#[test]
fn a_later_stage_told_by_weekdays_after_the_news_places_the_page_after_it() {
    // A fire on Saturday 6 June 2026, reports of that day and the next;
    // the page tells of the fire "on Saturday", then of men detained "on
    // Wednesday" and before a judge "on Thursday": not before 11 June.
    let (a, b) = (stated(ymd(2026, 6, 6)), stated(ymd(2026, 6, 7)));
    let own = undated(LookBack {
        weekdays: vec![WED, THU, SAT],
        weekday_order: vec![SAT, WED, THU],
        ..LookBack::default()
    });
    let files = [
        file("c.txt", &own, &[1, 2], EventKind::Fire),
        file("a.txt", &a, &[1, 2], EventKind::Fire),
        file("b.txt", &b, &[1, 2], EventKind::Fire),
    ];
    let (lo, hi) = placed(&files).expect("placed");
    assert_eq!(lo, ymd(2026, 6, 11));
    assert!(hi >= ymd(2026, 6, 18), "{hi:?}");
    // Near miss: a weekday told first, before the news's, may be the
    // days before it ("warned on Wednesday ... the fire on Saturday").
    let first = undated(LookBack {
        weekdays: vec![WED, SAT],
        weekday_order: vec![WED, SAT],
        ..LookBack::default()
    });
    let files = [
        file("c.txt", &first, &[1, 2], EventKind::Fire),
        file("a.txt", &a, &[1, 2], EventKind::Fire),
        file("b.txt", &b, &[1, 2], EventKind::Fire),
    ];
    assert_eq!(placed(&files).map(|p| p.0), Some(ymd(2026, 6, 6)));
    // Near miss: one told in the past perfect ("had warned on Wednesday")
    // is before the news wherever it is told.
    let perfect = undated(LookBack {
        weekdays: vec![WED, SAT],
        weekday_order: vec![SAT, WED],
        before_weekdays: vec![WED],
        ..LookBack::default()
    });
    let files = [
        file("c.txt", &perfect, &[1, 2], EventKind::Fire),
        file("a.txt", &a, &[1, 2], EventKind::Fire),
        file("b.txt", &b, &[1, 2], EventKind::Fire),
    ];
    assert_eq!(placed(&files).map(|p| p.0), Some(ymd(2026, 6, 6)));
}

#[test]
fn a_page_of_the_event_is_not_placed_at_a_warning_days_before_it() {
    // A warning of Thursday 17 September 2026, the storm's reports of
    // Saturday and Sunday; the page tells of the storm "on Saturday".
    let (a, b, c) = (
        stated(ymd(2026, 9, 17)),
        stated(ymd(2026, 9, 19)),
        stated(ymd(2026, 9, 20)),
    );
    let own = undated(LookBack {
        weekdays: vec![SAT],
        weekday_order: vec![SAT],
        ..LookBack::default()
    });
    let files = [
        file("d.txt", &own, &[1, 2], EventKind::Storm),
        file("a.txt", &a, &[1, 2], EventKind::Storm),
        file("b.txt", &b, &[1, 2], EventKind::Storm),
        file("c.txt", &c, &[1, 2], EventKind::Storm),
    ];
    assert_eq!(placed(&files).map(|p| p.0), Some(ymd(2026, 9, 19)));
    // Near miss: without the weekday, from the first report on.
    let none = undated(LookBack::default());
    let files = [
        file("d.txt", &none, &[1, 2], EventKind::Storm),
        file("a.txt", &a, &[1, 2], EventKind::Storm),
        file("b.txt", &b, &[1, 2], EventKind::Storm),
        file("c.txt", &c, &[1, 2], EventKind::Storm),
    ];
    assert_eq!(placed(&files).map(|p| p.0), Some(ymd(2026, 9, 17)));
}

#[test]
fn a_stay_counted_from_an_arrival_told_as_after_the_news_places_the_page_on_its_day() {
    // An earthquake on Sunday 15 February 2026; the diary's team arrived
    // "on Wednesday, three days after the earthquake" and writes "on our
    // second day": not before 19 February.
    let (a, b) = (stated(ymd(2026, 2, 15)), stated(ymd(2026, 2, 16)));
    let back = LookBack {
        weekdays: vec![WED, SUN],
        weekday_order: vec![WED, SUN],
        after_weekdays: vec![WED],
        own_days: 2,
        ..LookBack::default()
    };
    let own = undated(back.clone());
    let files = [
        file("d.txt", &own, &[1, 2], EventKind::Quake),
        file("a.txt", &a, &[1, 2], EventKind::Quake),
        file("b.txt", &b, &[1, 2], EventKind::Quake),
    ];
    assert_eq!(placed(&files).map(|p| p.0), Some(ymd(2026, 2, 19)));
    // Near miss: the Wednesday told first with nothing saying it came
    // after may be the days before the quake.
    let plain = undated(LookBack {
        after_weekdays: Vec::new(),
        ..back
    });
    let files = [
        file("d.txt", &plain, &[1, 2], EventKind::Quake),
        file("a.txt", &a, &[1, 2], EventKind::Quake),
        file("b.txt", &b, &[1, 2], EventKind::Quake),
    ];
    assert_eq!(placed(&files).map(|p| p.0), Some(ymd(2026, 2, 15)));
}

#[test]
fn a_page_that_tells_its_news_as_fresh_is_placed_within_days_of_it() {
    // A strike reported on 5 and 6 October 2026; the blog tells it as
    // "yesterday" ("this morning" the harbour was empty).
    let (a, b) = (stated(ymd(2026, 10, 5)), stated(ymd(2026, 10, 6)));
    let back = LookBack {
        after_news: true,
        fresh: Some(2),
        ..LookBack::default()
    };
    let own = undated(back.clone());
    let files = [
        file("c.txt", &own, &[1, 2], EventKind::Strike),
        file("a.txt", &a, &[1, 2], EventKind::Strike),
        file("b.txt", &b, &[1, 2], EventKind::Strike),
    ];
    assert_eq!(placed(&files), Some((ymd(2026, 10, 5), ymd(2026, 10, 7))));
    // Near miss: told as days past but not as fresh ("last week"): a
    // week after the last report.
    let stale = undated(LookBack {
        fresh: None,
        ..back
    });
    let files = [
        file("c.txt", &stale, &[1, 2], EventKind::Strike),
        file("a.txt", &a, &[1, 2], EventKind::Strike),
        file("b.txt", &b, &[1, 2], EventKind::Strike),
    ];
    assert_eq!(placed(&files).map(|p| p.1), Some(ymd(2026, 10, 13)));
}

#[test]
fn one_name_a_figure_and_a_fitting_weekday_tie_an_undated_page_to_a_report() {
    // The page leads with a march, the report with a plant's closure
    // (job cuts); they share the city and the 640 jobs, and the page
    // tells its news "on Tuesday", the report's day.
    let a = stated(ymd(2023, 4, 11)); // a Tuesday
    let figures = vec![figure_key(640.0, "").unwrap()];
    let mut report = file("a.txt", &a, &[1, 2], EventKind::Dismissal);
    report.figures = figures.clone().into();
    let own = undated(LookBack {
        weekdays: vec![1],
        weekday_order: vec![1],
        ..LookBack::default()
    });
    let mut page = file("c.txt", &own, &[1, 3], EventKind::Protest);
    page.figures = figures.clone().into();
    assert!(placed(&[page, report]).is_some());
    // Two figures and the weekday tie a page that names neither company
    // nor city ("the plant", "the company").
    let figures2 = vec![
        figure_key(640.0, "").unwrap(),
        figure_key(9500.0, "").unwrap(),
    ];
    let mut report = file("a.txt", &a, &[1, 2], EventKind::Dismissal);
    report.figures = figures2.clone().into();
    let mut page = file("c.txt", &own, &[7], EventKind::Protest);
    page.figures = figures2.into();
    assert!(placed(&[page, report]).is_some());
    // Near miss: one figure without a name does not.
    let mut report = file("a.txt", &a, &[1, 2], EventKind::Dismissal);
    report.figures = figures.clone().into();
    let mut page = file("c.txt", &own, &[7], EventKind::Protest);
    page.figures = figures.clone().into();
    assert!(placed(&[page, report]).is_none());
    // Near miss: without the weekday, a name and a figure alone do not.
    let mut report = file("a.txt", &a, &[1, 2], EventKind::Dismissal);
    report.figures = figures.clone().into();
    let none = undated(LookBack::default());
    let mut page = file("c.txt", &none, &[1, 3], EventKind::Protest);
    page.figures = figures.into();
    assert!(placed(&[page, report]).is_none());
}

/// [`file`] stating `counts` of one measure.
fn counting<'a>(f: FolderFile<'a>, what: &str, values: &[u64]) -> FolderFile<'a> {
    FolderFile {
        counts: values
            .iter()
            .map(|&v| (what.to_string(), v))
            .collect::<Vec<_>>()
            .into(),
        ..f
    }
}

#[test]
fn a_page_stating_a_count_the_reports_saw_rise_is_written_after_the_smaller_ones() {
    // Reports of 15, 16 and 17 February 2026: 38, then 61 killed, then a
    // report that states no toll; the page states 74 killed.
    let (a, b, c) = (
        stated(ymd(2026, 2, 15)),
        stated(ymd(2026, 2, 16)),
        stated(ymd(2026, 2, 17)),
    );
    let own = undated(LookBack::default());
    let quake = |path, date| file(path, date, &[1, 2], EventKind::Quake);
    let story = |what: &str, page: u64, first: u64, second: u64| {
        [
            counting(quake("e.txt", &own), what, &[page]),
            counting(quake("a.txt", &a), what, &[first]),
            counting(quake("b.txt", &b), what, &[second]),
            quake("c.txt", &c),
        ]
    };
    assert_eq!(
        placed(&story("killed", 74, 38, 61)).map(|p| p.0),
        Some(ymd(2026, 2, 17))
    );
    // Near miss: the first day's toll is no rise.
    assert_eq!(
        placed(&story("killed", 38, 38, 61)).map(|p| p.0),
        Some(ymd(2026, 2, 15))
    );
    // Near miss: a count of another part, smaller, reported after the
    // page's value was (two firefighters among 37 injured).
    assert_eq!(
        placed(&story("injured", 37, 37, 2)).map(|p| p.0),
        Some(ymd(2026, 2, 15))
    );
}
