#!/usr/bin/env bash
# Ingest benchmark: N enterprises x 3 datasets through the enclave's ingest path (envelopes written
# in each crypto suite, opened and loaded by an enclave context of that suite), the suites alternating
# in the same JVM, beside raw AES-256-GCM decryption of the same bytes. Reports each suite's median,
# the sm/intl ratio (issue 9) and the ingest/raw ratio (issue 3).
# Usage: bench/run-ingest.sh [N] [ROUNDS] [WARMUP] [SUITES]   (SUITES: intl,sm (default), intl or sm)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile -Dspotless.check.skip=true
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test > /dev/null
java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.safehouse.enclave.ingest.IngestBench "${1:-1000000}" "${2:-3}" "${3:-2}" "${4:-intl,sm}"
