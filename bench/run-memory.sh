#!/usr/bin/env bash
# Enclave memory benchmark: the enclave child's resident memory per byte of plaintext it holds,
# after loading the three synthetic datasets through the provider path.
# Usage: bench/run-memory.sh [ENTERPRISES]   (default 1000000; needs PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
# The test profile caps request bodies at 64 KiB; the benchmark uploads in 8 MiB chunks.
./mvnw -B test -Dspotless.check.skip=true -DskipSmSuite=true -Dtest=EnclaveMemoryBench -Dsurefire.failIfNoSpecifiedTests=false \
  '-D%test.quarkus.http.limits.max-body-size=9M' \
  -Dbench.enterprises="${1:-1000000}" \
  | grep '\[memory-bench\]'
