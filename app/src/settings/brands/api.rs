//! The Brands tab's server functions.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{brands, current, state::app_state};
#[cfg(feature = "ssr")]
use crate::policy::Action;

/// Adds an active brand by name and website.
#[server(endpoint = "add_brand")]
pub async fn add_brand(
    name: String,
    website: String,
) -> Result<crate::model::BrandsView, AppError> {
    use crate::model::{parse_brand_name, Website};
    current::respond(
        async {
            let session = current::authorize(Action::CreateBrand)?;
            let name = parse_brand_name(&name).map_err(|m| AppError::invalid("name", m))?;
            let website = Website::parse(&website).map_err(|m| AppError::invalid("website", m))?;
            let db = &app_state()?.db;
            brands::add(db, &session, name, website).await?;
            brands::view(db, &session).await
        }
        .await,
    )
}

/// Turns a brand on or off.
#[server(endpoint = "set_brand_active")]
pub async fn set_brand_active(
    brand_id: i32,
    active: bool,
) -> Result<crate::model::BrandsView, AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::OpenTab(crate::policy::Tab::Brands))?;
            let db = &app_state()?.db;
            brands::set_active(db, &session, brand_id, active).await?;
            brands::view(db, &session).await
        }
        .await,
    )
}

/// Judges pasted CSV row by row; writes nothing.
#[server(endpoint = "preview_import")]
pub async fn preview_import(csv: String) -> Result<crate::model::ImportPreview, AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::CreateBrand)?;
            crate::backend::import::preview(&app_state()?.db, &session, &csv).await
        }
        .await,
    )
}

/// Imports the rows the preview accepts, in one transaction.
#[server(endpoint = "import_brands")]
pub async fn import_brands(csv: String) -> Result<crate::model::BrandsView, AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::CreateBrand)?;
            let db = &app_state()?.db;
            crate::backend::import::import(db, &session, &csv).await?;
            brands::view(db, &session).await
        }
        .await,
    )
}
