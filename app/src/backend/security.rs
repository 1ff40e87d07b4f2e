//! The Security tab's data: password changes, the sessions list, the security log.

use super::clock::Prefs;
use super::db::begin_write;
use super::entities::{security_event, session, user};
use super::sessions::CurrentSession;
use super::{devices, mail, rate_limit, state::AppState};
use crate::error::AppError;
use crate::model::{
    Password, SecurityEventKind, SecurityEventView, SecurityView, SessionInfo, TwoFactorStatus,
};
use crate::policy::{can, must_set_up_two_factor, Action, Role};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

pub const LOG_LENGTH: u64 = 50;

/// Writes one event to the user's security log.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    kind: SecurityEventKind,
    ip: &str,
    user_agent: &str,
) -> Result<(), DbErr> {
    security_event::ActiveModel {
        user_id: Set(user_id),
        kind: Set(kind.code().to_string()),
        ip: Set(ip.to_string()),
        user_agent: Set(user_agent.chars().take(512).collect()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn view(
    db: &DatabaseConnection,
    current: &CurrentSession,
    geoip: Option<&devices::GeoIp>,
) -> Result<SecurityView, AppError> {
    let prefs = Prefs::from_stored(&current.timezone, &current.date_format);
    let sessions = session::Entity::find()
        .filter(session::Column::UserId.eq(current.user_id))
        .filter(session::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| {
            let (device, browser) = devices::describe(&s.user_agent);
            SessionInfo {
                id: s.id,
                device,
                browser,
                location: devices::location(&s.ip, geoip),
                ip: s.ip,
                signed_in: prefs.display(s.created_at),
                last_active: prefs.display(s.last_seen_at),
                this_device: s.id == current.session_id,
            }
        })
        .collect();
    let events = security_event::Entity::find()
        .filter(security_event::Column::UserId.eq(current.user_id))
        .order_by_desc(security_event::Column::Id)
        .limit(LOG_LENGTH)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|e| {
            let kind = SecurityEventKind::from_code(&e.kind)?;
            let (device, browser) = devices::describe(&e.user_agent);
            Some(SecurityEventView {
                kind,
                at: prefs.display(e.created_at),
                ip: e.ip,
                device: format!("{device} · {browser}"),
            })
        })
        .collect();
    let two_factor = TwoFactorStatus {
        enabled: current.viewer.two_factor_enabled,
        codes_left: super::two_factor::codes_left(db, current.user_id).await?,
    };
    let v = &current.viewer;
    let team_requirement = (v.role == Role::Owner)
        .then(|| (v.flags.require_two_factor, can(v, Action::RequireTwoFactor).err().map(|d| d.0)));
    Ok(SecurityView {
        two_factor,
        team_requirement,
        must_set_up: must_set_up_two_factor(v),
        sessions,
        events,
        sudo_active: super::sudo::is_active(current, Utc::now()),
    })
}

/// Changes the password after checking the current one; every other session ends, this one
/// stays, and a notice is mailed. A wrong current password counts like a failed sign-in.
pub async fn change_password(
    state: &AppState,
    current: &CurrentSession,
    current_password: &str,
    new_password: &str,
    confirm: &str,
    ip: &str,
    user_agent: &str,
) -> Result<(), AppError> {
    if let Err(seconds) = rate_limit::check(&state.db, &current.email, ip).await? {
        return Err(AppError::RateLimited(rate_limit::retry_message(seconds)));
    }
    let hash =
        user::Entity::find_by_id(current.user_id).one(&state.db).await?.map(|u| u.password_hash);
    if !state.hasher.verify(current_password, hash).await {
        rate_limit::record_failure(&state.db, &current.email, ip).await?;
        return Err(AppError::invalid("current_password", "That is not your current password."));
    }
    let new = Password::parse(new_password).map_err(|m| AppError::invalid("new_password", m))?;
    if new_password != confirm {
        return Err(AppError::invalid(
            "confirm_password",
            "The two new passwords are not the same.",
        ));
    }
    let new_hash = state.hasher.hash(new.expose()).await?;
    let txn = begin_write(&state.db).await?;
    let mut me: user::ActiveModel = user::Entity::find_by_id(current.user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::Unauthenticated)?
        .into();
    me.password_hash = Set(new_hash);
    me.update(&txn).await?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(current.user_id))
        .filter(session::Column::Id.ne(current.session_id))
        .exec(&txn)
        .await?;
    record(&txn, current.user_id, SecurityEventKind::PasswordChanged, ip, user_agent).await?;
    mail::queue(
        &txn,
        Some(current.user_id),
        mail::Mail {
            to: current.email.clone(),
            subject: "Your Trakkr password was changed".into(),
            body: format!(
                "Hello {},\n\nThe password of your Trakkr account was just changed, and every other device \
                 was signed out.\n\nIf this was not you, reset your password at once and contact support.",
                current.first_name
            ),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Ends one of the user's other sessions; it is dead on its next request.
pub async fn revoke(
    db: &DatabaseConnection,
    current: &CurrentSession,
    session_id: i32,
    ip: &str,
    ua: &str,
) -> Result<(), AppError> {
    if session_id == current.session_id {
        return Err(AppError::invalid("session", "To end this session, log out."));
    }
    let gone = session::Entity::delete_many()
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::UserId.eq(current.user_id))
        .exec(db)
        .await?;
    if gone.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    record(db, current.user_id, SecurityEventKind::SessionRevoked, ip, ua).await?;
    Ok(())
}

/// Ends every session of the user but this one.
pub async fn revoke_others(
    db: &DatabaseConnection,
    current: &CurrentSession,
    ip: &str,
    ua: &str,
) -> Result<u64, AppError> {
    let gone = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(current.user_id))
        .filter(session::Column::Id.ne(current.session_id))
        .exec(db)
        .await?;
    record(db, current.user_id, SecurityEventKind::SignedOutEverywhere, ip, ua).await?;
    Ok(gone.rows_affected)
}

/// Turns the team-wide two-factor requirement on or off (the caller has asked the policy).
pub async fn set_team_requirement(
    db: &DatabaseConnection,
    team_id: i32,
    required: bool,
) -> Result<(), AppError> {
    use super::entities::team;
    team::Entity::update_many()
        .col_expr(team::Column::RequireTwoFactor, sea_orm::sea_query::Expr::value(required))
        .filter(team::Column::Id.eq(team_id))
        .exec(db)
        .await?;
    Ok(())
}
