use crate::harness::{each_database, last_mail_to};
use app::backend::{leases, reports};
use chrono::{DateTime, Duration, Utc};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[tokio::test]
async fn weekly_reports_go_out_once_per_week_at_nine_local() {
    each_database(|app| async move {
        // The demo accounts were created just now and live in Europe/London: their first report is
        // due next Monday at 09:00 London time.
        let next_monday =
            app::backend::clock::next_report(chrono_tz::Tz::Europe__London, Utc::now());
        assert_eq!(
            reports::send_due(&app.db, next_monday - Duration::minutes(1)).await.unwrap(),
            0
        );
        let sent = reports::send_due(&app.db, next_monday + Duration::minutes(1)).await.unwrap();
        assert_eq!(sent, 7, "one per demo account");
        assert_eq!(
            reports::send_due(&app.db, next_monday + Duration::minutes(2)).await.unwrap(),
            0,
            "never twice"
        );
        let (subject, body) = last_mail_to(&app.db, "viewer@demo.test").await.unwrap();
        assert_eq!(subject, "Your weekly AI visibility report");
        assert_eq!(
            body.matches("\n- ").count(),
            1,
            "a restricted viewer hears of one brand only: {body}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_lease_has_one_holder_until_it_expires() {
    each_database(|app| async move {
        let (ttl, t0) = (Duration::minutes(5), utc("2026-12-07T09:00:00Z"));
        assert!(leases::acquire_at(&app.db, "test-job", "a", ttl, t0).await.unwrap());
        assert!(!leases::acquire_at(&app.db, "test-job", "b", ttl, t0 + Duration::minutes(1))
            .await
            .unwrap());
        assert!(
            leases::acquire_at(&app.db, "test-job", "a", ttl, t0 + Duration::minutes(2))
                .await
                .unwrap(),
            "the holder renews"
        );
        assert!(
            !leases::acquire_at(&app.db, "test-job", "b", ttl, t0 + Duration::minutes(6))
                .await
                .unwrap(),
            "renewed until 09:07"
        );
        assert!(
            leases::acquire_at(&app.db, "test-job", "b", ttl, t0 + Duration::minutes(8))
                .await
                .unwrap(),
            "expired: another takes it"
        );
    })
    .await;
}
