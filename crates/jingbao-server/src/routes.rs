//! The route table: every API route is registered here together with its documentation, so
//! the router and `GET /api/openapi.json` cannot drift apart.

use crate::auth::{login, me, sessions};
use crate::resources::{
    audit, buildings, checkpoints, companies, guards, health, map, org_units, roles, users,
};
use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{MethodRouter, get, patch, post};

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
}

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
}

#[derive(Default)]
struct Table {
    router: Router<AppState>,
    docs: Vec<RouteDoc>,
}

impl Table {
    fn add(&mut self, d: RouteDoc, mr: MethodRouter<AppState>) {
        let router = std::mem::take(&mut self.router);
        self.router = router.route(d.path, mr);
        self.docs.push(d);
    }
}

const LIST_Q: &[&str] = &["page", "page_size", "q", "sort"];

/// Registers the standard list/get/create/patch/export routes of one resource.
macro_rules! resource {
    ($t:expr, $base:literal, $tag:literal, $name:literal, $out:literal, $create:literal, $patch:literal, $m:ident) => {{
        $t.add(
            doc("get", $base, $tag, concat!("List ", $name))
                .res(concat!("[", $out, "]"))
                .query(LIST_Q),
            get($m::list),
        );
        $t.add(
            doc("post", $base, $tag, concat!("Create ", $name))
                .req($create)
                .res($out)
                .status(201),
            post($m::create),
        );
        $t.add(
            doc(
                "get",
                concat!($base, "/export.xlsx"),
                $tag,
                concat!("Export ", $name, " (filtered, masked, audited)"),
            )
            .res("xlsx")
            .query(LIST_Q),
            get($m::export),
        );
        $t.add(
            doc(
                "get",
                concat!($base, "/{id}"),
                $tag,
                concat!("Get one ", $name),
            )
            .res($out),
            get($m::get),
        );
        $t.add(
            doc(
                "patch",
                concat!($base, "/{id}"),
                $tag,
                concat!("Update ", $name),
            )
            .req($patch)
            .res($out),
            patch($m::patch),
        );
    }};
}

macro_rules! importable {
    ($t:expr, $base:literal, $tag:literal, $name:literal, $m:ident, $limit:expr) => {{
        $t.add(
            doc(
                "post",
                concat!($base, "/import"),
                $tag,
                concat!("Import ", $name, " from .xlsx (all or nothing)"),
            )
            .req("multipart")
            .res("ImportResult"),
            post($m::import).layer(DefaultBodyLimit::max($limit)),
        );
        $t.add(
            doc(
                "get",
                concat!($base, "/import-template.xlsx"),
                $tag,
                concat!("Import template for ", $name),
            )
            .res("xlsx"),
            get($m::template),
        );
    }};
}

/// The API router and the documentation of every route in it.
pub fn api(upload_limit: usize) -> (Router<AppState>, Vec<RouteDoc>) {
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
        .res("OrgTreeNode[]"),
        get(org_units::tree),
    );
    resource!(
        t,
        "/api/org-units",
        "org",
        "org units",
        "OrgUnitOut",
        "OrgUnitCreate",
        "OrgUnitPatch",
        org_units
    );
    resource!(
        t,
        "/api/buildings",
        "org",
        "buildings",
        "BuildingOut",
        "BuildingCreate",
        "BuildingPatch",
        buildings
    );
    resource!(
        t,
        "/api/checkpoints",
        "org",
        "checkpoints",
        "CheckpointOut",
        "CheckpointCreate",
        "CheckpointPatch",
        checkpoints
    );
    importable!(
        t,
        "/api/checkpoints",
        "org",
        "checkpoints",
        checkpoints,
        upload_limit
    );
    resource!(
        t,
        "/api/guards",
        "people",
        "guards",
        "GuardOut",
        "GuardCreate",
        "GuardPatch",
        guards
    );
    importable!(t, "/api/guards", "people", "guards", guards, upload_limit);
    resource!(
        t,
        "/api/companies",
        "people",
        "companies",
        "CompanyOut",
        "CompanyCreate",
        "CompanyPatch",
        companies
    );
    importable!(
        t,
        "/api/companies",
        "people",
        "companies",
        companies,
        upload_limit
    );
    resource!(
        t,
        "/api/users",
        "people",
        "users",
        "UserOut",
        "UserCreate",
        "UserPatch",
        users
    );
    t.add(
        doc("get", "/api/audit", "system", "Audit log")
            .res("[AuditRecordOut]")
            .query(LIST_Q),
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
        .query(LIST_Q),
        get(audit::export),
    );
    t.add(
        doc("get", "/api/map/base", "map", "Offline map base layers").res("MapBase"),
        get(map::base),
    );
    (t.router, t.docs)
}
