#!/usr/bin/env bash
# Build newsdex in release mode and run the benchmark. Usage: bench/run.sh [SIZE_MB] [THREADS]
# SIZE_MB (default 1024) is the size of the large corpus replicated from ../shared/corpora.
# tantivy-cli is compared when a `tantivy` binary is on PATH (cargo install tantivy-cli).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
threads=${2:-2}
cargo build --release --locked --bin newsdex --example query_latency
if ! command -v tantivy >/dev/null; then
    echo "note: no tantivy-cli on PATH; install it with 'cargo install tantivy-cli' to get the baseline" >&2
fi
python3 bench/bench.py --size-mb "$size" --threads "$threads"
