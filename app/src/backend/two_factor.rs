//! Two-factor authentication with TOTP (SHA-1, 6 digits, 30 s, one step of drift), single-use
//! codes (the last accepted step is remembered), and ten single-use recovery codes.

use super::db::begin_write;
use super::entities::{recovery_code, user};
use super::sessions::{hash_token, CurrentSession};
use super::{mail, seal, security, state::AppState};
use crate::error::AppError;
use crate::model::{SecurityEventKind, TwoFactorSetup};
use chrono::Utc;
use rand::{Rng, RngCore};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use totp_rs::{Algorithm, TOTP};

pub const STEP: u64 = 30;
pub const RECOVERY_CODES: usize = 10;
pub const WRONG_CODE: &str =
    "That code is not right. Use the current code from your authenticator app.";

fn totp(secret: Vec<u8>, account: &str) -> Result<TOTP, AppError> {
    TOTP::new(Algorithm::SHA1, 6, 1, STEP, secret, Some("Trakkr".into()), account.to_string())
        .map_err(super::errors::internal)
}

/// The time step whose code equals `code`, within one step of `now`.
fn matching_step(totp: &TOTP, code: &str, now: u64) -> Option<i64> {
    let code = code.trim().replace(' ', "");
    let current = now / STEP;
    [current.saturating_sub(1), current, current + 1]
        .into_iter()
        .find(|step| totp.generate(step * STEP) == code)
        .map(|step| step as i64)
}

fn unix_now() -> u64 {
    Utc::now().timestamp().max(0) as u64
}

/// Starts setting up: a new secret, kept sealed as pending until a code confirms it.
pub async fn begin_setup(
    state: &AppState,
    current: &CurrentSession,
) -> Result<TwoFactorSetup, AppError> {
    let mut secret = vec![0u8; 20];
    rand::rng().fill_bytes(&mut secret);
    let sealed = seal::seal(&state.config.secret_key, &secret);
    user::Entity::update_many()
        .col_expr(user::Column::TotpPending, Expr::value(Some(sealed)))
        .filter(user::Column::Id.eq(current.user_id))
        .exec(&state.db)
        .await?;
    let totp = totp(secret, &current.email)?;
    let url = totp.get_url();
    let qr = qrcode::QrCode::new(url.as_bytes()).map_err(super::errors::internal)?;
    let svg =
        qr.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).quiet_zone(true).build();
    Ok(TwoFactorSetup { secret: totp.get_secret_base32(), qr_svg: svg })
}

/// Accepts `code` for `secret` if it matches a step newer than the last one used, and remembers
/// that step (atomically: two requests with one code cannot both pass).
async fn accept_code<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    secret: Vec<u8>,
    email: &str,
    code: &str,
) -> Result<bool, AppError> {
    let Some(step) = matching_step(&totp(secret, email)?, code, unix_now()) else {
        return Ok(false);
    };
    let claimed = user::Entity::update_many()
        .col_expr(user::Column::TotpLastStep, Expr::value(Some(step)))
        .filter(user::Column::Id.eq(user_id))
        .filter(
            Condition::any()
                .add(user::Column::TotpLastStep.is_null())
                .add(user::Column::TotpLastStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok(claimed.rows_affected == 1)
}

fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String =
                (0..10).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect()
}

fn normalize_recovery(code: &str) -> String {
    code.trim().to_lowercase()
}

async fn replace_recovery_codes<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
) -> Result<Vec<String>, AppError> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let codes = new_recovery_codes();
    let rows = codes.iter().map(|c| recovery_code::ActiveModel {
        user_id: Set(user_id),
        code_hash: Set(hash_token(&normalize_recovery(c))),
        used_at: Set(None),
        ..Default::default()
    });
    recovery_code::Entity::insert_many(rows).exec(db).await?;
    Ok(codes)
}

