#!/usr/bin/env bash
# Crypto-suite benchmark (issue 9): the primitives the intl and sm suites use for ingest (dataset
# stream encryption and decryption, data-key unwrap) and for the audit log (Merkle leaf hashes,
# checkpoint signatures and verifications), both suites in one JVM, alternating, with sm/intl
# ratios. Single-threaded (serial GC): it keeps one of the two cores free.
# Usage: bench/run-suites.sh [SIZE_MB] [ROUNDS] [WARMUP]   (defaults 256 MiB, 5 rounds, 1 warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile -Dspotless.check.skip=true
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test > /dev/null
java -Xmx3g -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.safehouse.audit.SuitesBench "${1:-256}" "${2:-5}" "${3:-1}"
