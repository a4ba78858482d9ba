#!/usr/bin/env bash
# Builds Koubei's container image as a tarball with Jib, without a daemon or a registry, and prints its config.
#   deploy/image/build-image-tar.sh [BASE.tar]
# BASE.tar: a JRE 17 base image in `docker save` form (e.g. `docker save eclipse-temurin:17-jre` on a machine that
# reaches a registry). Without it, a stand-in base is assembled from the local JDK (make-base-image.py).
# With a registry instead: ./mvnw -pl dashboard -am package -DskipTests jib:build -Djib.to.image=registry/koubei:tag
# Output: dashboard/target/koubei-image.tar (`docker load -i` it).
set -euo pipefail
cd "$(dirname "$0")/../.."
base="${1:-}"
if [[ -z "$base" ]]; then
  base="$(pwd)/dashboard/target/jib-base/koubei-base.tar"
  if [[ ! -f "$base" ]]; then
    mkdir -p "$(dirname "$base")"
    python3 deploy/image/make-base-image.py "$base"
  fi
fi
base="$(cd "$(dirname "$base")" && pwd)/$(basename "$base")"
./mvnw -B -ntp -q -pl dashboard -am package -DskipTests jib:buildTar "-Djib.from.image=tar://$base"
python3 deploy/image/add-healthcheck.py dashboard/target/koubei-image.tar
python3 deploy/image/inspect-image.py dashboard/target/koubei-image.tar
