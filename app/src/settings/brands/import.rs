//! Import brands from pasted CSV: preview every row first, then import the good ones.

use super::api::{ImportBrands, PreviewImport};
use crate::model::BrandsView;
use crate::ui::{field_error, form_error};
use crate::ui::{Dialog, FieldError};
use leptos::prelude::*;

#[component]
pub fn ImportDialog(open: RwSignal<bool>, view_state: RwSignal<BrandsView>) -> impl IntoView {
    let preview = ServerAction::<PreviewImport>::new();
    let import = ServerAction::<ImportBrands>::new();
    let text = RwSignal::new(String::new());
    let done = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(v)) = import.value().get() {
            let before = view_state.get_untracked().brands.len();
            done.set(Some(format!("Imported {} brands.", v.brands.len().saturating_sub(before))));
            view_state.set(v);
            text.set(String::new());
            preview.value().set(None);
            open.set(false);
        }
    });
    let csv_error = Signal::derive(move || {
        field_error(preview.value().get(), "csv")
            .or_else(|| field_error(import.value().get(), "csv"))
    });
    let other = Signal::derive(move || {
        form_error(preview.value().get()).or_else(|| form_error(import.value().get()))
    });
    view! {
        <p class="status" role="status" aria-live="polite">{move || done.get()}</p>
        <Dialog title="Import brands" id="import-brands" open>
            <div class="stack">
                <div class="field">
                    <label for="import-csv">"Paste CSV"</label>
                    <textarea
                        id="import-csv"
                        rows="8"
                        placeholder="name,website,aliases,location"
                        aria-describedby="import-csv-hint import-csv-error"
                        on:input=move |ev| { text.set(event_target_value(&ev)); preview.value().set(None); }
                        prop:value=move || text.get()
                    ></textarea>
                    <p id="import-csv-hint" class="hint">
                        "One brand per line: name,website,aliases,location. A header row is optional; aliases are separated by ; and location is a two-letter country code or Global. Up to 500 rows."
                    </p>
                    {move || view! { <FieldError id="import-csv-error" message=csv_error.get() /> }}
                </div>
                <div class="actions">
                    <button type="button" on:click=move |_| { preview.dispatch(PreviewImport { csv: text.get_untracked() }); }>"Preview"</button>
                </div>
                {move || preview.value().get().and_then(Result::ok).map(|p| {
                    let importable = p.importable;
                    view! {
                        <div class="table-scroll">
                            <table class="log" aria-label="Import preview">
                                <thead><tr><th scope="col">"Line"</th><th scope="col">"Name"</th><th scope="col">"Website"</th><th scope="col">"Status"</th></tr></thead>
                                <tbody>
                                    {p.rows.into_iter().map(|r| {
                                        let bad = r.error.is_some();
                                        view! {
                                        <tr class:bad=bad>
                                            <td>{r.line}</td>
                                            <td>{r.name}</td>
                                            <td>{r.website}</td>
                                            <td>{r.error.unwrap_or_else(|| "OK".into())}</td>
                                        </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <div class="actions">
                            <button type="button" class="primary" disabled=importable == 0
                                on:click=move |_| { import.dispatch(ImportBrands { csv: text.get_untracked() }); }>
                                {format!("Import {importable} {}", if importable == 1 { "brand" } else { "brands" })}
                            </button>
                        </div>
                    }
                })}
                {move || other.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
            </div>
        </Dialog>
    }
}
