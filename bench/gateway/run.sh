#!/usr/bin/env bash
# The gateway's cost and the system's end-to-end latency, on this machine only (127.0.0.1), every loop
# bounded in count and time. In one run, against the same registry and the same row:
#   1. GET one woman by id with wrk: directly at the registry, through the gateway, and through nginx as
#      a plain reverse proxy; the gateway's throughput as a ratio of both, the latency it adds at p50
#      and p99 (the registry verifies the token in all three; the gateway verifies it too);
#   2. the time from a registry write to the sponsorship read model, p50 and p99, under about 200
#      writes a second;
#   3. start-up time and resident memory (RSS) of each service after the load.
# Usage: bench/gateway/run.sh      (SKIP_BUILD=1 to reuse built jars; DURATION=20s per wrk run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${OUT:-/tmp/gateway-bench}"
duration="${DURATION:-20s}"
rm -rf "$out"
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx
need psql postgresql-client
need bc bc

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q -DskipTests -Dcheckstyle.skip package \
    -pl deploy/local-stack,deploy/demo-data,registry-service,bazaar-service,sponsorship-service,notification-service,gateway -am
fi

# the gateway's per-client limit (600 a minute) would answer a load test with 429: raised for this run only
SKIP_BUILD=1 deploy/run-local --fresh --no-demo-data --free-ports --data-dir "$out/stack" \
  --config gateway.rate-limit.groups.api.per-client.capacity=100000000 \
  --config gateway.rate-limit.groups.api.per-address.capacity=100000000 >"$out/stack.log" 2>&1 &
stack_pid=$!
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  kill "$stack_pid" 2>/dev/null || true
  wait "$stack_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 360); do grep -q "Press Ctrl-C" "$out/stack.log" && break; sleep 1; done
grep -q "Press Ctrl-C" "$out/stack.log" || { echo "stack did not start"; tail -20 "$out/stack.log"; exit 1; }
gw=$(grep -o 'Gateway: *http://[^ ]*' "$out/stack.log" | awk '{print $2}')
registry=$(grep -o 'registry http://[^ ,]*' "$out/stack.log" | awk '{print $2}')
pgport=$(grep -o 'PostgreSQL on 127.0.0.1:[0-9]*' "$out/stack.log" | cut -d: -f2)
password=$(grep '^password=' "$out/stack/demo-credentials.properties" | cut -d= -f2)
token=$(curl -s "$gw/oauth2/token" -d grant_type=password -d username=admin -d password="$password" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
export PGPASSWORD=postgres
sql() { psql -q -X -t -A -h 127.0.0.1 -p "$pgport" -U postgres -d "$1" -v ON_ERROR_STOP=1 -c "$2"; }

id=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"nationalCode":"0012345679","firstName":"زهرا","lastName":"محمدی","district":5}' \
  "$gw/api/registry/beneficiaries" | sed 's/.*"id":"\([^"]*\)".*/\1/')

# nginx as a plain reverse proxy to the same registry, with keep-alive to it
nginx_port=$(( 20000 + RANDOM % 20000 ))
registry_hostport=${registry#http://}
mkdir -p "$out/nginx"
cat > "$out/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream registry { server $registry_hostport; keepalive 32; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://registry;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX
nginx -c "$out/nginx/nginx.conf" -p "$out/nginx" &
nginx_pid=$!
sleep 1

cat > "$out/latency.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA
# the JIT warms up on the registry first, so that the first target measured is not the cold one
wrk -t2 -c16 -d10s -H "Authorization: Bearer $token" "$registry/api/registry/beneficiaries/$id" >/dev/null
wrk -t2 -c16 -d10s -H "Authorization: Bearer $token" "$gw/api/registry/beneficiaries/$id" >/dev/null
declare -A rps p50 p99 errs
for target in direct gateway nginx; do
  case $target in
    direct) base="$registry" ;;
    gateway) base="$gw" ;;
    nginx) base="http://127.0.0.1:$nginx_port" ;;
  esac
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$base/api/registry/beneficiaries/$id" \
    || { echo "GET through $target failed"; exit 1; }
  read -r _ r a b e < <(wrk -t2 -c16 -d"$duration" -H "Authorization: Bearer $token" -s "$out/latency.lua" \
    "$base/api/registry/beneficiaries/$id" | grep '^RESULT')
  rps[$target]=$r; p50[$target]=$a; p99[$target]=$b; errs[$target]=$e
