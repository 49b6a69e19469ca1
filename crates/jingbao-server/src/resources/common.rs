//! What every resource handler shares: a validation accumulator that yields one 422 with all
//! problems, list responses, and scope-checked lookups of referenced objects.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::state::AppState;
use axum::Json;
use jingbao_api::{ErrorDetail, ListResponse};
use jingbao_domain::OrgKind;
use jingbao_store::entity::org_unit;
use jingbao_store::repo::org_units;
use jingbao_store::{ListQuery, Page};
use uuid::Uuid;

/// Collects field problems; `finish` turns them into one 422.
#[derive(Default)]
pub struct Check {
    pub problems: Vec<ErrorDetail>,
}

impl Check {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.problems.push(ErrorDetail::field(field, code, message));
    }

    /// Text of 1..=max characters after trimming.
    pub fn text(&mut self, field: &str, v: &str, max: usize) {
        let n = v.trim().chars().count();
        if n == 0 {
            self.fail(field, "required", "must not be empty");
        } else if n > max {
            self.fail(field, "too_long", format!("at most {max} characters"));
        }
    }

    pub fn range_f64(&mut self, field: &str, v: f64, min: f64, max: f64) {
        if !v.is_finite() || v < min || v > max {
            self.fail(
                field,
                "out_of_range",
                format!("must be between {min} and {max}"),
            );
        }
    }

    pub fn range_i32(&mut self, field: &str, v: i32, min: i32, max: i32) {
        if v < min || v > max {
            self.fail(
                field,
                "out_of_range",
                format!("must be between {min} and {max}"),
            );
        }
    }

    pub fn one_of(&mut self, field: &str, v: &str, allowed: &[&str]) {
        if !allowed.contains(&v) {
            self.fail(
                field,
                "invalid",
                format!("must be one of {}", allowed.join(", ")),
            );
        }
    }

    pub fn finish(self) -> ApiResult<()> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.problems))
        }
    }
}

pub fn list_response<T>(page: Page<T>, q: &ListQuery) -> Json<ListResponse<T>> {
    Json(ListResponse {
        items: page.items,
        total: page.total,
        page: q.page,
        page_size: q.page_size,
    })
}

/// An org unit of `kind` that the caller may see; a missing or foreign one is a 422 on
/// `field` (the request names something the caller cannot use).
pub async fn org_in_scope(
    st: &AppState,
    c: &Caller,
    id: Uuid,
    kind: OrgKind,
    field: &str,
) -> ApiResult<org_unit::Model> {
    match org_units::get(st.store.db(), &c.scope, id).await? {
        Some(o) if o.kind == kind.code() => Ok(o),
        _ => Err(ApiError::invalid_field(
            field,
            "unknown_reference",
            format!("no {} with this id", kind.code()),
        )),
    }
}

/// A referenced id that must exist and be visible.
pub fn unknown_reference(field: &str) -> ApiError {
    ApiError::invalid_field(field, "unknown_reference", "no such object in your scope")
}

/// Validates a PRC resident ID number: 17 digits and a check character (ISO 7064 MOD 11-2).
pub fn valid_id_number(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = b[..17]
        .iter()
        .zip(W)
        .map(|(d, w)| (d - b'0') as u32 * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize];
    b[17].to_ascii_uppercase() == check
}

pub fn valid_phone(s: &str) -> bool {
    s.len() == 11 && s.starts_with('1') && s.bytes().all(|c| c.is_ascii_digit())
}

pub fn valid_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// Unified social credit code (GB 32100-2015): 18 characters with a check character.
pub fn valid_credit_code(s: &str) -> bool {
    const CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const W: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let v: Vec<usize> = match s.chars().map(|c| CHARS.find(c)).collect::<Option<Vec<_>>>() {
        Some(v) if v.len() == 18 => v,
        _ => return false,
    };
    let sum: usize = v[..17].iter().zip(W).map(|(a, w)| a * w).sum();
    let check = (31 - sum % 31) % 31;
    v[17] == check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers() {
        assert!(valid_id_number("11010519491231002X"));
        assert!(!valid_id_number("110105194912310021"));
        assert!(!valid_id_number("1101051949123100"));
        assert!(valid_phone("13812345678"));
        assert!(!valid_phone("23812345678"));
        assert!(valid_credit_code("91350100M000100Y43"));
        assert!(!valid_credit_code("91350100M000100Y44"));
    }
}
