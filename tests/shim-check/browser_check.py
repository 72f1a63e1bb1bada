#!/usr/bin/env python3
"""The HTML report in a browser: browser_check.py SHIM_CHECK SHIM WORK

One shim-check --load run over the fixtures writes JSON (stdout) and the
HTML report; headless Chromium renders a copy of the report with a probe
script appended that records each coverage bar's rendered width, and dumps
the DOM after the scripts ran. The rendered table must agree with the JSON:
one row per object, rows per status and per load result, the summary
figures, each bar's width, the details rows; the report's own script must
have run. A screenshot is saved and its path printed. Chromium missing is a
failure (CI installs it: .ci/packages).
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-dev-shm-usage", "--disable-background-networking",
                  "--no-first-run", "--no-default-browser-check",
                  "--disable-extensions", "--mute-audio"]

# Appended to the copy that is rendered: the inner bar's rendered width as
# a fraction of the bar, into data-rendered on the bar.
PROBE = """<script>
document.querySelectorAll('.bar').forEach(function(b){
 var w=b.getBoundingClientRect().width,
     i=b.firstElementChild.getBoundingClientRect().width;
 b.dataset.rendered=(w>0?100*i/w:-1).toFixed(2);});
document.body.dataset.probe='1';
</script>
"""


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


class Dom(html.parser.HTMLParser):
    """The rows of table#objs and the summary spans of a dumped DOM."""

    def __init__(self):
        super().__init__()
        self.table = None       # attributes of table#objs
        self.body = {}
        self.rows = []          # per tbody: {"cells": [...], "det": text}
        self.spans = {}         # id -> text
        self.cell = None
        self.span = None
        self.det = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.body = a
        elif tag == "table" and a.get("id") == "objs":
            self.table = a
        elif tag == "tbody":
            self.rows.append({"cells": [], "det": None, "bars": []})
        elif tag == "tr" and self.rows and "det" in a.get("class", ""):
            self.det = True
            self.rows[-1]["det"] = ""
        elif tag == "td" and self.rows and not self.det:
            self.cell = {"class": a.get("class", ""), "k": a.get("data-k"),
                         "text": ""}
            self.rows[-1]["cells"].append(self.cell)
        elif tag == "div" and "bar" in a.get("class", "").split():
            self.rows[-1]["bars"].append(a.get("data-rendered"))
        elif tag == "div" and self.rows and a.get("style"):
            self.rows[-1]["style"] = a["style"]
        elif tag == "span" and a.get("id"):
            self.span = a["id"]
            self.spans[self.span] = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None
        elif tag == "tr":
            self.det = False
        elif tag == "span":
            self.span = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data
        if self.det:
            self.rows[-1]["det"] += data
        if self.span:
            self.spans[self.span] += data


def chromium(exe, profile, args, timeout=60):
    t0 = time.time()
    p = subprocess.run([exe] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile]
                       + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL, text=True, timeout=timeout)
    print("chromium %s: exit %d, %.1f s" %
          (" ".join(args), p.returncode, time.time() - t0))
    if p.returncode != 0:
        fail("chromium failed:\n" + p.stderr[-2000:])
    return p.stdout


