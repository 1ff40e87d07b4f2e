//! Two-Factor Authentication: set up with a QR code or the Setup key, confirm with a code, keep
//! the recovery codes; later regenerate them or turn two-factor off.

use super::api::{
    BeginTwoFactorSetup, ConfirmTwoFactor, DisableTwoFactor, RegenerateRecoveryCodes,
};
use crate::model::{TwoFactorSetup, TwoFactorStatus};
use crate::ui::{field_error, form_error};
use crate::ui::{sudo_needed, Dialog, SudoField, TextField};
use leptos::prelude::*;

#[component]
pub fn TwoFactorSection(status: TwoFactorStatus, sudo_active: bool) -> impl IntoView {
    let enabled = RwSignal::new(status.enabled);
    let codes_left = RwSignal::new(status.codes_left);
    let sudo = RwSignal::new(sudo_active);
    let setup_open = RwSignal::new(false);
    let disable_open = RwSignal::new(false);
    let codes = RwSignal::new(None::<Vec<String>>);
    let regenerate = ServerAction::<RegenerateRecoveryCodes>::new();
    Effect::new(move |_| {
        if let Some(Ok(new)) = regenerate.value().get() {
            codes_left.set(new.len() as u64);
            codes.set(Some(new));
            sudo.set(true);
        }
    });
    let regen_password_error =
        Signal::derive(move || field_error(regenerate.value().get(), "password"));
    let regen_needs_password = Signal::derive(move || regen_password_error.get().is_some());
    view! {
        <section class="panel" aria-labelledby="two-factor-heading">
            <h2 id="two-factor-heading">"Two-Factor Authentication"</h2>
            <p class="purpose">
                "A code from an authenticator app at every sign-in. Team owners can require it for all team members."
            </p>
            {move || {
                if enabled.get() {
                    let left = codes_left.get();
                    view! {
                        <p><strong>"On."</strong> {format!(" Recovery codes: {left} left")}</p>
                        {(left < 3).then(|| view! { <p class="alert">"Fewer than 3 recovery codes left. Regenerate them and keep the new ones safe."</p> })}
                        <ActionForm action=regenerate attr:class="stack">
                            <SudoField id="regenerate-password" needed=regen_needs_password error=regen_password_error />
                            <div class="actions">
                                <button type="submit">"Regenerate recovery codes"</button>
                                <button type="button" class="danger" on:click=move |_| disable_open.set(true)>"Disable"</button>
                            </div>
                        </ActionForm>
                    }
                        .into_any()
                } else {
                    view! {
                        <p><strong>"Off."</strong></p>
                        <button type="button" class="primary" on:click=move |_| { codes.set(None); setup_open.set(true) }>"Enable"</button>
                    }
                        .into_any()
                }
            }}
            {move || codes.get().map(|list| view! { <RecoveryCodes codes=list /> })}
        </section>
        <Dialog title="Set up two-factor authentication" id="two-factor-setup" open=setup_open>
            <Setup sudo enabled codes codes_left open=setup_open />
        </Dialog>
        <Dialog title="Turn off two-factor authentication" id="two-factor-disable" open=disable_open>
            <Disable sudo enabled open=disable_open />
        </Dialog>
    }
}

#[component]
fn Setup(
    sudo: RwSignal<bool>,
    enabled: RwSignal<bool>,
    codes: RwSignal<Option<Vec<String>>>,
    codes_left: RwSignal<u64>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let begin = ServerAction::<BeginTwoFactorSetup>::new();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let setup = RwSignal::new(None::<TwoFactorSetup>);
    // With the password entered lately, the setup starts as soon as the dialog opens.
    Effect::new(move |_| {
        if open.get()
            && sudo.get_untracked()
            && setup.get_untracked().is_none()
            && !begin.pending().get_untracked()
        {
            begin.dispatch(BeginTwoFactorSetup { password: None });
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(s)) = begin.value().get() {
            setup.set(Some(s));
            sudo.set(true);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(list)) = confirm.value().get() {
            codes_left.set(list.len() as u64);
            codes.set(Some(list));
            enabled.set(true);
            setup.set(None);
            open.set(false);
        }
    });
    let password_error = Signal::derive(move || field_error(begin.value().get(), "password"));
    let needs_password = sudo_needed(sudo, password_error);
    let code_error = Signal::derive(move || field_error(confirm.value().get(), "code"));
    let other = Signal::derive(move || {
        form_error(begin.value().get()).or_else(|| form_error(confirm.value().get()))
    });
    view! {
        {move || match setup.get() {
            None => view! {
                <ActionForm action=begin attr:class="stack">
                    <SudoField id="setup-password" needed=needs_password error=password_error />
                    <button type="submit" class="primary">"Continue"</button>
                </ActionForm>
            }
                .into_any(),
            Some(s) => view! {
                <div class="stack">
                    <p>"Scan this QR code with your authenticator app, or type in the key below."</p>
                    <div class="qr" inner_html=s.qr_svg></div>
                    <p class="setup-key">"Setup key " <code id="setup-key">{s.secret}</code></p>
                    <ActionForm action=confirm attr:class="stack">
                        <TextField id="setup-code" name="code" label="Authentication code" autocomplete="one-time-code" required=true error=code_error />
                        <button type="submit" class="primary">"Turn on"</button>
                    </ActionForm>
                </div>
            }
                .into_any(),
        }}
        {move || other.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
    }
}

#[component]
fn Disable(sudo: RwSignal<bool>, enabled: RwSignal<bool>, open: RwSignal<bool>) -> impl IntoView {
    let disable = ServerAction::<DisableTwoFactor>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = disable.value().get() {
            enabled.set(false);
            sudo.set(true);
            open.set(false);
        }
    });
    let password_error = Signal::derive(move || field_error(disable.value().get(), "password"));
    let needs_password = sudo_needed(sudo, password_error);
    let code_error = Signal::derive(move || field_error(disable.value().get(), "code"));
    let other = Signal::derive(move || form_error(disable.value().get()));
    view! {
        <ActionForm action=disable attr:class="stack">
            <SudoField id="disable-password" needed=needs_password error=password_error />
            <TextField id="disable-code" name="code" label="Authentication code" autocomplete="one-time-code" hint="Or leave it empty and use a recovery code below." error=code_error />
            <TextField id="disable-recovery" name="recovery_code" label="Recovery code" autocomplete="off" error=Signal::stored(None::<String>) />
            {move || other.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
            <div class="actions">
                <button type="submit" class="danger">"Turn off"</button>
                <button type="button" class="quiet" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </ActionForm>
    }
}

/// The recovery codes, shown once, with a download of them as a text file.
#[component]
fn RecoveryCodes(codes: Vec<String>) -> impl IntoView {
    let text = codes.join("\n") + "\n";
    let href = format!("data:text/plain;charset=utf-8,{}", text.replace('\n', "%0A"));
    view! {
        <div class="recovery stack">
            <p><strong>"Save these recovery codes now."</strong> " Each one signs you in once if you lose your authenticator. They will not be shown again."</p>
            <ul aria-label="Recovery codes" class="codes">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <div class="actions">
                <a class="button" href=href download="trakkr-recovery-codes.txt">"Download .txt"</a>
            </div>
        </div>
    }
}
