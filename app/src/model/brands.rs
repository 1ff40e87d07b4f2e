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
    /// The latest weekly visibility score, 0–100.
    pub score: Option<f64>,
    /// Change against the week before.
    pub change: Option<f64>,
    /// Up to 8 weekly scores, oldest first.
    pub history: Vec<f64>,
}

/// Everything the Brands tab shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrandsView {
    pub brands: Vec<BrandRow>,
    pub can_edit: bool,
    pub active_limit: u32,
    pub plan: String,
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
    fn brand_names_are_one_to_a_hundred_characters() {
        assert_eq!(parse_brand_name("  Acme "), Ok("Acme".into()));
        assert!(parse_brand_name(" ").is_err());
        assert!(parse_brand_name(&"x".repeat(101)).is_err());
    }
}
