#!/usr/bin/env bash
# Allocation benchmarks of the bazaar service (no network, no server: the solver in one JVM).
#   bench/bazaar/allocation.sh exhibition [seed] [seconds]   the 20th exhibition at real scale
#   bench/bazaar/allocation.sh year [seed] [seconds-per-bazaar]   48 bazaars, solver vs first-come greedy
# Bounded: the exhibition run stops after its time limit (default 60 s), the year after 48 solves.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-exhibition}"
shift || true
# in the reactor (-am compiles service-support from this tree, nothing needs to be installed); the classpath
# then names the other modules' target/classes
./mvnw -B -q -pl bazaar-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -Dcheckstyle.skip
cp="bazaar-service/target/test-classes:bazaar-service/target/classes:$(cat bazaar-service/target/bench.classpath)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx4g -cp "$cp" ir.tehran.womenfamily.bazaar.bench.AllocationBench "$mode" "$@"
