//! Database leases, so that exactly one server process runs a periodic job at a time.

use super::entities::job_lease;
use chrono::{Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, Set,
};

/// Takes or renews the lease `name` for `holder` for `ttl`. False while another holder has it.
pub async fn acquire(
    db: &DatabaseConnection,
    name: &str,
    holder: &str,
    ttl: Duration,
) -> Result<bool, DbErr> {
    acquire_at(db, name, holder, ttl, Utc::now()).await
}

/// `acquire` as seen at `now`.
pub async fn acquire_at(
    db: &DatabaseConnection,
    name: &str,
    holder: &str,
    ttl: Duration,
    now: chrono::DateTime<Utc>,
) -> Result<bool, DbErr> {
    let renewed = job_lease::Entity::update_many()
        .col_expr(job_lease::Column::Holder, Expr::value(holder))
        .col_expr(job_lease::Column::ExpiresAt, Expr::value(now + ttl))
        .filter(job_lease::Column::Name.eq(name))
        .filter(
            Condition::any()
                .add(job_lease::Column::Holder.eq(holder))
                .add(job_lease::Column::ExpiresAt.lt(now)),
        )
        .exec(db)
        .await?;
    if renewed.rows_affected == 1 {
        return Ok(true);
    }
    let inserted = job_lease::ActiveModel {
        name: Set(name.to_string()),
        holder: Set(holder.to_string()),
        expires_at: Set(now + ttl),
    }
    .insert(db)
    .await;
    match inserted {
        Ok(_) => Ok(true),
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            Ok(false)
        }
        Err(e) => Err(e),
    }
}
