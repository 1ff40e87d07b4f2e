//! SeaORM entities: the server's view of the tables the migrations made.
pub mod brand;
pub mod brand_visibility;
pub mod login_attempt;
pub mod membership;
pub mod membership_brand;
pub mod session;
pub mod team;
pub mod user;
