use clap::Parser;
use server::{Application, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = Config::parse();
    let demo = config.demo;
    let app = match Application::build(config).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(1);
        }
    };
    println!("Settings is running at http://{}", app.addr());
    if demo {
        println!("Demo logins (password: demo-password): free@demo.test, growth@demo.test, scale@demo.test, agency@demo.test, admin@demo.test, viewer@demo.test, beta@demo.test");
    }
    if let Err(e) = app.run().await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
