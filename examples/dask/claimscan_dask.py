#!/usr/bin/env python3
"""Run claimscan over a corpus on a Dask cluster; write the results as one JSON Lines file.

The corpus is a folder of articles: .txt/.md files (one article each) and/or .jsonl files
(one article per line), walked as `claimscan extract DIR` walks it. It is cut into
partitions of about equal size. Each partition is one task: a worker reads its articles,
pipes them as JSON Lines through one `claimscan extract --jsonl - -q` process and returns
one output line per article. This process merges the lines into OUT sorted by id.

    examples/dask/claimscan_dask.py corpora -o out.jsonl --claimscan build/claimscan
    examples/dask/claimscan_dask.py /shared/corpus -o out.jsonl --scheduler tcp://host:8786

Exit status as claimscan's: 0 every article analysed, 1 some came back as error records
(named in OUT), 2 nothing written (bad usage, a failed partition, a timeout).
See examples/dask/README.md.
"""
import argparse
import bisect
import heapq
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import namedtuple
from operator import itemgetter
from pathlib import Path

import cloudpickle  # installed with Dask, which uses it to send tasks to the workers
import dask.bag as db
from dask import delayed
from distributed import Client, LocalCluster

# Tasks call this module's functions. Sending them by value means that a worker needs
# Python, Dask and claimscan, but not this file, even when the module is imported.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

SUFFIXES = {".txt": "text", ".md": "markdown", ".jsonl": "jsonl"}
# Partitions are kept under this size: a failed one is cheap to redo, and its output (about
# nine times its input) travels to this process as one message. Much smaller ones pay
# claimscan's start (loading the rules, about 0.5 s of CPU) more often.
MAX_PARTITION_BYTES = 16 << 20
# Output held in memory while merging; beyond that, sorted runs are spilled next to OUT.
RUN_BYTES = 256 << 20


# An article file, or the lines of a JSON Lines file that start in [start, end). `path` is
# absolute, as the workers open it; `rel` is relative to the corpus folder (the id of a
# .txt/.md article); `kind` is "text", "markdown" or "jsonl". (A collections.namedtuple,
# because cloudpickle cannot send a typing.NamedTuple class by value.)
Input = namedtuple("Input", "path rel kind start end")


def list_inputs(source):
    """The corpus files in claimscan's order: sorted by relative path; inside folders,
    hidden files and README.* skipped and links to folders not followed."""
    source = Path(source).absolute()
    if source.is_file():
        return [Input(str(source), source.name, SUFFIXES.get(source.suffix.lower(), "text"),
                      0, source.stat().st_size)]
    found = []

    def walk(folder):
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or entry.name.lower().startswith("readme."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path)
                    continue
                kind = SUFFIXES.get(os.path.splitext(entry.name)[1].lower())
                if kind and entry.is_file():
                    rel = Path(entry.path).relative_to(source).as_posix()
                    found.append(Input(entry.path, rel, kind, 0, entry.stat().st_size))

    walk(source)
    return sorted(found, key=lambda i: i.rel)


def default_partitions(total_bytes, threads):
    """Two partitions per worker thread, so that no thread idles while the last one runs,
    and more when needed to keep each under MAX_PARTITION_BYTES."""
    return max(1, 2 * threads, math.ceil(total_bytes / MAX_PARTITION_BYTES))


