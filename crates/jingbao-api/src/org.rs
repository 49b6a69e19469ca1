//! Organisation units, buildings, checkpoints and the map's base layers.

use crate::LatLon;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrgUnitOut {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub kind: String,
    pub name: String,
    pub code: String,
    /// GeoJSON Polygon (grids).
    #[schema(value_type = Option<Object>)]
    pub boundary: Option<serde_json::Value>,
    pub building_ids: Vec<Uuid>,
    pub manager_user_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgUnitCreate {
    pub parent_id: Option<Uuid>,
    pub kind: String,
    pub name: String,
    pub code: String,
    #[schema(value_type = Option<Object>)]
    pub boundary: Option<serde_json::Value>,
    pub manager_user_id: Option<Uuid>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgUnitPatch {
    pub name: Option<String>,
    pub code: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub boundary: Option<serde_json::Value>,
    pub manager_user_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrgTreeNode {
    pub id: Uuid,
    pub kind: String,
    pub name: String,
    pub code: String,
    #[schema(no_recursion)]
    pub children: Vec<OrgTreeNode>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BuildingOut {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub grid_id: Uuid,
    pub phase: i32,
    pub address: String,
    pub height_m: f64,
    pub floors: i32,
    /// GeoJSON Polygon, WGS-84 [lon, lat].
    #[schema(value_type = Object)]
    pub footprint: serde_json::Value,
    pub center: LatLon,
    pub unit_ids: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildingCreate {
    pub name: String,
    pub code: String,
    pub grid_id: Uuid,
    #[serde(default = "one")]
    pub phase: i32,
    #[serde(default)]
    pub address: String,
    pub height_m: f64,
    pub floors: i32,
    /// GeoJSON Polygon; `datum: "gcj02"` converts traced AMap outlines to WGS-84.
    #[schema(value_type = Object)]
    pub footprint: serde_json::Value,
    #[serde(default)]
    pub datum: Option<String>,
}

fn one() -> i32 {
    1
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildingPatch {
    pub name: Option<String>,
    pub phase: Option<i32>,
    pub address: Option<String>,
    pub height_m: Option<f64>,
    pub floors: Option<i32>,
    #[schema(value_type = Option<Object>)]
    pub footprint: Option<serde_json::Value>,
    pub datum: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckpointOut {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub building_id: Uuid,
    pub unit_id: Uuid,
    pub post_id: Option<Uuid>,
    pub lat: f64,
    pub lon: f64,
    pub radius_m: f64,
    pub floor: i32,
    pub indoor: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckpointCreate {
    pub name: String,
    pub code: String,
    pub building_id: Uuid,
    pub unit_id: Uuid,
    pub post_id: Option<Uuid>,
    pub lat: f64,
    pub lon: f64,
    #[serde(default = "default_radius")]
    pub radius_m: f64,
    #[serde(default)]
    pub floor: i32,
    #[serde(default)]
    pub indoor: bool,
}

fn default_radius() -> f64 {
    30.0
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckpointPatch {
    pub name: Option<String>,
    pub post_id: Option<Uuid>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub radius_m: Option<f64>,
    pub floor: Option<i32>,
    pub indoor: Option<bool>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MapBase {
    pub center: LatLon,
    /// [minLon, minLat, maxLon, maxLat]
    pub bounds: [f64; 4],
    #[schema(value_type = Object)]
    pub buildings: serde_json::Value,
    #[schema(value_type = Object)]
    pub grids: serde_json::Value,
    /// Raster tile URL template of an intranet tile server, when one is configured.
    pub tile_url: Option<String>,
}
