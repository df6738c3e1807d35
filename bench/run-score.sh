#!/usr/bin/env bash
# Score benchmark: fused scores per second over HTTP (JWT, consent, quota, enclave score and
# signature, durable audit) beside a no-op JWT-protected endpoint on the same server, same run:
# a warm-up of both paths, then ROUNDS rounds of REQUESTS requests each (no-op, then scores).
# Usage: bench/run-score.sh [REQUESTS] [CLIENTS] [WARMUP_SECONDS] [ROUNDS]
#        BENCH_PHASE_FILE=f: the benchmark writes its current phase ("scores round 1", ...) to f,
#        for attaching a profiler to one round
#        (defaults 20000 64 90 3; needs PostgreSQL on 127.0.0.1:5432, as the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
# The test profile's small quotas (for the quota tests) are lifted for the benchmark.
./mvnw -B test -Dspotless.check.skip=true -DskipSmSuite=true -Dtest=ScoreBench -Dsurefire.failIfNoSpecifiedTests=false \
  '-D%test.safehouse.scores.quota.per-institution-per-day=100000000' \
  '-D%test.safehouse.scores.quota.per-enterprise-per-day=100000000' \
  -Dbench.requests="${1:-20000}" -Dbench.clients="${2:-64}" \
  -Dbench.warmup-seconds="${3:-90}" -Dbench.rounds="${4:-3}" \
  ${BENCH_PHASE_FILE:+-Dbench.phase-file="$BENCH_PHASE_FILE"} \
  | grep '\[score-bench\]'
