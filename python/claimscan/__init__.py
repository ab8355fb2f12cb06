"""claimscan: figures, actors and claims from news articles, as the CLI's JSON (docs/schema.md).

    import claimscan
    r = claimscan.extract("Turnout rose to 61.8% in 2016, Mr Smith said.", id="ex1")
    r["figures"][0]["value"]                      # 61.8
    ex = claimscan.Extractor(rules=["my-rules/"])  # load rules once, reuse
    for r in ex.extract_many(texts_or_records, jobs=2):   # in input order, in parallel
        ...
    claimscan.figures_frame(results).groupby("kind").size()

Every result is the dict the CLI writes for the same input (the library's JSON tree made into
Python objects directly, equal to json.loads of the CLI's output): `claimscan extract FILE` for
a text (bytes or str; `title=None` finds the headline on the first non-empty line),
`claimscan extract --jsonl -` for a record (a dict with `id`, `text`, optional `title`, `url`,
`date`, `source`). Offsets: `start`/`end` index a Python str
of the text (code points), `byte_start`/`byte_end` its UTF-8 bytes.
"""

import json
import math
import numbers
import os
import threading

from . import _claimscan
from .frames import actors_frame, claims_frame, figures_frame

__all__ = [
    "Extractor", "extract", "RuleError", "InputError", "figures_frame", "actors_frame",
    "claims_frame", "default_rules_dir", "schema_version",
]

# A rule file that cannot be loaded: the message is "path:line: rule id: reason" (RE2's
# message for a bad pattern). A ValueError.
RuleError = _claimscan.RuleError
# An input that cannot be analysed (binary data; a record without "id" or "text", ...): the
# message is "where: reason", as in the CLI's error records. A ValueError.
InputError = _claimscan.InputError
schema_version = _claimscan.schema_version


def default_rules_dir():
    """The bundled rules the CLI loads too: $CLAIMSCAN_RULES, else the source tree's rules/."""
    return _claimscan.default_rules_dir()


# The record fields the CLI reads (ArticleFromJsonLine); other keys of a dict are ignored, as
# the CLI ignores them.
_RECORD_KEYS = ("id", "text", "title", "url", "date", "source")


def _json_value(v):
    """A record value as JSON: what the CLI would find on the line. Missing values (None, NaN
    from pandas) are null; numpy integers are integers; anything else JSON cannot hold is null,
    which the CLI ignores (title, url, ...) or refuses (id, text) as it would a null."""
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _json_default(v):
    if isinstance(v, numbers.Integral):
        return int(v)
    return None


def _record_line(record):
    """A dict as the JSON Lines line the CLI would read. ensure_ascii: non-ASCII text travels as
    \\u escapes, which the library decodes to the same UTF-8 (and rejects lone surrogates as the
    CLI would on a line holding them)."""
    subset = {k: _json_value(record[k]) for k in _RECORD_KEYS if k in record}
    return json.dumps(subset, ensure_ascii=True, allow_nan=False, default=_json_default).encode()


def _text_bytes(text):
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"claimscan: a text must be str or bytes, not {type(text).__name__}")


