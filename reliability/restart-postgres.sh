#!/usr/bin/env bash
# Fault injection: restart PostgreSQL under a concurrent score load. Runs a PRIVATE PostgreSQL
# cluster (initdb in a temp dir, port 55433) so the machine's shared server is never touched.
# A request waits up to safehouse.audit.append-timeout (10 s) for its audit entry to become
# durable, so an outage shorter than that only delays answers; the default outage is longer.
# Expects 503 problem+json while the database is down (never a 500), the service to recover by
# itself (no restart), every receipt a client received to verify and be in the log, and the whole
# log to verify.
# Usage: reliability/restart-postgres.sh [ENTITIES] [THREADS] [DOWN_SECONDS]   (defaults 2000 8 15)
set -euo pipefail
cd "$(dirname "$0")/.."
name=restart-postgres port=18192 db=safehouse_rel_pg pg_port=55433
source reliability/lib.sh
entities=${1:-2000} threads=${2:-8} down_seconds=${3:-15}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/safehouse-rel-pgdata.XXXXXX)
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg() { as_postgres "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" "$@" > /dev/null; }
cleanup() {
  base_cleanup
  pg stop -m immediate 2> /dev/null || true
  cp "$pgdir/server.log" "target/reliability/$name/postgres.log" 2> /dev/null || true
  rm -rf "$pgdir"
}
trap cleanup EXIT

build_if_needed
[[ $(id -u) == 0 ]] && chown postgres "$pgdir"
as_postgres "$pg_bin/initdb" -D "$pgdir/data" -U postgres -A trust > /dev/null
pg -o "-p $pg_port -k $pgdir -c listen_addresses=127.0.0.1" -w start
create_db
start_service
setup_tokens
load_demo "$entities"
grant_consents 6
start_load "$threads"
await_load 50
sleep 2
pg stop -m fast -w
down_ms=$(now_ms) # after the shutdown completed: nothing can become durable from here on
say "PostgreSQL stopped; down for $down_seconds s"
sleep "$down_seconds"
restart_ms=$(now_ms) # before the start command: nothing can have become durable before this
pg -o "-p $pg_port -k $pgdir -c listen_addresses=127.0.0.1" -w start
up_ms=$(now_ms) # pg_ctl polls, so the server may have accepted connections a little earlier
say "PostgreSQL started again"
sleep 10
stop_load
kill -0 "$svc_pid" 2> /dev/null && svc_alive=1 || svc_alive=0

count_results
r=$tmp/load/results.log
during_503=$(awk -v d="$down_ms" -v u="$up_ms" '$2>=d && $1<=u && $3==503' "$r" | wc -l)
during_ok=$(awk -v d="$down_ms" -v u="$restart_ms" '$1>=d && $2<=u && $3==200' "$r" | wc -l)
back_score=$(awk -v u="$up_ms" '$3==200 && $1>=u {print $2}' "$r" | sort -n | awk 'NR==1')
recovery=$([[ -n $back_score ]] && echo $(( back_score - up_ms )) || echo -1)
verify_all

fail=()
(( s500 == 0 )) || fail+=("$s500 answers 5xx other than 503")
(( other == 0 )) || fail+=("$other answers neither 200 nor 503")
(( conn == 0 )) || fail+=("$conn requests without an HTTP answer")
(( during_503 > 0 )) || fail+=("no 503 while the database was down")
(( during_ok == 0 )) || fail+=("$during_ok scores released entirely while the database was down")
(( svc_alive == 1 )) || fail+=("the service died")
(( recovery >= 0 )) || fail+=("no score succeeded after the database came back")
receipt_failures "$ok"

echo "== restart-postgres summary =="
echo "sent=$sent 200=$ok 503=$s503 (while down $during_503) other=$other no-answer=$conn 5xx-not-503=$s500"
echo "receipts verified=$verified/$ok lost=$lost audit-log-verified=$log_ok"
echo "database down ${down_seconds} s; first score after it came back: ${recovery} ms; service restarted: no"
verdict
