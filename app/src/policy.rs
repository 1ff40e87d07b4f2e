//! The one place where plan, role and flag rules live. Pure: no I/O, no `cfg`, used unchanged by the
//! WASM UI and by every server entry point. Every `match` names each case, so a new plan, role,
//! flag or tab does not compile until someone decides what it may see.

mod action;
mod limits;
mod tab;

pub use action::{
    can, can_become_owner, must_set_up_two_factor, Action, Denied, TWO_FACTOR_REQUIRED,
};
pub use limits::{active_brand_limit, PlanLimits};
pub use tab::{tab_label, tab_purpose, visible_tabs, Tab};

use serde::{Deserialize, Serialize};

/// The subscription a team is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Plan {
    Free,
    Growth,
    Scale,
}

impl Plan {
    pub const ALL: [Plan; 3] = [Plan::Free, Plan::Growth, Plan::Scale];

    pub fn name(self) -> &'static str {
        match self {
            Plan::Free => "Free",
            Plan::Growth => "Growth",
            Plan::Scale => "Scale",
        }
    }

    pub fn parse(s: &str) -> Option<Plan> {
        Plan::ALL.into_iter().find(|p| p.name().eq_ignore_ascii_case(s))
    }

    pub fn is_paid(self) -> bool {
        match self {
            Plan::Free => false,
            Plan::Growth | Plan::Scale => true,
        }
    }
}

/// A member's place in their team. Owner > Admin > Viewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Owner,
    Admin,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Owner, Role::Admin, Role::Viewer];

    pub fn name(self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Admin => "Admin",
            Role::Viewer => "Viewer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name().eq_ignore_ascii_case(s))
    }

    /// Owner and Admin change things; Viewers read.
    pub fn can_edit(self) -> bool {
        match self {
            Role::Owner | Role::Admin => true,
            Role::Viewer => false,
        }
    }
}

/// Switches that belong to the team rather than to the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TeamFlags {
    pub agency_mode: bool,
    pub white_label_active: bool,
    pub beta_api_access: bool,
    pub require_two_factor: bool,
}

/// Everything the policy needs to know about the person asking. Built once per request on the
/// server from the session; never trusted when sent back by a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub plan: Plan,
    pub role: Role,
    pub flags: TeamFlags,
    /// Admins only: granted the right to change the subscription.
    pub can_manage_billing: bool,
    pub referral_member: bool,
    pub two_factor_enabled: bool,
}

#[cfg(test)]
mod tests;
