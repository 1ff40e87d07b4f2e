//! The Profile tab's data: first name, regional settings, account deletion.

use super::clock::{self, Prefs};
use super::db::begin_write;
use super::entities::{login_attempt, team, user};
use super::sessions::CurrentSession;
use super::{email_change, mail, rate_limit, sudo};
use crate::error::AppError;
use crate::model::{DateFormat, FirstName, ProfileView, RegionalView};
use crate::policy::Role;
use chrono::Utc;
use sea_orm::{sea_query::Expr, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

pub const OWNER_WITH_MEMBERS: &str =
    "You own a team with other members. Transfer ownership or remove them before deleting your account.";

pub async fn view(
    db: &DatabaseConnection,
    current: &CurrentSession,
) -> Result<ProfileView, AppError> {
    let me = user::Entity::find_by_id(current.user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let prefs = Prefs::from_stored(&me.timezone, &me.date_format);
    Ok(ProfileView {
        first_name: me.first_name,
        email: me.email,
        pending_email: email_change::pending(db, current.user_id, prefs).await?,
        regional: regional(prefs),
        sudo_active: sudo::is_active(current, Utc::now()),
        deletion_blocked: deletion_blocked(db, current).await?,
    })
}

fn regional(prefs: Prefs) -> RegionalView {
    RegionalView {
        timezone: prefs.tz.name().to_string(),
        date_format: prefs.format,
        next_report: clock::next_report_text(prefs, Utc::now()),
    }
}

/// Saves the first name unless a newer revision is already stored (saves that cross lose to
/// the newest). Returns the name now stored.
pub async fn update_first_name(
    db: &DatabaseConnection,
    user_id: i32,
    name: &FirstName,
    rev: i64,
) -> Result<String, AppError> {
    user::Entity::update_many()
        .col_expr(user::Column::FirstName, Expr::value(name.as_str()))
        .col_expr(user::Column::FirstNameRev, Expr::value(rev))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::FirstNameRev.lt(rev))
        .exec(db)
        .await?;
    let stored =
        user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthenticated)?;
    Ok(stored.first_name)
}

/// Changes timezone and/or date format; returns what the tab shows after.
pub async fn update_regional(
    db: &DatabaseConnection,
    user_id: i32,
    timezone: Option<String>,
    date_format: Option<DateFormat>,
) -> Result<RegionalView, AppError> {
    if let Some(tz) = &timezone {
        if !clock::is_zone(tz) {
            return Err(AppError::invalid("timezone", "Choose a timezone from the list."));
        }
    }
    let mut update = user::Entity::update_many().filter(user::Column::Id.eq(user_id));
    if let Some(tz) = timezone {
        update = update.col_expr(user::Column::Timezone, Expr::value(tz));
    }
    if let Some(format) = date_format {
        update = update.col_expr(user::Column::DateFormat, Expr::value(format.code()));
    }
    update.exec(db).await?;
    let me = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthenticated)?;
    Ok(regional(Prefs::from_stored(&me.timezone, &me.date_format)))
}

/// Why this account cannot be deleted now, if it cannot.
pub async fn deletion_blocked(
    db: &DatabaseConnection,
    current: &CurrentSession,
) -> Result<Option<String>, AppError> {
    let owner = current.viewer.role == Role::Owner;
    Ok((owner && super::accounts::other_members(db, current.team_id, current.user_id).await? > 0)
        .then(|| OWNER_WITH_MEMBERS.to_string()))
}

/// Removes the account and everything that belongs to it (its personal team too, when it owns
/// one with nobody else), and queues a goodbye that outlives it.
pub async fn delete_account(
    db: &DatabaseConnection,
    current: &CurrentSession,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let owner = current.viewer.role == Role::Owner;
    if owner && super::accounts::other_members(&txn, current.team_id, current.user_id).await? > 0 {
        return Err(AppError::Denied(OWNER_WITH_MEMBERS.into()));
    }
    mail::queue(
        &txn,
        None,
        mail::Mail {
            to: current.email.clone(),
            subject: "Your Trakkr account has been deleted".into(),
            body: format!(
                "Hello {},\n\nYour Trakkr account and all of its data have been deleted, as you asked. \
                 You have been signed out everywhere.\n\nIf this was not you, reply to this message at once.",
                current.first_name
            ),
        },
    )
    .await?;
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::ScopeKey.eq(rate_limit::account_key(&current.email)))
        .exec(&txn)
        .await?;
    // Rows that reference the user or the team go with them (ON DELETE CASCADE).
    user::Entity::delete_by_id(current.user_id).exec(&txn).await?;
    if owner {
        team::Entity::delete_by_id(current.team_id).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}
