//! The page a confirmation link opens: the email change happens here, once.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "confirm_email_change")]
pub async fn confirm_email_change(token: String) -> Result<String, AppError> {
    use crate::backend::{current, email_change, state::app_state};
    current::respond(
        async {
            email_change::confirm(
                &app_state()?.db,
                &token,
                &current::client_ip(),
                &current::user_agent(),
            )
            .await
        }
        .await,
    )
}

#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let outcome = Resource::new(move || token.clone(), confirm_email_change);
    view! {
        <Title text="Confirm email" />
        <main class="auth">
            <Suspense>
                {move || Suspend::new(async move {
                    match outcome.await {
                        Ok(email) => view! {
                            <h1>"Email address changed"</h1>
                            <p>"Your login email is now " <strong>{email}</strong> "."</p>
                            <p><a href="/settings/profile">"Back to Settings"</a></p>
                        }
                            .into_any(),
                        Err(e) => view! {
                            <h1>"This link does not work"</h1>
                            <p role="alert">{e.for_field("token").unwrap_or_else(|| e.to_string())}</p>
                            <p><a href="/settings/profile">"Back to Settings"</a></p>
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}
