use crate::error::AppError;

/// Logs the cause and gives the client nothing but "Something went wrong".
pub fn internal(cause: impl std::fmt::Display) -> AppError {
    tracing::error!(%cause, "internal error");
    AppError::Internal
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        internal(e)
    }
}
