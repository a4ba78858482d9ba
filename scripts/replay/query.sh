#!/usr/bin/env bash
# Serve results of one scenario briefly and GET the given API paths (for investigating alerts).
# Usage: ./query.sh <scenario> '/api/v1/aggregates?groupBy=week&channel=ticket' ...
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${REPLAY_DIR:-$REPO/target/replay}
mkdir -p "$WORK/logs" && cd "$WORK"
sc=$1; shift
PORT=${PORT:-8485}; P=q-$(date +%s)
KOUBEI_DATA_DIR=data/$sc PORT=$PORT KOUBEI_SIGNALS_CRON= KOUBEI_REPORT_CRON= \
KOUBEI_SECURITY_USERS_0_NAME=replay KOUBEI_SECURITY_USERS_0_PASSWORD=$P KOUBEI_SECURITY_USERS_0_ROLE=ADMIN \
  java -jar "${JAR:-$REPO/dashboard/target/koubei.jar}" serve >logs/query-$sc.log 2>&1 &
spid=$!
for i in $(seq 1 120); do curl -fsS -u replay:$P "http://localhost:$PORT/api/v1/health" >/dev/null 2>&1 && break; sleep 2; done
for p in "$@"; do curl -sS -u replay:$P "http://localhost:$PORT$p"; echo; done
kill $spid; wait $spid 2>/dev/null
