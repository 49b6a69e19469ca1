//! `GET /api/openapi.json`: schemas derived from the wire types, paths from the route table.

use crate::routes::RouteDoc;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde_json::{Map, Value, json};
use std::sync::OnceLock;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(components(schemas(
    jingbao_api::ErrorBody,
    jingbao_api::ErrorDetail,
    jingbao_api::LatLon,
    jingbao_api::auth::LoginRequest,
    jingbao_api::auth::LoginResponse,
    jingbao_api::auth::TokenResponse,
    jingbao_api::auth::Me,
    jingbao_api::auth::ChangePasswordRequest,
    jingbao_api::auth::TotpSetupResponse,
    jingbao_api::auth::TotpEnableRequest,
    jingbao_api::auth::SessionOut,
    jingbao_api::org::OrgUnitOut,
    jingbao_api::org::OrgUnitCreate,
    jingbao_api::org::OrgUnitPatch,
    jingbao_api::org::OrgTreeNode,
    jingbao_api::org::BuildingOut,
    jingbao_api::org::BuildingCreate,
    jingbao_api::org::BuildingPatch,
    jingbao_api::org::CheckpointOut,
    jingbao_api::org::CheckpointCreate,
    jingbao_api::org::CheckpointPatch,
    jingbao_api::org::MapBase,
    jingbao_api::people::GuardOut,
    jingbao_api::people::GuardCreate,
    jingbao_api::people::GuardPatch,
    jingbao_api::people::CompanyOut,
    jingbao_api::people::CompanyCreate,
    jingbao_api::people::CompanyPatch,
    jingbao_api::people::UserOut,
    jingbao_api::people::UserCreate,
    jingbao_api::people::UserPatch,
    jingbao_api::patrol::ShiftStart,
    jingbao_api::patrol::ShiftEnd,
    jingbao_api::patrol::ShiftOut,
    jingbao_api::patrol::CurrentShift,
    jingbao_api::patrol::Handover,
    jingbao_api::patrol::CheckinRequest,
    jingbao_api::patrol::CheckinReply,
    jingbao_api::patrol::CheckinOut,
    jingbao_api::patrol::InspectionItem,
    jingbao_api::patrol::PositionBatch,
    jingbao_api::patrol::PositionIn,
    jingbao_api::patrol::BatchReply,
    jingbao_api::patrol::Refused,
    jingbao_api::patrol::Heartbeat,
    jingbao_api::patrol::LiveList,
    jingbao_api::patrol::LiveGuard,
    jingbao_api::patrol::Track,
    jingbao_api::patrol::TrackPoint,
    jingbao_api::patrol::AlertOut,
    jingbao_api::patrol::ResolveRequest,
    jingbao_api::patrol::RouteToday,
    jingbao_api::patrol::RouteCheckpoint,
    jingbao_api::patrol::PlateOut,
    jingbao_api::patrol::KeyOut,
    jingbao_api::patrol::PatrolRouteOut,
    jingbao_api::patrol::PatrolRouteCreate,
    jingbao_api::patrol::PatrolRoutePatch,
    jingbao_api::patrol::TimeWindow,
    jingbao_api::patrol::Completion,
    jingbao_api::patrol::CompletionRow,
    jingbao_api::patrol::ShiftTemplateOut,
    jingbao_api::patrol::ShiftTemplateCreate,
    jingbao_api::directives::DirectiveCreate,
    jingbao_api::directives::DirectiveCreated,
    jingbao_api::directives::DirectiveOut,
    jingbao_api::directives::DirectiveDetail,
    jingbao_api::directives::RecipientOut,
    jingbao_api::directives::Board,
    jingbao_api::directives::BoardRow,
    jingbao_api::directives::AckRequest,
    jingbao_api::directives::AckReply,
    jingbao_api::directives::FeedbackRequest,
    jingbao_api::directives::MyDirective,
    jingbao_api::directives::Targets,
    jingbao_api::directives::Task,
    jingbao_api::directives::Window,
    jingbao_api::system::Health,
    jingbao_api::system::RoleOut,
    jingbao_api::system::AuditRecordOut,
    jingbao_api::system::ImportResult,
)))]
struct Schemas;

