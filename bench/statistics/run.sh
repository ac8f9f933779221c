#!/usr/bin/env bash
# Statistics benchmark (issue 20): every figure's read at ten times today's register, on this machine only
# (127.0.0.1), every loop bounded in time.
#   1. the local stack without demo data; today's register imported through the API (19,823 women, 15,182
#      children), then made ten times larger in SQL (new ids and codes, the same districts and children);
#   2. one write through the API moves the registry's change mark, and the background refresh recomputes every
#      figure (its time is printed: the refresh is the work that grows with the register);
#   3. the anchor, in the same run: pgbench of the cell lookup itself (the primary-key read the API makes), p95;
#   4. each figure of each service through the service's HTTP API, one client, over its districts and periods:
#      p95 per figure, beside the anchor. The goal is p95 <= 20 ms.
# Usage: bench/statistics/run.sh   (SKIP_BUILD=1 to reuse built jars; DURATION=10s per figure)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${OUT:-/tmp/statistics-bench}"
duration="${DURATION:-10s}"
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need psql postgresql-client
need pgbench postgresql-contrib || need pgbench postgresql-client

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q -DskipTests -Dcheckstyle.skip package \
    -pl deploy/local-stack,deploy/demo-data,registry-service,bazaar-service,sponsorship-service,notification-service,gateway -am
fi

stack_log="$out/stack.log"
SKIP_BUILD=1 deploy/run-local --fresh --no-demo-data --free-ports --data-dir "$out/stack" >"$stack_log" 2>&1 &
stack_pid=$!
trap 'kill $stack_pid 2>/dev/null; wait $stack_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 360); do grep -q "Press Ctrl-C" "$stack_log" && break; sleep 1; done
grep -q "Press Ctrl-C" "$stack_log" || { echo "stack did not start"; tail -20 "$stack_log"; exit 1; }
gw=$(grep -o 'Gateway: *http://[^ ]*' "$stack_log" | awk '{print $2}')
pgport=$(grep -o 'PostgreSQL on 127.0.0.1:[0-9]*' "$stack_log" | cut -d: -f2)
password=$(grep '^password=' "$out/stack/demo-credentials.properties" | cut -d= -f2)
token=$(curl -s "$gw/oauth2/token" -d grant_type=password -d username=admin -d password="$password" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
service_url() { grep -o "$1 http://[^ ,]*" "$stack_log" | awk '{print $2}'; }
export PGPASSWORD=postgres
psqlr() { psql -q -X -h 127.0.0.1 -p "$pgport" -U postgres -d registry -v ON_ERROR_STOP=1 "$@"; }

java -cp "deploy/demo-data/target/classes:$(cat deploy/demo-data/target/runtime-classpath.txt)" \
  ir.tehran.womenfamily.demo.DemoDataGenerator "$out/women.csv" 1403
# shellcheck source=bench/registry/import-lib.sh
. "$root/bench/registry/import-lib.sh"
import_register "$gw" "$token" "$out/women.csv"

# Ten times today's register, in SQL from the imported women and their children (new ids, unused codes).
psqlr <<SQL
create temporary table copies as
select b.id as original, g, gen_random_uuid() as id,
       lpad((1000000000 + g * 100000 + row_number() over ())::text, 10, '0') as code
from beneficiary b cross join generate_series(1, 9) g where b.created_by <> 'bench';
insert into beneficiary (id, national_code, first_name, last_name, name_key, registered_at, created_by,
                         registration_channel, status, support_level, district, birth_date)
select c.id, c.code, b.first_name, b.last_name, b.name_key || ' ' || c.g, now(), 'bench',
       b.registration_channel, b.status, b.support_level, b.district, b.birth_date
from copies c join beneficiary b on b.id = c.original;
insert into child (id, mother_id, first_name, last_name, birth_date, gender, grade)
select gen_random_uuid(), c.id, k.first_name, k.last_name, k.birth_date, k.gender, k.grade
from copies c join child k on k.mother_id = c.original;
analyze beneficiary;
analyze child;
SQL
echo "register: $(psqlr -t -A -c "select count(*) from beneficiary") women, $(psqlr -t -A -c "select count(*) from child") children"

# one write through the API: the change mark moves and the background refresh recomputes every figure
registry=$(service_url registry)
mark=$(date -u +%Y-%m-%dT%H:%M:%S)
curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"nationalCode":"4993708912","firstName":"زهرا","lastName":"محمدی","district":7}' \
  "$registry/api/registry/beneficiaries"
for _ in $(seq 1 600); do
  at=$(psqlr -t -A -c "select coalesce(max(refreshed_at) at time zone 'UTC', 'epoch')::text from statistics_figure")
  [[ "$at" > "$mark" ]] && break
  sleep 1
done
echo "figures refreshed at $at (the write at $mark; the refresh runs every 15 s)"
echo "refresh: $(grep -rho 'registry-service: [0-9]* figures refreshed in [0-9]* ms' "$stack_log" "$out/stack" 2>/dev/null \
  | tail -1 || true)"

# the anchor: the cell lookup itself, in PostgreSQL, one client
cat > "$out/lookup.sql" <<'SQL'
\set district random(0, 22)
select series, district, period, value, withheld from statistics_cell
where figure = 'women-served' and district = :district and period = 'now' order by period, district, series;
SQL
(cd "$out" && rm -f pgbench_log.* && pgbench -n -h 127.0.0.1 -p "$pgport" -U postgres -c 1 -T 10 -l \
  -f lookup.sql registry >/dev/null)
anchor=$(cat "$out"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int(NR*0.95)]/1000}')
echo "anchor: pgbench of the cell lookup, p95 $anchor ms"

# each figure through its service's API: one client, over its districts and its periods
results="$out/results.txt"
: > "$results"
for svc in registry bazaar sponsorship; do
  url=$(service_url "$svc")
  figures=$(curl -s -H "Authorization: Bearer $token" "$url/api/$svc/statistics?limit=200" \
    | grep -o '"id":"[a-z0-9-]*"' | cut -d'"' -f4)
  for f in $figures; do
    periods=$(psql -q -X -t -A -h 127.0.0.1 -p "$pgport" -U postgres -d "$svc" \
      -c "select string_agg(distinct '\"' || period || '\"', ',') from statistics_cell where figure = '$f'")
    [ -n "$periods" ] || periods='"now"'
    cat > "$out/figure.lua" <<LUA
local periods = {$periods}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/$svc/statistics/$f?district=" .. (i % 23) .. "&period=" .. periods[(i % #periods) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("%s %s p50 %.2f ms p95 %.2f ms, %d requests, %d errors\n", "$svc", "$f",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA
    wrk -t1 -c1 -d"$duration" -H "Authorization: Bearer $token" -s "$out/figure.lua" "$url" | tail -1 \
      | tee -a "$results"
  done
done

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%M:%SZ)); anchor p95 $anchor ms; goal p95 <= 20 ms"
cat "$results"
echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores available"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
