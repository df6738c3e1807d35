# Shared by the reliability scripts (sourced, not run). Each script sets: name, port, db,
# pg_port (default 5432) before calling these functions; everything lives in $tmp.
# SUITE=sm (default intl) runs the service in that crypto suite (safehouse.crypto.suite) and attests,
# measures and signs the demo data in it, with the platform key of keys-dev/ for that suite.
app=target/quarkus-app
jar=$app/quarkus-run.jar
cli_cp="$app/app/*:$app/lib/main/*:$app/lib/boot/*"
pg_host=127.0.0.1
pg_port=${pg_port:-5432}
url="http://127.0.0.1:$port"
tmp=$(mktemp -d "/tmp/safehouse-rel-$name.XXXXXX")
svc_pid=
load_pid=
research_pid=
health_pid=
own_db=${own_db:-1}
suite=${SUITE:-intl}
case $suite in
  intl) platform_pub=keys-dev/platform-signing.pub ;;
  sm) platform_pub=keys-dev/sm/platform-signing.pub ;;
  *) echo "SUITE must be intl or sm, not '$suite'" >&2; exit 2 ;;
esac

say() { echo "[$name] $*" >&2; }
now_ms() { date +%s%3N; }
cli() { java -cp "$cli_cp" dev.safehouse.cli.SafehouseCli "$@"; }
tool() { java -cp "$cli_cp" reliability/Tool.java "$@"; }

build_if_needed() {
  if [[ ! -f $jar ]] || [[ -n $(find pom.xml src/main policies -newer "$jar" -print -quit) ]]; then
    say "building the jar (./mvnw package -DskipTests) ..."
    ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true >&2
  fi
}

base_cleanup() {
  [[ -n $research_pid ]] && { touch "$tmp/load/stop"; kill "$research_pid" 2> /dev/null; wait "$research_pid" 2> /dev/null; } || true
  [[ -n $load_pid ]] && { touch "$tmp/load/stop"; kill "$load_pid" 2> /dev/null; wait "$load_pid" 2> /dev/null; } || true
  [[ -n $health_pid ]] && { kill "$health_pid" 2> /dev/null; wait "$health_pid" 2> /dev/null; } || true
  if [[ -n $svc_pid ]]; then
    kill "$svc_pid" 2> /dev/null && wait "$svc_pid" 2> /dev/null || true
  fi
  if [[ $own_db == 1 ]]; then
    psql -q -h $pg_host -p "$pg_port" -U postgres -c "DROP DATABASE IF EXISTS $db" > /dev/null 2>&1 || true
  fi
  # Keep what explains a run: service logs and the client's answers (no plaintext in either).
  mkdir -p "target/reliability/$name"
  cp "$tmp"/service-*.log "$tmp"/ready.log "$tmp"/load/results.log "$tmp"/load/research.log "target/reliability/$name/" 2> /dev/null || true
  rm -rf "$tmp"
}

create_db() {
  psql -q -h $pg_host -p "$pg_port" -U postgres -c "DROP DATABASE IF EXISTS $db" > /dev/null
  psql -q -h $pg_host -p "$pg_port" -U postgres -c "CREATE DATABASE $db" > /dev/null
}

# Starts the packaged service (dev profile, keys-dev/) on $port against $db, its own temp dir,
# score quotas and the per-caller rate limit lifted (the load comes from one institution token).
start_service() {
  mkdir -p "$tmp/svc-tmp"
  local log=$tmp/service-${1:-1}.log
  java -Djava.io.tmpdir="$tmp/svc-tmp" -Dquarkus.profile=dev -Dquarkus.http.port="$port" \
    -Dsafehouse.crypto.suite="$suite" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$pg_host:$pg_port/$db" \
    -Dquarkus.datasource.reactive.url="postgresql://$pg_host:$pg_port/$db" \
    -Dsafehouse.scores.quota.per-institution-per-day=100000000 \
    -Dsafehouse.scores.quota.per-enterprise-per-day=100000000 \
    -Dsafehouse.rate-limit.enabled=false \
    -Dquarkus.log.category.\"io.smallrye.health\".level=WARN \
    -jar "$jar" > "$log" 2>&1 &
  svc_pid=$!
  wait_ready 120000 || { say "service not ready; tail of $log:"; tail -20 "$log" >&2; return 1; }
}

