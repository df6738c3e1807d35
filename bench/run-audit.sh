#!/usr/bin/env bash
# Audit benchmark: durable appends per second (group commit through the enclave) beside one
# INSERT + COMMIT per entry, then inclusion-proof latency at LEAVES leaves.
# Usage: bench/run-audit.sh [APPENDS] [LEAVES] [WARMUP]   (needs PostgreSQL on 127.0.0.1:5432, as the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B test -Dspotless.check.skip=true -Dtest=AuditBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.appends="${1:-200000}" -Dbench.leaves="${2:-1000000}" -Dbench.warmup="${3:-100000}" \
  | grep '\[audit-bench\]'
