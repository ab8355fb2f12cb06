"""The module's dicts equal the CLI's JSON for every article of corpora/: every .txt/.md file
(`claimscan extract corpora -o OUT`) and every JSON Lines record, whole dicts compared.

The one field that differs by design: a record's `input_sha256`. The CLI hashes the record's
line as it read it; a dict has no line, so the module leaves the field out (it serves only the
CLI's resumed runs). Texts keep it: the module hashes the text's bytes, as the CLI hashes a
.txt file's bytes.
"""
import json

import pytest

import claimscan
from conftest import corpus_inputs


def cli_result(cli_output, rel):
    return json.loads((cli_output / rel).with_suffix(".json").read_text(encoding="utf-8"))


def records_of(path):
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


def cli_records(cli_output, rel):
    lines = (cli_output / rel).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def without_sha(cli_record):
    assert "input_sha256" in cli_record
    return {k: v for k, v in cli_record.items() if k != "input_sha256"}


def test_corpus_listing_matches_the_cli(corpus, cli_output):
    # Every article the CLI wrote is one this test compares: none is left out.
    inputs = {p.relative_to(corpus).with_suffix("") for p in corpus_inputs(corpus)}
    outputs = {p.relative_to(cli_output).with_suffix("")
               for p in cli_output.rglob("*") if p.suffix in (".json", ".jsonl")}
    assert inputs == outputs
    assert len(inputs) > 100


def test_text_files_equal_cli(corpus, cli_output, extractor):
    files = [p for p in corpus_inputs(corpus) if p.suffix in (".txt", ".md")]
    assert files
    for path in files:
        rel = str(path.relative_to(corpus))
        data = path.read_bytes()
        markdown = path.suffix == ".md"
        expected = cli_result(cli_output, rel)
        got = extractor.extract(data, id=rel, markdown=markdown)
        assert got == expected, rel
        # A str of the same text gives the same dict (offsets: code points and UTF-8 bytes).
        assert extractor.extract(data.decode("utf-8"), id=rel, markdown=markdown) == expected
        # The module-level function uses the same bundled rules.
        assert claimscan.extract(data, id=rel, markdown=markdown) == expected


def test_text_files_through_extract_many_equal_cli(corpus, cli_output, extractor):
    files = [p for p in corpus_inputs(corpus) if p.suffix == ".txt"]
    results = list(extractor.extract_many((p.read_bytes() for p in files), jobs=2))
    assert len(results) == len(files)
    for i, (path, got) in enumerate(zip(files, results)):
        expected = cli_result(cli_output, str(path.relative_to(corpus)))
        # A text item's id is its position in the input.
        assert got["id"] == str(i)
        assert dict(got, id=expected["id"]) == expected, path


def jsonl_files(corpus):
    files = [p for p in corpus_inputs(corpus) if p.suffix == ".jsonl"]
    assert files
    return files


def test_records_equal_cli(corpus, cli_output, extractor):
    count = 0
    for path in jsonl_files(corpus):
        rel = path.relative_to(corpus)
        records = records_of(path)
        expected = [without_sha(r) for r in cli_records(cli_output, rel)]
        assert len(records) == len(expected)
        many = list(extractor.extract_many(records, jobs=2))
        assert many == expected, rel
        for record, want in zip(records, expected):
            assert extractor.extract(record) == want
            count += 1
    assert count >= 400


def test_text_with_title_reads_as_a_record(binary, corpus, cli_output, extractor):
    # extract(text, title=..., id=...) reads as a JSON Lines record with that title: a record
    # made of a .txt file and its headline gives the file's output (ArticleFromJsonLine), from
    # the CLI's filter and from the module, apart from input_sha256 (of the line, not the file).
    import subprocess

    files = [p for p in corpus_inputs(corpus) if p.suffix == ".txt"]
    records, expected = [], []
    for path in files:
        rel = str(path.relative_to(corpus))
        want = cli_result(cli_output, rel)
        if want["title"] is not None:
            records.append({"id": rel, "title": want["title"], "text": path.read_bytes().decode()})
            expected.append(without_sha(want))
    assert len(records) > 50
    lines = "".join(json.dumps(r) + "\n" for r in records).encode()
    cli = subprocess.run([str(binary), "extract", "--jsonl", "-", "-q", "-j", "2"], input=lines,
                         capture_output=True, check=True, timeout=600)
    from_cli = [without_sha(json.loads(line)) for line in cli.stdout.decode().splitlines()]
    assert from_cli == expected
    for record, want in zip(records, expected):
        got = extractor.extract(record["text"], title=record["title"], id=record["id"])
        assert got == want, record["id"]
        assert "input_sha256" not in got
    assert list(extractor.extract_many(records, jobs=2)) == expected


def test_stdin_filter_equals_extract_many(binary, extractor):
    # The CLI's JSON Lines filter on records made here, including bad ones: error records too.
    import subprocess

    records = [
        {"id": "ex1", "text": "Turnout rose to over 61.8% in 2016, Mr Smith said."},
        {"id": 7, "title": "Budget", "text": "Budget\nThe deficit was £1.5bn, up 3%."},
        {"text": "no id here"},
        {"id": "x", "text": 12},
        {"id": "u", "text": "Ünïcödé: 40% of €2m — “quoted”.", "url": "https://e.x/1"},
    ]
    lines = "".join(json.dumps(r) + "\n" for r in records)
    cli = subprocess.run([str(binary), "extract", "--jsonl", "-", "-q"], input=lines.encode(),
                         capture_output=True, timeout=120)
    expected = [json.loads(line) for line in cli.stdout.decode().splitlines()]
    got = list(extractor.extract_many(records, jobs=2))
    assert len(got) == len(expected) == len(records)
    for g, e in zip(got, expected):
        e = {k: v for k, v in e.items() if k != "input_sha256"}
        if "error" in e:
            # The place differs ("<stdin>:3" against "<item 2>"); the reason does not.
            assert g["error"].split(": ", 1)[1] == e["error"].split(": ", 1)[1]
            g = dict(g, error=e["error"])
        assert g == e
