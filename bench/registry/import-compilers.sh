#!/usr/bin/env bash
# The import of today's register (19,823 women, 15,182 children) through the gateway, on a fresh stack each
# time, alternating the services' JIT setting: C1 only (the local stack's default) and C1+C2
# (SERVICE_JVM_OPTIONS=-XX:TieredStopAtLevel=4). On this machine only (127.0.0.1); RUNS pairs (default 3),
# each import bounded to 4 minutes. Usage: SKIP_BUILD=1 bench/registry/import-compilers.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${OUT:-/tmp/registry-import-compilers}"
runs="${RUNS:-3}"
mkdir -p "$out"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q -DskipTests -Dcheckstyle.skip package \
    -pl deploy/local-stack,deploy/demo-data,registry-service,bazaar-service,sponsorship-service,notification-service,gateway -am
fi
java -cp "deploy/demo-data/target/classes:$(cat deploy/demo-data/target/runtime-classpath.txt)" \
  ir.tehran.womenfamily.demo.DemoDataGenerator "$out/women.csv" 1403 >/dev/null

# shellcheck source=bench/registry/import-lib.sh
. "$root/bench/registry/import-lib.sh"
stack_pid=
stop_stack() { [ -n "$stack_pid" ] && { kill "$stack_pid" 2>/dev/null; wait "$stack_pid" 2>/dev/null || true; }; stack_pid=; }
trap stop_stack EXIT

one_run() { # $1: label, $2: extra JVM options
  SERVICE_JVM_OPTIONS="$2" SKIP_BUILD=1 deploy/run-local --fresh --no-demo-data --free-ports \
    --data-dir "$out/stack" >"$out/stack.log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 360); do grep -q "Press Ctrl-C" "$out/stack.log" && break; sleep 1; done
  grep -q "Press Ctrl-C" "$out/stack.log" || { echo "stack did not start"; tail -20 "$out/stack.log"; exit 1; }
  sleep 10
  local gw password token
  gw=$(grep -o 'Gateway: *http://[^ ]*' "$out/stack.log" | awk '{print $2}')
  password=$(grep '^password=' "$out/stack/demo-credentials.properties" | cut -d= -f2)
  token=$(curl -s "$gw/oauth2/token" -d grant_type=password -d username=admin -d password="$password" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  import_register "$gw" "$token" "$out/women.csv"
  echo "$1: import $IMPORT_SECONDS s ($IMPORT_STATUS)"
  stop_stack
}

for i in $(seq 1 "$runs"); do
  one_run "run $i, C1 only" ""
  one_run "run $i, C1+C2  " "-XX:TieredStopAtLevel=4"
done
echo "(machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(date -u +%FT%TZ))"
