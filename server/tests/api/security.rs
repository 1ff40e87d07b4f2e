use crate::harness::{each_database, last_mail_to};
use reqwest::StatusCode;

const NEW: &str = "a fresh and private phrase";

#[tokio::test]
async fn changing_password_signs_out_other_sessions_and_keeps_this_one() {
    each_database(|app| async move {
        let this = app.demo_client("scale@demo.test").await;
        let other = app.demo_client("scale@demo.test").await;
        let (status, body) = app
            .call(
                &this,
                "change_password",
                &[("current_password", "wrong"), ("new_password", NEW), ("confirm_password", NEW)],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "current_password");
        let (status, body) = app
            .call(
                &this,
                "change_password",
                &[
                    ("current_password", "demo-password"),
                    ("new_password", "password1"),
                    ("confirm_password", "password1"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "new_password");
        let (status, body) = app
            .call(
                &this,
                "change_password",
                &[
                    ("current_password", "demo-password"),
                    ("new_password", NEW),
                    ("confirm_password", "typo"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "confirm_password");
        let (status, _) = app
            .call(
                &this,
                "change_password",
                &[
                    ("current_password", "demo-password"),
                    ("new_password", NEW),
                    ("confirm_password", NEW),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            app.call(&this, "get_session_view", &[]).await.0,
            StatusCode::OK,
            "this session stays"
        );
        assert_eq!(
            app.call(&other, "get_session_view", &[]).await.0,
            StatusCode::UNAUTHORIZED,
            "the other ends"
        );
        assert_eq!(
            app.log_in(&app.client(), "scale@demo.test", NEW).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.log_in(&app.client(), "scale@demo.test", "demo-password").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let (subject, _) = last_mail_to(&app.db, "scale@demo.test").await.unwrap();
        assert_eq!(subject, "Your Trakkr password was changed");
    })
    .await;
}

#[tokio::test]
async fn wrong_current_passwords_count_towards_the_login_limit() {
    each_database(|app| async move {
        let client = app.demo_client("growth@demo.test").await;
        for _ in 0..5 {
            let args =
                [("current_password", "guess"), ("new_password", NEW), ("confirm_password", NEW)];
            assert_eq!(
                app.call(&client, "change_password", &args).await.0,
                StatusCode::UNPROCESSABLE_ENTITY
            );
        }
        let args = [
            ("current_password", "demo-password"),
            ("new_password", NEW),
            ("confirm_password", NEW),
        ];
        assert_eq!(
            app.call(&client, "change_password", &args).await.0,
            StatusCode::TOO_MANY_REQUESTS
        );
        assert_eq!(
            app.log_in(&app.client(), "growth@demo.test", "demo-password").await.status(),
            StatusCode::TOO_MANY_REQUESTS
        );
    })
    .await;
}

#[tokio::test]
async fn the_sessions_list_marks_this_device_and_revoked_sessions_die_at_once() {
    each_database(|app| async move {
        let this = app.demo_client("agency@demo.test").await;
        let other = app.demo_client("agency@demo.test").await;
        let (_, tab) = app.call(&this, "get_tab", &[("slug", "security")]).await;
        let sessions = tab["data"]["Security"]["sessions"].as_array().unwrap().clone();
        assert_eq!(sessions.len(), 2);
        assert_eq!(sessions.iter().filter(|s| s["this_device"] == true).count(), 1);
        assert!(sessions
            .iter()
            .all(|s| s["location"] == "Local network" && s["ip"] == "127.0.0.1"));
        let other_id =
            sessions.iter().find(|s| s["this_device"] == false).unwrap()["id"].to_string();
        // Nobody else can end it.
        let stranger = app.demo_client("scale@demo.test").await;
        assert_eq!(
            app.call(&stranger, "revoke_session", &[("session_id", &other_id)]).await.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(app.call(&other, "get_session_view", &[]).await.0, StatusCode::OK);
        assert_eq!(
            app.call(&this, "revoke_session", &[("session_id", &other_id)]).await.0,
            StatusCode::OK
        );
        assert_eq!(app.call(&other, "get_session_view", &[]).await.0, StatusCode::UNAUTHORIZED);
        let (_, tab) = app.call(&this, "get_tab", &[("slug", "security")]).await;
        let kinds: Vec<String> = tab["data"]["Security"]["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(kinds.first().map(String::as_str), Some("SessionRevoked"));
        assert!(kinds.contains(&"SignedIn".to_string()));
    })
    .await;
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_other_session() {
    each_database(|app| async move {
        let this = app.demo_client("beta@demo.test").await;
        let a = app.demo_client("beta@demo.test").await;
        let b = app.demo_client("beta@demo.test").await;
        let (status, ended) = app.call(&this, "sign_out_everywhere", &[]).await;
        assert_eq!((status, ended), (StatusCode::OK, serde_json::json!(2)));
        assert_eq!(app.call(&a, "get_session_view", &[]).await.0, StatusCode::UNAUTHORIZED);
        assert_eq!(app.call(&b, "get_session_view", &[]).await.0, StatusCode::UNAUTHORIZED);
        assert_eq!(app.call(&this, "get_session_view", &[]).await.0, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn failed_sign_ins_are_in_the_security_log() {
    each_database(|app| async move {
        app.log_in(&app.client(), "free@demo.test", "not-it").await;
        let client = app.demo_client("free@demo.test").await;
        let (_, tab) = app.call(&client, "get_tab", &[("slug", "security")]).await;
        let events = tab["data"]["Security"]["events"].as_array().unwrap();
        assert_eq!(events[0]["kind"], "SignedIn");
        assert_eq!(events[1]["kind"], "FailedSignIn");
        assert_eq!(events[1]["ip"], "127.0.0.1");
    })
    .await;
}

#[tokio::test]
async fn security_functions_refuse_strangers() {
    each_database(|app| async move {
        let stranger = app.client();
        let args = [("current_password", "x"), ("new_password", NEW), ("confirm_password", NEW)];
        assert_eq!(app.call(&stranger, "change_password", &args).await.0, StatusCode::UNAUTHORIZED);
        assert_eq!(
            app.call(&stranger, "revoke_session", &[("session_id", "1")]).await.0,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.call(&stranger, "sign_out_everywhere", &[]).await.0,
            StatusCode::UNAUTHORIZED
        );
    })
    .await;
}
