use super::accounts::{create, NewAccount};
use super::db::begin_write;
use super::entities::{brand, brand_visibility, membership, membership_brand, team, user};
use super::passwords::Hasher;
use crate::error::AppError;
use crate::model::{Email, FirstName};
use crate::policy::{Plan, Role};
use chrono::{Datelike, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};

pub const PASSWORD: &str = "demo-password";
pub const HISTORY_WEEKS: i64 = 10;

struct Owner {
    email: &'static str,
    first_name: &'static str,
    plan: Plan,
    agency_mode: bool,
    white_label_active: bool,
    beta_api_access: bool,
    referral_member: bool,
    /// (name, website, active)
    brands: &'static [(&'static str, &'static str, bool)],
}

const OWNERS: &[Owner] = &[
    Owner {
        email: "free@demo.test",
        first_name: "Frankie",
        plan: Plan::Free,
        agency_mode: false,
        white_label_active: false,
        beta_api_access: false,
        referral_member: false,
        brands: &[("Pebble Bakery", "https://pebblebakery.com", true)],
    },
    Owner {
        email: "growth@demo.test",
        first_name: "Grace",
        plan: Plan::Growth,
        agency_mode: false,
        white_label_active: false,
        beta_api_access: false,
        referral_member: false,
        brands: &[
            ("Lumen Lamps", "https://lumenlamps.com", true),
            ("Lumen Outdoor", "https://lumenoutdoor.com", false),
            ("Lumen Kids", "https://lumenkids.com", false),
        ],
    },
    Owner {
        email: "scale@demo.test",
        first_name: "Sam",
        plan: Plan::Scale,
        agency_mode: false,
        white_label_active: false,
        beta_api_access: false,
        referral_member: true,
        brands: &[
            ("Acme Analytics", "https://acmeanalytics.io", true),
            ("Acme Cloud", "https://acmecloud.io", true),
            ("Acme Mobile", "https://acmemobile.app", true),
            ("Acme Labs", "https://acmelabs.dev", true),
        ],
    },
    Owner {
        email: "agency@demo.test",
        first_name: "Ava",
        plan: Plan::Scale,
        agency_mode: true,
        white_label_active: true,
        beta_api_access: false,
        referral_member: true,
        brands: &[
            ("Harbor Hotels", "https://harborhotels.com", true),
            ("Fjord Outdoor", "https://fjordoutdoor.no", true),
            ("Maple Dental", "https://mapledental.ca", true),
            ("Orbit Bikes", "https://orbitbikes.com", true),
            ("Saffron Kitchen", "https://saffronkitchen.co.uk", true),
            ("Tidal Finance", "https://tidalfinance.com", true),
        ],
    },
    Owner {
        email: "beta@demo.test",
        first_name: "Ben",
        plan: Plan::Growth,
        agency_mode: false,
        white_label_active: false,
        beta_api_access: true,
        referral_member: false,
        brands: &[("Quill Notes", "https://quillnotes.app", true)],
    },
];

/// Members who join agency@'s team: (email, first name, role, sees only the first brand).
const AGENCY_MEMBERS: &[(&str, &str, Role, bool)] = &[
    ("admin@demo.test", "Adam", Role::Admin, false),
    ("viewer@demo.test", "Vera", Role::Viewer, true),
];

