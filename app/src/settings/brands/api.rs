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

#[server(endpoint = "create_group")]
pub async fn create_group(group_name: String) -> Result<crate::model::BrandsView, AppError> {
    use crate::model::parse_group_name;
    current::respond(
        async {
            let session = current::authorize(Action::ManageBrandGroups)?;
            let name =
                parse_group_name(&group_name).map_err(|m| AppError::invalid("group_name", m))?;
            let db = &app_state()?.db;
            brands::create_group(db, &session, name).await?;
            brands::view(db, &session).await
        }
        .await,
    )
}

#[server(endpoint = "rename_group")]
pub async fn rename_group(
    group_id: i32,
    group_name: String,
) -> Result<crate::model::BrandsView, AppError> {
    use crate::model::parse_group_name;
    current::respond(
        async {
            let session = current::authorize(Action::ManageBrandGroups)?;
            let name =
                parse_group_name(&group_name).map_err(|m| AppError::invalid("group_name", m))?;
            let db = &app_state()?.db;
            brands::rename_group(db, &session, group_id, name).await?;
            brands::view(db, &session).await
        }
        .await,
    )
}

#[server(endpoint = "delete_group")]
pub async fn delete_group(group_id: i32) -> Result<crate::model::BrandsView, AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::ManageBrandGroups)?;
            let db = &app_state()?.db;
            brands::delete_group(db, &session, group_id).await?;
            brands::view(db, &session).await
        }
        .await,
    )
}

/// Moves a brand into a group (`group_id` 0 or absent: no group).
#[server(endpoint = "move_brand_to_group")]
pub async fn move_brand_to_group(
    brand_id: i32,
    group_id: Option<i32>,
) -> Result<crate::model::BrandsView, AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::ManageBrandGroups)?;
            let db = &app_state()?.db;
            brands::move_to_group(db, &session, brand_id, group_id.filter(|g| *g > 0)).await?;
            brands::view(db, &session).await
        }
        .await,
    )
}
