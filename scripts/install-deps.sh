#!/usr/bin/env bash
# Installs the Debian 12 packages samspill builds and tests with. Idempotent: asks apt
# only for what is missing. Run as root (or with sudo available).
# The full install (the default) also brings Node.js and npm, and the pinned npm packages of
# the OCDS schema validation test (tests/ocds, `npm ci`); --runtime-only installs what
# building the server needs and nothing else.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runtime_only=false
if [[ "${1:-}" == "--runtime-only" ]]; then runtime_only=true; fi

packages=(
  build-essential cmake pkg-config git ca-certificates
  libsqlite3-dev libsodium-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang clang-format
)
if $runtime_only; then
  packages=(build-essential cmake pkg-config libsqlite3-dev libsodium-dev libcpp-httplib-dev
            nlohmann-json3-dev libcli11-dev)
else
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

# The validator's packages, exactly as locked; again only when the lock file changed.
if ! $runtime_only; then
  ocds="$root/tests/ocds"
  if [[ ! -f "$ocds/node_modules/.package-lock.json" ||
        "$ocds/package-lock.json" -nt "$ocds/node_modules/.package-lock.json" ]]; then
    echo "Installing the OCDS validator's npm packages (npm ci in tests/ocds)"
    npm ci --prefix "$ocds" --no-audit --no-fund
  fi
fi
