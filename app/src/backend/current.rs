use super::sessions::CurrentSession;
use crate::error::AppError;
use crate::policy::{can, Action};

/// The signed-in person of this request, as the session middleware found them.
pub fn session() -> Option<CurrentSession> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CurrentSession>().cloned())
}

/// Every protected server function starts here: who is it, and may they do this?
pub fn authorize(action: Action) -> Result<CurrentSession, AppError> {
    let current = session().ok_or(AppError::Unauthenticated)?;
    can(&current.viewer, action)?;
    Ok(current)
}

/// Sets the HTTP status of a server function's error, so clients other than ours see it too.
/// A plain HTML form post (no JavaScript) is left alone: leptos answers it with a redirect back
/// to the page, carrying the error, and a status here would cancel that redirect.
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    let form_post = leptos::prelude::use_context::<http::request::Parts>().is_some_and(|p| {
        p.uri.path().starts_with("/api/")
            && p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|a| a.contains("text/html"))
    });
    if let (Err(e), false) = (&result, form_post) {
        if let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            options.set_status(
                http::StatusCode::from_u16(e.status())
                    .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
    }
    result
}

/// The address the request came from.
pub fn client_ip() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

/// Where links in mail should point: the configured public URL, else the origin of this request.
pub fn origin(public_url: Option<&str>, secure: bool) -> String {
    if let Some(url) = public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts.headers.get(http::header::HOST).and_then(|h| h.to_str().ok()).map(str::to_string)
        })
        .unwrap_or_else(|| "127.0.0.1:3000".into());
    format!("{}://{host}", if secure { "https" } else { "http" })
}

/// The request's user agent, for the sessions list and the security log.
pub fn user_agent() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_default()
}
