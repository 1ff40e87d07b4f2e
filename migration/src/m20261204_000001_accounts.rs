use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Teams {
    Table,
    Id,
    Name,
    Plan,
    AgencyMode,
    WhiteLabelActive,
    BetaApiAccess,
    RequireTwoFactor,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    FirstName,
    PasswordHash,
    Timezone,
    DateFormat,
    ReferralMember,
    TwoFactorEnabled,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Id,
    UserId,
    TeamId,
    Role,
    CanManageBilling,
    AllBrands,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Brands {
    Table,
    Id,
    TeamId,
    Name,
    Website,
    FaviconUrl,
    Aliases,
    Location,
    Market,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MembershipBrands {
    Table,
    MembershipId,
    BrandId,
}

#[derive(DeriveIden)]
enum BrandVisibility {
    Table,
    Id,
    BrandId,
    WeekStart,
    Score,
    Mentions,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    TokenHash,
    UserId,
    UserAgent,
    Ip,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    SudoAt,
}

#[derive(DeriveIden)]
enum LoginAttempts {
    Table,
    Id,
    ScopeKey,
    CreatedAt,
}

fn cascade(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .on_update(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Teams::Table)
                .col(pk_auto(Teams::Id))
                .col(string(Teams::Name))
                .col(string(Teams::Plan))
                .col(boolean(Teams::AgencyMode).default(false))
                .col(boolean(Teams::WhiteLabelActive).default(false))
                .col(boolean(Teams::BetaApiAccess).default(false))
                .col(boolean(Teams::RequireTwoFactor).default(false))
                .col(timestamp_with_time_zone(Teams::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(pk_auto(Users::Id))
                .col(string_uniq(Users::Email))
                .col(string(Users::FirstName))
                .col(string(Users::PasswordHash))
                .col(string(Users::Timezone))
                .col(string(Users::DateFormat))
                .col(boolean(Users::ReferralMember).default(false))
                .col(boolean(Users::TwoFactorEnabled).default(false))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Memberships::Table)
                .col(pk_auto(Memberships::Id))
                .col(integer_uniq(Memberships::UserId))
                .col(integer(Memberships::TeamId))
                .col(string(Memberships::Role))
                .col(boolean(Memberships::CanManageBilling).default(false))
                .col(boolean(Memberships::AllBrands).default(true))
                .col(timestamp_with_time_zone(Memberships::CreatedAt))
                .foreign_key(&mut cascade(
                    (Memberships::Table, Memberships::UserId),
                    (Users::Table, Users::Id),
                ))
                .foreign_key(&mut cascade(
                    (Memberships::Table, Memberships::TeamId),
                    (Teams::Table, Teams::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_memberships_team")
                .table(Memberships::Table)
                .col(Memberships::TeamId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Brands::Table)
                .col(pk_auto(Brands::Id))
                .col(integer(Brands::TeamId))
                .col(string(Brands::Name))
                .col(string(Brands::Website))
                .col(string(Brands::FaviconUrl))
                .col(text(Brands::Aliases))
                .col(string(Brands::Location))
                .col(string(Brands::Market))
                .col(boolean(Brands::Active).default(true))
                .col(timestamp_with_time_zone(Brands::CreatedAt))
                .foreign_key(&mut cascade(
                    (Brands::Table, Brands::TeamId),
                    (Teams::Table, Teams::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_brands_team")
                .table(Brands::Table)
                .col(Brands::TeamId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MembershipBrands::Table)
                .col(integer(MembershipBrands::MembershipId))
                .col(integer(MembershipBrands::BrandId))
                .primary_key(
                    Index::create()
                        .col(MembershipBrands::MembershipId)
                        .col(MembershipBrands::BrandId),
                )
                .foreign_key(&mut cascade(
                    (MembershipBrands::Table, MembershipBrands::MembershipId),
                    (Memberships::Table, Memberships::Id),
                ))
                .foreign_key(&mut cascade(
                    (MembershipBrands::Table, MembershipBrands::BrandId),
                    (Brands::Table, Brands::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(BrandVisibility::Table)
                .col(pk_auto(BrandVisibility::Id))
                .col(integer(BrandVisibility::BrandId))
                .col(date(BrandVisibility::WeekStart))
                .col(double(BrandVisibility::Score))
                .col(integer(BrandVisibility::Mentions))
                .foreign_key(&mut cascade(
                    (BrandVisibility::Table, BrandVisibility::BrandId),
                    (Brands::Table, Brands::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_brand_visibility_week")
                .table(BrandVisibility::Table)
                .col(BrandVisibility::BrandId)
                .col(BrandVisibility::WeekStart)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(pk_auto(Sessions::Id))
                .col(string_uniq(Sessions::TokenHash))
                .col(integer(Sessions::UserId))
                .col(string(Sessions::UserAgent))
                .col(string(Sessions::Ip))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .col(timestamp_with_time_zone_null(Sessions::SudoAt))
                .foreign_key(&mut cascade(
                    (Sessions::Table, Sessions::UserId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_sessions_user")
                .table(Sessions::Table)
                .col(Sessions::UserId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LoginAttempts::Table)
                .col(pk_auto(LoginAttempts::Id))
                .col(string(LoginAttempts::ScopeKey))
                .col(timestamp_with_time_zone(LoginAttempts::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_login_attempts_scope")
                .table(LoginAttempts::Table)
                .col(LoginAttempts::ScopeKey)
                .col(LoginAttempts::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LoginAttempts::Table.into_iden(),
            Sessions::Table.into_iden(),
            BrandVisibility::Table.into_iden(),
            MembershipBrands::Table.into_iden(),
            Brands::Table.into_iden(),
            Memberships::Table.into_iden(),
            Users::Table.into_iden(),
            Teams::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
