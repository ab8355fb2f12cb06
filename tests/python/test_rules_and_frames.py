"""Extractor options and rule errors; the pandas frames."""
import collections

import pandas as pd
import pytest

import claimscan

ARTICLE = ("Labour's lead\n"
           "Labour won 61.8% of the vote, up 3 points, Jeremy Corbyn said on Tuesday. "
           "\"We raised £1.5bn,\" said Mr Smith. About 300 people attended in 2016.\n")


def test_bad_regex_raises_rule_error_with_file_line_and_re2_message(tmp_path):
    bad = tmp_path / "broken.rules"
    bad.write_text("# a broken pattern\n"
                   "rule my.broken\n"
                   "  kind: count\n"
                   "  pattern: (\\d+ widgets\n")
    with pytest.raises(claimscan.RuleError) as e:
        claimscan.Extractor(rules=[bad])
    message = str(e.value)
    assert isinstance(e.value, ValueError)
    assert message.startswith(f"{bad}:4:"), message
    assert "missing )" in message  # RE2's own words
    # Alone too, and given as a single path rather than a list.
    with pytest.raises(claimscan.RuleError, match=r"broken\.rules:4:.*missing \)"):
        claimscan.Extractor(rules=str(bad), default_rules=False)


def test_missing_rule_path_raises_rule_error(tmp_path):
    # As the CLI: a rule-file error (exit status 2).
    with pytest.raises(claimscan.RuleError, match="nowhere.rules: no such rule file"):
        claimscan.Extractor(rules=[tmp_path / "nowhere.rules"])


def test_extra_rules_are_used(tmp_path):
    extra = tmp_path / "widgets.rules"
    extra.write_text("rule my.widgets\n"
                     "  kind: count\n"
                     "  pattern: (?P<num>\\d+) widgets\n"
                     "  example: 12 widgets => 12\n")
    ex = claimscan.Extractor(rules=[extra], default_rules=False)
    assert ex.rule_files == [str(extra)]
    r = ex.extract("We sold 12 widgets.")
    assert [(f["rule"], f["value"], f["text"]) for f in r["figures"]] == [("my.widgets", 12, "12 widgets")]
    assert r["rules_fingerprint"] == ex.rules_fingerprint != claimscan.Extractor().rules_fingerprint


def test_locale(extractor):
    de = claimscan.Extractor(locale="de")
    assert de.locale == "de"
    r = de.extract("Die Wahlbeteiligung lag bei 61,8 Prozent.")
    assert [f["value"] for f in r["figures"] if f["kind"] == "percentage"] == [61.8]


def test_offsets_index_python_strings(extractor):
    text = "Le maire a dit: «le déficit était de 1,5 milliard»? No: Zoë said £1.5bn, up 3%."
    r = extractor.extract(text)
    data = text.encode()
    assert r["figures"]
    for f in r["figures"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert data[f["byte_start"]:f["byte_end"]].decode() == f["text"]


def results(extractor):
    texts = [ARTICLE, ARTICLE.replace("61.8", "40"), "Nothing here.",
             {"id": "rec", "text": "The deficit was £2bn, up 4%, the Treasury said."}]
    return list(extractor.extract_many(texts, jobs=2))


def test_figures_frame(extractor):
    rs = results(extractor)
    df = claimscan.figures_frame(iter(rs))  # any iterable, consumed once
    assert len(df) == sum(len(r["figures"]) for r in rs)
    by_kind = collections.Counter(f["kind"] for r in rs for f in r["figures"])
    assert df.groupby("kind").size().to_dict() == dict(by_kind)
    assert df.groupby("article_id").size().to_dict() == {
        r["id"]: len(r["figures"]) for r in rs if r["figures"]}
    for r in rs:
        rows = df[df.article_id == r["id"]]
        for i, (row, f) in enumerate(zip(rows.itertuples(), r["figures"])):
            assert (row.figure, row.kind, row.text, row.start, row.end, row.byte_start,
                    row.byte_end, row.rule) == (i, f["kind"], f["text"], f["start"], f["end"],
                                                f["byte_start"], f["byte_end"], f["rule"])
            assert (pd.isna(row.value) and f["value"] is None) or row.value == f["value"]
    assert df.dtypes["start"] == "int64" and df.dtypes["value"] == "float64"
    # Speakers as the CLI's CSV names them.
    speakers = {(row.article_id, row.figure): (row.speaker, row.speaker_id)
                for row in df.itertuples()}
    for r in rs:
        names = {a["id"]: a["name"] for a in r["actors"]}
        for c in r["claims"]:
            for f in c["figures"]:
                first = next(k for k in r["claims"] if f in k["figures"])
                sid = first["speaker"]
                assert speakers[(r["id"], f)] == (names.get(sid), sid)


def test_actors_and_claims_frames(extractor):
    rs = results(extractor)
    actors = claimscan.actors_frame(rs)
    assert len(actors) == sum(len(a["mentions"]) for r in rs for a in r["actors"])
    assert actors.groupby("type").size().to_dict() == dict(collections.Counter(
        a["type"] for r in rs for a in r["actors"] for _ in a["mentions"]))
    claims = claimscan.claims_frame(rs)
    assert len(claims) == sum(len(r["claims"]) for r in rs)
    assert claims.n_figures.sum() == sum(len(c["figures"]) for r in rs for c in r["claims"])
    text = ARTICLE
    for row in claims[claims.article_id == "0"].itertuples():
        assert text[row.start:row.end] == row.text


def test_frames_skip_errors_and_take_one_dict(extractor):
    r = extractor.extract(ARTICLE, id="one")
    assert len(claimscan.figures_frame(r)) == len(r["figures"])
    error = {"schema_version": 1, "id": "bad", "error": "<item 0>: record has no \"text\""}
    assert len(claimscan.figures_frame([error, r])) == len(r["figures"])
    for frame in (claimscan.figures_frame([]), claimscan.actors_frame([]),
                  claimscan.claims_frame([])):
        assert len(frame) == 0 and "article_id" in frame.columns
