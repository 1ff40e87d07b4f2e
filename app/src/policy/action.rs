use super::{PlanLimits, Role, Tab, TeamFlags, Viewer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Everything a person can ask Settings to do. Server functions, REST handlers and MCP tools
/// name one of these before they touch data; the UI asks the same question to draw controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Open a tab and read what it shows.
    OpenTab(Tab),
    // Profile: the person's own account.
    EditProfile,
    ChangeEmail,
    SubmitFeedback,
    DeleteAccount,
    // Brands.
    CreateBrand,
    EditBrand,
    /// Turn a brand on while `active_now` brands are already active.
    ActivateBrand {
        active_now: u32,
    },
    DeleteBrand,
    ManageBrandGroups,
    // Team.
    InviteMember,
    /// Change a member's role or brand access; `target` is their role now.
    ChangeMember {
        target: Role,
    },
    RemoveMember {
        target: Role,
    },
    TransferOwnership,
    RequireTwoFactor,
    DeleteTeam,
    // Agency and White-Label.
    ViewAuditLog,
    EditAgencyBranding,
    ConfigureWhiteLabel,
    // Billing and Enterprise.
    ManageBilling,
    RequestEnterprise,
    // Security: the person's own credentials.
    ChangePassword,
    ManageTwoFactor,
    ManageSessions,
    // Developer.
    ConnectMcp,
    ManageApiKey,
}

/// A refusal, carrying the sentence a person reads. The UI, the server and the settings search
/// all show this same sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Denied(pub String);

impl Denied {
    fn new(sentence: impl Into<String>) -> Denied {
        Denied(sentence.into())
    }

