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
    /// Mark cookies `Secure`: set this when the server is reached over HTTPS.
    #[arg(long, env = "SECURE_COOKIES")]
    pub secure_cookies: bool,
}
