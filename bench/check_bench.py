#!/usr/bin/env python3
"""End-to-end benchmark of `claimscan check`: N articles against a reference table of M rows.

Builds the articles from the bundled corpora (cycled to N) and a table of M rows whose
subjects are names and words taken from those articles (so that the term index has real
work to do), then times `claimscan check ARTICLES.jsonl --against TABLE.csv --format json`.

Usage: bench/check_bench.py [--articles 1000] [--rows 10000] [--binary build/claimscan]
"""
import argparse
import csv
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MEASURES = ["vote share", "turnout", "votes", "unemployment rate", "inflation rate",
            "population", "jobs", "budget", "waiting list", "net migration", "seats",
            "members", "house price", "deficit", "growth"]
UNITS = ["percent", "percent", "votes", "people", "GBP", "USD", "seats", "jobs", "pp"]


def articles():
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpora", "**", "*.txt"), recursive=True)):
        if os.path.basename(path).lower().startswith("readme"):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
    for path in sorted(glob.glob(os.path.join(ROOT, "corpora", "**", "*.jsonl"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if isinstance(record.get("text"), str):
                    texts.append(record["text"])
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "claimscan"))
    args = ap.parse_args()
    random.seed(7)
    texts = articles()
    names = sorted({m for t in texts for m in re.findall(r"[A-Z][a-z]+ [A-Z][a-z]+", t)})
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "articles.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            for i in range(args.articles):
                f.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + "\n")
        table = os.path.join(tmp, "table.csv")
        with open(table, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["subject", "measure", "value", "unit", "date"])
            for _ in range(args.rows):
                unit = random.choice(UNITS)
                value = round(random.uniform(0, 100), 2) if unit in ("percent", "pp") \
                    else random.randint(100, 5_000_000)
                w.writerow([random.choice(names), random.choice(MEASURES), value, unit,
                            f"{random.randint(2010, 2025)}-01-01"])
        size = os.path.getsize(jsonl)
        start = time.monotonic()
        run = subprocess.run([args.binary, "check", jsonl, "--against", table, "--format", "json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seconds = time.monotonic() - start
        if run.returncode not in (0, 1):
            sys.exit(f"claimscan check failed ({run.returncode}): {run.stderr.decode()[:500]}")
        lines = run.stdout.decode().splitlines()
        checked = sum(json.loads(l)["summary"]["checked"] for l in lines)
        print(f"{args.articles} articles ({size / 1e6:.1f} MB, {checked} figures checked) against "
              f"{args.rows} table rows: {seconds:.2f} s, {args.articles / seconds:.0f} articles/s")


if __name__ == "__main__":
    main()
