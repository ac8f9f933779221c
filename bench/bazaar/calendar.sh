#!/usr/bin/env bash
# Requests per second of the public calendar through the gateway, with wrk (localhost only, bounded).
#   bench/bazaar/calendar.sh [seconds] [connections]
# Starts the whole stack from the already built modules (SKIP_BUILD=1 deploy/run-local --fresh in a
# temporary data directory), opens two bazaars, measures GET /api/bazaar/calendar for a district (a full
# answer) and the same with If-None-Match (a phone with the current ETag: 304, no body), then stops the
# stack it started. Needs wrk (Debian: apt-get install wrk) and the modules built (deploy/run-local builds
# them; or ./mvnw -DskipTests package).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
seconds="${1:-15}"
connections="${2:-16}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
data="$(mktemp -d)"
log="$data/run-local.log"
# the gateway's per-address limit (1,800 a minute) would answer most of a load test with 429: raised here
SKIP_BUILD=1 deploy/run-local --fresh --no-demo-data --data-dir "$data" \
  --config gateway.rate-limit.groups.api.per-address.capacity=100000000 \
  --config gateway.rate-limit.groups.api.per-client.capacity=100000000 >"$log" 2>&1 &
stack=$!
trap 'kill "$stack" 2>/dev/null || true; wait "$stack" 2>/dev/null || true; rm -rf "$data"' EXIT
gw=http://localhost:8080
for _ in $(seq 1 180); do
  if curl -fs "$gw/q/health" >/dev/null 2>&1 && curl -fs "$gw/api/bazaar/venues" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fs "$gw/api/bazaar/venues" >/dev/null || { echo "stack did not come up; see $log"; tail -20 "$log"; exit 1; }
password=$(grep '^password=' "$data/demo-credentials.properties" | cut -d= -f2)
token=$(curl -fs "$gw/oauth2/token" -d grant_type=password -d username=coordinator -d "password=$password" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
today=$(date +%F)
for offset in 20 40; do
  start=$(date -d "$today + $offset days" +%F)
  id=$(curl -fs "$gw/api/bazaar/bazaars" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"kind\":\"MONTHLY\",\"nameFa\":\"بازارچهٔ ماهانه\",\"nameEn\":\"Monthly bazaar\",\"startDate\":\"$start\",
         \"endDate\":\"$(date -d "$start + 2 days" +%F)\",\"venues\":[
         {\"venueId\":\"0b6d3c52-5a39-4d0e-9a7e-000000000001\"},{\"venueId\":\"0b6d3c52-5a39-4d0e-9a7e-000000000015\"}]}" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -c 36)
  curl -fs "$gw/api/bazaar/bazaars/$id/transitions" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"to":"OPEN"}' >/dev/null
done
url="$gw/api/bazaar/calendar?district=2"
etag=$(curl -fsI "$url" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); body $(curl -fs "$url" | wc -c) bytes"
echo "== full answers (200) =="
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url"
echo "== revalidation with If-None-Match (304) =="
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "If-None-Match: $etag" "$url"
