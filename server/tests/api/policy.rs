//! Every protected server function, called directly as someone the policy refuses.

use crate::harness::each_database;
use reqwest::StatusCode;

#[tokio::test]
async fn get_session_view_refuses_a_stranger() {
    each_database(|app| async move {
        let (status, body) = app.call(&app.client(), "get_session_view", &[]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body, serde_json::json!("Unauthenticated"));
    })
    .await;
}

#[tokio::test]
async fn get_tab_refuses_a_tab_the_plan_hides() {
    each_database(|app| async move {
        let free = app.demo_client("free@demo.test").await;
        let (status, body) = app.call(&free, "get_tab", &[("slug", "agency")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            body["Denied"],
            "The Agency tab is available on the Scale plan with agency mode on."
        );
        let (status, _) = app.call(&free, "get_tab", &[("slug", "enterprise")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, body) = app.call(&free, "get_tab", &[("slug", "billing")]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["label"], "Upgrade");
    })
    .await;
}

#[tokio::test]
async fn get_tab_refuses_a_stranger() {
    each_database(|app| async move {
        let (status, _) = app.call(&app.client(), "get_tab", &[("slug", "profile")]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn team_members_see_the_tabs_of_the_team_plan_and_their_own_referral_flag() {
    each_database(|app| async move {
        let viewer = app.demo_client("viewer@demo.test").await;
        let (status, _) = app.call(&viewer, "get_tab", &[("slug", "agency")]).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = app.call(&viewer, "get_tab", &[("slug", "referral")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (_, view) = app.call(&viewer, "get_session_view", &[]).await;
        assert_eq!(view["viewer"]["role"], "Viewer");
        assert_eq!(view["viewer"]["plan"], "Scale");
    })
    .await;
}
