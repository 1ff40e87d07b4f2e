//! The Security tab's server functions.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{current, security, state::app_state};
#[cfg(feature = "ssr")]
use crate::policy::Action;

#[cfg(feature = "ssr")]
use crate::backend::current::user_agent;

#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::ChangePassword)?;
            let state = app_state()?;
            security::change_password(
                &state,
                &session,
                &current_password,
                &new_password,
                &confirm_password,
                &current::client_ip(),
                &user_agent(),
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "revoke_session")]
pub async fn revoke_session(session_id: i32) -> Result<(), AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::ManageSessions)?;
            security::revoke(
                &app_state()?.db,
                &session,
                session_id,
                &current::client_ip(),
                &user_agent(),
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<u64, AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::ManageSessions)?;
            security::revoke_others(
                &app_state()?.db,
                &session,
                &current::client_ip(),
                &user_agent(),
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "begin_two_factor_setup")]
pub async fn begin_two_factor_setup(
    password: Option<String>,
) -> Result<crate::model::TwoFactorSetup, AppError> {
    use crate::backend::{sudo, two_factor};
    current::respond(
        async {
            let session = current::authorize(Action::ManageTwoFactor)?;
            let state = app_state()?;
            sudo::require(&state, &session, password.as_deref(), &current::client_ip()).await?;
            two_factor::begin_setup(&state, &session).await
        }
        .await,
    )
}

/// Turns two-factor on with a correct code; answers the recovery codes, shown once.
#[server(endpoint = "confirm_two_factor")]
pub async fn confirm_two_factor(code: String) -> Result<Vec<String>, AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::ManageTwoFactor)?;
            let state = app_state()?;
            crate::backend::two_factor::confirm_setup(
                &state,
                &session,
                &code,
                &current::client_ip(),
                &user_agent(),
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "disable_two_factor")]
pub async fn disable_two_factor(
    password: Option<String>,
    code: Option<String>,
    recovery_code: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{sudo, two_factor};
    current::respond(
        async {
            let session = current::authorize(Action::ManageTwoFactor)?;
            let state = app_state()?;
            sudo::require(&state, &session, password.as_deref(), &current::client_ip()).await?;
            two_factor::disable(
                &state,
                &session,
                code.as_deref(),
                recovery_code.as_deref(),
                &current::client_ip(),
                &user_agent(),
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "regenerate_recovery_codes")]
pub async fn regenerate_recovery_codes(password: Option<String>) -> Result<Vec<String>, AppError> {
    use crate::backend::{sudo, two_factor};
    current::respond(
        async {
            let session = current::authorize(Action::ManageTwoFactor)?;
            let state = app_state()?;
            sudo::require(&state, &session, password.as_deref(), &current::client_ip()).await?;
            two_factor::regenerate(&state.db, &session).await
        }
        .await,
    )
}

/// The owner's switch: every member must use two-factor authentication.
#[server(endpoint = "set_team_two_factor")]
pub async fn set_team_two_factor(required: bool) -> Result<bool, AppError> {
    current::respond(
        async {
            let session = current::authorize(Action::RequireTwoFactor)?;
            security::set_team_requirement(&app_state()?.db, session.team_id, required).await?;
            Ok(required)
        }
        .await,
    )
}