done
echo "== 1. GET by id, wrk 2 threads 16 connections $duration each"
printf "%-8s %10s %9s %9s %7s\n" target "req/s" "p50 ms" "p99 ms" errors
for target in direct gateway nginx; do
  printf "%-8s %10s %9s %9s %7s\n" "$target" "${rps[$target]}" "${p50[$target]}" "${p99[$target]}" "${errs[$target]}"
done
echo "gateway / direct throughput: $(echo "scale=2; ${rps[gateway]} / ${rps[direct]}" | bc)"
echo "gateway / nginx throughput:  $(echo "scale=2; ${rps[gateway]} / ${rps[nginx]}" | bc)"
echo "latency the gateway adds: p50 $(echo "${p50[gateway]} - ${p50[direct]}" | bc) ms, p99 $(echo "${p99[gateway]} - ${p99[direct]}" | bc) ms"
echo "latency nginx adds:       p50 $(echo "${p50[nginx]} - ${p50[direct]}" | bc) ms, p99 $(echo "${p99[nginx]} - ${p99[direct]}" | bc) ms"

echo "== 2. registry write -> sponsorship read model, about 200 writes a second for 30 s"
cat > "$out/register.lua" <<'LUA'
local n = 0
local seed = os.time() % 100000
local function code(i)
  local digits = string.format("%09d", (seed * 10000 + i) % 1000000000)
  local sum = 0
  for k = 1, 9 do sum = sum + tonumber(digits:sub(k, k)) * (11 - k) end
  local r = sum % 11
  if r >= 2 then r = 11 - r end
  return digits .. r
end
request = function()
  n = n + 1
  -- wrk.format replaces the -H headers (the token) when given its own: keep them
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/registry/beneficiaries", headers,
    '{"nationalCode":"' .. code(n) .. '","firstName":"مریم","lastName":"بار' .. n .. '","district":7}')
end
delay = function() return 75 end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %d %d\n", summary.requests / (summary.duration / 1e6), summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA
read -r _ wps writes werr < <(wrk -t1 -c16 -d30s -H "Authorization: Bearer $token" -s "$out/register.lua" "$registry" \
  | grep '^RESULT')
expected=$(sql registry "select count(*) from beneficiary")
for _ in $(seq 1 120); do
  [ "$(sql sponsorship "select count(*) from mother")" -ge "$expected" ] && break
  sleep 1
done
sql registry "select id, extract(epoch from registered_at) from beneficiary" | tr '|' ' ' | sort > "$out/written.txt"
sql sponsorship "select beneficiary_id, extract(epoch from first_seen_at) from mother" | tr '|' ' ' | sort > "$out/seen.txt"
join "$out/written.txt" "$out/seen.txt" | awk '{printf "%.1f\n", ($3 - $2) * 1000}' | sort -n > "$out/lag.txt"
count=$(wc -l < "$out/lag.txt")
pct() { awk -v p="$1" -v n="$count" 'NR == int((n - 1) * p / 100) + 1 {print; exit}' "$out/lag.txt"; }
echo "writes: $wps a second ($writes accepted, $werr errors); arrived in sponsorship: $count of $expected"
echo "write -> read model: p50 $(pct 50) ms, p99 $(pct 99) ms, max $(tail -1 "$out/lag.txt") ms"

echo "== 3. start-up time and memory after the load"
printf "%-12s %12s %10s\n" service "started in" "RSS MiB"
for svc in registry bazaar sponsorship gateway; do
  module=$([ "$svc" = gateway ] && echo gateway || echo "$svc-service")
  started=$(grep -o 'started in [0-9.]*s' "$out/stack/logs/$svc.log" | tail -1 | awk '{print $3}' || true)
  # the local stack runs each service from its own copy of the built application, under its data directory
  pid=$(pgrep -f "$out/stack/apps/$module/quarkus-run.jar" | head -1 || true)
  rss=$([ -n "$pid" ] && awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status" || echo "?")
  printf "%-12s %12s %10s\n" "$svc" "$started" "$rss"
done
echo "(machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ))"
