"""Converters at the edge of our document model: Stanza Documents in, CoNLL-U text in and out.

`from_stanza` keeps a Stanza multi-word token as one Token whose Words are its syntactic words
(Polish "przyszedłem" = przyszedł + em, English "don't" = do + n't); every offset is shifted into
the original text. CoNLL-U strings never appear in the analysers' API: `to_conllu`/`from_conllu`
exist for tests, debugging and exchanging gold data.
"""
from __future__ import annotations

import json
from typing import Any

from readouts.analyse.base import name_lemma
from readouts.model import NameSpan, Sentence, Token, Word


def parse_feats(feats: str | None) -> dict[str, str]:
    """"Case=Nom|Number=Sing" -> {"Case": "Nom", "Number": "Sing"}; "_" or None -> {}."""
    if not feats or feats == "_":
        return {}
    return dict(item.split("=", 1) for item in feats.split("|") if "=" in item)


def format_feats(feats: dict[str, str]) -> str:
    return "|".join(f"{k}={feats[k]}" for k in sorted(feats, key=str.lower)) or "_"


# --------------------------------------------------------------------------- Stanza

def _bioes_spans(tokens: list[Any]) -> list[tuple[int, int, str]]:
    """(first token index, last token index, label) from Stanza's BIOES token.ner tags."""
    spans, begin = [], None
    for i, tok in enumerate(tokens):
        tag = getattr(tok, "ner", None) or "O"
        kind, _, label = tag.partition("-")
        if kind == "S":
            spans.append((i, i, label))
            begin = None
        elif kind == "B":
            begin = (i, label)
        elif kind == "E" and begin is not None:
            spans.append((begin[0], i, begin[1]))
            begin = None
        elif kind == "O":
            begin = None
    return spans


def from_stanza(doc: Any, text: str | None = None, offset: int = 0, paragraph: int = 0) -> list[Sentence]:
    """Convert a Stanza Document (run on `text[offset:…]`) into our Sentences.

    `text` is the original text the offsets must index (default: the document's own text). A
    Stanza token's start_char/end_char are relative to the string the pipeline was given, hence
    `offset`. Names come from the token NER tags (labels as Stanza gives them: PER, LOC, ORG,
    MISC; the 4-class English model's PERSON/GPE are mapped); a name's lemma is built from the
    words' lemmas (see `name_lemma`).
    """
    if text is None:
        text = doc.text or ""
    out: list[Sentence] = []
    for sent in doc.sentences:
        tokens: list[Token] = []
        for tok in sent.tokens:
            start, stop = offset + tok.start_char, offset + tok.end_char
            words = []
            for w in tok.words:
                words.append(Word(
                    id=int(w.id), text=w.text, lemma=w.lemma if w.lemma is not None else w.text,
                    upos=w.upos or "X", feats=parse_feats(w.feats),
                    head=None if w.head is None else int(w.head), deprel=w.deprel,
                    start=start, stop=stop))
            if len(words) == 1:
                words[0].text = text[start:stop]
            tokens.append(Token(start, stop, text[start:stop], words))
        if not tokens:
            continue
        names = []
        for i, j, label in _bioes_spans(sent.tokens):
            a, b = tokens[i].start, tokens[j].stop
            label = STANZA_LABELS.get(label, label)
            words = [w for t in tokens[i:j + 1] for w in t.words]
            names.append(NameSpan(a, b, text[a:b], label, name_lemma(text, words, label, lambda w: w.lemma)))
        a, b = tokens[0].start, tokens[-1].stop
        out.append(Sentence(a, b, text[a:b], tokens, paragraph, names))
    return out


# OntoNotes labels (English 18-class model) -> ours; everything else keeps its label or is MISC
STANZA_LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "NORP": "MISC", "FAC": "LOC"}


# --------------------------------------------------------------------------- CoNLL-U

def to_conllu(sentences: list[Sentence]) -> str:
    """Our sentences as CoNLL-U. Offsets go to MISC (start_char/end_char, as Stanza writes them);
    the sentence's start, paragraph and names go to comments."""
    lines: list[str] = []
    for sent in sentences:
        lines.append(f"# text = {sent.text}")
        lines.append(f"# start_char = {sent.start}")
        lines.append(f"# paragraph = {sent.paragraph}")
        if sent.names:
            lines.append("# names = " + json.dumps([[n.start, n.stop, n.label, n.lemma] for n in sent.names],
                                                   ensure_ascii=False))
        for tok in sent.tokens:
            misc = f"start_char={tok.start}|end_char={tok.stop}"
            if len(tok.words) > 1:
                lines.append(f"{tok.words[0].id}-{tok.words[-1].id}\t{tok.text}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
                misc = "_"
            for w in tok.words:
                head = "_" if w.head is None else str(w.head)
                lines.append("\t".join([str(w.id), w.text, w.lemma or "_", w.upos, "_", format_feats(w.feats),
                                        head, w.deprel or "_", "_", misc]))
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")


def from_conllu(data: str) -> list[Sentence]:
    """Read what `to_conllu` writes (and plain CoNLL-U with start_char/end_char in MISC)."""
    out: list[Sentence] = []
    for block in data.strip().split("\n\n"):
        meta: dict[str, str] = {}
        tokens: list[Token] = []
        pending: tuple[int, int, int, int, str] | None = None   # MWT: first id, last id, start, stop, text
        for line in block.splitlines():
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                meta[key.strip()] = value.strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                continue
            misc = parse_feats(cols[9])
            if "-" in cols[0]:
                first, last = map(int, cols[0].split("-"))
                pending = (first, last, int(misc["start_char"]), int(misc["end_char"]), cols[1])
                tokens.append(Token(pending[2], pending[3], cols[1], []))
                continue
            if "." in cols[0]:
                continue                                      # empty nodes: not in our model
            wid = int(cols[0])
            if pending and pending[0] <= wid <= pending[1]:
                start, stop = pending[2], pending[3]
            else:
                start, stop = int(misc.get("start_char", 0)), int(misc.get("end_char", 0))
            word = Word(wid, cols[1], cols[2] if cols[2] != "_" else cols[1], cols[3], parse_feats(cols[5]),
                        None if cols[6] == "_" else int(cols[6]), None if cols[7] == "_" else cols[7], start, stop)
            if pending and pending[0] <= wid <= pending[1]:
                tokens[-1].words.append(word)
            else:
                tokens.append(Token(start, stop, cols[1], [word]))
        if not tokens:
            continue
        start = int(meta.get("start_char", tokens[0].start))
        text = meta.get("text", "")
        names = [NameSpan(a, b, text[a - start:b - start], label, lemma)
                 for a, b, label, lemma in json.loads(meta.get("names", "[]"))]
        out.append(Sentence(start, start + len(text), text, tokens, int(meta.get("paragraph", 0)), names))
    return out
