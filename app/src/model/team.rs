//! The Team tab's wire types and the invitation form's checks.

use super::{DisplayTime, Email};
use crate::policy::Role;
use serde::{Deserialize, Serialize};

/// Which brands a member (or an invitee) may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BrandAccess {
    All,
    /// These brand ids only.
    Only(Vec<i32>),
}

impl BrandAccess {
    /// From the form: "all", or the chosen brand ids (at least one).
    pub fn parse(all: bool, ids: &[i32]) -> Result<BrandAccess, String> {
        if all {
            return Ok(BrandAccess::All);
        }
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Err("Choose at least one brand, or give access to all brands.".into());
        }
        Ok(BrandAccess::Only(ids))
    }
}

/// The roles an invitation or a role change can give; ownership moves only by transfer.
pub fn parse_assignable_role(input: &str) -> Result<Role, String> {
    match Role::parse(input.trim()) {
        Some(role @ (Role::Admin | Role::Viewer)) => Ok(role),
        Some(Role::Owner) => {
            Err("Ownership can't be given this way. The owner can transfer it.".into())
        }
        None => Err("Choose Admin or Viewer.".into()),
    }
}

/// A brand as the access pickers list it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrandChoice {
    pub id: i32,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberRow {
    pub membership_id: i32,
    pub first_name: String,
    pub email: String,
    pub role: Role,
    pub can_manage_billing: bool,
    pub access: BrandAccess,
    pub two_factor: bool,
    /// The newest activity of any of their sessions.
    pub last_active: Option<DisplayTime>,
    pub is_you: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationRow {
    pub id: i32,
    pub email: String,
    pub role: Role,
    pub can_manage_billing: bool,
    pub access: BrandAccess,
    pub sent: DisplayTime,
    pub expires: DisplayTime,
    pub expired: bool,
}

/// Everything the Team tab shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TeamView {
    /// Free and Growth: what Scale adds, and the way to Billing.
    Upgrade {
        plan: String,
    },
    Members(Box<TeamMembersView>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamMembersView {
    pub team_name: String,
    pub members: Vec<MemberRow>,
    pub invitations: Vec<InvitationRow>,
    /// The brands this viewer may hand out.
    pub brands: Vec<BrandChoice>,
    /// Whether this viewer sees every brand (and so may grant all of them).
    pub grants_all_brands: bool,
    pub can_manage: bool,
    pub can_grant_billing: bool,
    pub can_transfer: bool,
    pub require_two_factor: bool,
    pub sudo_active: bool,
}

/// What the page an invitation link opens knows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationView {
    pub team_name: String,
    pub invited_by: String,
    pub email: String,
    pub role: Role,
    pub next_step: JoinStep,
}

/// What the person who opened the link does next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum JoinStep {
    /// No account with this email: give a first name and a password.
    CreateAccount,
    /// An account exists but this browser is not signed in to it.
    SignIn,
    /// Signed in as someone else.
    WrongAccount { signed_in_as: String },
    /// Signed in as the invitee: confirm, knowing what is left behind.
    Confirm { leaves: LeftBehind },
    /// The invitee's team has other members: they can't leave it this way.
    Blocked { reason: String },
}

/// What joining another team costs an existing user: their personal team and its brands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeftBehind {
    pub team_name: String,
    pub brands: usize,
    pub plan: String,
}

/// An invitation form, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct NewInvitation {
    pub email: Email,
    pub role: Role,
    pub access: BrandAccess,
    pub can_manage_billing: bool,
}

impl NewInvitation {
    /// A refusal names its field: `email`, `role` or `brands`.
    pub fn parse(
        email: &str,
        role: &str,
        all_brands: bool,
        brand_ids: &[i32],
        can_manage_billing: bool,
    ) -> Result<NewInvitation, (&'static str, String)> {
        let email = Email::parse(email).map_err(|m| ("email", m))?;
        let role = parse_assignable_role(role).map_err(|m| ("role", m))?;
        let access = BrandAccess::parse(all_brands, brand_ids).map_err(|m| ("brands", m))?;
        // Billing is an Admin's right; a Viewer never holds it.
        let can_manage_billing = can_manage_billing && role == Role::Admin;
        Ok(NewInvitation { email, role, access, can_manage_billing })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admin_and_viewer_can_be_given() {
        assert_eq!(parse_assignable_role("admin"), Ok(Role::Admin));
        assert_eq!(parse_assignable_role("Viewer"), Ok(Role::Viewer));
        assert!(parse_assignable_role("Owner").is_err());
        assert!(parse_assignable_role("boss").is_err());
    }

    #[test]
    fn chosen_brands_need_at_least_one() {
        assert_eq!(BrandAccess::parse(true, &[3]), Ok(BrandAccess::All));
        assert_eq!(BrandAccess::parse(false, &[3, 1, 3]), Ok(BrandAccess::Only(vec![1, 3])));
        assert!(BrandAccess::parse(false, &[]).is_err());
    }

    #[test]
    fn invitations_name_the_field_they_refuse_and_keep_billing_for_admins() {
        assert_eq!(NewInvitation::parse("nope", "Admin", true, &[], false).unwrap_err().0, "email");
        assert_eq!(
            NewInvitation::parse("a@b.co", "Owner", true, &[], false).unwrap_err().0,
            "role"
        );
        assert_eq!(
            NewInvitation::parse("a@b.co", "Viewer", false, &[], false).unwrap_err().0,
            "brands"
        );
        assert!(
            !NewInvitation::parse("a@b.co", "Viewer", true, &[], true).unwrap().can_manage_billing
        );
        assert!(
            NewInvitation::parse("a@b.co", "Admin", true, &[], true).unwrap().can_manage_billing
        );
    }
}
