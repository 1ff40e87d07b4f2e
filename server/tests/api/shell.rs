use crate::harness::{each_database, location};
use reqwest::StatusCode;

#[tokio::test]
async fn settings_pages_send_strangers_to_login_with_next() {
    each_database(|app| async move {
        let client = app.client();
        let response = app.get(&client, "/settings/security").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/login?next=%2Fsettings%2Fsecurity");
        let response = app
            .post_form(
                &client,
                "/login",
                &[
                    ("email", "scale@demo.test"),
                    ("password", "demo-password"),
                    ("next", "/settings/security"),
                ],
            )
            .await;
        assert_eq!(location(&response), "/settings/security");
    })
    .await;
}

#[tokio::test]
async fn next_can_never_leave_the_site() {
    each_database(|app| async move {
        for next in ["https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)"] {
            let response = app
                .post_form(
                    &app.client(),
                    "/login",
                    &[("email", "free@demo.test"), ("password", "demo-password"), ("next", next)],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            assert_eq!(location(&response), "/settings/profile", "{next}");
        }
    })
    .await;
}

#[tokio::test]
async fn settings_redirects_to_profile() {
    each_database(|app| async move {
        let client = app.demo_client("free@demo.test").await;
        let response = app.get(&client, "/settings").await;
        assert!(response.status().is_redirection());
        assert_eq!(location(&response), "/settings/profile");
    })
    .await;
}

#[tokio::test]
async fn the_tab_list_is_in_the_html_before_any_wasm_runs() {
    each_database(|app| async move {
        let client = app.demo_client("free@demo.test").await;
        let response = app.get(&client, "/settings/profile").await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.unwrap();
        assert!(html.contains("aria-labelledby=\"settings-nav-title\""));
        for label in ["Profile", "Brands", "Team", "Upgrade", "Security", "Developer"] {
            assert!(html.contains(&format!(">{label}<!></a>")), "{label} link missing");
        }
        assert!(!html.contains(">Billing<"), "Free sees Upgrade, not Billing");
        assert!(!html.contains(">Agency<"));
        assert!(html.contains("aria-current=\"page\""));
        assert!(html.contains("Signed in as"));
    })
    .await;
}

#[tokio::test]
async fn a_hidden_tab_answers_404_without_its_data() {
    each_database(|app| async move {
        let client = app.demo_client("growth@demo.test").await;
        for tab in ["agency", "white-label", "referral"] {
            let response = app.get(&client, &format!("/settings/{tab}")).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{tab}");
            let html = response.text().await.unwrap();
            assert!(html.contains("not available on your current plan or role"));
            assert!(html.contains("href=\"/settings/profile\""));
            assert!(!html.contains("Client health"), "renders none of the tab's content");
        }
        let unknown = app.get(&client, "/settings/nothing-here").await;
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn pages_carry_security_headers() {
    each_database(|app| async move {
        let response = app.get(&app.client(), "/login").await;
        assert_eq!(response.status(), StatusCode::OK);
        let h = response.headers();
        let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'")
                && csp.contains("'wasm-unsafe-eval'")
                && csp.contains("'nonce-"),
            "{csp}"
        );
        assert!(
            !csp.contains("'unsafe-inline'; ")
                || !csp
                    .split("script-src")
                    .nth(1)
                    .unwrap()
                    .split(';')
                    .next()
                    .unwrap()
                    .contains("unsafe-inline")
        );
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert_eq!(h.get("referrer-policy").unwrap(), "strict-origin-when-cross-origin");
    })
    .await;
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_same_origin_ones_pass() {
    each_database(|app| async move {
        let client = app.client();
        let form = [("email", "free@demo.test"), ("password", "demo-password"), ("next", "")];
        let by_fetch_site = client
            .post(app.url("/login"))
            .header("sec-fetch-site", "cross-site")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(by_fetch_site.status(), StatusCode::FORBIDDEN);
        let by_origin = client
            .post(app.url("/login"))
            .header("origin", "https://evil.test")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(by_origin.status(), StatusCode::FORBIDDEN);
        let signed_in = app.demo_client("free@demo.test").await;
        let logout = signed_in
            .post(app.url("/logout"))
            .header("sec-fetch-site", "same-site")
            .send()
            .await
            .unwrap();
        assert_eq!(logout.status(), StatusCode::FORBIDDEN, "a sibling subdomain is not this site");
        let server_fn = signed_in
            .post(app.url("/api/get_tab"))
            .header("origin", "https://evil.test")
            .form(&[("slug", "profile")])
            .send()
            .await
            .unwrap();
        assert_eq!(server_fn.status(), StatusCode::FORBIDDEN);
        let host = app.base.trim_start_matches("http://").to_string();
        let same = client
            .post(app.url("/login"))
            .header("origin", format!("http://{host}"))
            .header("sec-fetch-site", "same-origin")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(same.status(), StatusCode::SEE_OTHER);
    })
    .await;
}
