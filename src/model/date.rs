//! A calendar date written as `YYYY-MM-DD` in files, so they read and sort plainly.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date: write it as year-month-day, for example 2026-09-28")]
pub struct DateError(String);

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        let date = Date { year, month, day };
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Ok(date)
        } else {
            Err(DateError(date.to_string()))
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let bad = || DateError(s.to_string());
        let mut parts = s.trim().splitn(3, '-');
        let mut next = |width: usize| {
            parts
                .next()
                .filter(|p| p.len() == width && p.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(bad)
        };
        let year = next(4)?.parse().map_err(|_| bad())?;
        let month = next(2)?.parse().map_err(|_| bad())?;
        let day = next(2)?.parse().map_err(|_| bad())?;
        Date::new(year, month, day).map_err(|_| bad())
    }
}

serde_as_text!(Date);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d: Date = "2027-02-28".parse().unwrap();
        assert_eq!(d, Date::new(2027, 2, 28).unwrap());
        assert_eq!(d.to_string(), "2027-02-28");
    }

    #[test]
    fn rejects_impossible_or_badly_written_dates() {
        for bad in [
            "2027-02-29",
            "2026-13-01",
            "2026-1-5",
            "28/09/2026",
            "",
            "2026-09-31",
        ] {
            let err = bad.parse::<Date>().unwrap_err();
            assert!(err.to_string().contains("year-month-day"), "{bad}: {err}");
        }
        assert!("2028-02-29".parse::<Date>().is_ok(), "leap day");
    }

    #[test]
    fn every_month_has_its_days_and_leap_years_follow_the_gregorian_rule() {
        for (year, month, last) in [
            (2026, 1, 31),
            (2026, 2, 28),
            (2028, 2, 29),
            (1900, 2, 28),
            (2000, 2, 29),
            (2026, 3, 31),
            (2026, 4, 30),
            (2026, 5, 31),
            (2026, 6, 30),
            (2026, 7, 31),
            (2026, 8, 31),
            (2026, 9, 30),
            (2026, 10, 31),
            (2026, 11, 30),
            (2026, 12, 31),
        ] {
            assert!(
                Date::new(year, month, last).is_ok(),
                "{year}-{month}-{last}"
            );
            assert!(
                Date::new(year, month, last + 1).is_err(),
                "{year}-{month}-{}",
                last + 1
            );
            assert!(Date::new(year, month, 1).is_ok());
            assert!(Date::new(year, month, 0).is_err());
        }
        assert!(Date::new(2026, 0, 1).is_err());
        assert!(Date::new(2026, 13, 1).is_err());
        assert_eq!(" 2026-09-28 ".parse::<Date>(), Date::new(2026, 9, 28));
        assert!("2026-09-28-01".parse::<Date>().is_err());
        assert!("202a-09-28".parse::<Date>().is_err());
    }

    #[test]
    fn dates_order_by_time() {
        let a: Date = "2026-12-01".parse().unwrap();
        let b: Date = "2027-01-15".parse().unwrap();
        assert!(a < b);
    }
}
