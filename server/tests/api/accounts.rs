use crate::harness::{each_database, location};
use reqwest::StatusCode;

const STRONG: &str = "a long and unusual phrase";

#[tokio::test]
async fn signing_up_creates_a_free_owner_signed_in_at_once() {
    each_database(|app| async move {
        let client = app.client();
        let response = app
            .post_form(
                &client,
                "/signup",
                &[
                    ("first_name", "Nora"),
                    ("email", "Nora@Example.com"),
                    ("password", STRONG),
                    ("timezone", "Europe/Paris"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", app.database);
        assert_eq!(location(&response), "/settings/profile");
        let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.contains("Path=/"),
            "{cookie}"
        );
        let (status, view) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(view["first_name"], "Nora");
        assert_eq!(view["email"], "nora@example.com");
        assert_eq!(view["viewer"]["plan"], "Free");
        assert_eq!(view["viewer"]["role"], "Owner");
    })
    .await;
}

#[tokio::test]
async fn signing_up_refuses_bad_input_and_keeps_what_was_typed() {
    each_database(|app| async move {
        let client = app.client();
        let cases = [
            ("", "someone@example.com", STRONG, "Enter your first name."),
            ("Otto", "not-an-email", STRONG, "is not an email address"),
            ("Otto", "otto@example.com", "short", "at least 8 characters"),
            ("Otto", "otto@example.com", "password123", "too common"),
            ("Otto", "free@demo.test", STRONG, "already exists"),
        ];
        for (name, email, password, expected) in cases {
            let response = app
                .post_form(
                    &client,
                    "/signup",
                    &[
                        ("first_name", name),
                        ("email", email),
                        ("password", password),
                        ("timezone", "UTC"),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{email} / {password}");
            let html = response.text().await.unwrap();
            assert!(html.contains(expected), "{expected:?} missing for {email} / {password}");
            assert!(html.contains(&format!("value=\"{email}\"")), "the email is kept");
            assert!(
                !html.contains(&format!("value=\"{password}\"")),
                "the password is never echoed"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    each_database(|app| async move {
        let client = app.client();
        let wrong = app.log_in(&client, "growth@demo.test", "not-the-password").await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.headers().get("set-cookie").is_none());
        let wrong = wrong.text().await.unwrap();
        let unknown = app.log_in(&client, "nobody@demo.test", "not-the-password").await;
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let unknown = unknown.text().await.unwrap();
        let sentence = "That email and password do not match an account.";
        assert!(wrong.contains(sentence) && unknown.contains(sentence));
        let (status, _) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn failed_logins_are_rate_limited_per_account() {
    each_database(|app| async move {
        let client = app.client();
        for _ in 0..5 {
            let response = app.log_in(&client, "scale@demo.test", "wrong-guess").await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        }
        // Even the right password waits now: the limit is decided before the password is checked.
        let limited = app.log_in(&client, "scale@demo.test", "demo-password").await;
        assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
        let html = limited.text().await.unwrap();
        assert!(
            html.contains("Too many failed sign-in attempts. Try again in 15 minutes."),
            "{html}"
        );
        // Another account from the same address is not locked out by it.
        let other = app.log_in(&app.client(), "growth@demo.test", "demo-password").await;
        assert_eq!(other.status(), StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn successful_logins_are_never_limited() {
    each_database(|app| async move {
        for _ in 0..12 {
            let response = app.log_in(&app.client(), "free@demo.test", "demo-password").await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
    })
    .await;
}

#[tokio::test]
async fn logging_out_kills_the_session_for_the_old_cookie_too() {
    each_database(|app| async move {
        let client = app.client();
        let response = app.log_in(&client, "beta@demo.test", "demo-password").await;
        let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap();
        let token = cookie.split(';').next().unwrap().to_string();
        let out = app.post_form(&client, "/logout", &[]).await;
        assert_eq!(out.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&out), "/login");
        // Replaying the old cookie by hand: the row is gone, so it grants nothing.
        let stale = app.client();
        let response =
            stale.get(app.url("/settings/profile")).header("cookie", &token).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(location(&response).starts_with("/login?next="));
        let (status, _) = {
            let r = stale
                .post(app.url("/api/get_session_view"))
                .header("cookie", &token)
                .send()
                .await
                .unwrap();
            (r.status(), ())
        };
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn every_login_gets_a_new_token() {
    each_database(|app| async move {
        let a = app.log_in(&app.client(), "free@demo.test", "demo-password").await;
        let b = app.log_in(&app.client(), "free@demo.test", "demo-password").await;
        let token = |r: &reqwest::Response| {
            r.headers()
                .get("set-cookie")
                .unwrap()
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_string()
        };
        assert_ne!(token(&a), token(&b));
    })
    .await;
}

#[tokio::test]
async fn concurrent_sign_ups_all_succeed_without_database_busy_errors() {
    each_database(|app| async move {
        let app = std::sync::Arc::new(app);
        let signups = (0..24).map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                let email = format!("crowd{i}@example.com");
                let form = [
                    ("first_name", "Crowd"),
                    ("email", email.as_str()),
                    ("password", STRONG),
                    ("timezone", "UTC"),
                ];
                app.post_form(&app.client(), "/signup", &form).await.status()
            })
        });
        for signup in signups {
            assert_eq!(signup.await.unwrap(), StatusCode::SEE_OTHER, "{}", app.database);
        }
    })
    .await;
}
