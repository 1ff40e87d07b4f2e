//! Describing a session's device and place from its user agent and address, for people.

use std::net::IpAddr;

/// (device type, "Browser version on OS").
pub fn describe(user_agent: &str) -> (String, String) {
    let Some(ua) = woothee::parser::Parser::new().parse(user_agent) else {
        return ("Unknown device".into(), "Unknown browser".into());
    };
    let tablet = ua.os == "iPad"
        || user_agent.contains("Tablet")
        || (ua.os == "Android" && !user_agent.contains("Mobile"));
    let device = match ua.category {
        _ if tablet => "Tablet",
        "pc" => "Desktop",
        "smartphone" | "mobilephone" => "Mobile",
        _ => "Unknown device",
    };
    let name = if ua.name == "UNKNOWN" { "Unknown browser" } else { ua.name };
    let version = ua.version.split('.').next().filter(|v| !v.is_empty() && *v != "UNKNOWN");
    let browser = match (version, ua.os) {
        (Some(v), os) if os != "UNKNOWN" => format!("{name} {v} on {os}"),
        (None, os) if os != "UNKNOWN" => format!("{name} on {os}"),
        (Some(v), _) => format!("{name} {v}"),
        (None, _) => name.to_string(),
    };
    (device.to_string(), browser)
}

/// A GeoIP2/GeoLite2 City database (`--geoip-db`), read once at start-up.
pub struct GeoIp(maxminddb::Reader<Vec<u8>>);

impl GeoIp {
    pub fn open(path: &std::path::Path) -> Result<GeoIp, String> {
        maxminddb::Reader::open_readfile(path)
            .map(GeoIp)
            .map_err(|e| format!("cannot read the GeoIP database {}: {e}", path.display()))
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Result<GeoIp, String> {
        maxminddb::Reader::from_source(bytes).map(GeoIp).map_err(|e| e.to_string())
    }

    /// "City, Country" or "Country" for a public address the database knows.
    fn place(&self, ip: IpAddr) -> Option<String> {
        let found: maxminddb::geoip2::City = self.0.lookup(ip).ok().flatten()?;
        let english = |names: Option<std::collections::BTreeMap<&str, &str>>| {
            names.and_then(|n| n.get("en").map(|s| s.to_string()))
        };
        let city = found.city.and_then(|c| english(c.names));
        let country = found.country.and_then(|c| english(c.names));
        match (city, country) {
            (Some(city), Some(country)) => Some(format!("{city}, {country}")),
            (None, Some(place)) | (Some(place), None) => Some(place),
            (None, None) => None,
        }
    }
}

/// An approximate place for an address: loopback and private addresses are the local network;
/// others come from the GeoIP database when one is configured, else are unknown.
pub fn location(ip: &str, geoip: Option<&GeoIp>) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) if v4.is_loopback() || v4.is_private() || v4.is_link_local() => {
            "Local network".into()
        }
        Ok(IpAddr::V6(v6)) if v6.is_loopback() || (v6.segments()[0] & 0xfe00) == 0xfc00 => {
            "Local network".into()
        }
        Ok(public) => {
            geoip.and_then(|g| g.place(public)).unwrap_or_else(|| "Unknown location".into())
        }
        Err(_) => "Unknown location".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agents_become_words() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        assert_eq!(describe(chrome), ("Desktop".into(), "Chrome 120 on Linux".into()));
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(describe(iphone).0, "Mobile");
        let ipad = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(describe(ipad).0, "Tablet");
        assert_eq!(describe("curl/8.0").0, "Unknown device");
        assert_eq!(describe(""), ("Unknown device".into(), "Unknown browser".into()));
    }

    #[test]
    fn private_addresses_are_the_local_network() {
        assert_eq!(location("127.0.0.1", None), "Local network");
        assert_eq!(location("192.168.1.20", None), "Local network");
        assert_eq!(location("::1", None), "Local network");
        assert_eq!(location("8.8.8.8", None), "Unknown location");
        assert_eq!(location("unknown", None), "Unknown location");
    }

    #[test]
    fn a_geoip_database_names_city_and_country() {
        // Written by testdata/make_geoip.py: documentation ranges only.
        let geo =
            GeoIp::from_bytes(include_bytes!("../../testdata/geoip-test.mmdb").to_vec()).unwrap();
        assert_eq!(location("203.0.113.7", Some(&geo)), "Testville, Testland");
        assert_eq!(location("198.51.100.1", Some(&geo)), "Countryland");
        assert_eq!(location("8.8.8.8", Some(&geo)), "Unknown location");
        assert_eq!(location("10.0.0.1", Some(&geo)), "Local network");
        assert!(GeoIp::from_bytes(b"not a database".to_vec()).is_err());
    }
}
