//! Brand groups: create, rename, delete (brands stay, in no group).

use super::api::{CreateGroup, DeleteGroup, RenameGroup};
use crate::model::BrandsView;
use crate::ui::{field_error, form_error};
use crate::ui::{Dialog, TextField};
use leptos::prelude::*;

#[component]
pub fn GroupsSection(view_state: RwSignal<BrandsView>) -> impl IntoView {
    let create = ServerAction::<CreateGroup>::new();
    let rename = ServerAction::<RenameGroup>::new();
    let delete = ServerAction::<DeleteGroup>::new();
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(v)) = create.value().get() {
            view_state.set(v);
            open.set(false);
        }
    });
    Effect::new(move |_| {
        for v in [rename.value().get(), delete.value().get()].into_iter().flatten().flatten() {
            view_state.set(v);
        }
    });
    let name_error = Signal::derive(move || field_error(create.value().get(), "group_name"));
    let other = Signal::derive(move || {
        form_error(rename.value().get())
            .or_else(|| form_error(delete.value().get()))
            .or_else(|| field_error(rename.value().get(), "group_name"))
    });
    let can_edit = move || view_state.get().can_edit;
    view! {
        <section class="panel" aria-labelledby="groups-heading">
            <div class="section-head">
                <h2 id="groups-heading">"Groups"</h2>
                {move || can_edit().then(|| view! {
                    <button type="button" on:click=move |_| open.set(true)>"New group"</button>
                })}
            </div>
            {move || {
                let v = view_state.get();
                if v.groups.is_empty() {
                    view! { <p class="purpose">"No groups yet. Groups keep a large portfolio in order: by client, region or product line."</p> }.into_any()
                } else {
                    let editable = v.can_edit;
                    view! {
                        <ul class="groups">
                            {v.groups.into_iter().map(|g| {
                                let count = v.brands.iter().filter(|b| b.group_id == Some(g.id)).count();
                                let (id, name) = (g.id, g.name.clone());
                                let (label, delete_label) = (format!("Name of group {name}"), format!("Delete group {name}"));
                                let input_id = format!("group-{id}-name");
                                view! {
                                    <li>
                                        {if editable {
                                            view! {
                                                <ActionForm action=rename attr:class="inline">
                                                    <input type="hidden" name="group_id" value=id.to_string() />
                                                    <label class="visually-hidden" for=input_id.clone()>{label}</label>
                                                    <input id=input_id name="group_name" value=name.clone() />
                                                    <button type="submit" class="quiet">"Rename"</button>
                                                </ActionForm>
                                                <span class="hint">{format!("{count} brands")}</span>
                                                <button type="button" class="quiet" aria-label=delete_label
                                                    on:click=move |_| { delete.dispatch(DeleteGroup { group_id: id }); }>"Delete"</button>
                                            }.into_any()
                                        } else {
                                            view! { <span>{name.clone()}</span> <span class="hint">{format!("{count} brands")}</span> }.into_any()
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            {move || other.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
        </section>
        <Dialog title="New group" id="new-group" open>
            <ActionForm action=create attr:class="stack">
                <TextField id="group-name" name="group_name" label="Group name" required=true error=name_error />
                <div class="actions">
                    <button type="submit" class="primary">"Create group"</button>
                    <button type="button" class="quiet" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </ActionForm>
        </Dialog>
    }
}
