//! Regional Settings: timezone and date format, saved at once; they decide how every time in the
//! app is written and when the weekly report arrives.

use super::api::UpdateRegional;
use crate::model::{DateFormat, RegionalView};
use crate::ui::FieldError;
use leptos::prelude::*;

#[component]
pub fn RegionalSettings(regional: RegionalView) -> impl IntoView {
    let save = ServerAction::<UpdateRegional>::new();
    let next_report = RwSignal::new(regional.next_report.clone());
    let status = RwSignal::new(String::new());
    Effect::new(move |_| match save.value().get() {
        Some(Ok(view)) => {
            next_report.set(view.next_report);
            status.set("Saved".into());
        }
        Some(Err(e))
            if e.for_field("timezone").is_none() && e.for_field("date_format").is_none() =>
        {
            status.set(e.to_string())
        }
        _ => {}
    });
    let tz_error = Signal::derive(move || crate::ui::field_error(save.value().get(), "timezone"));
    let format_error =
        Signal::derive(move || crate::ui::field_error(save.value().get(), "date_format"));
    let current_tz = regional.timezone.clone();
    let current_format = regional.date_format;
    let zones = crate::model::timezones()
        .map(|z| view! { <option value=z selected=z == current_tz>{z.replace('_', " ")}</option> })
        .collect_view();
    let formats = [DateFormat::MonthFirst, DateFormat::DayFirst]
        .into_iter()
        .map(|f| view! { <option value=f.code() selected=f == current_format>{f.code()}</option> })
        .collect_view();
    let save_timezone = move |ev: leptos::ev::Event| {
        save.dispatch(UpdateRegional {
            timezone: Some(event_target_value(&ev)),
            date_format: None,
        });
        status.set("Saving…".into());
    };
    let save_format = move |ev: leptos::ev::Event| {
        save.dispatch(UpdateRegional {
            timezone: None,
            date_format: Some(event_target_value(&ev)),
        });
        status.set("Saving…".into());
    };
    view! {
        <details class="panel">
            <summary>"Regional Settings"</summary>
            <ActionForm action=save attr:class="stack details-body">
                <div class="field">
                    <label for="timezone">"Timezone"</label>
                    <select id="timezone" name="timezone" on:change=save_timezone aria-describedby="timezone-hint timezone-error">
                        {zones}
                    </select>
                    <p id="timezone-hint" class="hint">"Affects when weekly reports are sent and how timestamps display. Type to search."</p>
                    {move || view! { <FieldError id="timezone-error" message=tz_error.get() /> }}
                </div>
                <div class="field">
                    <label for="date_format">"Date Format"</label>
                    <select id="date_format" name="date_format" on:change=save_format aria-describedby="date_format-error">
                        {formats}
                    </select>
                    {move || view! { <FieldError id="date_format-error" message=format_error.get() /> }}
                </div>
                <p class="next-report">"Next weekly report: " <strong>{move || next_report.get()}</strong></p>
                <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
                <button type="submit" class="nojs-only">"Save"</button>
            </ActionForm>
        </details>
    }
}
