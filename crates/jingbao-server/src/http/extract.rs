//! Extractors whose failures are coded 4xx errors: JSON bodies (400 malformed, 422 wrong
//! types or missing fields with the field's path, 413 too large, 415 not JSON), UUID path
//! ids (an id that is not a UUID is simply not found), and list queries.

use crate::http::error::ApiError;
use axum::extract::{FromRequest, FromRequestParts, Request};
use bytes::Bytes;
use http::request::Parts;
use jingbao_api::ErrorDetail;
use jingbao_store::ListQuery;
use jingbao_store::list::MAX_PAGE_SIZE;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// A JSON body.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(ct) = req.headers().get(http::header::CONTENT_TYPE) {
            let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
            if !(ct.starts_with("application/json") || ct.contains("+json")) {
                return Err(ApiError::unsupported_media_type());
            }
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::payload_too_large()
            } else {
                ApiError::malformed_json(e.body_text())
            }
        })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// An optional JSON body: empty means none; otherwise it must be JSON (415) and well-formed.
pub fn optional_json<T: DeserializeOwned>(
    headers: &http::HeaderMap,
    bytes: &[u8],
) -> Result<Option<T>, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    if let Some(ct) = headers.get(http::header::CONTENT_TYPE) {
        let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
        if !(ct.starts_with("application/json") || ct.contains("+json")) {
            return Err(ApiError::unsupported_media_type());
        }
    }
    parse_json(bytes).map(Some)
}

/// Parses JSON bytes, telling syntax errors (400) from shape errors (422 with the field).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => Ok(v),
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            match inner.classify() {
                serde_json::error::Category::Data => {
                    let msg = inner.to_string();
                    let (field, code) = field_of(&path, &msg);
                    Err(ApiError::validation(vec![ErrorDetail::field(
                        &field,
                        code,
                        strip_position(&msg),
                    )]))
                }
                _ => Err(ApiError::malformed_json(inner.to_string())),
            }
        }
    }
}

fn between_backticks(msg: &str) -> Option<&str> {
    let start = msg.find('`')? + 1;
    let len = msg[start..].find('`')?;
    Some(&msg[start..start + len])
}

fn field_of(path: &str, msg: &str) -> (String, &'static str) {
    let prefix = if path == "." {
        String::new()
    } else {
        format!("{path}.")
    };
    if msg.starts_with("missing field") {
        let f = between_backticks(msg).unwrap_or("?");
        return (format!("{prefix}{f}"), "required");
    }
    if msg.starts_with("unknown field") {
        let f = between_backticks(msg).unwrap_or("?");
        return (format!("{prefix}{f}"), "unknown_field");
    }
    let field = if path == "." {
        "body".to_string()
    } else {
        path.to_string()
    };
    (field, "invalid_type")
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// A UUID path segment; anything else is 404 (an unknown id).
pub struct IdPath(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for IdPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|_| ApiError::not_found())?;
        Uuid::parse_str(&raw)
            .map(IdPath)
            .map_err(|_| ApiError::not_found())
    }
}

/// The raw query string as a map; malformed encodings are 400.
pub struct QueryMap(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for QueryMap {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Query(m) =
            axum::extract::Query::<HashMap<String, String>>::from_request_parts(parts, state)
                .await
                .map_err(|e| ApiError::invalid_field("query", "invalid_query", e.body_text()))?;
        Ok(QueryMap(m))
    }
}

impl QueryMap {
    pub fn flag(&self, name: &str) -> bool {
        matches!(
            self.0.get(name).map(String::as_str),
            Some("true" | "1" | "yes")
        )
    }

    /// A validated list query; `filters` names the filters this list accepts.
    pub fn list(&self, filters: &[&str]) -> Result<ListQuery, ApiError> {
        let mut problems = Vec::new();
        let num = |name: &str, default: u64, max: u64, problems: &mut Vec<ErrorDetail>| -> u64 {
            match self.0.get(name) {
                None => default,
                Some(v) => match v.parse::<u64>() {
                    Ok(n) if n >= 1 && n <= max => n,
                    _ => {
                        problems.push(ErrorDetail::field(
                            name,
                            "out_of_range",
                            format!("must be a whole number from 1 to {max}"),
                        ));
                        default
                    }
                },
            }
        };
        let page = num("page", 1, 1_000_000, &mut problems);
        let page_size = num("page_size", 20, MAX_PAGE_SIZE, &mut problems);
        let q = self
            .0
            .get("q")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        if q.as_ref().is_some_and(|s| s.chars().count() > 100) {
            problems.push(ErrorDetail::field(
                "q",
                "too_long",
                "at most 100 characters",
            ));
        }
        let sort =
            self.0
                .get("sort")
                .filter(|s| !s.is_empty())
                .map(|s| match s.strip_prefix('-') {
                    Some(f) => (f.to_string(), true),
                    None => (s.trim_start_matches('+').to_string(), false),
                });
        let mut f = BTreeMap::new();
        for name in filters {
            if let Some(v) = self.0.get(*name) {
                f.insert(name.to_string(), v.clone());
            }
        }
        if !problems.is_empty() {
            return Err(ApiError::validation(problems));
        }
        Ok(ListQuery {
            page,
            page_size,
            q,
            sort,
            filters: f,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        floors: i32,
    }

    #[test]
    fn classifies_json_errors() {
        let e = parse_json::<Body>(b"{\"name\": ").expect_err("error");
        assert_eq!(e.code, "malformed_json");
        let e = parse_json::<Body>(b"{\"name\": \"a\", \"floors\": \"x\"}").expect_err("error");
        assert_eq!(e.code, "validation_failed");
        assert_eq!(
            e.details
                .as_ref()
                .and_then(|d| d[0].field.clone())
                .as_deref(),
            Some("floors")
        );
        let e = parse_json::<Body>(b"{\"name\": \"a\"}").expect_err("error");
        assert_eq!(
            e.details
                .as_ref()
                .and_then(|d| d[0].field.clone())
                .as_deref(),
            Some("floors")
        );
        assert_eq!(
            e.details.as_ref().map(|d| d[0].code.clone()).as_deref(),
            Some("required")
        );
        let e =
            parse_json::<Body>(b"{\"name\": \"a\", \"floors\": 1, \"x\": 2}").expect_err("error");
        assert_eq!(
            e.details.as_ref().map(|d| d[0].code.clone()).as_deref(),
            Some("unknown_field")
        );
        let e = parse_json::<Body>(b"[1,2]").expect_err("error");
        assert_eq!(e.code, "validation_failed");
        assert!(parse_json::<Body>(b"{\"name\": \"a\", \"floors\": 3}").is_ok());
    }
}
