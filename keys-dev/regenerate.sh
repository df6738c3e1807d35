#!/usr/bin/env bash
# Regenerates every development key in keys-dev/ and the fingerprint list that the prod profile
# uses to refuse them (src/main/resources/dev-key-fingerprints.txt). Dev keys only: never deploy them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out token-signing.private.pem 2>/dev/null
openssl pkey -in token-signing.private.pem -pubout -out token-signing.public.pem

out=../src/main/resources/dev-key-fingerprints.txt
{
  echo "# SHA-256 of the base64 body (PEM armour and whitespace removed) of each file in keys-dev/."
  echo "# Written by keys-dev/regenerate.sh; the prod profile refuses any setting that uses one of these."
  for f in *.pem; do
    printf '%s %s\n' "$(grep -v -- '-----' "$f" | tr -d ' \t\r\n' | sha256sum | cut -d' ' -f1)" "$f"
  done
} > "$out"
echo "regenerated keys-dev/*.pem and $out"
