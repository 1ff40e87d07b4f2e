use super::passwords::Hasher;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    pub hasher: Hasher,
    pub config: Arc<RuntimeConfig>,
    /// Places for session addresses, when `--geoip-db` is given.
    pub geoip: Option<Arc<super::devices::GeoIp>>,
}

/// Settings fixed at start-up that code deep in a request needs.
#[derive(Clone, Debug, Default)]
pub struct RuntimeConfig {
    /// Serve `/dev/mailbox` and other development helpers.
    pub dev: bool,
    /// Mark cookies `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// The key that seals secrets at rest.
    pub secret_key: [u8; 32],
    /// The origin for links in mail; the request's origin when unset.
    pub public_url: Option<String>,
    /// Where copies of user feedback go.
    pub feedback_to: String,
    /// This process, as lease holder for periodic jobs.
    pub instance_id: String,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state, from inside a render or a server function.
pub fn app_state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| super::errors::internal("AppState missing from context"))
}
