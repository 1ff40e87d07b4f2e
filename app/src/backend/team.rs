//! The team: members, invitations, roles, per-brand access, ownership. Every change writes the
//! team's audit log in the same transaction.

use super::clock::Prefs;
use super::db::begin_write;
use super::entities::{invitation, invitation_brand, membership, membership_brand, session, user};
use super::sessions::CurrentSession;
use super::{accounts, audit, mail};
use crate::error::AppError;
use crate::model::{BrandAccess, BrandChoice, InvitationRow, MemberRow, TeamMembersView, TeamView};
use crate::policy::{can, can_become_owner, Action, Plan, PlanLimits, Role};
use chrono::Utc;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

mod invitations;
pub use invitations::*;

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
    match access {
        BrandAccess::All if super::brands::allowed_brands(db, current).await?.is_none() => Ok(()),
        BrandAccess::All => Err(AppError::invalid(
            "brands",
            "You can only give access to brands you can see yourself. Choose them one by one.",
        )),
        BrandAccess::Only(ids) => {
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