class Extractor:
    """Rules loaded once (the bundled rules/ plus `rules`), reused for every article.

    rules: extra rule files or folders, loaded after the bundled ones (the CLI's --rules).
    locale: sentence breaking and number parsing ("en", "de", ...; the CLI's --locale).
    default_rules: False loads only `rules` (the CLI's --no-default-rules).
    Raises RuleError for a bad rule file ("path:line: rule id: RE2's message") or a missing one.
    Safe to share between threads (calls take turns; extract_many runs its own workers).
    """

    def __init__(self, rules=None, locale="en", default_rules=True):
        if rules is None:
            rules = []
        elif isinstance(rules, (str, bytes, os.PathLike)):
            rules = [rules]
        paths = [default_rules_dir()] if default_rules else []
        paths += [os.fsdecode(p) for p in rules]
        self._engine = _claimscan.Engine(paths, locale)

    @property
    def locale(self):
        return self._engine.locale

    @property
    def rules_fingerprint(self):
        """The `rules_fingerprint` every result carries."""
        return self._engine.fingerprint

    @property
    def rule_files(self):
        return list(self._engine.files)

    def extract_json(self, text, title=None, id=None, markdown=False):
        """The result as the CLI's JSON text (one line). Arguments as extract()."""
        return self._run(text, title, id, markdown, as_json=True)

    def extract(self, text, title=None, id=None, markdown=False):
        """One article's result: a dict with exactly the fields of docs/schema.md.

        text: the article (str, or bytes as read from a file: offsets then match the file's
          bytes exactly, CRLF and BOM included). With title=None the first non-empty line is
          the headline, as for a .txt file (markdown=True: as for a .md file, '#' dropped).
          With a title, as a JSON Lines record with that title.
        text may also be a dict: a JSON Lines record (`id`, `text`, optional `title`, `url`,
          `date`, `source`), analysed as `claimscan extract --jsonl -` analyses its line.
        id: the result's "id" (default "").
        Raises InputError ("where: reason") for input the CLI refuses (binary data, a record
        without "id" or "text", ...).
        """
        return self._run(text, title, id, markdown, as_json=False)

    def _run(self, text, title, id, markdown, as_json):
        if isinstance(text, dict):
            if title is not None or id is not None:
                raise TypeError("claimscan: a record carries its own id and title")
            return self._engine.extract_record(_record_line(text), "<record>", as_json=as_json)
        return self._engine.extract_text(_text_bytes(text), "" if id is None else str(id),
                                         bool(markdown), title, as_json=as_json)

    def extract_many(self, items, jobs=None, errors="record", as_json=False):
        """Results for every item of `items`, in input order, analysed on `jobs` threads.

        items: any iterable (lazy, even endless) of texts (str or bytes, as extract(text); the
          i-th item's id is str(i)) and records (dicts, as extract(record)).
        jobs: worker threads, each with its own copy of the extractor (default: one per core).
          At most 8 items per worker are read ahead of the result being yielded.
        errors: "record" (default): an input the CLI would refuse yields the CLI's error record
          in its place, {"schema_version": 1, "id": ..., "error": "<item 3>: reason"}, and the
          rest goes on, as `claimscan extract --jsonl -` does; "raise": raises InputError there.
        as_json: yield each result as the CLI's JSON text (one line, as extract_json) instead of
          a dict: for writing results out, it spares the calling thread making the objects.
        The GIL is released while C++ works: other Python threads run meanwhile.
        """
        if errors not in ("record", "raise"):
            raise ValueError('claimscan: errors must be "record" or "raise"')
        if jobs is None:
            jobs = os.cpu_count() or 1
        jobs = int(jobs)
        if jobs < 1:
            raise ValueError("claimscan: jobs must be at least 1")
        return self._generate(iter(items), jobs, errors == "raise", bool(as_json))

    def _generate(self, items, jobs, raise_errors, as_json):
        pipeline = _claimscan.Pipeline(self._engine, jobs, as_json)

        def results():
            while True:
                ready = pipeline.pop()
                if ready is None:
                    return
                result, ok = ready
                if not ok and raise_errors:
                    raise InputError((json.loads(result) if as_json else result)["error"])
                yield result

        try:
            for index, item in enumerate(items):
                where = f"<item {index}>"
                if isinstance(item, dict):
                    pipeline.submit_record(_record_line(item), where)
                else:
                    pipeline.submit_text(_text_bytes(item), str(index), where)
                yield from results()
            pipeline.finish()
            yield from results()
        finally:
            pipeline.close()


_default_extractor = None
_default_lock = threading.Lock()


def _default():
    global _default_extractor
    with _default_lock:
        if _default_extractor is None:
            _default_extractor = Extractor()
        return _default_extractor


def extract(text, title=None, id=None, markdown=False):
    """One article's result with the bundled rules, English (an Extractor made once and kept).
    See Extractor.extract."""
    return _default().extract(text, title=title, id=id, markdown=markdown)
