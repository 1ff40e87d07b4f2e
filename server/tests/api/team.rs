use crate::harness::{each_database, last_mail_to, link_token, location, TestApp};
use app::backend::entities::{invitation, team_event, user};
use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

async fn team_tab(app: &TestApp, client: &Client) -> Value {
    let (status, tab) = app.call(client, "get_tab", &[("slug", "team")]).await;
    assert_eq!(status, StatusCode::OK, "{tab}");
    tab["data"]["Team"].clone()
}

async fn members_view(app: &TestApp, client: &Client) -> Value {
    team_tab(app, client).await["Members"].clone()
}

fn member_id(view: &Value, email: &str) -> i64 {
    view["members"].as_array().unwrap().iter().find(|m| m["email"] == email).unwrap()
        ["membership_id"]
        .as_i64()
        .unwrap()
}

async fn brand_id(app: &TestApp, client: &Client, name: &str) -> i64 {
    let (_, tab) = app.call(client, "get_tab", &[("slug", "brands")]).await;
    tab["data"]["Brands"]["brands"].as_array().unwrap().iter().find(|b| b["name"] == name).unwrap()
        ["id"]
        .as_i64()
        .unwrap()
}

async fn invite(
    app: &TestApp,
    client: &Client,
    email: &str,
    role: &str,
    brands: &[i64],
) -> (StatusCode, Value) {
    app.call_json(
        client,
        "invite_member",
        json!({ "email": email, "role": role, "all_brands": brands.is_empty(),
                "brand_ids": brands, "can_manage_billing": false }),
    )
    .await
}

async fn audit_actions(app: &TestApp) -> Vec<String> {
    team_event::Entity::find()
        .order_by_asc(team_event::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.action, e.target))
        .collect()
}

/// A new person opens the link and joins with a first name and a password; returns their client.
async fn join_as_new(app: &TestApp, token: &str, first_name: &str) -> (Client, reqwest::Response) {
    let client = app.client();
    let response = app
        .post_form(
            &client,
            "/invite",
            &[
                ("token", token),
                ("first_name", first_name),
                ("password", "a long new password"),
                ("timezone", "Europe/Oslo"),
            ],
        )
        .await;
    (client, response)
}

