//! Stage 6: presentation. Turns extraction results and search hits into terminal text or JSON.
//! Only this module and `cmd/` write to stdout.

pub mod extract;
