//! The outbox worker against a local SMTP stand-in: delivery, and retry when the relay is down.

use crate::harness::each_database_with;
use app::backend::entities::outbox;
use app::backend::mail::{self, Mail, Transport};
use sea_orm::{EntityTrait, QueryOrder};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A relay that accepts one conversation at a time and hands back each message's DATA.
async fn smtp_stand_in() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 stand-in ESMTP\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            tx.send(std::mem::take(body)).unwrap();
                            data = None;
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb =
                        line.split_whitespace().next().unwrap_or_default().to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 stand-in\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, rx)
}

#[tokio::test]
async fn the_worker_delivers_queued_mail_over_smtp() {
    each_database_with(
        |config| config.no_jobs = true,
        |app| async move {
            let (port, mut received) = smtp_stand_in().await;
            let transport = Transport::from_url(
                Some(&format!("smtp://127.0.0.1:{port}")),
                "Trakkr <no-reply@example.test>",
            )
            .unwrap();
            mail::queue(
                &app.db,
                None,
                Mail {
                    to: "ada@example.test".into(),
                    subject: "Hello".into(),
                    body: "Plain words.".into(),
                },
            )
            .await
            .unwrap();
            mail::deliver_pending(&app.db, &transport).await.unwrap();
            let data = received.recv().await.expect("the relay received a message");
            assert!(data.contains("Subject: Hello") && data.contains("Plain words."), "{data}");
            assert!(data.contains("To: ada@example.test"));
        },
    )
    .await;
}

#[tokio::test]
async fn mail_waits_and_retries_while_the_relay_is_down() {
    each_database_with(
        |config| config.no_jobs = true,
        |app| async move {
            // A port nobody listens on.
            let closed =
                TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port();
            let transport = Transport::from_url(
                Some(&format!("smtp://127.0.0.1:{closed}")),
                "no-reply@example.test",
            )
            .unwrap();
            mail::queue(
                &app.db,
                None,
                Mail {
                    to: "ada@example.test".into(),
                    subject: "Retry me".into(),
                    body: "x".into(),
                },
            )
            .await
            .unwrap();
            let delivered = mail::deliver_pending(&app.db, &transport).await.unwrap();
            let row = outbox::Entity::find()
                .order_by_desc(outbox::Column::Id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(delivered, 0);
            assert!(row.sent_at.is_none(), "not lost: still waiting");
            assert_eq!(row.attempts, 1);
            assert!(row.last_error.is_some());
            assert!(row.next_attempt_at > chrono::Utc::now(), "waits before the next try");
            assert_eq!(mail::deliver_pending(&app.db, &transport).await.unwrap(), 0);
            let row = outbox::Entity::find_by_id(row.id).one(&app.db).await.unwrap().unwrap();
            assert_eq!(row.attempts, 1, "not retried before its time");
        },
    )
    .await;
}
