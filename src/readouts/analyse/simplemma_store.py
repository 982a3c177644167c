"""simplemma's dictionary of one language, kept in the user's cache as plain text, read in shards.

simplemma ships each dictionary lzma-compressed and front-coded: decoding the English one (181,000
forms) takes about half a second, most of a cold `readouts extract`. The first run writes the
decoded dictionary to the cache (`readouts.cache`) as UTF-8 text cut into SHARDS shards by a CRC
of the form; later runs read that file (a few milliseconds) and turn a shard into a dict only when
a form in it is first looked up, so a short text pays for the shards it touches, not for the whole
dictionary. Lemmas still come from simplemma's own strategies (rules, affixes, casing), given this
dictionary through its `DictionaryFactory` interface, so they are simplemma's lemmas exactly.
"""
from __future__ import annotations

import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from readouts import cache

SHARDS = 4096
SHARD_SEP, PART_SEP, ITEM_SEP = "\x1d", "\t", "\n"   # never inside a form or a lemma (checked)
STORE_VERSION = "1"


def shard_of(form: str) -> int:
    return zlib.crc32(form.encode("utf-8", "surrogatepass")) % SHARDS


def encode(dictionary: Mapping[str, str]) -> str | None:
    """The text of the cache entry: shards of `forms<TAB>lemmas`, one item per line; None when a
    form or lemma holds a separator (never so in simplemma's data, but then nothing is cached)."""
    forms: list[list[str]] = [[] for _ in range(SHARDS)]
    lemmas: list[list[str]] = [[] for _ in range(SHARDS)]
    for form, lemma in dictionary.items():
        if not form or any(sep in form or sep in lemma for sep in (SHARD_SEP, PART_SEP, ITEM_SEP)):
            return None
        k = shard_of(form)
        forms[k].append(form)
        lemmas[k].append(lemma)
    return SHARD_SEP.join(ITEM_SEP.join(f) + PART_SEP + ITEM_SEP.join(v) for f, v in zip(forms, lemmas))


class ShardedDictionary(Mapping[str, str]):
    """The form -> lemma mapping of an entry written by `encode`, decoded shard by shard; a shard
    that does not decode (a damaged entry) is answered by `whole()`, simplemma's own dictionary."""

    def __init__(self, text: str, whole: Callable[[], Mapping[str, str]]) -> None:
        self._raw = text.split(SHARD_SEP)
        if len(self._raw) != SHARDS:
            raise ValueError(f"expected {SHARDS} shards, found {len(self._raw)}")
        self._shards: list[Mapping[str, str] | None] = [None] * SHARDS
        self._whole = whole

    def _shard(self, k: int) -> Mapping[str, str]:
        shard = self._shards[k]
        if shard is None:
            try:
                forms, lemmas = self._raw[k].split(PART_SEP)
                shard = dict(zip(forms.split(ITEM_SEP), lemmas.split(ITEM_SEP), strict=True)) if forms else {}
            except ValueError:
                shard = self._whole()
            self._shards[k] = shard
        return shard

    def get(self, form: str, default: Any = None) -> Any:
        return self._shard(shard_of(form)).get(form, default)

    def __getitem__(self, form: str) -> str:
        return self._shard(shard_of(form))[form]

    def __iter__(self) -> Iterator[str]:
        for k in range(SHARDS):
            yield from self._shard(k)

    def __len__(self) -> int:
        return sum(len(self._shard(k)) for k in range(SHARDS))


class CachedDictionaries:
    """A simplemma `DictionaryFactory`: a language's dictionary from the cache, else decoded by
    simplemma (and written to the cache for the next run)."""

    def __init__(self, simplemma: Any) -> None:
        self._simplemma = simplemma
        self.get_dictionary = lru_cache(maxsize=None)(self._load)

    def _load(self, lang: str) -> Mapping[str, str]:
        from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

        data = Path(self._simplemma.__file__).parent / "strategies" / "dictionaries" / "data"
        key = f"{STORE_VERSION}|{self._simplemma.__version__}|{cache.source_stamp([data / f'{lang}.plzma'])}"
        text = cache.read_text(f"simplemma-{lang}", key)
        if text is not None:
            try:
                return ShardedDictionary(text, lambda: DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang))
            except ValueError:
                pass
        dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        text = encode(dictionary)
        if text is not None:
            cache.write_text(f"simplemma-{lang}", key, text)
        return dictionary


class Lemmas:
    """simplemma's `lemmatize` and `is_known` for one language, on the cached dictionary."""

    def __init__(self, simplemma: Any, lang: str) -> None:
        from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
        from simplemma.utils import normalize_token

        dictionaries = CachedDictionaries(simplemma)
        self._lang = lang
        self._lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=dictionaries))
        self._lookup = DictionaryLookupStrategy(dictionaries)
        self._normalize = normalize_token
        self.is_known = lru_cache(maxsize=65536)(self._is_known)

    def lemmatize(self, form: str) -> str:
        return self._lemmatizer.lemmatize(form, self._lang)

    def _is_known(self, form: str) -> bool:
        """As simplemma.is_known: the form (NFC) or its other casing is in the dictionary."""
        return self._lookup.get_lemma(self._normalize(form), self._lang) is not None
