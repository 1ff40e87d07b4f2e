use super::DisplayTime;
use serde::{Deserialize, Serialize};

/// Everything the Security tab shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SecurityView {
    pub two_factor: TwoFactorStatus,
    /// The team-wide requirement, for the owner only: whether it is on, and why it cannot be
    /// changed now, if it cannot.
    pub team_requirement: Option<(bool, Option<String>)>,
    /// This member must set up two-factor authentication before anything else.
    pub must_set_up: bool,
    pub sessions: Vec<SessionInfo>,
    pub events: Vec<SecurityEventView>,
    pub sudo_active: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    pub enabled: bool,
    pub codes_left: u64,
}

/// What the setup view shows: the secret as a QR code (inline SVG) and as text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    /// Base32, 32 characters for the 20-byte secret.
    pub secret: String,
    pub qr_svg: String,
}

/// One signed-in device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub id: i32,
    /// "Desktop", "Mobile", "Tablet" or "Unknown device".
    pub device: String,
    /// "Chrome 120 on Linux".
    pub browser: String,
    pub location: String,
    pub ip: String,
    pub signed_in: DisplayTime,
    pub last_active: DisplayTime,
    pub this_device: bool,
}

/// The kinds of event the security log records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecurityEventKind {
    SignedIn,
    FailedSignIn,
    PasswordChanged,
    SessionRevoked,
    SignedOutEverywhere,
    EmailChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RecoveryCodeUsed,
}

impl SecurityEventKind {
    pub const ALL: [SecurityEventKind; 9] = [
        SecurityEventKind::SignedIn,
        SecurityEventKind::FailedSignIn,
        SecurityEventKind::PasswordChanged,
        SecurityEventKind::SessionRevoked,
        SecurityEventKind::SignedOutEverywhere,
        SecurityEventKind::EmailChanged,
        SecurityEventKind::TwoFactorEnabled,
        SecurityEventKind::TwoFactorDisabled,
        SecurityEventKind::RecoveryCodeUsed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SecurityEventKind::SignedIn => "signed_in",
            SecurityEventKind::FailedSignIn => "failed_sign_in",
            SecurityEventKind::PasswordChanged => "password_changed",
            SecurityEventKind::SessionRevoked => "session_revoked",
            SecurityEventKind::SignedOutEverywhere => "signed_out_everywhere",
            SecurityEventKind::EmailChanged => "email_changed",
            SecurityEventKind::TwoFactorEnabled => "two_factor_enabled",
            SecurityEventKind::TwoFactorDisabled => "two_factor_disabled",
            SecurityEventKind::RecoveryCodeUsed => "recovery_code_used",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SecurityEventKind::SignedIn => "Signed in",
            SecurityEventKind::FailedSignIn => "Failed sign-in",
            SecurityEventKind::PasswordChanged => "Password changed",
            SecurityEventKind::SessionRevoked => "Session signed out",
            SecurityEventKind::SignedOutEverywhere => "Signed out everywhere else",
            SecurityEventKind::EmailChanged => "Email changed",
            SecurityEventKind::TwoFactorEnabled => "Two-factor authentication turned on",
            SecurityEventKind::TwoFactorDisabled => "Two-factor authentication turned off",
            SecurityEventKind::RecoveryCodeUsed => "Recovery code used",
        }
    }

    pub fn from_code(code: &str) -> Option<SecurityEventKind> {
        SecurityEventKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SecurityEventView {
    pub kind: SecurityEventKind,
    pub at: DisplayTime,
    pub ip: String,
    pub device: String,
}
