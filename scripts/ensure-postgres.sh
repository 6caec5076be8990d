#!/bin/sh
# The collector tests run against PostgreSQL as well as SQLite. This makes sure a server answers on
# loopback with a test role and database, and prints their URL as its last line (progress goes to
# stderr). When none answers it installs Debian's postgresql (as root), starts its cluster and creates
# the role; it never downloads a server build. TEST_DATABASE_URL names another server instead.
set -e

say() { echo "ensure-postgres: $*" >&2; }
fail() { say "$*"; exit 1; }

NAME=soglasie_test
PORT=${PGPORT:-5432}
URL=${TEST_DATABASE_URL:-postgres://$NAME:$NAME@127.0.0.1:$PORT/$NAME}

answers() { command -v psql >/dev/null && psql "$URL" -qtAc 'SELECT 1' >/dev/null 2>&1; }

if answers; then echo "$URL"; exit 0; fi
[ -z "$TEST_DATABASE_URL" ] || fail "TEST_DATABASE_URL is set but PostgreSQL does not answer there."

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  fail "no PostgreSQL answers at 127.0.0.1:$PORT as role $NAME, and only root on Debian can install one here.
  Install and start it:  sudo apt-get install -y postgresql && sudo pg_ctlcluster <version> main start
  then create the role:  sudo -u postgres createuser $NAME --pwprompt  (password: $NAME)
                         sudo -u postgres createdb -O $NAME $NAME
  or set TEST_DATABASE_URL to a database the tests may create schemas in."
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  say "installing Debian's postgresql for the collector tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
VERSION=$(ls /usr/lib/postgresql | sort -n | tail -n 1)

# The Debian package makes a cluster "main" on install; make one if that was switched off. The server
# refuses to run as root: pg_ctlcluster starts it as the cluster's owner, postgres.
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
  say "creating PostgreSQL $VERSION cluster main on port $PORT..."
  pg_createcluster "$VERSION" main -p "$PORT" >/dev/null
fi
CLUSTER_PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $3 }')
[ "$CLUSTER_PORT" = "$PORT" ] || fail "PostgreSQL $VERSION cluster main listens on port $CLUSTER_PORT, not $PORT: run with PGPORT=$CLUSTER_PORT."
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $4 }' | grep -q online; then
  say "starting PostgreSQL $VERSION cluster main..."
  pg_ctlcluster "$VERSION" main start
fi

tries=0
until runuser -u postgres -- psql -p "$PORT" -qtAc 'SELECT 1' >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || fail "PostgreSQL $VERSION did not start; see /var/log/postgresql/postgresql-$VERSION-main.log"
  sleep 0.5
done

as_postgres() { runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -qtAc "$1"; }
if [ -z "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$NAME'")" ]; then
  say "creating role and database $NAME..."
  as_postgres "CREATE ROLE $NAME LOGIN PASSWORD '$NAME'" >/dev/null
fi
if [ -z "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = '$NAME'")" ]; then
  as_postgres "CREATE DATABASE $NAME OWNER $NAME" >/dev/null
fi

answers || fail "PostgreSQL runs but $URL does not answer; check the loopback lines of pg_hba.conf (scram-sha-256 or md5)."
echo "$URL"
