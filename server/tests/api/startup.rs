use server::{Application, Config};

fn config(dir: &std::path::Path, database_url: &str) -> Config {
    let mut config = Config::local(database_url.into(), dir);
    config.demo = false;
    config.secret_key_file = dir.join("keys/secret.key");
    config.site_root = dir.display().to_string();
    config
}

#[tokio::test]
async fn an_unreachable_database_stops_start_up_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let error = Application::build(config(dir.path(), "postgres://nobody:secret@127.0.0.1:1/none"))
        .await
        .err()
        .expect("start-up fails");
    let line = format!("{error:#}");
    assert!(
        line.starts_with("cannot open the database at postgres://…@127.0.0.1:1/none"),
        "{line}"
    );
    assert!(!line.contains("secret"), "the password is not printed");
    assert!(!line.contains('\n'));
}

#[tokio::test]
async fn the_secret_key_is_created_once_with_mode_0600() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.path().display());
    Application::build(config(dir.path(), &url)).await.expect("starts");
    let key_file = dir.path().join("keys/secret.key");
    let first = std::fs::read_to_string(&key_file).unwrap();
    assert_eq!(first.len(), 64);
    assert_eq!(std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777, 0o600);
    Application::build(config(dir.path(), &url)).await.expect("starts again");
    assert_eq!(std::fs::read_to_string(&key_file).unwrap(), first, "the key is kept");
}

#[tokio::test]
async fn without_demo_nothing_is_seeded() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.path().display());
    let app = Application::build(config(dir.path(), &url)).await.expect("starts");
    use sea_orm::{EntityTrait, PaginatorTrait};
    let users = app::backend::entities::user::Entity::find().count(&app.state.db).await.unwrap();
    assert_eq!(users, 0);
}

#[tokio::test]
async fn the_mailbox_does_not_exist_without_dev_mode() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.path().display());
    let mut config = config(dir.path(), &url);
    config.dev = false;
    let app = Application::build(config).await.expect("starts");
    let base = format!("http://{}", app.addr());
    tokio::spawn(app.run());
    let response = reqwest::get(format!("{base}/dev/mailbox")).await.unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::NOT_FOUND);
    assert!(!response.text().await.unwrap().contains("<article"));
}

#[tokio::test]
async fn a_missing_geoip_database_stops_start_up_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.path().display());
    let mut config = config(dir.path(), &url);
    config.geoip_db = Some(dir.path().join("missing.mmdb"));
    let error = Application::build(config).await.err().expect("start-up fails");
    assert!(format!("{error:#}").starts_with("cannot read the GeoIP database"), "{error:#}");
}

#[tokio::test]
async fn a_geoip_database_loads_at_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.path().display());
    let mut config = config(dir.path(), &url);
    config.geoip_db = Some(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/testdata/geoip-test.mmdb"),
    );
    let app = Application::build(config).await.expect("starts");
    let geoip = app.state.geoip.clone().expect("loaded");
    assert_eq!(app::backend::devices::location("203.0.113.9", Some(&geoip)), "Testville, Testland");
}
