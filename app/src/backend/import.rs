//! Bulk import of brands from pasted CSV (`name,website,aliases,location`, header optional, at
//! most 500 rows): a preview that judges every row, and an import of the good rows in one
//! transaction.

use super::db::begin_write;
use super::entities::brand;
use super::sessions::CurrentSession;
use crate::error::AppError;
use crate::model::{
    parse_aliases, parse_brand_name, parse_location, ImportPreview, ImportRow, Website,
};
use crate::policy::{can, Action};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

pub const MAX_ROWS: usize = 500;

/// Reads the pasted text into rows, each judged on its own (name, website, location).
fn parse(text: &str) -> Result<Vec<ImportRow>, AppError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| AppError::invalid("csv", format!("Line {}: {e}", index + 1)))?;
        let field = |i: usize| record.get(i).unwrap_or("").to_string();
        if index == 0
            && field(0).eq_ignore_ascii_case("name")
            && field(1).eq_ignore_ascii_case("website")
        {
            continue;
        }
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(AppError::invalid(
                "csv",
                format!("Import at most {MAX_ROWS} rows at a time."),
            ));
        }
        let name = parse_brand_name(&field(0));
        let website = Website::parse(&field(1));
        let location = parse_location(&field(3));
        let error = [name.as_ref().err(), website.as_ref().err(), location.as_ref().err()]
            .into_iter()
            .flatten()
            .next()
            .cloned();
        rows.push(ImportRow {
            line: index + 1,
            name: name.unwrap_or_else(|_| field(0)),
            website: website.map(|w| w.as_str().to_string()).unwrap_or_else(|_| field(1)),
            location: location.unwrap_or_else(|_| field(3)),
            aliases: parse_aliases(&field(2)),
            error,
        });
    }
    if rows.is_empty() {
        return Err(AppError::invalid(
            "csv",
            "Paste at least one row: name,website,aliases,location.",
        ));
    }
    Ok(rows)
}

/// Judges the rows against the team: duplicates (with its brands or earlier rows) and the
/// plan's active-brand limit (imported brands start active).
async fn judge<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
    mut rows: Vec<ImportRow>,
) -> Result<ImportPreview, AppError> {
    let existing =
        brand::Entity::find().filter(brand::Column::TeamId.eq(current.team_id)).all(db).await?;
    let mut websites: Vec<String> = existing.iter().map(|b| b.website.clone()).collect();
    let mut active = existing.iter().filter(|b| b.active).count() as u32;
    for row in rows.iter_mut().filter(|r| r.error.is_none()) {
        if websites.contains(&row.website) {
            row.error = Some(format!(
                "{} is already in your portfolio.",
                row.website.trim_start_matches("https://")
            ));
        } else if let Err(denied) =
            can(&current.viewer, Action::ActivateBrand { active_now: active })
        {
            row.error = Some(denied.0);
        } else {
            websites.push(row.website.clone());
            active += 1;
        }
    }
    let importable = rows.iter().filter(|r| r.error.is_none()).count();
    Ok(ImportPreview { rows, importable })
}

pub async fn preview(
    db: &DatabaseConnection,
    current: &CurrentSession,
    text: &str,
) -> Result<ImportPreview, AppError> {
    judge(db, current, parse(text)?).await
}

/// Imports the rows the preview accepts, all in one transaction; returns how many.
pub async fn import(
    db: &DatabaseConnection,
    current: &CurrentSession,
    text: &str,
    ip: &str,
) -> Result<usize, AppError> {
    let rows = parse(text)?;
    let txn = begin_write(db).await?;
    let judged = judge(&txn, current, rows).await?;
    let now = Utc::now();
    for row in judged.rows.iter().filter(|r| r.error.is_none()) {
        let website = Website::parse(&row.website).map_err(super::errors::internal)?;
        brand::ActiveModel {
            team_id: Set(current.team_id),
            name: Set(row.name.clone()),
            favicon_url: Set(website.favicon_url()),
            website: Set(row.website.clone()),
            aliases: Set(serde_json::to_string(&row.aliases).map_err(super::errors::internal)?),
            location: Set(row.location.clone()),
            market: Set("General".into()),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let what = format!("{} brand(s) from CSV", judged.importable);
    super::audit::record(&txn, current, "brand.imported", &what, ip).await?;
    txn.commit().await?;
    Ok(judged.importable)
}
