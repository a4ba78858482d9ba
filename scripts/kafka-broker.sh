#!/usr/bin/env bash
# A standalone single-node Kafka broker (KRaft, broker+controller) on loopback, for manual runs and benchmarks of
# the Kafka bus. Tests do not need it: they start an embedded broker themselves.
#
#   scripts/kafka-broker.sh start     resolve Kafka (first time), format the log dir (first time), start, wait until up
#   scripts/kafka-broker.sh stop      stop it
#   scripts/kafka-broker.sh status    running or not, and where
#   scripts/kafka-broker.sh clean     stop and delete its data
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_BROKER_DIR (target/kafka-broker),
# KAFKA_HEAP (512m), JAVA (java). Then: KOUBEI_BUS=kafka KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 ...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${KAFKA_BROKER_DIR:-$ROOT/target/kafka-broker}"
PORT="${KAFKA_PORT:-9092}"
CPORT="${KAFKA_CONTROLLER_PORT:-9093}"
HEAP="${KAFKA_HEAP:-512m}"
JAVA="${JAVA:-java}"
PIDFILE="$DIR/broker.pid"
CONFIG="$DIR/server.properties"
LOG="$DIR/broker.log"

die() { echo "kafka-broker: $*" >&2; exit 1; }

running() { [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

resolve() {
  if [[ ! -f "$DIR/lib/.complete" ]]; then
    echo "kafka-broker: resolving Kafka into $DIR/lib (first time only)"
    mkdir -p "$DIR/lib"
    "$ROOT/mvnw" -q -f "$ROOT/scripts/kafka-broker.pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$DIR/lib" -DincludeScope=runtime || die "could not resolve Kafka (see above)"
    touch "$DIR/lib/.complete"
  fi
}

configure() {
  mkdir -p "$DIR/data"
  cat > "$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CPORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DIR/data
num.partitions=4
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  cat > "$DIR/log4j2.properties" <<PROPS
rootLogger.level=WARN
rootLogger.appenderRef.out.ref=out
appender.out.type=Console
appender.out.name=out
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=%d{ISO8601} %-5p %c{1} - %m%n
logger.kafka.name=kafka.server.KafkaRaftServer
logger.kafka.level=INFO
PROPS
}

run_java() {
  "$JAVA" "-Xms$HEAP" "-Xmx$HEAP" -Dlog4j2.configurationFile="$DIR/log4j2.properties" -cp "$DIR/lib/*" "$@"
}

start() {
  if running; then
    echo "kafka-broker: already running (pid $(cat "$PIDFILE")) on 127.0.0.1:$PORT"
    return 0
  fi
  command -v "$JAVA" >/dev/null || die "no java on PATH (set JAVA=/path/to/java)"
  port_open "$PORT" && die "port $PORT is taken (set KAFKA_PORT)"
  port_open "$CPORT" && die "port $CPORT is taken (set KAFKA_CONTROLLER_PORT)"
  resolve
  configure
  if [[ ! -f "$DIR/data/meta.properties" ]]; then
    local id
    id="$(run_java kafka.tools.StorageTool random-uuid | tail -n 1)"
    run_java kafka.tools.StorageTool format -t "$id" -c "$CONFIG" >/dev/null || die "formatting $DIR/data failed"
  fi
  nohup "$JAVA" "-Xms$HEAP" "-Xmx$HEAP" -Dlog4j2.configurationFile="$DIR/log4j2.properties" \
    -cp "$DIR/lib/*" kafka.Kafka "$CONFIG" > "$LOG" 2>&1 &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 120); do
    if port_open "$PORT"; then
      echo "kafka-broker: up on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"), log $LOG)"
      return 0
    fi
    running || { tail -n 30 "$LOG" >&2; rm -f "$PIDFILE"; die "the broker exited during startup"; }
    sleep 0.5
  done
  stop
  die "the broker did not open port $PORT within 60 s (log: $LOG)"
}

stop() {
  if ! running; then
    rm -f "$PIDFILE"
    echo "kafka-broker: not running"
    return 0
  fi
  local pid
  pid="$(cat "$PIDFILE")"
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; echo "kafka-broker: stopped"; return 0; }
    sleep 0.5
  done
  echo "kafka-broker: pid $pid did not stop within 30 s; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if running; then echo "kafka-broker: running (pid $(cat "$PIDFILE")) on 127.0.0.1:$PORT, data $DIR/data"
    else echo "kafka-broker: not running"; exit 3; fi ;;
  clean) stop; rm -rf "$DIR/data" "$CONFIG" ;;
  *) echo "usage: $0 start|stop|status|clean" >&2; exit 2 ;;
esac
