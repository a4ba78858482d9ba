#!/usr/bin/env bash
# Import each scenario file into a fresh Koubei data dir (one at a time), then serve it briefly and fetch the
# alerts, signals, concentration and astroturf-flag counts over the API into results/<scenario>/.
# Usage: ./run.sh [scenario ...]      (default: all five; files from $OUT (out/), see gen.py;
#        results to $RES (results/), data dirs in $DATA (data/))
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${REPLAY_DIR:-$REPO/target/replay}
mkdir -p "$WORK/logs" && cd "$WORK"
JAR=${JAR:-$REPO/dashboard/target/koubei.jar}
PORT=${PORT:-8484}
USER_NAME=replay
USER_PASS=${REPLAY_PASS:-replay-$(date +%s)}
OUT=${OUT:-out}; RES=${RES:-results}; DATA=${DATA:-data}
SCENARIOS=${*:-calm ticket_surge praise_campaign channel_silent cocoon}
WEEKS=$(seq 36 47 | sed 's/^/2026-W/')
mkdir -p "$DATA" logs "$RES"

for sc in $SCENARIOS; do
  f=$OUT/$sc.csv
  [ -f "$f" ] || { echo "missing $f (run gen.py first)"; exit 1; }
  dd=$DATA/$sc; rd=$RES/$sc
  rm -rf "$dd" "$rd"; mkdir -p "$rd"
  echo "== $sc: import $f"
  start=$(date +%s.%N)
  KOUBEI_DATA_DIR=$dd java -jar "$JAR" import --quiet "$f" >"$rd/import.log" 2>&1
  rc=$?
  end=$(date +%s.%N)
  python3 -c "print('%.1f' % ($end - $start))" >"$rd/import.seconds"
  echo "$rc" >"$rd/import.rc"
  grep -E '^(.*rows read|signals:)' "$rd/import.log" | sed 's/^/   /'
  echo "   rc=$rc wall=$(cat "$rd/import.seconds")s"

  # serve the same data dir with a configured API user (HTTP Basic), hourly scan off
  KOUBEI_DATA_DIR=$dd PORT=$PORT KOUBEI_SIGNALS_CRON= \
  KOUBEI_SECURITY_USERS_0_NAME=$USER_NAME KOUBEI_SECURITY_USERS_0_PASSWORD=$USER_PASS \
  KOUBEI_SECURITY_USERS_0_ROLE=ADMIN KOUBEI_REPORT_CRON= \
    java -jar "$JAR" serve >"$rd/serve.log" 2>&1 &
  spid=$!
  ok=
  for i in $(seq 1 120); do
    if curl -fsS -u "$USER_NAME:$USER_PASS" "http://localhost:$PORT/api/v1/health" >/dev/null 2>&1; then ok=1; break; fi
    kill -0 $spid 2>/dev/null || break
    sleep 2
  done
  if [ -z "$ok" ]; then echo "   serve did not come up (see $rd/serve.log)"; kill $spid 2>/dev/null; wait $spid 2>/dev/null; continue; fi
  get() { curl -sS -u "$USER_NAME:$USER_PASS" -o "$rd/$1" -w '%{http_code}' "http://localhost:$PORT$2"; }
  echo "   alerts: HTTP $(get alerts.json '/api/v1/alerts/weekly') open: HTTP $(get alerts_open.json '/api/v1/alerts/weekly?status=open') incidents: HTTP $(get incidents.json '/api/v1/alerts')"
  for w in $WEEKS; do
    get "signals_$w.json" "/api/v1/signals?week=$w" >/dev/null
    get "concentration_$w.json" "/api/v1/concentration?week=$w" >/dev/null
  done
  get flagged.json '/api/v1/search?flag=astroturf&limit=1000' >/dev/null
  get agg_week_channel.json '/api/v1/aggregates?groupBy=week,channel' >/dev/null
  get agg_week_source.json '/api/v1/aggregates?groupBy=week,source' >/dev/null
  get agg_day_source.json '/api/v1/aggregates?groupBy=day,source' >/dev/null
  kill $spid; wait $spid 2>/dev/null
  echo "   results in $rd/"
done
