#!/usr/bin/env bash
# The lifecycle benchmark on Helix's three topologies, one after the other, on this machine:
#   embedded   one server on its embedded defaults (H2, Liberty's messaging engine), with the JMS probe;
#   1 server   the production configuration: PostgreSQL + an Artemis live/backup pair, one server behind HAProxy;
#   2 servers  the same with two servers behind HAProxy.
# The production topologies are those ClusterIT tests on (dev.helix.it.ProductionTopology, started by it-tests'
# classes); their raw JMS reference is measured on the live broker with Artemis's own client.
# Run from the repository root after a build (./mvnw install -DskipTests -DskipITs); needs PostgreSQL's server
# binaries and HAProxy as ClusterIT does (.ci/run installs them). Reports: benchmarks/target/topologies/.
# Options (environment): TASKS (200), CONCURRENCY (8), WARMUP (20), JMS_MESSAGES (5000), TOPOLOGIES ("embedded 1 2").
set -euo pipefail

root=$(pwd)
out="$root/benchmarks/target/topologies"
tasks=${TASKS:-200}
concurrency=${CONCURRENCY:-8}
warmup=${WARMUP:-20}
jms=${JMS_MESSAGES:-5000}
topologies=${TOPOLOGIES:-embedded 1 2}
password=topology-admin-secret-0123
mkdir -p "$out"

harness=(-Dbench.only=lifecycle -Dbench.tasks="$tasks" -Dbench.concurrency="$concurrency" -Dbench.warmup="$warmup")

# The it-tests module's Liberty installation, Artemis distribution and production server folder (no test runs).
if [[ " $topologies " == *" 1 "* || " $topologies " == *" 2 "* ]]; then
  ./mvnw -B -q -pl it-tests pre-integration-test -DskipTests -Dhelix.it.admin.password="$password"
fi

for topology in $topologies; do
  if [[ $topology == embedded ]]; then
    echo "== embedded defaults"
    ./mvnw -B -q -Pbenchmark -pl benchmarks verify -DskipTests "${harness[@]}" -Dbench.jms.messages="$jms" 2>&1 \
      | tee "$out/embedded.log"
    cp benchmarks/target/benchmark-results.md "$out/embedded.md"
    continue
  fi
  echo "== PostgreSQL + Artemis, $topology server(s)"
  log="$out/servers-$topology.topology.log"
  (cd it-tests && exec ../mvnw -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.helix.it.ProductionTopology \
      -Dexec.args="$topology" -Dexec.cleanupDaemonThreads=false -Dhelix.it.admin.password="$password" \
      -Dbench.jms.messages="$jms") > "$log" 2>&1 &
  launcher=$!
  until grep -q "Helix is ready at" "$log"; do
    if ! kill -0 "$launcher" 2>/dev/null; then
      echo "the topology did not start; see $log" >&2
      exit 1
    fi
    sleep 5
  done
  grep "JMS reference:" "$log"
  servers=$(sed -n 's/^Servers: //p' "$log")
  ./mvnw -B -q -Pbenchmark -pl benchmarks exec:java@run-harness "${harness[@]}" -Dbench.jms.messages=0 \
    -Dbench.http.port=39480 -Dbench.cpu.urls="$servers" -Dbench.admin.password="$password" 2>&1 \
    | tee "$out/servers-$topology.log" || status=$?
  cp benchmarks/target/benchmark-results.md "$out/servers-$topology.md" || true
  kill "$launcher"
  wait "$launcher" || true
  if [[ ${status:-0} != 0 ]]; then
    exit "$status"
  fi
done
echo "Reports: $out"
