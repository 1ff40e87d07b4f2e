//! The team: members, invitations, roles, per-brand access, ownership. Every change writes the
//! team's audit log in the same transaction.

use super::clock::Prefs;
use super::db::begin_write;
use super::entities::{
    brand, invitation, invitation_brand, membership, membership_brand, session, team, user,
};
use super::sessions::{hash_token, new_token, CurrentSession};
use super::{accounts, audit, mail, rate_limit};
use crate::error::AppError;
use crate::model::{
    BrandAccess, BrandChoice, FirstName, InvitationRow, InvitationView, JoinStep, LeftBehind,
    MemberRow, NewInvitation, Password, TeamMembersView, TeamView,
};
use crate::policy::{can, can_become_owner, Action, Plan, PlanLimits, Role};
use chrono::{Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

/// How long an invitation link works.
pub const LINK_LIFETIME: Duration = Duration::days(14);
/// Invitations (and resends) one person may send a day.
pub const PER_DAY: u64 = 50;
const SCOPE: &str = "invite";
pub const LINK_DEAD: &str =
    "This invitation has expired, was revoked or was already used. Ask the team for a new one.";

fn role_of(stored: &str) -> Role {
    Role::parse(stored).unwrap_or(Role::Viewer)
}

/// The brands each of these memberships may see, for those limited to some.
async fn chosen_brands<C: ConnectionTrait>(
    db: &C,
    membership_ids: Vec<i32>,
) -> Result<HashMap<i32, Vec<i32>>, AppError> {
    let mut by_member: HashMap<i32, Vec<i32>> = HashMap::new();
    for row in membership_brand::Entity::find()
        .filter(membership_brand::Column::MembershipId.is_in(membership_ids))
        .all(db)
        .await?
    {
        by_member.entry(row.membership_id).or_default().push(row.brand_id);
    }
    Ok(by_member)
}

pub async fn view(db: &DatabaseConnection, current: &CurrentSession) -> Result<TeamView, AppError> {
    if !PlanLimits::of(current.viewer.plan).team_members {
        return Ok(TeamView::Upgrade { plan: current.viewer.plan.name().to_string() });
    }
    let prefs = Prefs::from_stored(&current.timezone, &current.date_format);
    let now = Utc::now();
    let members = membership::Entity::find()
        .filter(membership::Column::TeamId.eq(current.team_id))
        .all(db)
        .await?;
    let user_ids: Vec<i32> = members.iter().map(|m| m.user_id).collect();
    let users: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut last_seen = HashMap::new();
    for s in session::Entity::find().filter(session::Column::UserId.is_in(user_ids)).all(db).await?
    {
        let newest = last_seen.entry(s.user_id).or_insert(s.last_seen_at);
        if s.last_seen_at > *newest {
            *newest = s.last_seen_at;
        }
    }
    let mut chosen = chosen_brands(db, members.iter().map(|m| m.id).collect()).await?;
    let mut rows: Vec<MemberRow> = members
        .into_iter()
        .filter_map(|m| {
            let u = users.get(&m.user_id)?;
            Some(MemberRow {
                membership_id: m.id,
                first_name: u.first_name.clone(),
                email: u.email.clone(),
                role: role_of(&m.role),
                can_manage_billing: m.can_manage_billing,
                access: if m.all_brands {
                    BrandAccess::All
                } else {
                    BrandAccess::Only(chosen.remove(&m.id).unwrap_or_default())
                },
                two_factor: u.two_factor_enabled,
                last_active: last_seen.get(&m.user_id).map(|t| prefs.display(*t)),
                is_you: m.user_id == current.user_id,
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.role as u8, a.first_name.to_lowercase())
            .cmp(&(b.role as u8, b.first_name.to_lowercase()))
    });
    let invites = invitation::Entity::find()
        .filter(invitation::Column::TeamId.eq(current.team_id))
        .order_by_desc(invitation::Column::SentAt)
        .all(db)
        .await?;
    let mut invite_brands: HashMap<i32, Vec<i32>> = HashMap::new();
    for row in invitation_brand::Entity::find()
        .filter(invitation_brand::Column::InvitationId.is_in(invites.iter().map(|i| i.id)))
        .all(db)
        .await?
    {
        invite_brands.entry(row.invitation_id).or_default().push(row.brand_id);
    }
    let invitations = invites
        .into_iter()
        .map(|i| InvitationRow {
            id: i.id,
            email: i.email,
            role: role_of(&i.role),
            can_manage_billing: i.can_manage_billing,
            access: if i.all_brands {
                BrandAccess::All
            } else {
                BrandAccess::Only(invite_brands.remove(&i.id).unwrap_or_default())
            },
            sent: prefs.display(i.sent_at),
            expires: prefs.display(i.expires_at),
            expired: i.expires_at <= now,
        })
        .collect();
    let grants_all = super::brands::allowed_brands(db, current).await?.is_none();
    let brands = super::brands::visible(db, current)
        .await?
        .into_iter()
        .map(|b| BrandChoice { id: b.id, name: b.name })
        .collect();
    Ok(TeamView::Members(Box::new(TeamMembersView {
        team_name: current.team_name.clone(),
        members: rows,
        invitations,
        brands,
        grants_all_brands: grants_all,
        can_manage: can(&current.viewer, Action::InviteMember).is_ok(),
        can_grant_billing: can(&current.viewer, Action::ManageBilling).is_ok(),
        can_transfer: can(&current.viewer, Action::TransferOwnership).is_ok(),
        require_two_factor: current.viewer.flags.require_two_factor,
        sudo_active: super::sudo::is_active(current, now),
    })))
}

/// Refuses access the granter does not have themselves: all brands only from someone who sees
/// all, chosen brands only among those they see.
async fn check_grant<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
    access: &BrandAccess,
    can_manage_billing: bool,
) -> Result<(), AppError> {
    if can_manage_billing {
        can(&current.viewer, Action::ManageBilling)?;
    }
    let allowed = super::brands::allowed_brands(db, current).await?;
    match (access, allowed) {
        (BrandAccess::All, None) => Ok(()),
        (BrandAccess::All, Some(_)) => Err(AppError::invalid(
            "brands",
            "You can only give access to brands you can see yourself. Choose them one by one.",
        )),
        (BrandAccess::Only(ids), _) => {
            let visible: Vec<i32> =
                super::brands::visible(db, current).await?.into_iter().map(|b| b.id).collect();
            if ids.iter().all(|id| visible.contains(id)) {
                Ok(())
            } else {
                Err(AppError::invalid("brands", "Choose brands from your team's portfolio."))
            }
        }
    }
}

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

async fn other_member<C: ConnectionTrait>(
    db: &C,
    current: &CurrentSession,
    membership_id: i32,
) -> Result<(membership::Model, user::Model), AppError> {
    let m = membership::Entity::find_by_id(membership_id)
        .one(db)
        .await?
        .filter(|m| m.team_id == current.team_id)
        .ok_or(AppError::NotFound)?;
    if m.user_id == current.user_id {
        return Err(AppError::Denied(
            "You can't change or remove yourself here. Ask another admin or the owner.".into(),
        ));
    }
    let u = user::Entity::find_by_id(m.user_id).one(db).await?.ok_or(AppError::NotFound)?;
    Ok((m, u))
}

async fn set_access<C: ConnectionTrait>(
    db: &C,
    membership_id: i32,
    access: &BrandAccess,
) -> Result<(), AppError> {
    membership_brand::Entity::delete_many()
        .filter(membership_brand::Column::MembershipId.eq(membership_id))
        .exec(db)
        .await?;
    if let BrandAccess::Only(ids) = access {
        membership_brand::Entity::insert_many(ids.iter().map(|id| membership_brand::ActiveModel {
            membership_id: Set(membership_id),
            brand_id: Set(*id),
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

fn describe(access: &BrandAccess) -> String {
    match access {
        BrandAccess::All => "all brands".into(),
        BrandAccess::Only(ids) => format!("{} chosen brand(s)", ids.len()),
    }
}

/// Changes a member's role, brand access and billing right. Nobody changes the Owner.
pub async fn change_member(
    db: &DatabaseConnection,
    current: &CurrentSession,
    membership_id: i32,
    role: Role,
    access: BrandAccess,
    can_manage_billing: bool,
    ip: &str,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let (m, u) = other_member(&txn, current, membership_id).await?;
    can(&current.viewer, Action::ChangeMember { target: role_of(&m.role) })?;
    let can_manage_billing = can_manage_billing && role == Role::Admin;
    if can_manage_billing != m.can_manage_billing {
        can(&current.viewer, Action::ManageBilling)?;
    }
    check_grant(&txn, current, &access, false).await?;
    let before = role_of(&m.role);
    let mut row: membership::ActiveModel = m.into();
    row.role = Set(role.name().to_string());
    row.all_brands = Set(access == BrandAccess::All);
    row.can_manage_billing = Set(can_manage_billing);
    row.update(&txn).await?;
    set_access(&txn, membership_id, &access).await?;
    let what = if before == role {
        format!("{}: {}", u.email, describe(&access))
    } else {
        format!("{}: {} → {}, {}", u.email, before.name(), role.name(), describe(&access))
    };
    audit::record(&txn, current, "member.changed", &what, ip).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes a member: their sessions end at once and they keep their account, in a personal team
/// of their own. Nobody removes the Owner.
pub async fn remove_member(
    db: &DatabaseConnection,
    current: &CurrentSession,
    membership_id: i32,
    ip: &str,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    let (m, u) = other_member(&txn, current, membership_id).await?;
    can(&current.viewer, Action::RemoveMember { target: role_of(&m.role) })?;
    session::Entity::delete_many().filter(session::Column::UserId.eq(u.id)).exec(&txn).await?;
    membership::Entity::delete_by_id(m.id).exec(&txn).await?;
    let own = accounts::personal_team(&txn, &u.first_name, Plan::Free).await?;
    accounts::add_member(&txn, u.id, own.id, Role::Owner, true, false).await?;
    mail::queue(
        &txn,
        Some(u.id),
        mail::Mail {
            to: u.email.clone(),
            subject: format!("You were removed from {}", current.team_name),
            body: format!(
                "Hello {},\n\n{} removed you from {} on Trakkr, and you were signed out. Your account \
                 stays: sign in again to use your own team.",
                u.first_name, current.first_name, current.team_name
            ),
        },
    )
    .await?;
    audit::record(&txn, current, "member.removed", &u.email, ip).await?;
    txn.commit().await?;
    Ok(())
}

/// Hands the team to another member (the caller has checked sudo mode). The old owner becomes an
/// Admin who can manage billing.
pub async fn transfer_ownership(
    db: &DatabaseConnection,
    current: &CurrentSession,
    membership_id: i32,
    ip: &str,
) -> Result<(), AppError> {
    can(&current.viewer, Action::TransferOwnership)?;
    let txn = begin_write(db).await?;
    let (m, u) = other_member(&txn, current, membership_id).await?;
    can_become_owner(&current.viewer.flags, role_of(&m.role), u.two_factor_enabled)?;
    membership::Entity::update_many()
        .col_expr(membership::Column::Role, Expr::value(Role::Admin.name()))
        .col_expr(membership::Column::CanManageBilling, Expr::value(true))
        .filter(membership::Column::Id.eq(current.membership_id))
        .exec(&txn)
        .await?;
    let mut row: membership::ActiveModel = m.into();
    row.role = Set(Role::Owner.name().to_string());
    row.all_brands = Set(true);
    row.can_manage_billing = Set(false);
    row.update(&txn).await?;
    set_access(&txn, membership_id, &BrandAccess::All).await?;
    mail::queue(
        &txn,
        Some(u.id),
        mail::Mail {
            to: u.email.clone(),
            subject: format!("You now own {}", current.team_name),
            body: format!(
                "Hello {},\n\n{} transferred the ownership of {} on Trakkr to you. {} is now an admin.",
                u.first_name, current.first_name, current.team_name, current.first_name
            ),
        },
    )
    .await?;
    audit::record(&txn, current, "ownership.transferred", &u.email, ip).await?;
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

async fn other_members<C: ConnectionTrait>(
    db: &C,
    team_id: i32,
    user_id: i32,
) -> Result<u64, AppError> {
    Ok(membership::Entity::find()
        .filter(membership::Column::TeamId.eq(team_id))
        .filter(membership::Column::UserId.ne(user_id))
        .count(db)
        .await?)
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
    if other_members(db, t.id, user_id).await? > 0 {
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
    // Only brands that still belong to the team (a deleted brand took its row with it).
    let ids: Vec<i32> = invitation_brand::Entity::find()
        .filter(invitation_brand::Column::InvitationId.eq(inv.id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.brand_id)
        .collect();
    if !inv.all_brands {
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
    hasher: &super::passwords::Hasher,
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
    let email = crate::model::Email::parse(&inv.email).map_err(super::errors::internal)?;
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
