//! The facets (`facet-<name>`): each option shows how many claims it would give with the other
//! filters applied; options with none are dimmed, not hidden. Long facets are searchable and
//! collapsed to their top entries.

use std::collections::BTreeSet;

use leptos::prelude::*;
use rustc_hash::FxHashMap;

use super::history::{Entry, Nav};
use super::lang::use_lang;
use super::loaded::Loaded;
use super::turns::later;
use crate::model::{Side, Stance};
use crate::query::text::fold;
use crate::query::{Answered, Facet, Outcome, Vocabulary};

/// One option of a facet as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetOption {
    pub value: String,
    pub label: String,
    pub count: u32,
    pub selected: bool,
}

/// Options from a vocabulary, most claims first, plus selected values no claim has.
/// `labels[i]` is the label of the vocabulary's value `i`.
fn vocabulary_options(
    vocab: &Vocabulary,
    labels: &[String],
    counts: &[u32],
    include: impl Fn(usize) -> bool,
    selected: &BTreeSet<String>,
) -> Vec<FacetOption> {
    let mut options: Vec<FacetOption> = vocab
        .values
        .iter()
        .enumerate()
        .filter(|(i, v)| include(*i) || selected.contains(*v))
        .map(|(i, v)| FacetOption {
            value: v.clone(),
            label: labels[i].clone(),
            count: counts[i],
            selected: selected.contains(v),
        })
        .collect();
    for v in selected.iter().filter(|v| vocab.position(v).is_none()) {
        options.push(FacetOption { value: v.clone(), label: v.clone(), count: 0, selected: true });
    }
    crate::sort::sort_stable_by(&mut options, |a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    options
}

#[component]
pub fn Facets(loaded: Loaded, outcome: Memo<Outcome>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let Loaded { dataset, index, .. } = loaded;
    let is_claimant: Vec<bool> = {
        let mut v = vec![false; index.actors.len()];
        index.claimant.iter().for_each(|&c| v[c as usize] = true);
        v
    };
    let is_accused: Vec<bool> = {
        let mut v = vec![false; index.actors.len()];
        index.accused.iter().flatten().for_each(|&c| v[c as usize] = true);
        v
    };

    let side = Memo::new(move |_| {
        let f = &nav.view.read().filter;
        let counts = outcome.read().counts.side;
        Side::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| FacetOption {
                value: s.as_str().into(),
                label: s.label(lang).into_owned(),
                count: counts[i],
                selected: f.sides.contains(s),
            })
            .collect::<Vec<_>>()
    });
    let stance = Memo::new(move |_| {
        let f = &nav.view.read().filter;
        let counts = outcome.read().counts.stance;
        Stance::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| FacetOption {
                value: s.as_str().into(),
                label: format!("{} {}", s.icon(), s.label(lang)),
                count: counts[i],
                selected: f.stances.contains(s),
            })
            .collect::<Vec<_>>()
    });
    // Labels once per dataset, not per keystroke.
    let names: std::collections::HashMap<&str, &str> =
        dataset.actors.iter().map(|a| (a.id.as_str(), a.name_in(lang).0)).collect();
    let actor_labels: std::sync::Arc<Vec<String>> = std::sync::Arc::new(
        index.actors.values.iter().map(|id| names.get(id.as_str()).copied().unwrap_or(id).to_string()).collect(),
    );
    let (x, labels) = (index.clone(), actor_labels.clone());
    let claimant = Memo::new(move |_| {
        let o = outcome.read();
        let sel = &nav.view.read().filter.claimants;
        vocabulary_options(&x.actors, &labels, &o.counts.claimant, |i| is_claimant[i], sel)
    });
    let (x, labels) = (index.clone(), actor_labels);
    let accused = Memo::new(move |_| {
        let o = outcome.read();
        let sel = &nav.view.read().filter.accused;
        vocabulary_options(&x.actors, &labels, &o.counts.accused, |i| is_accused[i], sel)
    });
    let x = index.clone();
    let sector = Memo::new(move |_| {
        let o = outcome.read();
        let sel = &nav.view.read().filter.sectors;
        vocabulary_options(&x.sector_names, &x.sector_names.values, &o.counts.sector, |_| true, sel)
    });
    let x = index.clone();
    let vector = Memo::new(move |_| {
        let o = outcome.read();
        let sel = &nav.view.read().filter.vectors;
        vocabulary_options(&x.vector_names, &x.vector_names.values, &o.counts.vector, |_| true, sel)
    });
    let answered = Memo::new(move |_| {
        let counts = outcome.read().counts.answered;
        let current = nav.view.read().filter.answered;
        vec![
            FacetOption {
                value: Answered::Yes.as_str().into(),
                label: lang.text("ui.facets.answered").into_owned(),
                count: counts[1],
                selected: current == Some(true),
            },
            FacetOption {
                value: Answered::No.as_str().into(),
                label: lang.text("ui.facets.not_answered").into_owned(),
                count: counts[0],
                selected: current == Some(false),
            },
        ]
    });

    let (first_year, last_year) = (index.first_year, index.last_year);
    view! {
        <div class="facets">
            <h2 class="visually-hidden">{lang.text("ui.explorer.filters")}</h2>
            // Each facet in a turn of its own (`turns`): the page starts without one long task.
            {later(move || view! { <FacetGroup facet=Facet::Side title=lang.text("ui.facets.side") options=side.into()/> })}
            {later(move || view! { <FacetGroup facet=Facet::Stance title=lang.text("ui.facets.stance") options=stance.into()/> })}
            {later(move || view! { <YearRange first=first_year last=last_year outcome/> })}
            {later(move || view! {
                <FacetGroup facet=Facet::Answered title=lang.text("ui.facets.answered_title") options=answered.into()/>
            })}
            {later(move || view! {
                <FacetGroup facet=Facet::Claimant title=lang.text("ui.facets.claimant") options=claimant.into() top=8 searchable=true/>
            })}
            {later(move || view! {
                <FacetGroup facet=Facet::Accused title=lang.text("ui.facets.accused") options=accused.into() top=8 searchable=true/>
            })}
            {later(move || view! { <FacetGroup facet=Facet::Sector title=lang.text("ui.facets.sector") options=sector.into() top=8/> })}
            {later(move || view! {
                <FacetGroup facet=Facet::Vector title=lang.text("ui.facets.vector") options=vector.into() top=8 searchable=true/>
            })}
        </div>
    }
}

