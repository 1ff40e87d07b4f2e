use super::{Plan, Viewer};
use serde::{Deserialize, Serialize};

/// The ten tabs of Settings, in sidebar order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tab {
    Profile,
    Brands,
    Team,
    Agency,
    WhiteLabel,
    Billing,
    Enterprise,
    Security,
    Developer,
    Referral,
}

impl Tab {
    pub const ALL: [Tab; 10] = [
        Tab::Profile,
        Tab::Brands,
        Tab::Team,
        Tab::Agency,
        Tab::WhiteLabel,
        Tab::Billing,
        Tab::Enterprise,
        Tab::Security,
        Tab::Developer,
        Tab::Referral,
    ];

    /// The path segment under `/settings/`.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Profile => "profile",
            Tab::Brands => "brands",
            Tab::Team => "team",
            Tab::Agency => "agency",
            Tab::WhiteLabel => "white-label",
            Tab::Billing => "billing",
            Tab::Enterprise => "enterprise",
            Tab::Security => "security",
            Tab::Developer => "developer",
            Tab::Referral => "referral",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn path(self) -> String {
        format!("/settings/{}", self.slug())
    }

    /// The tab's name where no viewer is involved (headings, the not-available page).
    pub fn name(self) -> &'static str {
        match self {
            Tab::Profile => "Profile",
            Tab::Brands => "Brands",
            Tab::Team => "Team",
            Tab::Agency => "Agency",
            Tab::WhiteLabel => "White-Label",
            Tab::Billing => "Billing",
            Tab::Enterprise => "Enterprise",
            Tab::Security => "Security",
            Tab::Developer => "Developer",
            Tab::Referral => "Referral",
        }
    }

    /// Whether this viewer sees the tab at all.
    pub fn is_visible_to(self, viewer: &Viewer) -> bool {
        let scale = viewer.plan == Plan::Scale;
        match self {
            Tab::Profile | Tab::Brands | Tab::Team | Tab::Billing => true,
            Tab::Security | Tab::Developer => true,
            Tab::Agency => scale && viewer.flags.agency_mode,
            Tab::WhiteLabel => {
                scale && (viewer.flags.agency_mode || viewer.flags.white_label_active)
            }
            Tab::Enterprise => viewer.plan.is_paid(),
            Tab::Referral => viewer.referral_member,
        }
    }
}

/// The tabs this viewer sees, in sidebar order.
pub fn visible_tabs(viewer: &Viewer) -> Vec<Tab> {
    Tab::ALL.into_iter().filter(|t| t.is_visible_to(viewer)).collect()
}

/// The label of a tab in the sidebar: Free sees **Upgrade** where others see Billing.
pub fn tab_label(viewer: &Viewer, tab: Tab) -> &'static str {
    match (tab, viewer.plan) {
        (Tab::Billing, Plan::Free) => "Upgrade",
        (Tab::Billing, Plan::Growth | Plan::Scale) => "Billing",
        (
            Tab::Profile
            | Tab::Brands
            | Tab::Team
            | Tab::Agency
            | Tab::WhiteLabel
            | Tab::Enterprise
            | Tab::Security
            | Tab::Developer
            | Tab::Referral,
            _,
        ) => tab.name(),
    }
}

/// The seed's one-line purpose of each tab.
pub fn tab_purpose(tab: Tab) -> &'static str {
    match tab {
        Tab::Profile => "Name, email, timezone, date format, account deletion.",
        Tab::Brands => "Brand portfolio management.",
        Tab::Team => "Team members and invitations.",
        Tab::Agency => "Client health, audit logs.",
        Tab::WhiteLabel => "Custom domain, branding, client portal.",
        Tab::Billing => "Plan, usage, add-ons, Stripe portal.",
        Tab::Enterprise => "Custom limits, SSO, dedicated support inquiry.",
        Tab::Security => "Password, 2FA, active sessions.",
        Tab::Developer => "MCP server setup (any paid plan); REST API key (Scale).",
        Tab::Referral => "Referral code and tracking.",
    }
}
