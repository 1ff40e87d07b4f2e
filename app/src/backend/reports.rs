//! The weekly report: every Monday at 09:00 in each user's timezone, a summary of the team's
//! brand visibility over the past week, through the mailer. One server sends it (lease), and a
//! delivery row per user and week makes sure nobody gets a week twice.

use super::clock::{last_report_due, Prefs};
use super::db::begin_write;
use super::entities::{
    brand, brand_visibility, membership, membership_brand, report_delivery, user,
};
use super::{leases, mail};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

/// Sends every report that is due at `now` and not sent yet. Returns how many were queued.
pub async fn send_due(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let mut sent = 0;
    for person in user::Entity::find().all(db).await? {
        let prefs = Prefs::from_stored(&person.timezone, &person.date_format);
        let due = last_report_due(prefs.tz, now);
        if due < person.created_at {
            continue;
        }
        let week = due.with_timezone(&prefs.tz).date_naive();
        let already = report_delivery::Entity::find_by_id((person.id, week)).one(db).await?;
        if already.is_some() {
            continue;
        }
        let body = summary(db, &person, prefs, due).await?;
        let txn = begin_write(db).await?;
        let claimed = report_delivery::ActiveModel {
            user_id: Set(person.id),
            week_start: Set(week),
            sent_at: Set(now),
        }
        .insert(&txn)
        .await;
        if claimed.is_err() {
            continue;
        }
        mail::queue(
            &txn,
            Some(person.id),
            mail::Mail {
                to: person.email.clone(),
                subject: "Your weekly AI visibility report".into(),
                body,
            },
        )
        .await?;
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

async fn summary(
    db: &DatabaseConnection,
    person: &user::Model,
    prefs: Prefs,
    due: DateTime<Utc>,
) -> Result<String, DbErr> {
    let Some(member) =
        membership::Entity::find().filter(membership::Column::UserId.eq(person.id)).one(db).await?
    else {
        return Ok(String::new());
    };
    let mut brands = brand::Entity::find()
        .filter(brand::Column::TeamId.eq(member.team_id))
        .filter(brand::Column::Active.eq(true))
        .order_by_asc(brand::Column::Name)
        .all(db)
        .await?;
    if !member.all_brands {
        let allowed: Vec<i32> = membership_brand::Entity::find()
            .filter(membership_brand::Column::MembershipId.eq(member.id))
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.brand_id)
            .collect();
        brands.retain(|b| allowed.contains(&b.id));
    }
    let mut lines = vec![format!(
        "Hello {},\n\nYour brands' visibility in AI answers for the week ending {}:\n",
        person.first_name,
        prefs.date(due)
    )];
    for b in brands {
        let history = brand_visibility::Entity::find()
            .filter(brand_visibility::Column::BrandId.eq(b.id))
            .order_by_desc(brand_visibility::Column::WeekStart)
            .all(db)
            .await?;
        match (history.first(), history.get(1)) {
            (Some(now), Some(before)) => lines.push(format!(
                "- {}: {:.1} ({:+.1} on the week before)",
                b.name,
                now.score,
                now.score - before.score
            )),
            (Some(now), None) => lines.push(format!("- {}: {:.1}", b.name, now.score)),
            _ => lines.push(format!("- {}: no data yet", b.name)),
        }
    }
    lines.push("\nChange when this arrives under Settings → Profile → Regional Settings.".into());
    Ok(lines.join("\n"))
}

/// Checks every minute, on whichever server holds the report lease.
pub fn spawn_scheduler(db: DatabaseConnection, holder: String) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            match leases::acquire(&db, "weekly_report", &holder, Duration::minutes(5)).await {
                Ok(true) => {
                    if let Err(e) = send_due(&db, Utc::now()).await {
                        tracing::error!(error = %e, "weekly report run failed");
                    }
                }
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "report lease failed"),
            }
        }
    });
}
