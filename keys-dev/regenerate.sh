#!/usr/bin/env bash
# Regenerates every development key in keys-dev/ (and keys-dev/sm/) and the fingerprint list that
# the prod profile uses to refuse them (src/main/resources/dev-key-fingerprints.txt). Dev keys only:
# never deploy them. Needs a built project (./mvnw package -DskipTests) for the Tink keysets and
# the SM2 key.
#   keys-dev/regenerate.sh                     new keys, then the fingerprint list
#   keys-dev/regenerate.sh --fingerprints-only the fingerprint list of the keys already here
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
cp="../target/quarkus-app/app/*:../target/quarkus-app/lib/main/*"
gen() { java -cp "$cp" dev.safehouse.crypto.InsecureDevKeyGenerator "$@"; }

if [[ ${1:-} != --fingerprints-only ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out token-signing.private.pem 2>/dev/null
  openssl pkey -in token-signing.private.pem -pubout -out token-signing.public.pem
  gen master > master-keyset.json
  # Suite intl: Ed25519 Tink keyset and its verification key text.
  gen platform > platform-signing.json
  gen public-of platform-signing.json > platform-signing.pub
  # Suite sm: SM2 PKCS#8 PEM and its verification key text (base64 SPKI DER).
  mkdir -p sm
  gen platform-sm > sm/platform-signing.pem
  gen public-of sm/platform-signing.pem > sm/platform-signing.pub
fi

out=../src/main/resources/dev-key-fingerprints.txt
{
  echo "# SHA-256 of the content (PEM armour and whitespace removed) of each key file in keys-dev/."
  echo "# Written by keys-dev/regenerate.sh; the prod profile refuses any setting that uses one of these."
  for f in *.pem *.json *.pub sm/*.pem sm/*.pub; do
    printf '%s %s\n' "$(grep -v -- '-----' "$f" | tr -d ' \t\r\n' | sha256sum | cut -d' ' -f1)" "$f"
  done
} > "$out"
echo "regenerated ${1:+fingerprints of }keys-dev/ and $out"