ready_status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$url/q/health/ready" 2> /dev/null || true; }

wait_ready() {
  local limit=$1 start; start=$(now_ms)
  until [[ $(ready_status) == 200 ]]; do
    kill -0 "$svc_pid" 2> /dev/null || { say "the service exited"; return 1; }
    (( $(now_ms) - start < limit )) || return 1
    sleep 0.1
  done
}

# The enclave child: the service's child java process whose command line names DisableAttachMechanism.
enclave_pid() {
  local p
  for p in $(pgrep -P "$svc_pid") $(for c in $(pgrep -P "$svc_pid"); do pgrep -P "$c"; done); do
    if tr '\0' ' ' < "/proc/$p/cmdline" 2> /dev/null | grep -q DisableAttachMechanism; then
      echo "$p"; return 0
    fi
  done
  return 1
}

# Tokens (files only, never flags), demo data through the provider path as ./safehouse does.
setup_tokens() {
  mkdir -p "$tmp/tok"
  cli token --role admin --sub rel-admin > "$tmp/tok/admin"
  cli token --role auditor --sub rel-auditor --org csrc --ttl PT2H > "$tmp/tok/auditor"
  cli token --role institution --sub officer --org rel-bank --ttl PT2H > "$tmp/tok/inst"
  cli token --role provider --sub rel-uploader --org rel-provider --ttl PT2H > "$tmp/tok/provider"
  cli token --role steward --sub rel-steward > "$tmp/tok/steward"
  cli token --role researcher --sub rel-researcher --org rel-university --ttl PT2H > "$tmp/tok/researcher"
  measurement=$(cli measure --suite "$suite")
}

load_demo() {
  local work=$tmp/demo entities=${1:-2000}
  mkdir -p "$work"
  SAFEHOUSE_TOKEN=$(cat "$tmp/tok/provider") cli provider attest --server "$url" \
    --platform-key "$platform_pub" --measurement "$measurement" --allow-debug \
    --out "$work/enclave-keys.json" > /dev/null
  cli provider keygen --suite "$suite" --out "$work/provider.key" > "$work/provider.pub"
  curl -sf -o /dev/null -H "Authorization: Bearer $(cat "$tmp/tok/steward")" \
    -H 'Content-Type: application/json' -d "{\"publicKey\":\"$(cat "$work/provider.pub")\"}" \
    "$url/v1/providers/rel-provider/keys"
  # A random seed: the plaintext markers below then exist nowhere else on this machine.
  cli demo-data --entities "$entities" --seed "$(( (RANDOM << 15) | RANDOM ))" --out "$work/csv" > /dev/null
  for d in public-credit market-credit financial-credit; do
    cli provider encrypt --dataset "$d" --csv "$work/csv/$d.csv" --enclave-keys "$work/enclave-keys.json" \
      --signing-key "$work/provider.key" --out "$work/$d.envelope" > /dev/null 2>&1
    cli provider upload --server "$url" --dataset "$d" --file "$work/$d.envelope" \
      --token-file "$tmp/tok/provider" > /dev/null 2>&1
  done
  local tables start; start=$(now_ms)
  until tables=$(curl -s -H "Authorization: Bearer $(cat "$tmp/tok/admin")" "$url/v1/enclave/tables") \
      && [[ $tables == *financial_credit* && $tables == *market_credit* && $tables == *public_credit* ]]; do
    (( $(now_ms) - start < 60000 )) || { say "tables not loaded: $tables"; return 1; }
    sleep 0.5
  done
  say "demo data loaded: $(jq -c .result <<< "$tables")"
}

