#!/usr/bin/env bash
# Every benchmark in one command: builds, runs each one (each measures its own baseline in the same
# run), keeps their raw output under bench/results/, and writes bench/REPORT.md with the machine's
# details, the medians, min-max and ratios, and whether each target is met.
# How to read the report: bench/README.md.
# Usage: bench/run.sh [--quick]   (--quick: small sizes, to check the harness; not for the report)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust), as the tests; takes ~30 minutes
# (ingest and audit run under both crypto suites, intl and sm).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[[ ${1:-} == --quick ]] && quick=1
out=bench/results
report=bench/REPORT.md
[[ $quick == 1 ]] && { out=target/bench-quick; report=target/bench-quick/REPORT.md; }
mkdir -p "$out"

if [[ $quick == 1 ]]; then
  ingest=(20000 3 1 intl,sm); audit=(5000 20000 2000 3 "intl sm" 1); query=(20000 5 2); score=(2000 16 10 2)
  memory=(20000); startup=(2); suites=(16 2 1)
else
  ingest=(1000000 5 2 intl,sm); audit=(100000 1000000 100000 3 "intl sm" 1); query=(1000000 15 5); score=(20000 64 90 3)
  memory=(1000000); startup=(5); suites=(256 5 1)
fi

echo "bench: building" >&2
./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
./mvnw -B -q test-compile -Dspotless.check.skip=true

run() { # name script args...
  local name=$1; shift
  echo "bench: $name ($*)" >&2
  local start=$SECONDS
  if ! "$@" > "$out/$name.txt" 2>&1; then
    echo "bench: $name FAILED; its output is in $out/$name.txt" >&2
    echo "FAILED" >> "$out/$name.txt"
  fi
  echo "bench: $name took $((SECONDS - start)) s" >&2
}
run ingest bench/run-ingest.sh "${ingest[@]}"
run audit bench/run-audit.sh "${audit[@]}"
run query bench/run-query.sh "${query[@]}"
run score bench/run-score.sh "${score[@]}"
run memory bench/run-memory.sh "${memory[@]}"
run startup bench/run-startup.sh "${startup[@]}"
run suites bench/run-suites.sh "${suites[@]}"

# One number out of a line of a benchmark's output: file, line pattern, sed expression.
pick() { grep -E "$2" "$out/$1.txt" | tail -1 | sed -E "s/$3/\1/" || true; }
verdict() { # value op target -> met / not met / no result
  [[ -z $1 || $1 == *[!0-9.]* ]] && { echo "no result"; return; }
  awk -v v="$1" -v t="$3" -v op="$2" \
    'BEGIN { ok = (op == ">=") ? (v >= t) : (v <= t); print ok ? "**met**" : "not met" }'
}
# Issues 3 and 4 are read from the intl lines; both benchmarks also run suite sm (issue 9).
ingest_ratio=$(pick ingest '^median of .*: intl ingest' '.*ingest\/raw throughput ratio ([0-9.]+).*')
ingest_line=$(grep -E '^median of .*: intl ingest' "$out/ingest.txt" | tail -1 || true)
audit_rate=$(pick audit 'suite intl: group commit' '.* median = ([0-9]+) durable entries\/s.*')
audit_base=$(pick audit 'suite intl: baseline: one INSERT' '.*: ([0-9]+) entries\/s.*')
proof=$(pick audit 'suite intl: inclusion proof over HTTP' '.*HTTP [^:]*: (median .*)')
# Issue 9, end to end: each suite's median and the sm/intl ratio, measured in the same run.
ingest_mibs() { pick ingest "^median of .*: $1 ingest" '.*rows\/s, ([0-9.]+) MiB\/s\).*'; }
ingest_suites="intl $(ingest_mibs intl) MiB/s, sm $(ingest_mibs sm) MiB/s; sm/intl $(pick ingest '^suites: sm\/intl ingest' '.*throughput ([0-9.]+ \(ratio of the medians; per round [0-9.]+ to [0-9.]+)\).*'))"
audit_suites=$(pick audit 'suites \(' '.*alternating\): (.*)')
query_ratio=$(pick query 'median of the per-round ratios' '.*ratios.*: ([0-9.]+)x.*')
query_medians=$(pick query 'ratio of the medians' '.*: ([0-9.]+)x.*')
score_ratio=$(pick score 'median ratio scores' '.*: ([0-9.]+)x \(min.*')
score_range=$(pick score 'median ratio scores' '.*\((min [0-9.]+x, max [0-9.]+x).*')
memory_line=$(pick memory 'memory per plaintext byte' '.*byte: (.*)')
memory_size=$(pick memory 'enterprises,' '.*\] (.*)')
startup_line=$(pick startup 'restarts: median' '.*restarts: (.*)')
# sm/intl ratio of the medians of one measure of the suites benchmark.
suite_ratio() { pick suites "median $1" '.*sm\/intl ([0-9.]+) \(per round.*'; }
suites_line="decryption $(suite_ratio 'stream decryption')×, unwraps $(suite_ratio 'key unwraps')×, leaf hashes $(suite_ratio 'Merkle leaf')×, node hashes $(suite_ratio 'Merkle node')×, checkpoint signatures $(suite_ratio 'checkpoint signatures')×, verifications $(suite_ratio 'checkpoint verifications')×"
startup_first=$(pick startup 'round 1,' '.*: ready in (.*)')

