//! The Profile tab: Account Settings (first name, email), Feedback, Regional Settings, Danger Zone.

mod api;
mod confirm;
mod danger;
mod email;
mod feedback;
mod name;
mod regional;

pub use api::*;
pub use confirm::{confirm_email_change, ConfirmEmailPage};
pub use name::SignedInName;

use crate::error::AppError;
use crate::model::ProfileView;
use leptos::prelude::*;

#[component]
pub fn ProfileTab(profile: ProfileView) -> impl IntoView {
    let p = profile;
    let sudo_active = RwSignal::new(p.sudo_active);
    view! {
        <h1 class="tab-title">"Profile"</h1>

                            <section class="panel" aria-labelledby="account-settings">
                                <h2 id="account-settings">"Account Settings"</h2>
                                <div class="stack">
                                    <name::FirstNameField initial=p.first_name.clone() />
                                    <email::EmailAddress email=p.email.clone() pending=p.pending_email.clone() sudo_active />
                                </div>
                            </section>
                            <feedback::FeedbackSection />
                            <regional::RegionalSettings regional=p.regional.clone() />
                            <danger::DangerZone blocked=p.deletion_blocked.clone() sudo_active />
    }
}

/// The message for `field` in a server function's result, if it refused that field.
pub(crate) fn field_error<T>(result: Option<Result<T, AppError>>, field: &str) -> Option<String> {
    match result {
        Some(Err(e)) => e.for_field(field),
        _ => None,
    }
}

/// A refusal that is not about one field (rate limits, outages, the policy).
pub(crate) fn form_error<T>(result: Option<Result<T, AppError>>) -> Option<String> {
    match result {
        Some(Err(AppError::Invalid { .. })) | Some(Ok(_)) | None => None,
        Some(Err(e)) => Some(e.to_string()),
    }
}
