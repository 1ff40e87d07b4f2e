//! Invitations: sending, resending and revoking them, the page their link opens, and joining.

use super::{check_grant, role_of, set_access};
use crate::backend::db::begin_write;
use crate::backend::entities::{brand, invitation, invitation_brand, membership, team, user};
use crate::backend::sessions::{hash_token, new_token, CurrentSession};
use crate::backend::{accounts, audit, mail, rate_limit};
use crate::error::AppError;
use crate::model::{
    BrandAccess, FirstName, InvitationView, JoinStep, LeftBehind, NewInvitation, Password,
};
use crate::policy::{can, Action, Role};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};

/// How long an invitation link works.
pub const LINK_LIFETIME: Duration = Duration::days(14);
/// Invitations (and resends) one person may send a day.
pub const PER_DAY: u64 = 50;
const SCOPE: &str = "invite";
pub const LINK_DEAD: &str =
    "This invitation has expired, was revoked or was already used. Ask the team for a new one.";

async fn sent_today<C: ConnectionTrait>(db: &C, current: &CurrentSession) -> Result<(), AppError> {
    if rate_limit::recent_events(db, current.user_id, SCOPE, Duration::days(1)).await? >= PER_DAY {
        return Err(AppError::RateLimited(format!(
            "You can send at most {PER_DAY} invitations a day. Try again tomorrow."
        )));
    }
    rate_limit::record_event(db, current.user_id, SCOPE).await?;
    Ok(())
}

fn invitation_mail(
    current: &CurrentSession,
    to: &str,
    role: Role,
    token: &str,
    origin: &str,
) -> mail::Mail {
    mail::Mail {
        to: to.to_string(),
        subject: format!("{} invited you to {} on Trakkr", current.first_name, current.team_name),
        body: format!(
            "Hello,\n\n{} ({}) invited you to join {} on Trakkr as {} {}.\n\nOpen this link within 14 days to \
             accept:\n\n{origin}/invite?token={token}\n\nIf you did not expect this, ignore this message.",
            current.first_name,
            current.email,
            current.team_name,
            if role == Role::Admin { "an" } else { "a" },
            role.name(),
        ),
    }
}

/// Invites someone by email: stores the invitation with a hashed token and mails the link, in
/// one transaction.
pub async fn invite(
    db: &DatabaseConnection,
    current: &CurrentSession,
    new: NewInvitation,
    origin: &str,
    ip: &str,
) -> Result<(), AppError> {
    can(&current.viewer, Action::InviteMember)?;
    let txn = begin_write(db).await?;
    check_grant(&txn, current, &new.access, new.can_manage_billing).await?;
    let email = new.email.as_str().to_string();
    let member = user::Entity::find().filter(user::Column::Email.eq(&email)).one(&txn).await?;
    if let Some(u) = member {
        let same_team = membership::Entity::find()
            .filter(membership::Column::UserId.eq(u.id))
            .filter(membership::Column::TeamId.eq(current.team_id))
            .one(&txn)
            .await?;
        if same_team.is_some() {
            return Err(AppError::invalid("email", format!("{email} is already in your team.")));
        }
    }
    let earlier = invitation::Entity::find()
        .filter(invitation::Column::TeamId.eq(current.team_id))
        .filter(invitation::Column::Email.eq(&email))
        .one(&txn)
        .await?;
    match earlier {
        Some(old) if old.expires_at > Utc::now() => {
            return Err(AppError::invalid(
                "email",
                format!("{email} already has an invitation. Resend it from the list instead."),
            ));
        }
        Some(old) => {
            invitation::Entity::delete_by_id(old.id).exec(&txn).await?;
        }
        None => {}
    }
    sent_today(&txn, current).await?;
    let token = new_token();
    let now = Utc::now();
    let created = invitation::ActiveModel {
        team_id: Set(current.team_id),
        email: Set(email.clone()),
        role: Set(new.role.name().to_string()),
        can_manage_billing: Set(new.can_manage_billing),
        all_brands: Set(new.access == BrandAccess::All),
        token_hash: Set(hash_token(&token)),
        invited_by: Set(Some(current.user_id)),
        created_at: Set(now),
        sent_at: Set(now),
        expires_at: Set(now + LINK_LIFETIME),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if let BrandAccess::Only(ids) = &new.access {
        invitation_brand::Entity::insert_many(ids.iter().map(|id| invitation_brand::ActiveModel {
            invitation_id: Set(created.id),
            brand_id: Set(*id),
        }))
        .exec(&txn)
        .await?;
    }
    mail::queue(&txn, None, invitation_mail(current, &email, new.role, &token, origin)).await?;
    audit::record(&txn, current, "member.invited", &format!("{email} as {}", new.role.name()), ip)
        .await?;
    txn.commit().await?;
    Ok(())
}

async fn own_invitation<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
    invitation_id: i32,
) -> Result<invitation::Model, AppError> {
    invitation::Entity::find_by_id(invitation_id)
        .one(db)
        .await?
        .filter(|i| i.team_id == current.team_id)
        .ok_or(AppError::NotFound)
}

