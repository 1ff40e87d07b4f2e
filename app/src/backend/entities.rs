//! SeaORM entities: the server's view of the tables the migrations made.
pub mod brand;
pub mod brand_visibility;
pub mod email_change;
pub mod feedback;
pub mod job_lease;
pub mod login_attempt;
pub mod membership;
pub mod membership_brand;
pub mod outbox;
pub mod pending_login;
pub mod rate_event;
pub mod recovery_code;
pub mod report_delivery;
pub mod security_event;
pub mod session;
pub mod team;
pub mod user;
