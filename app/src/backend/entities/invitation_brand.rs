use sea_orm::entity::prelude::*;

/// A brand an invitation grants, when it does not grant all of them.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "invitation_brands")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub invitation_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub brand_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
