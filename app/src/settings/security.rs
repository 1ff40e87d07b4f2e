//! The Security tab: Password, Two-Factor Authentication, Active Sessions, Sign Out Everywhere,
//! and the security log.

mod api;

pub use api::*;

mod two_factor;

use crate::model::{SecurityView, SessionInfo};
use crate::ui::{TextField, Time};
use leptos::prelude::*;
use two_factor::TwoFactorSection;

#[component]
pub fn SecurityTab(security: SecurityView) -> impl IntoView {
    view! {
        <h1 class="tab-title">"Security"</h1>
        <PasswordSection />
        {security.must_set_up.then(|| view! {
            <p class="alert" role="alert">{crate::policy::TWO_FACTOR_REQUIRED}</p>
        })}
        <TwoFactorSection status=security.two_factor sudo_active=security.sudo_active />
        {security.team_requirement.map(|(on, denied)| view! { <TeamRequirement on denied /> })}
        <SessionsSection sessions=security.sessions />
        <section class="panel" aria-labelledby="security-log-heading">
            <h2 id="security-log-heading">"Security log"</h2>
            {if security.events.is_empty() {
                view! { <p class="purpose">"Nothing yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="log">
                            <thead>
                                <tr><th scope="col">"Event"</th><th scope="col">"When"</th><th scope="col">"IP"</th><th scope="col">"Device"</th></tr>
                            </thead>
                            <tbody>
                                {security
                                    .events
                                    .into_iter()
                                    .map(|e| view! {
                                        <tr>
                                            <td>{e.kind.label()}</td>
                                            <td><Time time=e.at /></td>
                                            <td>{e.ip}</td>
                                            <td>{e.device}</td>
                                        </tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn PasswordSection() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    let done = RwSignal::new(None::<String>);
    let error_for = move |field: &'static str| {
        Signal::derive(move || crate::ui::field_error(change.value().get(), field))
    };
    let other = Signal::derive(move || crate::ui::form_error(change.value().get()));
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = change.value().get() {
            done.set(Some("Your password was changed. Every other device was signed out.".into()));
            if let Some(f) = form.get() {
                f.reset();
            }
        }
    });
    view! {
        <section class="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">"Password"</h2>
            <ActionForm action=change node_ref=form attr:class="stack">
                <TextField id="current_password" name="current_password" label="Current password" input_type="password" autocomplete="current-password" error=error_for("current_password") />
                <TextField id="new_password" name="new_password" label="New password" input_type="password" autocomplete="new-password" hint="At least 8 characters." error=error_for("new_password") />
                <TextField id="confirm_password" name="confirm_password" label="Confirm password" input_type="password" autocomplete="new-password" error=error_for("confirm_password") />
                {move || other.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                <button type="submit" class="primary">"Change password"</button>
                <p class="status" role="status" aria-live="polite">{move || done.get()}</p>
            </ActionForm>
        </section>
    }
}

#[component]
fn SessionsSection(sessions: Vec<SessionInfo>) -> impl IntoView {
    let revoke = ServerAction::<RevokeSession>::new();
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    let sessions = RwSignal::new(sessions);
    let status = RwSignal::new(None::<String>);
    let clicked = RwSignal::new(None::<i32>);
    Effect::new(move |_| {
        if let Some(Ok(n)) = everywhere.value().get() {
            sessions.update(|s| s.retain(|x| x.this_device));
            status.set(Some(format!(
                "Signed out {n} other session{}.",
                if n == 1 { "" } else { "s" }
            )));
        }
    });
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(id)) = (revoke.value().get(), clicked.get_untracked()) {
            sessions.update(|s| s.retain(|x| x.id != id));
            status.set(Some("That session was signed out.".into()));
        }
    });
    view! {
        <section class="panel" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">"Active Sessions"</h2>
            <p class="purpose">"Every device where you are signed in."</p>
            <ul class="sessions">
                <For each=move || sessions.get() key=|s| s.id let:s>
                    <li class="session">
                        <div>
                            <strong>{s.device.clone()}</strong>
                            " · " {s.browser.clone()}
                            {s.this_device.then(|| view! { <span class="badge">"This device"</span> })}
                        </div>
                        <div class="meta">
                            {s.location.clone()} " · " {s.ip.clone()} " · signed in " <Time time=s.signed_in.clone() />
                            " · last active " <Time time=s.last_active.clone() />
                        </div>
                        {(!s.this_device).then(|| {
                            let id = s.id;
                            view! {
                                <ActionForm action=revoke>
                                    <input type="hidden" name="session_id" value=id.to_string() />
                                    <button type="submit" class="quiet" on:click=move |_| clicked.set(Some(id))>
                                        "Sign out"
                                    </button>
                                </ActionForm>
                            }
                        })}
                    </li>
                </For>
            </ul>
            <ActionForm action=everywhere>
                <button type="submit">"Sign Out Everywhere"</button>
            </ActionForm>
            <p class="hint">"Signs out every session except this one. Useful if you suspect unauthorized access or signed in on a shared computer."</p>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}

/// The owner's switch, saved as soon as it is flipped.
#[component]
fn TeamRequirement(on: bool, denied: Option<String>) -> impl IntoView {
    let save = ServerAction::<SetTeamTwoFactor>::new();
    let checked = RwSignal::new(on);
    let status = RwSignal::new(None::<String>);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(now)) => {
            checked.set(now);
            status.set(Some("Saved".into()));
        }
        Some(Err(e)) => {
            checked.set(!checked.get_untracked());
            status.set(Some(e.to_string()));
        }
        None => {}
    });
    let hint = denied.clone();
    view! {
        <section class="panel" aria-labelledby="team-two-factor-heading">
            <h2 id="team-two-factor-heading">"Team security"</h2>
            <div class="check">
                <input
                    type="checkbox"
                    id="require-two-factor"
                    prop:checked=move || checked.get()
                    checked=on
                    disabled=denied.is_some() && !on
                    aria-describedby="require-two-factor-hint"
                    on:change=move |ev| {
                        let value = event_target_checked(&ev);
                        checked.set(value);
                        status.set(Some("Saving…".into()));
                        save.dispatch(SetTeamTwoFactor { required: value });
                    }
                />
                <label for="require-two-factor">"Require two-factor authentication for all team members"</label>
            </div>
            <p id="require-two-factor-hint" class="hint">
                {hint.unwrap_or_else(|| "Members without it must set it up before they can do anything else.".into())}
            </p>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
