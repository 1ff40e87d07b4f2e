use crate::harness::{each_database, last_mail_to, link_token};
use reqwest::StatusCode;

#[tokio::test]
async fn the_profile_tab_loads_with_regional_settings() {
    each_database(|app| async move {
        let client = app.demo_client("growth@demo.test").await;
        let (status, tab) = app.call(&client, "get_tab", &[("slug", "profile")]).await;
        assert_eq!(status, StatusCode::OK);
        let profile = &tab["data"]["Profile"];
        assert_eq!(profile["first_name"], "Grace");
        assert_eq!(profile["email"], "growth@demo.test");
        assert_eq!(profile["regional"]["timezone"], "Europe/London");
        let next = profile["regional"]["next_report"].as_str().unwrap();
        assert!(next.ends_with(" 09:00 Europe/London"), "{next}");
        assert_eq!(profile["sudo_active"], false);
    })
    .await;
}

#[tokio::test]
async fn first_name_saves_and_refuses_bad_values() {
    each_database(|app| async move {
        let client = app.demo_client("free@demo.test").await;
        let (status, saved) =
            app.call(&client, "update_first_name", &[("first_name", "  Francesca ")]).await;
        assert_eq!((status, saved), (StatusCode::OK, serde_json::json!("Francesca")));
        let (_, view) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(view["first_name"], "Francesca");
        for bad in ["   ", &"x".repeat(101)] {
            let (status, body) =
                app.call(&client, "update_first_name", &[("first_name", bad)]).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(body["Invalid"]["field"], "first_name");
        }
        let (_, view) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(view["first_name"], "Francesca", "nothing was saved");
    })
    .await;
}

#[tokio::test]
async fn crossing_first_name_saves_keep_the_newest() {
    each_database(|app| async move {
        let client = app.demo_client("free@demo.test").await;
        app.call(&client, "update_first_name", &[("first_name", "Newest"), ("rev", "2000")]).await;
        let (status, stored) = app
            .call(&client, "update_first_name", &[("first_name", "Older"), ("rev", "1000")])
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(stored, serde_json::json!("Newest"));
    })
    .await;
}

#[tokio::test]
async fn profile_functions_refuse_strangers() {
    each_database(|app| async move {
        let stranger = app.client();
        for (name, args) in [
            ("update_first_name", vec![("first_name", "Eve")]),
            ("update_regional", vec![("timezone", "UTC")]),
            (
                "request_email_change",
                vec![("new_email", "eve@example.com"), ("password", "demo-password")],
            ),
            ("resend_email_change", vec![]),
            ("cancel_email_change", vec![]),
            (
                "submit_feedback",
                vec![("kind", "Bug"), ("message", "long enough message"), ("page", "/")],
            ),
            ("delete_account", vec![("password", "demo-password"), ("confirm", "DELETE")]),
        ] {
            let (status, _) = app.call(&stranger, name, &args).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{name}");
        }
    })
    .await;
}

