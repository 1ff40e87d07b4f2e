//! One integration-test binary: each test starts the real server on port 0 against a fresh
//! database (SQLite, and PostgreSQL too when TEST_DATABASE_URL is set) and talks HTTP to it.

mod accounts;
mod brands;
mod deletion;
mod harness;
mod jobs;
mod mail;
mod policy;
mod profile;
mod security;
mod shell;
mod startup;
mod team;
mod two_factor;
