use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    TotpSecret,
    TotpPending,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
}

#[derive(DeriveIden)]
enum PendingLogins {
    Table,
    Id,
    TokenHash,
    UserId,
    Next,
    CreatedAt,
    ExpiresAt,
    Attempts,
}

fn to_user(table: impl IntoIden, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time. Secrets are sealed text.
        for column in [
            text_null(Users::TotpSecret),
            text_null(Users::TotpPending),
            big_integer_null(Users::TotpLastStep),
        ] {
            m.alter_table(Table::alter().table(Users::Table).add_column(column).to_owned()).await?;
        }
        m.create_table(
            Table::create()
                .table(RecoveryCodes::Table)
                .col(pk_auto(RecoveryCodes::Id))
                .col(integer(RecoveryCodes::UserId))
                .col(string(RecoveryCodes::CodeHash))
                .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                .foreign_key(&mut to_user(RecoveryCodes::Table, RecoveryCodes::UserId))
                .to_owned(),
        )
        .await?;
        // The half-signed-in state between the password and the second step.
        m.create_table(
            Table::create()
                .table(PendingLogins::Table)
                .col(pk_auto(PendingLogins::Id))
                .col(string_uniq(PendingLogins::TokenHash))
                .col(integer(PendingLogins::UserId))
                .col(string(PendingLogins::Next))
                .col(timestamp_with_time_zone(PendingLogins::CreatedAt))
                .col(timestamp_with_time_zone(PendingLogins::ExpiresAt))
                .col(integer(PendingLogins::Attempts).default(0))
                .foreign_key(&mut to_user(PendingLogins::Table, PendingLogins::UserId))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PendingLogins::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(RecoveryCodes::Table).to_owned()).await?;
        for column in [Users::TotpLastStep, Users::TotpPending, Users::TotpSecret] {
            m.alter_table(Table::alter().table(Users::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
