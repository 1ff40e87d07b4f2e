//! Server functions of the Settings frame. Each authenticates and asks the policy first.

use crate::error::AppError;
use crate::model::SessionView;
use crate::policy::Tab;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A tab page: which tab, its label for this viewer, its purpose, and the tab's own data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabView {
    pub tab: Tab,
    pub label: String,
    pub purpose: String,
    pub data: TabData,
}

/// Each tab's data, loaded with the page in one request. Tabs whose issue has not landed yet
/// have none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TabData {
    Profile(Box<crate::model::ProfileView>),
    Security(Box<crate::model::SecurityView>),
    Brands(Box<crate::model::BrandsView>),
    Team(Box<crate::model::TeamView>),
    Placeholder,
}

/// Who is signed in, and what the policy lets them see. Safe to serialize into the page.
#[server(endpoint = "get_session_view")]
pub async fn get_session_view() -> Result<SessionView, AppError> {
    use crate::backend::current;
    current::respond(current::session().ok_or(AppError::Unauthenticated).map(|s| SessionView {
        first_name: s.first_name,
        email: s.email,
        team_name: s.team_name,
        viewer: s.viewer,
    }))
}

/// A tab by its path segment with its data, refused when the policy hides it from this viewer.
#[server(endpoint = "get_tab")]
pub async fn get_tab(slug: String) -> Result<TabView, AppError> {
    use crate::backend::{current, state::app_state};
    use crate::policy::{tab_label, tab_purpose, Action};
    current::respond(
        async {
            let tab = Tab::from_slug(&slug).ok_or(AppError::NotFound)?;
            let session = current::authorize(Action::OpenTab(tab))?;
            let data = match tab {
                Tab::Profile => TabData::Profile(Box::new(
                    crate::backend::profile::view(&app_state()?.db, &session).await?,
                )),
                Tab::Security => TabData::Security(Box::new({
                    let state = app_state()?;
                    crate::backend::security::view(&state.db, &session, state.geoip.as_deref())
                        .await?
                })),
                Tab::Brands => TabData::Brands(Box::new(
                    crate::backend::brands::view(&app_state()?.db, &session).await?,
                )),
                Tab::Team => TabData::Team(Box::new(
                    crate::backend::team::view(&app_state()?.db, &session).await?,
                )),
                Tab::Agency
                | Tab::WhiteLabel
                | Tab::Billing
                | Tab::Enterprise
                | Tab::Developer
                | Tab::Referral => TabData::Placeholder,
            };
            Ok(TabView {
                tab,
                label: tab_label(&session.viewer, tab).to_string(),
                purpose: tab_purpose(tab).to_string(),
                data,
            })
        }
        .await,
    )
}
