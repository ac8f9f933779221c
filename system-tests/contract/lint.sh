#!/bin/sh
# Lints a running system's contract as the build does (ContractLintIT): every service's OpenAPI document and the
# gateway's aggregated one with Spectral (spectral:oas) and Redocly (recommended), each AsyncAPI document at its
# documented URL, then prints the counts, compares them with lint-baseline.json and prints the contract's metrics.
#
#   GATEWAY_URL=http://127.0.0.1:8080 system-tests/contract/lint.sh [--update-baseline]
#
# The services' own documents are read from REGISTRY_URL, BAZAAR_URL and SPONSORSHIP_URL (default: the run
# command's ports 8081-8083 on the gateway's host). Needs Node.js 20 or later; installs the pinned tools first.
# Output: target/contract/lint-local/ under system-tests (documents, reports, counts, metrics).
set -eu
cd "$(dirname "$0")"
GATEWAY_URL=${GATEWAY_URL:-http://127.0.0.1:8080}
host=$(printf '%s' "$GATEWAY_URL" | sed -E 's#^(https?://[^:/]+).*#\1#')
REGISTRY_URL=${REGISTRY_URL:-$host:8081}
BAZAAR_URL=${BAZAAR_URL:-$host:8082}
SPONSORSHIP_URL=${SPONSORSHIP_URL:-$host:8083}
out=../target/contract/lint-local
mkdir -p "$out"
node install.mjs
status=0
node lint.mjs --gateway "$GATEWAY_URL" --service "registry=$REGISTRY_URL" --service "bazaar=$BAZAAR_URL" \
  --service "sponsorship=$SPONSORSHIP_URL" --out "$out" --baseline lint-baseline.json "$@" || status=$?
if [ -f "$out/lint-counts.json" ]; then
  node metrics.mjs --openapi "$out/documents/aggregated.json" --lint "$out/lint-counts.json" --out "$out"
fi
exit $status
