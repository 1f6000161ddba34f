#!/usr/bin/env bash
# Installs the workspace's dependencies with the project toolchain (idempotent and quick when
# nothing changed). Used by both README commands.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
if [ -n "${CI:-}" ]; then
  yarn install --immutable
else
  yarn install
fi
