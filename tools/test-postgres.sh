#!/usr/bin/env bash
# Starts a private PostgreSQL 15 server for the storage tests, if it is not
# already running, and prints the connection string for VECHE_TEST_POSTGRES.
# It listens on a Unix socket only (no TCP port to collide with), in
# ${VECHE_PG_DIR:-/tmp/veche-test-pg}. Usage: eval "$(tools/test-postgres.sh)"
set -euo pipefail

dir=${VECHE_PG_DIR:-/tmp/veche-test-pg}
bin=/usr/lib/postgresql/15/bin
run_as=()
user=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
    run_as=(runuser -u postgres --)
    user=postgres
fi

mkdir -p "$dir"
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
fi
if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
        -o "-c listen_addresses='' -k $dir -c fsync=off" >/dev/null
fi
echo "export VECHE_TEST_POSTGRES='host=$dir port=5432 user=$user dbname=postgres'"
