#!/usr/bin/env bash
# Audit benchmark: durable appends per second (group commit through the enclave) beside one
# INSERT + COMMIT per entry, then inclusion-proof latency at LEAVES leaves; for each crypto suite
# (issue 9), one service JVM per suite (the suite is fixed per deployment and database), PAIRS times
# with the order alternating, and the sm/intl ratios of the medians at the end.
# Usage: bench/run-audit.sh [APPENDS] [LEAVES] [WARMUP] [ROUNDS] [SUITES] [PAIRS]
#   ROUNDS: measured rounds of APPENDS per JVM (median); SUITES: "intl sm" (default), intl or sm
#   (needs PostgreSQL on 127.0.0.1:5432, as the tests)
# The suite reaches the tests as the system property safehouse.test.suite (TestSuite.PROPERTY); a
# system property under safehouse. that the SafehouseConfig mapping does not know fails Quarkus'
# config validation, hence validate-unknown=false for this benchmark JVM only.
set -euo pipefail
cd "$(dirname "$0")/.."
appends=${1:-200000} leaves=${2:-1000000} warmup=${3:-100000} rounds=${4:-1}
read -r -a suites <<< "${5:-intl sm}"
pairs=${6:-1}
all=$(mktemp)
trap 'rm -f "$all"' EXIT
for ((p = 0; p < pairs; p++)); do
  order=("${suites[@]}")
  if ((p % 2 == 1)) && ((${#suites[@]} == 2)); then order=("${suites[1]}" "${suites[0]}"); fi
  for suite in "${order[@]}"; do
    ./mvnw -B test -Dspotless.check.skip=true -DskipSmSuite=true -Dtest=AuditBench -Dsurefire.failIfNoSpecifiedTests=false \
      -Dsafehouse.test.suite="$suite" -Dsmallrye.config.mapping.validate-unknown=false \
      -Dbench.appends="$appends" -Dbench.leaves="$leaves" \
      -Dbench.warmup="$warmup" -Dbench.rounds="$rounds" \
      | grep '\[audit-bench\]' | tee -a "$all"
  done
done
# Per suite: the median over JVMs of each JVM's median appends/s and median proof latency.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print (v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2 }'; }
rate_of() { grep "suite $1: group commit" "$all" | sed -E 's/.* median = ([0-9]+) durable.*/\1/' | median; }
proof_of() { grep "suite $1: inclusion proof" "$all" | sed -E 's/.*: median ([0-9.]+) ms.*/\1/' | median; }
if ((${#suites[@]} == 2)); then
  a=${suites[0]} b=${suites[1]}
  ra=$(rate_of "$a") rb=$(rate_of "$b") pa=$(proof_of "$a") pb=$(proof_of "$b")
  awk -v a="$a" -v b="$b" -v ra="$ra" -v rb="$rb" -v pa="$pa" -v pb="$pb" -v n="$pairs" 'BEGIN {
    printf "[audit-bench] suites (%d JVM(s) each, alternating; median over JVMs): durable appends/s %s %d, %s %d, %s/%s %.3f;", n, a, ra, b, rb, b, a, rb / ra
    printf " inclusion proof median %s %.2f ms, %s %.2f ms, %s/%s latency %.2fx\n", a, pa, b, pb, b, a, pb / pa }'
fi
