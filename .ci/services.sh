#!/usr/bin/env bash
# Servers the test suite uses. Each start_* installs its Debian package when missing.

# PostgreSQL for shimkit-sql's JdbcQueryTask tests: Debian's cluster 15/main on 127.0.0.1:5432, a role and a
# database made idempotently. The tests read the SHIMKIT_PG_* variables (same defaults as here).
export SHIMKIT_PG_USER="${SHIMKIT_PG_USER:-shimkit}"
export SHIMKIT_PG_PASSWORD="${SHIMKIT_PG_PASSWORD:-shimkit-test-Pw-8d41}"
export SHIMKIT_PG_DB="${SHIMKIT_PG_DB:-shimkit_test}"
export SHIMKIT_PG_URL="${SHIMKIT_PG_URL:-jdbc:postgresql://127.0.0.1:5432/${SHIMKIT_PG_DB}}"

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "${version}/main"; then
    pg_createcluster "$version" main >/dev/null
  fi
  pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
  PG_VERSION_STARTED="$version"
  local psql=(runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname='${SHIMKIT_PG_USER}'")" != "1" ]; then
    "${psql[@]}" -c "create role ${SHIMKIT_PG_USER} login password '${SHIMKIT_PG_PASSWORD}'"
  else
    "${psql[@]}" -c "alter role ${SHIMKIT_PG_USER} login password '${SHIMKIT_PG_PASSWORD}'"
  fi
  if [ "$("${psql[@]}" -c "select 1 from pg_database where datname='${SHIMKIT_PG_DB}'")" != "1" ]; then
    runuser -u postgres -- createdb -O "${SHIMKIT_PG_USER}" "${SHIMKIT_PG_DB}"
  fi
}

stop_postgres() {
  if [ -n "${PG_VERSION_STARTED:-}" ]; then
    pg_ctlcluster "$PG_VERSION_STARTED" main stop || true
  fi
}

start_services() {
  # OCI registry for the ImageSpec/jib tests; the tests start and stop their own instances on loopback
  command -v docker-registry >/dev/null || { apt-get update -qq && apt-get install -y -qq docker-registry; }
  start_postgres
}

stop_services() {
  stop_postgres
}
