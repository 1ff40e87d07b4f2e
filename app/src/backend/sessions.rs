use super::entities::{membership, session, team, user};
use crate::policy::{Plan, Role, TeamFlags, Viewer};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    JoinType, QueryFilter, QuerySelect, RelationDef, Set,
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

/// One row: the session with its user, membership and team, read in a single query because
/// every request asks for it.
#[derive(Debug, FromQueryResult)]
struct SessionRow {
    id: i32,
    user_id: i32,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    sudo_at: Option<DateTime<Utc>>,
    first_name: String,
    email: String,
    timezone: String,
    date_format: String,
    referral_member: bool,
    two_factor_enabled: bool,
    membership_id: i32,
    team_id: i32,
    role: String,
    can_manage_billing: bool,
    team_name: String,
    plan: String,
    agency_mode: bool,
    white_label_active: bool,
    beta_api_access: bool,
    require_two_factor: bool,
}

async fn find_row(db: &DatabaseConnection, token: &str) -> Result<Option<SessionRow>, DbErr> {
    let to_user: RelationDef = session::Entity::belongs_to(user::Entity)
        .from(session::Column::UserId)
        .to(user::Column::Id)
        .into();
    let to_membership: RelationDef = session::Entity::belongs_to(membership::Entity)
        .from(session::Column::UserId)
        .to(membership::Column::UserId)
        .into();
    let to_team: RelationDef = membership::Entity::belongs_to(team::Entity)
        .from(membership::Column::TeamId)
        .to(team::Column::Id)
        .into();
    session::Entity::find()
        .select_only()
        .columns([
            session::Column::Id,
            session::Column::UserId,
            session::Column::LastSeenAt,
            session::Column::ExpiresAt,
            session::Column::SudoAt,
        ])
        .columns([
            user::Column::FirstName,
            user::Column::Email,
            user::Column::Timezone,
            user::Column::DateFormat,
            user::Column::ReferralMember,
            user::Column::TwoFactorEnabled,
        ])
        .column_as(membership::Column::Id, "membership_id")
        .columns([
            membership::Column::TeamId,
            membership::Column::Role,
            membership::Column::CanManageBilling,
        ])
        .column_as(team::Column::Name, "team_name")
        .columns([
            team::Column::Plan,
            team::Column::AgencyMode,
            team::Column::WhiteLabelActive,
            team::Column::BetaApiAccess,
            team::Column::RequireTwoFactor,
        ])
        .join(JoinType::InnerJoin, to_user)
        .join(JoinType::InnerJoin, to_membership)
        .join(JoinType::InnerJoin, to_team)
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .into_model::<SessionRow>()
        .one(db)
        .await
}

/// The session behind a cookie token, if it is alive. Expired sessions are deleted on sight.
pub async fn load(db: &DatabaseConnection, token: &str) -> Result<Option<CurrentSession>, DbErr> {
    let Some(row) = find_row(db, token).await? else { return Ok(None) };
    let now = Utc::now();
    if row.expires_at <= now || row.last_seen_at + IDLE <= now {
        session::Entity::delete_by_id(row.id).exec(db).await?;
        return Ok(None);
    }
    if now - row.last_seen_at >= TOUCH_EVERY {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, sea_orm::sea_query::Expr::value(now))
            .filter(session::Column::Id.eq(row.id))
            .exec(db)
            .await?;
    }
    let viewer = Viewer {
        plan: Plan::parse(&row.plan).unwrap_or(Plan::Free),
        role: Role::parse(&row.role).unwrap_or(Role::Viewer),
        flags: TeamFlags {
            agency_mode: row.agency_mode,
            white_label_active: row.white_label_active,
            beta_api_access: row.beta_api_access,
            require_two_factor: row.require_two_factor,
        },
        can_manage_billing: row.can_manage_billing,
        referral_member: row.referral_member,
        two_factor_enabled: row.two_factor_enabled,
    };
    Ok(Some(CurrentSession {
        session_id: row.id,
        user_id: row.user_id,
        team_id: row.team_id,
        membership_id: row.membership_id,
        first_name: row.first_name,
        email: row.email,
        team_name: row.team_name,
        timezone: row.timezone,
        date_format: row.date_format,
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
    cookie_value(header, COOKIE)
}

/// The value of cookie `name` in a `Cookie` header, if any.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
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
