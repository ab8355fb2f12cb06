#!/usr/bin/env python3
"""The Dask recipe (examples/dask/claimscan_dask.py) on corpora/ with a local cluster of two
worker processes: its output must hold one record per article (as `claimscan extract DIR`
lists them), sorted by id, and equal record for record the output of one
`claimscan extract --jsonl -` process over the same records.

Usage: dask_test.py CLAIMSCAN_BINARY SOURCE_DIR
Without Dask (python3-distributed) it prints SKIP and exits 0, unless CI is set: then it fails.
"""
import faulthandler
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The recipe gives up after RUN_TIMEOUT; should anything else hang (starting or stopping the
# cluster), the whole test prints where it is stuck and exits after WATCHDOG seconds.
# Sanitizer builds run several times slower: CTest passes a scale for every timeout.
TIME_SCALE = float(os.environ.get("CLAIMSCAN_TEST_TIME_SCALE", "1"))
RUN_TIMEOUT = 90 * TIME_SCALE
WATCHDOG = 110 * TIME_SCALE

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print(f"FAIL: {message}")


def without_location(record):
    """An error record names the article's place in its input ("<stdin>:7" from one process,
    "x.jsonl:7" from the recipe); the reason must match."""
    if "error" in record:
        record = dict(record, error=record["error"].split(": ", 1)[-1])
    return record


def main():
    faulthandler.dump_traceback_later(WATCHDOG, exit=True)
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        if "CI" in os.environ:
            print(f"FAIL: Dask is needed under CI (apt-get install python3-distributed): {e}")
            return 1
        print(f"SKIP: Dask is not installed (apt-get install python3-distributed): {e}")
        return 0

    binary, source = sys.argv[1], Path(sys.argv[2])
    corpus = source / "corpora"
    sys.path.insert(0, str(source / "examples" / "dask"))
    import claimscan_dask as recipe

    # Cutting a JSON Lines file into pieces loses no line and repeats none, wherever the cuts fall.
    for jsonl in (i for i in recipe.list_inputs(corpus) if i.kind == "jsonl"):
        lines = Path(jsonl.path).read_bytes().split(b"\n")
        lines = lines[:-1] if lines[-1] == b"" else lines
        for n in (2, 3, 7):
            pieces = recipe.plan_partitions([jsonl], n)
            read = [line for piece in pieces for _, line in recipe.read_partition(piece)]
            check(read == lines, f"{jsonl.rel} cut in {len(pieces)} pieces reads back "
                                 f"{len(read)} lines, not its {len(lines)}")

    with tempfile.TemporaryDirectory() as tmp:
        # The articles, as claimscan lists them: one .json per .txt/.md file, one line of a .jsonl
        # output per record.
        subprocess.run([binary, "extract", str(corpus), "-o", f"{tmp}/files", "-q"], check=True,
                       timeout=60 * TIME_SCALE)
        listed = [json.loads(p.read_text())["id"] for p in Path(tmp, "files").rglob("*.json")]
        listed += [json.loads(line)["id"] for p in Path(tmp, "files").rglob("*.jsonl")
                   for line in p.read_text().splitlines()]

        # One process over every record, in corpus order.
        records = recipe.read_partition(recipe.list_inputs(corpus))
        single = subprocess.run([binary, "extract", "--jsonl", "-", "-q"],
                                input=b"".join(line + b"\n" for _, line in records),
                                capture_output=True, check=True, timeout=60 * TIME_SCALE).stdout
        expected = sorted((json.loads(line) for line in single.splitlines()), key=lambda r: r["id"])

        started = time.monotonic()
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        try:
            client = Client(cluster, timeout=30 * TIME_SCALE)
            try:
                cluster_up = time.monotonic() - started
                # 8 partitions: several per worker, and cuts inside the JSON Lines files.
                articles, errors = recipe.run(client, corpus, f"{tmp}/dask.jsonl", binary,
                                              partitions=8, timeout=RUN_TIMEOUT)
            finally:
                client.close()
        finally:
            cluster.close()
        elapsed = time.monotonic() - started
        got = [json.loads(line) for line in Path(tmp, "dask.jsonl").read_text().splitlines()]

    ids = [r["id"] for r in got]
    check(len(got) == len(listed) == articles,
          f"{len(got)} records written, run() counted {articles}, claimscan lists {len(listed)} "
          f"articles")
    check(sorted(ids) == sorted(listed), "the ids are not those of the articles claimscan lists")
    check(ids == sorted(ids), "the records are not sorted by id")
    check(errors == sum("error" in r for r in got), f"run() counted {errors} error records")
    check(len(expected) == len(records), f"one process wrote {len(expected)} lines for "
                                         f"{len(records)} records")
    differ = [a["id"] for a, b in zip(got, expected) if without_location(a) != without_location(b)]
    check(not differ and len(got) == len(expected),
          f"{len(differ)} records differ from one process's output, first {differ[:5]}")

    print(f"dask recipe: {len(got)} articles, {errors} error records, {elapsed:.1f} s "
          f"(cluster up in {cluster_up:.1f} s)")
    print(f"{'FAIL' if failures else 'PASS'}: {len(failures)} failures")
    return 1 if failures else 0


# Guarded: the cluster's worker processes import this file again, and must not run the test.
if __name__ == "__main__":
    sys.exit(main())