# Consents from N enterprises (rows 2..N+1 of public-credit.csv) to rel-bank; writes $tmp/targets.
grant_consents() {
  local n=${1:-6} u subj id until; until=$(date -u -d '+1 day' +%FT%TZ)
  : > "$tmp/targets"
  for u in $(sed -n "2,$(( n + 1 ))p" "$tmp/demo/csv/public-credit.csv" | cut -d, -f1); do
    cli token --role subject --sub "ent-$u" --uscc "$u" > "$tmp/tok/subject"
    id=$(curl -s -H "Authorization: Bearer $(cat "$tmp/tok/subject")" -H 'Content-Type: application/json' \
      "$url/v1/consents" -d '{"institution":"rel-bank","purposes":["pre-loan"],"validUntil":"'"$until"'"}' | jq -r .id)
    [[ -n $id && $id != null ]] || { say "consent for $u failed"; return 1; }
    echo "$u $id" >> "$tmp/targets"
  done
  say "consents granted by $n enterprises"
}

# N approved dp-open projects (budget 5, ε 0.5 per run: ten runs each), one query each; writes
# "projectId queryId" lines to $tmp/queries.
open_research() {
  local n=${1:-8} i p q all='["public-credit","market-credit","financial-credit"]'
  : > "$tmp/queries"
  for i in $(seq 1 "$n"); do
    p=$(curl -s -H "Authorization: Bearer $(cat "$tmp/tok/researcher")" -H 'Content-Type: application/json' \
      "$url/v1/projects" -d '{"title":"reliability '"$i"'","purpose":"fault injection","template":"dp-open","datasets":'"$all"',"requestedBudget":5}' | jq -r .id)
    curl -sf -o /dev/null -H "Authorization: Bearer $(cat "$tmp/tok/steward")" -H 'Content-Type: application/json' \
      "$url/v1/projects/$p/decision" -d '{"outcome":"approve","reason":"reliability run"}' \
      || { say "project $i: approval failed"; return 1; }
    q=$(curl -s -H "Authorization: Bearer $(cat "$tmp/tok/researcher")" -H 'Content-Type: application/json' \
      "$url/v1/projects/$p/queries" -d '{"sql":"SELECT region_code, count(*) AS n FROM fused GROUP BY region_code"}' | jq -r .id)
    [[ -n $q && $q != null ]] || { say "project $i: query refused"; return 1; }
    echo "$p $q" >> "$tmp/queries"
  done
  say "$n dp-open projects with one query each"
}

# Research runs from THREADS client threads beside the score load (call after start_load).
start_research() {
  RESEARCH_TOKEN_FILE=$tmp/tok/researcher tool research "$url" "$tmp/queries" "$tmp/load" "${1:-2}" 2> "$tmp/load/research-stderr" &
  research_pid=$!
}

stop_research() {
  touch "$tmp/load/stop"; wait "$research_pid" || true; research_pid=
}

