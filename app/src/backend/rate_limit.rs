use super::entities::login_attempt;
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

pub const WINDOW: Duration = Duration::minutes(15);
pub const PER_ACCOUNT: u64 = 5;
pub const PER_ADDRESS: u64 = 30;

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn address_key(ip: &str) -> String {
    format!("ip:{ip}")
}

/// `Err(seconds)` when either key has used up its failed attempts in the window.
pub async fn check(
    db: &DatabaseConnection,
    email: &str,
    ip: &str,
) -> Result<Result<(), i64>, DbErr> {
    for (key, limit) in [(account_key(email), PER_ACCOUNT), (address_key(ip), PER_ADDRESS)] {
        let since = Utc::now() - WINDOW;
        let recent = login_attempt::Entity::find()
            .filter(login_attempt::Column::ScopeKey.eq(&key))
            .filter(login_attempt::Column::CreatedAt.gt(since));
        if recent.clone().count(db).await? >= limit {
            let oldest = recent.order_by_asc(login_attempt::Column::CreatedAt).one(db).await?;
            let free_at = oldest.map(|a| a.created_at + WINDOW).unwrap_or_else(Utc::now);
            return Ok(Err((free_at - Utc::now()).num_seconds().max(1)));
        }
    }
    Ok(Ok(()))
}

pub async fn record_failure(db: &DatabaseConnection, email: &str, ip: &str) -> Result<(), DbErr> {
    let now = Utc::now();
    for key in [account_key(email), address_key(ip)] {
        login_attempt::ActiveModel {
            scope_key: Set(key),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::CreatedAt.lt(now - WINDOW))
        .exec(db)
        .await?;
    Ok(())
}

/// A successful sign-in forgives the account's earlier mistakes.
pub async fn clear_account(db: &DatabaseConnection, email: &str) -> Result<(), DbErr> {
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::ScopeKey.eq(account_key(email)))
        .exec(db)
        .await?;
    Ok(())
}

/// "Try again in 12 minutes."
pub fn retry_message(seconds: i64) -> String {
    let minutes = (seconds + 59) / 60;
    if minutes <= 1 {
        "Too many failed sign-in attempts. Try again in a minute.".into()
    } else {
        format!("Too many failed sign-in attempts. Try again in {minutes} minutes.")
    }
}

/// How many times `user_id` did `scope` within `window`.
pub async fn recent_events<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: i32,
    scope: &str,
    window: Duration,
) -> Result<u64, DbErr> {
    use super::entities::rate_event;
    rate_event::Entity::find()
        .filter(rate_event::Column::UserId.eq(user_id))
        .filter(rate_event::Column::Scope.eq(scope))
        .filter(rate_event::Column::CreatedAt.gt(Utc::now() - window))
        .count(db)
        .await
}

pub async fn record_event<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: i32,
    scope: &str,
) -> Result<(), DbErr> {
    use super::entities::rate_event;
    rate_event::ActiveModel {
        user_id: Set(user_id),
        scope: Set(scope.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
