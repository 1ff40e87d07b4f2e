//! The Settings layout (header, sidebar of the viewer's tabs) and one module per tab.

mod api;
/// The brand portfolio.
pub mod brands;
mod placeholder;
/// Name, email, feedback, regional settings, account deletion.
pub mod profile;
/// Password, sessions, the security log.
pub mod security;
/// Members, invitations, roles and brand access.
pub mod team;

pub use api::{get_session_view, get_tab, TabData, TabView};

use crate::error::AppError;
use crate::model::SessionView;
use crate::policy::{tab_label, Tab};
use crate::ui::TabNotAvailable;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;

/// The frame around every tab. The tab itself renders in the `Outlet`, outside this Suspense,
/// so that its data is loaded once, by its own resource, and hydrates against the same ids.
#[component]
pub fn SettingsLayout() -> impl IntoView {
    let session = Resource::new(|| (), |_| get_session_view());
    let renamed = RwSignal::new(None::<String>);
    provide_context(profile::SignedInName(renamed));
    view! {
        <div class="page">
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match session.await {
                        Ok(view) => view! { <Frame session=view renamed /> }.into_any(),
                        Err(e) => view! { <SignedOut error=e /> }.into_any(),
                    }
                })}
            </Suspense>
            <main class="content" id="content">
                <Outlet />
            </main>
        </div>
    }
}

#[component]
fn Frame(session: SessionView, renamed: RwSignal<Option<String>>) -> impl IntoView {
    let viewer = session.viewer;
    let first_name = session.first_name.clone();
    let name = move || renamed.get().unwrap_or_else(|| first_name.clone());
    let links = session
        .tabs()
        .into_iter()
        .map(|tab| {
            view! {
                <li>
                    <A href=tab.path()>{tab_label(&viewer, tab)}</A>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="topbar">
            <a class="product" href="/settings/profile">"Trakkr"</a>
            <div class="who">
                <span class="signed-in-as">
                    "Signed in as " <strong>{name}</strong>
                    <span class="email">{session.email.clone()}</span>
                </span>
                <form method="post" action="/logout">
                    <button type="submit" class="quiet">"Log out"</button>
                </form>
            </div>
        </header>
        <aside class="sidebar">
            <h2 class="sidebar-title" id="settings-nav-title">"Settings"</h2>
            <nav aria-labelledby="settings-nav-title">
                <ul>{links}</ul>
            </nav>
        </aside>
    }
}

#[component]
fn SignedOut(error: AppError) -> impl IntoView {
    let message = match error {
        AppError::Unauthenticated => "Your session has ended.".to_string(),
        other => other.to_string(),
    };
    view! {
        <div class="signed-out">
            <h1>"Settings"</h1>
            <p role="alert">{message}</p>
            <p><a href="/login">"Log in"</a></p>
        </div>
    }
}

/// One tab's page: its content, or the not-available page when the policy hides it.
#[component]
pub fn TabPage() -> impl IntoView {
    let params = use_params_map();
    let tab = Resource::new(move || params.read().get("tab").unwrap_or_default(), get_tab);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match tab.await {
                    Ok(view) => view! { <TabContent view /> }.into_any(),
                    Err(AppError::Denied(reason)) => {
                        let name = params.read_untracked().get("tab").and_then(|s| Tab::from_slug(&s));
                        let name = name.map(Tab::name).unwrap_or("This tab");
                        view! { <TabNotAvailable name reason /> }.into_any()
                    }
                    Err(AppError::NotFound) => {
                        view! { <TabNotAvailable name="This page" reason="There is no such tab in Settings." /> }.into_any()
                    }
                    Err(e) => view! { <p class="alert" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TabContent(view: TabView) -> impl IntoView {
    let title = view.label.clone();
    let body = match view.data.clone() {
        TabData::Profile(profile) => view! { <profile::ProfileTab profile=*profile /> }.into_any(),
        TabData::Security(security) => {
            view! { <security::SecurityTab security=*security /> }.into_any()
        }
        TabData::Brands(brands) => view! { <brands::BrandsTab brands=*brands /> }.into_any(),
        TabData::Team(team) => view! { <team::TeamTab team=*team /> }.into_any(),
        TabData::Placeholder => placeholder::view(view).into_any(),
    };
    view! {
        <Title text=title />
        {body}
    }
}
