use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Teams {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Brands {
    Table,
    GroupId,
}

#[derive(DeriveIden)]
enum BrandGroups {
    Table,
    Id,
    TeamId,
    Name,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(BrandGroups::Table)
                .col(pk_auto(BrandGroups::Id))
                .col(integer(BrandGroups::TeamId))
                .col(string(BrandGroups::Name))
                .col(timestamp_with_time_zone(BrandGroups::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(BrandGroups::Table, BrandGroups::TeamId)
                        .to(Teams::Table, Teams::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_brand_groups_team_name")
                .table(BrandGroups::Table)
                .col(BrandGroups::TeamId)
                .col(BrandGroups::Name)
                .unique()
                .to_owned(),
        )
        .await?;
        // A plain column: SQLite cannot add a foreign key to an existing table, so deleting a
        // group clears it in the same transaction (backend::groups).
        m.alter_table(
            Table::alter()
                .table(Brands::Table)
                .add_column(integer_null(Brands::GroupId))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Brands::Table).drop_column(Brands::GroupId).to_owned())
            .await?;
        m.drop_table(Table::drop().table(BrandGroups::Table).to_owned()).await
    }
}
