//! First Name: auto-saves as you type (debounced), flushes on blur and when the page goes away,
//! and the newest value wins. Without JavaScript the same field saves with a Save button.

use super::api::UpdateFirstName;
use crate::model::FirstName;
use crate::ui::FieldError;
use leptos::prelude::*;

/// The first name as last saved on this page, shared with the header so it updates at once.
#[derive(Clone, Copy)]
pub struct SignedInName(pub RwSignal<Option<String>>);

#[component]
pub fn FirstNameField(initial: String) -> impl IntoView {
    let save = ServerAction::<UpdateFirstName>::new();
    let value = RwSignal::new(initial.clone());
    let saved = StoredValue::new(initial);
    let local_error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let header = use_context::<SignedInName>();

    // The server's word wins over the local check once it has answered.
    let error = Signal::derive(move || {
        local_error.get().or_else(|| crate::ui::field_error(save.value().get(), "first_name"))
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(name)) => {
            saved.set_value(name.clone());
            if let Some(SignedInName(h)) = header {
                h.set(Some(name));
            }
            if !save.pending().get() {
                status.set("Saved".into());
            }
        }
        Some(Err(e)) => status
            .set(e.for_field("first_name").map(|_| String::new()).unwrap_or_else(|| e.to_string())),
        None => {}
    });

    #[cfg(feature = "hydrate")]
    let autosave = autosave::Autosave::new(save, value, saved, status);

    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        value.set(text.clone());
        match FirstName::parse(&text) {
            Ok(_) => {
                local_error.set(None);
                #[cfg(feature = "hydrate")]
                autosave.schedule();
            }
            Err(m) => {
                local_error.set(Some(m));
                status.set(String::new());
            }
        }
    };
    let on_blur = move |_| {
        #[cfg(feature = "hydrate")]
        autosave.flush();
    };

    view! {
        <ActionForm action=save attr:class="field autosave">
            <label for="first_name">"First Name"</label>
            <div class="inline">
                <input
                    id="first_name"
                    name="first_name"
                    autocomplete="given-name"
                    maxlength="200"
                    prop:value=move || value.get()
                    value=value.get_untracked()
                    on:input=on_input
                    on:blur=on_blur
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=move || if error.get().is_some() { "first_name-error first_name-status" } else { "first_name-status" }
                />
                <button type="submit" class="nojs-only">"Save"</button>
            </div>
            <p id="first_name-status" class="status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || view! { <FieldError id="first_name-error" message=error.get() /> }}
            <p class="hint">"How you appear to teammates. Changes save as you type."</p>
        </ActionForm>
    }
}

#[cfg(feature = "hydrate")]
mod autosave {
    use super::super::api::UpdateFirstName;
    use leptos::prelude::*;
    use std::time::Duration;

    const DEBOUNCE: Duration = Duration::from_millis(500);

    /// Debounced saves, at most one in flight, each stamped with a rising revision so the server
    /// keeps the newest; whatever is unsaved when the page goes away leaves with a beacon.
    #[derive(Clone, Copy)]
    pub struct Autosave {
        save: ServerAction<UpdateFirstName>,
        value: RwSignal<String>,
        saved: StoredValue<String>,
        status: RwSignal<String>,
        generation: StoredValue<u64>,
        last_rev: StoredValue<i64>,
    }

    impl Autosave {
        pub fn new(
            save: ServerAction<UpdateFirstName>,
            value: RwSignal<String>,
            saved: StoredValue<String>,
            status: RwSignal<String>,
        ) -> Autosave {
            let this = Autosave {
                save,
                value,
                saved,
                status,
                generation: StoredValue::new(0),
                last_rev: StoredValue::new(0),
            };
            let handle = window_event_listener(leptos::ev::pagehide, move |_| this.beacon());
            on_cleanup(move || handle.remove());
            // When a save lands and a newer value is waiting, send it.
            Effect::new(move |_| {
                if !save.pending().get() && save.version().get() > 0 && this.dirty() && this.valid()
                {
                    this.save_now();
                }
            });
            this
        }

        fn dirty(&self) -> bool {
            self.value.with_untracked(|v| v.trim() != self.saved.get_value().trim())
        }

        fn valid(&self) -> bool {
            self.value.with_untracked(|v| crate::model::FirstName::parse(v).is_ok())
        }

        fn next_rev(&self) -> i64 {
            let rev = (js_sys::Date::now() as i64).max(self.last_rev.get_value() + 1);
            self.last_rev.set_value(rev);
            rev
        }

        pub fn schedule(self) {
            let generation = self.generation.get_value() + 1;
            self.generation.set_value(generation);
            set_timeout(
                move || {
                    if self.generation.get_value() == generation {
                        self.save_now();
                    }
                },
                DEBOUNCE,
            );
        }

        pub fn flush(self) {
            self.generation.update_value(|g| *g += 1);
            if self.dirty() && self.valid() {
                self.save_now();
            }
        }

        fn save_now(self) {
            if self.save.pending().get_untracked() || !self.dirty() || !self.valid() {
                return;
            }
            self.status.set("Saving…".into());
            let first_name = self.value.get_untracked();
            self.save.dispatch(UpdateFirstName { first_name, rev: Some(self.next_rev()) });
        }

        /// The page is going away: send what is unsaved so a reload keeps it.
        fn beacon(self) {
            if !(self.dirty() && self.valid()) {
                return;
            }
            let Ok(params) = web_sys::UrlSearchParams::new() else { return };
            params.append("first_name", &self.value.get_untracked());
            params.append("rev", &self.next_rev().to_string());
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().send_beacon_with_opt_url_search_params(
                    "/api/update_first_name",
                    Some(&params),
                );
            }
        }
    }
}
