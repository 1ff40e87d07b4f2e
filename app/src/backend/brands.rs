//! The brand portfolio: what a viewer may see (per-brand access), adding brands, turning them
//! on and off within the plan's limit.

use super::db::begin_write;
use super::entities::{brand, brand_group, brand_visibility, membership, membership_brand};
use super::sessions::CurrentSession;
use crate::error::AppError;
use crate::model::{BrandDetails, BrandRow, BrandsView, GroupView, Website};
use crate::policy::{can, Action, PlanLimits};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

pub const HISTORY_WEEKS: usize = 8;

/// The ids of the brands this member may see, or `None` for all of the team's.
pub(crate) async fn allowed_brands<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
) -> Result<Option<Vec<i32>>, AppError> {
    let member = membership::Entity::find_by_id(current.membership_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if member.all_brands {
        return Ok(None);
    }
    Ok(Some(
        membership_brand::Entity::find()
            .filter(membership_brand::Column::MembershipId.eq(member.id))
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.brand_id)
            .collect(),
    ))
}

/// The team's brands this viewer may see, by name.
pub(crate) async fn visible<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
) -> Result<Vec<brand::Model>, AppError> {
    let mut query = brand::Entity::find().filter(brand::Column::TeamId.eq(current.team_id));
    if let Some(ids) = allowed_brands(db, current).await? {
        query = query.filter(brand::Column::Id.is_in(ids));
    }
    Ok(query.order_by_asc(brand::Column::Name).all(db).await?)
}

pub async fn view(
    db: &DatabaseConnection,
    current: &CurrentSession,
) -> Result<BrandsView, AppError> {
    let brands = visible(db, current).await?;
    let mut history: HashMap<i32, Vec<f64>> = HashMap::new();
    for row in recent_history(db, brands.iter().map(|b| b.id).collect()).await? {
        history.entry(row.brand_id).or_default().push(row.score);
    }
    let rows = brands
        .into_iter()
        .map(|b| {
            let recent = history.remove(&b.id).unwrap_or_default();
            let score = recent.last().copied();
            let change = match recent.as_slice() {
                [.., before, now] => Some(((now - before) * 10.0).round() / 10.0),
                _ => None,
            };
            BrandRow {
                id: b.id,
                name: b.name,
                website: b.website,
                favicon_url: b.favicon_url,
                aliases: serde_json::from_str(&b.aliases).unwrap_or_default(),
                location: b.location,
                market: b.market,
                active: b.active,
                group_id: b.group_id,
                score,
                change,
                history: recent,
            }
        })
        .collect();
    let groups = brand_group::Entity::find()
        .filter(brand_group::Column::TeamId.eq(current.team_id))
        .order_by_asc(brand_group::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|g| GroupView { id: g.id, name: g.name })
        .collect();
    Ok(BrandsView {
        brands: rows,
        groups,
        can_edit: can(&current.viewer, Action::EditBrand).is_ok(),
        can_delete: can(&current.viewer, Action::DeleteBrand).is_ok(),
        sudo_active: super::sudo::is_active(current, Utc::now()),
        active_limit: PlanLimits::of(current.viewer.plan).active_brands,
        plan: current.viewer.plan.name().to_string(),
    })
}

/// The scores of the last `HISTORY_WEEKS` weeks up to the newest week any of these brands has,
/// oldest first: only what the table shows, however long the history. An index range per brand
/// on (brand_id, week_start); an agency's 1,000 brands × 52 weeks reads 8,000 rows, not 52,000
/// (a window function over the whole history made SQLite sort all of it: 129 ms).
async fn recent_history(
    db: &DatabaseConnection,
    brand_ids: Vec<i32>,
) -> Result<Vec<brand_visibility::Model>, AppError> {
    use sea_orm::{
        sea_query::{Expr, Func},
        QuerySelect,
    };
    let latest: Option<chrono::NaiveDate> = brand_visibility::Entity::find()
        .select_only()
        .column_as(Expr::from(Func::max(Expr::col(brand_visibility::Column::WeekStart))), "latest")
        .filter(brand_visibility::Column::BrandId.is_in(brand_ids.clone()))
        .into_tuple()
        .one(db)
        .await?
        .flatten();
    let Some(latest) = latest else { return Ok(Vec::new()) };
    let since = latest - chrono::Duration::weeks(HISTORY_WEEKS as i64 - 1);
    Ok(brand_visibility::Entity::find()
        .filter(brand_visibility::Column::BrandId.is_in(brand_ids))
        .filter(brand_visibility::Column::WeekStart.gte(since))
        .order_by_asc(brand_visibility::Column::BrandId)
        .order_by_asc(brand_visibility::Column::WeekStart)
        .all(db)
        .await?)
}

async fn active_count<C: ConnectionTrait>(db: &C, team_id: i32) -> Result<u32, AppError> {
    Ok(brand::Entity::find()
        .filter(brand::Column::TeamId.eq(team_id))
        .filter(brand::Column::Active.eq(true))
        .count(db)
        .await? as u32)
}

