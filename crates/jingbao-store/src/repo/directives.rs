//! Directives and recipients: scoped lists, a guard's outbox after a cursor, the recipients
//! the escalation job must look at.

use crate::entity::directive::{self, Column as D};
use crate::entity::directive_recipient::{self, Column as R};
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate};
use crate::scope;
use jingbao_domain::DataScope;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

/// Directives the caller issued in its scope, or that reach guards in its scope.
fn visible(s: &DataScope) -> Condition {
    let via_recipients = sea_orm::sea_query::Query::select()
        .column(R::DirectiveId)
        .from(directive_recipient::Entity)
        .cond_where(scope::condition(
            s,
            R::ScopePath,
            s.guard_id.map(|g| (R::GuardId, g)),
        ))
        .to_owned();
    Condition::any()
        .add(scope::condition(s, D::ScopePath, None))
        .add(D::Id.in_subquery(via_recipients))
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    s: &DataScope,
    q: &ListQuery,
) -> Result<Page<directive::Model>> {
    let mut sel = directive::Entity::find().filter(visible(s));
    if let Some(k) = q.filter("kind") {
        sel = sel.filter(D::Kind.eq(k));
    }
    if let Some(st) = q.filter("state") {
        sel = sel.filter(D::State.eq(st));
    }
    let q = ListQuery {
        sort: q.sort.clone().or(Some(("sent_at".into(), true))),
        ..q.clone()
    };
    paginate(
        db,
        sel,
        &q,
        &[
            ("sent_at", D::SentAt),
            ("kind", D::Kind),
            ("title", D::Title),
        ],
        D::Id,
    )
    .await
}

pub async fn get<C: ConnectionTrait>(
    db: &C,
    s: &DataScope,
    id: Uuid,
) -> Result<Option<directive::Model>> {
    Ok(directive::Entity::find_by_id(id)
        .filter(visible(s))
        .one(db)
        .await?)
}

/// Recipients of a directive that the caller may see.
pub async fn recipients<C: ConnectionTrait>(
    db: &C,
    s: &DataScope,
    id: Uuid,
) -> Result<Vec<directive_recipient::Model>> {
    Ok(directive_recipient::Entity::find()
        .filter(R::DirectiveId.eq(id))
        .filter(Condition::any().add(scope::condition(
            s,
            R::ScopePath,
            s.guard_id.map(|g| (R::GuardId, g)),
        )))
        .order_by_asc(R::Seq)
        .all(db)
        .await?)
}

pub async fn all_recipients<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Vec<directive_recipient::Model>> {
    Ok(directive_recipient::Entity::find()
        .filter(R::DirectiveId.eq(id))
        .order_by_asc(R::Seq)
        .all(db)
        .await?)
}

pub async fn recipient<C: ConnectionTrait>(
    db: &C,
    directive: Uuid,
    guard: Uuid,
) -> Result<Option<directive_recipient::Model>> {
    Ok(directive_recipient::Entity::find()
        .filter(R::DirectiveId.eq(directive))
        .filter(R::GuardId.eq(guard))
        .one(db)
        .await?)
}

/// A guard's outbox after `cursor`, in order.
pub async fn outbox_after<C: ConnectionTrait>(
    db: &C,
    guard: Uuid,
    cursor: i64,
    limit: u64,
) -> Result<Vec<directive_recipient::Model>> {
    Ok(directive_recipient::Entity::find()
        .filter(R::GuardId.eq(guard))
        .filter(R::Seq.gt(cursor))
        .order_by_asc(R::Seq)
        .limit(limit)
        .all(db)
        .await?)
}

/// Recipients still waiting for a sign-for (pending, delivered, overdue).
pub async fn unsigned<C: ConnectionTrait>(db: &C) -> Result<Vec<directive_recipient::Model>> {
    Ok(directive_recipient::Entity::find()
        .filter(R::State.is_in(["pending", "delivered"]))
        .all(db)
        .await?)
}

pub async fn by_ids<C: ConnectionTrait>(db: &C, ids: Vec<Uuid>) -> Result<Vec<directive::Model>> {
    Ok(directive::Entity::find()
        .filter(D::Id.is_in(ids))
        .all(db)
        .await?)
}