#[tokio::test]
async fn free_and_growth_see_the_upgrade_prompt_and_every_team_action_is_refused() {
    each_database(|app| async move {
        for email in ["free@demo.test", "growth@demo.test"] {
            let client = app.demo_client(email).await;
            assert!(team_tab(&app, &client).await["Upgrade"]["plan"].is_string());
            let (status, body) = invite(&app, &client, "x@example.com", "Viewer", &[]).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
            assert_eq!(body["Denied"], "Team management needs the Scale plan.");
            for (name, args) in [
                ("remove_member", vec![("membership_id", "1")]),
                ("revoke_invitation", vec![("invitation_id", "1")]),
                ("resend_invitation", vec![("invitation_id", "1")]),
                ("transfer_ownership", vec![("membership_id", "1"), ("password", "demo-password")]),
            ] {
                let (status, _) = app.call(&client, name, &args).await;
                assert_eq!(status, StatusCode::FORBIDDEN, "{name} as {email}");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_members_table_shows_roles_access_two_factor_and_last_activity() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        let view = members_view(&app, &owner).await;
        let members = view["members"].as_array().unwrap();
        assert_eq!(members.len(), 3);
        assert_eq!(members[0]["role"], "Owner");
        assert_eq!(members[0]["is_you"], true);
        assert!(members[0]["last_active"]["text"].is_string());
        let viewer = members.iter().find(|m| m["email"] == "viewer@demo.test").unwrap();
        assert_eq!(viewer["access"]["Only"].as_array().unwrap().len(), 1);
        assert_eq!(viewer["two_factor"], false);
        assert_eq!(view["can_manage"], true);
        assert_eq!(view["can_transfer"], true);
        // A Viewer reads the same table but may change nothing, and sees only their brands.
        let reader = app.demo_client("viewer@demo.test").await;
        let view = members_view(&app, &reader).await;
        assert_eq!(view["members"].as_array().unwrap().len(), 3);
        assert_eq!(view["can_manage"], false);
        assert_eq!(view["brands"].as_array().unwrap().len(), 1, "only their brand is listed");
    })
    .await;
}

#[tokio::test]
async fn an_invitation_link_lets_a_new_person_join_once_with_the_access_it_grants() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        let harbor = brand_id(&app, &owner, "Harbor Hotels").await;
        let (status, view) = invite(&app, &owner, "Nina@Example.com", "Viewer", &[harbor]).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        let pending = &view["invitations"][0];
        assert_eq!(pending["email"], "nina@example.com");
        assert!(pending["expires"]["text"].is_string());

        let (subject, body) = last_mail_to(&app.db, "nina@example.com").await.expect("mailed");
        assert!(subject.contains("invited you to"), "{subject}");
        let token = link_token(&body);
        let stored = invitation::Entity::find().one(&app.db).await.unwrap().unwrap();
        assert_ne!(stored.token_hash, token, "only a hash is stored");
        let days = (stored.expires_at - stored.created_at).num_days();
        assert_eq!(days, 14);

        // Opening the link changes nothing and asks for a first name and a password.
        let (status, page) = app.call(&app.client(), "get_invitation", &[("token", &token)]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["next_step"], "CreateAccount");
        let html =
            app.get(&app.client(), &format!("/invite?token={token}")).await.text().await.unwrap();
        assert!(html.contains("First Name") && html.contains("Join "), "the join form renders");

        let (_, refused) = join_as_new(&app, &token, "").await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "a first name is needed");
        let (nina, joined) = join_as_new(&app, &token, "Nina").await;
        assert_eq!(joined.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&joined), "/settings/profile", "like any sign-up");
        let (_, tab) = app.call(&nina, "get_tab", &[("slug", "brands")]).await;
        let brands = tab["data"]["Brands"]["brands"].as_array().unwrap();
        assert_eq!(brands.len(), 1, "the invitation's one brand");
        assert_eq!(brands[0]["name"], "Harbor Hotels");
        let (_, session) = app.call(&nina, "get_session_view", &[]).await;
        assert_eq!(session["viewer"]["role"], "Viewer");
        assert_eq!(session["team_name"], view["team_name"]);

        let (again, _) = join_as_new(&app, &token, "Mallory").await;
        let (status, _) = app.call(&again, "get_session_view", &[]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "a link works once");
        let (status, body) = app.call(&app.client(), "get_invitation", &[("token", &token)]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body["Invalid"]["message"].as_str().unwrap().contains("expired"));

        let log = audit_actions(&app).await;
        assert_eq!(
            log,
            vec![
                "member.invited nina@example.com as Viewer".to_string(),
                "member.joined nina@example.com as Viewer".to_string()
            ]
        );
        let event = team_event::Entity::find().one(&app.db).await.unwrap().unwrap();
        assert_eq!(event.actor_name, "agency@demo.test");
        assert!(!event.ip.is_empty());
    })
    .await;
}

#[tokio::test]
async fn an_invitation_does_not_work_after_fourteen_days_or_once_revoked() {
    each_database(|app| async move {
        use sea_orm::sea_query::Expr;
        let owner = app.demo_client("scale@demo.test").await;
        invite(&app, &owner, "late@example.com", "Admin", &[]).await;
        let (_, body) = last_mail_to(&app.db, "late@example.com").await.unwrap();
        let late = link_token(&body);
        invitation::Entity::update_many()
            .col_expr(
                invitation::Column::ExpiresAt,
                Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
            )
            .exec(&app.db)
            .await
            .unwrap();
        let (client, response) = join_as_new(&app, &late, "Late").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.call(&client, "get_session_view", &[]).await.0, StatusCode::UNAUTHORIZED);
        let view = members_view(&app, &owner).await;
        assert_eq!(view["invitations"][0]["expired"], true, "shown as expired");

        // An expired invitation can be sent again: a new link, valid again.
        let id = view["invitations"][0]["id"].to_string();
        let (status, _) = app.call(&owner, "resend_invitation", &[("invitation_id", &id)]).await;
        assert_eq!(status, StatusCode::OK);
        let (_, body) = last_mail_to(&app.db, "late@example.com").await.unwrap();
        let fresh = link_token(&body);
        assert_ne!(fresh, late);
        assert_eq!(
            app.call(&app.client(), "get_invitation", &[("token", &late)]).await.0,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the old link stops working"
        );
        let (status, _) = app.call(&owner, "revoke_invitation", &[("invitation_id", &id)]).await;
        assert_eq!(status, StatusCode::OK);
        let (_, response) = join_as_new(&app, &fresh, "Late").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "revoked");
        assert!(audit_actions(&app)
            .await
            .iter()
            .any(|a| a == "invitation.revoked late@example.com"));
    })
    .await;
}

