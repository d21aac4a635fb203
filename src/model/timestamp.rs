//! A moment in UTC, written `2026-11-28T13:57:20Z` in files.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use super::date::Date;

/// Whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a time: write it as 2026-11-28T13:57:20Z")]
pub struct TimestampError(String);

impl Timestamp {
    pub fn now() -> Timestamp {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Timestamp(secs)
    }

    pub fn date(self) -> Date {
        let (y, m, d) = civil_from_days(self.0.div_euclid(86_400));
        Date {
            year: y.clamp(0, 9999) as u16,
            month: m,
            day: d,
        }
    }
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian
/// (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.0.div_euclid(86_400));
        let s = self.0.rem_euclid(86_400);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(s: &str) -> Result<Timestamp, TimestampError> {
        let bad = || TimestampError(s.to_string());
        let (date, time) = s.trim().split_once('T').ok_or_else(bad)?;
        let date: Date = date.parse().map_err(|_| bad())?;
        let time = time.strip_suffix('Z').ok_or_else(bad)?;
        let parts: Vec<&str> = time.split(':').collect();
        if parts.len() != 3 || parts.iter().any(|p| p.len() != 2) {
            return Err(bad());
        }
        let n: Vec<i64> = parts
            .iter()
            .map(|p| p.parse::<i64>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?;
        if n[0] > 23 || n[1] > 59 || n[2] > 59 {
            return Err(bad());
        }
        let days = days_from_civil(i64::from(date.year), date.month, date.day);
        Ok(Timestamp(days * 86_400 + n[0] * 3600 + n[1] * 60 + n[2]))
    }
}

serde_as_text!(Timestamp);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_moments_print_and_parse() {
        for (secs, text) in [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_795_873_040, "2026-11-28T13:37:20Z"),
        ] {
            assert_eq!(Timestamp(secs).to_string(), text);
            assert_eq!(text.parse::<Timestamp>(), Ok(Timestamp(secs)));
        }
        assert_eq!(Timestamp(1_795_873_040).date().to_string(), "2026-11-28");
    }

    #[test]
    fn round_trips_across_centuries() {
        for secs in (-5_000_000_000i64..20_000_000_000).step_by(123_456_789) {
            let t = Timestamp(secs);
            assert_eq!(t.to_string().parse::<Timestamp>(), Ok(t), "{t}");
        }
    }

    /// Every day from 1600 to 2400, against a calendar walked day by day
    /// with the Gregorian leap-year rule: date, printing and parsing agree.
    #[test]
    fn every_day_for_eight_centuries_matches_a_calendar_walked_by_hand() {
        let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let length = |y: i64, m: u8| match m {
            2 if leap(y) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        // 1600-01-01 is 135,140 days before 1970-01-01.
        let (mut y, mut m, mut d) = (1600i64, 1u8, 1u8);
        let mut days = -135_140i64;
        while y < 2400 {
            let t = Timestamp(days * 86_400 + 86_399);
            let text = format!("{y:04}-{m:02}-{d:02}T23:59:59Z");
            assert_eq!(t.to_string(), text);
            assert_eq!(text.parse::<Timestamp>(), Ok(t));
            assert_eq!(
                Timestamp(days * 86_400).date(),
                Date {
                    year: y as u16,
                    month: m,
                    day: d
                }
            );
            days += 1;
            d += 1;
            if d > length(y, m) {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }

    #[test]
    fn now_is_the_clock_time() {
        let clock = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let now = Timestamp::now().0;
        // The same second, or the next if the clock ticked between.
        assert!((clock..=clock + 1).contains(&now), "{now} vs {clock}");
    }

    #[test]
    fn each_part_of_the_time_is_read_at_its_place() {
        assert_eq!(
            " 1970-01-02T03:04:05Z ".parse::<Timestamp>(),
            Ok(Timestamp(86_400 + 3 * 3600 + 4 * 60 + 5))
        );
        assert_eq!(
            Timestamp(3 * 3600 + 4 * 60 + 5).to_string(),
            "1970-01-01T03:04:05Z"
        );
        assert_eq!(Timestamp(-1).to_string(), "1969-12-31T23:59:59Z");
        assert_eq!(Timestamp(-1).date().to_string(), "1969-12-31");
    }

    #[test]
    fn rejects_bad_times() {
        for bad in [
            "2026-11-28",
            "2026-11-28T25:00:00Z",
            "2026-11-28T10:00:00",
            "2026-02-30T00:00:00Z",
            "2026-11-28T23:60:00Z",
            "2026-11-28T23:59:60Z",
            "2026-11-28T24:00:00Z",
            "2026-11-28T1:00:00Z",
            "2026-11-28T10:00Z",
            "2026-11-28T10:00:00:00Z",
            "2026-11-28Tab:00:00Z",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }
}
