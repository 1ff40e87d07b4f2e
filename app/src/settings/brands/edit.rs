//! Editing a brand (name, aliases, favicon, location, market) and deleting it (Owner, sudo).

use super::api::{DeleteBrand, UpdateBrand};
use crate::error::AppError;
use crate::model::{BrandRow, BrandsView};
use crate::ui::{dialog_for, field_error, form_error, sudo_needed, Dialog, SudoField, TextField};
use leptos::prelude::*;

/// The fields Add brand and Edit brand share: aliases, location and market.
#[component]
pub fn DetailFields(
    /// Keeps ids unique between the two dialogs.
    prefix: &'static str,
    /// The brand being edited, for the starting values.
    brand: Option<BrandRow>,
    /// The server's refusal, if any.
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let error = move |field: &'static str| {
        Signal::derive(move || errors.get().and_then(|e| e.for_field(field)))
    };
    let (aliases, location, market) = brand
        .map(|b| (b.aliases.join("; "), b.location, b.market))
        .unwrap_or_else(|| (String::new(), String::from("Global"), String::from("General")));
    view! {
        <TextField id=format!("{prefix}-aliases") name="aliases" label="Aliases" initial=aliases
            hint="Other names people use for the brand, separated by semicolons." error=error("aliases") />
        <TextField id=format!("{prefix}-location") name="location" label="Location" initial=location
            hint="A two-letter country code such as US or GB, or Global." error=error("location") />
        <TextField id=format!("{prefix}-market") name="market" label="Market" initial=market
            hint="The market the brand competes in, for example Running shoes." error=error("market") />
    }
}

#[component]
pub fn EditBrandDialog(
    editing: RwSignal<Option<BrandRow>>,
    view_state: RwSignal<BrandsView>,
) -> impl IntoView {
    let update = ServerAction::<UpdateBrand>::new();
    let delete = ServerAction::<DeleteBrand>::new();
    let open = dialog_for(editing);
    let deleting = RwSignal::new(false);
    let sudo_active = RwSignal::new(view_state.get_untracked().sudo_active);
    Effect::new(move |_| {
        if let Some(Ok(v)) = update.value().get() {
            view_state.set(v);
            editing.set(None);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(v)) = delete.value().get() {
            view_state.set(v);
            sudo_active.set(true);
            deleting.set(false);
            editing.set(None);
        }
    });
    let errors = Signal::derive(move || update.value().get().and_then(Result::err));
    let password_error = Signal::derive(move || field_error(delete.value().get(), "password"));
    let needs_password = sudo_needed(sudo_active, password_error);
    let delete_error = Signal::derive(move || form_error(delete.value().get()));
    let name = move || editing.get().map(|b| b.name).unwrap_or_default();
    view! {
        <Dialog title="Edit brand" id="edit-brand" open>
            {move || editing.get().map(|b| {
                let website = b.website.clone();
                let id = b.id;
                view! {
                    <ActionForm action=update attr:class="stack">
                        <input type="hidden" name="brand_id" value=id />
                        <p class="hint">"Website: " {website.trim_start_matches("https://").to_string()} " (a brand's website does not change; add a new brand instead)."</p>
                        <TextField id="edit-name" name="name" label="Name" required=true initial=b.name.clone()
                            error=Signal::derive(move || errors.get().and_then(|e| e.for_field("name"))) />
                        <DetailFields prefix="edit" brand=Some(b.clone()) errors />
                        <TextField id="edit-favicon" name="favicon_url" label="Favicon" initial=b.favicon_url.clone()
                            hint="The address of the brand's icon (https). Leave empty to use the website's favicon."
                            error=Signal::derive(move || errors.get().and_then(|e| e.for_field("favicon_url"))) />
                        {move || form_error(update.value().get()).map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                        <div class="actions">
                            <button type="submit" class="primary">"Save"</button>
                            <button type="button" class="quiet" on:click=move |_| editing.set(None)>"Cancel"</button>
                            {move || view_state.get().can_delete.then(|| view! {
                                <button type="button" class="danger push" on:click=move |_| deleting.set(true)>"Delete brand"</button>
                            })}
                        </div>
                    </ActionForm>
                }
            })}
        </Dialog>
        <Dialog title="Delete brand" id="delete-brand" open=deleting>
            <ActionForm action=delete attr:class="stack">
                <input type="hidden" name="brand_id" value=move || editing.get().map(|b| b.id).unwrap_or_default() />
                <p>"This deletes " <strong>{name}</strong> " and all of its visibility history for everyone in your team. This cannot be undone."</p>
                <SudoField id="delete-brand-password" needed=needs_password error=password_error />
                {move || delete_error.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                <div class="actions">
                    <button type="submit" class="danger">{move || format!("Delete {}", name())}</button>
                    <button type="button" class="quiet" on:click=move |_| deleting.set(false)>"Cancel"</button>
                </div>
            </ActionForm>
        </Dialog>
    }
}
