use super::db::begin_write;
use super::entities::feedback;
use super::sessions::CurrentSession;
use super::{mail, rate_limit};
use crate::error::AppError;
use crate::model::FeedbackKind;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

pub const PER_HOUR: u64 = 5;
const SCOPE: &str = "feedback";

/// Stores the feedback with who sent it and from where, and mails a copy to the product team.
pub async fn submit(
    db: &DatabaseConnection,
    current: &CurrentSession,
    kind: FeedbackKind,
    message: String,
    page: String,
    feedback_to: &str,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    if rate_limit::recent_events(&txn, current.user_id, SCOPE, Duration::hours(1)).await?
        >= PER_HOUR
    {
        return Err(AppError::RateLimited(
            "Thank you, that is plenty for now. You can send more feedback in an hour.".into(),
        ));
    }
    rate_limit::record_event(&txn, current.user_id, SCOPE).await?;
    let page: String = page.chars().take(200).collect();
    feedback::ActiveModel {
        user_id: Set(current.user_id),
        team_id: Set(current.team_id),
        kind: Set(kind.label().to_string()),
        message: Set(message.clone()),
        page: Set(page.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    mail::queue(
        &txn,
        Some(current.user_id),
        mail::Mail {
            to: feedback_to.to_string(),
            subject: format!("Feedback ({}) from {}", kind.label(), current.email),
            body: format!(
                "{} <{}> of team “{}” sent this from {page}:\n\n{message}",
                current.first_name, current.email, current.team_name
            ),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