def plan_partitions(inputs, n):
    """Cuts `inputs` into at most `n` lists of about equal bytes. The files are laid end to
    end and cut at every n-th of the total: a .txt/.md file goes whole to the partition in
    which it starts; a JSON Lines file is split at the cuts, a line going with its first byte."""
    total = sum(i.end for i in inputs)
    cuts = [k * total // n for k in range(n)] + [total]
    parts = [[] for _ in range(n)]
    offset = 0
    for i in inputs:
        k = min(n - 1, bisect.bisect_right(cuts, offset) - 1)
        if i.kind != "jsonl":
            parts[k].append(i)
        else:
            while k < n and cuts[k] < offset + i.end:
                start, end = max(0, cuts[k] - offset), min(i.end, cuts[k + 1] - offset)
                if start < end:
                    parts[k].append(i._replace(start=start, end=end))
                k += 1
        offset += i.end
    return [p for p in parts if p]


def headline(text, markdown):
    """The first non-blank line, trimmed as claimscan trims a file's headline."""
    for line in text.removeprefix("\ufeff").split("\n"):
        line = line.rstrip("\r \t").lstrip(" \t")
        if line:
            return line.lstrip("#").lstrip(" ") if markdown else line
    return None


def read_partition(inputs):
    """The partition's articles as (where, JSON line) pairs. `where` is (input, None) for a
    .txt/.md article and (piece, n) for the n-th record of a JSON Lines piece. Runs on a
    worker, so the corpus must be at the same path there."""
    records = []
    for i in inputs:
        if i.kind == "jsonl":
            with open(i.path, "rb") as f:
                pos = i.start
                if pos:
                    # The line under way at `start` belongs to the previous piece.
                    f.seek(pos - 1)
                    pos += len(f.readline()) - 1
                n = 0
                while pos < i.end:
                    line = f.readline()
                    if not line:
                        break
                    records.append(((i, n), line.removesuffix(b"\n")))
                    pos, n = pos + len(line), n + 1
            continue
        with open(i.path, "rb") as f:
            # JSON must be UTF-8, so invalid bytes become U+FFFD here. (claimscan does the
            # same for a file, but also warns and keeps offsets into the original bytes.)
            text = f.read().decode("utf-8", errors="replace")
        record = {"id": i.rel, "text": text}
        # A title equal to the text's first line marks that line as the headline, as
        # claimscan does for a file. (For .md it strips the '#'s, so it will not match.)
        title = headline(text, i.kind == "markdown")
        if title is not None:
            record["title"] = title
        records.append(((i, None), json.dumps(record, ensure_ascii=False).encode()))
    return records


def first_line(piece):
    """The line number, in its file, of the first record of a JSON Lines piece: the lines that
    start before piece.start are the first one and one per newline before piece.start - 1."""
    if piece.start == 0:
        return 1
    newlines, left = 0, piece.start - 1
    with open(piece.path, "rb") as f:
        while left:
            chunk = f.read(min(left, 1 << 20))
            if not chunk:
                break
            newlines += chunk.count(b"\n")
            left -= len(chunk)
    return newlines + 2


def extract_partition(records, command, timeout=None):
    """Pipes `records` through one claimscan process (`command`, a `claimscan extract --jsonl -`
    command line). Returns (id, rules fingerprint or None for an error record, output line)
    per record, in order. Error records are named by file (and line) instead of by their line
    on claimscan's stdin."""
    if not records:
        return []
    first_lines = {}  # piece -> first_line(piece), counted only if an error needs it

    def location(where):
        i, n = where
        if n is None:
            return i.rel
        if i not in first_lines:
            first_lines[i] = first_line(i)
        return f"{i.rel}:{first_lines[i] + n}"

    # Dask starts its workers with MALLOC_TRIM_THRESHOLD_=65536 (for Python's memory). Left to
    # claimscan, glibc returns memory to the system after every article: twice the run time.
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    # Files, not pipes: pumping pipes from a worker thread (communicate(), a few KB a turn,
    # sharing the GIL with the worker) stalled claimscan: 8.6 s instead of 5.2 s for 2.5 MB.
    with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout:
        stdin.writelines(line + b"\n" for _, line in records)
        stdin.seek(0)
        done = subprocess.run(command, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                              timeout=timeout, env=env)
        stdout.seek(0)
        output = stdout.read()
    # Status 1 only says that some records failed; each has an error record in its place.
    if done.returncode not in (0, 1):
        how = (f"was killed by signal {-done.returncode}" if done.returncode < 0
               else f"exited with status {done.returncode}")
        raise RuntimeError(f"claimscan {how} on the {len(records)} articles from "
                           f"{location(records[0][0])}: "
                           f"{done.stderr.decode(errors='replace').strip()}")
    lines = output.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    if len(lines) != len(records):
        raise RuntimeError(f"claimscan wrote {len(lines)} lines for the {len(records)} articles "
                           f"from {location(records[0][0])}; it must write one per article")
    results = []
    for (where, _), line in zip(records, lines):
        out = json.loads(line)
        if "error" in out:
            # "<stdin>:N: reason" -> "eval/figures/x.jsonl:7: reason"
            reason = out["error"].split(": ", 1)[-1]
            out["error"] = f"{location(where)}: {reason}"
            line = json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode()
        results.append((out["id"], out.get("rules_fingerprint"), line))
    return results


def spill(folder, rows):
    """Writes sorted (id, line) rows as "JSON id TAB line" lines (a JSON string holds no raw
    tab); returns a generator that reads them back."""
    fd, path = tempfile.mkstemp(dir=folder, suffix=".run")
    with os.fdopen(fd, "wb") as f:
        for rid, line in rows:
            f.write(json.dumps(rid).encode() + b"\t" + line + b"\n")

    def read():
        with open(path, "rb") as f:
            for row in f:
                key, line = row.rstrip(b"\n").split(b"\t", 1)
                yield json.loads(key), line

    return read()


def run(client, source, output, claimscan="claimscan", rules=(), jobs=None, partitions=None,
        timeout=None):
    """Runs claimscan over `source` on `client`'s cluster and writes `output`: one JSON line
    per article, sorted by id (articles with the same id in corpus order). Returns
    (articles, error records). Raises TimeoutError if `timeout` seconds pass first, and the
    partition's exception if one fails; `output` is then left as it was."""
    deadline = None if timeout is None else time.monotonic() + timeout
    source, output = Path(source).absolute(), Path(output).absolute()
    if source.is_dir() and output.is_relative_to(source):
        raise ValueError(f"{output} is inside the corpus {source}: the next run would read it")
    # A relative binary or rules path means the same file on every worker.
    command = [os.path.abspath(claimscan) if os.sep in claimscan else claimscan,
               "extract", "--jsonl", "-", "-q"]
    for r in rules:
        command += ["--rules", os.path.abspath(r)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]

    inputs = list_inputs(source)
    if not inputs:
        raise ValueError(f"no .txt, .md or .jsonl articles in {source}")
    if partitions is None:
        partitions = default_partitions(sum(i.end for i in inputs),
                                        sum(client.nthreads().values()))
    plan = plan_partitions(inputs, partitions)
    bag = db.from_delayed([delayed(read_partition)(p) for p in plan])
    bag = bag.map_partitions(extract_partition, tuple(command), timeout)
    # One future per partition; the read and the extract of a partition run as one task.
    futures = client.compute(bag.to_delayed())

    output.parent.mkdir(parents=True, exist_ok=True)
    articles = errors = 0
    fingerprints = set()
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".claimscan-dask-") as tmp:
        runs, run_lines, run_bytes = [], [], 0
        # Results are taken in partition order, so that equal ids keep corpus order.
        for k in range(len(futures)):
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            part = futures[k].result(timeout=left)
            futures[k] = None  # lets the cluster drop the result
            for rid, fingerprint, line in part:
                articles += 1
                if fingerprint is None:
                    errors += 1
                else:
                    fingerprints.add(fingerprint)
                run_lines.append((rid, line))
                run_bytes += len(line)
            if run_bytes > RUN_BYTES:
                runs.append(spill(tmp, sorted(run_lines, key=itemgetter(0))))
                run_lines, run_bytes = [], 0
        if len(fingerprints) > 1:
            raise RuntimeError(f"workers ran different rules (rules_fingerprint "
                               f"{', '.join(sorted(fingerprints))}): install the same "
                               f"claimscan and rules on every worker")
        runs.append(sorted(run_lines, key=itemgetter(0)))
        # Written beside OUT and renamed: OUT is never half-written.
        merged = Path(tmp) / "merged.jsonl"
        with open(merged, "wb") as f:
            for _, line in heapq.merge(*runs, key=itemgetter(0)):
                f.write(line + b"\n")
        os.replace(merged, output)
    return articles, errors


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="corpus folder (.txt/.md/.jsonl) or one file")
    ap.add_argument("-o", "--output", required=True, help="JSON Lines file to write")
    ap.add_argument("--claimscan", default="claimscan",
                    help="the claimscan binary, at this path on every worker (default: on PATH)")
    ap.add_argument("--rules", action="append", default=[],
                    help="extra rule file or folder for claimscan --rules (repeatable)")
    ap.add_argument("--claimscan-jobs", type=int, metavar="N", default=1,
                    help="threads per claimscan process, passed as --jobs N (default: 1, as each "
                    "core has its Dask worker thread)")
    ap.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://host:8786 "
                    "(default: start a local cluster)")
    ap.add_argument("--workers", type=int, help="local cluster: worker processes (default: 2)")
    ap.add_argument("--partitions", type=int,
                    help="number of partitions (default: 2 per worker thread, at most "
                    f"{MAX_PARTITION_BYTES >> 20} MB each)")
    ap.add_argument("--timeout", type=float, help="give up after this many seconds")
    args = ap.parse_args(argv)
    if args.scheduler and args.workers is not None:
        ap.error("--workers is for the local cluster; --scheduler uses the cluster's workers")
    if any(n is not None and n < 1 for n in (args.partitions, args.workers, args.claimscan_jobs)):
        ap.error("--partitions, --workers and --claimscan-jobs must be at least 1")

    started = time.monotonic()
    cluster = client = None
    try:
        if args.scheduler:
            client = Client(args.scheduler, timeout=60)
        else:
            cluster = LocalCluster(n_workers=args.workers or 2, threads_per_worker=1,
                                   processes=True, host="127.0.0.1", dashboard_address=None)
            client = Client(cluster)
        articles, errors = run(client, args.source, args.output, args.claimscan, args.rules,
                               args.claimscan_jobs, args.partitions, args.timeout)
    except Exception as e:  # any failure: say what it was, write nothing
        print(f"claimscan_dask: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    print(f"claimscan_dask: {articles} articles, {errors} error records, "
          f"{time.monotonic() - started:.1f} s -> {args.output}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
