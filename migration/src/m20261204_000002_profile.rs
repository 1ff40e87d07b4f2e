use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    FirstNameRev,
}

#[derive(DeriveIden)]
enum Teams {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    UserId,
    Recipient,
    Subject,
    Body,
    CreatedAt,
    SentAt,
    Attempts,
    NextAttemptAt,
    LastError,
}

#[derive(DeriveIden)]
enum EmailChanges {
    Table,
    Id,
    UserId,
    NewEmail,
    TokenHash,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum RateEvents {
    Table,
    Id,
    UserId,
    Scope,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Feedback {
    Table,
    Id,
    UserId,
    TeamId,
    Kind,
    Message,
    Page,
    CreatedAt,
}

#[derive(DeriveIden)]
enum JobLeases {
    Table,
    Name,
    Holder,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum ReportDeliveries {
    Table,
    UserId,
    WeekStart,
    SentAt,
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
        // Auto-saves carry an increasing revision so that the newest value wins when saves cross.
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(big_integer(Users::FirstNameRev).default(0))
                .to_owned(),
        )
        .await?;
        // Mail waiting for (or done with) delivery. `user_id` ties a message to the account it
        // concerns, so deleting the account deletes its mail; the goodbye mail has none.
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(pk_auto(Outbox::Id))
                .col(integer_null(Outbox::UserId))
                .col(string(Outbox::Recipient))
                .col(string(Outbox::Subject))
                .col(text(Outbox::Body))
                .col(timestamp_with_time_zone(Outbox::CreatedAt))
                .col(timestamp_with_time_zone_null(Outbox::SentAt))
                .col(integer(Outbox::Attempts).default(0))
                .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                .col(text_null(Outbox::LastError))
                .foreign_key(&mut to_user(Outbox::Table, Outbox::UserId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_outbox_pending")
                .table(Outbox::Table)
                .col(Outbox::SentAt)
                .col(Outbox::NextAttemptAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EmailChanges::Table)
                .col(pk_auto(EmailChanges::Id))
                .col(integer_uniq(EmailChanges::UserId))
                .col(string(EmailChanges::NewEmail))
                .col(string_uniq(EmailChanges::TokenHash))
                .col(timestamp_with_time_zone(EmailChanges::CreatedAt))
                .col(timestamp_with_time_zone(EmailChanges::ExpiresAt))
                .foreign_key(&mut to_user(EmailChanges::Table, EmailChanges::UserId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RateEvents::Table)
                .col(pk_auto(RateEvents::Id))
                .col(integer(RateEvents::UserId))
                .col(string(RateEvents::Scope))
                .col(timestamp_with_time_zone(RateEvents::CreatedAt))
                .foreign_key(&mut to_user(RateEvents::Table, RateEvents::UserId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_rate_events_scope")
                .table(RateEvents::Table)
                .col(RateEvents::UserId)
                .col(RateEvents::Scope)
                .col(RateEvents::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Feedback::Table)
                .col(pk_auto(Feedback::Id))
                .col(integer(Feedback::UserId))
                .col(integer(Feedback::TeamId))
                .col(string(Feedback::Kind))
                .col(text(Feedback::Message))
                .col(string(Feedback::Page))
                .col(timestamp_with_time_zone(Feedback::CreatedAt))
                .foreign_key(&mut to_user(Feedback::Table, Feedback::UserId))
                .foreign_key(
                    ForeignKey::create()
                        .from(Feedback::Table, Feedback::TeamId)
                        .to(Teams::Table, Teams::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(JobLeases::Table)
                .col(string(JobLeases::Name).primary_key())
                .col(string(JobLeases::Holder))
                .col(timestamp_with_time_zone(JobLeases::ExpiresAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ReportDeliveries::Table)
                .col(integer(ReportDeliveries::UserId))
                .col(date(ReportDeliveries::WeekStart))
                .col(timestamp_with_time_zone(ReportDeliveries::SentAt))
                .primary_key(
                    Index::create().col(ReportDeliveries::UserId).col(ReportDeliveries::WeekStart),
                )
                .foreign_key(&mut to_user(ReportDeliveries::Table, ReportDeliveries::UserId))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ReportDeliveries::Table.into_iden(),
            JobLeases::Table.into_iden(),
            Feedback::Table.into_iden(),
            RateEvents::Table.into_iden(),
            EmailChanges::Table.into_iden(),
            Outbox::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        m.alter_table(
            Table::alter().table(Users::Table).drop_column(Users::FirstNameRev).to_owned(),
        )
        .await
    }
}
