//! Feedback: a dialog to report a bug, request a feature or share an idea.

use super::api::SubmitFeedback;
use crate::model::FeedbackKind;
use crate::ui::{Dialog, FieldError};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn FeedbackSection() -> impl IntoView {
    let submit = ServerAction::<SubmitFeedback>::new();
    let open = RwSignal::new(false);
    let thanks = RwSignal::new(None::<String>);
    let message = RwSignal::new(String::new());
    let page = use_location().pathname;
    Effect::new(move |_| {
        if let Some(Ok(())) = submit.value().get() {
            open.set(false);
            message.set(String::new());
            thanks.set(Some("Thank you! Your feedback reached the team.".into()));
        }
    });
    let kind_error = Signal::derive(move || crate::ui::field_error(submit.value().get(), "kind"));
    let message_error =
        Signal::derive(move || crate::ui::field_error(submit.value().get(), "message"));
    let other_error = Signal::derive(move || crate::ui::form_error(submit.value().get()));
    view! {
        <section class="panel" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">"Feedback"</h2>
            <p class="purpose">"Report bugs, request features, or share ideas."</p>
            <div class="actions">
                <button type="button" on:click=move |_| { thanks.set(None); open.set(true) }>"Submit Feedback"</button>
            </div>
            <p class="status" role="status" aria-live="polite">{move || thanks.get()}</p>
        </section>
        <Dialog title="Submit Feedback" id="feedback" open>
            <ActionForm action=submit attr:class="stack">
                <div class="field">
                    <label for="feedback-kind">"Kind"</label>
                    <select id="feedback-kind" name="kind" aria-describedby="feedback-kind-error">
                        {FeedbackKind::ALL.into_iter().map(|k| view! { <option value=k.label()>{k.label()}</option> }).collect_view()}
                    </select>
                    {move || view! { <FieldError id="feedback-kind-error" message=kind_error.get() /> }}
                </div>
                <div class="field">
                    <label for="feedback-message">"Message"</label>
                    <textarea
                        id="feedback-message"
                        name="message"
                        rows="6"
                        maxlength="5000"
                        required
                        on:input=move |ev| message.set(event_target_value(&ev))
                        prop:value=move || message.get()
                        aria-invalid=move || message_error.get().is_some().then_some("true")
                        aria-describedby="feedback-message-error feedback-message-hint"
                    ></textarea>
                    <p id="feedback-message-hint" class="hint">"10 to 5,000 characters."</p>
                    {move || view! { <FieldError id="feedback-message-error" message=message_error.get() /> }}
                </div>
                <input type="hidden" name="page" prop:value=move || page.get() />
                {move || other_error.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">"Send feedback"</button>
                    <button type="button" class="quiet" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </ActionForm>
        </Dialog>
    }
}
