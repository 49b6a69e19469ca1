//! `jingbao serve`, and the serving loop `demo` shares: open the store, migrate, build the
//! app, listen, shut down gracefully on Ctrl-C or SIGTERM.

use crate::cli::ServeArgs;
use crate::keys;
use crate::settings::{self, Effective, FileSettings};
use anyhow::{Context, bail};
use jingbao_server::{AppState, HashProfile, ServerConfig, SystemClock, app};
use jingbao_store::{Aes256GcmCipher, Store};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

pub async fn open_store(url: &str, key_hex: &str) -> anyhow::Result<Store> {
    let cipher = Aes256GcmCipher::from_hex(key_hex).map_err(anyhow::Error::msg)?;
    let store = Store::connect(url, Arc::new(cipher))
        .await
        .with_context(|| format!("connecting to {}", settings::redact_url(url)))?;
    store.migrate().await.context("running migrations")?;
    Ok(store)
}

pub fn server_config(e: &Effective) -> anyhow::Result<ServerConfig> {
    let mut ranges = Vec::new();
    for r in e
        .display_ip_ranges
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        ranges.push(
            r.parse()
                .with_context(|| format!("bad address range {r}"))?,
        );
    }
    Ok(ServerConfig {
        node_id: e.node_id.clone(),
        secure_cookies: e.secure_cookies,
        hash_profile: HashProfile::Production,
        display_ip_ranges: ranges,
        officer_totp: e.officer_totp,
        tile_url: e.tile_url.clone(),
        notify_webhook: e.notify_webhook.clone(),
        nats_url: e.nats_url.clone(),
        ..ServerConfig::default()
    })
}

/// TLS material: certificate chain and key, PEM.
pub type Tls = Option<(PathBuf, PathBuf)>;

/// Binds, then calls `ready` with the base URL, then serves (HTTPS when `tls` is given)
/// until a shutdown signal.
pub async fn listen_and_serve(
    store: Store,
    cfg: ServerConfig,
    listen: &str,
    tls: Tls,
    simulate: Option<jingbao_sim::patrol::PatrolConfig>,
    ready: impl FnOnce(String),
) -> anyhow::Result<()> {
    let state = AppState::new(store, cfg, Arc::new(SystemClock));
    jingbao_server::patrol::boot::load(&state)
        .await
        .context("loading live presence")?;
    if let Some(url) = state.config.nats_url.clone() {
        jingbao_server::realtime::bus::attach(
            state.hub.clone(),
            &url,
            "jingbao.events",
            &state.config.node_id,
        )
        .await
        .map_err(|e| anyhow::anyhow!("connecting to NATS at {url}: {e}"))?;
    }
    jingbao_server::patrol::boot::spawn_jobs(state.clone(), std::time::Duration::from_secs(15));
    if let Some(sim) = simulate {
        let transport = Arc::new(jingbao_server::in_process::InProcess {
            router: app(state.clone()),
        });
        tokio::spawn(jingbao_sim::patrol::run(transport, sim));
    }
    let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
    match tls {
        None => {
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .with_context(|| format!("listening on {listen}"))?;
            ready(format!("http://{}/", listener.local_addr()?));
            axum::serve(listener, service)
                .with_graceful_shutdown(shutdown_signal())
                .await?;
        }
        Some((cert, key)) => {
            // One crypto provider for the whole process.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let config = axum_server::tls_rustls::RustlsConfig::from_pem_file(&cert, &key)
                .await
                .with_context(|| {
                    format!(
                        "loading TLS certificate {} and key {}",
                        cert.display(),
                        key.display()
                    )
                })?;
            let listener = std::net::TcpListener::bind(listen)
                .with_context(|| format!("listening on {listen}"))?;
            listener.set_nonblocking(true)?;
            ready(format!("https://{}/", listener.local_addr()?));
            let handle = axum_server::Handle::new();
            let h = handle.clone();
            tokio::spawn(async move {
                shutdown_signal().await;
                h.graceful_shutdown(Some(std::time::Duration::from_secs(10)));
            });
            axum_server::from_tcp_rustls(listener, config)?
                .handle(handle)
                .serve(service)
                .await?;
        }
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

pub async fn run(a: ServeArgs, file: FileSettings) -> anyhow::Result<ExitCode> {
    let e = settings::merge(
        a.db.database_url.clone(),
        &a.common,
        a.data_dir.clone(),
        file,
    );
    let Some(url) = e.database_url.clone() else {
        bail!("--database-url (or JINGBAO_DATABASE_URL) is required")
    };
    let key = keys::field_key(e.field_key.as_deref(), &e.data_dir)?;
    let store = open_store(&url, &key).await?;
    let cfg = server_config(&e)?;
    if let Some(pw) =
        jingbao_server::seed::bootstrap::ensure_admin(&store, cfg.hash_profile, chrono::Utc::now())
            .await?
    {
        crate::say!("admin one-time password: {pw}");
        crate::say!(
            "(shown once; it must be changed at first sign-in, then a second factor set up)"
        );
    }
    let store_kind = store.kind().code();
    let tls = e.tls_cert.clone().zip(e.tls_key.clone());
    listen_and_serve(store, cfg, &e.listen, tls, None, |base| {
        crate::say!("serving on {base} (store: {store_kind})");
        crate::say!("console: {base}");
        crate::say!("guard app: {base}m/");
    })
    .await?;
    Ok(ExitCode::SUCCESS)
}
