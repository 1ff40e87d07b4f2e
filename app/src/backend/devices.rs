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

/// An approximate place for an address. Without a GeoIP database: loopback and private
/// addresses are the local network, the rest unknown.
pub fn location(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) if v4.is_loopback() || v4.is_private() || v4.is_link_local() => {
            "Local network".into()
        }
        Ok(IpAddr::V6(v6)) if v6.is_loopback() || (v6.segments()[0] & 0xfe00) == 0xfc00 => {
            "Local network".into()
        }
        _ => "Unknown location".into(),
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
        assert_eq!(location("127.0.0.1"), "Local network");
        assert_eq!(location("192.168.1.20"), "Local network");
        assert_eq!(location("::1"), "Local network");
        assert_eq!(location("8.8.8.8"), "Unknown location");
        assert_eq!(location("unknown"), "Unknown location");
    }
}
