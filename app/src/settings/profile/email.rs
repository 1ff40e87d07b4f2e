//! Email Address: shown with a Change button; the change happens only when the link sent to the
//! new address is opened.

use super::api::{CancelEmailChange, RequestEmailChange, ResendEmailChange};
use crate::model::PendingEmailView;
use crate::ui::{sudo_needed, Dialog, SudoField, TextField, Time};
use leptos::prelude::*;

#[component]
pub fn EmailAddress(
    email: String,
    pending: Option<PendingEmailView>,
    sudo_active: RwSignal<bool>,
) -> impl IntoView {
    let request = ServerAction::<RequestEmailChange>::new();
    let resend = ServerAction::<ResendEmailChange>::new();
    let cancel = ServerAction::<CancelEmailChange>::new();
    let open = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let expires = pending.as_ref().map(|p| p.expires.clone());
    let waiting = RwSignal::new(pending.map(|p| p.new_email));
    let notice = RwSignal::new(None::<String>);

    Effect::new(move |_| {
        if let Some(Ok(())) = request.value().get() {
            waiting.set(Some(typed.get_untracked()));
            sudo_active.set(true);
            open.set(false);
            notice.set(Some("Check your new inbox for the confirmation link.".into()));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = cancel.value().get() {
            waiting.set(None);
            notice.set(Some("The change was cancelled.".into()));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = resend.value().get() {
            notice.set(Some("A new link is on its way.".into()));
        }
    });
    let new_email_error =
        Signal::derive(move || crate::ui::field_error(request.value().get(), "new_email"));
    let password_error =
        Signal::derive(move || crate::ui::field_error(request.value().get(), "password"));
    let needs_password = sudo_needed(sudo_active, password_error);
    let other_error = Signal::derive(move || {
        crate::ui::form_error(request.value().get())
            .or_else(|| crate::ui::form_error(resend.value().get()))
            .or_else(|| crate::ui::form_error(cancel.value().get()))
    });

    view! {
        <div class="field">
            <span class="label" id="email-label">"Email Address"</span>
            <div class="inline">
                <span class="value" aria-labelledby="email-label">{email}</span>
                <button type="button" on:click=move |_| open.set(true)>"Change"</button>
            </div>
            <p class="hint">"Your login email. Changing it takes a confirmation from the new address."</p>
            {move || {
                waiting
                    .get()
                    .map(|new_email| {
                        view! {
                            <div class="pending">
                                <p>"Waiting for confirmation of " <strong>{new_email}</strong> "."
                                    {expires.clone().map(|t| view! { " The link expires " <Time time=t /> "." })}
                                </p>
                                <div class="inline">
                                    <ActionForm action=resend><button type="submit">"Resend"</button></ActionForm>
                                    <ActionForm action=cancel><button type="submit" class="quiet">"Cancel request"</button></ActionForm>
                                </div>
                            </div>
                        }
                    })
            }}
            <p class="status" role="status" aria-live="polite">{move || notice.get()}</p>
            {move || other_error.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
        </div>
        <Dialog title="Change email address" id="change-email" open>
            <ActionForm action=request attr:class="stack">
                <TextField id="new_email" name="new_email" label="New email" input_type="email" autocomplete="email" required=true bind=typed error=new_email_error />
                <SudoField id="change-email-password" needed=needs_password error=password_error />
                <p class="hint">"We send a link to the new address. Your email changes when it is opened."</p>
                <div class="actions">
                    <button type="submit" class="primary">"Send confirmation link"</button>
                    <button type="button" class="quiet" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </ActionForm>
        </Dialog>
    }
}
