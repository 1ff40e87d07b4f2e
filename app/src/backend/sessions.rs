use super::entities::{membership, session, team, user};
use crate::policy::{Plan, Role, TeamFlags, Viewer};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "session";
/// A session unused for this long is over.
pub const IDLE: Duration = Duration::days(7);
/// No session lives longer than this, however busy.
pub const ABSOLUTE: Duration = Duration::days(30);
/// Last activity is written at most this often, so a request costs no write.
pub const TOUCH_EVERY: Duration = Duration::seconds(60);

/// Who is asking, loaded once per request from the session cookie.
#[derive(Clone, Debug)]
pub struct CurrentSession {
    pub session_id: i32,
    pub user_id: i32,
    pub team_id: i32,
    pub membership_id: i32,
    pub first_name: String,
    pub email: String,
    pub team_name: String,
    pub timezone: String,
    pub date_format: String,
    pub viewer: Viewer,
    pub sudo_at: Option<DateTime<Utc>>,
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Starts a session and returns the cookie's token (only its hash is stored).
pub async fn create(
    db: &DatabaseConnection,
    user_id: i32,
    user_agent: &str,
    ip: &str,
) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        user_id: Set(user_id),
        user_agent: Set(user_agent.chars().take(512).collect()),
        ip: Set(ip.to_string()),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + ABSOLUTE),
        sudo_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The session behind a cookie token, if it is alive. Expired sessions are deleted on sight.
pub async fn load(db: &DatabaseConnection, token: &str) -> Result<Option<CurrentSession>, DbErr> {
    let Some(row) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let now = Utc::now();
    if row.expires_at <= now || row.last_seen_at + IDLE <= now {
        session::Entity::delete_by_id(row.id).exec(db).await?;
        return Ok(None);
    }
    let Some(current) = describe(db, &row).await? else { return Ok(None) };
    if now - row.last_seen_at >= TOUCH_EVERY {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, sea_orm::sea_query::Expr::value(now))
            .filter(session::Column::Id.eq(row.id))
            .exec(db)
            .await?;
    }
    Ok(Some(current))
}

async fn describe(
    db: &DatabaseConnection,
    row: &session::Model,
) -> Result<Option<CurrentSession>, DbErr> {
    let Some(user) = user::Entity::find_by_id(row.user_id).one(db).await? else { return Ok(None) };
    let Some(member) =
        membership::Entity::find().filter(membership::Column::UserId.eq(user.id)).one(db).await?
    else {
        return Ok(None);
    };
    let Some(team) = team::Entity::find_by_id(member.team_id).one(db).await? else {
        return Ok(None);
    };
    let viewer = Viewer {
        plan: Plan::parse(&team.plan).unwrap_or(Plan::Free),
        role: Role::parse(&member.role).unwrap_or(Role::Viewer),
        flags: TeamFlags {
            agency_mode: team.agency_mode,
            white_label_active: team.white_label_active,
            beta_api_access: team.beta_api_access,
            require_two_factor: team.require_two_factor,
        },
        can_manage_billing: member.can_manage_billing,
        referral_member: user.referral_member,
        two_factor_enabled: user.two_factor_enabled,
    };
    Ok(Some(CurrentSession {
        session_id: row.id,
        user_id: user.id,
        team_id: team.id,
        membership_id: member.id,
        first_name: user.first_name,
        email: user.email,
        team_name: team.name,
        timezone: user.timezone,
        date_format: user.date_format,
        viewer,
        sudo_at: row.sudo_at,
    }))
}

/// Ends the session behind a token; its cookie is dead on the next request.
pub async fn end(db: &DatabaseConnection, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .exec(db)
        .await?;
    Ok(())
}

/// The `Set-Cookie` value that carries a new session token.
pub fn cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={}{secure}",
        ABSOLUTE.num_seconds()
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0{secure}")
}

/// The session token in a `Cookie` header, if any.
pub fn token_from_cookie_header(header: &str) -> Option<&str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value)
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_found_among_other_cookies() {
        assert_eq!(token_from_cookie_header("a=1; session=abc; b=2"), Some("abc"));
        assert_eq!(token_from_cookie_header("a=1"), None);
        assert_eq!(token_from_cookie_header("session="), None);
    }

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(hash_token(&a).len(), 64);
        assert_ne!(hash_token(&a), a);
    }

    #[test]
    fn cookies_are_http_only_and_lax() {
        let c = cookie("t", true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Path=/"));
        assert!(c.ends_with("; Secure"));
        assert!(!cookie("t", false).contains("Secure"));
    }
}
