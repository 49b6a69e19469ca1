//! Server settings that handlers read: session lifetimes, cookie security, the wall-screen
//! address ranges, body limits and the password-hash cost.

use ipnet::IpNet;
use std::time::Duration;

/// Argon2id cost. `TestCheap` exists for test fixtures only; `serve` refuses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashProfile {
    /// m = 19 MiB, t = 2, p = 1 (OWASP's argon2id minimum).
    Production,
    /// m = 64 KiB, t = 1, p = 1.
    TestCheap,
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Node name shown by /api/health.
    pub node_id: String,
    /// Sets `Secure` on the session cookie (when served over HTTPS).
    pub secure_cookies: bool,
    pub hash_profile: HashProfile,
    /// Console sessions end after this much inactivity.
    pub console_idle: Duration,
    /// Guard-app sessions last through a shift.
    pub guard_ttl: Duration,
    /// Bearer tokens.
    pub api_ttl: Duration,
    /// Wall-screen sessions have no idle timeout; they still expire.
    pub display_ttl: Duration,
    /// Addresses from which a wall-screen session may be opened and used.
    pub display_ip_ranges: Vec<IpNet>,
    /// Require a second factor for command officers too.
    pub officer_totp: bool,
    pub json_limit: usize,
    pub upload_limit: usize,
    /// An intranet tile server for the map (`…/{z}/{x}/{y}.png`); none by default, the map
    /// then draws only our own layers.
    pub tile_url: Option<String>,
    /// Where escalation notifications are POSTed (an SMS gateway, a WeCom/DingTalk robot).
    pub notify_webhook: Option<String>,
    /// NATS server shared by the nodes (`nats://host:4222`); none on a single node.
    pub nats_url: Option<String>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            node_id: "node-1".into(),
            secure_cookies: false,
            hash_profile: HashProfile::Production,
            console_idle: Duration::from_secs(15 * 60),
            guard_ttl: Duration::from_secs(24 * 3600),
            api_ttl: Duration::from_secs(24 * 3600),
            display_ttl: Duration::from_secs(30 * 24 * 3600),
            display_ip_ranges: vec![
                "127.0.0.0/8".parse().expect("literal"),
                "::1/128".parse().expect("literal"),
            ],
            officer_totp: false,
            json_limit: 1024 * 1024,
            upload_limit: 20 * 1024 * 1024,
            tile_url: None,
            notify_webhook: None,
            nats_url: None,
        }
    }
}
