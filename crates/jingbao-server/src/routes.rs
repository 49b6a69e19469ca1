//! The route table: every API route is registered here together with its documentation, so
//! the router and `GET /api/openapi.json` cannot drift apart.

use crate::auth::{login, me, sessions};
use crate::patrol;
use crate::realtime::socket;
use crate::resources::{
    audit, buildings, checkpoints, companies, guards, health, map, org_units, roles, users,
};
use crate::state::AppState;
use axum::Extension;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{MethodRouter, get, patch, post};
use jingbao_domain::Permission;

/// What the OpenAPI document says about one route.
#[derive(Debug, Clone)]
pub struct RouteDoc {
    pub method: &'static str,
    pub path: &'static str,
    pub tag: &'static str,
    pub summary: &'static str,
    /// Schema name of the JSON body, or "multipart".
    pub request: Option<&'static str>,
    /// Schema name of the answer; `[Name]` for a page of Name, `Name[]` for an array,
    /// "xlsx" for a workbook.
    pub response: Option<&'static str>,
    pub status: u16,
    pub public: bool,
    pub query: &'static [&'static str],
    /// The permission the caller must hold; checked before the body is read.
    pub perm: Option<Permission>,
}

/// The permission a route requires, placed in the request's extensions by the route table
/// and enforced by the `Caller` extractor.
#[derive(Debug, Clone, Copy)]
pub struct RequiredPermission(pub Permission);

const fn doc(
    method: &'static str,
    path: &'static str,
    tag: &'static str,
    summary: &'static str,
) -> RouteDoc {
    RouteDoc {
        method,
        path,
        tag,
        summary,
        request: None,
        response: None,
        status: 200,
        public: false,
        query: &[],
        perm: None,
    }
}

impl RouteDoc {
    const fn req(mut self, r: &'static str) -> Self {
        self.request = Some(r);
        self
    }
    const fn res(mut self, r: &'static str) -> Self {
        self.response = Some(r);
        self
    }
    const fn status(mut self, s: u16) -> Self {
        self.status = s;
        self
    }
    const fn public(mut self) -> Self {
        self.public = true;
        self
    }
    const fn query(mut self, q: &'static [&'static str]) -> Self {
        self.query = q;
        self
    }
    const fn perm(mut self, p: Permission) -> Self {
        self.perm = Some(p);
        self
    }
}

#[derive(Default)]
struct Table {
    router: Router<AppState>,
    docs: Vec<RouteDoc>,
}

impl Table {
    fn add(&mut self, d: RouteDoc, mr: MethodRouter<AppState>) {
        let mr = match d.perm {
            Some(p) => mr.layer(Extension(RequiredPermission(p))),
            None => mr,
        };
        let router = std::mem::take(&mut self.router);
        self.router = router.route(d.path, mr);
        self.docs.push(d);
    }
}

const LIST_Q: &[&str] = &["page", "page_size", "q", "sort"];

/// The five standard routes of a resource: list, create, export, get, patch.
struct Resource {
    base: &'static str,
    tag: &'static str,
    out: &'static str,
    create: &'static str,
    patch: &'static str,
    read: Permission,
    write: Permission,
}

