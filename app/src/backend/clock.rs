//! The one place that writes times for people: the user's timezone and date format. Also when
//! the weekly report is due, which follows the same timezone.

use crate::model::{DateFormat, DisplayTime};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// How one person reads times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefs {
    pub tz: Tz,
    pub format: DateFormat,
}

impl Prefs {
    /// From the stored strings; unknown values fall back to UTC and MM/DD/YYYY.
    pub fn from_stored(timezone: &str, date_format: &str) -> Prefs {
        Prefs {
            tz: timezone.parse().unwrap_or(Tz::UTC),
            format: DateFormat::parse(date_format).unwrap_or_default(),
        }
    }

    pub fn date(&self, t: DateTime<Utc>) -> String {
        let local = t.with_timezone(&self.tz);
        match self.format {
            DateFormat::MonthFirst => local.format("%m/%d/%Y").to_string(),
            DateFormat::DayFirst => local.format("%d/%m/%Y").to_string(),
        }
    }

    /// "12/07/2026 09:00".
    pub fn display(&self, t: DateTime<Utc>) -> DisplayTime {
        let local = t.with_timezone(&self.tz);
        DisplayTime {
            iso: t.to_rfc3339(),
            text: format!("{} {}", self.date(t), local.format("%H:%M")),
        }
    }
}

pub fn is_zone(name: &str) -> bool {
    name.parse::<Tz>().is_ok()
}

pub const REPORT_HOUR: u32 = 9;

fn monday_at_nine(tz: Tz, monday: NaiveDate) -> DateTime<Utc> {
    let local = monday.and_time(NaiveTime::from_hms_opt(REPORT_HOUR, 0, 0).expect("valid time"));
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(date.weekday().num_days_from_monday() as i64)
}

/// The latest Monday 09:00 (in `tz`) at or before `now`: the report that should have gone out.
pub fn last_report_due(tz: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    let monday = monday_of(now.with_timezone(&tz).date_naive());
    let this_week = monday_at_nine(tz, monday);
    if this_week <= now {
        this_week
    } else {
        monday_at_nine(tz, monday - Duration::weeks(1))
    }
}

/// The next Monday 09:00 (in `tz`) after `now`.
pub fn next_report(tz: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    let monday = monday_of(now.with_timezone(&tz).date_naive());
    let this_week = monday_at_nine(tz, monday);
    if this_week > now {
        this_week
    } else {
        monday_at_nine(tz, monday + Duration::weeks(1))
    }
}

/// "12/07/2026 09:00 Europe/London".
pub fn next_report_text(prefs: Prefs, now: DateTime<Utc>) -> String {
    format!("{} {}", prefs.display(next_report(prefs.tz, now)).text, prefs.tz.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn times_follow_zone_and_format() {
        let t = utc("2026-12-04T16:30:00Z");
        let us = Prefs::from_stored("America/New_York", "MM/DD/YYYY");
        assert_eq!(us.display(t).text, "12/04/2026 11:30");
        let eu = Prefs::from_stored("Europe/Berlin", "DD/MM/YYYY");
        assert_eq!(eu.display(t).text, "04/12/2026 17:30");
        assert_eq!(eu.display(t).iso, "2026-12-04T16:30:00+00:00");
    }

    #[test]
    fn unknown_preferences_fall_back_to_utc_month_first() {
        let p = Prefs::from_stored("Mars/Olympus", "YYYY");
        assert_eq!(p, Prefs { tz: Tz::UTC, format: DateFormat::MonthFirst });
    }

    #[test]
    fn the_next_report_is_the_coming_monday_at_nine_local() {
        // Friday 4 December 2026.
        let friday = utc("2026-12-04T16:30:00Z");
        let london = Prefs::from_stored("Europe/London", "DD/MM/YYYY");
        assert_eq!(next_report_text(london, friday), "07/12/2026 09:00 Europe/London");
        let tokyo = Prefs::from_stored("Asia/Tokyo", "MM/DD/YYYY");
        assert_eq!(next_report(tokyo.tz, friday), utc("2026-12-07T00:00:00Z"));
        // Monday 08:59 in London: still today; 09:00 exactly: next week.
        assert_eq!(
            next_report(Tz::Europe__London, utc("2026-12-07T08:59:00Z")),
            utc("2026-12-07T09:00:00Z")
        );
        assert_eq!(
            next_report(Tz::Europe__London, utc("2026-12-07T09:00:00Z")),
            utc("2026-12-14T09:00:00Z")
        );
    }

    #[test]
    fn the_last_due_report_is_at_or_before_now() {
        assert_eq!(
            last_report_due(Tz::Europe__London, utc("2026-12-07T09:00:00Z")),
            utc("2026-12-07T09:00:00Z")
        );
        assert_eq!(
            last_report_due(Tz::Europe__London, utc("2026-12-07T08:00:00Z")),
            utc("2026-11-30T09:00:00Z")
        );
    }

    #[test]
    fn reports_follow_summer_time() {
        // New York in July is UTC-4.
        assert_eq!(
            next_report(Tz::America__New_York, utc("2026-07-01T00:00:00Z")),
            utc("2026-07-06T13:00:00Z")
        );
    }

    #[test]
    fn every_iana_zone_is_offered() {
        let zones: Vec<&str> = crate::model::timezones().collect();
        let known: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
        assert_eq!(zones, known, "model/timezones.txt follows chrono-tz");
        assert!(
            zones.contains(&"Europe/London") && is_zone("Asia/Kolkata") && !is_zone("Nowhere/City")
        );
    }
}
