//! The team's audit log: every team change writes one line, in the transaction that made it.

use super::entities::team_event;
use super::sessions::CurrentSession;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

/// Writes who (`current`) did `action` (a dotted code such as `member.removed`) to `target`.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
    action: &str,
    target: &str,
    ip: &str,
) -> Result<(), DbErr> {
    record_as(db, current.team_id, Some(current.user_id), &current.email, action, target, ip).await
}

/// The same, for changes made by someone who is not (yet) a member, such as accepting an
/// invitation.
pub async fn record_as<C: ConnectionTrait>(
    db: &C,
    team_id: i32,
    actor_id: Option<i32>,
    actor_name: &str,
    action: &str,
    target: &str,
    ip: &str,
) -> Result<(), DbErr> {
    team_event::ActiveModel {
        team_id: Set(team_id),
        actor_id: Set(actor_id),
        actor_name: Set(actor_name.to_string()),
        action: Set(action.to_string()),
        target: Set(target.to_string()),
        ip: Set(ip.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
