use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub first_name: String,
    pub password_hash: String,
    pub timezone: String,
    pub date_format: String,
    pub referral_member: bool,
    pub two_factor_enabled: bool,
    pub created_at: DateTimeUtc,
    /// The revision of the last auto-saved first name; older saves are ignored.
    pub first_name_rev: i64,
    /// The TOTP secret, sealed with the server key; set while two-factor is on.
    pub totp_secret: Option<String>,
    /// A secret being set up, sealed, until a correct code confirms it.
    pub totp_pending: Option<String>,
    /// The last accepted TOTP time step: a code is accepted once only.
    pub totp_last_step: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
