#!/usr/bin/env bash
# Query benchmark: a 3-way-join research query (industry x region, four aggregates) through the
# whole path (HTTP + JWT, policy, enclave, output checks, signature, durable audit) beside the same
# SQL on plaintext DuckDB in the same JVM.
# Usage: bench/run-query.sh [ENTERPRISES] [ROUNDS] [WARMUP]   (needs PostgreSQL on 127.0.0.1:5432, as the tests)
set -euo pipefail
# The test profile caps request bodies at 64 KiB; the benchmark uploads in 8 MiB chunks.
cd "$(dirname "$0")/.."
./mvnw -B test -Dspotless.check.skip=true -DskipSmSuite=true -Dtest=QueryBench -Dsurefire.failIfNoSpecifiedTests=false \
  '-D%test.quarkus.http.limits.max-body-size=9M' \
  -Dbench.enterprises="${1:-1000000}" -Dbench.rounds="${2:-15}" -Dbench.warmup="${3:-5}" \
  | grep '\[query-bench\]'