#[tokio::test]
async fn invitations_are_checked_next_to_their_fields() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        for (email, role, brands, field) in [
            ("not an email", "Viewer", vec![], "email"),
            ("ok@example.com", "Owner", vec![], "role"),
            ("admin@demo.test", "Viewer", vec![], "email"),
        ] {
            let (status, body) = invite(&app, &owner, email, role, &brands).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{email} {role}");
            assert_eq!(body["Invalid"]["field"], field, "{body}");
        }
        let (status, body) = app
            .call_json(
                &owner,
                "invite_member",
                json!({ "email": "ok@example.com", "role": "Viewer", "all_brands": false,
                        "brand_ids": [], "can_manage_billing": false }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "brands");
        // A brand of another team is not the inviter's to give.
        let other = app.demo_client("scale@demo.test").await;
        let foreign = app.call(&other, "get_tab", &[("slug", "brands")]).await.1["data"]["Brands"]
            ["brands"][0]["id"]
            .as_i64()
            .unwrap();
        let (status, body) = invite(&app, &owner, "ok@example.com", "Viewer", &[foreign]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "brands");
        // The same address twice: resend instead.
        assert_eq!(invite(&app, &owner, "ok@example.com", "Viewer", &[]).await.0, StatusCode::OK);
        let (status, body) = invite(&app, &owner, "ok@example.com", "Admin", &[]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body["Invalid"]["message"].as_str().unwrap().contains("Resend"));
    })
    .await;
}

#[tokio::test]
async fn each_role_may_do_what_the_policy_says_and_another_team_nothing() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        let view = members_view(&app, &owner).await;
        let (owner_id, admin_id, viewer_id) = (
            member_id(&view, "agency@demo.test").to_string(),
            member_id(&view, "admin@demo.test").to_string(),
            member_id(&view, "viewer@demo.test").to_string(),
        );
        let viewer = app.demo_client("viewer@demo.test").await;
        assert_eq!(
            invite(&app, &viewer, "v@example.com", "Viewer", &[]).await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.call(&viewer, "remove_member", &[("membership_id", &admin_id)]).await.0,
            StatusCode::FORBIDDEN
        );
        let admin = app.demo_client("admin@demo.test").await;
        assert_eq!(
            app.call(&admin, "remove_member", &[("membership_id", &owner_id)]).await.0,
            StatusCode::FORBIDDEN,
            "nobody removes the owner"
        );
        let (status, body) = app
            .call_json(
                &admin,
                "change_member",
                json!({ "membership_id": owner_id.parse::<i64>().unwrap(), "role": "Viewer",
                        "all_brands": true, "brand_ids": [], "can_manage_billing": false }),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "nobody demotes the owner");
        assert!(body["Denied"].as_str().unwrap().starts_with("Nobody can"));
        assert_eq!(
            app.call(
                &admin,
                "transfer_ownership",
                &[("membership_id", &viewer_id), ("password", "demo-password")]
            )
            .await
            .0,
            StatusCode::FORBIDDEN,
            "only the owner transfers"
        );
        // Admins invite; granting billing takes someone who manages billing.
        assert_eq!(invite(&app, &admin, "a@example.com", "Viewer", &[]).await.0, StatusCode::OK);
        let (status, _) = app
            .call_json(
                &admin,
                "invite_member",
                json!({ "email": "b@example.com", "role": "Admin", "all_brands": true,
                        "brand_ids": [], "can_manage_billing": true }),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // Another team's owner reaches nothing of this team.
        let stranger = app.demo_client("scale@demo.test").await;
        for (name, args) in [
            ("remove_member", vec![("membership_id", viewer_id.as_str())]),
            (
                "transfer_ownership",
                vec![("membership_id", viewer_id.as_str()), ("password", "demo-password")],
            ),
        ] {
            assert_eq!(app.call(&stranger, name, &args).await.0, StatusCode::NOT_FOUND, "{name}");
        }
        let invitation = members_view(&app, &owner).await["invitations"][0]["id"].to_string();
        for name in ["resend_invitation", "revoke_invitation"] {
            assert_eq!(
                app.call(&stranger, name, &[("invitation_id", &invitation)]).await.0,
                StatusCode::NOT_FOUND,
                "{name}"
            );
        }
        let (status, _) = app
            .call_json(
                &stranger,
                "change_member",
                json!({ "membership_id": viewer_id.parse::<i64>().unwrap(), "role": "Admin",
                        "all_brands": true, "brand_ids": [], "can_manage_billing": false }),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(members_view(&app, &owner).await["members"].as_array().unwrap().len(), 3);
    })
    .await;
}

