use crate::harness::{each_database, last_mail_to, location, TestApp};
use reqwest::{Client, StatusCode};
use totp_rs::{Algorithm, Secret, TOTP};

fn code_at(secret: &str, offset_steps: i64) -> String {
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().expect("base32 secret");
    let totp = TOTP::new_unchecked(Algorithm::SHA1, 6, 1, 30, bytes, None, String::new());
    let now = chrono::Utc::now().timestamp() + offset_steps * 30;
    totp.generate(now as u64)
}

/// Turns two-factor on for a signed-in client; returns (secret, recovery codes).
async fn enable(app: &TestApp, client: &Client) -> (String, Vec<String>) {
    let (status, setup) =
        app.call(client, "begin_two_factor_setup", &[("password", "demo-password")]).await;
    assert_eq!(status, StatusCode::OK);
    let secret = setup["secret"].as_str().unwrap().to_string();
    assert_eq!(secret.len(), 32, "a 20-byte secret in base32");
    assert!(
        setup["qr_svg"].as_str().unwrap().starts_with("<?xml")
            || setup["qr_svg"].as_str().unwrap().contains("<svg")
    );
    let (status, body) = app.call(client, "confirm_two_factor", &[("code", "000000")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, codes) =
        app.call(client, "confirm_two_factor", &[("code", &code_at(&secret, 0))]).await;
    assert_eq!(status, StatusCode::OK);
    let codes: Vec<String> =
        codes.as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

/// Logs in with the password; returns the client, now half-signed-in.
async fn first_step(app: &TestApp, email: &str) -> Client {
    let client = app.client();
    let response = app.log_in(&client, email, "demo-password").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login/2fa");
    client
}

#[tokio::test]
async fn enabling_needs_a_correct_code_and_login_then_asks_for_one() {
    each_database(|app| async move {
        let owner = app.demo_client("growth@demo.test").await;
        let (secret, _) = enable(&app, &owner).await;
        let (_, view) = app.call(&owner, "get_session_view", &[]).await;
        assert_eq!(view["viewer"]["two_factor_enabled"], true);

        let half = first_step(&app, "growth@demo.test").await;
        assert_eq!(
            app.call(&half, "get_session_view", &[]).await.0,
            StatusCode::UNAUTHORIZED,
            "half-signed-in grants nothing"
        );
        assert_eq!(app.get(&half, "/settings/profile").await.status(), StatusCode::SEE_OTHER);
        // The code used to turn it on cannot be used again.
        let replay = app.post_form(&half, "/login/2fa", &[("code", &code_at(&secret, 0))]).await;
        assert_eq!(replay.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let next = app.post_form(&half, "/login/2fa", &[("code", &code_at(&secret, 1))]).await;
        assert_eq!(next.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&next), "/settings/profile");
        assert_eq!(app.call(&half, "get_session_view", &[]).await.0, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn a_recovery_code_works_once() {
    each_database(|app| async move {
        let owner = app.demo_client("beta@demo.test").await;
        let (_, codes) = enable(&app, &owner).await;
        let half = first_step(&app, "beta@demo.test").await;
        let used = app
            .post_form(&half, "/login/2fa", &[("recovery_code", &codes[3].to_uppercase())])
            .await;
        assert_eq!(used.status(), StatusCode::SEE_OTHER);
        let again = first_step(&app, "beta@demo.test").await;
        let refused = app.post_form(&again, "/login/2fa", &[("recovery_code", &codes[3])]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (_, tab) = app.call(&owner, "get_tab", &[("slug", "security")]).await;
        assert_eq!(tab["data"]["Security"]["two_factor"]["codes_left"], 9);
    })
    .await;
}

#[tokio::test]
async fn the_second_step_allows_five_tries() {
    each_database(|app| async move {
        let owner = app.demo_client("scale@demo.test").await;
        let (secret, _) = enable(&app, &owner).await;
        let half = first_step(&app, "scale@demo.test").await;
        for _ in 0..5 {
            assert_eq!(
                app.post_form(&half, "/login/2fa", &[("code", "123456")]).await.status(),
                StatusCode::UNPROCESSABLE_ENTITY
            );
        }
        let late = app.post_form(&half, "/login/2fa", &[("code", &code_at(&secret, 1))]).await;
        assert_eq!(late.status(), StatusCode::UNAUTHORIZED, "the pending sign-in is spent");
        assert_eq!(app.call(&half, "get_session_view", &[]).await.0, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn disabling_needs_a_code_and_mails_a_notice() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        let (secret, _) = enable(&app, &owner).await;
        let (status, body) = app.call(&owner, "disable_two_factor", &[("code", "111111")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "code");
        let (status, _) =
            app.call(&owner, "disable_two_factor", &[("code", &code_at(&secret, 1))]).await;
        assert_eq!(status, StatusCode::OK);
        let (subject, _) = last_mail_to(&app.db, "agency@demo.test").await.unwrap();
        assert_eq!(subject, "Two-factor authentication was turned off");
        let plain = app.log_in(&app.client(), "agency@demo.test", "demo-password").await;
        assert_eq!(location(&plain), "/settings/profile", "no second step any more");
    })
    .await;
}

#[tokio::test]
async fn setting_up_needs_the_password_first() {
    each_database(|app| async move {
        let client = app.demo_client("free@demo.test").await;
        let (status, body) = app.call(&client, "begin_two_factor_setup", &[]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "password");
        assert_eq!(
            app.call(&app.client(), "confirm_two_factor", &[("code", "123456")]).await.0,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.call(&app.client(), "regenerate_recovery_codes", &[]).await.0,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.call(&app.client(), "disable_two_factor", &[]).await.0,
            StatusCode::UNAUTHORIZED
        );
    })
    .await;
}

#[tokio::test]
async fn only_an_owner_with_two_factor_can_require_it_for_the_team() {
    each_database(|app| async move {
        let admin = app.demo_client("admin@demo.test").await;
        let (status, body) = app.call(&admin, "set_team_two_factor", &[("required", "true")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(body["Denied"].as_str().unwrap().starts_with("Only the team owner"));
        let owner = app.demo_client("agency@demo.test").await;
        let (status, body) = app.call(&owner, "set_team_two_factor", &[("required", "true")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "not without two-factor of their own");
        assert!(body["Denied"].as_str().unwrap().contains("for yourself"));
        enable(&app, &owner).await;
        assert_eq!(
            app.call(&owner, "set_team_two_factor", &[("required", "true")]).await.0,
            StatusCode::OK
        );
    })
    .await;
}

#[tokio::test]
async fn a_required_team_blocks_members_until_they_set_it_up() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        enable(&app, &owner).await;
        assert_eq!(
            app.call(&owner, "set_team_two_factor", &[("required", "true")]).await.0,
            StatusCode::OK
        );

        let member = app.demo_client("viewer@demo.test").await;
        let (status, body) = app.call(&member, "update_first_name", &[("first_name", "Vee")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(body["Denied"].as_str().unwrap().contains("requires two-factor"));
        assert_eq!(
            app.call(&member, "get_tab", &[("slug", "profile")]).await.0,
            StatusCode::FORBIDDEN
        );
        let page = app.get(&member, "/settings/profile").await;
        assert_eq!(location(&page), "/settings/security", "pages lead to the setup");
        assert_eq!(app.get(&member, "/settings/security").await.status(), StatusCode::OK);

        let (_, code_list) = {
            let (status, setup) =
                app.call(&member, "begin_two_factor_setup", &[("password", "demo-password")]).await;
            assert_eq!(status, StatusCode::OK);
            let secret = setup["secret"].as_str().unwrap().to_string();
            app.call(&member, "confirm_two_factor", &[("code", &code_at(&secret, 0))]).await
        };
        assert_eq!(code_list.as_array().unwrap().len(), 10);
        assert_eq!(
            app.call(&member, "update_first_name", &[("first_name", "Vee")]).await.0,
            StatusCode::OK
        );
        let (status, _) =
            app.call(&owner, "disable_two_factor", &[("recovery_code", "whatever")]).await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "the owner cannot drop it while the team requires it"
        );
    })
    .await;
}

#[tokio::test]
async fn wrong_second_steps_count_towards_the_account_limit() {
    each_database(|app| async move {
        let owner = app.demo_client("growth@demo.test").await;
        enable(&app, &owner).await;
        let half = first_step(&app, "growth@demo.test").await;
        for _ in 0..5 {
            app.post_form(&half, "/login/2fa", &[("code", "123456")]).await;
        }
        let again = app.log_in(&app.client(), "growth@demo.test", "demo-password").await;
        assert_eq!(
            again.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "a fresh login does not restart the guessing"
        );
    })
    .await;
}
