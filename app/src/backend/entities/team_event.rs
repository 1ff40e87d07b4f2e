use sea_orm::entity::prelude::*;

/// One line of a team's audit log: who did what to whom, when, from where.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "team_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    /// Empty once the actor's account is gone; `actor_name` stays.
    pub actor_id: Option<i32>,
    pub actor_name: String,
    pub action: String,
    pub target: String,
    pub ip: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