# The privacy budget after the fault, from the database and from the researcher's view. Sets
# rsent rok rexhausted r503 rconn rother (answers), charged_runs, unreleased (charged runs whose
# answer never came: in flight at the fault or failed), budget_mismatch (projects whose spent ε
# is not the sum of their runs' charges: charged twice or lost), overspent, rmissing (200s whose
# run id the database does not hold with the ε the answer stated), view_mismatch (projects whose
# GET /v1/projects/{id} epsilonSpent differs from the database).
research_check() {
  local r=$tmp/load/research.log q="psql -qAt -h $pg_host -p $pg_port -U postgres -d $db -c"
  rsent=$(wc -l < "$r")
  rok=$(awk '$3==200' "$r" | wc -l)
  rexhausted=$(awk '$3==403 && $4=="budget-exhausted"' "$r" | wc -l)
  r503=$(awk '$3==503 && ($4=="enclave-unavailable" || $4=="audit-unavailable")' "$r" | wc -l)
  rconn=$(awk '$3==0' "$r" | wc -l)
  rother=$(( rsent - rok - rexhausted - r503 - rconn ))
  say "research answers by status and problem type:"
  awk '{print "  " $3 " " $4}' "$r" | sort | uniq -c | sort -rn >&2
  charged_runs=$($q "SELECT count(*) FROM research_run WHERE epsilon > 0")
  unreleased=$($q "SELECT count(*) FROM research_run WHERE status <> 'released'")
  budget_mismatch=$($q "SELECT count(*) FROM research_project p WHERE p.epsilon_spent <>
    (SELECT coalesce(sum(epsilon), 0) FROM research_run r WHERE r.project_id = p.id)")
  overspent=$($q "SELECT count(*) FROM research_project WHERE epsilon_spent > epsilon_budget")
  $q "SELECT id || ' ' || epsilon::float8 FROM research_run" | sort > "$tmp/runs.db"
  awk '$3==200 {print $6 " " $7+0}' "$r" | sort > "$tmp/runs.received"
  rmissing=$(comm -13 "$tmp/runs.db" "$tmp/runs.received" | wc -l)
  local p spent view; view_mismatch=0
  while read -r p _; do
    spent=$($q "SELECT epsilon_spent::float8 FROM research_project WHERE id = '$p'")
    view=$(curl -s -H "Authorization: Bearer $(cat "$tmp/tok/researcher")" "$url/v1/projects/$p" | jq -r '.epsilonSpent')
    awk -v a="$spent" -v b="$view" 'BEGIN { exit !(a + 0 == b + 0) }' || view_mismatch=$(( view_mismatch + 1 ))
  done < "$tmp/queries"
}

# Appends verify_all's findings to the caller's fail array: all RELEASED answers (200s) must have
# saved receipts that verify and are in the log, and the log and the CLI checks must pass.
receipt_failures() {
  local released=$1
  (( verified == released && receipts == released )) || fail+=("receipts: $released 200s, $receipts saved, $verified verified")
  (( lost == 0 )) || fail+=("$lost receipts lost")
  (( log_ok == 1 )) || fail+=("audit verify --full failed")
  (( cli_receipts_ok == 1 )) || fail+=("safehouse audit verify-receipt failed")
}

# Prints PASS, or every entry of the caller's fail array and exits 1.
verdict() {
  if (( ${#fail[@]} == 0 )); then
    echo "PASS"
  else
    printf 'FAIL: %s\n' "${fail[@]}"
    exit 1
  fi
}

# Appends research_check's findings to the caller's fail array.
research_failures() {
  (( rother == 0 )) || fail+=("$rother research answers neither 200, 403 budget-exhausted nor 503")
  (( rok > 0 )) || fail+=("no research run was released")
  (( budget_mismatch == 0 )) || fail+=("$budget_mismatch projects whose spent ε is not the sum of their runs' charges")
  (( overspent == 0 )) || fail+=("$overspent projects overspent")
  (( rmissing == 0 )) || fail+=("$rmissing released runs not charged as their answer said")
  (( view_mismatch == 0 )) || fail+=("$view_mismatch projects whose API budget differs from the database")
}

research_summary() {
  echo "research: sent=$rsent 200=$rok 403-budget-exhausted=$rexhausted 503=$r503 no-answer=$rconn other=$rother"
  echo "budget: runs charged=$charged_runs (not released: $unreleased) charged-twice-or-lost=$budget_mismatch overspent=$overspent released-but-not-charged=$rmissing api-view-differs=$view_mismatch"
}

start_load() {
  mkdir -p "$tmp/load"
  INST_TOKEN_FILE=$tmp/tok/inst tool load "$url" "$tmp/targets" "$tmp/load" "${1:-8}" 2> "$tmp/load/stderr" &
  load_pid=$!
  # readiness, every 50 ms, with timestamps
  ( while :; do echo "$(now_ms) $(ready_status)"; sleep 0.05; done ) > "$tmp/ready.log" 2> /dev/null &
  health_pid=$!
}

# Waits (up to 90 s) until the load has released at least SCORES scores and, when research runs
# are on, RUNS research runs, so that the fault always lands on a running load (the clients are
# compiled at start, which takes seconds on a busy machine).
await_load() {
  local scores=${1:-50} runs=${2:-0} start; start=$(now_ms)
  until (( $(awk '$3==200' "$tmp/load/results.log" 2> /dev/null | wc -l) >= scores )) \
      && (( runs == 0 || $(awk '$3==200' "$tmp/load/research.log" 2> /dev/null | wc -l) >= runs )); do
    (( $(now_ms) - start < 90000 )) || { say "the load did not reach $scores scores / $runs runs in 90 s"; return 1; }
    sleep 0.2
  done
}

stop_load() {
  touch "$tmp/load/stop"; wait "$load_pid" || true; load_pid=
  kill "$health_pid" 2> /dev/null; wait "$health_pid" 2> /dev/null || true; health_pid=
}

# Counts answers by status; sets sent ok s503 other conn and prints the breakdown.
count_results() {
  local r=$tmp/load/results.log
  sent=$(wc -l < "$r")
  ok=$(awk '$3==200' "$r" | wc -l)
  s503=$(awk '$3==503' "$r" | wc -l)
  conn=$(awk '$3==0' "$r" | wc -l)
  other=$(( sent - ok - s503 - conn ))
  s500=$(awk '$3>=500 && $3!=503' "$r" | wc -l)
  say "answers by status and problem type:"
  awk '{print "  " $3 " " $4}' "$r" | sort | uniq -c | sort -rn >&2
}

# Verifies every receipt (in one JVM) and the whole log with the CLI; sets verified, lost.
verify_all() {
  local out
  out=$(AUDITOR_TOKEN_FILE=$tmp/tok/auditor tool verify "$url" "$tmp/load" "$platform_pub" "$measurement" 2>&1) || true
  echo "$out" | tail -5 >&2
  receipts=$(grep -o 'receipts=[0-9]*' <<< "$out" | cut -d= -f2); receipts=${receipts:--1}
  verified=$(grep -o 'verified=[0-9]*' <<< "$out" | cut -d= -f2); verified=${verified:--1}
  lost=$(grep -o ' lost=[0-9]*' <<< "$out" | cut -d= -f2); lost=${lost:--1}
  # Two receipts also through the CLI exactly as an auditor would (first and last received).
  cli_receipts_ok=1
  local f
  for f in "$tmp/load/receipts/results-1.json" "$tmp/load/receipts/results-$ok.json"; do
    [[ -f $f ]] || continue
    cli audit verify-receipt --server "$url" --receipt "$f" --token-file "$tmp/tok/auditor" \
      --platform-key "$platform_pub" --measurement "$measurement" --allow-debug > "$tmp/vr.out" 2>&1 \
      || { cli_receipts_ok=0; cat "$tmp/vr.out" >&2; }
  done
  if cli audit verify --server "$url" --token-file "$tmp/tok/auditor" --platform-key "$platform_pub" \
      --measurement "$measurement" --allow-debug --state "$tmp/monitor.json" --full > "$tmp/verify.out" 2>&1; then
    log_ok=1
  else
    log_ok=0
  fi
  sed 's/^/  audit verify: /' "$tmp/verify.out" >&2
}

# Plaintext left on disk: a full CSV row (values never sent by a client) and a USCC no client
# used, searched in the service's and enclave's temp dir, .safehouse/, target/, the service logs
# and every file under /tmp written since the run began (the CSVs themselves excluded).
plaintext_check() {
  local row uscc hits
  row=$(sed -n '$p' "$tmp/demo/csv/financial-credit.csv")
  uscc=$(sed -n '$p' "$tmp/demo/csv/public-credit.csv" | cut -d, -f1)
  hits=$( { grep -rlaF -e "$row" -e "$uscc" "$tmp/svc-tmp" "$tmp"/service-*.log .safehouse target 2> /dev/null || true
            find /tmp -xdev -type f -newer "$tmp/targets" ! -path "$tmp/demo/csv/*" -print0 2> /dev/null \
              | xargs -0 -r grep -laF -e "$row" -e "$uscc" 2> /dev/null || true; } | sort -u)
  if [[ -n $hits ]]; then
    plaintext_files=$(wc -l <<< "$hits"); say "plaintext marker found in: $hits"
  else
    plaintext_files=0
  fi
}