/// Seeds the accounts of ACCEPTANCE.md, once: a database that already has users is left alone.
pub async fn seed(db: &DatabaseConnection, hasher: &Hasher) -> Result<bool, AppError> {
    if user::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    let hash = hasher.hash(PASSWORD).await?;
    let txn = begin_write(db).await?;
    let mut agency_team = None;
    for owner in OWNERS {
        let user_id = create(
            &txn,
            NewAccount {
                first_name: FirstName::parse(owner.first_name).map_err(super::errors::internal)?,
                email: Email::parse(owner.email).map_err(super::errors::internal)?,
                password_hash: hash.clone(),
                timezone: "Europe/London".into(),
                plan: owner.plan,
            },
        )
        .await?;
        let member = membership::Entity::find()
            .filter(membership::Column::UserId.eq(user_id))
            .one(&txn)
            .await?
            .ok_or(AppError::Internal)?;
        let mut t: team::ActiveModel = team::Entity::find_by_id(member.team_id)
            .one(&txn)
            .await?
            .ok_or(AppError::Internal)?
            .into();
        t.agency_mode = Set(owner.agency_mode);
        t.white_label_active = Set(owner.white_label_active);
        t.beta_api_access = Set(owner.beta_api_access);
        t.update(&txn).await?;
        let mut u: user::ActiveModel =
            user::Entity::find_by_id(user_id).one(&txn).await?.ok_or(AppError::Internal)?.into();
        u.referral_member = Set(owner.referral_member);
        u.update(&txn).await?;
        let brand_ids = add_brands(&txn, member.team_id, owner.brands).await?;
        if owner.agency_mode {
            agency_team = Some((member.team_id, brand_ids));
        }
    }
    let (team_id, brand_ids) = agency_team.ok_or(AppError::Internal)?;
    for (email, first_name, role, one_brand) in AGENCY_MEMBERS {
        join_team(&txn, &hash, team_id, email, first_name, *role, one_brand.then(|| brand_ids[0]))
            .await?;
    }
    txn.commit().await?;
    Ok(true)
}

async fn join_team(
    txn: &DatabaseTransaction,
    hash: &str,
    team_id: i32,
    email: &str,
    first_name: &str,
    role: Role,
    only_brand: Option<i32>,
) -> Result<(), AppError> {
    let now = Utc::now();
    let user = user::ActiveModel {
        email: Set(email.into()),
        first_name: Set(first_name.into()),
        password_hash: Set(hash.into()),
        timezone: Set("Europe/London".into()),
        date_format: Set("MM/DD/YYYY".into()),
        referral_member: Set(false),
        two_factor_enabled: Set(false),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let member = membership::ActiveModel {
        user_id: Set(user.id),
        team_id: Set(team_id),
        role: Set(role.name().into()),
        can_manage_billing: Set(false),
        all_brands: Set(only_brand.is_none()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    if let Some(brand_id) = only_brand {
        membership_brand::ActiveModel { membership_id: Set(member.id), brand_id: Set(brand_id) }
            .insert(txn)
            .await?;
    }
    Ok(())
}

fn domain(website: &str) -> &str {
    website.trim_start_matches("https://").trim_end_matches('/')
}

async fn add_brands(
    txn: &DatabaseTransaction,
    team_id: i32,
    brands: &[(&str, &str, bool)],
) -> Result<Vec<i32>, AppError> {
    let monday = this_monday();
    let mut ids = Vec::new();
    for (i, (name, website, active)) in brands.iter().enumerate() {
        let b = brand::ActiveModel {
            team_id: Set(team_id),
            name: Set(name.to_string()),
            website: Set(website.to_string()),
            favicon_url: Set(format!("https://{}/favicon.ico", domain(website))),
            aliases: Set("[]".into()),
            location: Set("US".into()),
            market: Set("General".into()),
            active: Set(*active),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let rows = (0..HISTORY_WEEKS).map(|w| brand_visibility::ActiveModel {
            brand_id: Set(b.id),
            week_start: Set(monday - Duration::weeks(HISTORY_WEEKS - 1 - w)),
            score: Set(score(i as i64, w)),
            mentions: Set((score(i as i64, w) * 3.0) as i32),
            ..Default::default()
        });
        brand_visibility::Entity::insert_many(rows).exec(txn).await?;
        ids.push(b.id);
    }
    Ok(ids)
}

/// A gently wandering visibility score between 10 and 90, the same on every seed.
fn score(brand: i64, week: i64) -> f64 {
    let base = 30.0 + (brand * 11 % 40) as f64;
    let wave = ((week + brand) as f64 * 0.9).sin() * 6.0;
    let trend = week as f64 * 0.8;
    ((base + wave + trend) * 10.0).round() / 10.0
}

fn this_monday() -> NaiveDate {
    let today = Utc::now().date_naive();
    today - Duration::days(today.weekday().num_days_from_monday() as i64)
}
