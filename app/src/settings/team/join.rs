//! The page an invitation link opens. Nothing changes on opening it: a new person gives a first
//! name and a password; an existing user confirms, knowing what they leave behind. Both are plain
//! forms posting to `/invite` and `/invite/join` (handled in the server crate).

use super::api::get_invitation;
use crate::auth::{submitted_form, TimezoneInput};
use crate::model::{InvitationView, JoinStep};
use crate::ui::TextField;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let invitation = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        get_invitation,
    );
    let form = submitted_form();
    view! {
        <Title text="Join a team" />
        <main class="auth">
            <Suspense>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        let form = form.await.unwrap_or_default();
                        match invitation.await {
                            Ok(view) => view! { <Invitation view token form /> }.into_any(),
                            Err(e) => view! {
                                <h1>"This invitation does not work"</h1>
                                <p role="alert">{e.for_field("token").unwrap_or_else(|| e.to_string())}</p>
                                <p><a href="/login">"Log in"</a></p>
                            }
                                .into_any(),
                        }
                    })
                }}
            </Suspense>
        </main>
    }
}

#[component]
fn Invitation(view: InvitationView, token: String, form: crate::model::AuthForm) -> impl IntoView {
    let error_for = |field: &str| form.error.as_ref().and_then(|e| e.for_field(field));
    let alert = form
        .error
        .as_ref()
        .filter(|e| !matches!(e, crate::error::AppError::Invalid { field, .. } if field == "first_name" || field == "password"))
        .map(|e| e.for_field("token").unwrap_or_else(|| e.to_string()));
    let role = view.role.name();
    let intro = format!(
        "{} invited {} to join {} as {} {role}.",
        view.invited_by,
        view.email,
        view.team_name,
        if role.starts_with('A') { "an" } else { "a" }
    );
    let team = view.team_name.clone();
    let step = match view.next_step {
        JoinStep::CreateAccount => view! {
            <form method="post" action="/invite" class="card stack">
                <input type="hidden" name="token" value=token.clone() />
                <p class="hint">"Your login email: " <strong>{view.email.clone()}</strong></p>
                <TextField id="first_name" name="first_name" label="First Name" autocomplete="given-name" required=true initial=form.first_name.clone() error=Signal::stored(error_for("first_name")) />
                <TextField id="password" name="password" label="Password" input_type="password" autocomplete="new-password" required=true hint="At least 8 characters." error=Signal::stored(error_for("password")) />
                <TimezoneInput />
                <button type="submit" class="primary">{format!("Join {team}")}</button>
            </form>
        }
            .into_any(),
        JoinStep::SignIn => {
            let back = format!("/invite?token={token}");
            let next = percent_encoding::utf8_percent_encode(&back, percent_encoding::NON_ALPHANUMERIC);
            let login = format!("/login?next={next}");
            view! {
                <p>{format!("There is already an account for {}. Log in to it to accept.", view.email)}</p>
                <p><a class="button primary" href=login>"Log in to accept"</a></p>
            }
                .into_any()
        }
        JoinStep::WrongAccount { signed_in_as } => view! {
            <p>{format!("You are signed in as {signed_in_as}, but this invitation is for {}. Log out, then open the link again.", view.email)}</p>
            <form method="post" action="/logout"><button type="submit">"Log out"</button></form>
        }
            .into_any(),
        JoinStep::Confirm { leaves } => {
            let brands = match leaves.brands {
                0 => "no brands".to_string(),
                1 => "its brand and that brand's history".to_string(),
                n => format!("its {n} brands and their history"),
            };
            view! {
                <form method="post" action="/invite/join" class="card stack">
                    <input type="hidden" name="token" value=token.clone() />
                    <p>"You can belong to one team at a time. Joining means leaving " <strong>{leaves.team_name.clone()}</strong>
                       {format!(" ({} plan): it is deleted with {brands}. Your account, password and two-factor settings stay.", leaves.plan)}</p>
                    <p>"This cannot be undone."</p>
                    <button type="submit" class="primary">{format!("Leave {} and join {team}", leaves.team_name)}</button>
                </form>
            }
                .into_any()
        }
        JoinStep::Blocked { reason } => view! { <p role="alert" class="alert">{reason}</p> }.into_any(),
    };
    view! {
        <h1>{format!("Join {}", view.team_name)}</h1>
        <p>{intro}</p>
        {alert.map(|m| view! { <p class="alert" role="alert">{m}</p> })}
        {step}
    }
}
