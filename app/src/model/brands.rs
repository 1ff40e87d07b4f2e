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

/// The market a brand competes in: 1 to 60 characters; empty means General.
pub fn parse_market(input: &str) -> Result<String, String> {
    let market = input.trim();
    match market.chars().count() {
        0 => Ok("General".into()),
        n if n > 60 => Err("Use at most 60 characters.".into()),
        _ => Ok(market.to_string()),
    }
}

/// A favicon address: an `https://` URL, or empty to use the website's `/favicon.ico`.
pub fn parse_favicon(input: &str, website: &Website) -> Result<String, String> {
    let url = input.trim();
    if url.is_empty() {
        return Ok(website.favicon_url());
    }
    let rest = url.strip_prefix("https://").unwrap_or_default();
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if url.len() > 500
        || host.is_empty()
        || Website::parse(host).is_err()
        || url.contains(char::is_whitespace)
    {
        return Err("Enter an https:// address of an image, or leave it empty.".into());
    }
    Ok(url.to_string())
}

/// What a person can edit about a brand, each part already valid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrandDetails {
    pub name: String,
    pub aliases: Vec<String>,
    pub location: String,
    pub market: String,
}

impl BrandDetails {
    /// Checks the form's fields; a refusal names its field.
    pub fn parse(
        name: &str,
        aliases: &str,
        location: &str,
        market: &str,
    ) -> Result<BrandDetails, (&'static str, String)> {
        Ok(BrandDetails {
            name: parse_brand_name(name).map_err(|m| ("name", m))?,
            aliases: parse_aliases(aliases),
            location: parse_location(location).map_err(|m| ("location", m))?,
            market: parse_market(market).map_err(|m| ("market", m))?,
        })
    }
}

/// One row of the portfolio.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrandRow {
    pub id: i32,
    pub name: String,
    pub website: String,
    pub favicon_url: String,
    pub aliases: Vec<String>,
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
    /// Only the Owner deletes brands.
    pub can_delete: bool,
    /// Sudo mode is open on this session (deleting will not ask for the password).
    pub sudo_active: bool,
    pub active_limit: u32,
    pub plan: String,
}

/// A brand's location: an ISO 3166-1 alpha-2 country code (the list tzdata ships), or Global.
pub fn parse_location(input: &str) -> Result<String, String> {
    let code = input.trim();
    if code.is_empty() || code.eq_ignore_ascii_case("global") {
        return Ok("Global".into());
    }
    let upper = code.to_ascii_uppercase();
    if upper.len() == 2 && include_str!("countries.txt").split(' ').any(|c| c == upper) {
        return Ok(upper);
    }
    Err(format!("“{code}” is not a two-letter country code (such as US or GB) or Global."))
}

/// Aliases separated by `;` or new lines, trimmed, without case-insensitive repeats.
pub fn parse_aliases(input: &str) -> Vec<String> {
    let mut seen = Vec::<String>::new();
    for alias in input.split([';', '\n']).map(str::trim).filter(|a| !a.is_empty()) {
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
        assert!(parse_location("XX").is_err());
        assert_eq!(parse_location("de"), Ok("DE".into()));
    }

    #[test]
    fn aliases_are_deduplicated_without_case() {
        assert_eq!(
            parse_aliases(" Acme; acme ;ACME Inc;; "),
            vec!["Acme".to_string(), "ACME Inc".to_string()]
        );
    }

    #[test]
    fn aliases_may_be_one_per_line() {
        assert_eq!(parse_aliases("Acme\nAcme Co\n"), vec!["Acme".to_string(), "Acme Co".into()]);
    }

    #[test]
    fn favicons_are_https_addresses_or_derived() {
        let site = Website::parse("acme.io").unwrap();
        assert_eq!(parse_favicon("", &site), Ok("https://acme.io/favicon.ico".into()));
        assert_eq!(
            parse_favicon("https://cdn.acme.io/icon.png", &site),
            Ok("https://cdn.acme.io/icon.png".into())
        );
        for bad in ["http://acme.io/x.png", "javascript:alert(1)", "https://", "https://a b/x"] {
            assert!(parse_favicon(bad, &site).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn details_name_the_field_they_refuse() {
        assert_eq!(BrandDetails::parse("", "", "", "").unwrap_err().0, "name");
        assert_eq!(BrandDetails::parse("Acme", "", "Mars", "").unwrap_err().0, "location");
        assert_eq!(BrandDetails::parse("Acme", "", "", &"m".repeat(61)).unwrap_err().0, "market");
        let ok = BrandDetails::parse("Acme", "acme; ACME", "us", "").unwrap();
        assert_eq!(
            (ok.aliases.len(), ok.location.as_str(), ok.market.as_str()),
            (1, "US", "General")
        );
    }

    #[test]
    fn brand_names_are_one_to_a_hundred_characters() {
        assert_eq!(parse_brand_name("  Acme "), Ok("Acme".into()));
        assert!(parse_brand_name(" ").is_err());
        assert!(parse_brand_name(&"x".repeat(101)).is_err());
    }
}
