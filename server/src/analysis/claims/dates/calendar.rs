//! Civil days: validation, day numbers, weekdays and month arithmetic. All
//! arithmetic is on `i64` day numbers, so no input can overflow it (years
//! are bounded where they are read).
use serde::{Deserialize, Serialize};

/// A civil day. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Ymd {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub fn month_name(m: u8) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

pub fn weekday_name(w: u8) -> &'static str {
    WEEKDAYS[(w % 7) as usize]
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Ymd {
    pub fn new(y: i32, m: u8, d: u8) -> Option<Ymd> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn days(self) -> i64 {
        let y = self.y as i64 - if self.m <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.m as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The day `days` days after 1970-01-01 (civil_from_days).
    pub fn from_days(days: i64) -> Ymd {
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        Ymd {
            y: y.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
            m,
            d,
        }
    }

    pub fn add_days(self, n: i64) -> Ymd {
        Ymd::from_days(self.days() + n)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7) as u8
    }

    pub fn first_of_month(y: i32, m: u8) -> Ymd {
        Ymd { y, m, d: 1 }
    }

    pub fn last_of_month(y: i32, m: u8) -> Ymd {
        Ymd {
            y,
            m,
            d: days_in_month(y, m),
        }
    }

    /// The same day `n` months later (clamped to the month's last day).
    pub fn add_months(self, n: i32) -> Ymd {
        let total = self.y as i64 * 12 + (self.m as i64 - 1) + n as i64;
        let y = total.div_euclid(12) as i32;
        let m = (total.rem_euclid(12) + 1) as u8;
        Ymd {
            y,
            m,
            d: self.d.min(days_in_month(y, m)),
        }
    }

    /// "4 February 2024".
    pub fn long(self) -> String {
        format!("{} {} {}", self.d, month_name(self.m), self.y)
    }

    /// "2024-02-04".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Calendar units of relative expressions ("last week", "two months ago").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// The whole calendar period of `unit` containing `day` (weeks start on
/// Monday).
pub fn period_of(day: Ymd, unit: Unit) -> (Ymd, Ymd) {
    match unit {
        Unit::Day => (day, day),
        Unit::Week => {
            let mon = day.add_days(-(day.weekday() as i64));
            (mon, mon.add_days(6))
        }
        Unit::Month => (
            Ymd::first_of_month(day.y, day.m),
            Ymd::last_of_month(day.y, day.m),
        ),
        Unit::Year => (
            Ymd {
                y: day.y,
                m: 1,
                d: 1,
            },
            Ymd {
                y: day.y,
                m: 12,
                d: 31,
            },
        ),
    }
}

/// The period of `unit` `offset` periods away from the one containing
/// `day` ("last week" is -1).
pub fn shift_period(day: Ymd, unit: Unit, offset: i32) -> (Ymd, Ymd) {
    let moved = match unit {
        Unit::Day => day.add_days(offset as i64),
        Unit::Week => day.add_days(7 * offset as i64),
        Unit::Month => day.add_months(offset),
        Unit::Year => day.add_months(12 * offset),
    };
    period_of(moved, unit)
}

/// Largest distance in days between any day of `a` and any day of `b`.
pub fn max_distance(a: (Ymd, Ymd), b: (Ymd, Ymd)) -> i64 {
    (a.1.days() - b.0.days())
        .abs()
        .max((b.1.days() - a.0.days()).abs())
}

/// Smallest distance in days (0 when the ranges overlap).
pub fn min_distance(a: (Ymd, Ymd), b: (Ymd, Ymd)) -> i64 {
    if a.1 < b.0 {
        b.0.days() - a.1.days()
    } else if b.1 < a.0 {
        a.0.days() - b.1.days()
    } else {
        0
    }
}

/// The smallest range holding both.
pub fn hull(a: (Ymd, Ymd), b: (Ymd, Ymd)) -> (Ymd, Ymd) {
    (a.0.min(b.0), a.1.max(b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_and_weekdays() {
        for days in [-800_000i64, -1, 0, 1, 59, 60, 10_957, 19_723, 2_000_000] {
            assert_eq!(Ymd::from_days(days).days(), days, "{days}");
        }
        assert_eq!(ymd(1970, 1, 1).days(), 0);
        assert_eq!(weekday_name(ymd(2018, 11, 12).weekday()), "Monday");
        assert_eq!(weekday_name(ymd(2019, 8, 2).weekday()), "Friday");
        assert_eq!(weekday_name(ymd(2024, 2, 29).weekday()), "Thursday");
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert!(Ymd::new(2024, 2, 30).is_none());
        assert!(Ymd::new(2024, 13, 1).is_none());
    }

    #[test]
    fn months_and_periods() {
        assert_eq!(ymd(2024, 1, 31).add_months(1), ymd(2024, 2, 29));
        assert_eq!(ymd(2024, 1, 15).add_months(-1), ymd(2023, 12, 15));
        // 2018-11-15 is a Thursday: last week is 5..11 November.
        assert_eq!(
            shift_period(ymd(2018, 11, 15), Unit::Week, -1),
            (ymd(2018, 11, 5), ymd(2018, 11, 11))
        );
        assert_eq!(
            shift_period(ymd(2018, 1, 15), Unit::Month, -1),
            (ymd(2017, 12, 1), ymd(2017, 12, 31))
        );
        let a = (ymd(2024, 6, 1), ymd(2024, 6, 30));
        let b = (ymd(2024, 12, 17), ymd(2024, 12, 17));
        assert!(min_distance(a, b) > 150);
        assert_eq!(min_distance(a, a), 0);
        assert_eq!(hull(a, b), (ymd(2024, 6, 1), ymd(2024, 12, 17)));
    }
}