/// Finishes setup with a correct code: two-factor is on, and here are the recovery codes (shown once).
pub async fn confirm_setup(
    state: &AppState,
    current: &CurrentSession,
    code: &str,
    ip: &str,
    ua: &str,
) -> Result<Vec<String>, AppError> {
    let me = user::Entity::find_by_id(current.user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let secret =
        me.totp_pending
            .as_deref()
            .and_then(|s| seal::open(&state.config.secret_key, s))
            .ok_or_else(|| AppError::invalid("code", "Start the setup again: it has expired."))?;
    let txn = begin_write(&state.db).await?;
    if !accept_code(&txn, me.id, secret, &me.email, code).await? {
        return Err(AppError::invalid("code", WRONG_CODE));
    }
    let pending = me.totp_pending.clone();
    let mut row: user::ActiveModel = me.into();
    row.totp_secret = Set(pending);
    row.totp_pending = Set(None);
    row.two_factor_enabled = Set(true);
    row.update(&txn).await?;
    let codes = replace_recovery_codes(&txn, current.user_id).await?;
    security::record(&txn, current.user_id, SecurityEventKind::TwoFactorEnabled, ip, ua).await?;
    txn.commit().await?;
    Ok(codes)
}

/// Checks a second-step code or recovery code for `user_id`; a recovery code is used up.
pub async fn check_second_step(
    db: &DatabaseConnection,
    key: &[u8; 32],
    user_id: i32,
    code: Option<&str>,
    recovery: Option<&str>,
    ip: &str,
    ua: &str,
) -> Result<bool, AppError> {
    let me = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthenticated)?;
    if let Some(code) = code.filter(|c| !c.trim().is_empty()) {
        let Some(secret) = me.totp_secret.as_deref().and_then(|s| seal::open(key, s)) else {
            return Ok(false);
        };
        return accept_code(db, user_id, secret, &me.email, code).await;
    }
    if let Some(recovery) = recovery.filter(|c| !c.trim().is_empty()) {
        let used = recovery_code::Entity::update_many()
            .col_expr(recovery_code::Column::UsedAt, Expr::value(Some(Utc::now())))
            .filter(recovery_code::Column::UserId.eq(user_id))
            .filter(recovery_code::Column::CodeHash.eq(hash_token(&normalize_recovery(recovery))))
            .filter(recovery_code::Column::UsedAt.is_null())
            .exec(db)
            .await?;
        if used.rows_affected == 1 {
            security::record(db, user_id, SecurityEventKind::RecoveryCodeUsed, ip, ua).await?;
            return Ok(true);
        }
    }
    Ok(false)
}

/// Turns two-factor off after a current code or a recovery code, and mails a notice.
pub async fn disable(
    state: &AppState,
    current: &CurrentSession,
    code: Option<&str>,
    recovery: Option<&str>,
    ip: &str,
    ua: &str,
) -> Result<(), AppError> {
    if current.viewer.flags.require_two_factor {
        return Err(AppError::Denied(
            "Your team requires two-factor authentication, so it stays on.".into(),
        ));
    }
    if !check_second_step(
        &state.db,
        &state.config.secret_key,
        current.user_id,
        code,
        recovery,
        ip,
        ua,
    )
    .await?
    {
        return Err(AppError::invalid(
            "code",
            "Enter a current authentication code or an unused recovery code.",
        ));
    }
    let txn = begin_write(&state.db).await?;
    user::Entity::update_many()
        .col_expr(user::Column::TwoFactorEnabled, Expr::value(false))
        .col_expr(user::Column::TotpSecret, Expr::value(Option::<String>::None))
        .col_expr(user::Column::TotpPending, Expr::value(Option::<String>::None))
        .filter(user::Column::Id.eq(current.user_id))
        .exec(&txn)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(current.user_id))
        .exec(&txn)
        .await?;
    security::record(&txn, current.user_id, SecurityEventKind::TwoFactorDisabled, ip, ua).await?;
    mail::queue(
        &txn,
        Some(current.user_id),
        mail::Mail {
            to: current.email.clone(),
            subject: "Two-factor authentication was turned off".into(),
            body: format!(
                "Hello {},\n\nTwo-factor authentication was just turned off for your Trakkr account.\n\n\
                 If this was not you, change your password at once and turn it back on.",
                current.first_name
            ),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// New recovery codes, replacing every old one.
pub async fn regenerate(
    db: &DatabaseConnection,
    current: &CurrentSession,
) -> Result<Vec<String>, AppError> {
    if !current.viewer.two_factor_enabled {
        return Err(AppError::invalid("code", "Turn on two-factor authentication first."));
    }
    let txn = begin_write(db).await?;
    let codes = replace_recovery_codes(&txn, current.user_id).await?;
    txn.commit().await?;
    Ok(codes)
}

pub async fn codes_left(db: &DatabaseConnection, user_id: i32) -> Result<u64, AppError> {
    Ok(recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_within_one_step_of_drift() {
        let t = totp(vec![1; 20], "a@example.com").unwrap();
        let now = 1_800_000_000;
        let step = (now / STEP) as i64;
        assert_eq!(matching_step(&t, &t.generate(now), now), Some(step));
        assert_eq!(matching_step(&t, &t.generate(now - STEP), now), Some(step - 1));
        assert_eq!(matching_step(&t, &t.generate(now + STEP), now), Some(step + 1));
        assert_eq!(matching_step(&t, &t.generate(now - 2 * STEP), now), None);
        assert_eq!(matching_step(&t, "000000x", now), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_readable() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert!(codes.iter().all(|c| c.len() == 11 && c.as_bytes()[5] == b'-'));
        let mut unique = codes.clone();
        unique.dedup();
        assert_eq!(unique.len(), 10);
    }
}
