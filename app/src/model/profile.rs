use super::{DateFormat, DisplayTime};
use serde::{Deserialize, Serialize};

/// Everything the Profile tab shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileView {
    pub first_name: String,
    pub email: String,
    pub pending_email: Option<PendingEmailView>,
    pub regional: RegionalView,
    /// True when the password was entered on this session in the last ten minutes.
    pub sudo_active: bool,
    /// Why the account cannot be deleted yet, if it cannot.
    pub deletion_blocked: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingEmailView {
    pub new_email: String,
    pub expires: DisplayTime,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionalView {
    pub timezone: String,
    pub date_format: DateFormat,
    /// "12/07/2026 09:00 Europe/London".
    pub next_report: String,
}

/// The kinds of feedback a person can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackKind {
    Bug,
    FeatureRequest,
    Idea,
}

impl FeedbackKind {
    pub const ALL: [FeedbackKind; 3] =
        [FeedbackKind::Bug, FeedbackKind::FeatureRequest, FeedbackKind::Idea];

    pub fn label(self) -> &'static str {
        match self {
            FeedbackKind::Bug => "Bug",
            FeedbackKind::FeatureRequest => "Feature request",
            FeedbackKind::Idea => "Idea",
        }
    }

    pub fn parse(s: &str) -> Result<FeedbackKind, String> {
        FeedbackKind::ALL
            .into_iter()
            .find(|k| k.label().eq_ignore_ascii_case(s) || format!("{k:?}") == s)
            .ok_or_else(|| "Choose Bug, Feature request or Idea.".to_string())
    }
}

/// A feedback message: 10 to 5,000 characters after trimming.
pub fn parse_feedback_message(input: &str) -> Result<String, String> {
    let text = input.trim();
    let n = text.chars().count();
    if n < 10 {
        Err("Write at least 10 characters.".into())
    } else if n > 5000 {
        Err("Write at most 5,000 characters.".into())
    } else {
        Ok(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_kinds_parse_by_label() {
        assert_eq!(FeedbackKind::parse("Feature request"), Ok(FeedbackKind::FeatureRequest));
        assert_eq!(FeedbackKind::parse("Idea"), Ok(FeedbackKind::Idea));
        assert!(FeedbackKind::parse("Rant").is_err());
    }

    #[test]
    fn feedback_messages_are_ten_to_five_thousand_characters() {
        assert!(parse_feedback_message("too short").is_err());
        assert_eq!(parse_feedback_message("  long enough now  ").unwrap(), "long enough now");
        assert!(parse_feedback_message(&"x".repeat(5000)).is_ok());
        assert!(parse_feedback_message(&"x".repeat(5001)).is_err());
    }
}
