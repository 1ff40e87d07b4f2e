//! The Settings server: configuration, start-up and the HTTP router. Everything that renders or
//! decides lives in the `app` crate; this crate only wires it together.

/// Sign-in, sign-up and sign-out form handlers.
mod auth;
/// Command-line and environment configuration.
pub mod config;
/// Request tracing, security headers, the cross-site check and the session loader.
mod middleware;
/// The sealing key on disk.
mod secret;

pub use config::Config;

use anyhow::Context;
use app::backend::{
    self,
    passwords::Hasher,
    state::{AppState, RuntimeConfig},
};
use axum::{
    routing::{get, post},
    Router,
};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::{net::SocketAddr, sync::Arc};
use tokio::net::TcpListener;

/// A configured server bound to its port, ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    pub state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        prepare_sqlite_dir(&config.database_url)?;
        let db = backend::db::connect(&config.database_url).await.with_context(|| {
            format!("cannot open the database at {}", redact(&config.database_url))
        })?;
        let secret_key = secret::load_or_create(&config.secret_key_file)?;
        let listener = TcpListener::bind(&config.listen)
            .await
            .with_context(|| format!("cannot listen on {}", config.listen))?;
        let addr = listener.local_addr()?;
        let leptos_options = LeptosOptions::builder()
            .output_name("settings")
            .site_root(config.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(addr)
            .build();
        let geoip = match &config.geoip_db {
            Some(path) => {
                Some(Arc::new(backend::devices::GeoIp::open(path).map_err(anyhow::Error::msg)?))
            }
            None => None,
        };
        let state = AppState {
            geoip,
            db,
            leptos_options,
            hasher: Hasher::default(),
            config: Arc::new(RuntimeConfig {
                dev: config.dev,
                secure_cookies: config.secure_cookies,
                secret_key,
                public_url: config.public_url.clone(),
                feedback_to: config.feedback_to.clone(),
                instance_id: format!("{}-{:08x}", std::process::id(), rand::random::<u32>()),
            }),
        };
        let transport =
            backend::mail::Transport::from_url(config.smtp_url.as_deref(), &config.mail_from)
                .map_err(anyhow::Error::msg)?;
        if config.demo
            && backend::demo::seed(&state.db, &state.hasher)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
        {
            tracing::info!("seeded the demo accounts");
        }
        let router = router(state.clone());
        if !config.no_jobs {
            let holder = state.config.instance_id.clone();
            backend::mail::spawn_worker(state.db.clone(), transport, holder.clone());
            backend::reports::spawn_scheduler(state.db.clone(), holder);
        }
        Ok(Application { listener, router, state })
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("bound listener has an address")
    }

    pub async fn run(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown())
            .await
    }
}

fn router(state: AppState) -> Router {
    let options = state.leptos_options.clone();
    let routes = generate_route_list(app::App);
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let shell = {
        let options = options.clone();
        move || app::shell(options.clone())
    };
    let server_fns = {
        let context = context.clone();
        move |req| leptos_axum::handle_server_fns_with_context(context.clone(), req)
    };
    let router = Router::new()
        .route("/", get(|| async { axum::response::Redirect::to("/settings/profile") }))
        .route("/settings", get(|| async { axum::response::Redirect::to("/settings/profile") }))
        .route("/login", post(auth::login))
        .route("/login/2fa", post(auth::second_step))
        .route("/signup", post(auth::signup))
        .route("/invite", post(auth::join_as_new))
        .route("/invite/join", post(auth::join_as_member))
        .route("/logout", post(auth::logout))
        .route("/api/{*fn_name}", post(server_fns))
        .leptos_routes_with_context(&state, routes, context.clone(), shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            context,
            app::shell,
        ))
        .layer(axum::middleware::from_fn(middleware::require_session_for_pages))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::load_session))
        .layer(axum::middleware::from_fn(middleware::refuse_cross_site))
        .with_state(state);
    middleware::outer_layers(router)
}

fn prepare_sqlite_dir(url: &str) -> anyhow::Result<()> {
    let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) else {
        return Ok(());
    };
    let path = path.split('?').next().unwrap_or_default();
    if let Some(dir) = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    Ok(())
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_string(),
    }
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
}
