//! Tabs whose issue has not landed: their heading and the seed's purpose, nothing pretending to
//! work.

use super::TabView;
use leptos::prelude::*;

pub fn view(tab: TabView) -> impl IntoView {
    let heading_id = format!("{}-heading", tab.tab.slug());
    let labelled_by = heading_id.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h1 id=heading_id>{tab.label}</h1>
            <p class="purpose">{tab.purpose}</p>
        </section>
    }
}
