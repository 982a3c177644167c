"""What the per-language claim tests share: run the offline pipeline on a sentence or two and pick
the claims, checking the contract's offset rule on every claim found."""
from __future__ import annotations

from typing import Callable

import pytest

from readouts.load import load_bytes
from readouts.model import Claim
from readouts.pipeline import extract_loaded


def make_helpers(lang: str, default_date: str):
    """(claims, only, check, xfail) bound to one language and publication date."""

    def claims(text: str, date: str = default_date, source: str | None = None) -> list[Claim]:
        loaded = load_bytes(text.encode("utf-8"), f"claims-test.{lang}.txt", lang=lang, date=date, source=source)
        found = extract_loaded(loaded, backend="offline").claims
        for c in found:     # the contract's offset rule holds for every claim
            assert loaded.text[c.start:c.stop] == c.sentence
        return found

    def only(text: str, fragment: str, **kw) -> Claim:
        """The one claim whose sentence contains `fragment`."""
        found = [c for c in claims(text, **kw) if fragment in c.sentence]
        assert len(found) == 1, [(c.actor, c.act, c.trigger) for c in found]
        return found[0]

    return claims, only, check, xfail


def claims_in(lang: str, text: str, date: str) -> list[Claim]:
    """The claims of a text in any language (for tables that mix languages)."""
    return make_helpers(lang, date)[0](text)


def extracted_in(lang: str, text: str, date: str):
    """The whole extraction (claims and dropped candidates) of a text."""
    loaded = load_bytes(text.encode("utf-8"), f"claims-test.{lang}.txt", lang=lang, date=date)
    return extract_loaded(loaded, backend="offline")


def check(claim: Claim, **expected) -> None:
    got = {k: getattr(claim, k) for k in expected}
    assert got == expected, (claim.trigger, claim.explain)


def traced(claim: Claim, **expected: str) -> None:
    """The claim's trace names exactly these rule ids (trigger pattern, actor strategy, …)."""
    got = {k: (claim.explain or {}).get(k) for k in expected}
    assert got == expected, (claim.trigger, claim.explain)


def xfail(reason: str) -> Callable:
    return pytest.mark.xfail(strict=True, reason=reason)
