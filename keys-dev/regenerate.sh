#!/usr/bin/env bash
# Regenerates every development key in keys-dev/ and the fingerprint list that the prod profile
# uses to refuse them (src/main/resources/dev-key-fingerprints.txt). Dev keys only: never deploy them.
# Needs a built project (./mvnw package -DskipTests) for the Tink keysets.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
cp="../target/quarkus-app/app/*:../target/quarkus-app/lib/main/*"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out token-signing.private.pem 2>/dev/null
openssl pkey -in token-signing.private.pem -pubout -out token-signing.public.pem
java -cp "$cp" dev.safehouse.crypto.InsecureDevKeyGenerator master > master-keyset.json
java -cp "$cp" dev.safehouse.crypto.InsecureDevKeyGenerator platform > platform-signing.json
java -cp "$cp" dev.safehouse.crypto.InsecureDevKeyGenerator public-of platform-signing.json > platform-signing.pub

out=../src/main/resources/dev-key-fingerprints.txt
{
  echo "# SHA-256 of the content (PEM armour and whitespace removed) of each key file in keys-dev/."
  echo "# Written by keys-dev/regenerate.sh; the prod profile refuses any setting that uses one of these."
  for f in *.pem *.json *.pub; do
    printf '%s %s\n' "$(grep -v -- '-----' "$f" | tr -d ' \t\r\n' | sha256sum | cut -d' ' -f1)" "$f"
  done
} > "$out"
echo "regenerated keys-dev/ and $out"
