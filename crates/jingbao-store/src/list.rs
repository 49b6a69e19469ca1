//! List queries shared by every resource: paging, text search, sorting and filters, and the
//! page they return.

use crate::error::{Result, StoreError};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryOrder, QuerySelect,
    Select,
};
use std::collections::BTreeMap;

pub const MAX_PAGE_SIZE: u64 = 200;

/// A validated list request.
#[derive(Debug, Clone)]
pub struct ListQuery {
    /// 1-based.
    pub page: u64,
    pub page_size: u64,
    pub q: Option<String>,
    /// Field name and descending flag.
    pub sort: Option<(String, bool)>,
    pub filters: BTreeMap<String, String>,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            page: 1,
            page_size: 20,
            q: None,
            sort: None,
            filters: BTreeMap::new(),
        }
    }
}

impl ListQuery {
    pub fn offset(&self) -> u64 {
        (self.page.saturating_sub(1)).saturating_mul(self.page_size)
    }

    pub fn filter(&self, name: &str) -> Option<&str> {
        self.filters
            .get(name)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// Everything in one go (exports), still bounded.
    pub fn all_rows(mut self, cap: u64) -> Self {
        self.page = 1;
        self.page_size = cap;
        self
    }
}

#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
        }
    }
}

/// Counts, sorts and pages a select. `sortable` names the fields a caller may sort by; the
/// default order is the first of them ascending. An unknown field is `StoreError::Invalid`.
pub async fn paginate<E, C>(
    db: &C,
    sel: Select<E>,
    q: &ListQuery,
    sortable: &[(&str, E::Column)],
    tiebreak: E::Column,
) -> Result<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    let (col, order) = match &q.sort {
        None => (
            sortable.first().map(|s| s.1).unwrap_or(tiebreak),
            Order::Asc,
        ),
        Some((field, desc)) => {
            let col = sortable
                .iter()
                .find(|(name, _)| name == field)
                .map(|(_, c)| *c)
                .ok_or_else(|| StoreError::Invalid {
                    field: "sort".into(),
                    reason: format!(
                        "cannot sort by {field}; use one of {}",
                        sortable.iter().map(|s| s.0).collect::<Vec<_>>().join(", ")
                    ),
                })?;
            (col, if *desc { Order::Desc } else { Order::Asc })
        }
    };
    let total = sel.clone().count(db).await?;
    let items = sel
        .order_by(col, order)
        .order_by_asc(tiebreak)
        .offset(q.offset())
        .limit(q.page_size)
        .all(db)
        .await?;
    Ok(Page { items, total })
}

/// `%text%` for a LIKE search; `%` and `_` in the text match themselves.
pub fn like_pattern(text: &str) -> sea_orm::sea_query::LikeExpr {
    let mut escaped = String::with_capacity(text.len() + 2);
    escaped.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '!') {
            escaped.push('!');
        }
        escaped.push(c);
    }
    escaped.push('%');
    sea_orm::sea_query::LikeExpr::new(escaped).escape('!')
}

/// A condition that matches rows whose text column contains `text` in any of `cols`.
pub fn search_any<C: ColumnTrait>(cols: &[C], text: &str) -> sea_orm::Condition {
    let pat = like_pattern(text);
    cols.iter().fold(sea_orm::Condition::any(), |c, col| {
        c.add(col.like(pat.clone()))
    })
}
