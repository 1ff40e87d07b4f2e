//! Changing the login email: a single-use link to the new address decides it.

use super::clock::Prefs;
use super::db::begin_write;
use super::entities::{email_change, user};
use super::sessions::{hash_token, new_token, CurrentSession};
use super::{mail, rate_limit};
use crate::error::AppError;
use crate::model::{Email, PendingEmailView, SecurityEventKind};
use chrono::{Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, Set,
};

pub const LINK_LIFETIME: Duration = Duration::hours(1);
pub const PER_DAY: u64 = 3;
const SCOPE: &str = "email_change";
pub const TAKEN: &str = "That email is already in use by another account.";

pub async fn pending(
    db: &DatabaseConnection,
    user_id: i32,
    prefs: Prefs,
) -> Result<Option<PendingEmailView>, AppError> {
    let row = email_change::Entity::find()
        .filter(email_change::Column::UserId.eq(user_id))
        .filter(email_change::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?;
    Ok(row
        .map(|r| PendingEmailView { new_email: r.new_email, expires: prefs.display(r.expires_at) }))
}

async fn email_taken<C: ConnectionTrait>(
    db: &C,
    email: &str,
    except: i32,
) -> Result<bool, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .filter(user::Column::Id.ne(except))
        .one(db)
        .await?
        .is_some())
}

/// Starts (or restarts) a change to `new_email`: replaces any older request, mails the link to
/// the new address and a notice to the old one, in one transaction.
pub async fn request(
    db: &DatabaseConnection,
    current: &CurrentSession,
    new_email: &Email,
    origin: &str,
) -> Result<(), AppError> {
    if new_email.as_str() == current.email {
        return Err(AppError::invalid("new_email", "That is already your email address."));
    }
    let txn = begin_write(db).await?;
    if email_taken(&txn, new_email.as_str(), current.user_id).await? {
        return Err(AppError::invalid("new_email", TAKEN));
    }
    if rate_limit::recent_events(&txn, current.user_id, SCOPE, Duration::days(1)).await? >= PER_DAY
    {
        return Err(AppError::RateLimited(
            "You can request at most 3 email changes a day. Try again tomorrow.".into(),
        ));
    }
    rate_limit::record_event(&txn, current.user_id, SCOPE).await?;
    email_change::Entity::delete_many()
        .filter(email_change::Column::UserId.eq(current.user_id))
        .exec(&txn)
        .await?;
    let token = new_token();
    let now = Utc::now();
    email_change::ActiveModel {
        user_id: Set(current.user_id),
        new_email: Set(new_email.as_str().to_string()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(now),
        expires_at: Set(now + LINK_LIFETIME),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let link = format!("{origin}/confirm-email?token={token}");
    mail::queue(
        &txn,
        Some(current.user_id),
        mail::Mail {
            to: new_email.as_str().to_string(),
            subject: "Confirm your new Trakkr email address".into(),
            body: format!(
                "Hello {},\n\nOpen this link within one hour to make {} your Trakkr login email:\n\n{link}\n\n\
                 If you did not ask for this, ignore this message.",
                current.first_name,
                new_email.as_str()
            ),
        },
    )
    .await?;
    mail::queue(
        &txn,
        Some(current.user_id),
        mail::Mail {
            to: current.email.clone(),
            subject: "A change of your Trakkr email address was requested".into(),
            body: format!(
                "Hello {},\n\nSomeone signed in to your account asked to change its email address to {}. \
                 Nothing changes until the link sent there is opened.\n\nIf this was not you, change your \
                 password at once.",
                current.first_name,
                new_email.as_str()
            ),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Sends the pending change's link again (a new link; the old one stops working).
pub async fn resend(
    db: &DatabaseConnection,
    current: &CurrentSession,
    origin: &str,
) -> Result<(), AppError> {
    let row = email_change::Entity::find()
        .filter(email_change::Column::UserId.eq(current.user_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let email = Email::parse(&row.new_email).map_err(super::errors::internal)?;
    request(db, current, &email, origin).await
}

pub async fn cancel(db: &DatabaseConnection, user_id: i32) -> Result<(), AppError> {
    email_change::Entity::delete_many()
        .filter(email_change::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Opens a link: the address changes now, once. Returns the new address.
pub async fn confirm(
    db: &DatabaseConnection,
    token: &str,
    ip: &str,
    user_agent: &str,
) -> Result<String, AppError> {
    let txn = begin_write(db).await?;
    let row = email_change::Entity::find()
        .filter(email_change::Column::TokenHash.eq(hash_token(token)))
        .one(&txn)
        .await?
        .filter(|r| r.expires_at > Utc::now())
        .ok_or_else(|| {
            AppError::invalid(
                "token",
                "This link has expired or was already used. Ask for a new one in Settings.",
            )
        })?;
    if email_taken(&txn, &row.new_email, row.user_id).await? {
        return Err(AppError::invalid("token", TAKEN));
    }
    let me = user::Entity::find_by_id(row.user_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(row.new_email.clone()))
        .filter(user::Column::Id.eq(row.user_id))
        .exec(&txn)
        .await?;
    email_change::Entity::delete_by_id(row.id).exec(&txn).await?;
    super::security::record(&txn, row.user_id, SecurityEventKind::EmailChanged, ip, user_agent)
        .await?;
    mail::queue(
        &txn,
        Some(row.user_id),
        mail::Mail {
            to: me.email.clone(),
            subject: "Your Trakkr email address was changed".into(),
            body: format!(
                "Hello {},\n\nYour Trakkr login email is now {}. This address will no longer receive \
                 account mail.\n\nIf this was not you, contact support at once.",
                me.first_name, row.new_email
            ),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row.new_email)
}