/// Mails a new link (the old one stops working) valid for another 14 days.
pub async fn resend(
    db: &DatabaseConnection,
    current: &CurrentSession,
    invitation_id: i32,
    origin: &str,
    ip: &str,
) -> Result<(), AppError> {
    can(&current.viewer, Action::InviteMember)?;
    let txn = begin_write(db).await?;
    let found = own_invitation(&txn, current, invitation_id).await?;
    sent_today(&txn, current).await?;
    let token = new_token();
    let now = Utc::now();
    let (email, role) = (found.email.clone(), role_of(&found.role));
    let mut row: invitation::ActiveModel = found.into();
    row.token_hash = Set(hash_token(&token));
    row.sent_at = Set(now);
    row.expires_at = Set(now + LINK_LIFETIME);
    row.update(&txn).await?;
    mail::queue(&txn, None, invitation_mail(current, &email, role, &token, origin)).await?;
    audit::record(&txn, current, "invitation.resent", &email, ip).await?;
    txn.commit().await?;
    Ok(())
}

/// Withdraws an invitation: its link stops working at once.
pub async fn revoke(
    db: &DatabaseConnection,
    current: &CurrentSession,
    invitation_id: i32,
    ip: &str,
) -> Result<(), AppError> {
    can(&current.viewer, Action::InviteMember)?;
    let txn = begin_write(db).await?;
    let found = own_invitation(&txn, current, invitation_id).await?;
    invitation::Entity::delete_by_id(found.id).exec(&txn).await?;
    audit::record(&txn, current, "invitation.revoked", &found.email, ip).await?;
    txn.commit().await?;
    Ok(())
}

async fn live_invitation<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> Result<invitation::Model, AppError> {
    invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(hash_token(token)))
        .one(db)
        .await?
        .filter(|i| i.expires_at > Utc::now())
        .ok_or_else(|| AppError::invalid("token", LINK_DEAD))
}

/// What the person holding this user's membership leaves behind by joining another team, or
/// why they can't.
async fn leaving<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<JoinStep, AppError> {
    let m = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let t = team::Entity::find_by_id(m.team_id).one(db).await?.ok_or(AppError::NotFound)?;
    if accounts::other_members(db, t.id, user_id).await? > 0 {
        return Ok(JoinStep::Blocked {
            reason: format!(
                "You are in {}, which has other members. Leave it (or transfer its ownership and \
                 leave) before joining another team.",
                t.name
            ),
        });
    }
    let brands = brand::Entity::find().filter(brand::Column::TeamId.eq(t.id)).count(db).await?;
    Ok(JoinStep::Confirm {
        leaves: LeftBehind { team_name: t.name, brands: brands as usize, plan: t.plan },
    })
}

