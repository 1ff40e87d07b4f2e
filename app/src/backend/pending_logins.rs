//! The half-signed-in state between a correct password and the second step: a separate cookie,
//! good for five minutes and five tries, that grants nothing but the second step itself.

use super::entities::pending_login;
use super::sessions::{hash_token, new_token};
use chrono::{Duration, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};

pub const COOKIE: &str = "pending_login";
pub const LIFETIME: Duration = Duration::minutes(5);
pub const TRIES: i32 = 5;

pub async fn start(db: &DatabaseConnection, user_id: i32, next: &str) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    pending_login::ActiveModel {
        token_hash: Set(hash_token(&token)),
        user_id: Set(user_id),
        next: Set(next.to_string()),
        created_at: Set(now),
        expires_at: Set(now + LIFETIME),
        attempts: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The pending sign-in behind a token, while it is young and has tries left.
pub async fn find(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<pending_login::Model>, DbErr> {
    Ok(pending_login::Entity::find()
        .filter(pending_login::Column::TokenHash.eq(hash_token(token)))
        .one(db)
        .await?
        .filter(|p| p.expires_at > Utc::now() && p.attempts < TRIES))
}

pub async fn count_failure(db: &DatabaseConnection, id: i32) -> Result<(), DbErr> {
    pending_login::Entity::update_many()
        .col_expr(
            pending_login::Column::Attempts,
            Expr::col(pending_login::Column::Attempts).add(1),
        )
        .filter(pending_login::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn finish(db: &DatabaseConnection, id: i32) -> Result<(), DbErr> {
    pending_login::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

pub fn cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/login; Max-Age={}{secure}",
        LIFETIME.num_seconds()
    )
}

pub fn clear_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}=; HttpOnly; SameSite=Lax; Path=/login; Max-Age=0{secure}")
}
