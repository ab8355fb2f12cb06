#!/usr/bin/env python3
"""Validates real claimscan output (files and the JSON Lines filter) against
docs/claimscan.schema.json, and checks that the schema rejects broken output."""
import copy
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads((source / "docs" / "claimscan.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

with tempfile.TemporaryDirectory() as out:
    subprocess.run([binary, "extract", str(source / "corpora"), "-o", out, "-q"], check=True)
    docs = []
    for path in sorted(pathlib.Path(out).rglob("*.json")):
        docs.append(json.loads(path.read_text()))
    for path in sorted(pathlib.Path(out).rglob("*.jsonl")):
        docs.extend(json.loads(line) for line in path.read_text().splitlines())

seed = (source / "corpora" / "seeds" / "000_00fc702a9f399b8e.txt").read_text()
streamed = subprocess.run([binary, "extract", "--jsonl", "-", "-q"], check=True,
                          input=json.dumps({"id": "s", "text": seed, "url": "u"}) + "\n",
                          capture_output=True, text=True).stdout
docs.extend(json.loads(line) for line in streamed.splitlines())

failures = 0
for doc in docs:
    for error in validator.iter_errors(doc):
        failures += 1
        print(f"{doc.get('id')}: {error.json_path}: {error.message}")
print(f"validated {len(docs)} documents, {failures} schema errors")

# The schema must be able to fail: a renamed field and a wrong type are both rejected.
broken = copy.deepcopy(docs[0])
broken["figures"][0]["byte_begin"] = broken["figures"][0].pop("byte_start")
broken["sentences"][0]["start"] = "0"
if validator.is_valid(broken):
    print("schema accepted a broken document")
    failures += 1

print(f"{len(docs)} passed, {failures} failed")
sys.exit(1 if failures or len(docs) < 2 else 0)
