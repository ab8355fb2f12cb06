#!/usr/bin/env python3
"""Generates a synthetic news corpus of a given size for throughput runs, from the bundled corpora.

The paragraphs of the bundled articles (corpora/seeds, corpora/eval/actors, the articles of
corpora/eval/check) and the items of corpora/eval/figures are shuffled into new articles:
a headline line, then 10 to 40 paragraphs from different sources up to a size drawn between
2 and 8 KB (the 40-paragraph cap makes the largest about 7 KB). Articles therefore have the
figures, quotes, names and sentence lengths of the real ones, but not their order: an actor
is not always introduced before a quote is attributed to them.
The same --seed gives the same corpus, byte for byte.

Output (DIR must be new or empty):
  DIR/shard-0000.jsonl, ...  JSON Lines, about --shard-mb MB each:
                             {"id": "gen-000000123", "title": ..., "text": ...}
  DIR/txt/0000/gen-000000123.txt, ...  with --txt: the same articles as text files
                             (headline, blank line, paragraphs separated by blank lines)

Sizes count the UTF-8 bytes of the articles' text, in MB of 10^6 bytes (as claimscan's).

Usage: tools/make_bench_corpus.py -o DIR [--mb 100] [--seed 1] [--txt]
"""
import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_BYTES, MAX_BYTES = 2000, 8000
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 10, 40
# The eval/figures items were picked for their figures: 21 figures per KB against 6.6 in the
# bundled articles. One paragraph in five brings their variety without tripling the density.
ITEM_SHARE = 0.2


def paragraphs_of(text):
    """(headline, paragraphs) of an article file: its first line, then blocks of text
    separated by blank lines, with the lines of a block joined by spaces."""
    lines = text.strip().split("\n")
    body = "\n".join(lines[1:]).split("\n\n")
    paragraphs = [" ".join(line.strip() for line in block.split("\n") if line.strip())
                  for block in body]
    return lines[0].strip(), [p for p in paragraphs if p]


def load_pool(corpora):
    """Headlines, article paragraphs and eval/figures items, in a fixed order (sorted paths)
    so that a seed always draws the same corpus."""
    headlines, paragraphs, items = [], [], []
    files = (sorted(corpora.glob("seeds/*.txt")) + sorted(corpora.glob("eval/actors/*.txt"))
             + sorted(corpora.glob("eval/check/*/article.txt")))
    for path in files:
        headline, body = paragraphs_of(path.read_text(encoding="utf-8"))
        headlines.append(headline)
        paragraphs.extend(body)
    for path in sorted(corpora.glob("eval/figures/*.jsonl")):
        with open(path, encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
        # Items of headlines.jsonl are headlines; the others are a sentence or two of a body.
        (headlines if path.stem == "headlines" else items).extend(texts)
    return headlines, paragraphs, items


def articles(rng, headlines, paragraphs, items):
    """Endless (title, text): a target size drawn in [MIN_BYTES, MAX_BYTES], filled with
    paragraphs drawn at random, a share ITEM_SHARE of them eval/figures items."""
    while True:
        title = rng.choice(headlines)
        target = rng.randint(MIN_BYTES, MAX_BYTES)
        body, size = [], len(title.encode())
        while len(body) < MAX_PARAGRAPHS and (size < target or len(body) < MIN_PARAGRAPHS):
            p = rng.choice(items if rng.random() < ITEM_SHARE else paragraphs)
            body.append(p)
            size += len(p.encode()) + 2
        yield title, title + "\n\n" + "\n\n".join(body) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", required=True, type=Path, help="folder to create")
    ap.add_argument("--mb", type=float, default=100, help="MB of article text (default 100)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shard-mb", type=float, default=10, help="MB per shard (default 10)")
    ap.add_argument("--txt", action="store_true", help="also write one .txt file per article")
    ap.add_argument("--corpora", type=Path, default=ROOT / "corpora",
                    help="the bundled corpora (default: this repository's)")
    args = ap.parse_args()
    if args.output.exists() and (not args.output.is_dir() or any(args.output.iterdir())):
        ap.error(f"{args.output} is not an empty folder; a leftover shard would join the corpus")

    started = time.monotonic()
    headlines, paragraphs, items = load_pool(args.corpora)
    rng = random.Random(args.seed)
    wanted, shard_limit = args.mb * 1e6, args.shard_mb * 1e6
    args.output.mkdir(parents=True, exist_ok=True)
    count = text_bytes = shards = shard_bytes = 0
    shard = None
    for title, text in articles(rng, headlines, paragraphs, items):
        if text_bytes >= wanted:
            break
        if shard is None or shard_bytes >= shard_limit:
            if shard:
                shard.close()
            shard = open(args.output / f"shard-{shards:04d}.jsonl", "wb")
            shards, shard_bytes = shards + 1, 0
        article_id = f"gen-{count:09d}"
        line = json.dumps({"id": article_id, "title": title, "text": text},
                          ensure_ascii=False).encode() + b"\n"
        shard.write(line)
        shard_bytes += len(line)
        data = text.encode()
        text_bytes += len(data)
        if args.txt:
            # 1,000 files per folder keeps listings quick.
            folder = args.output / "txt" / f"{count // 1000:04d}"
            if count % 1000 == 0:
                folder.mkdir(parents=True)
            (folder / f"{article_id}.txt").write_bytes(data)
        count += 1
    if shard:
        shard.close()
    print(f"{count} articles, {text_bytes} bytes of text ({text_bytes / 1e6:.1f} MB), "
          f"{shards} shards in {args.output}, {time.monotonic() - started:.1f} s")
    return 0

if __name__ == "__main__":
    sys.exit(main())
