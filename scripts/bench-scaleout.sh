#!/usr/bin/env bash
# Side-by-side scale-out benchmark (not a test): starts a fresh Elasticsearch node (the build's test distribution)
# and a standalone Kafka broker, runs io.koubei.bench.ScaleOutBench against them, prints the table and stops both.
#
#   scripts/bench-scaleout.sh [--items 56715] [--query-items 1000000 | 0] [--workers 2] [--partitions 4] [--batch 1000]
#
# Environment: ES_PORT (9200), ES_HEAP (1g), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), BENCH_HEAP (4g),
# MVN_FLAGS (e.g. -o), BENCH_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=/tmp/b.jfr to profile). Output also goes to target/bench-scaleout.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ES_PORT="${ES_PORT:-9200}"
export ES_NODE_NAME=bench ES_HEAP="${ES_HEAP:-1g}"
export KAFKA_BROKER_DIR="$ROOT/target/bench-kafka"
export KAFKA_PORT="${KAFKA_PORT:-9092}" KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
mkdir -p target

echo "bench: building (bench module and the Elasticsearch test distribution)"
./mvnw -q ${MVN_FLAGS:-} -pl bench -am -DskipTests package
./mvnw -q ${MVN_FLAGS:-} -pl store -am test-compile   # unpacks store/target/elasticsearch-dist, compiles ElasticsearchNode

stop_all() {
  store/scripts/es-node.sh clean >/dev/null 2>&1 || true
  scripts/kafka-broker.sh clean >/dev/null 2>&1 || true
}
trap stop_all EXIT
stop_all
store/scripts/es-node.sh start "$ES_PORT"
scripts/kafka-broker.sh start
ES_PID="$(store/scripts/es-node.sh pid)"
BROKER_PID="$(cat "$KAFKA_BROKER_DIR/broker.pid")"

echo "bench: load before the run: $(cat /proc/loadavg)"
java -Xms"${BENCH_HEAP:-4g}" -Xmx"${BENCH_HEAP:-4g}" ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "bench/target/koubei-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.koubei.bench.ScaleOutBench --es "http://127.0.0.1:$ES_PORT" --kafka "127.0.0.1:$KAFKA_PORT" \
  --es-pid "$ES_PID" --broker-pid "$BROKER_PID" --work target/bench-work "$@" 2>&1 | tee target/bench-scaleout.log
echo "bench: load after the run: $(cat /proc/loadavg)"
