#!/usr/bin/env python3
"""Prints what an image tarball (docker save / jib:buildTar form) will run: user, entrypoint, ports, volumes, env."""
import json, sys, tarfile

with tarfile.open(sys.argv[1]) as t:
    manifest = json.load(t.extractfile("manifest.json"))[0]
    config = json.load(t.extractfile(manifest["Config"]))
c = config["config"]
for key in ("User", "Entrypoint", "Cmd", "ExposedPorts", "Volumes", "WorkingDir", "Env", "Healthcheck", "Labels"):
    print(f"{key}: {json.dumps(c.get(key), ensure_ascii=False)}")
print(f"layers: {len(manifest['Layers'])}, tags: {manifest.get('RepoTags')}")
