use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::{Arc, OnceLock};
use tokio::sync::Semaphore;

/// Hashes and verifies passwords with argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane)
/// on the blocking pool. A semaphore of about the core count keeps a burst of sign-ins from
/// starving every other request.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of nothing in particular, verified against when the account does not exist so that
/// an unknown email costs the same time as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        argon2().hash_password(b"decoy password", &salt).expect("hash").to_string()
    })
}

impl Default for Hasher {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Hasher { permits: Arc::new(Semaphore::new(cores)) }
    }
}

impl Hasher {
    pub async fn hash(&self, password: &str) -> Result<String, crate::error::AppError> {
        let password = password.to_string();
        self.run(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
        })
        .await?
        .map_err(super::errors::internal)
    }

    /// True when `password` matches `hash`; with no hash, does the same work and says false.
    pub async fn verify(&self, password: &str, hash: Option<String>) -> bool {
        let password = password.to_string();
        self.run(move || {
            let known = hash.is_some();
            let hash = hash.unwrap_or_else(|| decoy_hash().to_string());
            let ok = PasswordHash::new(&hash)
                .map(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
                .unwrap_or(false);
            ok && known
        })
        .await
        .unwrap_or(false)
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, crate::error::AppError> {
        let _permit = self.permits.acquire().await.map_err(super::errors::internal)?;
        tokio::task::spawn_blocking(work).await.map_err(super::errors::internal)
    }
}
