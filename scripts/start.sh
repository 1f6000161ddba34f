#!/usr/bin/env bash
# Installs what is missing and starts the portal: frontend on :3000, backend on :7007,
# embedded SQLite, guest sign-in, the examples/ catalog, and the sandbox (packages/sandbox):
# GitLab on :7101, Argo CD on :7102, Kubernetes on :7103 and Datadog on :7104, answering for the
# example services.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
source scripts/toolchain.sh

# The sandbox runs beside the portal and stops with it. If its ports are taken (a sandbox that
# is already running), it says so and the portal uses that one.
# exec, so $! is the sandbox's own process and the trap below stops it.
(cd packages/sandbox && exec node --require @backstage/cli/config/nodeTransform.cjs src/main.ts) &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null || true' EXIT

yarn start "$@"
