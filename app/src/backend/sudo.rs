//! Sudo mode: sensitive actions ask for the current password unless it was entered on this
//! session in the last ten minutes. The one server-side check every sensitive action calls.

use super::entities::{session, user};
use super::{rate_limit, sessions::CurrentSession, state::AppState};
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};

pub const WINDOW: Duration = Duration::minutes(10);
pub const FIELD: &str = "password";
pub const ASK: &str = "Enter your current password to continue.";
pub const WRONG: &str = "That is not your current password.";

pub fn is_active(current: &CurrentSession, now: DateTime<Utc>) -> bool {
    current.sudo_at.is_some_and(|at| now - at < WINDOW)
}

/// Passes inside the window; otherwise checks `password`, and a right one opens a new window.
/// A wrong one counts towards the sign-in rate limit, like a failed login.
pub async fn require(
    state: &AppState,
    current: &CurrentSession,
    password: Option<&str>,
    ip: &str,
) -> Result<(), AppError> {
    if is_active(current, Utc::now()) {
        return Ok(());
    }
    let Some(password) = password.filter(|p| !p.is_empty()) else {
        return Err(AppError::invalid(FIELD, ASK));
    };
    if let Err(seconds) = rate_limit::check(&state.db, &current.email, ip).await? {
        return Err(AppError::RateLimited(rate_limit::retry_message(seconds)));
    }
    let hash =
        user::Entity::find_by_id(current.user_id).one(&state.db).await?.map(|u| u.password_hash);
    if !state.hasher.verify(password, hash).await {
        rate_limit::record_failure(&state.db, &current.email, ip).await?;
        return Err(AppError::invalid(FIELD, WRONG));
    }
    session::Entity::update_many()
        .col_expr(session::Column::SudoAt, Expr::value(Some(Utc::now())))
        .filter(session::Column::Id.eq(current.session_id))
        .exec(&state.db)
        .await?;
    Ok(())
}
