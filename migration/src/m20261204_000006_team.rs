use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Teams {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Brands {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    TeamId,
    Email,
    Role,
    CanManageBilling,
    AllBrands,
    TokenHash,
    InvitedBy,
    CreatedAt,
    SentAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum InvitationBrands {
    Table,
    InvitationId,
    BrandId,
}

#[derive(DeriveIden)]
enum TeamEvents {
    Table,
    Id,
    TeamId,
    ActorId,
    ActorName,
    Action,
    Target,
    Ip,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Invitations::Table)
                .col(pk_auto(Invitations::Id))
                .col(integer(Invitations::TeamId))
                .col(string(Invitations::Email))
                .col(string(Invitations::Role))
                .col(boolean(Invitations::CanManageBilling).default(false))
                .col(boolean(Invitations::AllBrands).default(true))
                .col(string_uniq(Invitations::TokenHash))
                .col(integer_null(Invitations::InvitedBy))
                .col(timestamp_with_time_zone(Invitations::CreatedAt))
                .col(timestamp_with_time_zone(Invitations::SentAt))
                .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Invitations::Table, Invitations::TeamId)
                        .to(Teams::Table, Teams::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Invitations::Table, Invitations::InvitedBy)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_invitations_team_email")
                .table(Invitations::Table)
                .col(Invitations::TeamId)
                .col(Invitations::Email)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(InvitationBrands::Table)
                .col(integer(InvitationBrands::InvitationId))
                .col(integer(InvitationBrands::BrandId))
                .primary_key(
                    Index::create()
                        .col(InvitationBrands::InvitationId)
                        .col(InvitationBrands::BrandId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(InvitationBrands::Table, InvitationBrands::InvitationId)
                        .to(Invitations::Table, Invitations::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(InvitationBrands::Table, InvitationBrands::BrandId)
                        .to(Brands::Table, Brands::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TeamEvents::Table)
                .col(pk_auto(TeamEvents::Id))
                .col(integer(TeamEvents::TeamId))
                .col(integer_null(TeamEvents::ActorId))
                .col(string(TeamEvents::ActorName))
                .col(string(TeamEvents::Action))
                .col(string(TeamEvents::Target))
                .col(string(TeamEvents::Ip))
                .col(timestamp_with_time_zone(TeamEvents::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(TeamEvents::Table, TeamEvents::TeamId)
                        .to(Teams::Table, Teams::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TeamEvents::Table, TeamEvents::ActorId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_team_events_team")
                .table(TeamEvents::Table)
                .col(TeamEvents::TeamId)
                .col(TeamEvents::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(TeamEvents::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(InvitationBrands::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Invitations::Table).to_owned()).await
    }
}
