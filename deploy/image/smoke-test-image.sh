#!/usr/bin/env bash
# Runs the image tarball without a container engine, as far as that goes: unpacks its layers into a root file system,
# then (as root: chroot, mount /proc) starts its entrypoint as the image's user with /data writable by group 0, waits
# for the readiness probe and runs the image's health check command. No namespaces, no cgroup limit: this checks the
# image's content and configuration, not isolation.
#   sudo deploy/image/smoke-test-image.sh [dashboard/target/koubei-image.tar] [port]
set -euo pipefail
image="${1:-dashboard/target/koubei-image.tar}"
port="${2:-18080}"
root="$(mktemp -d /tmp/koubei-image-root.XXXX)"; chmod 755 "$root"
tar -xf "$image" -C "$root" manifest.json config.json
for layer in $(python3 -c "import json,sys; print(' '.join(json.load(open(sys.argv[1]))[0]['Layers']))" "$root/manifest.json"); do
  tar -xOf "$image" "$layer" | tar -xz -C "$root" 2> >(grep -v 'LIBARCHIVE' >&2)
done
read -r user entry <<<"$(python3 -c "
import json,sys,shlex; c=json.load(open(sys.argv[1]))['config']
print(c['User'], shlex.join(c['Entrypoint'] + (c.get('Cmd') or [])))" "$root/config.json")"
env_args=$(python3 -c "import json,sys,shlex; print(' '.join(shlex.quote(e) for e in json.load(open(sys.argv[1]))['config']['Env']))" "$root/config.json")
mkdir -p "$root/proc" "$root/tmp" && chmod 1777 "$root/tmp"
mount -t proc proc "$root/proc"
trap 'kill $pid 2>/dev/null || true; sleep 2; umount "$root/proc"; rm -rf "$root"' EXIT
echo "user $user; entrypoint: $entry"
eval "env -i $env_args PORT=$port $(command -v chroot) --userspec=$user $root $entry" > "$root/tmp/koubei.log" 2>&1 &
pid=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && break
  sleep 1
done
echo "readiness: $(curl -s "http://127.0.0.1:$port/actuator/health/readiness" || true)"
grep -E "JVM heap|Started|ERROR|Exception" "$root/tmp/koubei.log" | head -5 || tail -20 "$root/tmp/koubei.log"
ps -eo uid,gid,args | grep "[K]oubeiMain" | cut -c1-100 || true
healthcheck=$(python3 -c "import json,sys,shlex; h=json.load(open(sys.argv[1]))['config'].get('Healthcheck'); print(shlex.join(h['Test'][1:]) if h else '')" "$root/config.json")
if [[ -n "$healthcheck" ]]; then
  eval "env -i $env_args PORT=$port $(command -v chroot) --userspec=$user $root $healthcheck" && echo "HEALTHCHECK: exit 0"
fi
ls -lnd "$root/data"; ls -ln "$root/data" | head -8
