//! Patrol and presence: shifts, check-ins, positions, live state, alerts, checkpoint plates.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShiftStart {
    pub id: Uuid,
    pub post_id: Option<Uuid>,
    pub device_time: DateTime<Utc>,
    #[serde(default)]
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShiftEnd {
    pub id: Uuid,
    pub handover_note: Option<String>,
    pub device_time: DateTime<Utc>,
    #[serde(default)]
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ShiftOut {
    pub id: Uuid,
    pub guard_id: Uuid,
    pub post_id: Option<Uuid>,
    pub post_name: Option<String>,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub handover_note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Handover {
    pub note: String,
    pub from_guard_name: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CurrentShift {
    pub shift: Option<ShiftOut>,
    pub handover: Option<Handover>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct InspectionItem {
    pub name: String,
    /// normal | abnormal
    pub status: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckinRequest {
    pub id: Uuid,
    pub code: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub accuracy: Option<f64>,
    pub device_time: DateTime<Utc>,
    #[serde(default)]
    pub sent_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub items: Option<Vec<InspectionItem>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CheckinReply {
    pub id: Uuid,
    pub checkpoint_id: Option<Uuid>,
    pub checkpoint_name: Option<String>,
    pub verdict: String,
    pub reasons: Vec<String>,
    pub server_time: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckinOut {
    pub id: Uuid,
    pub guard_id: Uuid,
    pub guard_name: Option<String>,
    pub checkpoint_id: Option<Uuid>,
    pub checkpoint_name: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub accuracy: Option<f64>,
    pub device_time: DateTime<Utc>,
    pub server_time: DateTime<Utc>,
    pub verdict: String,
    pub reasons: Vec<String>,
    #[schema(value_type = Object)]
    pub items: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PositionIn {
    pub id: Uuid,
    pub lat: f64,
    pub lon: f64,
    pub accuracy: f64,
    pub device_time: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PositionBatch {
    pub id: Uuid,
    pub positions: Vec<PositionIn>,
    #[serde(default)]
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Refused {
    pub id: Uuid,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BatchReply {
    pub accepted: u32,
    pub refused: Vec<Refused>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Heartbeat {
    pub device_time: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LiveGuard {
    pub guard_id: Uuid,
    pub name: String,
    pub unit_id: Uuid,
    pub unit_name: Option<String>,
    pub post_id: Option<Uuid>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub accuracy: Option<f64>,
    pub at: Option<DateTime<Utc>>,
    /// on_post | off_post | no_signal | offline
    pub state: String,
    pub on_shift: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LiveList {
    pub items: Vec<LiveGuard>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrackPoint {
    pub lat: f64,
    pub lon: f64,
    pub accuracy: f64,
    pub at: DateTime<Utc>,
    pub device_time: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Track {
    pub points: Vec<TrackPoint>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlertOut {
    pub id: Uuid,
    pub kind: String,
    pub state: String,
    pub guard_id: Option<Uuid>,
    pub guard_name: Option<String>,
    pub post_id: Option<Uuid>,
    pub post_name: Option<String>,
    pub unit_id: Uuid,
    pub unit_name: Option<String>,
    pub raised_at: DateTime<Utc>,
    pub acked_at: Option<DateTime<Utc>>,
    pub acked_by: Option<String>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by: Option<String>,
    #[schema(value_type = Object)]
    pub reason: serde_json::Value,
    pub auto: bool,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolveRequest {
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RouteCheckpoint {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub floor: i32,
    pub indoor: bool,
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RouteToday {
    pub checkpoints: Vec<RouteCheckpoint>,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlateOut {
    pub payload: String,
    pub manual_code: String,
    pub kid: String,
    pub checkpoint_id: Uuid,
    pub name: String,
    pub code: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KeyOut {
    pub kid: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct TimeWindow {
    /// "HH:MM", local time
    pub start: String,
    /// "HH:MM"; equal to start means all day, earlier crosses midnight
    pub end: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PatrolRouteOut {
    pub id: Uuid,
    pub unit_id: Uuid,
    pub name: String,
    pub checkpoint_ids: Vec<Uuid>,
    pub every_minutes: i32,
    pub window: TimeWindow,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatrolRouteCreate {
    pub unit_id: Uuid,
    pub name: String,
    pub checkpoint_ids: Vec<Uuid>,
    pub every_minutes: i32,
    pub window: TimeWindow,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatrolRoutePatch {
    pub name: Option<String>,
    pub checkpoint_ids: Option<Vec<Uuid>>,
    pub every_minutes: Option<i32>,
    pub window: Option<TimeWindow>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompletionRow {
    pub id: Uuid,
    pub name: String,
    pub expected: u32,
    pub done: u32,
    /// done / expected, 0–1; null when nothing was expected
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Completion {
    pub date: String,
    /// route | unit | grid | guard
    pub by: String,
    pub rows: Vec<CompletionRow>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShiftTemplateOut {
    pub id: Uuid,
    pub post_id: Uuid,
    pub post_name: Option<String>,
    pub name: String,
    pub window: TimeWindow,
    pub min_staff: i32,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShiftTemplateCreate {
    pub post_id: Uuid,
    pub name: String,
    pub window: TimeWindow,
    pub min_staff: i32,
}
