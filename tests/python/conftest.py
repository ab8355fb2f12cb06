"""Shared fixtures: the CLI (CLAIMSCAN_BINARY), the source tree (CLAIMSCAN_SOURCE_DIR), the
corpus as the CLI lists it, and one Extractor with the bundled rules."""
import os
import subprocess
from pathlib import Path

import pytest

import claimscan

HERE = Path(__file__).resolve().parent
SOURCE = Path(os.environ.get("CLAIMSCAN_SOURCE_DIR", HERE.parent.parent))
BINARY = Path(os.environ.get("CLAIMSCAN_BINARY", SOURCE / "build" / "claimscan"))


def corpus_inputs(root):
    """The files `claimscan extract DIR` reads under `root` (CollectInputs): .txt, .md and
    .jsonl, recursively, sorted, without hidden files and README.*."""
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or path.name.startswith("README."):
            continue
        if path.is_file() and path.suffix in (".txt", ".md", ".jsonl"):
            found.append(path)
    return found


@pytest.fixture(scope="session")
def binary():
    assert BINARY.exists(), f"the CLI is not built: {BINARY}"
    return BINARY


@pytest.fixture(scope="session")
def corpus():
    return SOURCE / "corpora"


@pytest.fixture(scope="session")
def cli_output(binary, corpus, tmp_path_factory):
    """`claimscan extract corpora -o OUT`: the CLI's JSON for every article of corpora/."""
    out = tmp_path_factory.mktemp("cli") / "out"
    subprocess.run([str(binary), "extract", str(corpus), "-o", str(out), "-q", "-j", "2"],
                   check=True, timeout=600)
    return out


@pytest.fixture(scope="session")
def extractor():
    return claimscan.Extractor()
