#!/usr/bin/env python3
"""Adds a HEALTHCHECK to an image tarball made by jib:buildTar (Jib's Maven plugin cannot set one): the readiness
probe, asked by a JDK-only class of the application (no curl or shell needed in the image). Rewrites the tar in place.

usage: add-healthcheck.py IMAGE.tar
"""
import io, json, os, sys, tarfile

SECOND = 1_000_000_000
HEALTHCHECK = {
    "Test": ["CMD", "java", "-cp", "/app/classes", "io.koubei.dashboard.ops.HealthCheck", "/actuator/health/readiness"],
    "Interval": 15 * SECOND, "Timeout": 5 * SECOND, "StartPeriod": 60 * SECOND, "Retries": 5,
}
path = sys.argv[1]
with tarfile.open(path) as t:
    members = [(m, t.extractfile(m).read()) for m in t.getmembers()]
manifest = json.loads(next(data for m, data in members if m.name == "manifest.json"))
config_name = manifest[0]["Config"]
out = path + ".tmp"
with tarfile.open(out, "w") as t:
    for m, data in members:
        if m.name == config_name:
            config = json.loads(data)
            config["config"]["Healthcheck"] = HEALTHCHECK
            data = json.dumps(config, separators=(",", ":")).encode()
            m.size = len(data)
        t.addfile(m, io.BytesIO(data))
os.replace(out, path)
print(f"{path}: HEALTHCHECK {' '.join(HEALTHCHECK['Test'][1:])}")
