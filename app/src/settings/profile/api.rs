//! The Profile tab's server functions. Each authenticates, asks the policy, validates its input
//! with the value types, and leaves the work to `backend`.

use crate::error::AppError;
use crate::model::RegionalView;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{current, state::app_state};
#[cfg(feature = "ssr")]
use crate::policy::Action;

/// Saves the first name. `rev` orders auto-saves (the newest wins when they cross); a plain
/// form post without it counts as newest.
#[server(endpoint = "update_first_name")]
pub async fn update_first_name(first_name: String, rev: Option<i64>) -> Result<String, AppError> {
    use crate::model::FirstName;
    current::respond(
        async {
            let session = current::authorize(Action::EditProfile)?;
            let name =
                FirstName::parse(&first_name).map_err(|m| AppError::invalid("first_name", m))?;
            let rev = rev.unwrap_or_else(|| chrono::Utc::now().timestamp_millis());
            crate::backend::profile::update_first_name(
                &app_state()?.db,
                session.user_id,
                &name,
                rev,
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "update_regional")]
pub async fn update_regional(
    timezone: Option<String>,
    date_format: Option<String>,
) -> Result<RegionalView, AppError> {
    use crate::model::DateFormat;
    current::respond(
        async {
            let session = current::authorize(Action::EditProfile)?;
            let date_format = date_format
                .filter(|f| !f.is_empty())
                .map(|f| DateFormat::parse(&f).map_err(|m| AppError::invalid("date_format", m)))
                .transpose()?;
            let timezone = timezone.filter(|t| !t.is_empty());
            crate::backend::profile::update_regional(
                &app_state()?.db,
                session.user_id,
                timezone,
                date_format,
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "request_email_change")]
pub async fn request_email_change(
    new_email: String,
    password: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{email_change, sudo};
    use crate::model::Email;
    current::respond(
        async {
            let session = current::authorize(Action::ChangeEmail)?;
            let state = app_state()?;
            let email = Email::parse(&new_email).map_err(|m| AppError::invalid("new_email", m))?;
            sudo::require(&state, &session, password.as_deref(), &current::client_ip()).await?;
            let origin =
                current::origin(state.config.public_url.as_deref(), state.config.secure_cookies);
            email_change::request(&state.db, &session, &email, &origin).await
        }
        .await,
    )
}

#[server(endpoint = "resend_email_change")]
pub async fn resend_email_change() -> Result<(), AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::ChangeEmail)?;
            let state = app_state()?;
            let origin =
                current::origin(state.config.public_url.as_deref(), state.config.secure_cookies);
            crate::backend::email_change::resend(&state.db, &session, &origin).await
        }
        .await,
    )
}

#[server(endpoint = "cancel_email_change")]
pub async fn cancel_email_change() -> Result<(), AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::ChangeEmail)?;
            crate::backend::email_change::cancel(&app_state()?.db, session.user_id).await
        }
        .await,
    )
}

#[server(endpoint = "submit_feedback")]
pub async fn submit_feedback(kind: String, message: String, page: String) -> Result<(), AppError> {
    use crate::model::{parse_feedback_message, FeedbackKind};
    current::respond(
        async {
            let session = current::authorize(Action::SubmitFeedback)?;
            let kind = FeedbackKind::parse(&kind).map_err(|m| AppError::invalid("kind", m))?;
            let message =
                parse_feedback_message(&message).map_err(|m| AppError::invalid("message", m))?;
            let state = app_state()?;
            crate::backend::feedback::submit(
                &state.db,
                &session,
                kind,
                message,
                page,
                &state.config.feedback_to,
            )
            .await
        }
        .await,
    )
}

pub const DELETE_WORD: &str = "DELETE";

#[server(endpoint = "delete_account")]
pub async fn delete_account(password: Option<String>, confirm: String) -> Result<(), AppError> {
    use crate::backend::{profile, sessions, sudo};
    current::respond(
        async {
            let session = current::authorize(Action::DeleteAccount)?;
            let state = app_state()?;
            if confirm.trim() != DELETE_WORD {
                return Err(AppError::invalid(
                    "confirm",
                    "Type DELETE in capital letters to confirm.",
                ));
            }
            sudo::require(&state, &session, password.as_deref(), &current::client_ip()).await?;
            profile::delete_account(&state.db, &session).await?;
            if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
                if let Ok(v) = http::HeaderValue::from_str(&sessions::clear_cookie(
                    state.config.secure_cookies,
                )) {
                    options.append_header(http::header::SET_COOKIE, v);
                }
            }
            leptos_axum::redirect("/account-deleted");
            Ok(())
        }
        .await,
    )
}
