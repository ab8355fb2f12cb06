"""extract_many: input order, bounded look-ahead on lazy and endless input, the GIL released,
error records or exceptions, and the item types it takes."""
import itertools
import json
import threading
import time

import pytest

import claimscan

TEXTS = [
    "Turnout rose to 61.8% in 2016, Mr Smith said.",
    "The council cut £1.5bn from its budget.",
    "About 300 people attended.",
    "Nothing to see here.",
]


def test_order_and_ids_for_any_jobs(extractor):
    items = [TEXTS[i % len(TEXTS)] + f" Item {i} of 40." for i in range(40)]
    one = list(extractor.extract_many(items, jobs=1))
    assert [r["id"] for r in one] == [str(i) for i in range(40)]
    for jobs in (2, 3):
        assert list(extractor.extract_many(items, jobs=jobs)) == one
    assert one == [extractor.extract(t, id=str(i)) for i, t in enumerate(items)]


def test_endless_input_is_read_a_window_ahead(extractor):
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield TEXTS[i % len(TEXTS)]

    jobs = 2
    results = extractor.extract_many(endless(), jobs=jobs)
    first = list(itertools.islice(results, 30))
    assert [r["id"] for r in first] == [str(i) for i in range(30)]
    # At most 8 items per worker in flight beyond what was yielded.
    assert pulled <= 30 + 8 * jobs + 1
    results.close()  # stops the workers


def test_records_and_texts_mixed(extractor):
    items = [TEXTS[0], {"id": "r1", "text": TEXTS[1], "title": "T"}, TEXTS[2].encode()]
    got = list(extractor.extract_many(items, jobs=2))
    assert [r["id"] for r in got] == ["0", "r1", "2"]
    assert got[1]["title"] == "T"
    assert "input_sha256" in got[0] and "input_sha256" not in got[1]


def test_bad_records_give_error_records_in_place(extractor):
    items = [TEXTS[0], {"text": "no id"}, {"id": "x"}, "a\x00binary\x00text", TEXTS[1]]
    got = list(extractor.extract_many(items, jobs=2))
    assert len(got) == 5
    assert "error" not in got[0] and "error" not in got[4]
    assert got[1] == {"schema_version": 1, "id": "", "error": '<item 1>: record has no "id"'}
    assert got[2]["error"] == '<item 2>: record has no "text"'
    assert got[3] == {"schema_version": 1, "id": "3",
                      "error": "<item 3>: binary data (NUL byte at byte 1)"}
    # The same input raises with errors="raise", at its place in the order.
    seen = []
    with pytest.raises(claimscan.InputError, match='record has no "id"'):
        for r in extractor.extract_many(items, jobs=2, errors="raise"):
            seen.append(r["id"])
    assert seen == ["0"]


def test_as_json_yields_the_cli_text(extractor):
    items = [TEXTS[0], {"id": "r1", "text": TEXTS[1]}, {"text": "no id"}, TEXTS[2]]
    texts = list(extractor.extract_many(items, jobs=2, as_json=True))
    assert all(isinstance(t, str) and "\n" not in t for t in texts)
    assert texts[0] == extractor.extract_json(TEXTS[0], id="0")
    assert texts[1] == extractor.extract_json({"id": "r1", "text": TEXTS[1]})
    assert json.loads(texts[2])["error"] == '<item 2>: record has no "id"'
    dicts = list(extractor.extract_many(items, jobs=2))
    # The dicts are the text decoded; a record's dict leaves out the line's hash.
    for item, text, d in zip(items, texts, dicts):
        decoded = json.loads(text)
        if isinstance(item, dict):
            decoded.pop("input_sha256", None)
        assert decoded == d
    with pytest.raises(claimscan.InputError, match='record has no "id"'):
        list(extractor.extract_many(items, jobs=2, as_json=True, errors="raise"))


def test_binary_text_raises_in_extract(extractor):
    with pytest.raises(claimscan.InputError) as e:
        extractor.extract("a\x00binary\x00text", id="bin")
    assert str(e.value) == "bin: binary data (NUL byte at byte 1)"
    assert isinstance(e.value, ValueError)


def test_wrong_item_type_is_a_type_error(extractor):
    with pytest.raises(TypeError):
        list(extractor.extract_many([TEXTS[0], 42]))
    with pytest.raises(ValueError):
        extractor.extract_many([], jobs=0)


def test_empty_input(extractor):
    assert list(extractor.extract_many([], jobs=2)) == []


def big_text():
    return "\n".join(f"Paragraph {i}: turnout rose to {i % 90}.5% as Mr Smith said 3,000 "
                     f"people marched in 2016, and £{i}m was spent." for i in range(3000))


def counting_thread(stop):
    count = [0]

    def spin():
        while not stop.is_set():
            count[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    return t, count


def test_gil_released_while_extracting(extractor):
    text = big_text()
    extractor.extract(text)  # warm
    stop = threading.Event()
    t, count = counting_thread(stop)
    time.sleep(0.05)
    before = count[0]
    start = time.monotonic()
    extractor.extract(text)
    list(extractor.extract_many([text, text], jobs=1))
    elapsed = time.monotonic() - start
    ran = count[0] - before
    stop.set()
    t.join()
    # With the GIL held for the whole C++ call the other thread could not count at all.
    assert elapsed > 0.05
    assert ran > 1000, f"{ran} increments in {elapsed:.2f}s"


def test_one_extractor_shared_by_threads(extractor):
    items = [t + f" Round {i}." for i, t in enumerate(TEXTS * 5)]
    expected = [extractor.extract(t) for t in items]
    results = [None] * 4
    errors = []

    def work(k):
        try:
            results[k] = [extractor.extract(t) for t in items]
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(r == expected for r in results)
