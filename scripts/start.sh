#!/usr/bin/env bash
# Installs what is missing, builds the release binary and starts samspill with its
# embedded SQLite database and demo data at http://localhost:8080.
#   PORT=9000 DB=/var/lib/samspill.db bash scripts/start.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --runtime-only
cmake --preset release -DSAMSPILL_BUILD_TESTS=OFF -DSAMSPILL_BUILD_BENCH=OFF -DSAMSPILL_WERROR=OFF >/dev/null
cmake --build build/release --target samspill -j"$(nproc)"

exec build/release/src/cli/samspill serve --demo --db "${DB:-samspill.db}" --port "${PORT:-8080}"