def check(d, dom):
    objs, s = d["objects"], d["summary"]
    if dom.table is None:
        fail("no table#objs in the rendered DOM")
    if dom.table.get("data-ready") != "1" or dom.body.get("data-probe") != "1":
        fail("the report's script (or the probe) did not run")
    if dom.table.get("data-rows") != str(len(objs)):
        fail("script counted %s rows, JSON has %d objects" %
             (dom.table.get("data-rows"), len(objs)))
    if len(dom.rows) != len(objs):
        fail("%d rows rendered, %d objects" % (len(dom.rows), len(objs)))
    byp = {o["path"]: o for o in objs}
    count = {}
    for r in dom.rows:
        path, st, cnt, _, ld = [c["text"] for c in r["cells"]]
        o = byp.get(path) or fail("row for unknown path " + path)
        if st != o["status"] or "st-" + st not in r["cells"][1]["class"]:
            fail("%s: status %s, JSON %s" % (path, st, o["status"]))
        res = o.get("load", {}).get("result", "-")
        if ld != res:
            fail("%s: load %s, JSON %s" % (path, ld, res))
        count[st] = count.get(st, 0) + 1
        count["load-" + res] = count.get("load-" + res, 0) + 1
        check_bar(path, o, cnt, r)
        bad = o["status"] == "partial" or res not in ("ok", "-")
        if bad != (r["det"] is not None):
            fail("%s: details row %r" % (path, r["det"]))
        if res not in ("ok", "-") and "load " + res not in r["det"]:
            fail("%s: details %r lack the load result" % (path, r["det"]))
    for st in ("ok", "partial", "glibc"):
        want = s[st] if st != "ok" else s["ok"]
        if count.get(st, 0) != want:
            fail("%d %s rows, JSON summary %d" % (count.get(st, 0), st, want))
    sp = dom.spans
    want = {"sum-objects": "%d objects" % s["objects"],
            "sum-ok": "%d ok" % s["ok"],
            "sum-partial": "%d partial" % s["partial"],
            "sum-glibc": "%d glibc skipped" % s["glibc"],
            "sum-loaded": "%d libraries loaded" % s["load"]["libraries"]}
    for res in ("ok", "failed", "crashed", "timeout"):
        want["sum-load-" + res] = "%d %s" % (s["load"][res], res)
        if count.get("load-" + res, 0) != s["load"][res]:
            fail("%d rows load %s, JSON summary %d" %
                 (count.get("load-" + res, 0), res, s["load"][res]))
    for k, v in want.items():
        if sp.get(k) != v:
            fail("summary #%s reads %r, want %r" % (k, sp.get(k), v))
    print("rendered: %d rows; %s" % (len(dom.rows), ", ".join(
        "%s %d" % kv for kv in sorted(count.items()))))


def check_bar(path, o, cnt, r):
    """The count cell and the coverage bar (declared and rendered)."""
    if o["status"] not in ("ok", "partial"):
        if cnt != "-" or r["bars"]:
            fail("%s: unchecked object with %r / a bar" % (path, cnt))
        return
    i = o["imports"]
    if cnt != "%d/%d" % (i["provided"], i["total"]):
        fail("%s: count %s, JSON %r" % (path, cnt, i))
    pct = 100.0 * i["provided"] / i["total"] if i["total"] else 100.0
    if r.get("style", "").replace(" ", "").rstrip(";") != \
            "width:%.1f%%" % pct:
        fail("%s: bar style %r, want %.1f%%" % (path, r.get("style"), pct))
    rendered = float(r["bars"][0]) if r["bars"] and r["bars"][0] else -1
    if abs(rendered - pct) > 0.6:
        fail("%s: bar rendered %.2f%% wide, want %.1f%%" %
             (path, rendered, pct))


def main():
    sc, shim, w = sys.argv[1:4]
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        fail("chromium is not installed; this test needs it "
             "(apt-get install -y chromium; CI installs .ci/packages)")
    report = os.path.join(w, "browser.html")
    cmd = [sc, "--load", "--shim", shim, "--timeout", "1", "--json",
           "--html", report, os.path.join(w, "lib"), os.path.join(w, "load")]
    print("+", " ".join(cmd))
    p = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=60)
    if p.returncode != 1:
        fail("shim-check: exit %d, want 1" % p.returncode)
    d = json.loads(p.stdout)
    probed = os.path.join(w, "browser-probe.html")
    with open(report) as f, open(probed, "w") as g:
        g.write(f.read().replace("</body>", PROBE + "</body>"))
    shot = os.path.join(w, "browser.png")
    if os.path.exists(shot):
        os.unlink(shot)
    with tempfile.TemporaryDirectory(prefix="shim-check-chromium.") as prof:
        # One start of Chromium: the DOM after the scripts ran, and a
        # screenshot (the probe changes no pixel).
        dom = chromium(exe, prof, ["--dump-dom", "--screenshot=" + shot,
                                   "--window-size=1280,1000",
                                   "file://" + probed])
    with open(os.path.join(w, "browser.dom.html"), "w") as f:
        f.write(dom)
    parser = Dom()
    parser.feed(dom)
    check(d, parser)
    with open(shot, "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            fail("no PNG screenshot at " + shot)
    print("screenshot: " + shot)
    print("browser ok")


if __name__ == "__main__":
    main()
