#!/usr/bin/env bash
# Browser tests of the console: starts the packaged service (dev profile, keys-dev/) on a scratch
# database, loads demo data through the provider path, commits one version the enclave rejects,
# grants one consent and releases one score,
# then runs the node:test files in console-tests/ against it with headless Debian Chromium.
# Usage: console-tests/run.sh [--serve]   (--serve: set up, print the tokens' file, keep serving)
# SUITE=sm runs the service in the sm crypto suite; CONSOLE_TESTS="file …" runs only those files.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), /usr/bin/chromium, node and npm;
# creates and drops the database safehouse_console. Screenshots go to docs/images/.
set -euo pipefail
cd "$(dirname "$0")/.."
name=console port=${CONSOLE_PORT:-18195} db=safehouse_console
source reliability/lib.sh
trap base_cleanup EXIT

[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || { say "no Chromium at ${CHROMIUM:-/usr/bin/chromium}: apt-get install chromium (or set CHROMIUM)"; exit 1; }
command -v node > /dev/null || { say "node not found: apt-get install nodejs npm"; exit 1; }
build_if_needed
create_db
start_service 1
setup_tokens
load_demo 300
# A version the enclave rejects (its envelope is not one), for the steward's list of versions.
printf 'not an envelope' > "$tmp/garbage.envelope"
sha=$(sha256sum "$tmp/garbage.envelope" | cut -d' ' -f1)
rejected=$url/v1/datasets/console-rejected/versions
auth="Authorization: Bearer $(cat "$tmp/tok/provider")"
curl -sf -o /dev/null -H "$auth" -X POST "$rejected"
curl -sf -o /dev/null -H "$auth" -X PUT -H 'Content-Type: application/octet-stream' \
  -H "X-Chunk-SHA256: $sha" --data-binary @"$tmp/garbage.envelope" "$rejected/1/chunks/0"
curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
  -d '{"chunkCount":1,"envelopeSha256":"'"$sha"'"}' "$rejected/1/commit"
grant_consents 1
read -r uscc consent < "$tmp/targets"
curl -sf -o /dev/null -H "Authorization: Bearer $(cat "$tmp/tok/inst")" -H 'Content-Type: application/json' \
  "$url/v1/scores" -d '{"uscc":"'"$uscc"'","purpose":"pre-loan","consentId":"'"$consent"'"}'
# The log key id the CLI prints after verifying the attestation: what an auditor pins.
log_key=$(cli audit checkpoint --server "$url" --token-file "$tmp/tok/auditor" \
  --platform-key "$platform_pub" --measurement "$measurement" --allow-debug 2>&1 > /dev/null \
  | sed -n 's/.*log key \([0-9a-f]\{16\}\).*/\1/p')
[[ -n $log_key ]] || { say "the CLI did not print the attested log key"; exit 1; }

export CONSOLE_URL=$url CONSOLE_LOG_KEY=$log_key CONSOLE_USCC=$uscc CONSOLE_CONSENT=$consent
export CONSOLE_TOKEN_AUDITOR=$(cat "$tmp/tok/auditor") CONSOLE_TOKEN_INSTITUTION=$(cat "$tmp/tok/inst")
export CONSOLE_TOKEN_SUBJECT=$(cat "$tmp/tok/subject") CONSOLE_TOKEN_STEWARD=$(cat "$tmp/tok/steward")
export CONSOLE_TOKEN_RESEARCHER=$(cat "$tmp/tok/researcher") CONSOLE_MEASUREMENT=$measurement
export CONSOLE_PLATFORM_KEY=$(cat "$platform_pub")
if [[ ${1:-} == --serve ]]; then
  env | grep '^CONSOLE_' > "${CONSOLE_ENV_FILE:-/tmp/console.env}"
  say "serving on $url; environment in ${CONSOLE_ENV_FILE:-/tmp/console.env}; Ctrl-C stops"
  wait "$svc_pid"
  exit 0
fi
[[ -d console-tests/node_modules/playwright-core ]] || (cd console-tests && npm ci --no-audit --no-fund)
# shellcheck disable=SC2086 # CONSOLE_TESTS is a list of files
node --test --test-concurrency=1 ${CONSOLE_TESTS:-console-tests/}
say "PASS"
