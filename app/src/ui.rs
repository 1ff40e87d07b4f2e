//! Shared components.

use leptos::prelude::*;
use leptos_meta::Title;

/// A field's error, tied to it by `id` (the field names it in `aria-describedby`).
#[component]
pub fn FieldError(#[prop(into)] id: String, message: Option<String>) -> impl IntoView {
    message.map(|m| view! { <p id=id class="field-error">{m}</p> })
}

/// A labelled input with its hint and its error next to it, both tied to it with
/// `aria-describedby`. The one way forms in this app draw a text field.
#[component]
pub fn TextField(
    /// The input's id; the hint and error ids derive from it.
    #[prop(into)]
    id: String,
    /// The form field name (the server function argument).
    #[prop(into)]
    name: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] input_type: Option<String>,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    /// The value the page starts with (what a refused form sent, for instance).
    #[prop(optional, into)]
    initial: Option<String>,
    /// Keeps the typed value in a signal, so it survives a refusal and can be read after.
    #[prop(optional)]
    bind: Option<RwSignal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            if has_hint {
                ids.push(hint_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let value = bind.unwrap_or_else(|| RwSignal::new(initial.unwrap_or_default()));
    let initial = value.get_untracked();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=input_type.unwrap_or_else(|| "text".into())
                autocomplete=autocomplete
                required=required
                value=initial
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            {move || view! { <FieldError id=error_id.clone() message=error.get() /> }}
        </div>
    }
}

/// Sets the response status when rendering on the server; nothing in the browser.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(code))
    {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <Title text="Not found" />
        <main class="auth">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address."</p>
            <p><a href="/settings">"Back to Settings"</a></p>
        </main>
    }
}

/// A tab this viewer's plan or role does not include. Renders none of the tab's data.
#[component]
pub fn TabNotAvailable(#[prop(into)] name: String, #[prop(into)] reason: String) -> impl IntoView {
    set_status(404);
    view! {
        <Title text="Not available" />
        <section class="panel" aria-labelledby="not-available">
            <h1 id="not-available">{format!("{name} is not available")}</h1>
            <p>"This tab is not available on your current plan or role."</p>
            <p class="purpose">{reason}</p>
            <p><a href="/settings/profile">"Back to Settings"</a></p>
        </section>
    }
}

/// A moment in the reader's timezone and date format (made by `backend::clock`).
#[component]
pub fn Time(time: crate::model::DisplayTime) -> impl IntoView {
    view! { <time datetime=time.iso>{time.text}</time> }
}

/// An in-page modal dialog (the native `<dialog>`: focus stays inside, Escape closes), named by
/// its heading. `open` shows and hides it.
#[component]
pub fn Dialog(
    /// The heading, which names the dialog.
    #[prop(into)]
    title: String,
    /// Unique within the page.
    #[prop(into)]
    id: String,
    open: RwSignal<bool>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let is_open = open.get();
        if let Some(el) = dialog.get() {
            if is_open && !el.open() {
                let _ = el.show_modal();
            } else if !is_open && el.open() {
                el.close();
            }
        }
    });
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <dialog node_ref=dialog id=id class="dialog" aria-labelledby=labelled_by on:close=move |_| open.set(false)>
            <div class="dialog-head">
                <h2 id=heading>{title}</h2>
                <button type="button" class="quiet close" aria-label="Close" on:click=move |_| open.set(false)>
                    "×"
                </button>
            </div>
            {children()}
        </dialog>
    }
}

/// The `open` signal of a dialog about one thing (a member, a brand): open while `target` holds
/// it; closing the dialog clears `target`. Sets only on change, so the two never chase each other.
pub fn dialog_for<T: Send + Sync + 'static>(target: RwSignal<Option<T>>) -> RwSignal<bool> {
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        let want = target.with(Option::is_some);
        if open.get_untracked() != want {
            open.set(want);
        }
    });
    Effect::new(move |_| {
        if !open.get() && target.with_untracked(Option::is_some) {
            target.set(None);
        }
    });
    open
}

/// The current-password field of sudo mode: shown only when the server would ask for it.
#[component]
pub fn SudoField(
    /// Unique within the page.
    #[prop(into)]
    id: String,
    needed: Signal<bool>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        needed.get().then(|| {
            view! {
                <TextField
                    id=id.clone()
                    name="password"
                    label="Password"
                    input_type="password"
                    autocomplete="current-password"
                    hint="Your current password, to confirm it is you."
                    error
                />
            }
        })
    }
}

/// Whether a sensitive form must show the password field: outside the sudo window, or when the
/// server has just asked for it (the window ran out, or the password was wrong).
pub fn sudo_needed(
    sudo_active: RwSignal<bool>,
    password_error: Signal<Option<String>>,
) -> Signal<bool> {
    Signal::derive(move || !sudo_active.get() || password_error.get().is_some())
}

/// The message for `field` in a server function's result, if it refused that field.
pub fn field_error<T>(
    result: Option<Result<T, crate::error::AppError>>,
    field: &str,
) -> Option<String> {
    match result {
        Some(Err(e)) => e.for_field(field),
        _ => None,
    }
}

/// A refusal that is not about one field (rate limits, outages, the policy).
pub fn form_error<T>(result: Option<Result<T, crate::error::AppError>>) -> Option<String> {
    match result {
        Some(Err(crate::error::AppError::Invalid { .. })) | Some(Ok(_)) | None => None,
        Some(Err(e)) => Some(e.to_string()),
    }
}