fn schema_ref(name: &str) -> Value {
    if let Some(inner) = name.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        return json!({"type": "object", "required": ["items", "total", "page", "page_size"], "properties": {
            "items": {"type": "array", "items": {"$ref": format!("#/components/schemas/{inner}")}},
            "total": {"type": "integer"}, "page": {"type": "integer"}, "page_size": {"type": "integer"}}});
    }
    if let Some(inner) = name.strip_suffix("[]") {
        return json!({"type": "array", "items": {"$ref": format!("#/components/schemas/{inner}")}});
    }
    if name == "object" {
        return json!({"type": "object"});
    }
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn operation(d: &RouteDoc) -> Value {
    let mut op = Map::new();
    op.insert("tags".into(), json!([d.tag]));
    op.insert("summary".into(), json!(d.summary));
    op.insert(
        "operationId".into(),
        json!(format!(
            "{}_{}",
            d.method,
            d.path
                .trim_start_matches("/api/")
                .replace(['/', '{', '}', '.', '-'], "_")
        )),
    );
    let mut params: Vec<Value> = Vec::new();
    if d.path.contains("{id}") {
        params.push(json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}));
    }
    for q in d.query {
        params.push(json!({"name": q, "in": "query", "required": false, "schema": {"type": if matches!(*q, "page" | "page_size") {"integer"} else {"string"}}}));
    }
    if !params.is_empty() {
        op.insert("parameters".into(), Value::Array(params));
    }
    match d.request {
        Some("multipart") => {
            op.insert("requestBody".into(), json!({"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}}));
        }
        Some(name) => {
            op.insert("requestBody".into(), json!({"required": true, "content": {"application/json": {"schema": schema_ref(name)}}}));
        }
        None => {}
    }
    let ok = match d.response {
        Some("xlsx") => {
            json!({"description": "Excel workbook", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}})
        }
        Some(name) => {
            json!({"description": "OK", "content": {"application/json": {"schema": schema_ref(name)}}})
        }
        None => json!({"description": "No content"}),
    };
    let err = json!({"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}});
    let mut responses = Map::new();
    responses.insert(d.status.to_string(), ok);
    responses.insert("4XX".into(), err);
    op.insert("responses".into(), Value::Object(responses));
    if !d.public {
        op.insert("security".into(), json!([{"session": []}, {"bearer": []}]));
    }
    if let Some(p) = d.perm {
        op.insert("x-permission".into(), json!(p.code()));
    }
    Value::Object(op)
}

/// The whole document for a route table.
pub fn document(docs: &[RouteDoc]) -> Value {
    let mut base = serde_json::to_value(Schemas::openapi()).unwrap_or_else(|_| json!({}));
    let mut paths = Map::new();
    for d in docs {
        let item = paths.entry(d.path.to_string()).or_insert_with(|| json!({}));
        if let Some(obj) = item.as_object_mut() {
            obj.insert(d.method.to_string(), operation(d));
        }
    }
    base["openapi"] = json!("3.1.0");
    base["info"] = json!({"title": "Jingbao 警保联动平台 API", "version": env!("CARGO_PKG_VERSION"),
        "description": "Conventions (errors, paging, CSRF, sessions) are described in docs/API.md."});
    base["paths"] = Value::Object(paths);
    if let Some(c) = base.get_mut("components").and_then(Value::as_object_mut) {
        c.insert(
            "securitySchemes".into(),
            json!({
            "session": {"type": "apiKey", "in": "cookie", "name": "jingbao_session"},
            "bearer": {"type": "http", "scheme": "bearer"}}),
        );
    }
    base
}

static DOC: OnceLock<Value> = OnceLock::new();

pub async fn serve(State(st): State<AppState>) -> Json<Value> {
    let upload = st.config.upload_limit;
    Json(
        DOC.get_or_init(|| document(&crate::routes::api(upload).1))
            .clone(),
    )
}
