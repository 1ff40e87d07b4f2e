use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SecurityEvents {
    Table,
    Id,
    UserId,
    Kind,
    Ip,
    UserAgent,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SecurityEvents::Table)
                .col(pk_auto(SecurityEvents::Id))
                .col(integer(SecurityEvents::UserId))
                .col(string(SecurityEvents::Kind))
                .col(string(SecurityEvents::Ip))
                .col(string(SecurityEvents::UserAgent))
                .col(timestamp_with_time_zone(SecurityEvents::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(SecurityEvents::Table, SecurityEvents::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_security_events_user")
                .table(SecurityEvents::Table)
                .col(SecurityEvents::UserId)
                .col(SecurityEvents::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SecurityEvents::Table).to_owned()).await
    }
}
