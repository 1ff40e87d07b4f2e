//! Secrets at rest that must be read again (TOTP secrets) are sealed with XChaCha20-Poly1305
//! under the server's secret key: a random nonce per value, stored with it, base64 as text.

use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;

const NONCE: usize = 24;

pub fn seal(key: &[u8; 32], plaintext: &[u8]) -> String {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = [0u8; NONCE];
    rand::rng().fill_bytes(&mut nonce);
    let sealed =
        cipher.encrypt(XNonce::from_slice(&nonce), plaintext).expect("encryption does not fail");
    let mut out = nonce.to_vec();
    out.extend(sealed);
    base64::engine::general_purpose::STANDARD.encode(out)
}

/// `None` when the value was not sealed with this key or was tampered with.
pub fn open(key: &[u8; 32], sealed: &str) -> Option<Vec<u8>> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(sealed).ok()?;
    if bytes.len() <= NONCE {
        return None;
    }
    let (nonce, ciphertext) = bytes.split_at(NONCE);
    XChaCha20Poly1305::new(key.into()).decrypt(XNonce::from_slice(nonce), ciphertext).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_with_their_key() {
        let key = [7u8; 32];
        let sealed = seal(&key, b"JBSWY3DPEHPK3PXP");
        assert!(!sealed.contains("JBSWY3DP"));
        assert_eq!(open(&key, &sealed).as_deref(), Some(&b"JBSWY3DPEHPK3PXP"[..]));
        assert_eq!(open(&[8u8; 32], &sealed), None);
        assert_ne!(seal(&key, b"same"), seal(&key, b"same"), "a fresh nonce each time");
        assert_eq!(open(&key, "not base64!"), None);
    }
}
