#!/usr/bin/env python3
"""Throughput of the Python module (Extractor.extract_many, 1 and 2 threads) next to the CLI's
(`claimscan extract SHARDS --format jsonl -o - -j N`) on the same generated corpus.

Each run loads its rules afresh and is timed from there to the last result (the CLI: process
start to exit, output to /dev/null; Python: Extractor() to the last dict made, records fed
as dicts; "as_json": the same, yielding the CLI's JSON text instead of dicts). MB count the UTF-8 bytes of the articles' text (10^6 bytes), as claimscan does.

Usage: PYTHONPATH=build/python python3 bench/python_throughput.py [--mb 20] [--corpus DIR]
           [--binary build/claimscan] [--jobs 1,2] [--repeat 3]
"""
import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(records, jobs, as_json=False):
    """(wall seconds, CPU seconds of every thread, CPU seconds of the calling thread: feeding
    the items and making the result objects, the part the GIL serialises)."""
    import claimscan

    cpu = time.process_time()
    main = time.thread_time()
    start = time.monotonic()
    ex = claimscan.Extractor()
    n = 0
    for r in ex.extract_many(records, jobs=jobs, as_json=as_json):
        assert ('"error":' not in r[:300]) if as_json else ("error" not in r), r
        n += 1
    assert n == len(records)
    return time.monotonic() - start, time.process_time() - cpu, time.thread_time() - main


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(binary, shards, jobs):
    cpu = children_cpu()
    start = time.monotonic()
    subprocess.run([str(binary), "extract", *map(str, shards), "--format", "jsonl", "-o", "-",
                    "-q", "-j", str(jobs)], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start, children_cpu() - cpu, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20, help="corpus size to generate (default 20)")
    ap.add_argument("--corpus", type=Path, help="an existing make_bench_corpus.py folder")
    ap.add_argument("--binary", type=Path, default=ROOT / "build" / "claimscan")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each configuration, interleaved; the fastest is reported, as "
                         "the one least disturbed by other load on the machine (default 3)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "corpus"
            subprocess.run([sys.executable, str(ROOT / "tools" / "make_bench_corpus.py"),
                            "-o", str(corpus), "--mb", str(args.mb)], check=True)
        shards = sorted(corpus.glob("shard-*.jsonl"))
        records = [json.loads(line) for s in shards for line in s.read_text().splitlines()]
        mb = sum(len(r["text"].encode()) for r in records) / 1e6
        print(f"corpus: {len(records)} articles, {mb:.1f} MB of text, {len(shards)} shards")
        # cpu/wall: how many cores the run kept busy on average (2 jobs on a free machine: ~2).
        print(f"{'':<16}{'jobs':>5}{'seconds':>9}{'articles/s':>12}{'MB/s':>7}{'scaling':>9}"
              f"{'cpu s':>8}{'cpu/wall':>10}{'caller cpu s':>14}")
        runs = {"python module": lambda j: run_python(records, j),
                "python, as_json": lambda j: run_python(records, j, as_json=True),
                "CLI": lambda j: run_cli(args.binary, shards, j)}
        jobs_list = [int(j) for j in args.jobs.split(",")]
        best = {}
        for _ in range(args.repeat):
            for name, run in runs.items():
                for jobs in jobs_list:
                    result = run(jobs)
                    if (name, jobs) not in best or result[0] < best[name, jobs][0]:
                        best[name, jobs] = result
        for name in runs:
            first = best[name, jobs_list[0]][0]
            for jobs in jobs_list:
                seconds, cpu, caller = best[name, jobs]
                caller = "" if caller is None else f"{caller:.1f}"
                print(f"{name:<16}{jobs:>5}{seconds:>9.1f}{len(records) / seconds:>12.0f}"
                      f"{mb / seconds:>7.2f}{first / seconds:>8.2f}x{cpu:>8.1f}"
                      f"{cpu / seconds:>10.2f}{caller:>14}", flush=True)


if __name__ == "__main__":
    main()
