//! Shared components.

use leptos::prelude::*;
use leptos_meta::Title;

/// A field's error, tied to it by `id` (the field names it in `aria-describedby`).
#[component]
pub fn FieldError(#[prop(into)] id: String, message: Option<String>) -> impl IntoView {
    message.map(|m| view! { <p id=id class="field-error">{m}</p> })
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