/// Handlers of one resource's standard routes.
struct Handlers {
    list: MethodRouter<AppState>,
    create: MethodRouter<AppState>,
    export: MethodRouter<AppState>,
    get: MethodRouter<AppState>,
    patch: MethodRouter<AppState>,
    history: MethodRouter<AppState>,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl Table {
    fn resource(&mut self, r: Resource, h: Handlers) {
        let one = leak(format!("{}/{{id}}", r.base));
        let export = leak(format!("{}/export.xlsx", r.base));
        let page = leak(format!("[{}]", r.out));
        let history = leak(format!("{}/{{id}}/history", r.base));
        self.add(
            doc(
                "get",
                r.base,
                r.tag,
                "List (paged, searchable, sortable, scoped)",
            )
            .res(page)
            .query(LIST_Q)
            .perm(r.read),
            h.list,
        );
        self.add(
            doc("post", r.base, r.tag, "Create")
                .req(r.create)
                .res(r.out)
                .status(201)
                .perm(r.write),
            h.create,
        );
        self.add(
            doc(
                "get",
                export,
                r.tag,
                "Export the filtered list (masked, audited)",
            )
            .res("xlsx")
            .query(LIST_Q)
            .perm(r.read),
            h.export,
        );
        self.add(
            doc("get", one, r.tag, "Get one").res(r.out).perm(r.read),
            h.get,
        );
        self.add(
            doc("patch", one, r.tag, "Update the fields sent")
                .req(r.patch)
                .res(r.out)
                .perm(r.write),
            h.patch,
        );
        self.add(
            doc(
                "get",
                history,
                r.tag,
                "Timeline of the object (audit records about it)",
            )
            .res("AuditRecordOut[]")
            .perm(r.read),
            h.history,
        );
    }

    fn importable(
        &mut self,
        base: &'static str,
        tag: &'static str,
        write: Permission,
        import: MethodRouter<AppState>,
        template: MethodRouter<AppState>,
        limit: usize,
    ) {
        let path = leak(format!("{base}/import"));
        let tpl = leak(format!("{base}/import-template.xlsx"));
        self.add(
            doc("post", path, tag, "Import from .xlsx (all rows or none)")
                .req("multipart")
                .res("ImportResult")
                .perm(write),
            import.layer(DefaultBodyLimit::max(limit)),
        );
        self.add(
            doc("get", tpl, tag, "Import template")
                .res("xlsx")
                .perm(write),
            template,
        );
    }
}

macro_rules! handlers {
    ($m:ident) => {
        Handlers {
            list: get($m::list),
            create: post($m::create),
            export: get($m::export),
            get: get($m::get),
            patch: patch($m::patch),
            history: get($m::history),
        }
    };
}

/// The API router and the documentation of every route in it.
pub fn api(upload_limit: usize) -> (Router<AppState>, Vec<RouteDoc>) {
    use Permission as P;
    let mut t = Table::default();
    t.add(
        doc("get", "/api/health", "system", "Health and store kind")
            .res("Health")
            .public(),
        get(health::health),
    );
    t.add(
        doc("get", "/api/openapi.json", "system", "This document")
            .res("object")
            .public(),
        get(crate::openapi::serve),
    );
    t.add(
        doc(
            "post",
            "/api/auth/login",
            "auth",
            "Sign in (cookie session)",
        )
        .req("LoginRequest")
        .res("LoginResponse")
        .public(),
        post(login::login),
    );
    t.add(
        doc(
            "post",
            "/api/auth/token",
            "auth",
            "Sign in for a bearer token",
        )
        .req("LoginRequest")
        .res("TokenResponse")
        .public(),
        post(login::token_login),
    );
    t.add(
        doc("post", "/api/auth/logout", "auth", "Sign out").status(204),
        post(login::logout),
    );
    t.add(
        doc("get", "/api/me", "auth", "The signed-in user").res("Me"),
        get(me::get_me),
    );
    t.add(
        doc("post", "/api/me/password", "auth", "Change own password")
            .req("ChangePasswordRequest")
            .status(204),
        post(me::change_password),
    );
    t.add(
        doc(
            "post",
            "/api/me/totp/setup",
            "auth",
            "Start second-factor setup",
        )
        .res("TotpSetupResponse"),
        post(me::totp_setup),
    );
    t.add(
        doc(
            "post",
            "/api/me/totp/enable",
            "auth",
            "Confirm second factor",
        )
        .req("TotpEnableRequest")
        .status(204),
        post(me::totp_enable),
    );
    t.add(
        doc(
            "get",
            "/api/sessions",
            "auth",
            "Live sessions (own; everyone's for security admins)",
        )
        .res("[SessionOut]"),
        get(sessions::list),
    );
    t.add(
        doc("post", "/api/sessions/{id}/revoke", "auth", "End a session").status(204),
        post(sessions::revoke),
    );
    t.add(
        doc("get", "/api/roles", "system", "Role catalogue").res("RoleOut[]"),
        get(roles::list),
    );
    t.add(
        doc(
            "get",
            "/api/org-units/tree",
            "org",
            "Visible organisation tree",
        )
        .res("OrgTreeNode[]")
        .perm(P::OrgRead),
        get(org_units::tree),
    );
    t.resource(
        Resource {
            base: "/api/org-units",
            tag: "org",
            out: "OrgUnitOut",
            create: "OrgUnitCreate",
            patch: "OrgUnitPatch",
            read: P::OrgRead,
            write: P::OrgWrite,
        },
        handlers!(org_units),
    );
    t.resource(
        Resource {
            base: "/api/buildings",
            tag: "org",
            out: "BuildingOut",
            create: "BuildingCreate",
            patch: "BuildingPatch",
            read: P::BuildingRead,
            write: P::BuildingWrite,
        },
        handlers!(buildings),
    );
    t.resource(
        Resource {
            base: "/api/checkpoints",
            tag: "org",
            out: "CheckpointOut",
            create: "CheckpointCreate",
            patch: "CheckpointPatch",
            read: P::CheckpointRead,
            write: P::CheckpointWrite,
        },
        handlers!(checkpoints),
    );
    t.importable(
        "/api/checkpoints",
        "org",
        P::CheckpointWrite,
        post(checkpoints::import),
        get(checkpoints::template),
        upload_limit,
    );
    t.resource(
        Resource {
            base: "/api/guards",
            tag: "people",
            out: "GuardOut",
            create: "GuardCreate",
            patch: "GuardPatch",
            read: P::GuardRead,
            write: P::GuardWrite,
        },
        handlers!(guards),
    );
    t.importable(
        "/api/guards",
        "people",
        P::GuardWrite,
        post(guards::import),
        get(guards::template),
        upload_limit,
    );
    t.resource(
        Resource {
            base: "/api/companies",
            tag: "people",
            out: "CompanyOut",
            create: "CompanyCreate",
            patch: "CompanyPatch",
            read: P::CompanyRead,
            write: P::CompanyWrite,
        },
        handlers!(companies),
    );
    t.importable(
        "/api/companies",
        "people",
        P::CompanyWrite,
        post(companies::import),
        get(companies::template),
        upload_limit,
    );
    t.resource(
        Resource {
            base: "/api/users",
            tag: "people",
            out: "UserOut",
            create: "UserCreate",
            patch: "UserPatch",
            read: P::UserRead,
            write: P::UserWrite,
        },
        handlers!(users),
    );
    t.add(
        doc("get", "/api/audit", "system", "Audit log")
            .res("[AuditRecordOut]")
            .query(LIST_Q)
            .perm(P::AuditRead),
        get(audit::list),
    );
    t.add(
        doc(
            "get",
            "/api/audit/export.xlsx",
            "system",
            "Export the audit log",
        )
        .res("xlsx")
        .query(LIST_Q)
        .perm(P::AuditRead),
        get(audit::export),
    );
    patrol_routes(&mut t);
    t.add(
        doc("get", "/api/map/base", "map", "Offline map base layers")
            .res("MapBase")
            .perm(P::BuildingRead),
        get(map::base),
    );
    (t.router, t.docs)
}

/// Patrol and presence routes (docs/API-patrol.md).
fn patrol_routes(t: &mut Table) {
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
    directive_routes(t);
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

/// Directives (docs/API-directives.md).
fn directive_routes(t: &mut Table) {
    use crate::directives::{board, guard, issue};
    use Permission as P;
    t.add(
        doc("post", "/api/directives", "directives", "Issue a directive")
            .req("DirectiveCreate")
            .res("DirectiveCreated")
            .status(201)
            .perm(P::DirectiveIssue),
        post(issue::create),
    );
    t.add(
        doc(
            "get",
            "/api/directives",
            "directives",
            "Directives (scoped)",
        )
        .res("[DirectiveOut]")
        .query(LIST_Q)
        .perm(P::CapDirectives),
        get(board::list),
    );
    t.add(
        doc(
            "get",
            "/api/directives/{id}",
            "directives",
            "A directive with its recipients",
        )
        .res("DirectiveDetail")
        .perm(P::CapDirectives),
        get(board::get),
    );
    t.add(
        doc(
            "get",
            "/api/directives/{id}/board",
            "directives",
            "The live ack board",
        )
        .res("Board")
        .perm(P::CapDirectives),
        get(board::board),
    );
    t.add(
        doc(
            "post",
            "/api/directives/{id}/cancel",
            "directives",
            "Cancel",
        )
        .res("DirectiveOut")
        .perm(P::DirectiveIssue),
        post(issue::cancel),
    );
    t.add(
        doc(
            "post",
            "/api/directives/{id}/resend",
            "directives",
            "Push again to those not signed",
        )
        .res("object")
        .perm(P::DirectiveIssue),
        post(issue::resend),
    );
    t.add(
        doc(
            "post",
            "/api/directives/{id}/ack",
            "directives",
            "Sign for (签收)",
        )
        .req("AckRequest")
        .res("AckReply")
        .perm(P::PatrolSubmit),
        post(guard::ack),
    );
    t.add(
        doc(
            "post",
            "/api/directives/{id}/feedback",
            "directives",
            "Report what was done (落实反馈)",
        )
        .req("FeedbackRequest")
        .res("AckReply")
        .perm(P::PatrolSubmit),
        post(guard::feedback),
    );
    t.add(
        doc(
            "post",
            "/api/ack-tests",
            "directives",
            "Start an ack test (每月测试) to the units in scope",
        )
        .res("object")
        .status(201)
        .perm(P::DirectiveIssue),
        post(crate::directives::ack_tests::start),
    );
    t.add(
        doc(
            "get",
            "/api/ack-tests/ranking",
            "directives",
            "A month's ranking: test and other directives, units to interview",
        )
        .res("object")
        .perm(P::CapDirectives),
        get(crate::directives::ack_tests::ranking),
    );
    t.add(
        doc(
            "get",
            "/api/ack-tests/{id}/results",
            "directives",
            "Per-unit results of an ack test",
        )
        .res("object")
        .perm(P::CapDirectives),
        get(crate::directives::ack_tests::results),
    );
    t.add(
        doc(
            "post",
            "/api/bulletins",
            "directives",
            "Write the month's bulletin (月度通报)",
        )
        .res("object")
        .status(201)
        .perm(P::DirectiveIssue),
        post(crate::directives::bulletins::create),
    );
    t.add(
        doc(
            "get",
            "/api/bulletins",
            "directives",
            "Bulletins (?month=YYYY-MM)",
        )
        .res("object")
        .perm(P::CapDirectives),
        get(crate::directives::bulletins::list),
    );
    t.add(
        doc(
            "get",
            "/api/bulletins/{id}/docx",
            "directives",
            "The bulletin as an editable Word document",
        )
        .res("object")
        .perm(P::CapDirectives),
        get(crate::directives::bulletins::docx),
    );
    t.add(
        doc(
            "get",
            "/api/bulletins/{id}/xlsx",
            "directives",
            "The bulletin's Excel annex",
        )
        .res("xlsx")
        .perm(P::CapDirectives),
        get(crate::directives::bulletins::xlsx),
    );
    t.add(
        doc(
            "post",
            "/api/interviews",
            "directives",
            "Record an interview with a unit (约谈记录)",
        )
        .res("object")
        .status(201)
        .perm(P::DirectiveIssue),
        post(crate::directives::interviews::create),
    );
    t.add(
        doc(
            "get",
            "/api/interviews",
            "directives",
            "Interview records (?month=YYYY-MM)",
        )
        .res("object")
        .perm(P::CapDirectives),
        get(crate::directives::interviews::list),
    );
    t.add(
        doc(
            "get",
            "/api/me/directives",
            "directives",
            "The guard's directives (?open=true)",
        )
        .res("[MyDirective]")
        .perm(P::PatrolSubmit),
        get(guard::mine),
    );
}
