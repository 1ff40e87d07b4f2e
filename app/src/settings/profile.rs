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
