use app::backend::{
    accounts, pending_logins, rate_limit, security, sessions, state::AppState, team, two_factor,
};
use app::error::AppError;
use app::model::{safe_next, AuthForm, SecurityEventKind};
use axum::{
    body::Body,
    extract::{ConnectInfo, FromRequest, Request, State},
    http::{header, request::Parts, HeaderValue, Method, StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
    Form,
};
use leptos::prelude::provide_context;
use serde::Deserialize;
use std::net::SocketAddr;

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    timezone: String,
}

pub const WRONG_CREDENTIALS: &str = "That email and password do not match an account.";

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (parts, form) = match read_form::<LoginForm>(req, &state).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let ip = peer.ip().to_string();
    let user_agent =
        parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let outcome = attempt_login(&state, &form, &ip, user_agent).await;
    match outcome {
        Ok(user_id) if needs_second_step(&state, user_id).await => {
            match pending_logins::start(&state.db, user_id, &safe_next(Some(&form.next))).await {
                Ok(token) => {
                    let mut response = Redirect::to("/login/2fa").into_response();
                    set_cookie(
                        &mut response,
                        &pending_logins::cookie(&token, state.config.secure_cookies),
                    );
                    response
                }
                Err(e) => {
                    tracing::error!(error = %e, "could not start the second step");
                    (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong. Please try again.")
                        .into_response()
                }
            }
        }
        Ok(user_id) => {
            if let Err(e) =
                security::record(&state.db, user_id, SecurityEventKind::SignedIn, &ip, user_agent)
                    .await
            {
                tracing::error!(error = %e, "could not log the sign-in");
            }
            start_session(&state, &parts, user_id, &ip, &safe_next(Some(&form.next))).await
        }
        Err(error) => {
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let uri = format!(
                "/login?{}",
                serde_urlencoded::to_string([("next", &form.next)]).unwrap_or_default()
            );
            let form_state =
                AuthForm { email: form.email, error: Some(error), ..Default::default() };
            render(&state, parts, &uri, form_state, status).await
        }
    }
}

/// Checks the rate limits, then the password. Only failures count towards the limits.
async fn attempt_login(
    state: &AppState,
    form: &LoginForm,
    ip: &str,
    user_agent: &str,
) -> Result<i32, AppError> {
    if let Err(seconds) = rate_limit::check(&state.db, &form.email, ip).await? {
        return Err(AppError::RateLimited(rate_limit::retry_message(seconds)));
    }
    match accounts::check_password(&state.db, &state.hasher, &form.email, &form.password).await? {
        Some(user_id) => {
            rate_limit::clear_account(&state.db, &form.email).await?;
            Ok(user_id)
        }
        None => {
            rate_limit::record_failure(&state.db, &form.email, ip).await?;
            if let Some(user_id) = accounts::user_id_by_email(&state.db, &form.email).await? {
                security::record(
                    &state.db,
                    user_id,
                    SecurityEventKind::FailedSignIn,
                    ip,
                    user_agent,
                )
                .await?;
            }
            Err(AppError::Invalid { field: "password".into(), message: WRONG_CREDENTIALS.into() })
        }
    }
}

async fn needs_second_step(state: &AppState, user_id: i32) -> bool {
    use app::backend::entities::user;
    use sea_orm::EntityTrait;
    matches!(user::Entity::find_by_id(user_id).one(&state.db).await, Ok(Some(u)) if u.two_factor_enabled)
}

#[derive(Deserialize)]
pub struct SecondStepForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    recovery_code: String,
}

