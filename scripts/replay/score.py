#!/usr/bin/env python3
"""Score the alerts fetched by run.sh against the injected patterns (out/truth.json).

Usage: python3 score.py [--results results] [--out results/score.md]
Classification per alert: TP (the expected alert), TP~ (a plausible consequence of the injected pattern, counted as TP
and explained), FP (anything else). Every alert of calm is FP.
"""
import argparse, json, os

WORK = os.environ.get("REPLAY_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "target", "replay"))
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
START = datetime(2026, 8, 31, tzinfo=TZ)
SCENARIOS = ["calm", "ticket_surge", "praise_campaign", "channel_silent", "cocoon"]
INJECT = {  # when the injected pattern starts (Asia/Shanghai)
    "ticket_surge": datetime(2026, 10, 19, tzinfo=TZ),
    "praise_campaign": datetime(2026, 10, 14, 20, 10, tzinfo=TZ),
    "channel_silent": datetime(2026, 11, 5, tzinfo=TZ),
    "cocoon": START,
}


def wnum(week):
    return int(week.split("-W")[1])


def period_end(a):
    """When the judged period is complete: end of the alert's day, else end of its ISO week."""
    if a.get("day"):
        return datetime.fromisoformat(a["day"]).replace(tzinfo=TZ) + timedelta(days=1)
    return START + timedelta(days=7 * (wnum(a["week"]) - 36 + 1))


def classify(sc, a, truth):
    t, w, ch = a["type"], wnum(a["week"]), a.get("channels") or []
    subj = ((a.get("evidence") or {}).get("facts") or {})
    dd = (a.get("evidence") or {}).get("drillDown") or {}
    if sc == "ticket_surge" and w >= 43:
        if t == "DIVERGENCE" and ch[:1] == ["social"] and "ticket" in ch:
            return "TP", "social up vs ticket negatives"
        if t == "SPIKE" and "ticket" in ch:
            asp = a.get("aspect")
            if asp in ("logistics", "quality", None):
                return "TP", "ticket spike on the injected aspects"
            return "TP~", "ticket spike on %s: the extra logistics/quality texts also mention it" % asp
        if t == "SPIKE" and "social" in ch and (dd.get("aspect_polarity", "").endswith(":positive") or
                                               subj.get("measure") == "positive"):
            return "TP~", "social praise rises by construction (glowing social from W43)"
    if sc == "praise_campaign" and t == "ASTROTURF" and w == 42:
        ids = set((a.get("evidence") or {}).get("itemIds") or [])
        camp = set(truth.get("campaign_ids") or [])
        return "TP", "campaign: %d/%d injected items in the alert, %d other" % (len(ids & camp), len(camp), len(ids - camp))
    if sc == "channel_silent" and t == "SILENCE" and w >= 45 and ("review" in ch or dd.get("source") == "tmall"):
        if "tmall" in (a.get("title") or "") or dd.get("source") == "tmall":
            return "TP", "tmall silence"
        return "TP~", "review channel silence (tmall is part of it)"
    if sc == "cocoon" and t == "COCOON":
        return "TP", "concentration"
    return "FP", ""


def short_fig(a):
    ev = a.get("evidence") or {}
    f = ev.get("figures") or {}
    keys = ["observed", "baselineMedian", "upperBound", "lowerBound", "poissonPValue", "ratioToMedian", "observedMean",
            "items", "accounts", "spanMinutes", "newAccountShare", "lowFollowerShare", "cr10", "effectiveVoices",
            "voices", "overlap", "upChange", "upChangeLow", "aspectRecentNegative", "aspectExpected", "aspectRatio",
            "aspectPValue", "negativeRecent", "negativeExpected", "negativePValue", "nps", "previous", "change"]
    out = []
    for k in keys:
        if k in f:
            v = f[k]
            out.append("%s=%s" % (k, ("%.3g" % v) if isinstance(v, float) else v))
    if not out:
        out = ["%s=%s" % (k, ("%.3g" % v) if isinstance(v, float) else v) for k, v in list(f.items())[:8]]
    return ", ".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", default=os.path.join(WORK, "results"))
    ap.add_argument("--truth", default=os.path.join(WORK, "out", "truth.json"))
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    truth = json.load(open(args.truth))
    lines, table, fps = [], [], []
    for sc in SCENARIOS:
        rd = os.path.join(args.results, sc)
        if not os.path.exists(os.path.join(rd, "alerts.json")):
            continue
        alerts = json.load(open(os.path.join(rd, "alerts.json")))
        tr = truth.get(sc, {})
        secs = open(os.path.join(rd, "import.seconds")).read().strip()
        rc = open(os.path.join(rd, "import.rc")).read().strip()
        log = open(os.path.join(rd, "import.log"), encoding="utf-8", errors="replace").read()
        rowline = next((l for l in log.splitlines() if "rows read" in l), "?")
        errs = [l for l in log.splitlines() if ("ERROR" in l or "Exception" in l or " WARN " in l)]
        flagged = json.load(open(os.path.join(rd, "flagged.json"))).get("total", 0) if os.path.exists(
            os.path.join(rd, "flagged.json")) else "?"
        lines.append("## %s\n\nitems %s; import: %s; wall %s s (import + scan), rc %s; items flagged astroturf: %s; "
                     "log errors/warnings: %d\n" % (sc, tr.get("items"), rowline.split(": ", 1)[-1], secs, rc, flagged,
                                                    len(errs)))
        for e in errs[:5]:
            lines.append("    " + e[:300])
        lines.append("| cls | type | sev | week | day | channels | aspect | product | title | why / evidence |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|")
        tp = fp = 0
        first = None
        for a in sorted(alerts, key=lambda a: (a["week"], a.get("day") or "", a["type"])):
            cls, why = classify(sc, a, tr)
            if cls.startswith("TP"):
                tp += 1
                if first is None or period_end(a) < period_end(first):
                    first = a
            else:
                fp += 1
                fps.append((sc, a))
            lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                cls, a["type"], a["severity"], a["week"], a.get("day") or "", "→".join(a.get("channels") or []),
                a.get("aspect") or "", a.get("product") or "", a.get("title"), why or short_fig(a)))
        lines.append("")
        if first is not None and sc in INJECT:
            d = period_end(first) - INJECT[sc]
            det = "%s %s %s (+%.1f d after injection start)" % (first["type"], first["week"], first.get("day") or "",
                                                               d.total_seconds() / 86400)
        else:
            det = "—" if sc == "calm" else "not detected"
        table.append((sc, tr.get("items"), tp, fp, det, secs))
    out = ["| file | items | TP | FP | first detection | import+scan s |", "|---|---|---|---|---|---|"]
    out += ["| %s | %s | %d | %d | %s | %s |" % r for r in table]
    out.append("\n## False positives (evidence figures)\n")
    for sc, a in fps:
        out.append("- %s: %s %s %s %s %s/%s — %s — %s" % (sc, a["type"], a["severity"], a["week"], a.get("day") or "",
                                                        "→".join(a.get("channels") or []), a.get("aspect") or "-",
                                                        a.get("title"), short_fig(a)))
    text = "\n".join(out) + "\n\n" + "\n".join(lines) + "\n"
    print(text)
    if args.out:
        open(args.out, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
