//! Server-only work: the database, accounts, sessions, demo data. Server functions, HTTP
//! handlers and (later) the REST API and MCP tools all call into here.

/// Account creation and password checks.
pub mod accounts;
/// The team's audit log.
pub mod audit;
/// The brand portfolio and per-brand access.
pub mod brands;
/// Writing times for people, and when the weekly report is due.
pub mod clock;
/// The per-request signed-in person and the policy gate for server functions.
pub mod current;
/// Connecting, migrating, and write transactions that never fail with SQLITE_BUSY.
pub mod db;
/// The accounts of ACCEPTANCE.md, seeded by `server --demo`.
pub mod demo;
/// Device and place of a session, for people.
pub mod devices;
/// Changing the login email through a link sent to the new address.
pub mod email_change;
pub mod entities;
/// Turning internal failures into `AppError` without leaking causes.
pub mod errors;
/// Feedback sent from Settings.
pub mod feedback;
/// Bulk import of brands from CSV.
pub mod import;
/// Leases that let exactly one server run a periodic job.
pub mod leases;
/// The outbox and its delivery worker.
pub mod mail;
/// argon2id hashing on the blocking pool, behind a semaphore.
pub mod passwords;
/// The half-signed-in state of a login waiting for its second step.
pub mod pending_logins;
/// The Profile tab's data.
pub mod profile;
/// Failed sign-in windows per account and per address, kept in the database.
pub mod rate_limit;
/// The weekly visibility report and its scheduler.
pub mod reports;
/// Sealing secrets at rest with the server key.
pub mod seal;
/// Password changes, the sessions list, the security log.
pub mod security;
/// Database sessions: random cookie tokens, stored only as SHA-256.
pub mod sessions;
/// What every render and server function can reach.
pub mod state;
/// Re-entering the password before sensitive actions.
pub mod sudo;
/// Members, invitations, roles, brand access, ownership.
pub mod team;
/// TOTP two-factor authentication and recovery codes.
pub mod two_factor;
