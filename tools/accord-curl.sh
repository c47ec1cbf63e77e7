#!/bin/sh
# Signs one merchant API request (docs/merchant-api.md) with OpenSSL 3 and sends it with curl.
#
#   tools/accord-curl.sh METHOD PATH [BODY-FILE]
#
# Environment: ACCORD_URL (default https://127.0.0.1:8181), ACCORD_KEY_ID (from accord:merchant-key-add),
# ACCORD_KEY (Ed25519 private key, PEM; default merchant-key.pem), ACCORD_CACERT (server certificate to
# trust, PEM; default: curl -k for the embedded default's self-signed certificate), IDEMPOTENCY_KEY (default: a
# new UUID), ACCORD_MERCHANT_PROOF (<challenge_id>:<proof>, sent as Accord-Merchant-Proof; see "Merchant
# identification table").
set -eu
method=$1
path=$2
body_file=${3:-/dev/null}
url=${ACCORD_URL:-https://127.0.0.1:8181}
key=${ACCORD_KEY:-merchant-key.pem}
: "${ACCORD_KEY_ID:?set ACCORD_KEY_ID to the key id Accord gave}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$body_file" > "$tmp/body"
timestamp=$(date +%s)
digest=$(openssl dgst -sha256 -r "$tmp/body" | cut -d' ' -f1)
printf '%s\n%s\n%s\n%s' "$method" "$path" "$timestamp" "$digest" > "$tmp/signed"
signature=$(openssl pkeyutl -sign -inkey "$key" -rawin -in "$tmp/signed" | base64 | tr -d '\n')

trust="-k"
if [ -n "${ACCORD_CACERT:-}" ]; then trust="--cacert $ACCORD_CACERT"; fi
set -- -sS $trust -X "$method" "$url$path" \
  -H "Accord-Key-Id: $ACCORD_KEY_ID" -H "Accord-Timestamp: $timestamp" -H "Accord-Signature: $signature"
if [ "$method" = "POST" ]; then
  set -- "$@" -H "Content-Type: application/json" -H "Idempotency-Key: ${IDEMPOTENCY_KEY:-$(cat /proc/sys/kernel/random/uuid)}" \
    --data-binary "@$tmp/body"
  if [ -n "${ACCORD_MERCHANT_PROOF:-}" ]; then set -- "$@" -H "Accord-Merchant-Proof: $ACCORD_MERCHANT_PROOF"; fi
fi
curl "$@"
echo
