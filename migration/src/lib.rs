//! Frozen schema history. Migrations never import entity code.
pub use sea_orm_migration::prelude::*;

mod m20261204_000001_accounts;
mod m20261204_000002_profile;
mod m20261204_000003_security;
mod m20261204_000004_two_factor;
mod m20261204_000005_brand_groups;
mod m20261204_000006_team;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261204_000001_accounts::Migration),
            Box::new(m20261204_000002_profile::Migration),
            Box::new(m20261204_000003_security::Migration),
            Box::new(m20261204_000004_two_factor::Migration),
            Box::new(m20261204_000005_brand_groups::Migration),
            Box::new(m20261204_000006_team::Migration),
        ]
    }
}
