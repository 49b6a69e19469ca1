//! The one API error type: HTTP status, stable snake_case code, Chinese and English
//! message, optional details. Internal causes are logged with the request id, never sent.

use axum::response::{IntoResponse, Response};
use http::StatusCode;
use jingbao_api::ErrorDetail;
use jingbao_store::StoreError;
use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
    pub details: Option<Vec<ErrorDetail>>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: &'static str,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Self {
        ApiError {
            status,
            code,
            zh: zh.into(),
            en: en.into(),
            details: None,
        }
    }

    pub fn with_details(mut self, d: Vec<ErrorDetail>) -> Self {
        self.details = Some(d);
        self
    }

    pub fn malformed_json(reason: String) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "请求体不是有效的 JSON",
            "The request body is not valid JSON",
        )
        .with_details(vec![ErrorDetail::field("body", "malformed_json", reason)])
    }
    pub fn validation(details: Vec<ErrorDetail>) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "提交的数据有误，请检查后重试",
            "Some fields are invalid",
        )
        .with_details(details)
    }
    pub fn invalid_field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self::validation(vec![ErrorDetail::field(field, code, message)])
    }
    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "请先登录",
            "Please sign in",
        )
    }
    pub fn invalid_credentials() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            "用户名或密码错误",
            "Wrong username or password",
        )
    }
    pub fn totp_required() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "totp_required",
            "请输入动态验证码",
            "Enter the one-time code",
        )
    }
    pub fn invalid_totp() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "invalid_totp",
            "动态验证码错误",
            "The one-time code is wrong",
        )
    }
    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "无权执行此操作",
            "You may not do this",
        )
    }
    pub fn csrf_failed() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "csrf_failed",
            "请求校验失败，请刷新页面后重试",
            "Request check failed; reload the page",
        )
    }
    pub fn password_change_required() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "password_change_required",
            "请先修改初始密码",
            "Change your initial password first",
        )
    }
    pub fn totp_enrollment_required() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "totp_enrollment_required",
            "请先绑定动态验证码",
            "Set up your one-time codes first",
        )
    }
    pub fn display_read_only() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "大屏会话只读",
            "Wall-screen sessions are read-only",
        )
    }
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "对象不存在或无权查看",
            "Not found",
        )
    }
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "不支持此请求方法",
            "Method not allowed",
        )
    }
    pub fn conflict(field: &str) -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "conflict",
            "数据已存在，不能重复",
            "This value is already taken",
        )
        .with_details(vec![ErrorDetail::field(field, "taken", "already taken")])
    }
    pub fn payload_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "请求体过大",
            "The request body is too large",
        )
    }
    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "请求内容类型不受支持",
            "Unsupported content type",
        )
    }
    pub fn account_locked() -> Self {
        Self::new(
            StatusCode::LOCKED,
            "account_locked",
            "连续登录失败次数过多，账号已锁定 30 分钟",
            "Too many failed sign-ins; the account is locked for 30 minutes",
        )
    }
    pub fn too_many_requests() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            "请求过于频繁",
            "Too many requests",
        )
    }
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "服务器内部错误，请稍后重试",
            "Internal error; please retry later",
        )
    }

    /// Maps a bare status (from the router or a layer) to its error.
    pub fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => Self::not_found(),
            StatusCode::METHOD_NOT_ALLOWED => Self::method_not_allowed(),
            StatusCode::PAYLOAD_TOO_LARGE => Self::payload_too_large(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::unsupported_media_type(),
            StatusCode::TOO_MANY_REQUESTS => Self::too_many_requests(),
            StatusCode::UNAUTHORIZED => Self::unauthenticated(),
            StatusCode::FORBIDDEN => Self::forbidden(),
            StatusCode::BAD_REQUEST => Self::new(status, "bad_request", "请求有误", "Bad request"),
            StatusCode::REQUEST_TIMEOUT => {
                Self::new(status, "timeout", "请求超时", "Request timed out")
            }
            s if s.is_client_error() => Self::new(s, "bad_request", "请求有误", "Bad request"),
            _ => Self::internal(),
        }
    }
}

impl IntoResponse for ApiError {
    /// The body is rendered by the envelope layer, which knows the request id and language.
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(self);
        res
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::not_found(),
            StoreError::Conflict(field) => ApiError::conflict(&field),
            StoreError::Invalid { field, reason } => {
                ApiError::invalid_field(&field, "invalid", reason)
            }
            other => {
                tracing::error!(error = %other, "store error");
                ApiError::internal()
            }
        }
    }
}
