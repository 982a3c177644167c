"""Extraction: dates, actors and claims of an analysed text (`claims.extract_all`).

Called as a function, `readouts.extract(source, *, lang="auto", date=None, kind=None,
backend="auto")` is the library's extraction of one text (readouts.api.extract; see readouts.entry
for why this package is callable).
"""
from readouts.entry import make_callable

make_callable(__name__, "readouts.api:extract")
