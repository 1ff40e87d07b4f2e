use serde::{Deserialize, Serialize};

/// Why a value was refused, in words a person understands.
pub type Invalid = String;

/// An email address, trimmed and lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, Invalid> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err("Enter your email address.".into());
        }
        let refuse = || Err(format!("“{}” is not an email address.", input.trim()));
        if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse();
        }
        let Some((local, domain)) = value.rsplit_once('@') else { return refuse() };
        let labels_ok = domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.len() <= 63);
        if local.is_empty()
            || local.len() > 64
            || local.contains('@')
            || !domain.contains('.')
            || !labels_ok
            || domain.contains(['@', '(', ')', ',', ';', ':', '<', '>', '[', ']', '\\', '"'])
        {
            return refuse();
        }
        Ok(Email(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How a person appears to teammates: 1 to 100 characters after trimming.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstName(String);

impl FirstName {
    pub const MAX: usize = 100;

    pub fn parse(input: &str) -> Result<FirstName, Invalid> {
        let value = input.trim();
        if value.is_empty() {
            return Err("Enter your first name.".into());
        }
        if value.chars().count() > Self::MAX {
            return Err(format!("Use at most {} characters.", Self::MAX));
        }
        if value.chars().any(char::is_control) {
            return Err("Use letters, spaces and punctuation only.".into());
        }
        Ok(FirstName(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: 8 to 128 characters, no composition rules, not one of the commonest.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

impl Password {
    pub const MIN: usize = 8;
    pub const MAX: usize = 128;

    pub fn parse(input: &str) -> Result<Password, Invalid> {
        let length = input.chars().count();
        if length < Self::MIN {
            return Err(format!("Use at least {} characters.", Self::MIN));
        }
        if length > Self::MAX {
            return Err(format!("Use at most {} characters.", Self::MAX));
        }
        let lowered = input.to_lowercase();
        if COMMON_PASSWORDS.lines().any(|common| common == lowered)
            || input.chars().all(|c| input.starts_with(c))
        {
            return Err("This password is too common. Choose one that is harder to guess.".into());
        }
        Ok(Password(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// How dates are written for a person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateFormat {
    #[default]
    MonthFirst,
    DayFirst,
}

impl DateFormat {
    pub fn code(self) -> &'static str {
        match self {
            DateFormat::MonthFirst => "MM/DD/YYYY",
            DateFormat::DayFirst => "DD/MM/YYYY",
        }
    }

    pub fn parse(input: &str) -> Result<DateFormat, Invalid> {
        [DateFormat::MonthFirst, DateFormat::DayFirst]
            .into_iter()
            .find(|f| f.code() == input)
            .ok_or_else(|| "Choose MM/DD/YYYY or DD/MM/YYYY.".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(Email::parse("  Ada@Example.COM ").unwrap().as_str(), "ada@example.com");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "a da@example.com",
            "ada@-x.com",
            "a@b@c.com",
            "ada@example..com",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(Email::parse("").unwrap_err(), "Enter your email address.");
    }

    #[test]
    fn first_names_are_one_to_a_hundred_characters() {
        assert_eq!(FirstName::parse("  Ada ").unwrap().as_str(), "Ada");
        assert!(FirstName::parse("   ").is_err());
        assert!(FirstName::parse(&"é".repeat(100)).is_ok());
        assert!(FirstName::parse(&"é".repeat(101)).is_err());
        assert!(FirstName::parse("Ada\u{0}").is_err());
    }

    #[test]
    fn passwords_need_eight_to_128_characters() {
        assert_eq!(Password::parse("short").unwrap_err(), "Use at least 8 characters.");
        assert!(Password::parse(&"ab".repeat(64)).is_ok());
        assert!(Password::parse(&"ab".repeat(65)).is_err());
        assert!(Password::parse("correct horse battery").is_ok());
        assert!(Password::parse("çava bien").is_ok());
    }

    #[test]
    fn common_passwords_are_refused_whatever_the_case() {
        for bad in ["password", "Password1", "QWERTY123", "12345678", "zzzzzzzzzz"] {
            assert!(Password::parse(bad).unwrap_err().contains("too common"), "{bad}");
        }
    }

    #[test]
    fn passwords_never_show_in_debug_output() {
        let p = Password::parse("a secret phrase").unwrap();
        assert!(!format!("{p:?}").contains("secret"));
    }

    #[test]
    fn date_formats_parse_their_codes() {
        assert_eq!(DateFormat::parse("DD/MM/YYYY"), Ok(DateFormat::DayFirst));
        assert!(DateFormat::parse("YYYY-MM-DD").is_err());
    }
}