#[component]
fn FacetGroup(
    facet: Facet,
    title: std::borrow::Cow<'static, str>,
    options: Signal<Vec<FacetOption>>,
    #[prop(optional)] top: Option<usize>,
    #[prop(optional)] searchable: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let expanded = RwSignal::new(false);
    let needle = RwSignal::new(String::new());
    let name = facet.name();
    let heading = format!("facet-{name}-title");
    // The options shown, and how many there are in all.
    let visible = Memo::new(move |_| {
        let all = options.get();
        let n = all.len();
        let needle = fold(needle.read().trim());
        let matching: Vec<FacetOption> = all
            .into_iter()
            .filter(|o| needle.is_empty() || fold(&o.label).contains(&needle) || o.value.contains(&needle))
            .collect();
        let limit = match top {
            Some(t) if !expanded.get() && needle.is_empty() => t,
            _ => usize::MAX,
        };
        let shown: Vec<FacetOption> =
            matching.iter().enumerate().filter(|(i, o)| *i < limit || o.selected).map(|(_, o)| o.clone()).collect();
        // Each shown option's count and state by value: an option finds its own in constant
        // time, so a facet of thousands of options, expanded, updates in linear time.
        let state: FxHashMap<String, (u32, bool)> =
            shown.iter().map(|o| (o.value.clone(), (o.count, o.selected))).collect();
        (shown, n, state)
    });
    // One element per option, kept while the option is shown: a keystroke changes the counts'
    // text, not the elements.
    let option = move |o: FacetOption| {
        let value = o.value.clone();
        let state =
            Memo::new(move |_| visible.with(|(_, _, state)| state.get(&o.value).copied().unwrap_or((0, false))));
        let toggle = {
            let value = value.clone();
            move |_| nav.update(Entry::Push, |v| v.filter.toggle(facet, &value))
        };
        view! {
            <li>
                <button type="button" class="facet-option" class:zero=move || state.get().0 == 0
                    class:selected=move || state.get().1 data-value=value
                    aria-pressed=move || if state.get().1 { "true" } else { "false" } on:click=toggle>
                    <span class="option-label">{o.label}</span>
                    <span class="option-count">{move || lang.number(state.get().0 as usize)}</span>
                </button>
            </li>
        }
    };
    let list = view! { <For each=move || visible.get().0 key=|o| o.value.clone() children=option/> };
    // The "Show all" button stays the same element while the counts change.
    let total = Memo::new(move |_| visible.with(|v| v.1));
    let has_more = Memo::new(move |_| top.is_some_and(|t| total.get() > t) && needle.read().is_empty());
    let more = move || {
        has_more.get().then(|| {
            view! {
                <button type="button" class="link-button" aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() {
                        lang.text("ui.facets.show_fewer").into_owned()
                    } else {
                        lang.fill("ui.facets.show_all", &[("n", &lang.number(total.get()))])
                    }}
                </button>
            }
        })
    };
    view! {
        <section class="facet" data-testid=format!("facet-{name}") aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>{title.clone()}</h3>
            {searchable.then(|| view! {
                <input type="search" class="facet-search" placeholder=lang.text("ui.facets.find")
                    aria-label=lang.fill("ui.facets.search", &[("facet", &title.to_lowercase())])
                    on:input=move |ev| needle.set(event_target_value(&ev))/>
            })}
            <ul class="facet-options">{list}</ul>
            {more}
        </section>
    }
}

