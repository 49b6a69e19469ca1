//! The route table: every API route is registered here together with its documentation, so
//! the router and `GET /api/openapi.json` cannot drift apart.

mod directive_table;
mod patrol_table;

use crate::auth::{login, me, sessions};
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
    patrol_table::routes(&mut t);
    t.add(
        doc("get", "/api/map/base", "map", "Offline map base layers")
            .res("MapBase")
            .perm(P::BuildingRead),
        get(map::base),
    );
    (t.router, t.docs)
}
