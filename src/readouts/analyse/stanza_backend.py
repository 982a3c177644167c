"""The Stanza backend: tokenize, mwt (where the language has it), pos, lemma, depparse, ner.

stanza and torch are imported only when this analyser is built. Models are never downloaded
here (`download_method=None`): missing models are one BackendError saying how to get them.
Each paragraph is a separate Stanza document, so sentences never cross paragraph boundaries.
"""
from __future__ import annotations

import importlib.util

from readouts.analyse.convert import from_stanza
from readouts.analyse.models import OPTIONAL, REQUIRED, missing_models_message, processors_on_disk, resources_dir
from readouts.errors import BackendError
from readouts.model import Region, Sentence


class StanzaAnalyser:
    provides = frozenset({"lemma", "feats", "deps", "ner"})
    load_seconds = 5.0   # torch and the Stanza models

    def __init__(self, lang: str, models_dir: str | None = None) -> None:
        if importlib.util.find_spec("stanza") is None:
            raise BackendError("the stanza backend needs the stanza package: pip install 'readouts[stanza]'")
        on_disk = processors_on_disk(lang, models_dir)
        if not set(REQUIRED) <= on_disk:
            raise BackendError(missing_models_message(lang, models_dir))
        import stanza
        processors = ["tokenize"] + [p for p in ("mwt",) if p in on_disk] + ["pos", "lemma", "depparse"]
        processors += [p for p in OPTIONAL if p not in processors and p in on_disk]
        if "ner" not in processors:
            self.provides = frozenset({"lemma", "feats", "deps"})
        try:
            self._nlp = stanza.Pipeline(lang, processors=",".join(processors), dir=str(resources_dir(models_dir)),
                                        download_method=None, verbose=False)
        except Exception as e:  # stanza raises plain exceptions for broken or partial model folders
            raise BackendError(f"{missing_models_message(lang, models_dir)} ({type(e).__name__}: {e})") from None
        self._stanza = stanza

    def analyse(self, text: str, paragraphs: list[Region]) -> list[Sentence]:
        docs = [self._stanza.Document([], text=text[r.start:r.stop]) for r in paragraphs]
        if not docs:
            return []
        docs = self._nlp(docs)          # bulk processing: one batch for the whole text
        out: list[Sentence] = []
        for index, (region, doc) in enumerate(zip(paragraphs, docs)):
            out.extend(from_stanza(doc, text=text, offset=region.start, paragraph=index))
        return out
