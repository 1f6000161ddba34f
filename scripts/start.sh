#!/usr/bin/env bash
# Installs what is missing and starts the portal: frontend on :3000, backend on :7007,
# embedded SQLite, guest sign-in, the examples/ catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
source scripts/toolchain.sh
exec yarn start "$@"
