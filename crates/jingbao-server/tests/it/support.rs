//! The test app: fixture data, a manual clock, cheap password hashing, and request helpers
//! that behave like a browser (cookie + CSRF) or a script (bearer token).

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use chrono::{TimeZone, Utc};
use http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use jingbao_server::seed::fixture::{self, Fixture};
use jingbao_server::{AppState, HashProfile, ManualClock, ServerConfig, app};
use jingbao_store::Store;
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::Arc;
use tower::ServiceExt;

pub struct TestApp {
    pub state: AppState,
    pub router: Router,
    pub store: Store,
    pub clock: Arc<ManualClock>,
    pub fx: Fixture,
}

#[derive(Clone, Debug)]
pub enum Auth {
    None,
    Cookie { cookie: String, csrf: String },
    Bearer(String),
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or(Value::Null)
    }
    pub fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or("").to_string()
    }
}

pub fn config() -> ServerConfig {
    ServerConfig {
        hash_profile: HashProfile::TestCheap,
        ..ServerConfig::default()
    }
}

impl TestApp {
    pub async fn new(store: Store) -> TestApp {
        Self::with_config(store, config()).await
    }

    pub async fn with_config(store: Store, cfg: ServerConfig) -> TestApp {
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter("warn")
            .try_init();
        let start = Utc
            .with_ymd_and_hms(2026, 11, 23, 1, 0, 0)
            .single()
            .expect("time");
        let clock = Arc::new(ManualClock::new(start));
        let fx = fixture::seed(&store, start).await.expect("fixture");
        let state = AppState::new(store.clone(), cfg, clock.clone());
        jingbao_server::patrol::boot::load(&state)
            .await
            .expect("presence");
        TestApp {
            router: app(state.clone()),
            store,
            clock,
            fx,
            state,
        }
    }

    pub async fn send(&self, method: Method, path: &str, auth: &Auth, body: Option<Value>) -> Resp {
        self.send_from(method, path, auth, body, "127.0.0.1:5555")
            .await
    }

    pub async fn send_from(
        &self,
        method: Method,
        path: &str,
        auth: &Auth,
        body: Option<Value>,
        from: &str,
    ) -> Resp {
        let mut b = Request::builder().method(method).uri(path);
        match auth {
            Auth::None => {}
            Auth::Cookie { cookie, csrf } => {
                b = b
                    .header("cookie", cookie.clone())
                    .header("x-csrf-token", csrf.clone());
            }
            Auth::Bearer(t) => {
                b = b.header("authorization", format!("Bearer {t}"));
            }
        }
        let body = match body {
            Some(v) => {
                b = b.header("content-type", "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        let mut req = b.body(body).expect("request");
        req.extensions_mut()
            .insert(ConnectInfo(from.parse::<SocketAddr>().expect("addr")));
        self.raw(req).await
    }

    pub async fn raw(&self, mut req: Request<Body>) -> Resp {
        if req.extensions().get::<ConnectInfo<SocketAddr>>().is_none() {
            req.extensions_mut().insert(ConnectInfo(
                "127.0.0.1:5555".parse::<SocketAddr>().expect("addr"),
            ));
        }
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        Resp {
            status,
            headers,
            bytes,
        }
    }

    pub async fn get(&self, path: &str, auth: &Auth) -> Resp {
        self.send(Method::GET, path, auth, None).await
    }

    pub async fn post(&self, path: &str, auth: &Auth, body: Value) -> Resp {
        self.send(Method::POST, path, auth, Some(body)).await
    }

    pub async fn patch(&self, path: &str, auth: &Auth, body: Value) -> Resp {
        self.send(Method::PATCH, path, auth, Some(body)).await
    }

    /// Signs in through the console endpoint; panics unless it works.
    pub async fn login(&self, username: &str) -> Auth {
        let r = self
            .post(
                "/api/auth/login",
                &Auth::None,
                serde_json::json!({"username": username, "password": fixture::PASSWORD}),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "login {username}: {}",
            String::from_utf8_lossy(&r.bytes)
        );
        let set = r
            .headers
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .expect("cookie")
            .to_string();
        let cookie = set.split(';').next().expect("pair").to_string();
        Auth::Cookie {
            cookie,
            csrf: r.json()["csrf_token"].as_str().expect("csrf").to_string(),
        }
    }

    pub async fn token(&self, username: &str) -> Auth {
        let r = self
            .post(
                "/api/auth/token",
                &Auth::None,
                serde_json::json!({"username": username, "password": fixture::PASSWORD}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "token {username}");
        Auth::Bearer(r.json()["token"].as_str().expect("token").to_string())
    }

    pub fn uid(&self, username: &str) -> uuid::Uuid {
        *self.fx.users.get(username).expect("fixture user")
    }
}

pub fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| i["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

impl TestApp {
    pub fn clock_now(&self) -> chrono::DateTime<chrono::Utc> {
        use jingbao_server::Clock;
        self.clock.now()
    }
}
