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
