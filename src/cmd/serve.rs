//! `newsdex serve`: open the index and answer web requests until stopped.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;

use super::Outcome;
use crate::cli::ServeArgs;
use crate::serve::Server;

pub fn run(args: &ServeArgs) -> anyhow::Result<Outcome> {
    // Said on stderr, so that stdout stays the address alone; a benchmark waits for it.
    let on_warm = Arc::new(|took: std::time::Duration| {
        eprintln!("newsdex: index warm in {} ms", took.as_millis());
    });
    let server = Server::bind(
        &args.index.dir,
        SocketAddr::new(args.bind, args.port),
        on_warm,
    )?;
    let addr = server.local_addr()?;
    let url = format!("http://{addr}/");
    // The address goes to stdout first and alone, so a script (or a test) that asked for
    // port 0 can read where to connect.
    super::print(|out| {
        writeln!(
            out,
            "newsdex: serving {} on {url}",
            args.index.dir.display()
        )
    })?;
    if args.open {
        open_browser(&url);
    }
    server
        .run()
        .with_context(|| format!("serving {}", args.index.dir.display()))?;
    Ok(Outcome::Found)
}

/// Ask the desktop to open `url`; failing to is worth a warning, not an error.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(err) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("newsdex: warning: could not open a browser ({opener}: {err}); visit {url}");
    }
}
