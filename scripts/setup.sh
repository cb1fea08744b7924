#!/usr/bin/env bash
# Installs what Open Door needs, skipping whatever is already there at the
# right version. Every step names itself and its tool, so a failure (say, a
# registry out of reach) says what failed instead of a wall of errors.
#
#   scripts/setup.sh build   tools to build and serve the app
#   scripts/setup.sh test    those, plus the browser and test tooling
set -euo pipefail
cd "$(dirname "$0")/.."

need="${1:-test}"
TRUNK_VERSION="0.21.14"
WASM_SPLIT_VERSION="0.2.4"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() {
  local name="$1"; shift
  echo "setup: $name"
  if ! "$@"; then
    echo "setup: FAILED at step '$name'. Is the package registry reachable? Re-run the same command to retry; finished steps are skipped." >&2
    exit 1
  fi
}

wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && { echo "  wasm32-unknown-unknown: present"; return; }
  rustup target add wasm32-unknown-unknown
}

rustfmt_tool() {
  rustfmt --version >/dev/null 2>&1 && { echo "  rustfmt: present"; return; }
  rustup component add rustfmt
}

trunk_tool() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then echo "  trunk $TRUNK_VERSION: present"; return; fi
  echo "  building trunk $TRUNK_VERSION (about 12 minutes on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
}

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly: the glue
# it writes and the crate's side of it go together.
wasm_bindgen_tool() {
  local locked pinned
  locked=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
  pinned=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
  if [ "$locked" != "$pinned" ]; then
    echo "  Cargo.lock has wasm-bindgen $locked but Trunk.toml pins $pinned: make them equal" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $locked" ] \
     && [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $locked" ]; then
    echo "  wasm-bindgen-cli $locked: present"; return
  fi
  # No --locked: the CLI's own lock file names a crate the registry lacks.
  cargo install wasm-bindgen-cli --version "$locked" --force
}

# Cuts the wasm into modules loaded when used (scripts/build-wasm.mjs).
# 0.2.4 at least: 0.2.2's output makes wasm-bindgen 0.2.130 panic.
wasm_split_tool() {
  if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    echo "  wasm-split-cli $WASM_SPLIT_VERSION: present"; return
  fi
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
}

# Test tooling and wasm-opt (npm's binaryen 132: Debian's binaryen 108 makes
# a wasm that fails at start-up). Reinstalled only when the lock changes.
npm_tooling() {
  local stamp="node_modules/.package-lock.sha256" want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then echo "  npm packages: present"; return; fi
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
}

chromium_browser() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    echo "  chromium and chromedriver: present"; return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "  chromium and chromium-driver are missing: install them with apt-get (needs root)" >&2
    return 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
}

crate_sources() { cargo fetch --quiet; }

step "rust target wasm32 (rustup)" wasm_target
step "trunk $TRUNK_VERSION (cargo install)" trunk_tool
step "wasm-bindgen-cli (cargo install)" wasm_bindgen_tool
step "wasm-split-cli $WASM_SPLIT_VERSION (cargo install)" wasm_split_tool
step "node packages (npm ci)" npm_tooling
step "crate sources (cargo fetch)" crate_sources
if [ "$need" = "test" ]; then
  step "rustfmt (rustup)" rustfmt_tool
  step "chromium and chromedriver (apt-get)" chromium_browser
fi
echo "setup: done"