#[tokio::test]
async fn changing_a_members_access_changes_what_they_see_at_once() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        let viewer = app.demo_client("viewer@demo.test").await;
        let view = members_view(&app, &owner).await;
        let id = member_id(&view, "viewer@demo.test");
        let (status, _) = app
            .call_json(
                &owner,
                "change_member",
                json!({ "membership_id": id, "role": "Admin", "all_brands": true,
                        "brand_ids": [], "can_manage_billing": true }),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let (_, tab) = app.call(&viewer, "get_tab", &[("slug", "brands")]).await;
        assert_eq!(tab["data"]["Brands"]["brands"].as_array().unwrap().len(), 6);
        assert_eq!(tab["data"]["Brands"]["can_edit"], true, "now an admin");
        let tidal = brand_id(&app, &owner, "Tidal Finance").await;
        app.call_json(
            &owner,
            "change_member",
            json!({ "membership_id": id, "role": "Viewer", "all_brands": false,
                    "brand_ids": [tidal], "can_manage_billing": true }),
        )
        .await;
        let (_, tab) = app.call(&viewer, "get_tab", &[("slug", "brands")]).await;
        let brands = tab["data"]["Brands"]["brands"].as_array().unwrap();
        assert_eq!(brands.len(), 1);
        assert_eq!(brands[0]["name"], "Tidal Finance");
        let row = members_view(&app, &owner).await["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["email"] == "viewer@demo.test")
            .unwrap()
            .clone();
        assert_eq!(row["can_manage_billing"], false, "a Viewer never holds billing");
        assert!(audit_actions(&app)
            .await
            .iter()
            .any(|a| a.starts_with("member.changed viewer@demo.test: Viewer → Admin")));
    })
    .await;
}

#[tokio::test]
async fn a_removed_member_is_signed_out_at_once_and_keeps_an_account_of_their_own() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        let admin = app.demo_client("admin@demo.test").await;
        let id = member_id(&members_view(&app, &owner).await, "admin@demo.test").to_string();
        let (status, view) = app.call(&owner, "remove_member", &[("membership_id", &id)]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(view["members"].as_array().unwrap().len(), 2);
        assert_eq!(app.call(&admin, "get_session_view", &[]).await.0, StatusCode::UNAUTHORIZED);
        let (subject, _) = last_mail_to(&app.db, "admin@demo.test").await.unwrap();
        assert!(subject.starts_with("You were removed from"));
        let again = app.demo_client("admin@demo.test").await;
        let (_, session) = app.call(&again, "get_session_view", &[]).await;
        assert_eq!(session["viewer"]["role"], "Owner");
        assert_eq!(session["viewer"]["plan"], "Free");
        let (_, tab) = app.call(&again, "get_tab", &[("slug", "brands")]).await;
        assert_eq!(
            tab["data"]["Brands"]["brands"].as_array().unwrap().len(),
            0,
            "none of the old team's"
        );
        assert!(audit_actions(&app).await.contains(&"member.removed admin@demo.test".to_string()));
    })
    .await;
}

#[tokio::test]
async fn ownership_moves_only_with_the_password_and_the_old_owner_becomes_admin() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        let id = member_id(&members_view(&app, &owner).await, "admin@demo.test").to_string();
        let (status, body) =
            app.call(&owner, "transfer_ownership", &[("membership_id", &id)]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "password", "sudo mode asks for the password");
        let (status, _) = app
            .call(
                &owner,
                "transfer_ownership",
                &[("membership_id", &id), ("password", "wrong-one")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, _) = app
            .call(
                &owner,
                "transfer_ownership",
                &[("membership_id", &id), ("password", "demo-password")],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let (_, session) = app.call(&owner, "get_session_view", &[]).await;
        assert_eq!(session["viewer"]["role"], "Admin");
        assert_eq!(session["viewer"]["can_manage_billing"], true);
        let new_owner = app.demo_client("admin@demo.test").await;
        let (_, session) = app.call(&new_owner, "get_session_view", &[]).await;
        assert_eq!(session["viewer"]["role"], "Owner");
        assert_eq!(
            app.call(&owner, "transfer_ownership", &[("membership_id", &id)]).await.0,
            StatusCode::FORBIDDEN,
            "the old owner can't take it back"
        );
        assert!(audit_actions(&app)
            .await
            .contains(&"ownership.transferred admin@demo.test".to_string()));
    })
    .await;
}

