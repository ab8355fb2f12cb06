#!/usr/bin/env python3
"""The HTML report in a real browser (issue 9).

Builds the report of the seed articles (extract, check, report), has headless Chromium load
each article page from disk and dump its DOM, and checks that every figure of the article's
JSON has exactly one highlight, holding exactly the figure's text; that no page references a
network resource; and saves a screenshot of each page as BUILD/report-<name>.png.

Usage: report_browser_test.py CLAIMSCAN_BINARY SOURCE_DIR BUILD_DIR
Exit 0 passed, 1 failed, 77 skipped (no chromium; under CI=true that is a failure instead).
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
TIME_SCALE = float(os.environ.get("CLAIMSCAN_TEST_TIME_SCALE", "1"))


class Dom(html.parser.HTMLParser):
    """Elements with their attributes and text content (a serialised DOM nests properly)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # dicts: tag, attrs, text (list of strings)
        self.stack = []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": []}
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": []})

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.stack:
            element["text"].append(data)


def find_chromium():
    for name in (os.environ.get("CLAIMSCAN_CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300 * TIME_SCALE, **kw)


def chromium(browser, profile, *args):
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-extensions", "--disable-background-networking",
           "--user-data-dir=" + profile, *args]
    return run(cmd)


def main():
    binary, source, build = sys.argv[1:4]
    browser = find_chromium()
    if browser is None:
        if os.environ.get("CI", "").lower() == "true":
            print("FAIL: chromium is not installed and CI=true (setup.sh installs it)")
            return 1
        print("SKIP: chromium not found (apt-get install chromium, or run setup.sh); "
              "the browser test of the HTML report did not run")
        return SKIP
    seeds = os.path.join(source, "corpora", "seeds")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        out, site = os.path.join(tmp, "out"), os.path.join(tmp, "site")
        r = run([binary, "extract", seeds, "-o", out, "-q"])
        if r.returncode != 0:
            print("extract failed:", r.stderr)
            return 1
        # The reference table, and a deliberately wrong row so that a contradiction shows.
        wrong = os.path.join(tmp, "wrong.csv")
        with open(wrong, "w") as f:
            f.write("subject,measure,value,unit,date,source,url\n"
                    "Jeremy Corbyn,vote share in the 2015 Labour leadership election,59.9,"
                    "percent,2015-09-12,made up for the test,\n")
        check = os.path.join(tmp, "check.jsonl")
        with open(check, "w") as f:
            r = subprocess.run([binary, "check", seeds, "--format", "json", "--against",
                                os.path.join(source, "corpora", "reference"), wrong], stdout=f,
                               stderr=subprocess.PIPE, text=True, timeout=300 * TIME_SCALE)
        if r.returncode not in (0, 1):
            print("check failed:", r.stderr)
            return 1
        r = run([binary, "report", out, "-o", site, "--articles", seeds, "--check", check])
        if r.returncode != 0:
            print("report failed:", r.stderr)
            return 1
        profile = os.path.join(tmp, "profile")
        pages = [("index", os.path.join(site, "index.html"), None)]
        for name in sorted(os.listdir(out)):
            if name.endswith(".json"):
                with open(os.path.join(out, name), encoding="utf-8") as f:
                    doc = json.load(f)
                page = os.path.join(site, "a", doc["id"] + ".html")
                pages.append((name[:-len(".json")], page, doc))
        for name, page, doc in pages:
            url = "file://" + page
            r = chromium(browser, profile, "--dump-dom", url)
            if r.returncode != 0 or "<body" not in r.stdout:
                failures.append(f"{name}: chromium --dump-dom failed: {r.stderr[-500:]}")
                continue
            dom = Dom()
            dom.feed(r.stdout)
            for e in dom.elements:  # everything from disk: no network resource
                for attr in ("src", "href"):
                    v = e["attrs"].get(attr) or ""
                    if e["tag"] != "a" and attr == "href" and v:
                        failures.append(f"{name}: <{e['tag']} href={v!r}> loads a resource")
                    if attr == "src" and v:
                        failures.append(f"{name}: <{e['tag']} src={v!r}> loads a resource")
            if doc is not None:
                highlights = [e for e in dom.elements if "data-figure" in e["attrs"]]
                by_index = {}
                for e in highlights:
                    by_index.setdefault(int(e["attrs"]["data-figure"]), []).append(e)
                for i, fig in enumerate(doc["figures"]):
                    found = by_index.get(i, [])
                    if len(found) != 1:
                        failures.append(f"{name}: figure {i} {fig['text']!r}: "
                                        f"{len(found)} highlights, expected 1")
                        continue
                    got = "".join(found[0]["text"])
                    if got != fig["text"]:
                        failures.append(f"{name}: figure {i}: highlight {got!r}, "
                                        f"JSON {fig['text']!r}")
                    if "tabindex" not in found[0]["attrs"]:
                        failures.append(f"{name}: figure {i} cannot take keyboard focus")
                    tip = found[0]["attrs"].get("data-tip", "")
                    for field in ("value:", "unit:", "approx:", "about:", "speaker:", "rule:"):
                        if field not in tip:
                            failures.append(f"{name}: figure {i}: tooltip lacks {field}")
                badges = {c for e in dom.elements for c in e["attrs"].get("class", "").split()
                          if e["tag"] == "span" and c.startswith("v-")}
                if name.startswith("000_") and not {"v-supported", "v-contradicted"} <= badges:
                    failures.append(f"{name}: verdict badges missing: only {sorted(badges)}")
                extra = len(highlights) - len(doc["figures"])
                if extra:
                    failures.append(f"{name}: {extra} more highlights than figures")
                print(f"{name}: {len(doc['figures'])} figures, each highlighted once with its text")
            shot = os.path.join(build, f"report-{name}.png")
            r = chromium(browser, profile, "--hide-scrollbars", "--window-size=1280,1600",
                         "--screenshot=" + shot, url)
            if r.returncode != 0 or not os.path.exists(shot):
                failures.append(f"{name}: no screenshot: {r.stderr[-500:]}")
            else:
                print(f"{name}: screenshot {shot}")
            print(f"{name}: page weight {os.path.getsize(page)} bytes")
            if doc is not None and doc["figures"]:
                # The same page with the first checked (else first) figure focused: its tooltip.
                with open(page, encoding="utf-8") as f:
                    text = f.read()
                at = text.find(' data-figure="', text.find("checked-contradicted\" id="))
                if at < 0:
                    at = text.find(' data-figure="0"')
                focused = page[:-len(".html")] + "-focused.html"
                with open(focused, "w", encoding="utf-8") as f:
                    f.write(text[:at] + " autofocus" + text[at:])
                shot = os.path.join(build, f"report-{name}-tooltip.png")
                chromium(browser, profile, "--hide-scrollbars", "--window-size=1280,900",
                         "--screenshot=" + shot, "file://" + focused)
                print(f"{name}: screenshot {shot} (a figure focused, tooltip shown)")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
