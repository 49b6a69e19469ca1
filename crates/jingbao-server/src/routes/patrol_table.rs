//! The patrol and presence part of the route table (docs/API-patrol.md).

use super::{LIST_Q, Table, doc};
use crate::patrol;
use crate::realtime::socket;
use axum::routing::{get, patch, post};
use jingbao_domain::Permission;

/// Patrol and presence routes (docs/API-patrol.md).
pub(super) fn routes(t: &mut Table) {
    use Permission as P;
    use patrol::{alerts, checkins, live, positions, route, shifts};
    t.add(
        doc(
            "post",
            "/api/shifts/start",
            "patrol",
            "Start a shift (上岗)",
        )
        .req("ShiftStart")
        .res("ShiftOut")
        .status(201)
        .perm(P::PatrolSubmit),
        post(shifts::start),
    );
    t.add(
        doc(
            "post",
            "/api/shifts/end",
            "patrol",
            "End a shift (下岗) with a handover note",
        )
        .req("ShiftEnd")
        .res("ShiftOut")
        .perm(P::PatrolSubmit),
        post(shifts::end),
    );
    t.add(
        doc(
            "get",
            "/api/shifts/current",
            "patrol",
            "The open shift and the last handover note",
        )
        .res("CurrentShift")
        .perm(P::PatrolSubmit),
        get(shifts::current),
    );
    t.add(
        doc(
            "post",
            "/api/checkins",
            "patrol",
            "Check in at a checkpoint",
        )
        .req("CheckinRequest")
        .res("CheckinReply")
        .status(201)
        .perm(P::PatrolSubmit),
        post(checkins::create),
    );
    t.add(
        doc("get", "/api/checkins", "patrol", "Check-ins (scoped)")
            .res("[CheckinOut]")
            .query(LIST_Q)
            .perm(P::PatrolRead),
        get(checkins::list),
    );
    t.add(
        doc(
            "get",
            "/api/me/route",
            "patrol",
            "Today's checkpoints with progress",
        )
        .res("RouteToday")
        .perm(P::PatrolSubmit),
        get(route::today),
    );
    t.add(
        doc(
            "post",
            "/api/positions/batch",
            "patrol",
            "Positions while on shift (≤ 100)",
        )
        .req("PositionBatch")
        .res("BatchReply")
        .perm(P::PatrolSubmit),
        post(positions::batch),
    );
    t.add(
        doc("post", "/api/heartbeat", "patrol", "Alive without a fix")
            .req("Heartbeat")
            .status(204)
            .perm(P::PatrolSubmit),
        post(positions::heartbeat),
    );
    t.add(
        doc(
            "get",
            "/api/positions/live",
            "patrol",
            "Guards in scope with live state",
        )
        .res("LiveList")
        .perm(P::PatrolRead),
        get(live::live),
    );
    t.add(
        doc("get", "/api/guards/{id}/track", "patrol", "Track replay")
            .res("Track")
            .perm(P::PatrolRead),
        get(live::track),
    );
    t.add(
        doc("get", "/api/alerts", "patrol", "Alerts (scoped)")
            .res("[AlertOut]")
            .query(LIST_Q)
            .perm(P::PatrolRead),
        get(alerts::list),
    );
    t.add(
        doc(
            "post",
            "/api/alerts/{id}/ack",
            "patrol",
            "Acknowledge an alert",
        )
        .res("AlertOut")
        .perm(P::AlertManage),
        post(alerts::ack),
    );
    t.add(
        doc(
            "post",
            "/api/alerts/{id}/resolve",
            "patrol",
            "Resolve an alert",
        )
        .req("ResolveRequest")
        .res("AlertOut")
        .perm(P::AlertManage),
        post(alerts::resolve),
    );
    t.add(
        doc(
            "get",
            "/api/checkpoints/{id}/qr",
            "patrol",
            "Checkpoint plate: PNG, or ?format=json",
        )
        .res("PlateOut")
        .perm(P::CheckpointRead),
        get(route::qr),
    );
    t.add(
        doc(
            "post",
            "/api/checkpoint-keys/rotate",
            "patrol",
            "Rotate the plate signing key",
        )
        .res("KeyOut")
        .perm(P::KeyManage),
        post(route::rotate_key),
    );
    t.add(
        doc(
            "post",
            "/api/ws/ticket",
            "realtime",
            "Single-use ticket for the WebSocket",
        )
        .res("object"),
        post(socket::ticket),
    );
    t.add(
        doc(
            "get",
            "/api/patrol-routes",
            "patrol",
            "Patrol routes (scoped)",
        )
        .res("[PatrolRouteOut]")
        .query(LIST_Q)
        .perm(P::CheckpointRead),
        get(patrol::plans::list),
    );
    t.add(
        doc(
            "post",
            "/api/patrol-routes",
            "patrol",
            "Create a patrol route",
        )
        .req("PatrolRouteCreate")
        .res("PatrolRouteOut")
        .status(201)
        .perm(P::CheckpointWrite),
        post(patrol::plans::create),
    );
    t.add(
        doc(
            "get",
            "/api/patrol-routes/completion",
            "patrol",
            "Expected vs done for a day, by route, unit, grid or guard",
        )
        .res("Completion")
        .perm(P::PatrolRead),
        get(patrol::plans::completion_report),
    );
    t.add(
        doc(
            "get",
            "/api/patrol-routes/{id}",
            "patrol",
            "One patrol route",
        )
        .res("PatrolRouteOut")
        .perm(P::CheckpointRead),
        get(patrol::plans::get),
    );
    t.add(
        doc(
            "patch",
            "/api/patrol-routes/{id}",
            "patrol",
            "Update a patrol route",
        )
        .req("PatrolRoutePatch")
        .res("PatrolRouteOut")
        .perm(P::CheckpointWrite),
        patch(patrol::plans::patch),
    );
    t.add(
        doc(
            "get",
            "/api/shift-templates",
            "patrol",
            "Shift templates of visible posts",
        )
        .res("[ShiftTemplateOut]")
        .perm(P::CheckpointRead),
        get(patrol::templates::list),
    );
    t.add(
        doc(
            "post",
            "/api/shift-templates",
            "patrol",
            "Create a shift template",
        )
        .req("ShiftTemplateCreate")
        .res("ShiftTemplateOut")
        .status(201)
        .perm(P::CheckpointWrite),
        post(patrol::templates::create),
    );
    t.add(
        doc(
            "post",
            "/api/shift-templates/import",
            "patrol",
            "Import the roster from .xlsx (all rows or none)",
        )
        .req("multipart")
        .res("ImportResult")
        .perm(P::CheckpointWrite),
        post(patrol::templates::import_roster),
    );
    t.add(
        doc(
            "get",
            "/api/shift-templates/import-template.xlsx",
            "patrol",
            "Roster import template",
        )
        .res("xlsx")
        .perm(P::CheckpointWrite),
        get(patrol::templates::template),
    );
    super::directive_table::routes(t);
    t.add(
        doc(
            "get",
            "/api/ws",
            "realtime",
            "WebSocket: subscribe, ping; events map and alerts",
        )
        .public(),
        get(socket::upgrade),
    );
}
