//! `cargo run -p migration -- [up|down|fresh|status]` against `DATABASE_URL`.
use migration::{Migrator, MigratorTrait};
use sea_orm_migration::sea_orm::Database;

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "sqlite://data/settings.db?mode=rwc".into());
    let command = std::env::args().nth(1).unwrap_or_else(|| "up".into());
    let db = match Database::connect(&url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("cannot open database {url}: {e}");
            std::process::exit(1);
        }
    };
    let result = match command.as_str() {
        "up" => Migrator::up(&db, None).await,
        "down" => Migrator::down(&db, Some(1)).await,
        "fresh" => Migrator::fresh(&db).await,
        "status" => Migrator::status(&db).await,
        other => {
            eprintln!("unknown command {other}: use up, down, fresh or status");
            std::process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("migration failed: {e}");
        std::process::exit(1);
    }
}
