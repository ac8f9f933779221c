#!/usr/bin/env bash
# Sponsorship service benchmarks (issue 5): rebuilding the roster by replaying the registry's topics at
# today's scale (15,182 children) and matching 1,000 sponsors against them. Bounded (fixed sizes, one
# run) and local: the embedded PostgreSQL and Kafka broker of the tests, on 127.0.0.1, wiped at start.
#
#   bench/sponsorship/run.sh            # build what is needed, run, print the results and the machine
#
# The benchmark is SponsorshipBench (src/test, run only with -Pbench). It prints lines starting with BENCH
# and writes them to sponsorship-service/target/bench/results.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# in the reactor (-am builds service-support and the test infrastructure from this tree, nothing needs to be
# installed); -Dtest keeps the other modules' tests from running
./mvnw -B -q -pl sponsorship-service -am -Pbench test -Dcheckstyle.skip -Dtest='*Bench' \
  -Dsurefire.failIfNoSpecifiedTests=false "$@" | grep '^BENCH ' || true

echo
echo "== results ($started)"
cat sponsorship-service/target/bench/results.txt
echo
echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores available"
echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
echo "load at start of report: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
echo "command: bench/sponsorship/run.sh $*"