#[component]
fn YearRange(first: u16, last: u16, outcome: Memo<Outcome>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let years: Vec<u16> = if first == 0 { Vec::new() } else { (first..=last).collect() };
    // Each list changes only when its selection or the counts change, not on every keystroke.
    let counts = Memo::new(move |_| outcome.read().counts.year.clone());
    let from = Memo::new(move |_| nav.view.read().filter.from);
    let to = Memo::new(move |_| nav.view.read().filter.to);
    // The options are made once; a keystroke changes their counts' text and which is selected
    // (as a property too, so that back/forward moves a list the reader has already changed).
    let options = move |selected: Memo<Option<u16>>| {
        let any = view! {
            <option value="" selected=move || selected.get().is_none() prop:selected=move || selected.get().is_none()>{lang.text("ui.facets.any")}</option>
        };
        let each = years
            .iter()
            .enumerate()
            .map(|(i, &y)| {
                let is = move || selected.get() == Some(y);
                let text = move || format!("{y} ({})", counts.with(|c| c.get(i).copied().unwrap_or(0)));
                view! { <option value=y.to_string() selected=is prop:selected=is>{text}</option> }
            })
            .collect_view();
        (any, each)
    };
    let set = move |which: &'static str| {
        move |ev| {
            let year = event_target_value(&ev).parse::<u16>().ok();
            nav.update(Entry::Push, |v| match which {
                "from" => v.filter.from = year,
                _ => v.filter.to = year,
            });
        }
    };
    view! {
        <section class="facet" data-testid="facet-year" aria-labelledby="facet-year-title">
            <h3 id="facet-year-title">{lang.text("ui.facets.years")}</h3>
            <div class="year-range">
                <label>{lang.text("ui.facets.from")} <select data-testid="year-from" on:change=set("from")>
                    {options(from)}
                </select></label>
                <label>{lang.text("ui.facets.to")} <select data-testid="year-to" on:change=set("to")>
                    {options(to)}
                </select></label>
            </div>
        </section>
    }
}
