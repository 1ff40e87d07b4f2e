//! The Brands tab: the portfolio with visibility stats, adding brands, turning them on and off.

mod api;
mod edit;
mod groups;
mod import;

pub use api::*;

use crate::model::{BrandRow, BrandsView};
use crate::ui::{field_error, form_error};
use crate::ui::{Dialog, TextField};
use leptos::prelude::*;

/// Rows drawn before "Show all".
const ROWS_AT_FIRST: usize = 100;

#[component]
pub fn BrandsTab(brands: BrandsView) -> impl IntoView {
    let view_state = RwSignal::new(brands);
    let add = ServerAction::<AddBrand>::new();
    let toggle = ServerAction::<SetBrandActive>::new();
    let regroup = ServerAction::<MoveBrandToGroup>::new();
    let group_filter = RwSignal::new(String::from("all"));
    let status_filter = RwSignal::new(String::from("all"));
    let sort = RwSignal::new((Sort::Name, true));
    let editing = RwSignal::new(None::<BrandRow>);
    Effect::new(move |_| {
        if let Some(Ok(v)) = regroup.value().get() {
            view_state.set(v);
        }
    });
    let search = RwSignal::new(String::new());
    let limit = RwSignal::new(ROWS_AT_FIRST);
    let matching = Memo::new(move |_| {
        let v = view_state.get();
        let (group, status) = (group_filter.get(), status_filter.get());
        let needle = search.get().trim().to_lowercase();
        let mut rows: Vec<BrandRow> = v
            .brands
            .into_iter()
            .filter(|b| {
                needle.is_empty()
                    || b.name.to_lowercase().contains(&needle)
                    || b.website.contains(&needle)
                    || b.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
            })
            .filter(|b| match group.as_str() {
                "all" => true,
                "none" => b.group_id.is_none(),
                id => b.group_id.map(|g| g.to_string()) == Some(id.to_string()),
            })
            .filter(|b| match status.as_str() {
                "active" => b.active,
                "inactive" => !b.active,
                _ => true,
            })
            .collect();
        let (key, ascending) = sort.get();
        match key {
            Sort::Name => rows.sort_by_key(|b| b.name.to_lowercase()),
            Sort::Score => {
                rows.sort_by(|a, b| a.score.unwrap_or(-1.0).total_cmp(&b.score.unwrap_or(-1.0)))
            }
        }
        if !ascending {
            rows.reverse();
        }
        rows
    });
    // An agency's thousand brands would make a page nobody reads and a slow render: the first
    // rows in the chosen order, then the rest on request (search finds any of them).
    let shown =
        move || matching.with(|rows| rows.iter().take(limit.get()).cloned().collect::<Vec<_>>());
    let open = RwSignal::new(false);
    let import_open = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(v)) = add.value().get() {
            view_state.set(v);
            open.set(false);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(v)) = toggle.value().get() {
            view_state.set(v);
        }
    });
    let toggle_error = Signal::derive(move || form_error(toggle.value().get()));
    let website_error = Signal::derive(move || field_error(add.value().get(), "website"));
    let add_error = Signal::derive(move || form_error(add.value().get()));
    view! {
        <h1 class="tab-title">"Brands"</h1>
        <section class="panel" aria-labelledby="portfolio-heading">
            <div class="section-head">
                <h2 id="portfolio-heading">"Portfolio"</h2>
                {move || view_state.get().can_edit.then(|| view! {
                    <div class="actions">
                        <button type="button" on:click=move |_| import_open.set(true)>"Import"</button>
                        <button type="button" class="primary" on:click=move |_| open.set(true)>"Add brand"</button>
                    </div>
                })}
            </div>
            <p class="purpose">
                {move || {
                    let v = view_state.get();
                    let active = v.brands.iter().filter(|b| b.active).count();
                    format!("{active} of {} active brands on the {} plan.", v.active_limit, v.plan)
                }}
            </p>
            {move || toggle_error.get().map(|m| view! {
                <p class="alert" role="alert">{m} " " <a href="/settings/billing">"See plans"</a></p>
            })}
            <div class="filters">
                <label>"Search "
                    <input type="search" placeholder="Name, website or alias" on:input=move |ev| search.set(event_target_value(&ev)) />
                </label>
                <label>"Group "
                    <select on:change=move |ev| group_filter.set(event_target_value(&ev))>
                        <option value="all">"All groups"</option>
                        <option value="none">"No group"</option>
                        {move || view_state.get().groups.into_iter().map(|g| view! { <option value=g.id.to_string()>{g.name}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Status "
                    <select on:change=move |ev| status_filter.set(event_target_value(&ev))>
                        <option value="all">"All"</option>
                        <option value="active">"Active"</option>
                        <option value="inactive">"Inactive"</option>
                    </select>
                </label>
            </div>
            <div class="table-scroll">
                <table class="brands">
                    <thead>
                        <tr>
                            <SortHeader label="Brand" key=Sort::Name sort />
                            <th scope="col">"Group"</th>
                            <th scope="col">"Market"</th>
                            <SortHeader label="Visibility" key=Sort::Score sort />
                            <th scope="col">"7 days"</th>
                            <th scope="col">"Last 8 weeks"</th>
                            <th scope="col">"Active"</th>
                            {move || view_state.get().can_edit.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=shown key=|b| format!("{b:?}") let:b>
                            <BrandLine brand=b toggle regroup view_state editing />
                        </For>
                    </tbody>
                </table>
            </div>
            {move || {
                let (total, cap) = (matching.with(Vec::len), limit.get());
                (total > cap).then(|| view! {
                    <p class="more">
                        {format!("Showing {cap} of {total} brands. ")}
                        <button type="button" on:click=move |_| limit.set(usize::MAX)>{format!("Show all {total}")}</button>
                    </p>
                })
            }}
            {move || (matching.with(Vec::is_empty) && !view_state.get().brands.is_empty()).then(|| view! {
                <p class="purpose">"No brand matches these filters."</p>
            })}
        </section>
        <groups::GroupsSection view_state />
        <import::ImportDialog open=import_open view_state />
        <edit::EditBrandDialog editing view_state />
        <Dialog title="Add brand" id="add-brand" open>
            <ActionForm action=add attr:class="stack">
                <TextField id="brand-name" name="name" label="Name" required=true error=Signal::derive(move || field_error(add.value().get(), "name")) />
                <TextField id="brand-website" name="website" label="Website" input_type="text" autocomplete="url" hint="For example acme.com" required=true error=website_error />
                <edit::DetailFields prefix="add" brand=None errors=Signal::derive(move || add.value().get().and_then(Result::err)) />
                {move || add_error.get().map(|m| view! { <p class="alert" role="alert">{m} " " <a href="/settings/billing">"See plans"</a></p> })}
                <div class="actions">
                    <button type="submit" class="primary">"Add"</button>
                    <button type="button" class="quiet" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </ActionForm>
        </Dialog>
    }
}

/// The portfolio's sort orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sort {
    Name,
    Score,
}

/// A column header that sorts the table; pressing it again reverses the order.
#[component]
fn SortHeader(label: &'static str, key: Sort, sort: RwSignal<(Sort, bool)>) -> impl IntoView {
    let state = move || {
        let (current, ascending) = sort.get();
        match (current == key, ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    };
    view! {
        <th scope="col" aria-sort=state>
            <button type="button" class="sort" on:click=move |_| sort.update(|(current, ascending)| {
                // Names read A to Z first; scores highest first.
                *ascending = if *current == key { !*ascending } else { key == Sort::Name };
                *current = key;
            })>
                {label}
                <span aria-hidden="true" class="sort-mark">{move || match state() { "ascending" => "▲", "descending" => "▼", _ => "↕" }}</span>
            </button>
        </th>
    }
}

#[component]
fn BrandLine(
    brand: BrandRow,
    toggle: ServerAction<SetBrandActive>,
    regroup: ServerAction<MoveBrandToGroup>,
    view_state: RwSignal<BrandsView>,
    editing: RwSignal<Option<BrandRow>>,
) -> impl IntoView {
    let (can_edit, groups) = view_state.with_untracked(|v| (v.can_edit, v.groups.clone()));
    let group_name = groups.iter().find(|g| Some(g.id) == brand.group_id).map(|g| g.name.clone());
    let current_group = brand.group_id;
    let score = brand.score.map(|s| format!("{s:.1}")).unwrap_or_else(|| "–".into());
    let change = brand.change.map(|c| format!("{c:+.1}")).unwrap_or_else(|| "–".into());
    let trend = match brand.change {
        Some(c) if c > 0.0 => "up",
        Some(c) if c < 0.0 => "down",
        _ => "flat",
    };
    let host = brand.website.trim_start_matches("https://").to_string();
    let (id, active, name) = (brand.id, brand.active, brand.name.clone());
    let row = brand.clone();
    view! {
        <tr class:inactive=!active>
            <td>
                <span class="brand-name">
                    <img src=brand.favicon_url alt="" width="16" height="16" loading="lazy" />
                    {brand.name.clone()}
                </span>
                <a class="site" href=brand.website.clone() rel="noopener noreferrer" target="_blank">{host}</a>
                {(!brand.aliases.is_empty()).then(|| view! { <span class="aliases">{format!("Also: {}", brand.aliases.join(", "))}</span> })}
            </td>
            <td>
                {if can_edit {
                    let label = format!("Group of {}", brand.name);
                    view! {
                        <select aria-label=label on:change=move |ev| {
                            let group_id = event_target_value(&ev).parse::<i32>().ok().filter(|g| *g > 0);
                            regroup.dispatch(MoveBrandToGroup { brand_id: id, group_id });
                        }>
                            <option value="0" selected=current_group.is_none()>"No group"</option>
                            {move || view_state.get().groups.into_iter().map(|g| view! { <option value=g.id.to_string() selected=current_group == Some(g.id)>{g.name}</option> }).collect_view()}
                        </select>
                    }.into_any()
                } else {
                    view! { <span>{group_name.unwrap_or_else(|| "–".into())}</span> }.into_any()
                }}
            </td>
            <td class="market">{brand.market.clone()}<span class="sub">{brand.location.clone()}</span></td>
            <td class="num score">{score}</td>
            <td class=format!("num change {trend}")>{change}</td>
            <td>{sparkline(&brand.name, &brand.history)}</td>
            <td>
                {if can_edit {
                    view! {
                        <button type="button" class="quiet" aria-pressed=if active { "true" } else { "false" }
                            aria-label=format!("{name} active")
                            on:click=move |_| { toggle.dispatch(SetBrandActive { brand_id: id, active: !active }); }>
                            {if active { "On" } else { "Off" }}
                        </button>
                    }
                        .into_any()
                } else {
                    view! { <span>{if active { "On" } else { "Off" }}</span> }.into_any()
                }}
            </td>
            {can_edit.then(|| {
                let label = format!("Edit {}", row.name);
                view! {
                    <td>
                        <button type="button" class="quiet" aria-label=label on:click=move |_| editing.set(Some(row.clone()))>"Edit"</button>
                    </td>
                }
            })}
        </tr>
    }
}

/// A small line of the weekly scores, drawn on the server as SVG.
fn sparkline(name: &str, history: &[f64]) -> impl IntoView {
    let (w, h) = (96.0, 28.0);
    let n = history.len().max(2) as f64 - 1.0;
    let points = history
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "{:.1},{:.1}",
                i as f64 * w / n,
                h - 2.0 - (s.clamp(0.0, 100.0) / 100.0) * (h - 4.0)
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let label = match (history.first(), history.last()) {
        (Some(a), Some(b)) => format!(
            "{name} visibility over the last {} weeks: from {a:.1} to {b:.1}",
            history.len()
        ),
        _ => format!("{name} visibility: no data yet"),
    };
    view! {
        <svg role="img" aria-label=label width="96" height="28" viewBox="0 0 96 28" class="sparkline">
            <polyline points=points fill="none" stroke="currentColor" stroke-width="1.5" />
        </svg>
    }
}
