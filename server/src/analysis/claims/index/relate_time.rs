//! When two reports' times let their facts be compared: counts that grow
//! compare only between reports of one day, a toll that a later report
//! says rose is no contradiction, a deal keeps its price for months, and
//! a holder named before a new one starts is the predecessor.
use crate::analysis::claims::dates::{self, Ymd};

/// Measures that count what accumulates over days: two reports of one
/// event a day apart may both be right.
pub(super) const GROWING: &[&str] = &[
    "killed",
    "injured",
    "missing",
    "displaced",
    "arrested",
    "rescued",
    "infected",
    "casualties",
];

/// Days between two datings of one acquisition whose prices compare:
/// a deal is announced, approved and closed months apart.
pub(super) const DEAL_DAYS: i64 = 200;

/// Reports of one day (or the same file).
pub(super) fn same_report_time(
    same_file: bool,
    a: Option<(Ymd, Ymd)>,
    b: Option<(Ymd, Ymd)>,
) -> bool {
    same_file || matches!((a, b), (Some(x), Some(y)) if dates::max_distance(x, y) <= 1)
}

/// Whether the higher of two counts that grow comes from a report of a
/// later day that tells of the toll rising: "two people were killed" on
/// Tuesday and "a third resident has died ... that brings the toll to
/// three" on Wednesday are one toll as it rose, though the days are close
/// enough for [`same_report_time`]. A later report that says nothing of a
/// rise ("39 people died" against an evening's "21 were killed"), or gives
/// a lower figure, still disputes the earlier one.
pub(super) fn rose_later(
    (lo1, hi1, f1, rose1): (f64, f64, Option<(Ymd, Ymd)>, bool),
    (lo2, hi2, f2, rose2): (f64, f64, Option<(Ymd, Ymd)>, bool),
) -> bool {
    let (Some(d1), Some(d2)) = (f1, f2) else {
        return false;
    };
    (rose2 && d1.1 < d2.0 && lo2 > hi1) || (rose1 && d2.1 < d1.0 && lo1 > hi2)
}

/// Whether a holding stated at `at` ends before a new holder starts at
/// `start` (the predecessor, named the day before the appointment).
pub(super) fn before_start(at: Option<(Ymd, Ymd)>, start: Option<(Ymd, Ymd)>) -> bool {
    match (at, start) {
        (Some(a), Some(s)) => a.1 < s.0,
        // Without dates nothing says the holder came first.
        _ => false,
    }
}

/// Whether two starts of a holding are a week apart or less.
pub(super) fn two_starts_close(both: bool, a: Option<(Ymd, Ymd)>, b: Option<(Ymd, Ymd)>) -> bool {
    both && matches!((a, b), (Some(x), Some(y)) if dates::max_distance(x, y) <= 7)
}