/// The second step of a login with two-factor authentication: a code from the authenticator app
/// or an unused recovery code, at most five tries, within five minutes of the password.
pub async fn second_step(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (parts, form) = match read_form::<SecondStepForm>(req, &state).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let token = parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find_map(|h| sessions::cookie_value(h, pending_logins::COOKIE))
        .map(str::to_string);
    let pending = match token {
        Some(token) => pending_logins::find(&state.db, &token).await.ok().flatten(),
        None => None,
    };
    let Some(pending) = pending else {
        let form_state = AuthForm {
            error: Some(AppError::RateLimited("That sign-in has expired. Log in again.".into())),
            ..Default::default()
        };
        return render(&state, parts, "/login", form_state, StatusCode::UNAUTHORIZED).await;
    };
    let ip = peer.ip().to_string();
    let user_agent = parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let recovery = !form.recovery_code.trim().is_empty();
    let passed = two_factor::check_second_step(
        &state.db,
        &state.config.secret_key,
        pending.user_id,
        Some(form.code.as_str()),
        Some(form.recovery_code.as_str()),
        &ip,
        &user_agent,
    )
    .await;
    match passed {
        Ok(true) => {
            if let Err(e) = pending_logins::finish(&state.db, pending.id).await {
                tracing::error!(error = %e, "could not finish the second step");
            }
            if let Err(e) = security::record(
                &state.db,
                pending.user_id,
                SecurityEventKind::SignedIn,
                &ip,
                &user_agent,
            )
            .await
            {
                tracing::error!(error = %e, "could not log the sign-in");
            }
            let mut response =
                start_session(&state, &parts, pending.user_id, &ip, &pending.next).await;
            set_cookie(&mut response, &pending_logins::clear_cookie(state.config.secure_cookies));
            response
        }
        Ok(false) | Err(_) => {
            let _ = pending_logins::count_failure(&state.db, pending.id).await;
            // Wrong second steps count towards the account's sign-in limit too, so starting
            // fresh logins does not buy an attacker who has the password unlimited guesses.
            if let Ok(Some(email)) = accounts::email_of(&state.db, pending.user_id).await {
                let _ = rate_limit::record_failure(&state.db, &email, &ip).await;
            }
            let (field, message, uri) = if recovery {
                (
                    "recovery_code",
                    "That recovery code is not right, or was already used.",
                    "/login/2fa?recovery=1",
                )
            } else {
                ("code", two_factor::WRONG_CODE, "/login/2fa")
            };
            let form_state =
                AuthForm { error: Some(AppError::invalid(field, message)), ..Default::default() };
            render(&state, parts, uri, form_state, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

pub async fn signup(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (parts, form) = match read_form::<SignupForm>(req, &state).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let created = match accounts::parse_signup(&form.first_name, &form.email, &form.password) {
        Ok((first_name, email, password)) => {
            accounts::sign_up(&state.db, &state.hasher, first_name, email, password, &form.timezone)
                .await
        }
        Err(e) => Err(e),
    };
    match created {
        Ok(user_id) => {
            start_session(&state, &parts, user_id, &peer.ip().to_string(), "/settings/profile")
                .await
        }
        Err(error) => {
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let form_state =
                AuthForm { first_name: form.first_name, email: form.email, error: Some(error) };
            render(&state, parts, "/signup", form_state, status).await
        }
    }
}

#[derive(Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    timezone: String,
}

/// A new person accepts an invitation: their account is made inside the team, signed in at once.
pub async fn join_as_new(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (parts, form) = match read_form::<JoinForm>(req, &state).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let ip = peer.ip().to_string();
    let joined = async {
        let first_name = app::model::FirstName::parse(&form.first_name)
            .map_err(|m| AppError::invalid("first_name", m))?;
        let password = app::model::Password::parse(&form.password)
            .map_err(|m| AppError::invalid("password", m))?;
        team::accept_as_new(
            &state.db,
            &state.hasher,
            &form.token,
            first_name,
            password,
            &form.timezone,
            &ip,
        )
        .await
    }
    .await;
    match joined {
        // Like any sign-up, the new member lands on their profile (name, timezone) first.
        Ok(user_id) => start_session(&state, &parts, user_id, &ip, "/settings/profile").await,
        Err(error) => {
            let form_state = AuthForm {
                first_name: form.first_name,
                error: Some(error.clone()),
                ..Default::default()
            };
            refused(&state, parts, &form.token, form_state, &error).await
        }
    }
}

/// A signed-in user accepts an invitation to their email: they leave their own team and join.
pub async fn join_as_member(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (parts, form) = match read_form::<JoinForm>(req, &state).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let Some(current) = parts.extensions.get::<sessions::CurrentSession>().cloned() else {
        let next = format!("/invite?token={}", form.token);
        let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
        return Redirect::to(&format!("/login?{query}")).into_response();
    };
    match team::accept_as_member(&state.db, &current, &form.token, &peer.ip().to_string()).await {
        Ok(()) => Redirect::to("/settings/team").into_response(),
        Err(error) => {
            let form_state = AuthForm { error: Some(error.clone()), ..Default::default() };
            refused(&state, parts, &form.token, form_state, &error).await
        }
    }
}

/// The invitation page again, with the refusal on it.
async fn refused(
    state: &AppState,
    parts: Parts,
    token: &str,
    form: AuthForm,
    error: &AppError,
) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let uri =
        format!("/invite?{}", serde_urlencoded::to_string([("token", token)]).unwrap_or_default());
    render(state, parts, &uri, form, status).await
}

pub async fn logout(State(state): State<AppState>, req: Request) -> Response {
    let token = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find_map(sessions::token_from_cookie_header)
        .map(str::to_string);
    if let Some(token) = token {
        if let Err(e) = sessions::end(&state.db, &token).await {
            tracing::error!(error = %e, "could not end the session");
        }
    }
    let mut response = Redirect::to("/login").into_response();
    set_cookie(&mut response, &sessions::clear_cookie(state.config.secure_cookies));
    response
}

async fn read_form<T: serde::de::DeserializeOwned + Send>(
    req: Request,
    state: &AppState,
) -> Result<(Parts, T), Response> {
    let (parts, body) = req.into_parts();
    let Form(form) = Form::<T>::from_request(Request::from_parts(parts.clone(), body), state)
        .await
        .map_err(IntoResponse::into_response)?;
    Ok((parts, form))
}

async fn start_session(
    state: &AppState,
    parts: &Parts,
    user_id: i32,
    ip: &str,
    to: &str,
) -> Response {
    let user_agent =
        parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default();
    match sessions::create(&state.db, user_id, user_agent, ip).await {
        Ok(token) => {
            let mut response = Redirect::to(to).into_response();
            set_cookie(&mut response, &sessions::cookie(&token, state.config.secure_cookies));
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "could not start a session");
            (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong. Please try again.")
                .into_response()
        }
    }
}

fn set_cookie(response: &mut Response, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Renders the page at `uri` again with what the refused form sent, so nothing typed is lost.
async fn render(
    state: &AppState,
    mut parts: Parts,
    uri: &str,
    form: AuthForm,
    status: StatusCode,
) -> Response {
    parts.method = Method::GET;
    parts.uri = uri.parse().unwrap_or_else(|_| Uri::from_static("/login"));
    parts.extensions.insert(form);
    let request = Request::from_parts(parts, Body::empty());
    let handler = leptos_axum::render_app_async_with_context(
        {
            let state = state.clone();
            move || provide_context(state.clone())
        },
        {
            let options = state.leptos_options.clone();
            move || app::shell(options.clone())
        },
    );
    let mut response = handler(request).await;
    *response.status_mut() = status;
    response
}