/// Adds an active brand, within the plan's limit; a website the team already has is refused.
pub async fn add(
    db: &DatabaseConnection,
    current: &CurrentSession,
    details: BrandDetails,
    website: Website,
    favicon_url: String,
    ip: &str,
) -> Result<i32, AppError> {
    let txn = begin_write(db).await?;
    can(&current.viewer, Action::CreateBrand)?;
    let duplicate = brand::Entity::find()
        .filter(brand::Column::TeamId.eq(current.team_id))
        .filter(brand::Column::Website.eq(website.as_str()))
        .one(&txn)
        .await?;
    if duplicate.is_some() {
        return Err(AppError::invalid(
            "website",
            format!("{} is already in your portfolio.", website.host()),
        ));
    }
    can(
        &current.viewer,
        Action::ActivateBrand { active_now: active_count(&txn, current.team_id).await? },
    )?;
    let created = brand::ActiveModel {
        team_id: Set(current.team_id),
        name: Set(details.name),
        favicon_url: Set(favicon_url),
        website: Set(website.as_str().to_string()),
        aliases: Set(serde_json::to_string(&details.aliases).map_err(super::errors::internal)?),
        location: Set(details.location),
        market: Set(details.market),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    super::audit::record(&txn, current, "brand.added", &created.name, ip).await?;
    txn.commit().await?;
    Ok(created.id)
}

/// A brand of the team that this viewer may see, or NotFound (the same answer as for a brand of
/// another team, so a restricted member learns nothing about the others).
async fn visible_one<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
    brand_id: i32,
) -> Result<brand::Model, AppError> {
    visible(db, current).await?.into_iter().find(|b| b.id == brand_id).ok_or(AppError::NotFound)
}

/// Changes what a person edits about a brand: name, aliases, favicon, location, market.
pub async fn update(
    db: &DatabaseConnection,
    current: &CurrentSession,
    brand_id: i32,
    details: BrandDetails,
    favicon: &str,
    ip: &str,
) -> Result<(), AppError> {
    can(&current.viewer, Action::EditBrand)?;
    let txn = begin_write(db).await?;
    let target = visible_one(&txn, current, brand_id).await?;
    let website = Website::parse(&target.website).map_err(super::errors::internal)?;
    let favicon_url = crate::model::parse_favicon(favicon, &website)
        .map_err(|m| AppError::invalid("favicon_url", m))?;
    let mut row: brand::ActiveModel = target.into();
    row.name = Set(details.name);
    row.aliases = Set(serde_json::to_string(&details.aliases).map_err(super::errors::internal)?);
    row.location = Set(details.location);
    row.market = Set(details.market);
    row.favicon_url = Set(favicon_url);
    let updated = row.update(&txn).await?;
    super::audit::record(&txn, current, "brand.edited", &updated.name, ip).await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes a brand and its history (Owner only; the caller has checked sudo mode).
pub async fn delete(
    db: &DatabaseConnection,
    current: &CurrentSession,
    brand_id: i32,
    ip: &str,
) -> Result<(), AppError> {
    can(&current.viewer, Action::DeleteBrand)?;
    let txn = begin_write(db).await?;
    let target = visible_one(&txn, current, brand_id).await?;
    // History and per-member access rows go with it (ON DELETE CASCADE).
    brand::Entity::delete_by_id(target.id).exec(&txn).await?;
    super::audit::record(&txn, current, "brand.deleted", &target.name, ip).await?;
    txn.commit().await?;
    Ok(())
}

/// Turns a brand this viewer may see on or off; turning on respects the plan's limit.
pub async fn set_active(
    db: &DatabaseConnection,
    current: &CurrentSession,
    brand_id: i32,
    active: bool,
    ip: &str,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let target = visible_one(&txn, current, brand_id).await?;
    if active && !target.active {
        can(
            &current.viewer,
            Action::ActivateBrand { active_now: active_count(&txn, current.team_id).await? },
        )?;
    } else {
        can(&current.viewer, Action::EditBrand)?;
    }
    let name = target.name.clone();
    let mut row: brand::ActiveModel = target.into();
    row.active = Set(active);
    row.update(&txn).await?;
    let action = if active { "brand.turned_on" } else { "brand.turned_off" };
    super::audit::record(&txn, current, action, &name, ip).await?;
    txn.commit().await?;
    Ok(())
}

/// Creates a group; names are unique within the team.
pub async fn create_group(
    db: &DatabaseConnection,
    current: &CurrentSession,
    name: String,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let taken = brand_group::Entity::find()
        .filter(brand_group::Column::TeamId.eq(current.team_id))
        .filter(brand_group::Column::Name.eq(&name))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Err(AppError::invalid(
            "group_name",
            format!("There is already a group called {name}."),
        ));
    }
    brand_group::ActiveModel {
        team_id: Set(current.team_id),
        name: Set(name),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn own_group<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
    group_id: i32,
) -> Result<brand_group::Model, AppError> {
    brand_group::Entity::find_by_id(group_id)
        .one(db)
        .await?
        .filter(|g| g.team_id == current.team_id)
        .ok_or(AppError::NotFound)
}

pub async fn rename_group(
    db: &DatabaseConnection,
    current: &CurrentSession,
    group_id: i32,
    name: String,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let mut group: brand_group::ActiveModel = own_group(&txn, current, group_id).await?.into();
    group.name = Set(name);
    group.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes a group; its brands stay, in no group.
pub async fn delete_group(
    db: &DatabaseConnection,
    current: &CurrentSession,
    group_id: i32,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let group = own_group(&txn, current, group_id).await?;
    brand::Entity::update_many()
        .col_expr(brand::Column::GroupId, sea_orm::sea_query::Expr::value(Option::<i32>::None))
        .filter(brand::Column::GroupId.eq(group.id))
        .exec(&txn)
        .await?;
    brand_group::Entity::delete_by_id(group.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a brand this viewer may see into a group of the team, or out of any group.
pub async fn move_to_group(
    db: &DatabaseConnection,
    current: &CurrentSession,
    brand_id: i32,
    group_id: Option<i32>,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let target = visible_one(&txn, current, brand_id).await?;
    if let Some(group_id) = group_id {
        own_group(&txn, current, group_id).await?;
    }
    let mut row: brand::ActiveModel = target.into();
    row.group_id = Set(group_id);
    row.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
