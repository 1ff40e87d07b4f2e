//! Development helpers, served only with `--dev`: the mailbox at `/dev/mailbox`.

use crate::error::AppError;
use crate::ui::NotFound;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MailView {
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
}

/// Every message the app sent, newest first. Answers 404 unless the server runs with `--dev`.
#[server(endpoint = "get_mailbox")]
pub async fn get_mailbox() -> Result<Vec<MailView>, AppError> {
    use crate::backend::{current, mail, state::app_state};
    current::respond(
        async {
            let state = app_state()?;
            if !state.config.dev {
                return Err(AppError::NotFound);
            }
            Ok(mail::newest(&state.db, 200)
                .await?
                .into_iter()
                .map(|m| MailView {
                    recipient: m.recipient,
                    subject: m.subject,
                    body: m.body,
                    created_at: m.created_at.to_rfc3339(),
                })
                .collect())
        }
        .await,
    )
}

/// The body with every http(s) address as a link.
fn linkify(body: &str) -> Vec<AnyView> {
    let mut parts = Vec::new();
    let mut text = String::new();
    for piece in body.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        if word.starts_with("http://") || word.starts_with("https://") {
            parts.push(std::mem::take(&mut text).into_any());
            let (href, text_of_link) = (word.to_string(), word.to_string());
            parts.push(view! { <a href=href>{text_of_link}</a> }.into_any());
            text.push_str(&piece[word.len()..]);
        } else {
            text.push_str(piece);
        }
    }
    parts.push(text.into_any());
    parts
}

#[component]
pub fn MailboxPage() -> impl IntoView {
    let mail = Resource::new(|| (), |_| get_mailbox());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match mail.await {
                    Ok(messages) => {
                        let count = messages.len();
                        view! {
                            <Title text="Mailbox" />
                            <main class="mailbox">
                                <h1>"Mailbox"</h1>
                                <p class="hint">{format!("{count} messages, newest first. Development only.")}</p>
                                {messages
                                    .into_iter()
                                    .map(|m| {
                                        view! {
                                            <article class="panel mail">
                                                <h2>{m.subject}</h2>
                                                <p class="meta">"To: " <span class="recipient">{m.recipient}</span> " · " {m.created_at}</p>
                                                <div class="body">{linkify(&m.body)}</div>
                                            </article>
                                        }
                                    })
                                    .collect_view()}
                            </main>
                        }
                            .into_any()
                    }
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
