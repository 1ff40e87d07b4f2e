//! Server-only work: the database, accounts, sessions, demo data. Server functions, HTTP
//! handlers and (later) the REST API and MCP tools all call into here.

/// Account creation and password checks.
pub mod accounts;
/// The per-request signed-in person and the policy gate for server functions.
pub mod current;
/// Connecting, migrating, and write transactions that never fail with SQLITE_BUSY.
pub mod db;
/// The accounts of ACCEPTANCE.md, seeded by `server --demo`.
pub mod demo;
pub mod entities;
/// Turning internal failures into `AppError` without leaking causes.
pub mod errors;
/// argon2id hashing on the blocking pool, behind a semaphore.
pub mod passwords;
/// Failed sign-in windows per account and per address, kept in the database.
pub mod rate_limit;
/// Database sessions: random cookie tokens, stored only as SHA-256.
pub mod sessions;
/// What every render and server function can reach.
pub mod state;
