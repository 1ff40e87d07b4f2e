//! Types that cross the wire, and value types that can only hold a valid value. The same
//! parsing runs in the browser and on the server.

mod brands;
mod profile;
mod security;
mod team;
mod values;

pub use brands::{
    parse_aliases, parse_brand_name, parse_favicon, parse_group_name, parse_location, parse_market,
    BrandDetails, BrandRow, BrandsView, GroupView, ImportPreview, ImportRow, Website,
};
pub use profile::{
    parse_feedback_message, FeedbackKind, PendingEmailView, ProfileView, RegionalView,
};
pub use security::{
    SecurityEventKind, SecurityEventView, SecurityView, SessionInfo, TwoFactorSetup,
    TwoFactorStatus,
};
pub use team::{
    parse_assignable_role, BrandAccess, BrandChoice, InvitationRow, InvitationView, JoinStep,
    LeftBehind, MemberRow, NewInvitation, TeamMembersView, TeamView,
};
pub use values::{DateFormat, Email, FirstName, Password};

use crate::policy::{Tab, Viewer};
use serde::{Deserialize, Serialize};

/// What the shell shows about the signed-in person: safe to serialize into the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub first_name: String,
    pub email: String,
    pub team_name: String,
    pub viewer: Viewer,
}

impl SessionView {
    pub fn tabs(&self) -> Vec<Tab> {
        crate::policy::visible_tabs(&self.viewer)
    }
}

/// What a refused sign-in or sign-up form sent, so the page can show it again with the error.
/// Never holds a password.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthForm {
    pub first_name: String,
    pub email: String,
    pub error: Option<crate::error::AppError>,
}

/// Where to go after signing in: only ever a path on this site.
pub fn safe_next(next: Option<&str>) -> String {
    const HOME: &str = "/settings/profile";
    let Some(next) = next.map(str::trim).filter(|n| !n.is_empty()) else { return HOME.into() };
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(|c| c.is_control() || c.is_whitespace());
    if local {
        next.to_string()
    } else {
        HOME.into()
    }
}

#[cfg(test)]
mod next_tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/settings/team")), "/settings/team");
        assert_eq!(safe_next(Some("/settings/brands?sort=score")), "/settings/brands?sort=score");
        for away in [
            "https://evil.test/",
            "//evil.test",
            "/\\evil.test",
            "javascript:alert(1)",
            "evil.test",
            "/\tx",
            "",
        ] {
            assert_eq!(safe_next(Some(away)), "/settings/profile", "{away:?}");
        }
        assert_eq!(safe_next(None), "/settings/profile");
    }
}

/// A moment, already written for the person reading it (their timezone and date format).
/// Made on the server by `backend::clock`; shown by `ui::Time`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayTime {
    /// RFC 3339, for `<time datetime>`.
    pub iso: String,
    /// "12/07/2026 09:00".
    pub text: String,
}

/// Every IANA timezone name, the same list the server's chrono-tz knows (a test keeps them equal),
/// shipped as text so the browser draws the Timezone select without the zone database.
pub fn timezones() -> impl Iterator<Item = &'static str> {
    include_str!("model/timezones.txt").lines()
}