/// The page an invitation link opens: whose team, and what this browser's person does next.
pub async fn invitation_view(
    db: &DatabaseConnection,
    token: &str,
    signed_in: Option<&CurrentSession>,
) -> Result<InvitationView, AppError> {
    let inv = live_invitation(db, token).await?;
    let t = team::Entity::find_by_id(inv.team_id).one(db).await?.ok_or(AppError::NotFound)?;
    let invited_by = match inv.invited_by {
        Some(id) => user::Entity::find_by_id(id).one(db).await?.map(|u| u.first_name),
        None => None,
    }
    .unwrap_or_else(|| "Someone".into());
    let account = user::Entity::find().filter(user::Column::Email.eq(&inv.email)).one(db).await?;
    let next_step = match (account, signed_in) {
        (None, _) => JoinStep::CreateAccount,
        (Some(u), Some(me)) if me.user_id == u.id => leaving(db, u.id).await?,
        (Some(_), Some(me)) => JoinStep::WrongAccount { signed_in_as: me.email.clone() },
        (Some(_), None) => JoinStep::SignIn,
    };
    Ok(InvitationView {
        team_name: t.name,
        invited_by,
        email: inv.email,
        role: role_of(&inv.role),
        next_step,
    })
}

async fn join<C: ConnectionTrait>(
    db: &C,
    inv: &invitation::Model,
    user_id: i32,
    ip: &str,
) -> Result<(), AppError> {
    let created = accounts::add_member(
        db,
        user_id,
        inv.team_id,
        role_of(&inv.role),
        inv.all_brands,
        inv.can_manage_billing,
    )
    .await?;
    if !inv.all_brands {
        // Only brands that still belong to the team (a deleted brand took its row with it).
        let ids = invitation_brand::Entity::find()
            .filter(invitation_brand::Column::InvitationId.eq(inv.id))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.brand_id)
            .collect();
        set_access(db, created.id, &BrandAccess::Only(ids)).await?;
    }
    invitation::Entity::delete_by_id(inv.id).exec(db).await?;
    audit::record_as(
        db,
        inv.team_id,
        Some(user_id),
        &inv.email,
        "member.joined",
        &format!("{} as {}", inv.email, inv.role),
        ip,
    )
    .await?;
    Ok(())
}

/// A new person accepts: their account is created straight into the team. Returns the user id.
pub async fn accept_as_new(
    db: &DatabaseConnection,
    hasher: &crate::backend::passwords::Hasher,
    token: &str,
    first_name: FirstName,
    password: Password,
    timezone: &str,
    ip: &str,
) -> Result<i32, AppError> {
    live_invitation(db, token).await?;
    let password_hash = hasher.hash(password.expose()).await?;
    let txn = begin_write(db).await?;
    let inv = live_invitation(&txn, token).await?;
    if user::Entity::find().filter(user::Column::Email.eq(&inv.email)).one(&txn).await?.is_some() {
        return Err(AppError::invalid(
            "token",
            "An account with this email exists now. Log in to accept the invitation.",
        ));
    }
    let email = crate::model::Email::parse(&inv.email).map_err(crate::backend::errors::internal)?;
    let created = accounts::insert_user(
        &txn,
        &email,
        &first_name,
        password_hash,
        accounts::clean_timezone(timezone),
    )
    .await?;
    join(&txn, &inv, created.id, ip).await?;
    txn.commit().await?;
    Ok(created.id)
}

/// A signed-in user whose email was invited accepts: their personal team (and its brands) goes,
/// and they join. Refused when their team has other members.
pub async fn accept_as_member(
    db: &DatabaseConnection,
    current: &CurrentSession,
    token: &str,
    ip: &str,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let inv = live_invitation(&txn, token).await?;
    if inv.email != current.email {
        return Err(AppError::invalid(
            "token",
            format!("This invitation is for {}. Log in as that account to accept it.", inv.email),
        ));
    }
    match leaving(&txn, current.user_id).await? {
        JoinStep::Blocked { reason } => return Err(AppError::Denied(reason)),
        JoinStep::Confirm { .. }
        | JoinStep::CreateAccount
        | JoinStep::SignIn
        | JoinStep::WrongAccount { .. } => {}
    }
    // The personal team, its brands and the membership go (ON DELETE CASCADE).
    team::Entity::delete_by_id(current.team_id).exec(&txn).await?;
    join(&txn, &inv, current.user_id, ip).await?;
    txn.commit().await?;
    Ok(())
}
