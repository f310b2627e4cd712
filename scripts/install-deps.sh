#!/usr/bin/env bash
# Installs the Debian 12 packages samspill builds and tests with. Idempotent: asks apt
# only for what is missing. Run as root (or with sudo available).
# The full install (the default) also brings Node.js and npm, Debian's Chromium, and the pinned
# npm packages of the OCDS schema validation test (tests/ocds) and of the browser tests
# (tests/browser), with `npm ci`; --runtime-only installs what building the server needs and
# nothing else.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runtime_only=false
if [[ "${1:-}" == "--runtime-only" ]]; then runtime_only=true; fi

packages=(
  build-essential cmake pkg-config git ca-certificates
  libsqlite3-dev libsodium-dev libboost-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
  libsimdjson-dev libpugixml-dev libxlsxwriter-dev libminizip-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang clang-format
)
if $runtime_only; then
  packages=(build-essential cmake pkg-config libsqlite3-dev libsodium-dev libboost-dev
            nlohmann-json3-dev libcli11-dev libsimdjson-dev libpugixml-dev libxlsxwriter-dev
            libminizip-dev zlib1g-dev)
else
  # The browser tests drive Debian's Chromium; playwright-core never downloads a browser.
  packages+=(chromium)
  # Debian 12 ships Node.js 18. A node installed another way (with its own npm) is kept.
  if ! command -v node >/dev/null; then
    packages+=(nodejs npm)
  elif ! command -v npm >/dev/null; then
    packages+=(npm)
  fi
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# A test's npm packages, exactly as locked: `npm ci` when node_modules is missing or older
# than the lock file.
npm_ci_when_stale() {
  local dir="$1" what="$2"
  if [[ ! -f "$dir/node_modules/.package-lock.json" ||
        "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    echo "Installing the npm packages of $what (npm ci in ${dir#"$root"/})"
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
}
if ! $runtime_only; then
  npm_ci_when_stale "$root/tests/ocds" "the OCDS validator"
  npm_ci_when_stale "$root/tests/browser" "the browser tests"
fi