#[tokio::test]
async fn regional_settings_change_the_next_report() {
    each_database(|app| async move {
        let client = app.demo_client("scale@demo.test").await;
        let (status, view) = app
            .call(
                &client,
                "update_regional",
                &[("timezone", "America/New_York"), ("date_format", "DD/MM/YYYY")],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let next = view["next_report"].as_str().unwrap();
        assert!(next.ends_with(" 09:00 America/New_York"), "{next}");
        assert_eq!(view["date_format"], "DayFirst");
        let (status, body) =
            app.call(&client, "update_regional", &[("timezone", "Mars/Olympus")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "timezone");
        let (status, _) =
            app.call(&client, "update_regional", &[("date_format", "YYYY-MM-DD")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn changing_email_needs_the_password_and_a_link_from_the_new_address() {
    each_database(|app| async move {
        let client = app.demo_client("beta@demo.test").await;
        let new = [("new_email", "ben@example.com")];
        let (status, body) = app.call(&client, "request_email_change", &new).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "password");
        let (status, body) = app
            .call(&client, "request_email_change", &[new[0], ("password", "wrong-password")])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["message"], "That is not your current password.");
        let (status, body) = app
            .call(
                &client,
                "request_email_change",
                &[("new_email", "free@demo.test"), ("password", "demo-password")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "new_email");
        let (status, _) = app
            .call(&client, "request_email_change", &[new[0], ("password", "demo-password")])
            .await;
        assert_eq!(status, StatusCode::OK);
        let (subject, notice) =
            last_mail_to(&app.db, "beta@demo.test").await.expect("notice to the old address");
        assert!(subject.contains("requested") && notice.contains("ben@example.com"));
        let (_, body) =
            last_mail_to(&app.db, "ben@example.com").await.expect("link to the new address");
        let token = link_token(&body);
        assert!(
            body.contains(&format!("{}/confirm-email?token=", app.base)),
            "links use the request's origin"
        );
        // Nothing changes until the link is opened.
        let (_, view) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(view["email"], "beta@demo.test");
        let page = app
            .get(&app.client(), &format!("/confirm-email?token={token}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Email address changed"), "{page}");
        let (_, view) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(view["email"], "ben@example.com", "the session stays signed in");
        let (subject, _) = last_mail_to(&app.db, "beta@demo.test").await.unwrap();
        assert!(subject.contains("was changed"), "a final notice to the old address");
        let again = app
            .get(&app.client(), &format!("/confirm-email?token={token}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(again.contains("expired or was already used"));
        assert_eq!(
            app.log_in(&app.client(), "ben@example.com", "demo-password").await.status(),
            StatusCode::SEE_OTHER
        );
    })
    .await;
}

#[tokio::test]
async fn sudo_mode_lasts_ten_minutes_on_the_session_only() {
    each_database(|app| async move {
        let client = app.demo_client("scale@demo.test").await;
        let first = [("new_email", "sam1@example.com"), ("password", "demo-password")];
        assert_eq!(app.call(&client, "request_email_change", &first).await.0, StatusCode::OK);
        let (status, _) =
            app.call(&client, "request_email_change", &[("new_email", "sam2@example.com")]).await;
        assert_eq!(status, StatusCode::OK, "no password inside the window");
        let other_device = app.demo_client("scale@demo.test").await;
        let (status, body) = app
            .call(&other_device, "request_email_change", &[("new_email", "sam3@example.com")])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "another session has no window");
        assert_eq!(body["Invalid"]["field"], "password");
    })
    .await;
}

#[tokio::test]
async fn a_newer_request_replaces_the_older_and_there_are_at_most_three_a_day() {
    each_database(|app| async move {
        let client = app.demo_client("growth@demo.test").await;
        let ask = |email: &'static str| [("new_email", email), ("password", "demo-password")];
        assert_eq!(
            app.call(&client, "request_email_change", &ask("g1@example.com")).await.0,
            StatusCode::OK
        );
        let old_token = link_token(&last_mail_to(&app.db, "g1@example.com").await.unwrap().1);
        assert_eq!(
            app.call(&client, "request_email_change", &ask("g2@example.com")).await.0,
            StatusCode::OK
        );
        let page = app
            .get(&app.client(), &format!("/confirm-email?token={old_token}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("expired or was already used"), "the older link is dead");
        assert_eq!(app.call(&client, "cancel_email_change", &[]).await.0, StatusCode::OK);
        assert_eq!(
            app.call(&client, "request_email_change", &ask("g3@example.com")).await.0,
            StatusCode::OK
        );
        let (status, body) =
            app.call(&client, "request_email_change", &ask("g4@example.com")).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert!(body["RateLimited"].as_str().unwrap().contains("at most 3"));
    })
    .await;
}

#[tokio::test]
async fn feedback_is_stored_mailed_and_rate_limited() {
    each_database(|app| async move {
        let client = app.demo_client("agency@demo.test").await;
        let (status, body) = app
            .call(
                &client,
                "submit_feedback",
                &[("kind", "Bug"), ("message", "short"), ("page", "/settings/profile")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "message");
        let (status, _) = app
            .call(
                &client,
                "submit_feedback",
                &[("kind", "Rant"), ("message", "long enough message"), ("page", "/")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        for i in 0..5 {
            let message = format!("The export button is hard to find ({i})");
            let (status, _) = app
                .call(
                    &client,
                    "submit_feedback",
                    &[
                        ("kind", "Feature request"),
                        ("message", &message),
                        ("page", "/settings/profile"),
                    ],
                )
                .await;
            assert_eq!(status, StatusCode::OK);
        }
        let (subject, body) =
            last_mail_to(&app.db, "feedback@example.test").await.expect("a copy for the team");
        assert!(subject.contains("Feature request") && subject.contains("agency@demo.test"));
        assert!(body.contains("/settings/profile") && body.contains("hard to find (4)"));
        let (status, _) = app
            .call(
                &client,
                "submit_feedback",
                &[("kind", "Idea"), ("message", "one idea too many"), ("page", "/")],
            )
            .await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    })
    .await;
}

#[tokio::test]
async fn the_mailbox_lists_mail_newest_first_in_dev_mode() {
    each_database(|app| async move {
        let client = app.demo_client("free@demo.test").await;
        app.call(
            &client,
            "request_email_change",
            &[("new_email", "frankie@example.com"), ("password", "demo-password")],
        )
        .await;
        let response = app.get(&app.client(), "/dev/mailbox").await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.unwrap();
        let link = html.find("Confirm your new Trakkr email address").unwrap();
        let notice = html.find("A change of your Trakkr email address was requested").unwrap();
        assert!(notice < link, "the notice was queued last, so it comes first");
        assert!(html.contains("<article"));
        assert!(html.contains(&format!("<a href=\"{}/confirm-email?token=", app.base)));
    })
    .await;
}

#[tokio::test]
async fn a_form_post_without_javascript_comes_back_to_the_page_with_its_error() {
    each_database(|app| async move {
        let client = app.demo_client("free@demo.test").await;
        let page = app.url("/settings/profile");
        let post = |name: &'static str| {
            client
                .post(app.url("/api/update_first_name"))
                .header("accept", "text/html")
                .header("referer", &page)
                .form(&[("first_name", name)])
                .send()
        };
        let refused = post("   ").await.unwrap();
        assert_eq!(refused.status(), StatusCode::FOUND);
        let back = crate::harness::location(&refused);
        assert!(back.starts_with(&page) && back.contains("__err="), "{back}");
        let saved = post("Frieda").await.unwrap();
        assert_eq!(saved.status(), StatusCode::FOUND);
        assert!(!crate::harness::location(&saved).contains("__err"));
        let (_, view) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(view["first_name"], "Frieda");
    })
    .await;
}
