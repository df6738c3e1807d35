#!/usr/bin/env bash
# Score benchmark: fused scores per second over HTTP (JWT, consent, quota, enclave score and
# signature, durable audit) beside a no-op JWT-protected endpoint on the same server, same run.
# Usage: bench/run-score.sh [REQUESTS] [CLIENTS]   (needs PostgreSQL on 127.0.0.1:5432, as the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
# The test profile's small quotas (for the quota tests) are lifted for the benchmark.
./mvnw -B test -Dspotless.check.skip=true -Dtest=ScoreBench -Dsurefire.failIfNoSpecifiedTests=false \
  '-D%test.safehouse.scores.quota.per-institution-per-day=100000000' \
  '-D%test.safehouse.scores.quota.per-enterprise-per-day=100000000' \
  ${BENCH_JVM:+"-DargLine=$BENCH_JVM"} -Dbench.requests="${1:-5000}" -Dbench.clients="${2:-16}" \
  | grep '\[score-bench\]'
