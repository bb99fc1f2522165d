//! The view state ⇄ the query string, whose parameter names are a contract (CONTRACTS.md, URL
//! parameters). The URL is the single source of truth for what the reader sees; this module
//! round-trips it exactly.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use strum::VariantArray;

use crate::i18n::Message;
use crate::ingest::{shorten, QUOTED_MAX};
use crate::model::{one_of, Side, Stance};
use crate::query::{Answered, Filter, Sort};

/// How many notices about bad values a URL gets; the rest are counted in one more.
pub const NOTICES_KEPT: usize = 20;

/// Everything the URL holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub filter: Filter,
    /// The claim whose thread is open.
    pub claim: Option<String>,
    /// The charts are shown above the claims (`view=charts`; by default the claims come first).
    pub charts: bool,
    /// `en` or `zh`.
    pub lang: Option<String>,
    /// Another dataset's address.
    pub data: Option<String>,
    /// A chart id: render that chart alone.
    pub embed: Option<String>,
}

/// Characters escaped in a value: everything but unreserved ones, and `,` (the list separator).
const VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'\'')
    .add(b'+')
    .add(b',')
    .add(b'/')
    .add(b':')
    .add(b';')
    .add(b'<')
    .add(b'=')
    .add(b'>')
    .add(b'?')
    .add(b'@')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

fn encode(value: &str) -> String {
    utf8_percent_encode(value, VALUE).to_string()
}

fn decode(raw: &str) -> String {
    percent_decode_str(&raw.replace('+', " ")).decode_utf8_lossy().into_owned()
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().map(encode).collect::<Vec<_>>().join(",")
}

