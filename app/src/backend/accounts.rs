use super::db::begin_write;
use super::entities::{membership, team, user};
use super::passwords::Hasher;
use crate::error::AppError;
use crate::model::{DateFormat, Email, FirstName, Password};
use crate::policy::{Plan, Role};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};

/// What a new account starts with.
pub struct NewAccount {
    pub first_name: FirstName,
    pub email: Email,
    pub password_hash: String,
    pub timezone: String,
    pub plan: Plan,
}

pub const EMAIL_TAKEN: &str = "An account with this email already exists. Sign in instead.";

/// Checks the raw sign-up form; every refusal names its field.
pub fn parse_signup(
    first_name: &str,
    email: &str,
    password: &str,
) -> Result<(FirstName, Email, Password), AppError> {
    let first_name =
        FirstName::parse(first_name).map_err(|m| AppError::invalid("first_name", m))?;
    let email = Email::parse(email).map_err(|m| AppError::invalid("email", m))?;
    let password = Password::parse(password).map_err(|m| AppError::invalid("password", m))?;
    Ok((first_name, email, password))
}

/// A timezone the browser offered, or UTC when it is not a zone name we can trust.
pub fn clean_timezone(tz: &str) -> String {
    let ok = !tz.is_empty()
        && tz.len() <= 64
        && tz.chars().all(|c| c.is_ascii_alphanumeric() || "/_-+".contains(c));
    if ok {
        tz.to_string()
    } else {
        "UTC".to_string()
    }
}

/// Creates the user, a personal team on `plan` and the Owner membership, in one transaction.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    new: NewAccount,
) -> Result<i32, AppError> {
    let now = Utc::now();
    let taken =
        user::Entity::find().filter(user::Column::Email.eq(new.email.as_str())).one(db).await?;
    if taken.is_some() {
        return Err(AppError::invalid("email", EMAIL_TAKEN));
    }
    let team = team::ActiveModel {
        name: Set(format!("{}'s team", new.first_name.as_str())),
        plan: Set(new.plan.name().to_string()),
        agency_mode: Set(false),
        white_label_active: Set(false),
        beta_api_access: Set(false),
        require_two_factor: Set(false),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let user = user::ActiveModel {
        email: Set(new.email.as_str().to_string()),
        first_name: Set(new.first_name.as_str().to_string()),
        password_hash: Set(new.password_hash),
        timezone: Set(new.timezone),
        date_format: Set(DateFormat::default().code().to_string()),
        referral_member: Set(false),
        two_factor_enabled: Set(false),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::invalid("email", EMAIL_TAKEN)
        }
        _ => e.into(),
    })?;
    membership::ActiveModel {
        user_id: Set(user.id),
        team_id: Set(team.id),
        role: Set(Role::Owner.name().to_string()),
        can_manage_billing: Set(false),
        all_brands: Set(true),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(user.id)
}

/// Sign-up: a Free personal team with the new user as Owner.
pub async fn sign_up(
    db: &DatabaseConnection,
    hasher: &Hasher,
    first_name: FirstName,
    email: Email,
    password: Password,
    timezone: &str,
) -> Result<i32, AppError> {
    let password_hash = hasher.hash(password.expose()).await?;
    let txn = begin_write(db).await?;
    let id = create(
        &txn,
        NewAccount {
            first_name,
            email,
            password_hash,
            timezone: clean_timezone(timezone),
            plan: Plan::Free,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// The user id when `email` and `password` match; `None` otherwise, at the same cost either way.
pub async fn check_password(
    db: &DatabaseConnection,
    hasher: &Hasher,
    email: &str,
    password: &str,
) -> Result<Option<i32>, AppError> {
    let email = email.trim().to_lowercase();
    let found = user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await?;
    let hash = found.as_ref().map(|u| u.password_hash.clone());
    let ok = hasher.verify(password, hash).await;
    Ok(found.filter(|_| ok).map(|u| u.id))
}

/// The account with this email, if any.
pub async fn user_id_by_email(
    db: &DatabaseConnection,
    email: &str,
) -> Result<Option<i32>, AppError> {
    let email = email.trim().to_lowercase();
    Ok(user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await?.map(|u| u.id))
}

/// The email of an account, if it still exists.
pub async fn email_of(db: &DatabaseConnection, user_id: i32) -> Result<Option<String>, AppError> {
    Ok(user::Entity::find_by_id(user_id).one(db).await?.map(|u| u.email))
}
