"""Claims: every speech act or commitment of an actor that the text reports.

One mechanism for every language; the words are data (`lang/<xx>/reporting.yaml`, `cues.yaml`,
`titles.yaml`, `lang/actors.yaml`) and the rule shapes are patterns (`lang/patterns.yaml`). The
stages, in the order the data flows, each a module:

- `data` — the language data compiled once (word classes folded, phrases and patterns compiled);
- `patterns` — the pattern vocabulary and its matcher (the only code that knows its syntax);
- `view` — one sentence as the engine reads it (words, keys, mentions, clauses, quotation depth);
- `document` — what holds for the whole text (its parties, whose readout it is);
- `triggers` — the words that carry an act, one generator per family;
- `quotes`, `nesting` — which triggers are claims of their own, and which only frame or name
  the source of another (each dropped one with its reason);
- `actor` — who acts: an ordered tuple of named strategies;
- `attributes` — act refined by content, polarity, hedging, condition, addressee, account;
- `discourse` — the state carried from sentence to sentence (immutable, replaced by the driver);
- `explain` — the trace every claim carries; `driver` — the sentence loop.
"""
from readouts.extract.claims.driver import extract_all, prepare

__all__ = ["extract_all", "prepare"]
