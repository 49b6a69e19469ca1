//! The directives part of the route table (docs/API-directives.md).

use super::{LIST_Q, Table, doc};
use axum::routing::{get, post};
use jingbao_domain::Permission;

/// Directives (docs/API-directives.md).
pub(super) fn routes(t: &mut Table) {
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
