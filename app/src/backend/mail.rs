//! One mailer for the whole app. A change and the mail it causes are written in one transaction
//! (the outbox row); a worker delivers it afterwards and retries, so sending never blocks the
//! request and a message is never lost. Without SMTP the outbox is the mailbox (`/dev/mailbox`).

use super::entities::outbox;
use super::leases;
use chrono::{Duration, Utc};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

/// A message to send.
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// How messages leave the outbox.
#[derive(Clone)]
pub enum Transport {
    /// Kept in the outbox table only (development, tests, a laptop).
    Outbox,
    Smtp {
        relay: AsyncSmtpTransport<Tokio1Executor>,
        from: String,
    },
}

impl Transport {
    /// `smtps://user:pass@host`, `smtp://host:port?tls=required` (lettre's URL form), or the
    /// outbox when absent.
    pub fn from_url(url: Option<&str>, from: &str) -> Result<Transport, String> {
        match url {
            None => Ok(Transport::Outbox),
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| Transport::Smtp { relay: b.build(), from: from.to_string() })
                .map_err(|e| format!("bad --smtp-url: {e}")),
        }
    }
}

/// Queues `mail` in the outbox, inside the caller's transaction. `user_id` ties it to the account
/// it concerns (deleted with it); `None` for mail that must outlive the account.
pub async fn queue<C: ConnectionTrait>(
    db: &C,
    user_id: Option<i32>,
    mail: Mail,
) -> Result<(), DbErr> {
    let now = Utc::now();
    outbox::ActiveModel {
        user_id: Set(user_id),
        recipient: Set(mail.to),
        subject: Set(mail.subject),
        body: Set(mail.body),
        created_at: Set(now),
        sent_at: Set(None),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest messages first, for `/dev/mailbox`.
pub async fn newest(db: &DatabaseConnection, limit: u64) -> Result<Vec<outbox::Model>, DbErr> {
    outbox::Entity::find().order_by_desc(outbox::Column::Id).limit(limit).all(db).await
}

fn backoff(attempts: i32) -> Duration {
    Duration::seconds(30 * 2i64.pow(attempts.clamp(0, 8) as u32))
}

/// Sends what is due. Returns how many messages were delivered.
pub async fn deliver_pending(
    db: &DatabaseConnection,
    transport: &Transport,
) -> Result<usize, DbErr> {
    let now = Utc::now();
    let due = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    let mut delivered = 0;
    for message in due {
        let result = match transport {
            Transport::Outbox => Ok(()),
            Transport::Smtp { relay, from } => send_smtp(relay, from, &message).await,
        };
        let attempts = message.attempts + 1;
        let mut row: outbox::ActiveModel = message.into();
        row.attempts = Set(attempts);
        match result {
            Ok(()) => {
                row.sent_at = Set(Some(Utc::now()));
                delivered += 1;
            }
            Err(e) => {
                tracing::warn!(error = %e, attempts, "mail delivery failed; will retry");
                row.last_error = Set(Some(e));
                row.next_attempt_at = Set(Utc::now() + backoff(attempts));
            }
        }
        row.update(db).await?;
    }
    Ok(delivered)
}

async fn send_smtp(
    relay: &AsyncSmtpTransport<Tokio1Executor>,
    from: &str,
    message: &outbox::Model,
) -> Result<(), String> {
    let email = Message::builder()
        .from(from.parse().map_err(|e| format!("from address: {e}"))?)
        .to(message.recipient.parse().map_err(|e| format!("recipient: {e}"))?)
        .subject(message.subject.clone())
        .body(message.body.clone())
        .map_err(|e| e.to_string())?;
    relay.send(email).await.map(|_| ()).map_err(|e| e.to_string())
}

/// Delivers the outbox every couple of seconds, on whichever server holds the mail lease.
pub fn spawn_worker(db: DatabaseConnection, transport: Transport, holder: String) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
        loop {
            tick.tick().await;
            match leases::acquire(&db, "mail", &holder, Duration::seconds(30)).await {
                Ok(true) => {
                    if let Err(e) = deliver_pending(&db, &transport).await {
                        tracing::error!(error = %e, "mail worker failed");
                    }
                }
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "mail lease failed"),
            }
        }
    });
}
