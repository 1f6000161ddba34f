#!/usr/bin/env bash
# Makes a PostgreSQL server on 127.0.0.1:5432 available to the backend tests.
# Prints, on stdout, the variable assignment Backstage's TestDatabases reads, e.g.
#   BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432
# or nothing (and a reason on stderr) when no server can be had.
#
# Order: a running server; else start an installed Debian cluster; else, as root, install
# Debian's postgresql package and start it. Nothing is downloaded from anywhere else.
set -uo pipefail

host=127.0.0.1
port=5432

ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }

server_major() {
  psql "$1" -XAtc 'SHOW server_version_num' 2>/dev/null | cut -c1-2
}

start_installed_cluster() {
  command -v pg_ctlcluster >/dev/null 2>&1 || return 1
  local version
  for version in $(ls /etc/postgresql 2>/dev/null); do
    echo "postgres: starting the installed cluster $version/main" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 2>&1 || true
    ready && return 0
  done
  return 1
}

install_from_debian() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "postgres: installing Debian's postgresql package" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 2>&1 || return 1
  start_installed_cluster
}

if ! ready; then
  start_installed_cluster || install_from_debian || true
fi
if ! ready; then
  echo "postgres: no PostgreSQL server on $host:$port and none could be started" >&2
  exit 0
fi

url="postgresql://postgres@$host:$port"
major=$(server_major "$url/postgres")
if [ -z "$major" ] && [ "$(id -u)" = 0 ] && command -v su >/dev/null 2>&1; then
  # A fresh Debian cluster refuses password-less TCP logins; give the test role a known password.
  su postgres -c "psql -XAtqc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1
  url="postgresql://postgres:postgres@$host:$port"
  major=$(server_major "$url/postgres")
fi
if [ -z "$major" ]; then
  echo "postgres: a server answers on $host:$port but refused the postgres role" >&2
  exit 0
fi
echo "postgres: using PostgreSQL $major on $host:$port" >&2
echo "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=$url"
