#!/usr/bin/env bash
# Creates the files docker/compose.yaml mounts as secrets, with FRESH keys (never the ones in
# keys-dev/), in docker/secrets/ (git-ignored, excluded from the image build context):
#
#   db_password                 random PostgreSQL password (used by postgres and the service)
#   master-keyset.json          Tink AES256_GCM keyset: the local-kms:// master key that seals the
#                               enclave's private keys; whoever reads it can unseal them
#   platform-keyset.json        Tink Ed25519 keyset: the software attestation key (no TEE)
#   platform-signing.pub        its public half: give it to providers and auditors to pin
#   token-signing.private.pem   RSA key that signs callers' JWTs (NOT mounted into the service;
#                               `./safehouse token --key … --issuer …` mints with it)
#   token-signing.public.pem    its public half, which the service verifies tokens with
#
# Needs openssl and either a built project (./mvnw -B package -DskipTests) or, with
# SAFEHOUSE_IMAGE=safehouse:local, the built image. Refuses to overwrite existing files: losing
# master-keyset.json makes the stored enclave keys (and so all uploaded data) unreadable.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docker/secrets
mkdir -p "$out"
chmod 0750 "$out"
for f in db_password master-keyset.json platform-keyset.json platform-signing.pub \
         token-signing.private.pem token-signing.public.pem; do
  if [[ -s $out/$f ]]; then
    echo "make-secrets: $out/$f exists; remove it first if you really mean to replace it" >&2
    exit 1
  fi
done

keygen() { # InsecureDevKeyGenerator prints a FRESH keyset in the clear ("insecure": cleartext output)
  if [[ -n ${SAFEHOUSE_IMAGE:-} ]]; then
    docker run --rm -i --user "$(id -u):$(id -g)" --entrypoint java -v "$PWD/$out:/out:ro" "$SAFEHOUSE_IMAGE" \
      -cp '/app/app/*:/app/lib/main/*' dev.safehouse.crypto.InsecureDevKeyGenerator "$@"
  else
    [[ -f target/quarkus-app/quarkus-run.jar ]] \
      || { echo "make-secrets: build first (./mvnw -B package -DskipTests) or set SAFEHOUSE_IMAGE" >&2; exit 1; }
    java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' \
      dev.safehouse.crypto.InsecureDevKeyGenerator "${@/#\/out\//$out/}"
  fi
}

umask 027
openssl rand -base64 32 | tr -d '\n' > "$out/db_password"
keygen master > "$out/master-keyset.json"
keygen platform > "$out/platform-keyset.json"
keygen public-of /out/platform-keyset.json > "$out/platform-signing.pub"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$out/token-signing.private.pem" 2> /dev/null
openssl pkey -in "$out/token-signing.private.pem" -pubout -out "$out/token-signing.public.pem"

# The container runs as uid/gid 10001; compose bind-mounts secret files with their host owner and
# mode, so give that group read access to the files the containers read (postgres reads
# db_password as its own user, hence world-readable for that one file inside a 0750 directory).
if [[ $(id -u) == 0 ]]; then
  chgrp 10001 "$out" "$out"/{db_password,master-keyset.json,platform-keyset.json,token-signing.public.pem}
  chmod 0640 "$out"/{master-keyset.json,platform-keyset.json,token-signing.public.pem}
  chmod 0644 "$out/db_password"
else
  echo "make-secrets: not root; make docker/secrets/* readable by uid 10001 (and db_password by the postgres user) yourself" >&2
fi
echo "make-secrets: wrote $out/ (platform key to pin: $out/platform-signing.pub)"
