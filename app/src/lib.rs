#![recursion_limit = "256"]
//! The Settings app: everything that renders, shared by the server (feature `ssr`) and the
//! browser (feature `hydrate`).

/// Sign-in and sign-up pages.
pub mod auth;
/// Development helpers (the mailbox).
pub mod dev;
/// The one error type of server functions.
pub mod error;
/// Wire types and validated value types.
pub mod model;
/// Plan, role and flag rules, written once.
pub mod policy;
/// The Settings layout and one module per tab.
pub mod settings;
/// Shared components.
pub mod ui;

#[cfg(feature = "ssr")]
pub mod backend;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Scripts may run only with this response's nonce, plus the WASM bundle from our own origin.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let nonce = leptos::nonce::use_nonce().map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{nonce}; \
             style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
        );
        if let Ok(value) = http::HeaderValue::from_str(&policy) {
            options.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/settings.css" />
        <Title formatter=|page: String| {
            if page.is_empty() { "Settings".to_string() } else { format!("{page} · Settings") }
        } />
        <Router>
            <Routes fallback=ui::NotFound>
                <Route path=path!("/login") view=auth::LoginPage ssr=SsrMode::Async />
                <Route path=path!("/login/2fa") view=auth::TwoFactorLoginPage ssr=SsrMode::Async />
                <Route path=path!("/signup") view=auth::SignupPage ssr=SsrMode::Async />
                <Route path=path!("/account-deleted") view=auth::AccountDeleted />
                <Route path=path!("/confirm-email") view=settings::profile::ConfirmEmailPage ssr=SsrMode::Async />
                <Route path=path!("/invite") view=settings::team::JoinPage ssr=SsrMode::Async />
                <Route path=path!("/dev/mailbox") view=dev::MailboxPage ssr=SsrMode::Async />
                <ParentRoute path=path!("/settings") view=settings::SettingsLayout ssr=SsrMode::Async>
                    <Route path=path!(":tab") view=settings::TabPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
