#!/usr/bin/env python3
"""Assembles a minimal JRE 17 base image as a `docker save` tarball, for building Koubei's image with Jib where no
registry is reachable (jib accepts -Djib.from.image=tar:///path). The layer holds a jlink'ed Java 17 runtime from the
local JDK at /opt/java/openjdk (as in eclipse-temurin), the shared libraries it links against (found with ldd), and an
/etc/passwd naming uid 10001. It is a stand-in to exercise the tar:// path: for production use eclipse-temurin:17-jre
(or your organisation's JRE 17 image) saved with `docker save` on a machine that reaches a registry.

usage: make-base-image.py OUT.tar [JAVA_HOME]
"""
import hashlib, io, json, os, subprocess, sys, tarfile, tempfile

out = sys.argv[1]
java_home = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
work = tempfile.mkdtemp(prefix="koubei-base-")
jre = os.path.join(work, "jre")
modules = "java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.naming.dns,jdk.localedata"
subprocess.run([os.path.join(java_home, "bin", "jlink"), "--add-modules", modules, "--strip-debug", "--no-man-pages",
                "--no-header-files", "--compress=2", "--output", jre], check=True)

libs = set()
for root, _, files in os.walk(jre):
    for f in files:
        p = os.path.join(root, f)
        if f.endswith(".so") or root.endswith("/bin"):
            r = subprocess.run(["ldd", p], capture_output=True, text=True)
            for line in r.stdout.splitlines():
                parts = line.split("=>")
                path = (parts[1] if len(parts) > 1 else parts[0]).strip().split(" ")[0]
                if path.startswith("/") and os.path.exists(path) and not os.path.realpath(path).startswith(work):
                    libs.add(path)

layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as t:
    def add_dir(name):
        info = tarfile.TarInfo(name)
        info.type, info.mode = tarfile.DIRTYPE, 0o755
        t.addfile(info)
    for d in ["etc", "tmp", "opt", "opt/java"]:
        add_dir(d)
    for name, text in {"etc/passwd": "root:x:0:0:root:/root:/sbin/nologin\nkoubei:x:10001:0:koubei:/data:/sbin/nologin\n",
                       "etc/group": "root:x:0:\n"}.items():
        data = text.encode()
        info = tarfile.TarInfo(name)
        info.size, info.mode = len(data), 0o644
        t.addfile(info, io.BytesIO(data))
    t.add(jre, arcname="opt/java/openjdk")
    seen = set()
    for lib in sorted(libs | {"/lib64/ld-linux-x86-64.so.2"}):
        real = os.path.realpath(lib)
        for p in (lib, real):
            parent = os.path.dirname(p).lstrip("/")
            acc = ""
            for part in parent.split("/"):
                acc = part if not acc else acc + "/" + part
                if acc not in seen:
                    seen.add(acc)
                    add_dir(acc)
        t.add(real, arcname=real.lstrip("/"))
        if lib != real:
            info = tarfile.TarInfo(lib.lstrip("/"))
            info.type, info.linkname = tarfile.SYMTYPE, real
            t.addfile(info)
layer_bytes = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()

config = {
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk", "LANG=C.UTF-8"]},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created_by": "deploy/image/make-base-image.py (jlink " + modules + ")"}],
}
config_bytes = json.dumps(config).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest = [{"Config": config_name, "RepoTags": ["koubei-base:17-local"], "Layers": ["layer.tar"]}]
with tarfile.open(out, "w") as t:
    for name, data in ((config_name, config_bytes), ("layer.tar", layer_bytes),
                       ("manifest.json", json.dumps(manifest).encode())):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
print(f"{out}: {len(layer_bytes) / 1e6:.0f} MB layer, {len(libs)} shared libraries, java from {java_home}")
