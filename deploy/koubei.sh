#!/bin/sh
# Runs the Koubei jar with JVM defaults chosen for it, instead of a bare `java -jar` (whose heap is a quarter of the
# machine's memory, unchosen). Arguments go to koubei: `deploy/koubei.sh serve`, `deploy/koubei.sh import file.csv`.
#   KOUBEI_JAR       the jar (default: dashboard/target/koubei.jar next to this script's repository)
#   KOUBEI_HEAP      heap ceiling, e.g. 2g (default: half the memory, or of the cgroup limit, at most 4 GB)
#   JAVA_OPTS        more JVM options; an -Xmx or -XX:MaxRAMPercentage there wins over the defaults
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
jar="${KOUBEI_JAR:-$here/../dashboard/target/koubei.jar}"
opts="${JAVA_OPTS:-}"
case " $opts " in
  *" -Xmx"*|*"MaxRAMPercentage"*|*"-XX:MaxRAM="*) ;;
  *)
    if [ -n "${KOUBEI_HEAP:-}" ]; then
      opts="-Xmx$KOUBEI_HEAP $opts"
    else
      # half the memory we are given (the cgroup limit if there is one), but never more than 4 GB unasked
      mem_mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo 2>/dev/null || echo 4096)
      limit=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || echo max)
      case "$limit" in ''|max|*[!0-9]*) ;; *) [ $((limit / 1048576)) -lt "$mem_mb" ] && mem_mb=$((limit / 1048576)) ;; esac
      heap_mb=$((mem_mb / 2))
      [ "$heap_mb" -gt 4096 ] && heap_mb=4096
      [ "$heap_mb" -lt 256 ] && heap_mb=256
      opts="-Xmx${heap_mb}m $opts"
    fi
    ;;
esac
[ -n "${KOUBEI_DRY_RUN:-}" ] && { echo java $opts -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -jar "$jar" "$@"; exit 0; }
exec java $opts -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -jar "$jar" "$@"
