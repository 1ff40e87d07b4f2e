use serde::{Deserialize, Serialize};

/// A brand's website, normalized to `https://host` (lower-case, no path, no `www.`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Website(String);

impl Website {
    pub fn parse(input: &str) -> Result<Website, String> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err("Enter the brand's website.".into());
        }
        let without_scheme = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
            .unwrap_or(trimmed);
        let host = without_scheme.split(['/', '?', '#']).next().unwrap_or_default().to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        let labels_ok = host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
        if host.len() > 253
            || !host.contains('.')
            || !labels_ok
            || trimmed.contains(char::is_whitespace)
        {
            return Err(format!("“{trimmed}” is not a website address."));
        }
        Ok(Website(format!("https://{host}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn host(&self) -> &str {
        self.0.trim_start_matches("https://")
    }

    /// Where the brand's icon is expected.
    pub fn favicon_url(&self) -> String {
        format!("{}/favicon.ico", self.0)
    }
}

/// A brand name: 1 to 100 characters after trimming.
pub fn parse_brand_name(input: &str) -> Result<String, String> {
    let name = input.trim();
    match name.chars().count() {
        0 => Err("Enter the brand's name.".into()),
        n if n > 100 => Err("Use at most 100 characters.".into()),
        _ => Ok(name.to_string()),
    }
}

/// One row of the portfolio.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrandRow {
    pub id: i32,
    pub name: String,
    pub website: String,
    pub favicon_url: String,
    pub location: String,
    pub market: String,
    pub active: bool,
    pub group_id: Option<i32>,
    /// The latest weekly visibility score, 0–100.
    pub score: Option<f64>,
    /// Change against the week before.
    pub change: Option<f64>,
    /// Up to 8 weekly scores, oldest first.
    pub history: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    pub id: i32,
    pub name: String,
}

/// A group name: 1 to 60 characters after trimming.
pub fn parse_group_name(input: &str) -> Result<String, String> {
    let name = input.trim();
    match name.chars().count() {
        0 => Err("Enter a name for the group.".into()),
        n if n > 60 => Err("Use at most 60 characters.".into()),
        _ => Ok(name.to_string()),
    }
}

/// Everything the Brands tab shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrandsView {
    pub brands: Vec<BrandRow>,
    pub groups: Vec<GroupView>,
    pub can_edit: bool,
    pub active_limit: u32,
    pub plan: String,
}

/// A brand's location: an ISO 3166-1 alpha-2 country code, or Global.
pub fn parse_location(input: &str) -> Result<String, String> {
    let code = input.trim();
    if code.is_empty() || code.eq_ignore_ascii_case("global") {
        return Ok("Global".into());
    }
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
        return Ok(code.to_ascii_uppercase());
    }
    Err(format!("“{code}” is not a two-letter country code or Global."))
}

/// Aliases separated by `;`, trimmed, without case-insensitive repeats.
pub fn parse_aliases(input: &str) -> Vec<String> {
    let mut seen = Vec::<String>::new();
    for alias in input.split(';').map(str::trim).filter(|a| !a.is_empty()) {
        if !seen.iter().any(|s| s.eq_ignore_ascii_case(alias)) {
            seen.push(alias.to_string());
        }
    }
    seen
}

/// One row of a CSV import, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    /// 1-based line in the pasted text.
    pub line: usize,
    pub name: String,
    pub website: String,
    pub location: String,
    pub aliases: Vec<String>,
    /// Why the row cannot be imported, if it cannot.
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    pub importable: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websites_are_normalized_to_their_origin() {
        assert_eq!(Website::parse("Example.com").unwrap().as_str(), "https://example.com");
        assert_eq!(
            Website::parse("http://www.Example.com/about?x=1").unwrap().as_str(),
            "https://example.com"
        );
        assert_eq!(
            Website::parse("https://shop.example.co.uk/").unwrap().host(),
            "shop.example.co.uk"
        );
        assert_eq!(Website::parse("acme.io").unwrap().favicon_url(), "https://acme.io/favicon.ico");
    }

    #[test]
    fn bad_websites_are_refused() {
        for bad in ["", "not a site", "localhost", "exa_mple.com", "-x.com", "http://"] {
            assert!(Website::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn locations_are_country_codes_or_global() {
        assert_eq!(parse_location("gb"), Ok("GB".into()));
        assert_eq!(parse_location(""), Ok("Global".into()));
        assert_eq!(parse_location("GLOBAL"), Ok("Global".into()));
        assert!(parse_location("England").is_err());
    }

    #[test]
    fn aliases_are_deduplicated_without_case() {
        assert_eq!(
            parse_aliases(" Acme; acme ;ACME Inc;; "),
            vec!["Acme".to_string(), "ACME Inc".to_string()]
        );
    }

    #[test]
    fn brand_names_are_one_to_a_hundred_characters() {
        assert_eq!(parse_brand_name("  Acme "), Ok("Acme".into()));
        assert!(parse_brand_name(" ").is_err());
        assert!(parse_brand_name(&"x".repeat(101)).is_err());
    }
}
