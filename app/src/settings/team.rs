//! The Team tab: members with their roles and brand access, invitations, ownership. Free and
//! Growth see what Scale adds instead.

mod api;
mod join;
mod members;

pub use api::*;
pub use join::JoinPage;

use crate::model::{BrandAccess, BrandChoice, TeamMembersView, TeamView};
use crate::policy::Role;
use crate::ui::{field_error, form_error, Dialog, FieldError, Time};
use leptos::prelude::*;

#[component]
pub fn TeamTab(team: TeamView) -> impl IntoView {
    match team {
        TeamView::Upgrade { plan } => view! { <UpgradePrompt plan /> }.into_any(),
        TeamView::Members(members) => view! { <Members team=*members /> }.into_any(),
    }
}

#[component]
fn UpgradePrompt(plan: String) -> impl IntoView {
    view! {
        <h1 class="tab-title">"Team"</h1>
        <section class="panel" aria-labelledby="team-upgrade">
            <h2 id="team-upgrade">"Work on your brands together"</h2>
            <p>{format!("Teams are part of the Scale plan. You are on {plan}, where the account is yours alone.")}</p>
            <ul class="benefits">
                <li><strong>"Members"</strong>": invite colleagues and clients by email."</li>
                <li><strong>"Roles"</strong>": Owner, Admin and Viewer. Admins manage brands and people; Viewers read."</li>
                <li><strong>"Per-brand access"</strong>": limit a member to the brands they work on."</li>
            </ul>
            <p><a class="button primary" href="/settings/billing">"Upgrade to Scale"</a></p>
        </section>
    }
}

fn access_text(access: &BrandAccess, brands: &[BrandChoice]) -> String {
    match access {
        BrandAccess::All => "All brands".into(),
        BrandAccess::Only(ids) => {
            let names: Vec<String> = ids
                .iter()
                .filter_map(|id| brands.iter().find(|b| b.id == *id).map(|b| b.name.clone()))
                .collect();
            match (names.len(), ids.len()) {
                (0, n) => format!("{n} brand{}", if n == 1 { "" } else { "s" }),
                (shown, n) if shown == n => names.join(", "),
                (_, n) => format!("{}, and others ({n} in all)", names.join(", ")),
            }
        }
    }
}

/// Brand access as a form part: all brands, or chosen ones (checkboxes). Shared by the invite and
/// the change dialogs.
#[component]
fn BrandAccessFields(
    /// Unique within the page.
    prefix: &'static str,
    all: RwSignal<bool>,
    chosen: RwSignal<Vec<i32>>,
    brands: Vec<BrandChoice>,
    grants_all: bool,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{prefix}-brands-error");
    let described = error_id.clone();
    view! {
        <fieldset class="field" aria-describedby=move || error.get().is_some().then(|| described.clone())>
            <legend>"Brand access"</legend>
            <label class="check">
                <input type="radio" name=format!("{prefix}-access") disabled=!grants_all
                    prop:checked=move || all.get() on:change=move |_| all.set(true) />
                "All brands, including new ones"
            </label>
            <label class="check">
                <input type="radio" name=format!("{prefix}-access")
                    prop:checked=move || !all.get() on:change=move |_| all.set(false) />
                "Only these brands"
            </label>
            <div class="choices" class:muted=move || all.get()>
                {brands.into_iter().map(|b| {
                    let id = b.id;
                    view! {
                        <label class="check">
                            <input type="checkbox" disabled=move || all.get()
                                prop:checked=move || chosen.get().contains(&id)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| { c.retain(|x| *x != id); if on { c.push(id); } });
                                } />
                            {b.name}
                        </label>
                    }
                }).collect_view()}
            </div>
            {move || view! { <FieldError id=error_id.clone() message=error.get() /> }}
        </fieldset>
    }
}

/// The role select, and for Admins the right to manage billing (offered only by someone who may
/// grant it). Shared by the invite and the change dialogs.
#[component]
fn RoleFields(
    id: &'static str,
    role: RwSignal<Role>,
    billing: RwSignal<bool>,
    can_grant_billing: bool,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>"Role"</label>
            <select id=id aria-describedby=move || error.get().is_some().then(|| described.clone())
                on:change=move |ev| role.set(Role::parse(&event_target_value(&ev)).unwrap_or(Role::Viewer))>
                <option value="Viewer" selected=move || role.get() == Role::Viewer>"Viewer"</option>
                <option value="Admin" selected=move || role.get() == Role::Admin>"Admin"</option>
            </select>
            <p class="hint">"Admins add and edit brands and manage members. Viewers read."</p>
            {move || view! { <FieldError id=error_id.clone() message=error.get() /> }}
        </div>
        {move || (role.get() == Role::Admin && can_grant_billing).then(|| view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || billing.get() on:change=move |ev| billing.set(event_target_checked(&ev)) />
                "Can manage billing"
            </label>
        })}
    }
}

