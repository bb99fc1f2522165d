//! Aggregations that feed the charts: pure functions of (dataset, index, matching claim ids),
//! each with the sentence that describes its result (a chart's text alternative).

mod actors;
mod ranking;
mod response_lag;
mod stances;
mod timeline;
mod words;

pub use actors::{describe_actors, who_accuses_whom, ActorMatrix, TOP_ACTORS};
pub use ranking::{attack_vectors, describe_sectors, describe_vectors, targeted_sectors, Ranked, Ranking, TOP_RANKED};
pub use response_lag::{describe_response_lags, response_lags, Lag, ResponseLags, TOP_LAGS};
pub use stances::{describe_stances, stances_by_side, StanceCount, StanceTally};
pub use timeline::{claims_per_quarter, describe_timeline, Quarter, QuarterCount, Timeline};
pub use words::{claims, no_match};
