use crate::harness::{each_database, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::Value;

async fn portfolio(app: &TestApp, client: &Client) -> Vec<Value> {
    let (status, tab) = app.call(client, "get_tab", &[("slug", "brands")]).await;
    assert_eq!(status, StatusCode::OK);
    tab["data"]["Brands"]["brands"].as_array().unwrap().clone()
}

fn id_of(brands: &[Value], name: &str) -> String {
    brands.iter().find(|b| b["name"] == name).unwrap()["id"].to_string()
}

#[tokio::test]
async fn the_portfolio_shows_each_brand_with_its_visibility() {
    each_database(|app| async move {
        let growth = app.demo_client("growth@demo.test").await;
        let brands = portfolio(&app, &growth).await;
        assert_eq!(brands.len(), 3);
        assert_eq!(brands.iter().filter(|b| b["active"] == true).count(), 1);
        for b in &brands {
            assert_eq!(b["history"].as_array().unwrap().len(), 8, "eight weeks of history");
            assert!(b["score"].as_f64().is_some() && b["change"].as_f64().is_some());
            assert!(b["favicon_url"].as_str().unwrap().ends_with("/favicon.ico"));
        }
    })
    .await;
}

#[tokio::test]
async fn a_restricted_viewer_sees_and_touches_only_their_brand() {
    each_database(|app| async move {
        let admin = app.demo_client("admin@demo.test").await;
        let all = portfolio(&app, &admin).await;
        assert_eq!(all.len(), 6);
        let viewer = app.demo_client("viewer@demo.test").await;
        let mine = portfolio(&app, &viewer).await;
        assert_eq!(mine.len(), 1);
        let other = id_of(&all, "Tidal Finance");
        let (status, _) = app
            .call(&viewer, "set_brand_active", &[("brand_id", &other), ("active", "false")])
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another brand does not exist for this viewer");
        let own = mine[0]["id"].to_string();
        let (status, body) =
            app.call(&viewer, "set_brand_active", &[("brand_id", &own), ("active", "false")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(body["Denied"].as_str().unwrap().starts_with("Viewers can't"));
        let (status, _) =
            app.call(&viewer, "add_brand", &[("name", "Sneaky"), ("website", "sneaky.test")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn brands_stay_within_the_plans_active_limit() {
    each_database(|app| async move {
        let growth = app.demo_client("growth@demo.test").await;
        let (status, body) = app
            .call(&growth, "add_brand", &[("name", "Lumen Pro"), ("website", "lumenpro.com")])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(body["Denied"].as_str().unwrap().contains("allows 1 active brand"));
        let brands = portfolio(&app, &growth).await;
        let (outdoor, lamps) = (id_of(&brands, "Lumen Outdoor"), id_of(&brands, "Lumen Lamps"));
        let (status, _) = app
            .call(&growth, "set_brand_active", &[("brand_id", &outdoor), ("active", "true")])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            app.call(&growth, "set_brand_active", &[("brand_id", &lamps), ("active", "false")])
                .await
                .0,
            StatusCode::OK
        );
        let (status, view) = app
            .call(&growth, "set_brand_active", &[("brand_id", &outdoor), ("active", "true")])
            .await;
        assert_eq!(status, StatusCode::OK);
        let active: Vec<&str> = view["brands"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["active"] == true)
            .map(|b| b["name"].as_str().unwrap())
            .collect();
        assert_eq!(active, ["Lumen Outdoor"]);
        let lamps_history =
            view["brands"].as_array().unwrap().iter().find(|b| b["name"] == "Lumen Lamps").unwrap()
                ["history"]
                .as_array()
                .unwrap()
                .len();
        assert_eq!(lamps_history, 8, "inactive brands keep their history");
    })
    .await;
}

#[tokio::test]
async fn adding_a_brand_normalizes_the_website_and_refuses_duplicates() {
    each_database(|app| async move {
        let scale = app.demo_client("scale@demo.test").await;
        let (status, view) = app
            .call(
                &scale,
                "add_brand",
                &[("name", " Acme Store "), ("website", "http://www.AcmeStore.com/shop")],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let added = view["brands"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["name"] == "Acme Store")
            .unwrap()
            .clone();
        assert_eq!(added["website"], "https://acmestore.com");
        assert_eq!(added["active"], true);
        let (status, body) =
            app.call(&scale, "add_brand", &[("name", "Again"), ("website", "acmestore.com")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "website");
        let (status, body) =
            app.call(&scale, "add_brand", &[("name", "Bad"), ("website", "not a site")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "website");
        let (status, body) =
            app.call(&scale, "add_brand", &[("name", " "), ("website", "fine.com")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "name");
    })
    .await;
}

#[tokio::test]
async fn another_teams_brands_are_out_of_reach() {
    each_database(|app| async move {
        let growth = app.demo_client("growth@demo.test").await;
        let theirs = id_of(&portfolio(&app, &growth).await, "Lumen Lamps");
        let scale = app.demo_client("scale@demo.test").await;
        let (status, _) = app
            .call(&scale, "set_brand_active", &[("brand_id", &theirs), ("active", "false")])
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.call(&app.client(), "add_brand", &[("name", "X"), ("website", "x.com")]).await.0,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.call(
                &app.client(),
                "set_brand_active",
                &[("brand_id", &theirs), ("active", "true")]
            )
            .await
            .0,
            StatusCode::UNAUTHORIZED
        );
    })
    .await;
}

const CSV: &str = "name,website,aliases,location\nNova Foods,novafoods.com,Nova;nova,US\nBroken,not a site,,\nAcme Again,https://acmecloud.io,,global\nPolar Gear,polargear.no,,NO\n";

#[tokio::test]
async fn an_import_previews_every_row_and_imports_only_the_good_ones() {
    each_database(|app| async move {
        let scale = app.demo_client("scale@demo.test").await;
        let (status, preview) = app.call(&scale, "preview_import", &[("csv", CSV)]).await;
        assert_eq!(status, StatusCode::OK);
        let rows = preview["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 4, "the header row is skipped");
        assert_eq!(rows[0]["error"], Value::Null);
        assert_eq!(rows[0]["aliases"], serde_json::json!(["Nova"]));
        assert!(rows[1]["error"].as_str().unwrap().contains("not a website"));
        assert!(rows[2]["error"].as_str().unwrap().contains("already in your portfolio"));
        assert_eq!(rows[3]["location"], "NO");
        assert_eq!(preview["importable"], 2);
        assert_eq!(portfolio(&app, &scale).await.len(), 4, "a preview writes nothing");

        let (status, view) = app.call(&scale, "import_brands", &[("csv", CSV)]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(view["brands"].as_array().unwrap().len(), 6);
        let (_, again) = app.call(&scale, "preview_import", &[("csv", CSV)]).await;
        assert_eq!(again["importable"], 0, "imported rows are duplicates now");
    })
    .await;
}

#[tokio::test]
async fn an_import_stops_at_the_plan_limit_and_refuses_viewers() {
    each_database(|app| async move {
        let growth = app.demo_client("growth@demo.test").await;
        let (_, preview) =
            app.call(&growth, "preview_import", &[("csv", "Lumen Pro,lumenpro.com,,\n")]).await;
        assert!(preview["rows"][0]["error"].as_str().unwrap().contains("allows 1 active brand"));
        let (_, view) =
            app.call(&growth, "import_brands", &[("csv", "Lumen Pro,lumenpro.com,,\n")]).await;
        assert_eq!(
            view["brands"].as_array().unwrap().len(),
            3,
            "nothing over the limit is written"
        );
        let viewer = app.demo_client("viewer@demo.test").await;
        assert_eq!(
            app.call(&viewer, "preview_import", &[("csv", CSV)]).await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.call(&viewer, "import_brands", &[("csv", CSV)]).await.0,
            StatusCode::FORBIDDEN
        );
        let many: String = (0..501).map(|i| format!("B{i},b{i}.example,,\n")).collect();
        let (status, body) = app.call(&growth, "preview_import", &[("csv", &many)]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body["Invalid"]["message"].as_str().unwrap().contains("at most 500"));
    })
    .await;
}

#[tokio::test]
async fn groups_are_created_renamed_used_and_deleted_without_losing_brands() {
    each_database(|app| async move {
        let admin = app.demo_client("admin@demo.test").await;
        let (status, view) = app.call(&admin, "create_group", &[("group_name", "Travel")]).await;
        assert_eq!(status, StatusCode::OK);
        let group = view["groups"][0]["id"].to_string();
        let (status, body) = app.call(&admin, "create_group", &[("group_name", "Travel")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "group_name");
        let harbor = id_of(&portfolio(&app, &admin).await, "Harbor Hotels");
        let (status, view) = app
            .call(&admin, "move_brand_to_group", &[("brand_id", &harbor), ("group_id", &group)])
            .await;
        assert_eq!(status, StatusCode::OK);
        let moved = view["brands"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["name"] == "Harbor Hotels")
            .unwrap()["group_id"]
            .to_string();
        assert_eq!(moved, group);
        let (status, view) = app
            .call(&admin, "rename_group", &[("group_id", &group), ("group_name", "Hospitality")])
            .await;
        assert_eq!(
            (status, view["groups"][0]["name"].clone()),
            (StatusCode::OK, Value::from("Hospitality"))
        );
        let viewer = app.demo_client("viewer@demo.test").await;
        assert_eq!(
            app.call(&viewer, "create_group", &[("group_name", "Mine")]).await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.call(&viewer, "delete_group", &[("group_id", &group)]).await.0,
            StatusCode::FORBIDDEN
        );
        let outsider = app.demo_client("scale@demo.test").await;
        assert_eq!(
            app.call(&outsider, "delete_group", &[("group_id", &group)]).await.0,
            StatusCode::NOT_FOUND
        );
        let (status, view) = app.call(&admin, "delete_group", &[("group_id", &group)]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(view["groups"].as_array().unwrap().len(), 0);
        let harbor_row = view["brands"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["name"] == "Harbor Hotels")
            .unwrap()
            .clone();
        assert_eq!(harbor_row["group_id"], Value::Null, "the brand stays, in no group");
    })
    .await;
}

#[tokio::test]
async fn owners_and_admins_edit_brands_and_viewers_only_read() {
    each_database(|app| async move {
        let admin = app.demo_client("admin@demo.test").await;
        let harbor = id_of(&portfolio(&app, &admin).await, "Harbor Hotels");
        let edit = |name: &'static str, location: &'static str| {
            vec![
                ("brand_id", harbor.clone()),
                ("name", name.to_string()),
                ("aliases", "Harbor; harbor ;HH Group".to_string()),
                ("location", location.to_string()),
                ("market", "Boutique hotels".to_string()),
                ("favicon_url", String::new()),
            ]
        };
        let args = edit("Harbor Hotels Group", "Mars");
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = app.call(&admin, "update_brand", &args).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "location");
        let args = edit("Harbor Hotels Group", "no");
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, view) = app.call(&admin, "update_brand", &args).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        let row = view["brands"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == harbor.parse::<i64>().unwrap())
            .unwrap();
        assert_eq!(row["name"], "Harbor Hotels Group");
        assert_eq!(row["aliases"], serde_json::json!(["Harbor", "HH Group"]), "deduplicated");
        assert_eq!(row["location"], "NO");
        assert_eq!(row["market"], "Boutique hotels");
        assert!(
            row["favicon_url"].as_str().unwrap().ends_with("/favicon.ico"),
            "derived when empty"
        );

        let viewer = app.demo_client("viewer@demo.test").await;
        let (status, _) = app.call(&viewer, "update_brand", &args).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "viewers read");
        let (_, tab) = app.call(&viewer, "get_tab", &[("slug", "brands")]).await;
        assert_eq!(tab["data"]["Brands"]["can_edit"], false);
        assert_eq!(
            tab["data"]["Brands"]["brands"][0]["market"], "Boutique hotels",
            "but see all of it"
        );

        let stranger = app.demo_client("scale@demo.test").await;
        assert_eq!(app.call(&stranger, "update_brand", &args).await.0, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn only_the_owner_deletes_a_brand_and_only_in_sudo_mode() {
    each_database(|app| async move {
        use app::backend::entities::brand_visibility;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let owner = app.demo_client("agency@demo.test").await;
        let admin = app.demo_client("admin@demo.test").await;
        let tidal = id_of(&portfolio(&app, &owner).await, "Tidal Finance");
        let id: i32 = tidal.parse().unwrap();
        let history = || {
            brand_visibility::Entity::find()
                .filter(brand_visibility::Column::BrandId.eq(id))
                .count(&app.db)
        };
        assert!(history().await.unwrap() > 0);
        let (status, body) = app
            .call(&admin, "delete_brand", &[("brand_id", &tidal), ("password", "demo-password")])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(body["Denied"], "Only the team owner can delete brands.");
        let (status, body) = app.call(&owner, "delete_brand", &[("brand_id", &tidal)]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Invalid"]["field"], "password");
        let (status, view) = app
            .call(&owner, "delete_brand", &[("brand_id", &tidal), ("password", "demo-password")])
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(view["brands"].as_array().unwrap().len(), 5);
        assert_eq!(history().await.unwrap(), 0, "its history goes with it");
        let stranger = app.demo_client("scale@demo.test").await;
        let harbor = id_of(&portfolio(&app, &owner).await, "Harbor Hotels");
        let (status, _) = app
            .call(
                &stranger,
                "delete_brand",
                &[("brand_id", &harbor), ("password", "demo-password")],
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another team's brand does not exist for them");
        assert_eq!(portfolio(&app, &owner).await.len(), 5);
    })
    .await;
}

#[tokio::test]
async fn a_restricted_viewer_never_receives_another_brands_data() {
    each_database(|app| async move {
        let viewer = app.demo_client("viewer@demo.test").await;
        let admin = app.demo_client("admin@demo.test").await;
        let all = portfolio(&app, &admin).await;
        let mine = portfolio(&app, &viewer).await;
        let own = mine[0]["name"].as_str().unwrap().to_string();
        // Every answer the viewer can get names only their brand.
        let (_, team) = app.call(&viewer, "get_tab", &[("slug", "team")]).await;
        let (_, brands_tab) = app.call(&viewer, "get_tab", &[("slug", "brands")]).await;
        for other in all.iter().filter(|b| b["name"] != own.as_str()) {
            let name = other["name"].as_str().unwrap();
            assert!(!team.to_string().contains(name), "{name} in the team tab");
            assert!(!brands_tab.to_string().contains(name), "{name} in the brands tab");
            let id = other["id"].to_string();
            for (function, args) in [
                ("update_brand", vec![("brand_id", id.as_str()), ("name", "Mine now")]),
                ("delete_brand", vec![("brand_id", id.as_str()), ("password", "demo-password")]),
                ("move_brand_to_group", vec![("brand_id", id.as_str())]),
                ("set_brand_active", vec![("brand_id", id.as_str()), ("active", "true")]),
            ] {
                let (status, body) = app.call(&viewer, function, &args).await;
                assert!(
                    status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
                    "{function} on {name}: {status}"
                );
                assert!(!body.to_string().contains(name), "{function} answered with {name}");
            }
        }
    })
    .await;
}
