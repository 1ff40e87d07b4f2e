use app::backend::{sessions, state::AppState};
use app::policy::must_set_up_two_factor;
use axum::Router;
use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderName, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use tower_http::{
    compression::CompressionLayer, set_header::SetResponseHeaderLayer, trace::TraceLayer,
};

/// The layers every response passes through, outermost last: security headers, compression,
/// and one tracing span per request.
pub fn outer_layers(router: Router) -> Router {
    router
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        // HTML pages carry their own policy with a script nonce (set in `app::shell`).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
            ),
        ))
        .layer(CompressionLayer::new())
        // Method and path only: query strings and cookies may carry secrets and are never logged.
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
            tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
        }))
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE)
}

/// Refuses every cross-site request that could change something. Browsers say where a request
/// comes from in `Sec-Fetch-Site` (and `Origin`); same-origin forms and server functions pass.
pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    if changes_state(req.method()) && is_cross_site(&req) {
        tracing::warn!(path = %req.uri().path(), "refused a cross-site request");
        return (StatusCode::FORBIDDEN, "Cross-site requests are refused.").into_response();
    }
    next.run(req).await
}

fn is_cross_site(req: &Request) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get(HeaderName::from_static("sec-fetch-site")) {
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        // Not a browser: no ambient credentials to abuse.
        return false;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("null");
    origin_host != host
}

/// Loads the session behind the cookie, once per request, for every handler after it.
pub async fn load_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/pkg/") {
        let token = req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|h| h.to_str().ok())
            .find_map(sessions::token_from_cookie_header)
            .map(str::to_string);
        if let Some(token) = token {
            match sessions::load(&state.db, &token).await {
                Ok(Some(current)) => {
                    req.extensions_mut().insert(current);
                }
                Ok(None) => {}
                Err(e) => tracing::error!(error = %e, "could not load the session"),
            }
        }
    }
    next.run(req).await
}

/// Settings pages need a session: without one, go to the login page and come back after.
pub async fn require_session_for_pages(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let settings = path == "/settings" || path.starts_with("/settings/");
    match req.extensions().get::<sessions::CurrentSession>() {
        None if settings => {
            let target = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/settings");
            let query = serde_urlencoded::to_string([("next", target)]).unwrap_or_default();
            return Redirect::to(&format!("/login?{query}")).into_response();
        }
        // The team requires two-factor authentication: nothing but its setup until it is done.
        Some(current)
            if settings
                && path != "/settings/security"
                && must_set_up_two_factor(&current.viewer) =>
        {
            return Redirect::to("/settings/security").into_response();
        }
        _ => {}
    }
    next.run(req).await
}
