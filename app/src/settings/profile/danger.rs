//! Danger Zone: deleting the account, after the password and the word DELETE.

use super::api::{DeleteAccount, DELETE_WORD};
use crate::ui::{sudo_needed, Dialog, SudoField, TextField};
use leptos::prelude::*;

#[component]
pub fn DangerZone(blocked: Option<String>, sudo_active: RwSignal<bool>) -> impl IntoView {
    let delete = ServerAction::<DeleteAccount>::new();
    let open = RwSignal::new(false);
    let confirm = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            #[cfg(feature = "hydrate")]
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href("/account-deleted");
            }
        }
    });
    let confirm_error =
        Signal::derive(move || crate::ui::field_error(delete.value().get(), "confirm"));
    let password_error =
        Signal::derive(move || crate::ui::field_error(delete.value().get(), "password"));
    let needs_password = sudo_needed(sudo_active, password_error);
    let other_error = Signal::derive(move || crate::ui::form_error(delete.value().get()));
    view! {
        <details class="panel danger">
            <summary>"Danger Zone"</summary>
            <div class="details-body stack">
                <p>"Deleting your account permanently removes it and all associated data: your brands, their history and your sessions. This cannot be undone."</p>
                {blocked.clone().map(|reason| view! { <p class="alert" id="delete-blocked">{reason}</p> })}
                <div class="actions">
                    <button
                        type="button"
                        class="danger"
                        disabled=blocked.is_some()
                        aria-describedby=blocked.is_some().then_some("delete-blocked")
                        on:click=move |_| open.set(true)
                    >
                        "Delete account"
                    </button>
                </div>
            </div>
        </details>
        <Dialog title="Delete account" id="delete-account" open>
            <ActionForm action=delete attr:class="stack">
                <p>"This permanently deletes your account and everything in it. You will be signed out everywhere."</p>
                <SudoField id="delete-password" needed=needs_password error=password_error />
                <TextField id="delete-confirm" name="confirm" label="Type DELETE to confirm" autocomplete="off" bind=confirm error=confirm_error />
                {move || other_error.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                <div class="actions">
                    <button type="submit" class="danger" disabled=move || confirm.get().trim() != DELETE_WORD>
                        "Delete my account"
                    </button>
                    <button type="button" class="quiet" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </ActionForm>
        </Dialog>
    }
}