{
  echo "# Benchmark report"
  echo
  echo "Written by \`bench/run.sh$([[ $quick == 1 ]] && echo ' --quick')\` on $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "commit \`$(git rev-parse --short HEAD)$([[ -n $(git status --porcelain -- src pom.xml policies) ]] && echo '+changes')\`."
  echo "How to read it, and what limits each result: [\`bench/README.md\`](README.md). Raw output of"
  echo "each benchmark: \`bench/results/\`."
  echo
  echo "## Machine"
  echo
  echo "* CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "* memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); kernel $(uname -r)"
  echo "* Java: $(java -version 2>&1 | head -1)"
  echo "* PostgreSQL: $(psql -h 127.0.0.1 -U postgres -Atc 'SHOW server_version' 2> /dev/null || echo unknown), same machine"
  echo
  echo "## Results"
  echo
  echo "| benchmark | result | baseline (same run) | target | |"
  echo "|---|---|---|---|---|"
  echo "| ingest (issue 3): enclave load path vs raw AES-256-GCM, ratio of median throughputs | ${ingest_ratio:-—} | raw AES-GCM decryption of the same bytes | ≥ 0.25 | $(verdict "$ingest_ratio" '>=' 0.25) |"
  echo "| audit (issue 4): durable appends/s through the enclave (group commit) | ${audit_rate:-—}/s | ${audit_base:-—}/s, one INSERT + COMMIT per entry | ≥ 20 000/s | $(verdict "$audit_rate" '>=' 20000) |"
  echo "| audit (issue 4): inclusion proof over HTTP | ${proof:-—} | | | |"
  echo "| research query (issue 5): whole path vs plaintext DuckDB, median per-round ratio | ${query_ratio:-—}× (ratio of medians ${query_medians:-—}×) | the same SQL on plaintext DuckDB | ≤ 1.3× | $(verdict "$query_ratio" '<=' 1.3) |"
  echo "| fused scores (issue 6): scores/s vs a no-op JWT endpoint, median ratio | ${score_ratio:-—}× (${score_range:-—}) | \`GET /v1/me\` | ≥ 0.5× | $(verdict "$score_ratio" '>=' 0.5) |"
  echo "| enclave memory per plaintext byte (${memory_size:-—}) | ${memory_line:-—} | | | |"
  echo "| startup to ready (packaged service, enclave attested and unsealed) | first start ${startup_first:-—}; restarts ${startup_line:-—} | | | |"
  echo "| crypto suites (issue 9): ingest end to end (envelopes of each suite through the enclave load path), median throughput | ${ingest_suites} | the intl suite, same JVM, rounds alternating | — | |"
  echo "| crypto suites (issue 9): audit end to end (group commit, checkpoints signed in the suite; inclusion proofs) | ${audit_suites:-—} | the intl suite, same run | — | |"
  echo "| crypto suites (issue 9): sm/intl of the ingest and audit primitives, ratio of medians | ${suites_line} | the intl suite's primitives, same run | — | |"
  echo
  echo "## Raw output"
  for name in ingest audit query score memory startup suites; do
    echo
    echo "### $name"
    echo
    echo '```'
    grep -vE '^\s*$|^\[(INFO|WARNING|ERROR)\]|^[0-9]{4}-[0-9]{2}-[0-9]{2} |^\s+at ' "$out/$name.txt" \
      | cut -c1-300 || true
    echo '```'
  done
} > "$report"
echo "bench: wrote $report" >&2
