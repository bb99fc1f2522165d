//! Partial ISO dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept at the precision they were given.

use std::fmt;

use crate::i18n::{Lang, Message};

/// A calendar date known to the year, the month or the day.
///
/// Ordering is chronological; a date known only to the year sorts before any
/// more precise date within that year (`2023` < `2023-01` < `2023-01-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    /// 1–12, when known.
    pub month: Option<u8>,
    /// 1–31, when known (only with a month).
    pub day: Option<u8>,
}

/// Why a string is not a partial ISO date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
    /// The reason's message key (`problem.date.*`).
    pub reason: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = Message::new(self.reason);
        let m = Message::new("problem.not_a_date").with("value", format!("\"{}\"", self.input));
        write!(f, "{}", m.with_message("reason", reason))
    }
}

impl std::error::Error for DateError {}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
            if leap {
                29
            } else {
                28
            }
        }
    }
}

fn digits(part: &str, len: usize) -> Option<u32> {
    if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting days that do not exist.
    pub fn parse(input: &str) -> Result<Self, DateError> {
        let err = |reason| DateError { input: input.to_string(), reason };
        let mut parts = input.split('-');
        let year = parts.next().and_then(|p| digits(p, 4)).ok_or_else(|| err("problem.date.shape"))? as u16;
        let month = match parts.next() {
            None => None,
            Some(p) => {
                let m = digits(p, 2).ok_or_else(|| err("problem.date.month_digits"))? as u8;
                if !(1..=12).contains(&m) {
                    return Err(err("problem.date.month_range"));
                }
                Some(m)
            }
        };
        let day = match parts.next() {
            None => None,
            Some(p) => {
                let d = digits(p, 2).ok_or_else(|| err("problem.date.day_digits"))? as u8;
                let m = month.expect("a day part follows a month part");
                if d == 0 || d > days_in_month(year, m) {
                    return Err(err("problem.date.no_such_day"));
                }
                Some(d)
            }
        };
        if parts.next().is_some() {
            return Err(err("problem.date.shape"));
        }
        Ok(PartialDate { year, month, day })
    }

    /// The last day this date could mean, as a comparable `(year, month, day)`.
    pub fn latest(&self) -> (u16, u8, u8) {
        let m = self.month.unwrap_or(12);
        (self.year, m, self.day.unwrap_or_else(|| days_in_month(self.year, m)))
    }

    /// The first day this date could mean, as a comparable `(year, month, day)`.
    pub fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 1970-01-01 of the earliest day this date could mean.
    pub fn day_number(&self) -> i64 {
        let (y, m, d) = self.earliest();
        // Howard Hinnant's days_from_civil.
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(m);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// A reader's rendering at the date's own precision, in `lang`'s form: "18 Dec 2024",
    /// "May 2023", "2019"; "2024年12月18日", "2023年5月", "2019年".
    pub fn display(&self, lang: Lang) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => lang.day(self.year, m, d),
            (Some(m), None) => lang.month(self.year, m),
            _ => lang.year(self.year),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl TryFrom<String> for PartialDate {
    type Error = DateError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PartialDate::parse(&value)
    }
}

impl From<PartialDate> for String {
    fn from(value: PartialDate) -> Self {
        value.to_string()
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD (the day must exist).",
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2019").unwrap(), PartialDate { year: 2019, month: None, day: None });
        assert_eq!(PartialDate::parse("2023-05").unwrap().month, Some(5));
        assert_eq!(PartialDate::parse("2024-02-29").unwrap().day, Some(29));
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert!(PartialDate::parse("2023-02-29").is_err());
        assert!(PartialDate::parse("2023-02-30").is_err());
        assert!(PartialDate::parse("2023-13").is_err());
        assert!(PartialDate::parse("2023-04-31").is_err());
        assert!(PartialDate::parse("23-04-01").is_err());
        assert!(PartialDate::parse("2023-4-1").is_err());
        assert!(PartialDate::parse("2023-04-01-").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn round_trips_and_orders_by_precision() {
        for s in ["2019", "2023-05", "2024-12-18"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        let y = PartialDate::parse("2023").unwrap();
        let m = PartialDate::parse("2023-01").unwrap();
        let d = PartialDate::parse("2023-01-01").unwrap();
        assert!(y < m && m < d);
        assert_eq!(d.day_number(), 19_358);
    }

    #[test]
    fn displays_at_its_precision() {
        let shown = |s: &str, lang| PartialDate::parse(s).unwrap().display(lang);
        assert_eq!(shown("2024-12-18", Lang::En), "18 Dec 2024");
        assert_eq!(shown("2023-05", Lang::En), "May 2023");
        assert_eq!(shown("2019", Lang::En), "2019");
        assert_eq!(shown("2024-12-18", Lang::Zh), "2024年12月18日");
        assert_eq!(shown("2023-05", Lang::Zh), "2023年5月");
        assert_eq!(shown("2019", Lang::Zh), "2019年");
    }
}
