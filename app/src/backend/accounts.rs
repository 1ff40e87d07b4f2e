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
    let taken =
        user::Entity::find().filter(user::Column::Email.eq(new.email.as_str())).one(db).await?;
    if taken.is_some() {
        return Err(AppError::invalid("email", EMAIL_TAKEN));
    }
    let team = personal_team(db, new.first_name.as_str(), new.plan).await?;
    let user =
        insert_user(db, &new.email, &new.first_name, new.password_hash, new.timezone).await?;
    add_member(db, user.id, team.id, Role::Owner, true, false).await?;
    Ok(user.id)
}

/// The user row of a new account (its team and membership are the caller's).
pub async fn insert_user<C: ConnectionTrait>(
    db: &C,
    email: &Email,
    first_name: &FirstName,
    password_hash: String,
    timezone: String,
) -> Result<user::Model, AppError> {
    user::ActiveModel {
        email: Set(email.as_str().to_string()),
        first_name: Set(first_name.as_str().to_string()),
        password_hash: Set(password_hash),
        timezone: Set(timezone),
        date_format: Set(DateFormat::default().code().to_string()),
        referral_member: Set(false),
        two_factor_enabled: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::invalid("email", EMAIL_TAKEN)
        }
        _ => e.into(),
    })
}

/// How many members of `team_id` there are besides `user_id`.
pub async fn other_members<C: ConnectionTrait>(
    db: &C,
    team_id: i32,
    user_id: i32,
) -> Result<u64, AppError> {
    use sea_orm::PaginatorTrait;
    Ok(membership::Entity::find()
        .filter(membership::Column::TeamId.eq(team_id))
        .filter(membership::Column::UserId.ne(user_id))
        .count(db)
        .await?)
}

/// A new team of one person's own, named after them, with nothing in it yet.
pub async fn personal_team<C: ConnectionTrait>(
    db: &C,
    first_name: &str,
    plan: Plan,
) -> Result<team::Model, AppError> {
    Ok(team::ActiveModel {
        name: Set(format!("{first_name}'s team")),
        plan: Set(plan.name().to_string()),
        agency_mode: Set(false),
        white_label_active: Set(false),
        beta_api_access: Set(false),
        require_two_factor: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Puts a user in a team (every user is in exactly one).
pub async fn add_member<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    team_id: i32,
    role: Role,
    all_brands: bool,
    can_manage_billing: bool,
) -> Result<membership::Model, AppError> {
    Ok(membership::ActiveModel {
        user_id: Set(user_id),
        team_id: Set(team_id),
        role: Set(role.name().to_string()),
        can_manage_billing: Set(can_manage_billing && role == Role::Admin),
        all_brands: Set(all_brands),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
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
