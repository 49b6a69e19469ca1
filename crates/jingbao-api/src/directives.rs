//! Directives: issuing, reading, the board, and the guards' sign-for and feedback.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    #[serde(default)]
    pub all: bool,
    #[serde(default)]
    pub grid_ids: Vec<Uuid>,
    #[serde(default)]
    pub unit_ids: Vec<Uuid>,
    #[serde(default)]
    pub building_ids: Vec<Uuid>,
    #[serde(default)]
    pub guard_ids: Vec<Uuid>,
    /// A GeoJSON Polygon (WGS-84) drawn on the map: the units of the towers inside it.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub polygon: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// patrol | clearance | hazard_sweep | watch
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub checkpoint_ids: Vec<Uuid>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DirectiveCreate {
    pub kind: String,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub window: Option<Window>,
    pub targets: Targets,
    #[serde(default)]
    pub include_off_shift: bool,
    #[serde(default = "yes")]
    pub feedback_required: bool,
    #[serde(default = "ten")]
    pub ack_deadline_minutes: i32,
    /// Send later: recipients are resolved when it goes out.
    #[serde(default)]
    pub send_at: Option<DateTime<Utc>>,
}

fn yes() -> bool {
    true
}
fn ten() -> i32 {
    10
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DirectiveCreated {
    pub id: Uuid,
    pub doc_no: String,
    pub recipient_count: u32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DirectiveOut {
    pub id: Uuid,
    pub doc_no: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub priority: String,
    pub tasks: Vec<Task>,
    pub window: Option<Window>,
    pub feedback_required: bool,
    pub ack_deadline_minutes: i32,
    pub state: String,
    pub created_by: String,
    pub sent_at: DateTime<Utc>,
    pub deadline_at: DateTime<Utc>,
    pub recipient_count: u32,
    pub signed_count: u32,
    pub feedback_count: u32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecipientOut {
    pub guard_id: Uuid,
    pub guard_name: Option<String>,
    pub unit_id: Uuid,
    pub unit_name: Option<String>,
    pub seq: i64,
    pub state: String,
    pub delivered_at: Option<DateTime<Utc>>,
    pub signed_at: Option<DateTime<Utc>>,
    pub latency_seconds: Option<i64>,
    pub late: bool,
    pub feedback_at: Option<DateTime<Utc>>,
    #[schema(value_type = Option<Object>)]
    pub feedback: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DirectiveDetail {
    #[serde(flatten)]
    pub directive: DirectiveOut,
    pub recipients: Vec<RecipientOut>,
}

#[derive(Debug, Clone, Serialize, ToSchema, Default)]
pub struct BoardRow {
    pub unit_id: Option<Uuid>,
    pub unit_name: Option<String>,
    pub recipients: u32,
    pub delivered: u32,
    pub signed: u32,
    pub late: u32,
    pub feedback: u32,
    pub overdue: u32,
    pub not_required: u32,
    pub median_latency_seconds: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Board {
    pub units: Vec<BoardRow>,
    pub totals: BoardRow,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AckRequest {
    pub id: Uuid,
    pub device_time: DateTime<Utc>,
    #[serde(default)]
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AckReply {
    pub state: String,
    pub signed_at: Option<DateTime<Utc>>,
    pub late: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackRequest {
    pub id: Uuid,
    pub text: String,
    #[serde(default)]
    pub checkpoint_ids: Vec<Uuid>,
    #[serde(default)]
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MyDirective {
    pub seq: i64,
    pub state: String,
    pub late: bool,
    pub directive: DirectiveOut,
}
