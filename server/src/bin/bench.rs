//! `make bench`: figures for the foundation, measured in one run on this machine.
//! 1. requests/s of a signed-in SSR `GET /settings/profile` beside a bare axum handler serving a
//!    static page of the same size (goal: SSR at least 40% of bare);
//! 2. release WASM and JS bundle sizes, raw, gzip and brotli (goal: at most 350 KB brotli);
//! 3. p50/p99 of a cheap authenticated request while 20 logins are hashing (goal: p99 < 50 ms);
//! 4. p99 of the first-name save at 50 concurrent users on SQLite (goal: under 20 ms), and 1,000
//!    concurrent saves by different users, counting how many were kept;
//! 5. p50/p99 of the signed-in SSR `GET /settings/brands` for a team with 10 brands × 52 weeks of
//!    history (goal: p99 under 30 ms), and for an agency-sized team of 1,000 brands × 52 weeks.

use reqwest::{redirect::Policy, Client};
use server::{Application, Config};
use std::io::Write;
use std::time::{Duration, Instant};

const CONCURRENCY: usize = 16;
const RUN_FOR: Duration = Duration::from_secs(5);

/// `bench` runs every section; `bench 1 5` only those.
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let run = |section: &str| only.is_empty() || only.iter().any(|a| a == section);
    let dir = std::env::temp_dir().join(format!("settings-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut config = Config::local(format!("sqlite://{}/bench.db?mode=rwc", dir.display()), &dir);
    config.dev = false;
    let app = Application::build(config).await?;
    let base = format!("http://{}", app.addr());
    let db = app.state.db.clone();
    tokio::spawn(app.run());

    let client = Client::builder().cookie_store(true).redirect(Policy::none()).build()?;
    let login = client
        .post(format!("{base}/login"))
        .form(&[("email", "agency@demo.test"), ("password", "demo-password"), ("next", "")])
        .send()
        .await?;
    anyhow::ensure!(login.status().as_u16() == 303, "demo login failed: {}", login.status());
    let page = client.get(format!("{base}/settings/profile")).send().await?.text().await?;
    anyhow::ensure!(page.contains("Signed in as"), "the profile page did not render");

    if run("1") {
        println!("== 1. SSR throughput (concurrency {CONCURRENCY}, {}s each)", RUN_FOR.as_secs());
        let bare = bare_server(page.clone()).await?;
        let bare_rps = throughput(&Client::new(), &format!("{bare}/")).await;
        let ssr_rps = throughput(&client, &format!("{base}/settings/profile")).await;
        println!("bare axum, static {} B page: {bare_rps:>8.0} req/s", page.len());
        println!("SSR /settings/profile (signed in): {ssr_rps:>8.0} req/s");
        println!("SSR / bare: {:.0}% (goal: at least 40%)", 100.0 * ssr_rps / bare_rps);
    }
    if run("2") {
        println!("\n== 2. Release bundle (target/site/pkg)");
        bundle_sizes()?;
    }
    if run("3") {
        println!("\n== 3. Cheap authenticated request while 20 logins hash");
        latency_under_logins(&base, &client).await?;
    }
    if run("4") {
        println!("\n== 4. First-name auto-save on SQLite");
        let users = bench_users(&db, 1000).await?;
        first_name_latency(&base, &users[..50]).await?;
        first_name_burst(&base, &db, &users).await?;
    }
    if run("5") {
        println!("\n== 5. SSR of the Brands tab, one request at a time");
        brands_tab(&base, &db, 10, 200).await?;
        brands_tab(&base, &db, 1000, 20).await?;
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

async fn bare_server(page: String) -> anyhow::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let router = axum::Router::new().route(
        "/",
        axum::routing::get(move || {
            let page = page.clone();
            async move { axum::response::Html(page) }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok(format!("http://{addr}"))
}

async fn throughput(client: &Client, url: &str) -> f64 {
    let started = Instant::now();
    let workers = (0..CONCURRENCY).map(|_| {
        let (client, url) = (client.clone(), url.to_string());
        tokio::spawn(async move {
            let mut done = 0u64;
            while started.elapsed() < RUN_FOR {
                if let Ok(r) = client.get(&url).send().await {
                    if r.status().is_success() && r.bytes().await.is_ok() {
                        done += 1;
                    }
                }
            }
            done
        })
    });
    let mut total = 0;
    for w in workers {
        total += w.await.unwrap_or(0);
    }
    total as f64 / started.elapsed().as_secs_f64()
}

fn bundle_sizes() -> anyhow::Result<()> {
    let mut brotli_total = 0usize;
    for entry in std::fs::read_dir("target/site/pkg")? {
        let path = entry?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if !matches!(ext, "wasm" | "js" | "css") {
            continue;
        }
        let raw = std::fs::read(&path)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw)?;
        let gz = gz.finish()?.len();
        let mut br = Vec::new();
        brotli::BrotliCompress(
            &mut raw.as_slice(),
            &mut br,
            &brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() },
        )?;
        if ext != "css" {
            brotli_total += br.len();
        }
        println!(
            "{:<24} raw {:>8.1} KB  gzip {:>7.1} KB  brotli {:>7.1} KB",
            path.file_name().unwrap_or_default().to_string_lossy(),
            raw.len() as f64 / 1000.0,
            gz as f64 / 1000.0,
            br.len() as f64 / 1000.0
        );
    }
    println!("WASM + JS brotli: {:.1} KB (goal: at most 350 KB)", brotli_total as f64 / 1000.0);
    Ok(())
}

async fn latency_under_logins(base: &str, client: &Client) -> anyhow::Result<()> {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let hashing: Vec<_> = (0..20)
        .map(|_| {
            let (base, stop) = (base.to_string(), stop.clone());
            tokio::spawn(async move {
                let c = Client::builder().redirect(Policy::none()).build().expect("client");
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let _ = c
                        .post(format!("{base}/login"))
                        .form(&[
                            ("email", "growth@demo.test"),
                            ("password", "demo-password"),
                            ("next", ""),
                        ])
                        .send()
                        .await;
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut samples = Vec::new();
    let started = Instant::now();
    while started.elapsed() < RUN_FOR {
        let t = Instant::now();
        let r = client.post(format!("{base}/api/get_session_view")).send().await?;
        anyhow::ensure!(r.status().is_success(), "session view failed: {}", r.status());
        r.bytes().await?;
        samples.push(t.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for h in hashing {
        let _ = h.await;
    }
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    println!(
        "{} requests: p50 {:.1} ms, p99 {:.1} ms (goal: p99 under 50 ms)",
        samples.len(),
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0
    );
    Ok(())
}

/// Signed-in clients for `n` fresh users, made straight in the database (one password hash).
async fn bench_users(
    db: &sea_orm::DatabaseConnection,
    n: usize,
) -> anyhow::Result<Vec<(i32, Client)>> {
    use app::backend::{accounts, passwords::Hasher, sessions};
    use app::model::{Email, FirstName};
    let hash =
        Hasher::default().hash("bench password").await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut users = Vec::with_capacity(n);
    for i in 0..n {
        let id = accounts::create(
            db,
            accounts::NewAccount {
                first_name: FirstName::parse("Bench").map_err(anyhow::Error::msg)?,
                email: Email::parse(&format!("bench{i}@example.test"))
                    .map_err(anyhow::Error::msg)?,
                password_hash: hash.clone(),
                timezone: "UTC".into(),
                plan: app::policy::Plan::Free,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let token = sessions::create(db, id, "bench", "127.0.0.1").await?;
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::COOKIE, format!("{}={token}", sessions::COOKIE).parse()?);
        users.push((
            id,
            Client::builder().default_headers(headers).redirect(Policy::none()).build()?,
        ));
    }
    Ok(users)
}

async fn save_name(base: &str, client: &Client, name: &str, rev: i64) -> anyhow::Result<()> {
    let r = client
        .post(format!("{base}/api/update_first_name"))
        .form(&[("first_name", name), ("rev", &rev.to_string())])
        .send()
        .await?;
    anyhow::ensure!(r.status().is_success(), "save failed: {}", r.status());
    r.bytes().await?;
    Ok(())
}

async fn first_name_latency(base: &str, users: &[(i32, Client)]) -> anyhow::Result<()> {
    let started = Instant::now();
    let tasks: Vec<_> = users
        .iter()
        .enumerate()
        .map(|(u, (_, client))| {
            let (client, base) = (client.clone(), base.to_string());
            tokio::spawn(async move {
                let mut samples = Vec::new();
                let mut rev = 1;
                while started.elapsed() < RUN_FOR {
                    let t = Instant::now();
                    save_name(&base, &client, &format!("Name {u} {rev}"), rev).await?;
                    samples.push(t.elapsed());
                    rev += 1;
                }
                anyhow::Ok(samples)
            })
        })
        .collect();
    let mut samples = Vec::new();
    for t in tasks {
        samples.extend(t.await??);
    }
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    println!(
        "50 users saving as fast as they can: {} saves, {:.0}/s, p50 {:.1} ms, p99 {:.1} ms (goal: p99 under 20 ms)",
        samples.len(),
        samples.len() as f64 / RUN_FOR.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0
    );
    Ok(())
}

async fn first_name_burst(
    base: &str,
    db: &sea_orm::DatabaseConnection,
    users: &[(i32, Client)],
) -> anyhow::Result<()> {
    use app::backend::entities::user;
    use sea_orm::EntityTrait;
    let started = Instant::now();
    let tasks: Vec<_> = users
        .iter()
        .map(|(id, client)| {
            let (client, base, id) = (client.clone(), base.to_string(), *id);
            tokio::spawn(async move {
                save_name(&base, &client, &format!("Final {id}"), i64::MAX - 1).await
            })
        })
        .collect();
    let mut failed = 0;
    for t in tasks {
        if t.await.map(|r| r.is_err()).unwrap_or(true) {
            failed += 1;
        }
    }
    let elapsed = started.elapsed();
    let mut kept = 0;
    for (id, _) in users {
        if user::Entity::find_by_id(*id)
            .one(db)
            .await?
            .is_some_and(|u| u.first_name == format!("Final {id}"))
        {
            kept += 1;
        }
    }
    println!(
        "{} concurrent saves by different users in {:.2} s: {kept} kept, {} lost, {failed} refused",
        users.len(),
        elapsed.as_secs_f64(),
        users.len() - kept
    );
    Ok(())
}

/// A Scale team with `brands` brands of 52 weekly scores each; then `requests` sequential SSR
/// renders of its Brands tab, signed in as its owner.
async fn brands_tab(
    base: &str,
    db: &sea_orm::DatabaseConnection,
    brands: usize,
    requests: usize,
) -> anyhow::Result<()> {
    use app::backend::entities::{brand, brand_visibility};
    use app::backend::{accounts, sessions};
    use chrono::{Duration as Days, Utc};
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let owner = accounts::create(
        db,
        accounts::NewAccount {
            first_name: app::model::FirstName::parse("Agency").map_err(anyhow::Error::msg)?,
            email: app::model::Email::parse(&format!("brands{brands}@example.test"))
                .map_err(anyhow::Error::msg)?,
            password_hash: "unused".into(),
            timezone: "UTC".into(),
            plan: app::policy::Plan::Scale,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let team_id = app::backend::entities::membership::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .find(|m| m.user_id == owner)
        .map(|m| m.team_id)
        .ok_or_else(|| anyhow::anyhow!("no team"))?;
    let monday = Utc::now().date_naive() - Days::weeks(1);
    for i in 0..brands {
        let b = brand::ActiveModel {
            team_id: Set(team_id),
            name: Set(format!("Brand {i:04}")),
            website: Set(format!("https://brand{i}.example")),
            favicon_url: Set(format!("https://brand{i}.example/favicon.ico")),
            aliases: Set("[]".into()),
            location: Set("Global".into()),
            market: Set("General".into()),
            active: Set(i < 10),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        brand_visibility::Entity::insert_many((0..52).map(|w| brand_visibility::ActiveModel {
            brand_id: Set(b.id),
            week_start: Set(monday - Days::weeks(51 - w)),
            score: Set(20.0 + ((i as i64 * 7 + w * 3) % 60) as f64),
            mentions: Set(10),
            ..Default::default()
        }))
        .exec(db)
        .await?;
    }
    let token = sessions::create(db, owner, "bench", "127.0.0.1").await?;
    // The data alone (queries and assembly, no rendering), to tell the two costs apart.
    let current = sessions::load(db, &token).await?.ok_or_else(|| anyhow::anyhow!("no session"))?;
    let mut data = Vec::new();
    for _ in 0..requests {
        let t = Instant::now();
        let view = app::backend::brands::view(db, &current).await.map_err(anyhow::Error::msg)?;
        anyhow::ensure!(view.brands.len() == brands, "every brand loaded");
        data.push(t.elapsed());
    }
    data.sort();
    let data_p50 = data[data.len() / 2];
    let client = Client::builder().redirect(Policy::none()).build()?;
    let cookie = format!("{}={token}", sessions::COOKIE);
    let mut samples = Vec::with_capacity(requests);
    let mut size = 0;
    for _ in 0..requests + 5 {
        let t = Instant::now();
        let r = client
            .get(format!("{base}/settings/brands"))
            .header(reqwest::header::COOKIE, &cookie)
            .send()
            .await?;
        anyhow::ensure!(r.status().is_success(), "brands tab: {}", r.status());
        size = r.bytes().await?.len();
        samples.push(t.elapsed());
    }
    // The first few warm the caches.
    let mut samples = samples.split_off(5);
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    println!(
        "{brands:>5} brands × 52 weeks: {requests} renders, p50 {:.1} ms, p99 {:.1} ms, {:.0} KB of HTML; \
         of which loading the data p50 {:.1} ms{}",
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0,
        size as f64 / 1000.0,
        data_p50.as_secs_f64() * 1000.0,
        if brands <= 10 { " (goal: p99 under 30 ms)" } else { "" }
    );
    Ok(())
}
