use crate::harness::{each_database, last_mail_to};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

const TABLES: &[&str] = &[
    "teams",
    "users",
    "memberships",
    "membership_brands",
    "brands",
    "brand_visibility",
    "sessions",
    "login_attempts",
    "outbox",
    "email_changes",
    "rate_events",
    "feedback",
    "report_deliveries",
    "security_events",
    "brand_groups",
    "invitations",
    "invitation_brands",
    "team_events",
];

async fn counts(db: &DatabaseConnection) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for table in TABLES {
        let sql = format!("SELECT COUNT(*) AS n FROM {table}");
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .unwrap()
            .unwrap();
        out.push((table.to_string(), row.try_get::<i64>("", "n").unwrap()));
    }
    out
}

#[tokio::test]
async fn deleting_an_account_removes_every_row_of_it_and_its_team() {
    each_database(|app| async move {
        // Leave traces in every table the account can reach.
        let client = app.demo_client("free@demo.test").await;
        app.log_in(&app.client(), "free@demo.test", "wrong-password").await;
        app.call(
            &client,
            "request_email_change",
            &[("new_email", "gone@example.com"), ("password", "demo-password")],
        )
        .await;
        app.call(
            &client,
            "submit_feedback",
            &[("kind", "Idea"), ("message", "a thought before leaving"), ("page", "/")],
        )
        .await;
        let (status, _) = app.call(&client, "create_group", &[("group_name", "Bakeries")]).await;
        assert_eq!(status, StatusCode::OK);
        let before = counts(&app.db).await;

        let (status, body) = app.call(&client, "delete_account", &[("confirm", "delete")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "confirm");
        let (status, _) = app.call(&client, "delete_account", &[("confirm", "DELETE")]).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "inside the sudo window the password is not asked again"
        );
        let after = counts(&app.db).await;

        // What belonged to free@: 1 team, 1 user, 1 membership, 1 brand with 10 weeks, its sessions
        // (2: this client and the demo login), its failed attempt, its 3 mails (the goodbye stays),
        // the pending change, 2 rate events (change request, feedback), the feedback, and 2 security
        // events (the failed and the successful sign-in).
        let expected_gone = [
            ("teams", 1),
            ("users", 1),
            ("memberships", 1),
            ("membership_brands", 0),
            ("brands", 1),
            ("brand_visibility", 10),
            ("sessions", 1),
            ("login_attempts", 1),
            ("outbox", 2),
            ("email_changes", 1),
            ("rate_events", 2),
            ("feedback", 1),
            ("report_deliveries", 0),
            ("security_events", 2),
            ("brand_groups", 1),
            ("invitations", 0),
            ("invitation_brands", 0),
            ("team_events", 0),
        ];
        for ((table, b), (_, a)) in before.iter().zip(after.iter()) {
            let gone = expected_gone.iter().find(|(t, _)| t == table).unwrap().1;
            assert_eq!(b - a, gone, "{table} on {}: {b} before, {a} after", app.database);
        }
        let (subject, _) =
            last_mail_to(&app.db, "free@demo.test").await.expect("the goodbye mail stays");
        assert!(subject.contains("deleted"));
        let (status, _) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "signed out everywhere");
        assert_eq!(
            app.log_in(&app.client(), "free@demo.test", "demo-password").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let again = app
            .post_form(
                &app.client(),
                "/signup",
                &[
                    ("first_name", "Frankie"),
                    ("email", "free@demo.test"),
                    ("password", "a brand new start"),
                    ("timezone", "UTC"),
                ],
            )
            .await;
        assert_eq!(again.status(), StatusCode::SEE_OTHER, "the address can sign up again");
    })
    .await;
}

#[tokio::test]
async fn an_owner_with_members_cannot_delete_the_account() {
    each_database(|app| async move {
        let client = app.demo_client("agency@demo.test").await;
        let (status, body) = app
            .call(
                &client,
                "delete_account",
                &[("password", "demo-password"), ("confirm", "DELETE")],
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(body["Denied"].as_str().unwrap().contains("Transfer ownership or remove them"));
        let (status, _) = app.call(&client, "get_session_view", &[]).await;
        assert_eq!(status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn a_member_deleting_their_account_leaves_the_team_intact() {
    each_database(|app| async move {
        let client = app.demo_client("viewer@demo.test").await;
        let (status, _) = app
            .call(
                &client,
                "delete_account",
                &[("password", "demo-password"), ("confirm", "DELETE")],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let owner = app.demo_client("agency@demo.test").await;
        let (status, _) = app.call(&owner, "get_tab", &[("slug", "agency")]).await;
        assert_eq!(status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn deleting_a_team_takes_its_invitations_and_audit_log_with_it() {
    each_database(|app| async move {
        let client = app.demo_client("scale@demo.test").await;
        let (_, tab) = app.call(&client, "get_tab", &[("slug", "brands")]).await;
        let brand = tab["data"]["Brands"]["brands"][0]["id"].as_i64().unwrap();
        let (status, _) = app
            .call_json(
                &client,
                "invite_member",
                serde_json::json!({ "email": "soon@example.com", "role": "Viewer",
                    "all_brands": false, "brand_ids": [brand], "can_manage_billing": false }),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let before = counts(&app.db).await;
        let (status, _) = app
            .call(
                &client,
                "delete_account",
                &[("password", "demo-password"), ("confirm", "DELETE")],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let after = counts(&app.db).await;
        for table in ["invitations", "invitation_brands", "team_events"] {
            let b = before.iter().find(|(t, _)| t == table).unwrap().1;
            let a = after.iter().find(|(t, _)| t == table).unwrap().1;
            assert_eq!((b, a), (1, 0), "{table} on {}", app.database);
        }
    })
    .await;
}
