#!/usr/bin/env bash
# Fault injection: kill -9 the enclave child under a concurrent score load. Expects the service to
# notice within 1 s (503 enclave-unavailable or readiness DOWN), never a 500, the supervisor to
# restart the enclave (keys unsealed, data reloaded) without a service restart, every receipt a
# client received to verify and be in the log, the whole log to verify, and no plaintext on disk.
# Research runs of dp-open queries go on beside the scores (2 threads over PROJECTS projects): a
# run the enclave died under keeps its charge; none is charged twice or lost, none overspent.
# Usage: reliability/kill-enclave.sh [ENTITIES] [THREADS] [PROJECTS]   (defaults 2000 8 8; needs PostgreSQL on
# 127.0.0.1:5432, user postgres, trust auth; creates and drops the database safehouse_rel_enclave)
set -euo pipefail
cd "$(dirname "$0")/.."
name=kill-enclave port=18190 db=safehouse_rel_enclave
source reliability/lib.sh
trap base_cleanup EXIT
entities=${1:-2000} threads=${2:-8} projects=${3:-8}

build_if_needed
create_db
t0=$(now_ms)
start_service
say "service ready in $(( $(now_ms) - t0 )) ms (pid $svc_pid)"
setup_tokens
load_demo "$entities"
grant_consents 6
open_research "$projects"
start_load "$threads"
start_research 2
await_load 50 10
sleep 2
old=$(enclave_pid) || { say "no enclave child found"; exit 1; }
kill_ms=$(now_ms)
kill -9 "$old"
say "killed enclave pid $old"
# Recovery: readiness 200 again, then scores keep running for a while.
wait_ready 90000 || { say "readiness not back within 90 s"; }
ready_ms=$(now_ms)
sleep 6
stop_load
stop_research
new=$(enclave_pid || echo none)
kill -0 "$svc_pid" 2> /dev/null && svc_alive=1 || svc_alive=0

count_results
r=$tmp/load/results.log
first_503=$(awk -v k="$kill_ms" '$3==503 && $2>=k {print $2}' "$r" | sort -n | awk 'NR==1')
first_down=$(awk -v k="$kill_ms" '$1>=k && $2!=200 {print $1; exit}' "$tmp/ready.log")
detect_at=$(printf '%s\n' $first_503 $first_down | sort -n | awk 'NR==1')
detection=$([[ -n $detect_at ]] && echo $(( detect_at - kill_ms )) || echo -1)
back_ready=$(awk -v k="${detect_at:-$kill_ms}" '$1>=k && $2==200 {print $1; exit}' "$tmp/ready.log")
back_ready=${back_ready:-$ready_ms}
back_score=$(awk -v k="${detect_at:-$kill_ms}" '$3==200 && $1>=k {print $2}' "$r" | sort -n | awk 'NR==1')
recovery_ready=$(( back_ready - kill_ms ))
recovery_score=$([[ -n $back_score ]] && echo $(( back_score - kill_ms )) || echo -1)
# audit-unavailable is also a correct refusal: the enclave signs the log's checkpoints.
wrong_503=$(awk '$3==503 && $4!="enclave-unavailable" && $4!="audit-unavailable"' "$r" | wc -l)
events=$(curl -s -H "Authorization: Bearer $(cat "$tmp/tok/admin")" "$url/v1/enclave/events?limit=10" | cut -c1-600 || true)
say "enclave events: $events"
verify_all
research_check
plaintext_check

fail=()
(( detection >= 0 && detection <= 1000 )) || fail+=("detection ${detection} ms > 1000")
(( s500 == 0 )) || fail+=("$s500 answers 5xx other than 503")
(( other == 0 )) || fail+=("$other answers neither 200 nor 503")
(( conn == 0 )) || fail+=("$conn requests without an HTTP answer")
(( wrong_503 == 0 )) || fail+=("$wrong_503 503s neither enclave- nor audit-unavailable")
(( svc_alive == 1 )) || fail+=("the service died")
[[ $new != none && $new != "$old" ]] || fail+=("no new enclave child (old $old, now $new)")
(( recovery_score >= 0 )) || fail+=("no score succeeded after the kill")
receipt_failures $(( ok + rok ))
(( rconn == 0 )) || fail+=("$rconn research runs without an HTTP answer")
research_failures
(( plaintext_files == 0 )) || fail+=("plaintext on disk in $plaintext_files files")

echo "== kill-enclave summary =="
echo "sent=$sent 200=$ok 503=$s503 other=$other no-answer=$conn 5xx-not-503=$s500"
research_summary
echo "receipts verified=$verified/$(( ok + rok )) lost=$lost audit-log-verified=$log_ok plaintext-files=$plaintext_files"
echo "enclave pid $old -> $new; detection=${detection} ms; ready again=${recovery_ready} ms; first score again=${recovery_score} ms (after the kill)"
verdict
