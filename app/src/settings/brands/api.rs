//! The Brands tab's server functions.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{brands, current, state::app_state};
#[cfg(feature = "ssr")]
use crate::policy::Action;

/// The shape every changing brand function shares: authorize, change, answer the portfolio as
/// it is now (so the tab redraws from the server's truth).
#[cfg(feature = "ssr")]
async fn change_then_portfolio(
    action: Action,
    change: impl AsyncFnOnce(
        &sea_orm::DatabaseConnection,
        &crate::backend::sessions::CurrentSession,
    ) -> Result<(), AppError>,
) -> Result<crate::model::BrandsView, AppError> {
    current::respond(
        async {
            let session = current::authorize(action)?;
            let db = &app_state()?.db;
            change(db, &session).await?;
            brands::view(db, &session).await
        }
        .await,
    )
}

/// The form's brand fields, checked; a refusal names its field.
#[cfg(feature = "ssr")]
fn details(
    name: &str,
    aliases: Option<String>,
    location: Option<String>,
    market: Option<String>,
) -> Result<crate::model::BrandDetails, AppError> {
    crate::model::BrandDetails::parse(
        name,
        &aliases.unwrap_or_default(),
        &location.unwrap_or_default(),
        &market.unwrap_or_default(),
    )
    .map_err(|(field, message)| AppError::invalid(field, message))
}

/// Adds an active brand: name and website, and optionally aliases, location and market.
#[server(endpoint = "add_brand")]
pub async fn add_brand(
    name: String,
    website: String,
    aliases: Option<String>,
    location: Option<String>,
    market: Option<String>,
) -> Result<crate::model::BrandsView, AppError> {
    use crate::model::Website;
    change_then_portfolio(Action::CreateBrand, async |db, session| {
        let details = details(&name, aliases, location, market)?;
        let website = Website::parse(&website).map_err(|m| AppError::invalid("website", m))?;
        let favicon = website.favicon_url();
        brands::add(db, session, details, website, favicon, &current::client_ip()).await.map(|_| ())
    })
    .await
}

/// Changes a brand's name, aliases, favicon, location and market.
#[server(endpoint = "update_brand")]
pub async fn update_brand(
    brand_id: i32,
    name: String,
    aliases: Option<String>,
    location: Option<String>,
    market: Option<String>,
    favicon_url: Option<String>,
) -> Result<crate::model::BrandsView, AppError> {
    change_then_portfolio(Action::EditBrand, async |db, session| {
        let details = details(&name, aliases, location, market)?;
        let favicon = favicon_url.unwrap_or_default();
        brands::update(db, session, brand_id, details, &favicon, &current::client_ip()).await
    })
    .await
}

/// Deletes a brand and its history: the Owner only, in sudo mode.
#[server(endpoint = "delete_brand")]
pub async fn delete_brand(
    brand_id: i32,
    password: Option<String>,
) -> Result<crate::model::BrandsView, AppError> {
    change_then_portfolio(Action::DeleteBrand, async |db, session| {
        let ip = current::client_ip();
        crate::backend::sudo::require(&app_state()?, session, password.as_deref(), &ip).await?;
        brands::delete(db, session, brand_id, &ip).await
    })
    .await
}

/// Turns a brand on or off.
#[server(endpoint = "set_brand_active")]
pub async fn set_brand_active(
    brand_id: i32,
    active: bool,
) -> Result<crate::model::BrandsView, AppError> {
    change_then_portfolio(Action::OpenTab(crate::policy::Tab::Brands), async |db, session| {
        brands::set_active(db, session, brand_id, active, &current::client_ip()).await
    })
    .await
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
    change_then_portfolio(Action::CreateBrand, async |db, session| {
        crate::backend::import::import(db, session, &csv, &current::client_ip()).await.map(|_| ())
    })
    .await
}

#[server(endpoint = "create_group")]
pub async fn create_group(group_name: String) -> Result<crate::model::BrandsView, AppError> {
    use crate::model::parse_group_name;
    change_then_portfolio(Action::ManageBrandGroups, async |db, session| {
        let name = parse_group_name(&group_name).map_err(|m| AppError::invalid("group_name", m))?;
        brands::create_group(db, session, name).await
    })
    .await
}

#[server(endpoint = "rename_group")]
pub async fn rename_group(
    group_id: i32,
    group_name: String,
) -> Result<crate::model::BrandsView, AppError> {
    use crate::model::parse_group_name;
    change_then_portfolio(Action::ManageBrandGroups, async |db, session| {
        let name = parse_group_name(&group_name).map_err(|m| AppError::invalid("group_name", m))?;
        brands::rename_group(db, session, group_id, name).await
    })
    .await
}

#[server(endpoint = "delete_group")]
pub async fn delete_group(group_id: i32) -> Result<crate::model::BrandsView, AppError> {
    change_then_portfolio(Action::ManageBrandGroups, async |db, session| {
        brands::delete_group(db, session, group_id).await
    })
    .await
}

/// Moves a brand into a group (`group_id` 0 or absent: no group).
#[server(endpoint = "move_brand_to_group")]
pub async fn move_brand_to_group(
    brand_id: i32,
    group_id: Option<i32>,
) -> Result<crate::model::BrandsView, AppError> {
    change_then_portfolio(Action::ManageBrandGroups, async |db, session| {
        brands::move_to_group(db, session, brand_id, group_id.filter(|g| *g > 0)).await
    })
    .await
}
