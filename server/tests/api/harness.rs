use reqwest::{redirect::Policy, Client, Response, StatusCode};
use server::{Application, Config};
use std::future::Future;

/// The databases every test runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
pub async fn each_database<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    each_database_with(|_| {}, test).await
}

/// `each_database` with the server's configuration adjusted first.
pub async fn each_database_with<F, Fut>(adjust: impl Fn(&mut Config), test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    test(TestApp::spawn_with(Backend::Sqlite, &adjust).await).await;
    if let Ok(url) = std::env::var("TEST_DATABASE_URL") {
        let app = TestApp::spawn_with(Backend::Postgres(url.clone()), &adjust).await;
        let name = app.postgres_database.clone();
        test(app).await;
        if let Some(name) = name {
            drop_postgres(&url, &name).await;
        }
    }
}

pub enum Backend {
    Sqlite,
    Postgres(String),
}

pub struct TestApp {
    pub base: String,
    pub database: &'static str,
    /// The server's own database, for checking what a request left behind.
    pub db: sea_orm::DatabaseConnection,
    postgres_database: Option<String>,
    _dir: tempfile::TempDir,
}

fn unique_name() -> String {
    use rand::Rng;
    format!("t_{}_{:08x}", std::process::id(), rand::rng().random::<u32>())
}

async fn fresh_postgres(url: &str) -> (String, String) {
    use sea_orm::{ConnectionTrait, Database};
    let admin = Database::connect(url).await.expect("TEST_DATABASE_URL reachable");
    let name = unique_name();
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create database");
    let (base, _) = url.rsplit_once('/').expect("URL names a database");
    (format!("{base}/{name}"), name)
}

/// Test databases are dropped once their test is over, even with the server still connected.
async fn drop_postgres(url: &str, name: &str) {
    use sea_orm::{ConnectionTrait, Database};
    let admin = Database::connect(url).await.expect("TEST_DATABASE_URL reachable");
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await
        .expect("drop database");
}

impl TestApp {
    pub async fn spawn_with(backend: Backend, adjust: &impl Fn(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, database, postgres_database) = match backend {
            Backend::Sqlite => {
                (format!("sqlite://{}/test.db?mode=rwc", dir.path().display()), "sqlite", None)
            }
            Backend::Postgres(url) => {
                let (database_url, name) = fresh_postgres(&url).await;
                (database_url, "postgres", Some(name))
            }
        };
        let mut config = Config::local(database_url, dir.path());
        config.site_root = dir.path().display().to_string();
        adjust(&mut config);
        let app = Application::build(config).await.expect("server starts");
        let base = format!("http://{}", app.addr());
        let db = app.state.db.clone();
        tokio::spawn(app.run());
        TestApp { base, database, db, postgres_database, _dir: dir }
    }

    /// A browser-like client with its own cookie jar that does not follow redirects.
    pub fn client(&self) -> Client {
        Client::builder().cookie_store(true).redirect(Policy::none()).build().expect("client")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, client: &Client, path: &str) -> Response {
        client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn post_form(&self, client: &Client, path: &str, form: &[(&str, &str)]) -> Response {
        client.post(self.url(path)).form(form).send().await.expect("POST")
    }

    pub async fn log_in(&self, client: &Client, email: &str, password: &str) -> Response {
        self.post_form(client, "/login", &[("email", email), ("password", password), ("next", "")])
            .await
    }

    /// A client signed in as one of the demo accounts.
    pub async fn demo_client(&self, email: &str) -> Client {
        let client = self.client();
        let response = self.log_in(&client, email, "demo-password").await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{email} logs in on {}",
            self.database
        );
        client
    }

    /// Calls a server function the way the hydrated page does.
    pub async fn call(
        &self,
        client: &Client,
        name: &str,
        args: &[(&str, &str)],
    ) -> (StatusCode, serde_json::Value) {
        let response = client
            .post(self.url(&format!("/api/{name}")))
            .form(args)
            .send()
            .await
            .expect("server fn");
        let status = response.status();
        let body = response.text().await.expect("body");
        (status, serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)))
    }

    /// Calls a server function whose arguments travel as JSON.
    pub async fn call_json(
        &self,
        client: &Client,
        name: &str,
        args: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let response = client
            .post(self.url(&format!("/api/{name}")))
            .json(&args)
            .send()
            .await
            .expect("server fn");
        let status = response.status();
        let body = response.text().await.expect("body");
        (status, serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)))
    }
}

pub fn location(response: &Response) -> String {
    response
        .headers()
        .get(reqwest::header::LOCATION)
        .map(|v| v.to_str().expect("ascii").to_string())
        .unwrap_or_default()
}

/// The newest outbox message to `to`, as (subject, body).
pub async fn last_mail_to(db: &sea_orm::DatabaseConnection, to: &str) -> Option<(String, String)> {
    use app::backend::entities::outbox;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq(to))
        .order_by_desc(outbox::Column::Id)
        .one(db)
        .await
        .expect("outbox")
        .map(|m| (m.subject, m.body))
}

/// The token of the first link in a mail body.
pub fn link_token(body: &str) -> String {
    let start = body.find("token=").expect("a link with a token") + "token=".len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Having a `Drop` makes a test's `async move` block capture the whole app, not only the fields
/// it names, so the temporary directory (and the SQLite file in it) lives as long as the test.
impl Drop for TestApp {
    fn drop(&mut self) {}
}