    pub fn message(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Denied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Denied {}

fn editor(viewer: &Viewer, what: &str) -> Result<(), Denied> {
    if viewer.role.can_edit() {
        Ok(())
    } else {
        Err(Denied::new(format!("Viewers can't {what}. Ask the team owner or an admin.")))
    }
}

fn owner(viewer: &Viewer, what: &str) -> Result<(), Denied> {
    match viewer.role {
        Role::Owner => Ok(()),
        Role::Admin | Role::Viewer => Err(Denied::new(format!("Only the team owner can {what}."))),
    }
}

fn scale_team(viewer: &Viewer) -> Result<(), Denied> {
    if PlanLimits::of(viewer.plan).team_members {
        Ok(())
    } else {
        Err(Denied::new("Team management needs the Scale plan."))
    }
}

fn tab(viewer: &Viewer, tab: Tab) -> Result<(), Denied> {
    if tab.is_visible_to(viewer) {
        return Ok(());
    }
    let needs = match tab {
        Tab::Agency => "the Scale plan with agency mode on",
        Tab::WhiteLabel => "the Scale plan with agency mode or the white-label portal on",
        Tab::Enterprise => "a paid plan (Growth or Scale)",
        Tab::Referral => "members of the referral program",
        Tab::Profile | Tab::Brands | Tab::Team | Tab::Billing | Tab::Security | Tab::Developer => {
            "another plan or role"
        }
    };
    let to = if tab == Tab::Referral { "to" } else { "on" };
    Err(Denied::new(format!("The {} tab is available {to} {needs}.", tab.name())))
}

fn not_the_owner(target: Role, what: &str) -> Result<(), Denied> {
    match target {
        Role::Owner => {
            Err(Denied::new(format!("Nobody can {what}. The owner can transfer ownership first.")))
        }
        Role::Admin | Role::Viewer => Ok(()),
    }
}

/// May this member become the team's owner? A team that requires two-factor authentication
/// only passes ownership to someone who has it on.
pub fn can_become_owner(
    flags: &TeamFlags,
    role: Role,
    two_factor_enabled: bool,
) -> Result<(), Denied> {
    if role == Role::Owner {
        return Err(Denied::new("They already own the team."));
    }
    if flags.require_two_factor && !two_factor_enabled {
        return Err(Denied::new(
            "Your team requires two-factor authentication: the new owner must turn it on first.",
        ));
    }
    Ok(())
}

pub const TWO_FACTOR_REQUIRED: &str =
    "Your team requires two-factor authentication. Set it up under Security to continue.";

/// True while the team requires two-factor authentication and this member has not set it up:
/// then only the setup itself is allowed.
pub fn must_set_up_two_factor(viewer: &Viewer) -> bool {
    viewer.flags.require_two_factor && !viewer.two_factor_enabled
}

/// May this viewer do this? `Err` carries the sentence to show.
pub fn can(viewer: &Viewer, action: Action) -> Result<(), Denied> {
    if must_set_up_two_factor(viewer)
        && !matches!(action, Action::OpenTab(Tab::Security) | Action::ManageTwoFactor)
    {
        return Err(Denied::new(TWO_FACTOR_REQUIRED));
    }
    let limits = PlanLimits::of(viewer.plan);
    match action {
        Action::OpenTab(t) => tab(viewer, t),
        Action::EditProfile
        | Action::ChangeEmail
        | Action::SubmitFeedback
        | Action::DeleteAccount
        | Action::ChangePassword
        | Action::ManageTwoFactor
        | Action::ManageSessions => Ok(()),
        Action::CreateBrand => editor(viewer, "add brands"),
        Action::EditBrand => editor(viewer, "edit brands"),
        Action::ManageBrandGroups => editor(viewer, "organize brand groups"),
        Action::ActivateBrand { active_now } => {
            editor(viewer, "turn brands on")?;
            if active_now < limits.active_brands {
                Ok(())
            } else {
                let n = limits.active_brands;
                let brands = if n == 1 { "brand" } else { "brands" };
                Err(Denied::new(format!(
                    "The {} plan allows {n} active {brands}. Upgrade or turn another brand off first.",
                    viewer.plan.name()
                )))
            }
        }
        Action::DeleteBrand => owner(viewer, "delete brands"),
        Action::InviteMember => {
            scale_team(viewer)?;
            editor(viewer, "invite members")
        }
        Action::ChangeMember { target } => {
            scale_team(viewer)?;
            editor(viewer, "change roles or brand access")?;
            not_the_owner(target, "change the team owner's role or access")
        }
        Action::RemoveMember { target } => {
            scale_team(viewer)?;
            editor(viewer, "remove members")?;
            not_the_owner(target, "remove the team owner")
        }
        Action::TransferOwnership => {
            scale_team(viewer)?;
            owner(viewer, "transfer ownership")
        }
        Action::RequireTwoFactor => {
            owner(viewer, "change team-wide security")?;
            if viewer.two_factor_enabled {
                Ok(())
            } else {
                Err(Denied::new(
                    "Turn on two-factor authentication for yourself before requiring it for the team.",
                ))
            }
        }
        Action::DeleteTeam => owner(viewer, "delete the team"),
        Action::ViewAuditLog => {
            tab(viewer, Tab::Agency)?;
            editor(viewer, "read the audit log")
        }
        Action::EditAgencyBranding => {
            tab(viewer, Tab::Agency)?;
            editor(viewer, "change agency branding")
        }
        Action::ConfigureWhiteLabel => {
            tab(viewer, Tab::WhiteLabel)?;
            editor(viewer, "configure the white-label portal")
        }
        Action::ManageBilling => match viewer.role {
            Role::Owner => Ok(()),
            Role::Admin if viewer.can_manage_billing => Ok(()),
            Role::Admin | Role::Viewer => {
                Err(Denied::new("Only the team owner, or an admin they allow, can manage billing."))
            }
        },
        Action::RequestEnterprise => {
            tab(viewer, Tab::Enterprise)?;
            editor(viewer, "request enterprise features")
        }
        Action::ConnectMcp => {
            if limits.mcp {
                Ok(())
            } else {
                Err(Denied::new("The MCP server needs a paid plan (Growth or Scale)."))
            }
        }
        Action::ManageApiKey => {
            if limits.rest_api || viewer.flags.beta_api_access {
                editor(viewer, "manage API keys")
            } else {
                Err(Denied::new("The REST API key needs the Scale plan."))
            }
        }
    }
}