/// Serialises a view state to a query string (without `?`), parameters in a fixed order,
/// defaults left out.
pub fn to_query(state: &ViewState) -> String {
    let f = &state.filter;
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(d) = &state.data {
        pairs.push(("data", encode(d)));
    }
    if let Some(e) = &state.embed {
        pairs.push(("embed", encode(e)));
    }
    if !f.q.is_empty() {
        pairs.push(("q", encode(&f.q)));
    }
    if !f.sides.is_empty() {
        pairs.push(("side", list(f.sides.iter().map(|s| s.as_str()))));
    }
    if !f.stances.is_empty() {
        pairs.push(("stance", list(f.stances.iter().map(|s| s.as_str()))));
    }
    for (name, set) in
        [("claimant", &f.claimants), ("accused", &f.accused), ("sector", &f.sectors), ("vector", &f.vectors)]
    {
        if !set.is_empty() {
            pairs.push((name, list(set.iter().map(String::as_str))));
        }
    }
    if let Some(y) = f.from {
        pairs.push(("from", y.to_string()));
    }
    if let Some(y) = f.to {
        pairs.push(("to", y.to_string()));
    }
    if let Some(a) = f.answered {
        pairs.push(("answered", Answered::from(a).as_str().to_string()));
    }
    if f.sort != Sort::default() {
        pairs.push(("sort", f.sort.as_str().to_string()));
    }
    if state.charts {
        pairs.push(("view", "charts".to_string()));
    }
    if let Some(l) = &state.lang {
        pairs.push(("lang", encode(l)));
    }
    if let Some(c) = &state.claim {
        pairs.push(("claim", encode(c)));
    }
    pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

/// "“sort=best” was ignored: expected newest or oldest".
fn ignored(name: &str, value: &str, expected: Message) -> Message {
    let m = Message::new("notice.ignored").with("param", name).with("value", shorten(value, QUOTED_MAX));
    m.with_message("expected", expected)
}

fn year(value: &str, name: &str, notices: &mut Vec<Message>) -> Option<u16> {
    match value.parse::<u16>() {
        Ok(y) if (1900..=2100).contains(&y) => Some(y),
        _ => {
            notices.push(ignored(name, value, Message::new("notice.a_year")));
            None
        }
    }
}

/// Reads a query string (with or without `?`). Unknown parameters are ignored; bad values are
/// left out, each with a notice for the reader (the value shortened to `QUOTED_MAX`
/// characters; after `NOTICES_KEPT` notices, one more counts the rest).
pub fn parse(query: &str) -> (ViewState, Vec<Message>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(key);
        let items = || raw.split(',').map(decode).filter(|s| !s.is_empty());
        let one = decode(raw);
        let f = &mut state.filter;
        match key.as_str() {
            "q" => f.q = one,
            "side" => {
                for item in items() {
                    match Side::parse(&item) {
                        Some(s) => {
                            f.sides.insert(s);
                        }
                        None => notices.push(ignored("side", &item, one_of(Side::VARIANTS))),
                    }
                }
            }
            "stance" => {
                for item in items() {
                    match Stance::parse(&item) {
                        Some(s) => {
                            f.stances.insert(s);
                        }
                        None => {
                            notices.push(Message::new("notice.not_a_stance").with("value", shorten(&item, QUOTED_MAX)))
                        }
                    }
                }
            }
            // A repeated parameter adds to the selection.
            "claimant" => f.claimants.extend(items()),
            "accused" => f.accused.extend(items()),
            "sector" => f.sectors.extend(items()),
            "vector" => f.vectors.extend(items()),
            "from" => f.from = year(&one, "from", &mut notices),
            "to" => f.to = year(&one, "to", &mut notices),
            "answered" => match Answered::parse(&one) {
                Some(a) => f.answered = Some(a.into()),
                None => notices.push(ignored("answered", &one, one_of(Answered::VARIANTS))),
            },
            "sort" => match Sort::parse(&one) {
                Some(s) => f.sort = s,
                None => notices.push(ignored("sort", &one, one_of(Sort::VARIANTS))),
            },
            "lang" => match one.as_str() {
                "en" | "zh" => state.lang = Some(one),
                _ => notices.push(ignored("lang", &one, one_of(&["en", "zh"]))),
            },
            "view" => match one.as_str() {
                "charts" => state.charts = true,
                "claims" => state.charts = false,
                _ => notices.push(ignored("view", &one, one_of(&["claims", "charts"]))),
            },
            "claim" => state.claim = Some(one).filter(|c| !c.is_empty()),
            "data" => state.data = Some(one).filter(|d| !d.is_empty()),
            "embed" => state.embed = Some(one).filter(|e| !e.is_empty()),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (state.filter.from, state.filter.to) {
        if a > b {
            notices.push(Message::new("notice.swapped").with("from", a.to_string()).with("to", b.to_string()));
            (state.filter.from, state.filter.to) = (Some(b), Some(a));
        }
    }
    if notices.len() > NOTICES_KEPT {
        let rest = notices.len() - NOTICES_KEPT;
        notices.truncate(NOTICES_KEPT);
        notices.push(Message::counted("notice.more", rest));
    }
    (state, notices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_contract_parameters() {
        let (s, notices) = parse("?q=salt%20typhoon&side=cn-us,us-cn&stance=denial&claimant=cn-mfa&from=2015&to=2020&answered=no&sort=oldest&claim=x&lang=zh&utm_source=feed");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s.filter.q, "salt typhoon");
        assert_eq!(s.filter.sides.len(), 2);
        assert_eq!(s.filter.stances.iter().next(), Some(&Stance::Denial));
        assert_eq!((s.filter.from, s.filter.to, s.filter.answered), (Some(2015), Some(2020), Some(false)));
        assert_eq!(s.filter.sort, Sort::Oldest);
        assert_eq!(s.claim.as_deref(), Some("x"));
        assert_eq!(to_query(&s), "q=salt%20typhoon&side=us-cn,cn-us&stance=denial&claimant=cn-mfa&from=2015&to=2020&answered=no&sort=oldest&lang=zh&claim=x");
    }

    #[test]
    fn a_repeated_list_parameter_adds_to_the_selection() {
        let (s, notices) = parse(
            "claimant=cn-mfa,us-doj&claimant=cncert&sector=energy&sector=telecoms&stance=denial&stance=attribution",
        );
        assert!(notices.is_empty(), "{notices:?}");
        let claimants: Vec<&str> = s.filter.claimants.iter().map(String::as_str).collect();
        assert_eq!(claimants, ["cn-mfa", "cncert", "us-doj"]);
        assert_eq!(s.filter.sectors.len(), 2);
        assert_eq!(s.filter.stances.len(), 2);
    }

    #[test]
    fn bad_values_are_noticed_not_fatal() {
        let (s, notices) = parse("side=mars&stance=rumour,denial&from=abc&answered=maybe&sort=best&to=2019&from=2021");
        assert_eq!(s.filter.stances.len(), 1);
        assert!(s.filter.sides.is_empty());
        assert_eq!((s.filter.from, s.filter.to), (Some(2019), Some(2021)));
        assert_eq!(notices.len(), 6, "{notices:?}");
        assert!(notices[0].to_string().contains("side=mars"));
        assert_eq!(notices[0].in_lang(crate::i18n::Lang::Zh), "已忽略“side=mars”：应为us-cn, cn-us 或 other");
    }

    #[test]
    fn notices_are_bounded_in_number_and_length() {
        let long = "x".repeat(10_000);
        let (_, notices) = parse(&format!("sort={long}"));
        assert_eq!(notices.len(), 1);
        let notice = notices[0].to_string();
        assert!(notice.chars().count() < QUOTED_MAX + 60, "{notice}");
        assert!(notice.contains("x…”"), "{notice}");
        let many: Vec<String> = (0..1_000).map(|i| format!("bad{i}")).collect();
        let (_, notices) = parse(&format!("side={}", many.join(",")));
        assert_eq!(notices.len(), NOTICES_KEPT + 1);
        assert!(notices[0].to_string().contains("side=bad0"));
        assert_eq!(notices[NOTICES_KEPT].to_string(), "and 980 more bad values were ignored");
    }
}

/// The path of a claim's baked page in `lang`, relative to the app (`claims/<id>.html`,
/// `claims/<id>.zh.html`; ARCHITECTURE.md, Baked pages), or `None` for an id that is not a
/// safe file name (letters, digits, `-`, `_` and `.` not leading) or that ends in `.zh`
/// (another claim's Chinese page); such a claim has no page of its own.
pub fn claim_page(id: &str, lang: crate::i18n::Lang) -> Option<String> {
    let safe = !id.is_empty()
        && !id.starts_with('.')
        && !id.ends_with(".zh")
        && id.len() <= 120
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    safe.then(|| match lang {
        crate::i18n::Lang::En => format!("claims/{id}.html"),
        other => format!("claims/{id}.{}.html", other.code()),
    })
}

/// The path of `chart`'s baked embed page in `lang`, relative to the app
/// (`embed/<chart>.html`, `embed/<chart>.zh.html`; ARCHITECTURE.md, Baked pages): the chart
/// for the bundled data, unfiltered.
pub fn embed_page(chart: crate::charts::ChartId, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::En => format!("embed/{}.html", chart.as_str()),
        other => format!("embed/{}.{}.html", chart.as_str(), other.code()),
    }
}