#[component]
fn Members(team: TeamMembersView) -> impl IntoView {
    let state = RwSignal::new(team);
    let resend = ServerAction::<ResendInvitation>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let notice = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(v)) = resend.value().get() {
            state.set(v);
            notice.set(Some("Invitation sent again with a new link.".into()));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(v)) = revoke.value().get() {
            state.set(v);
            notice.set(Some("Invitation revoked. Its link no longer works.".into()));
        }
    });
    let invite_open = RwSignal::new(false);
    let invitation_error = Signal::derive(move || {
        form_error(resend.value().get()).or(form_error(revoke.value().get()))
    });
    view! {
        <h1 class="tab-title">"Team"</h1>
        <members::MembersSection state invite_open notice />
        <section class="panel" aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">"Pending invitations"</h2>
            {move || invitation_error.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
            {move || {
                let v = state.get();
                if v.invitations.is_empty() {
                    return view! { <p class="purpose">"No invitations waiting."</p> }.into_any();
                }
                let brands = v.brands.clone();
                view! {
                    <div class="table-scroll">
                        <table>
                            <thead><tr>
                                <th scope="col">"Email"</th><th scope="col">"Role"</th><th scope="col">"Brand access"</th>
                                <th scope="col">"Sent"</th><th scope="col">"Expires"</th>
                                {v.can_manage.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                            </tr></thead>
                            <tbody>
                                {v.invitations.into_iter().map(|i| {
                                    let id = i.id;
                                    let email = i.email.clone();
                                    view! {
                                        <tr>
                                            <td>{i.email.clone()}</td>
                                            <td>{i.role.name()}{i.can_manage_billing.then_some(", billing")}</td>
                                            <td>{access_text(&i.access, &brands)}</td>
                                            <td><Time time=i.sent /></td>
                                            <td>{if i.expired { view! { <span class="badge">"Expired"</span> }.into_any() } else { view! { <Time time=i.expires /> }.into_any() }}</td>
                                            {v.can_manage.then(|| view! {
                                                <td class="row-actions">
                                                    <button type="button" class="quiet" aria-label=format!("Resend invitation to {email}")
                                                        on:click=move |_| { resend.dispatch(ResendInvitation { invitation_id: id }); }>"Resend"</button>
                                                    <button type="button" class="quiet danger-text" aria-label=format!("Revoke invitation to {email}")
                                                        on:click=move |_| { revoke.dispatch(RevokeInvitation { invitation_id: id }); }>"Revoke"</button>
                                                </td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <InviteDialog open=invite_open state notice />
    }
}

#[component]
fn InviteDialog(
    open: RwSignal<bool>,
    state: RwSignal<TeamMembersView>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let invite = ServerAction::<InviteMember>::new();
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Viewer);
    let start = state.get_untracked();
    let all = RwSignal::new(start.grants_all_brands);
    let chosen = RwSignal::new(Vec::<i32>::new());
    let billing = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(v)) = invite.value().get() {
            notice.set(Some(format!("Invitation sent to {}.", email.get_untracked())));
            state.set(v);
            email.set(String::new());
            chosen.set(Vec::new());
            billing.set(false);
            open.set(false);
        }
    });
    let error =
        move |field: &'static str| Signal::derive(move || field_error(invite.value().get(), field));
    let other_error = Signal::derive(move || form_error(invite.value().get()));
    let email_error = error("email");
    view! {
        <Dialog title="Invite member" id="invite-member" open>
            <form class="stack" on:submit=move |ev| {
                ev.prevent_default();
                invite.dispatch(InviteMember {
                    email: email.get_untracked(),
                    role: role.get_untracked().name().to_string(),
                    all_brands: all.get_untracked(),
                    brand_ids: chosen.get_untracked(),
                    can_manage_billing: billing.get_untracked() && role.get_untracked() == Role::Admin,
                });
            }>
                <div class="field">
                    <label for="invite-email">"Email"</label>
                    <input id="invite-email" type="email" autocomplete="off" required
                        prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))
                        aria-invalid=move || email_error.get().is_some().then_some("true")
                        aria-describedby=move || email_error.get().is_some().then_some("invite-email-error") />
                    {move || view! { <FieldError id="invite-email-error" message=email_error.get() /> }}
                </div>
                <RoleFields id="invite-role" role billing can_grant_billing=start.can_grant_billing error=error("role") />
                <BrandAccessFields prefix="invite" all chosen brands=start.brands.clone() grants_all=start.grants_all_brands error=error("brands") />
                {move || other_error.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                <p class="hint">"They get an email with a link that works for 14 days."</p>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || invite.pending().get()>"Send invitation"</button>
                    <button type="button" class="quiet" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
        </Dialog>
    }
}
