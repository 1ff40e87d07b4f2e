//! The one error type of server functions: what a person can act on, in words, and an opaque
//! "Something went wrong" for the rest (its cause goes to the log, never to the client).

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    Unauthenticated,
    /// The policy said no; the sentence is the policy's.
    #[error("{0}")]
    Denied(String),
    /// A field's value was refused.
    #[error("{message}")]
    Invalid { field: String, message: String },
    #[error("{0}")]
    RateLimited(String),
    #[error("That was not found.")]
    NotFound,
    #[error("Something went wrong. Please try again.")]
    Internal,
    /// The request never reached the function (network, encoding).
    #[error("Something went wrong. Please try again.")]
    Transport(String),
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
        AppError::Invalid { field: field.into(), message: message.into() }
    }

    /// The message for a given field, if this error is about it.
    pub fn for_field(&self, name: &str) -> Option<String> {
        match self {
            AppError::Invalid { field, message } if field == name => Some(message.clone()),
            _ => None,
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Denied(_) => 403,
            AppError::Invalid { .. } => 422,
            AppError::RateLimited(_) => 429,
            AppError::NotFound => 404,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl From<crate::policy::Denied> for AppError {
    fn from(d: crate::policy::Denied) -> Self {
        AppError::Denied(d.0)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}
