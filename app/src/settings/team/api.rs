//! The Team tab's server functions, and the invitation page's.

use crate::error::AppError;
use crate::model::{InvitationView, TeamMembersView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::backend::{current, state::app_state, team};
#[cfg(feature = "ssr")]
use crate::policy::{Action, Role};

/// Authorize, change, answer the team as it is now.
#[cfg(feature = "ssr")]
async fn change_then_team(
    action: Action,
    change: impl AsyncFnOnce(
        &crate::backend::state::AppState,
        &crate::backend::sessions::CurrentSession,
        &str,
    ) -> Result<(), AppError>,
) -> Result<TeamMembersView, AppError> {
    current::respond(
        async {
            let session = current::authorize(action)?;
            let state = app_state()?;
            change(&state, &session, &current::client_ip()).await?;
            match team::view(&state.db, &session).await? {
                crate::model::TeamView::Members(members) => Ok(*members),
                // The policy refused every change on these plans already.
                crate::model::TeamView::Upgrade { .. } => Err(AppError::NotFound),
            }
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
fn link_origin(state: &crate::backend::state::AppState) -> String {
    current::origin(state.config.public_url.as_deref(), state.config.secure_cookies)
}

/// Invites someone: email, role, brand access, and for Admins the right to manage billing.
#[server(endpoint = "invite_member", input = Json)]
pub async fn invite_member(
    email: String,
    role: String,
    all_brands: bool,
    brand_ids: Vec<i32>,
    can_manage_billing: bool,
) -> Result<TeamMembersView, AppError> {
    use crate::model::NewInvitation;
    change_then_team(Action::InviteMember, async |state, session, ip| {
        let new = NewInvitation::parse(&email, &role, all_brands, &brand_ids, can_manage_billing)
            .map_err(|(field, message)| AppError::invalid(field, message))?;
        team::invite(&state.db, session, new, &link_origin(state), ip).await
    })
    .await
}

#[server(endpoint = "resend_invitation")]
pub async fn resend_invitation(invitation_id: i32) -> Result<TeamMembersView, AppError> {
    change_then_team(Action::InviteMember, async |state, session, ip| {
        team::resend(&state.db, session, invitation_id, &link_origin(state), ip).await
    })
    .await
}

#[server(endpoint = "revoke_invitation")]
pub async fn revoke_invitation(invitation_id: i32) -> Result<TeamMembersView, AppError> {
    change_then_team(Action::InviteMember, async |state, session, ip| {
        team::revoke(&state.db, session, invitation_id, ip).await
    })
    .await
}

/// Changes a member's role, brand access and billing right.
#[server(endpoint = "change_member", input = Json)]
pub async fn change_member(
    membership_id: i32,
    role: String,
    all_brands: bool,
    brand_ids: Vec<i32>,
    can_manage_billing: bool,
) -> Result<TeamMembersView, AppError> {
    use crate::model::{parse_assignable_role, BrandAccess};
    // The gate for changing anyone at all; the backend asks again about this member's role.
    change_then_team(Action::ChangeMember { target: Role::Viewer }, async |state, session, ip| {
        let role = parse_assignable_role(&role).map_err(|m| AppError::invalid("role", m))?;
        let access = BrandAccess::parse(all_brands, &brand_ids)
            .map_err(|m| AppError::invalid("brands", m))?;
        team::change_member(&state.db, session, membership_id, role, access, can_manage_billing, ip)
            .await
    })
    .await
}

/// Removes a member; their sessions end at once.
#[server(endpoint = "remove_member")]
pub async fn remove_member(membership_id: i32) -> Result<TeamMembersView, AppError> {
    // The gate for removing anyone at all; the backend asks again about this member's role.
    change_then_team(Action::RemoveMember { target: Role::Viewer }, async |state, session, ip| {
        team::remove_member(&state.db, session, membership_id, ip).await
    })
    .await
}

/// Hands the team to another member: the Owner only, in sudo mode.
#[server(endpoint = "transfer_ownership")]
pub async fn transfer_ownership(
    membership_id: i32,
    password: Option<String>,
) -> Result<TeamMembersView, AppError> {
    change_then_team(Action::TransferOwnership, async |state, session, ip| {
        crate::backend::sudo::require(state, session, password.as_deref(), ip).await?;
        team::transfer_ownership(&state.db, session, membership_id, ip).await
    })
    .await
}

/// What an invitation link shows to whoever opened it (signed in or not). Changes nothing.
#[server(endpoint = "get_invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationView, AppError> {
    current::respond(
        async {
            team::invitation_view(&app_state()?.db, &token, current::session().as_ref()).await
        }
        .await,
    )
}
