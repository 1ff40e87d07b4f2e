use clap::Parser;
use std::path::PathBuf;

/// The Settings server.
#[derive(Parser, Clone, Debug)]
#[command(version, about)]
pub struct Config {
    /// SQLite file (default) or PostgreSQL URL.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/settings.db?mode=rwc")]
    pub database_url: String,
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, env = "LISTEN", default_value = "127.0.0.1:3000")]
    pub listen: String,
    /// Seed the demo accounts when the database has no users yet.
    #[arg(long)]
    pub demo: bool,
    /// Development helpers (the mailbox at /dev/mailbox).
    #[arg(long)]
    pub dev: bool,
    /// File holding the key that seals secrets; created (mode 0600) when absent.
    #[arg(long, env = "SECRET_KEY_FILE", default_value = "data/secret.key")]
    pub secret_key_file: PathBuf,
    /// Where cargo-leptos put the site (the `pkg` folder with the WASM bundle and CSS).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
    /// SMTP relay for outgoing mail (`smtp://user:pass@host:port`); without it mail stays in the
    /// outbox (readable at /dev/mailbox with --dev).
    #[arg(long, env = "SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The sender of outgoing mail.
    #[arg(long, env = "MAIL_FROM", default_value = "Trakkr <no-reply@trakkr.ai>")]
    pub mail_from: String,
    /// Where copies of user feedback go.
    #[arg(long, env = "FEEDBACK_TO", default_value = "feedback@trakkr.ai")]
    pub feedback_to: String,
    /// The public origin for links in mail (e.g. https://app.trakkr.ai); else the request's.
    #[arg(long, env = "PUBLIC_URL")]
    pub public_url: Option<String>,
    /// A GeoIP2/GeoLite2 City database (.mmdb) for the approximate place of each session.
    #[arg(long, env = "GEOIP_DB")]
    pub geoip_db: Option<PathBuf>,
    /// Run no background jobs (mail delivery, weekly reports) in this process: for a web-only
    /// replica, or a test that drives them itself.
    #[arg(long)]
    pub no_jobs: bool,
    /// Mark cookies `Secure`: set this when the server is reached over HTTPS.
    #[arg(long, env = "SECURE_COOKIES")]
    pub secure_cookies: bool,
}

impl Config {
    /// A server on a free loopback port with its files under `dir`, demo data and dev helpers on:
    /// for tests and benchmarks.
    pub fn local(database_url: String, dir: &std::path::Path) -> Config {
        Config {
            database_url,
            listen: "127.0.0.1:0".into(),
            demo: true,
            dev: true,
            secret_key_file: dir.join("secret.key"),
            site_root: "target/site".into(),
            smtp_url: None,
            mail_from: "Trakkr <no-reply@example.test>".into(),
            feedback_to: "feedback@example.test".into(),
            public_url: None,
            geoip_db: None,
            no_jobs: false,
            secure_cookies: false,
        }
    }
}