#[tokio::test]
async fn a_team_that_requires_two_factor_passes_ownership_only_to_someone_with_it() {
    each_database(|app| async move {
        use app::backend::entities::team;
        use sea_orm::sea_query::Expr;
        // Signed in before the switch: the login itself would otherwise ask for a code.
        let owner = app.demo_client("agency@demo.test").await;
        team::Entity::update_many()
            .col_expr(team::Column::RequireTwoFactor, Expr::value(true))
            .exec(&app.db)
            .await
            .unwrap();
        user::Entity::update_many()
            .col_expr(user::Column::TwoFactorEnabled, Expr::value(true))
            .filter(user::Column::Email.eq("agency@demo.test"))
            .exec(&app.db)
            .await
            .unwrap();
        let id = member_id(&members_view(&app, &owner).await, "admin@demo.test").to_string();
        let (status, body) = app
            .call(
                &owner,
                "transfer_ownership",
                &[("membership_id", &id), ("password", "demo-password")],
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(body["Denied"].as_str().unwrap().contains("must turn it on first"));
    })
    .await;
}

#[tokio::test]
async fn an_existing_user_joins_after_confirming_what_they_leave_behind() {
    each_database(|app| async move {
        let owner = app.demo_client("agency@demo.test").await;
        invite(&app, &owner, "free@demo.test", "Viewer", &[]).await;
        let (_, body) = last_mail_to(&app.db, "free@demo.test").await.unwrap();
        let token = link_token(&body);
        let (_, page) = app.call(&app.client(), "get_invitation", &[("token", &token)]).await;
        assert_eq!(page["next_step"], "SignIn", "an account exists: sign in first");
        let (_, response) = join_as_new(&app, &token, "Imposter").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "no second account");

        let free = app.demo_client("free@demo.test").await;
        let (_, page) = app.call(&free, "get_invitation", &[("token", &token)]).await;
        assert_eq!(page["next_step"]["Confirm"]["leaves"]["brands"], 1);
        let html = app.get(&free, &format!("/invite?token={token}")).await.text().await.unwrap();
        assert!(html.contains("This cannot be undone"), "the page says what is left behind");
        let teams_before =
            app::backend::entities::team::Entity::find().count(&app.db).await.unwrap();
        let response = app.post_form(&free, "/invite/join", &[("token", &token)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/settings/team");
        let (_, session) = app.call(&free, "get_session_view", &[]).await;
        assert_eq!(session["viewer"]["role"], "Viewer");
        assert_eq!(session["viewer"]["plan"], "Scale");
        let (_, tab) = app.call(&free, "get_tab", &[("slug", "brands")]).await;
        assert_eq!(tab["data"]["Brands"]["brands"].as_array().unwrap().len(), 6);
        let teams_after =
            app::backend::entities::team::Entity::find().count(&app.db).await.unwrap();
        assert_eq!(teams_before - teams_after, 1, "the personal team is gone");

        // Someone whose team has other members can't leave it this way.
        let scale = app.demo_client("scale@demo.test").await;
        invite(&app, &scale, "agency@demo.test", "Viewer", &[]).await;
        let (_, body) = last_mail_to(&app.db, "agency@demo.test").await.unwrap();
        let token = link_token(&body);
        let (_, page) = app.call(&owner, "get_invitation", &[("token", &token)]).await;
        assert!(page["next_step"]["Blocked"]["reason"].as_str().unwrap().contains("other members"));
        let response = app.post_form(&owner, "/invite/join", &[("token", &token)]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let (_, session) = app.call(&owner, "get_session_view", &[]).await;
        assert_eq!(session["viewer"]["role"], "Owner", "still owns their team");
        // Signed in as someone else: told so, and the join is refused.
        let (_, page) = app.call(&free, "get_invitation", &[("token", &token)]).await;
        assert_eq!(page["next_step"]["WrongAccount"]["signed_in_as"], "free@demo.test");
        let response = app.post_form(&free, "/invite/join", &[("token", &token)]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}
