//! `newsdex serve`: the index in a web browser, and the same searches as a JSON API.
//!
//! ```text
//!   request ──> axum router ──> handler (async, thin)
//!                                  │ spawn_blocking
//!                                  v
//!               params: query string ──> search::request::*Params ──> typed request
//!                                  │
//!               live: Engine of the last commit (reopened when `newsdex index` commits)
//!                                  │
//!               pages (maud, HTML)  or  api (the CLI's --json shapes)
//! ```
//!
//! Searching is blocking CPU work, so it runs on tokio's blocking pool and the few async
//! threads only move bytes. Nothing from a request names a file: the index directory is fixed
//! when the server starts, and an article is looked up by its id in the index. Every page is
//! built by `maud`, which escapes all text, and is served with a content security policy that
//! allows no script and no network beyond this server.

mod api;
mod chart;
mod live;
mod pages;
pub mod params;
mod warm;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub use live::{LiveEngine, OnWarm};
use params::BadParam;

use crate::search::{Engine, SearchError};

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// Why one request failed, and so its status.
#[derive(Debug)]
pub(crate) enum WebError {
    /// 400: a parameter the user can fix.
    BadRequest(String),
    /// 404: no such article or speaker.
    NotFound(String),
    /// 500: the index could not be read.
    Internal(String),
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> &str {
        match self {
            WebError::BadRequest(m) | WebError::NotFound(m) | WebError::Internal(m) => m,
        }
    }
}

impl From<BadParam> for WebError {
    fn from(err: BadParam) -> WebError {
        WebError::BadRequest(err.0)
    }
}

impl From<SearchError> for WebError {
    fn from(err: SearchError) -> WebError {
        match err {
            SearchError::Index(e) => WebError::Internal(e.to_string()),
            other => WebError::BadRequest(other.to_string()),
        }
    }
}

/// What a page or API handler gets: the engine of the moment and the raw query string.
type Handler<T> = fn(&Engine, Option<&str>) -> Result<T, WebError>;

struct App {
    live: LiveEngine,
}

/// A server bound to its address, not yet answering.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
    app: Arc<App>,
}

impl Server {
    /// Open the index in `dir` and listen on `addr` (port 0 picks a free port). The engine
    /// starts warming at once, and again on each new commit; `on_warm` hears when it is warm.
    pub fn bind(dir: &Path, addr: SocketAddr, on_warm: OnWarm) -> Result<Server, ServeError> {
        let live = LiveEngine::open(dir, on_warm)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(addr))
            .map_err(|source| ServeError::Bind { addr, source })?;
        Ok(Server {
            runtime,
            listener,
            app: Arc::new(App { live }),
        })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> Result<SocketAddr, ServeError> {
        Ok(self.listener.local_addr()?)
    }

    /// Answer requests until the process is stopped.
    pub fn run(self) -> Result<(), ServeError> {
        let router = router(self.app);
        self.runtime
            .block_on(async move { axum::serve(self.listener, router).await })?;
        Ok(())
    }
}

fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(|s, q| html(s, q, pages::search)))
        .route("/quotes", get(|s, q| html(s, q, pages::quotes)))
        .route("/article", get(|s, q| html(s, q, pages::article)))
        .route("/speaker", get(|s, q| html(s, q, pages::speaker)))
        .route("/speakers", get(|s, q| html(s, q, pages::speakers)))
        .route("/facets", get(|s, q| html(s, q, pages::facets)))
        .route("/api/search", get(|s, q| json(s, q, api::search)))
        .route("/api/quotes", get(|s, q| json(s, q, api::quotes)))
        .route("/api/speakers", get(|s, q| json(s, q, api::speakers)))
        .route("/api/facets", get(|s, q| json(s, q, api::facets)))
        .route("/api/article", get(|s, q| json(s, q, api::article)))
        .fallback(not_found)
        .with_state(app)
}

/// Run a handler on the blocking pool against the current engine.
async fn answer<T: Send + 'static>(
    app: Arc<App>,
    query: Option<String>,
    handler: Handler<T>,
) -> Result<T, WebError> {
    tokio::task::spawn_blocking(move || {
        let engine = app.live.engine();
        handler(&engine, query.as_deref())
    })
    .await
    .unwrap_or_else(|e| Err(WebError::Internal(format!("the request failed: {e}"))))
}

async fn html(
    State(app): State<Arc<App>>,
    RawQuery(query): RawQuery,
    handler: Handler<maud::Markup>,
) -> Response {
    match answer(app, query, handler).await {
        Ok(markup) => page_response(StatusCode::OK, markup.into_string()),
        Err(err) => page_response(err.status(), pages::error(&err).into_string()),
    }
}

async fn json(
    State(app): State<Arc<App>>,
    RawQuery(query): RawQuery,
    handler: Handler<String>,
) -> Response {
    let (status, body) = match answer(app, query, handler).await {
        Ok(body) => (StatusCode::OK, body),
        Err(err) => (
            err.status(),
            serde_json::json!({ "error": err.message() }).to_string(),
        ),
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn not_found() -> Response {
    let err = WebError::NotFound("no such page".to_string());
    page_response(err.status(), pages::error(&err).into_string())
}

/// No script, no fetch, no font, no frame: the pages need nothing but their own styles,
/// inline SVG and links back to this server.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

fn page_response(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
