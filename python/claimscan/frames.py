"""Results as pandas DataFrames: one row per figure, per actor mention, per claim.

Each row carries the article's id and the item's offsets, for groupby, joins and plotting:

    df = claimscan.figures_frame(ex.extract_many(texts))
    df.groupby("kind").size()
    df[df.kind == "money"].groupby("article_id").value.sum()

`results` is any iterable of result dicts (a single dict is one article); error records are
skipped. pandas (Debian python3-pandas) is imported on first use only.
"""

# Column name -> dtype. "Int64" is pandas' nullable integer (null where the JSON has null).
_FIGURE_COLUMNS = [
    ("article_id", "object"), ("figure", "int64"), ("sentence", "int64"), ("kind", "object"),
    ("value", "float64"), ("unit", "object"), ("currency", "object"), ("approx", "object"),
    ("change", "object"), ("low", "float64"), ("high", "float64"), ("scale", "object"),
    ("fraction", "bool"), ("magnitude", "float64"), ("split", "Int64"), ("about", "object"),
    ("actor", "object"), ("text", "object"), ("start", "int64"), ("end", "int64"),
    ("byte_start", "int64"), ("byte_end", "int64"), ("rule", "object"), ("kind_from", "object"),
    ("claim", "Int64"),
    ("speaker", "object"), ("speaker_id", "object"),
]
_ACTOR_COLUMNS = [
    ("article_id", "object"), ("actor", "object"), ("type", "object"), ("name", "object"),
    ("mention", "int64"), ("text", "object"), ("start", "int64"), ("end", "int64"),
    ("byte_start", "int64"), ("byte_end", "int64"), ("rule", "object"),
]
_CLAIM_COLUMNS = [
    ("article_id", "object"), ("claim", "int64"), ("sentence", "int64"), ("text", "object"),
    ("start", "int64"), ("end", "int64"), ("byte_start", "int64"), ("byte_end", "int64"),
    ("speaker", "object"), ("speaker_id", "object"), ("verb", "object"), ("rule", "object"),
    ("figures", "object"), ("actors", "object"), ("n_figures", "int64"),
    ("quote_start", "Int64"), ("quote_end", "Int64"), ("quote_byte_start", "Int64"),
    ("quote_byte_end", "Int64"),
]
_SPAN = ("start", "end", "byte_start", "byte_end")


def _articles(results):
    if isinstance(results, dict):
        results = [results]
    for r in results:
        if "error" not in r:
            yield r


def _frame(rows, columns):
    import pandas as pd

    names = [name for name, _ in columns]
    frame = pd.DataFrame.from_records(rows, columns=names)
    return frame.astype({name: dtype for name, dtype in columns})


def figures_frame(results):
    """One row per figure: article_id, figure (its index in the article's `figures`), the
    figure's fields (kind, value, unit, currency, approx, about, text, the four offsets, rule,
    ...), claim (the first claim holding it) and that claim's speaker (name) and speaker_id,
    as in `claimscan extract --format csv`."""
    rows = []
    for a in _articles(results):
        names = {actor["id"]: actor["name"] for actor in a["actors"]}
        claim_of = {}
        for c_index, claim in enumerate(a["claims"]):
            for f in claim["figures"]:
                claim_of.setdefault(f, c_index)
        for i, f in enumerate(a["figures"]):
            c = claim_of.get(i)
            speaker_id = a["claims"][c]["speaker"] if c is not None else None
            rows.append((
                a["id"], i, f["sentence"], f["kind"], f["value"], f["unit"], f.get("currency"),
                f.get("approx"), f.get("change"), f.get("low"), f.get("high"), f.get("scale"),
                bool(f.get("fraction")), f.get("magnitude"), f.get("split"), f.get("about"),
                f.get("actor"), f["text"], f["start"], f["end"], f["byte_start"], f["byte_end"],
                f["rule"], f.get("kind_from"), c, names.get(speaker_id), speaker_id))
    return _frame(rows, _FIGURE_COLUMNS)


def actors_frame(results):
    """One row per actor mention: article_id, actor (its id), type, name, mention (index among
    the actor's mentions), text, the four offsets and rule."""
    rows = []
    for a in _articles(results):
        for actor in a["actors"]:
            for m_index, m in enumerate(actor["mentions"]):
                rows.append((a["id"], actor["id"], actor["type"], actor["name"], m_index,
                             m["text"], m["start"], m["end"], m["byte_start"], m["byte_end"],
                             m["rule"]))
    return _frame(rows, _ACTOR_COLUMNS)


def claims_frame(results):
    """One row per claim: article_id, claim (its index), sentence, text, the four offsets,
    speaker (name) and speaker_id, verb, rule, figures (indices into the article's figures)
    and actors (ids) as lists, n_figures, and the quote's offsets (null without a quote)."""
    rows = []
    for a in _articles(results):
        names = {actor["id"]: actor["name"] for actor in a["actors"]}
        for i, c in enumerate(a["claims"]):
            quote = c.get("quote") or {}
            rows.append((
                a["id"], i, c["sentence"], c["text"], c["start"], c["end"], c["byte_start"],
                c["byte_end"], names.get(c["speaker"]), c["speaker"], c.get("verb"),
                c.get("rule"), list(c["figures"]), list(c["actors"]), len(c["figures"]),
                *(quote.get(k) for k in _SPAN)))
    return _frame(rows, _CLAIM_COLUMNS)
