#!/usr/bin/env bash
# The complete test suite: type-check, lint, formatting, Jest (backend on SQLite and PostgreSQL,
# frontend, plugins) and the Playwright end-to-end suite against a started portal.
# `.ci/run` runs exactly this. The last line is the summary "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
results="$root/test-results"
rm -rf "$results" && mkdir -p "$results"

passed=0 failed=0 skipped=0
record() { # name passed failed skipped
  printf '== %-28s %s passed, %s failed, %s skipped\n' "$1" "$2" "$3" "$4" | tee -a "$results/summary.txt"
  passed=$((passed + $2)) failed=$((failed + $3)) skipped=$((skipped + $4))
}
check() { # name command... ; one test that passes when the command exits 0
  local name=$1; shift
  echo "== running $name"
  if "$@" >"$results/$name.log" 2>&1; then record "$name" 1 0 0; else
    tail -n 60 "$results/$name.log"; record "$name" 0 1 0; fi
}
finish() {
  echo
  cat "$results/summary.txt" 2>/dev/null
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
  exit
}

source scripts/toolchain.sh || { record toolchain 0 1 0; finish; }
check install bash scripts/install.sh
[ -f "$results/install.log" ] && grep -q "YN0000: · Done" "$results/install.log" || finish

check typecheck yarn tsc
check lint yarn backstage-cli repo lint
check prettier yarn prettier --check .

# Backend tests run on SQLite always and on PostgreSQL when a server can be had.
pg_env=$(bash scripts/test/postgres.sh 2> >(tee "$results/postgres.log" >&2))
if [ -n "$pg_env" ]; then
  export "${pg_env?}"
else
  echo "== SKIPPING the PostgreSQL runs of the backend tests: $(tail -n1 "$results/postgres.log")"
  if [ -n "${CI:-}" ]; then
    record postgres-required-in-ci 0 1 0
  fi
fi

echo "== running jest"
CI=true yarn backstage-cli repo test --json --outputFile="$results/jest.json" \
  >"$results/jest.log" 2>&1
tail -n 15 "$results/jest.log"
node scripts/test/failures.js jest "$results/jest.json"
record jest $(node scripts/test/count.js jest "$results/jest.json")

echo "== running end-to-end (Playwright, Debian Chromium)"
if chromium=$(bash scripts/test/chromium.sh); then
  PORTAL_CHROMIUM=$chromium yarn playwright test >"$results/e2e.log" 2>&1
  tail -n 25 "$results/e2e.log"
  node scripts/test/failures.js playwright "$results/e2e.json"
  record e2e $(node scripts/test/count.js playwright "$results/e2e.json")
else
  record e2e-chromium-missing 0 1 0
fi

finish
