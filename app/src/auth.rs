//! Sign-in and sign-up pages. They are plain HTML forms posting to `/login` and `/signup`
//! (handled in the server crate), so they work the same before, after and without WASM.

use crate::error::AppError;
use crate::model::AuthForm;
use crate::ui::TextField;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The form a refused POST sent back, as the server handler left it for this render.
pub(crate) fn submitted_form() -> Resource<Option<AuthForm>> {
    Resource::new(
        || (),
        |_| async move {
            #[cfg(feature = "ssr")]
            {
                use_context::<http::request::Parts>()
                    .and_then(|parts| parts.extensions.get::<AuthForm>().cloned())
            }
            #[cfg(not(feature = "ssr"))]
            {
                None
            }
        },
    )
}

fn next_param() -> String {
    let query = use_query_map();
    query.with_untracked(|q| q.get("next").unwrap_or_default())
}

/// A sentence about the form as a whole (rate limits, outages), not tied to one field.
fn form_alert(error: &Option<AppError>) -> Option<String> {
    match error {
        Some(AppError::Invalid { .. }) | None => None,
        Some(other) => Some(other.to_string()),
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let form = submitted_form();
    let next = next_param();
    view! {
        <Title text="Log in" />
        <main class="auth">
            <h1>"Log in to Settings"</h1>
            <Suspense>
                {move || {
                    let next = next.clone();
                    Suspend::new(async move {
                        let form = form.await.unwrap_or_default();
                        let password_error = form.error.as_ref().and_then(|e| e.for_field("password"));
                        view! {
                            <form method="post" action="/login" class="card stack" novalidate=false>
                                {form_alert(&form.error).map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                                <TextField id="email" name="email" label="Email" input_type="email" autocomplete="username" required=true initial=form.email error=Signal::stored(None::<String>) />
                                <TextField id="password" name="password" label="Password" input_type="password" autocomplete="current-password" required=true error=Signal::stored(password_error) />
                                <input type="hidden" name="next" value=next />
                                <button type="submit" class="primary">"Log in"</button>
                            </form>
                        }
                    })
                }}
            </Suspense>
            <p class="auth-switch">"New here? " <a href="/signup">"Create an account"</a></p>
        </main>
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let form = submitted_form();
    view! {
        <Title text="Sign up" />
        <main class="auth">
            <h1>"Create your account"</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let form = form.await.unwrap_or_default();
                    let error_for = |field: &str| form.error.as_ref().and_then(|e| e.for_field(field));
                    let (name_error, email_error, password_error) =
                        (error_for("first_name"), error_for("email"), error_for("password"));
                    view! {
                        <form method="post" action="/signup" class="card stack">
                            {form_alert(&form.error).map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                            <TextField id="first_name" name="first_name" label="First Name" autocomplete="given-name" required=true initial=form.first_name error=Signal::stored(name_error) />
                            <TextField id="email" name="email" label="Email" input_type="email" autocomplete="email" required=true initial=form.email error=Signal::stored(email_error) />
                            <TextField id="password" name="password" label="Password" input_type="password" autocomplete="new-password" required=true hint="At least 8 characters." error=Signal::stored(password_error) />
                            <TimezoneInput />
                            <button type="submit" class="primary">"Sign up"</button>
                        </form>
                    }
                })}
            </Suspense>
            <p class="auth-switch">"Already have an account? " <a href="/login">"Log in"</a></p>
        </main>
    }
}

/// A hidden `timezone` field: the browser's zone once the page has hydrated, UTC before.
#[component]
pub fn TimezoneInput() -> impl IntoView {
    let timezone = RwSignal::new(String::from("UTC"));
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(tz) = browser_timezone() {
            timezone.set(tz);
        }
    });
    view! { <input type="hidden" name="timezone" value="UTC" prop:value=move || timezone.get() /> }
}

#[cfg(feature = "hydrate")]
fn browser_timezone() -> Option<String> {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into()).ok()?.as_string()
}

/// Where a deleted account lands: it is gone, and the address can sign up again.
#[component]
pub fn AccountDeleted() -> impl IntoView {
    view! {
        <Title text="Account deleted" />
        <main class="auth">
            <h1>"Your account is gone"</h1>
            <p>"Your account and all of its data have been deleted, and you have been signed out everywhere. We sent a last message to your email address."</p>
            <p><a href="/signup">"Create a new account"</a></p>
        </main>
    }
}

/// The second step of a login with two-factor authentication.
#[component]
pub fn TwoFactorLoginPage() -> impl IntoView {
    let form = submitted_form();
    let query = use_query_map();
    // Reactive: "Use a recovery code" is a link to this same page with another query.
    let recovery = Memo::new(move |_| query.read().get("recovery").is_some());
    view! {
        <Title text="Two-factor authentication" />
        <main class="auth">
            <h1>"Two-factor authentication"</h1>
            <Suspense>
                {move || {
                    let recovery = recovery.get();
                    Suspend::new(async move {
                    let form = form.await.unwrap_or_default();
                    let error_for = |field: &str| form.error.as_ref().and_then(|e| e.for_field(field));
                    if recovery {
                        view! {
                            <form method="post" action="/login/2fa" class="card stack">
                                <p>"Enter one of the recovery codes you saved when you turned on two-factor authentication. Each works once."</p>
                                <TextField id="recovery_code" name="recovery_code" label="Recovery code" autocomplete="off" required=true error=Signal::stored(error_for("recovery_code")) />
                                <button type="submit" class="primary">"Verify"</button>
                                <p><a href="/login/2fa">"Use your authenticator app instead"</a></p>
                            </form>
                        }
                            .into_any()
                    } else {
                        view! {
                            <form method="post" action="/login/2fa" class="card stack">
                                <p>"Enter the 6-digit code from your authenticator app."</p>
                                <TextField id="code" name="code" label="Authentication code" autocomplete="one-time-code" required=true error=Signal::stored(error_for("code")) />
                                <button type="submit" class="primary">"Verify"</button>
                                <p><a href="/login/2fa?recovery=1">"Use a recovery code"</a></p>
                            </form>
                        }
                            .into_any()
                    }
                })}}
            </Suspense>
            <p class="auth-switch"><a href="/login">"Start again"</a></p>
        </main>
    }
}
