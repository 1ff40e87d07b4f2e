//! The members table and what Owner and Admins do to a member: change role and brand access,
//! remove, and (the Owner) transfer ownership.

use super::api::{ChangeMember, RemoveMember, TransferOwnership};
use super::{access_text, BrandAccessFields, RoleFields};
use crate::model::{BrandAccess, MemberRow, TeamMembersView};
use crate::policy::Role;
use crate::ui::{dialog_for, field_error, form_error, sudo_needed, Dialog, SudoField, Time};
use leptos::prelude::*;

#[component]
pub fn MembersSection(
    state: RwSignal<TeamMembersView>,
    invite_open: RwSignal<bool>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let changing = RwSignal::new(None::<MemberRow>);
    let removing = RwSignal::new(None::<MemberRow>);
    let transfer_open = RwSignal::new(false);
    view! {
        <section class="panel" aria-labelledby="members-heading">
            <div class="section-head">
                <h2 id="members-heading">"Members"</h2>
                {move || state.get().can_manage.then(|| view! {
                    <div class="actions">
                        // Only with someone to hand the team to.
                        {move || state.with(|v| v.can_transfer && v.members.len() > 1).then(|| view! {
                            <button type="button" on:click=move |_| transfer_open.set(true)>"Transfer ownership"</button>
                        })}
                        <button type="button" class="primary" on:click=move |_| invite_open.set(true)>"Invite"</button>
                    </div>
                })}
            </div>
            <p class="live" aria-live="polite">{move || notice.get()}</p>
            <div class="table-scroll">
                <table class="members">
                    <thead><tr>
                        <th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Role"</th>
                        <th scope="col">"Brand access"</th><th scope="col">"2FA"</th><th scope="col">"Last active"</th>
                        {move || state.get().can_manage.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let v = state.get();
                            v.members.iter().map(|m| {
                                let manage = v.can_manage && !m.is_you && m.role != Role::Owner;
                                let (for_change, for_remove) = (m.clone(), m.clone());
                                view! {
                                    <tr>
                                        <td>{m.first_name.clone()}{m.is_you.then(|| view! { " " <span class="badge">"You"</span> })}</td>
                                        <td>{m.email.clone()}</td>
                                        <td>{m.role.name()}{m.can_manage_billing.then_some(", billing")}</td>
                                        <td>{access_text(&m.access, &v.brands)}</td>
                                        <td>{if m.two_factor { "On" } else { "Off" }}</td>
                                        <td>{match m.last_active.clone() {
                                            Some(t) => view! { <Time time=t /> }.into_any(),
                                            None => view! { <span>"Never"</span> }.into_any(),
                                        }}</td>
                                        {v.can_manage.then(|| view! {
                                            <td class="row-actions">
                                                {manage.then(|| view! {
                                                    <button type="button" class="quiet" aria-label=format!("Change access of {}", m.email)
                                                        on:click=move |_| changing.set(Some(for_change.clone()))>"Change"</button>
                                                    <button type="button" class="quiet danger-text" aria-label=format!("Remove {}", m.email)
                                                        on:click=move |_| removing.set(Some(for_remove.clone()))>"Remove"</button>
                                                })}
                                            </td>
                                        })}
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
        <ChangeDialog changing state notice />
        <RemoveDialog removing state notice />
        <TransferDialog open=transfer_open state notice />
    }
}

#[component]
fn ChangeDialog(
    changing: RwSignal<Option<MemberRow>>,
    state: RwSignal<TeamMembersView>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let change = ServerAction::<ChangeMember>::new();
    let open = dialog_for(changing);
    Effect::new(move |_| {
        if let Some(Ok(v)) = change.value().get() {
            state.set(v);
            if let Some(m) = changing.get_untracked() {
                notice.set(Some(format!("Saved the access of {}.", m.email)));
            }
            changing.set(None);
        }
    });
    view! {
        <Dialog title="Change access" id="change-member" open>
            {move || changing.get().map(|m| {
                let role = RwSignal::new(m.role);
                let all = RwSignal::new(m.access == BrandAccess::All);
                let chosen = RwSignal::new(match &m.access { BrandAccess::Only(ids) => ids.clone(), BrandAccess::All => Vec::new() });
                let billing = RwSignal::new(m.can_manage_billing);
                let v = state.get_untracked();
                let id = m.membership_id;
                view! {
                    <form class="stack" on:submit=move |ev| {
                        ev.prevent_default();
                        change.dispatch(ChangeMember {
                            membership_id: id,
                            role: role.get_untracked().name().to_string(),
                            all_brands: all.get_untracked(),
                            brand_ids: chosen.get_untracked(),
                            can_manage_billing: billing.get_untracked() && role.get_untracked() == Role::Admin,
                        });
                    }>
                        <p>{format!("{} ({})", m.first_name, m.email)}</p>
                        <RoleFields id="change-role" role billing can_grant_billing=v.can_grant_billing error=Signal::derive(move || field_error(change.value().get(), "role")) />
                        <BrandAccessFields prefix="change" all chosen brands=state.get_untracked().brands grants_all=state.get_untracked().grants_all_brands
                            error=Signal::derive(move || field_error(change.value().get(), "brands")) />
                        {move || form_error(change.value().get()).map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                        <div class="actions">
                            <button type="submit" class="primary">"Save"</button>
                            <button type="button" class="quiet" on:click=move |_| changing.set(None)>"Cancel"</button>
                        </div>
                    </form>
                }
            })}
        </Dialog>
    }
}

#[component]
fn RemoveDialog(
    removing: RwSignal<Option<MemberRow>>,
    state: RwSignal<TeamMembersView>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let remove = ServerAction::<RemoveMember>::new();
    let open = dialog_for(removing);
    Effect::new(move |_| {
        if let Some(Ok(v)) = remove.value().get() {
            state.set(v);
            if let Some(m) = removing.get_untracked() {
                notice.set(Some(format!("{} was removed and signed out.", m.email)));
            }
            removing.set(None);
        }
    });
    view! {
        <Dialog title="Remove member" id="remove-member" open>
            {move || removing.get().map(|m| {
                let id = m.membership_id;
                view! {
                    <div class="stack">
                        <p>{format!("{} ({}) loses access to this team and is signed out at once. Their account stays, with a team of their own.", m.first_name, m.email)}</p>
                        {move || form_error(remove.value().get()).map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                        <div class="actions">
                            <button type="button" class="danger" on:click=move |_| { remove.dispatch(RemoveMember { membership_id: id }); }>
                                {format!("Remove {}", m.first_name)}
                            </button>
                            <button type="button" class="quiet" on:click=move |_| removing.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
        </Dialog>
    }
}

#[component]
fn TransferDialog(
    open: RwSignal<bool>,
    state: RwSignal<TeamMembersView>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let transfer = ServerAction::<TransferOwnership>::new();
    let sudo_active = RwSignal::new(state.get_untracked().sudo_active);
    Effect::new(move |_| {
        if let Some(Ok(v)) = transfer.value().get() {
            state.set(v);
            sudo_active.set(true);
            open.set(false);
            notice.set(Some("Ownership transferred. You are now an admin.".into()));
            // Your role changed: draw the whole page again for an admin.
            #[cfg(feature = "hydrate")]
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    let password_error = Signal::derive(move || field_error(transfer.value().get(), "password"));
    let needs_password = sudo_needed(sudo_active, password_error);
    view! {
        <Dialog title="Transfer ownership" id="transfer-ownership" open>
            <ActionForm action=transfer attr:class="stack">
                <p>"The new owner controls billing, team-wide security and this team. You stay as an admin who can manage billing."</p>
                {move || state.get().require_two_factor.then(|| view! {
                    <p class="hint">"Your team requires two-factor authentication: the new owner must have it on."</p>
                })}
                <div class="field">
                    <label for="transfer-to">"New owner"</label>
                    <select id="transfer-to" name="membership_id" required>
                        {move || state.get().members.into_iter().filter(|m| !m.is_you).map(|m| view! {
                            <option value=m.membership_id>{format!("{} ({})", m.first_name, m.email)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <SudoField id="transfer-password" needed=needs_password error=password_error />
                {move || form_error(transfer.value().get()).map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                <div class="actions">
                    <button type="submit" class="danger">"Transfer ownership"</button>
                    <button type="button" class="quiet" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </ActionForm>
        </Dialog>
    }
}
