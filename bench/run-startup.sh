#!/usr/bin/env bash
# Startup benchmark: wall time from `java -jar` to ready (/q/health/ready answers 200, which needs
# the enclave child started, attested and its keys unsealed), for the packaged service in the dev
# profile against a scratch database: the first start (migrations, new enclave keys), then
# restarts. Usage: bench/run-startup.sh [ROUNDS]   (default 5; needs PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
db=safehouse_bench_startup
port=18089
jar=target/quarkus-app/quarkus-run.jar
if [[ ! -f $jar ]] || [[ -n $(find pom.xml src/main policies -newer "$jar" -print -quit) ]]; then
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true >&2
fi
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" 2> /dev/null
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" > /dev/null
pid=
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" 2> /dev/null || true
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
times=()
for round in $(seq 1 "$rounds"); do
  start=$(now_ms)
  java -Dquarkus.profile=dev -Dquarkus.http.port=$port \
    -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/$db \
    -Dquarkus.datasource.reactive.url=postgresql://localhost:5432/$db \
    -Dquarkus.log.category.\"io.smallrye.health\".level=WARN \
    -jar "$jar" > "target/startup-bench-$round.log" 2>&1 &
  pid=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready") == 200 ]]; do
    kill -0 "$pid" 2> /dev/null || { echo "[startup-bench] the service exited; see target/startup-bench-$round.log" >&2; exit 1; }
    (( $(now_ms) - start < 120000 )) || { echo "[startup-bench] not ready after 120 s" >&2; exit 1; }
    sleep 0.05
  done
  elapsed=$(( $(now_ms) - start ))
  kind=$([[ $round == 1 ]] && echo "first start (migrations, new enclave keys)" || echo "restart")
  echo "[startup-bench] round $round, $kind: ready in $elapsed ms"
  (( round > 1 )) && times+=("$elapsed")
  kill "$pid"; wait "$pid" 2> /dev/null || true; pid=
done
if (( ${#times[@]} > 0 )); then
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "[startup-bench] restarts: median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms (min ${sorted[0]}, max ${sorted[-1]} ms) over ${#sorted[@]}"
fi
