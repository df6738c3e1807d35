#!/usr/bin/env bash
# Fault injection: kill -9 the service itself under a concurrent score load. Expects the enclave
# child to die with it, the service to restart on the same database (keys unsealed, data
# reloaded), every receipt a client received before the kill to have its durable entry in the
# log, the whole log to verify, scores to succeed again, no 500s, and no plaintext on disk.
# Research runs of dp-open queries (2 threads over PROJECTS projects) go on beside the scores: no
# budget may be charged twice or lost, none overspent, and every released run charged the ε its
# answer stated, in the database and in the researcher's view after the restart.
# Usage: reliability/kill-service.sh [ENTITIES] [THREADS] [PROJECTS]   (defaults 2000 8 8; needs PostgreSQL on
# 127.0.0.1:5432, user postgres, trust auth; creates and drops the database safehouse_rel_service)
set -euo pipefail
cd "$(dirname "$0")/.."
name=kill-service port=18191 db=safehouse_rel_service
source reliability/lib.sh
trap base_cleanup EXIT
entities=${1:-2000} threads=${2:-8} projects=${3:-8}

build_if_needed
create_db
start_service 1
setup_tokens
load_demo "$entities"
grant_consents 6
open_research "$projects"
start_load "$threads"
start_research 2
await_load 50 10
sleep 2
old_svc=$svc_pid
old_enclave=$(enclave_pid) || { say "no enclave child found"; exit 1; }
kill_ms=$(now_ms)
kill -9 "$old_svc"
wait "$old_svc" 2> /dev/null || true
say "killed service pid $old_svc (enclave child $old_enclave)"
# The enclave must follow its parent (it watches the connection / parent); give it 5 s.
enclave_died=0
for _ in $(seq 1 50); do
  kill -0 "$old_enclave" 2> /dev/null || { enclave_died=1; break; }
  sleep 0.1
done
enclave_gone_ms=$(( $(now_ms) - kill_ms ))
(( enclave_died == 1 )) || { say "enclave child $old_enclave survived its service; killing it"; kill -9 "$old_enclave" 2> /dev/null || true; }
sleep 1
restart_ms=$(now_ms)
start_service 2
ready_ms=$(now_ms)
sleep 6
stop_load
stop_research
kill -0 "$svc_pid" 2> /dev/null && svc_alive=1 || svc_alive=0

count_results
r=$tmp/load/results.log
# 200s received before the kill (the answers that must be durable) and after the restart.
ok_before=$(awk -v k="$kill_ms" '$3==200 && $2<=k' "$r" | wc -l)
rok_before=$(awk -v k="$kill_ms" '$3==200 && $2<=k' "$tmp/load/research.log" | wc -l)
back_score=$(awk -v k="$restart_ms" '$3==200 && $1>=k {print $2}' "$r" | sort -n | awk 'NR==1')
recovery_score=$([[ -n $back_score ]] && echo $(( back_score - kill_ms )) || echo -1)
wrong_503=$(awk '$3==503 && $4!="enclave-unavailable" && $4!="audit-unavailable"' "$r" | wc -l)
verify_all
research_check
plaintext_check

fail=()
(( enclave_died == 1 )) || fail+=("the enclave child outlived the killed service")
(( ok_before > 0 && rok_before > 0 )) || fail+=("the kill did not land on a running load ($ok_before scores, $rok_before runs before it)")
(( s500 == 0 )) || fail+=("$s500 answers 5xx other than 503")
(( other == 0 )) || fail+=("$other answers neither 200 nor 503")
(( wrong_503 == 0 )) || fail+=("$wrong_503 503s neither enclave- nor audit-unavailable")
(( svc_alive == 1 )) || fail+=("the restarted service died")
(( recovery_score >= 0 )) || fail+=("no score succeeded after the restart")
receipt_failures $(( ok + rok ))
research_failures
(( plaintext_files == 0 )) || fail+=("plaintext on disk in $plaintext_files files")

echo "== kill-service summary =="
echo "sent=$sent 200=$ok (before the kill $ok_before) 503=$s503 other=$other no-answer(while down)=$conn 5xx-not-503=$s500"
research_summary
echo "released before the kill: $ok_before scores, $rok_before research runs"
echo "receipts verified=$verified/$(( ok + rok )) lost=$lost audit-log-verified=$log_ok plaintext-files=$plaintext_files"
echo "enclave child died with the service: $([[ $enclave_died == 1 ]] && echo "yes, within ${enclave_gone_ms} ms" || echo no); restart to ready=$(( ready_ms - restart_ms )) ms; first score again=${recovery_score} ms after the kill"
verdict
