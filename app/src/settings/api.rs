//! Server functions of the Settings frame. Each authenticates and asks the policy first.

use crate::error::AppError;
use crate::model::SessionView;
use crate::policy::Tab;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a tab page needs before its own data: which tab, its label for this viewer, its purpose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabView {
    pub tab: Tab,
    pub label: String,
    pub purpose: String,
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

/// A tab by its path segment, refused when the policy hides it from this viewer.
#[server(endpoint = "get_tab")]
pub async fn get_tab(slug: String) -> Result<TabView, AppError> {
    use crate::backend::current;
    use crate::policy::{tab_label, tab_purpose, Action};
    current::respond((|| {
        let tab = Tab::from_slug(&slug).ok_or(AppError::NotFound)?;
        let session = current::authorize(Action::OpenTab(tab))?;
        Ok(TabView {
            tab,
            label: tab_label(&session.viewer, tab).to_string(),
            purpose: tab_purpose(tab).to_string(),
        })
    })())
}
