"""One sentence as the engine reads it, computed once: its words with their folded forms, lemmas
and match keys, the actor mentions in it, where each clause starts, which words belong to an
attribution ("according to"), and how deep in quotation marks each word stands."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol, Sequence

from readouts.extract.actors import Mention, word_keys
from readouts.extract.claims.data import ClaimData, QuoteMarks
from readouts.extract.lexicon import WordClass, fold
from readouts.model import DateRef, Sentence, Word

GENDERS = ("masc", "fem", "plural")


class WordSequence(Protocol):
    """Words with their folded forms: a sentence's view, or a claim's content."""
    @property
    def words(self) -> Sequence[Word]: ...
    @property
    def texts(self) -> Sequence[str]: ...


COMMA = ","
LONE_ASIDE_UPOS = frozenset({"ADV", "CCONJ"})    # ", однако,", ", however,": an aside of one word
PHRASE_ASIDE_UPOS = frozenset({"ADP", "DET", "PRON", "NOUN", "ADJ"})   # ", for their part,": a phrase aside
PHRASE_ASIDE_WORDS = 3                          # its words after the preposition, at most


@dataclass(frozen=True)
class QuoteScan:
    """Quotation depth while reading a paragraph mark by mark (see `lang/extraction.yaml`)."""
    depth: int = 0
    low_open: bool = False

    def read(self, chars: str, marks: QuoteMarks) -> "QuoteScan":
        depth, low_open = self.depth, self.low_open
        for ch in chars:
            if ch in marks.low_opening:
                depth, low_open = depth + 1, True
            elif ch in marks.ambiguous and not low_open:
                depth += 1
            elif ch in marks.closing_only:
                depth, low_open = max(0, depth - 1), False
            elif ch in marks.other_opening:
                depth += 1
            elif ch in marks.straight:
                depth = 0 if depth else 1
        return QuoteScan(depth, low_open)


@dataclass(frozen=True)
class SentenceView:
    sentence: Sentence
    paragraph_start: int                 # offset where the sentence's paragraph (its first sentence) starts
    words: tuple[Word, ...]
    texts: tuple[str, ...]               # folded surface forms
    lemmas: tuple[str, ...]              # folded lemmas
    verb_lemmas: tuple[str, ...]         # the lemma the trigger lexicon knows ("thanked" -> "thank")
    keys: tuple[frozenset[str], ...]     # forms under which a word matches a data word
    mentions: tuple[Mention, ...]
    quoted: tuple[bool, ...]             # inside a quotation opened earlier in the paragraph
    quoted_in_sentence: tuple[bool, ...] # …opened earlier in the sentence
    attribution: tuple[bool, ...]        # part of an attribution cue ("Jak poinformował")
    clause_starts: tuple[int, ...]       # where the clause of each word starts
    asides: tuple[tuple[int, int], ...]  # asides set off by commas: (opening comma, closing comma)
    dated: frozenset[int] = frozenset()  # the words of the date expressions in it ("в субботу")

    def has(self, i: int) -> bool:
        return 0 <= i < len(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def text(self, first: int, last: int) -> str:
        """The verbatim words [first, last) of the sentence."""
        return self.sentence.text[self.words[first].start - self.sentence.start:
                                  self.words[last - 1].stop - self.sentence.start]

    def with_mentions(self, mentions: list[Mention]) -> "SentenceView":
        return replace(self, mentions=tuple(mentions))

    def with_dates(self, dates: Sequence[DateRef]) -> "SentenceView":
        """The view with the words its date expressions cover marked."""
        if not dates:
            return self
        inside = frozenset(k for k, w in enumerate(self.words) for d in dates if d.start <= w.start and w.stop <= d.stop)
        return replace(self, dated=inside)

    def mention_words(self) -> frozenset[int]:
        return frozenset(k for m in self.mentions for k in range(m.first, m.last))


def build_view(sentence: Sentence, data: ClaimData, mentions: list[Mention], paragraph_start: int,
               scan: QuoteScan) -> tuple[SentenceView, QuoteScan]:
    """The view of one sentence, and the quotation state at its end (`scan` is the state at its
    start, read from `paragraph_start`)."""
    words = tuple(sentence.words)
    texts = tuple(fold(w.text) for w in words)
    lemmas = tuple(fold(w.lemma or w.text).split(":")[0] for w in words)
    quoted, end_scan = _quote_depths(sentence, words, data.quotes, scan)
    asides = _asides(words, texts, data)
    local, _ = _quote_depths(sentence, words, data.quotes, QuoteScan())
    view = SentenceView(
        sentence=sentence, paragraph_start=paragraph_start, words=words, texts=texts, lemmas=lemmas,
        verb_lemmas=tuple(_verb_lemma(lemma, text, data) for lemma, text in zip(lemmas, texts)),
        keys=tuple(frozenset(word_keys(w, data.lex.name_endings)) for w in words),
        mentions=tuple(mentions), quoted=quoted, quoted_in_sentence=local,
        attribution=_marks(texts, lemmas, data), clause_starts=_clause_starts(texts, asides, data), asides=asides)
    return view, end_scan


def _quote_depths(sentence: Sentence, words: tuple[Word, ...], marks: QuoteMarks,
                  scan: QuoteScan) -> tuple[tuple[bool, ...], QuoteScan]:
    inside, at = [], sentence.start
    for w in words:
        scan = scan.read(sentence.text[at - sentence.start:w.start - sentence.start], marks)
        inside.append(scan.depth > 0)
        at = w.start
    return tuple(inside), scan.read(sentence.text[at - sentence.start:], marks)


def _verb_lemma(lemma: str, text: str, data: ClaimData) -> str:
    """The word's lemma, or, when the lemmatiser missed ("thanked" -> "thanke"), the lemma that
    the language's regular verb endings give and the trigger lexicon knows."""
    lex = data.lex
    if lemma in lex.verb_acts or lemma in lex.light_verbs or lemma in lex.joint_acts:
        return lemma
    for ending, replacement in lex.cues.verb_endings:
        guess = text[: len(text) - len(ending)] + replacement
        if text.endswith(ending) and (guess in lex.verb_acts or guess in lex.light_verbs or guess in lex.joint_acts):
            return guess
    return lemma


def _marks(texts: tuple[str, ...], lemmas: tuple[str, ...], data: ClaimData) -> tuple[bool, ...]:
    """Words of an attribution cue ("Jak poinformował Kreml", "according to")."""
    return cue_marks(texts, lemmas, data.cls("attribution"))


def cue_marks(texts: Sequence[str], lemmas: Sequence[str], cues: WordClass) -> tuple[bool, ...]:
    """The words that belong to an entry of `cues`, by their forms or their lemmas (the data may
    list a cue as lemmas: "как сообщить" is every "как сообщило")."""
    marks = [False] * len(texts)
    for i in range(len(texts)):
        for k in range(i, i + max(cues.match_at(texts, i), cues.match_at(lemmas, i))):
            marks[k] = True
    return tuple(marks)


def negation_word(seq: "SentenceView | WordSequence", j: int, data: ClaimData) -> bool:
    """A negation particle at j, or a word the analyser marks negative ("not", "nie", "не")."""
    return seq.texts[j] in data.cls("negation.particles") or seq.words[j].feat("Polarity") == "Neg"


def _clause_starts(texts: tuple[str, ...], asides: tuple[tuple[int, int], ...], data: ClaimData) -> tuple[int, ...]:
    """For each word, the index after the nearest complementizer or clause break before it; after
    an aside set off by commas ("X, który …, określił", "Токаев, однако, не стал"), the clause it
    interrupts goes on."""
    starts, current = [], 0
    comps, breaks = data.cls("complementizers"), data.cls("clause_breaks")
    resumed = {close: opening for opening, close in asides}
    for i, t in enumerate(texts):
        starts.append(current)
        if t in comps or t in breaks:
            current = i + 1
        if i in resumed:
            current = starts[resumed[i]]
    return tuple(starts)


def _asides(words: tuple[Word, ...], texts: tuple[str, ...], data: ClaimData) -> tuple[tuple[int, int], ...]:
    """Asides between commas: relative clauses (", który anonimowo informował dziennikarzy,",
    ", who …,") and a lone adverb or conjunction (", однако,", ", however,")."""
    relatives, found = data.cls("relatives"), []
    for i in range(1, len(words) - 1):
        if words[i].text == COMMA and i + 3 < len(words) and words[i + 2].text == COMMA and \
                words[i + 1].upos in LONE_ASIDE_UPOS:
            found.append((i, i + 2))
        elif words[i].text == COMMA and words[i + 1].upos == "ADP" and (close := _phrase_aside_end(words, i)):
            found.append((i, close))
        elif words[i].text == COMMA and texts[i + 1] in relatives:
            close = next((k for k in range(i + 2, len(words)) if words[k].text == COMMA), None)
            if close is not None and close + 1 < len(words):
                found.append((i, close))
    return tuple(found)


def _phrase_aside_end(words: tuple[Word, ...], i: int) -> int | None:
    """The closing comma of a short prepositional phrase set off by commas from i (", for their
    part,", ", в свою очередь,", ", ze swojej strony,"), if one closes there."""
    for k in range(i + 2, min(len(words) - 1, i + 2 + PHRASE_ASIDE_WORDS)):
        if words[k].text == COMMA:
            return k
        if words[k].upos not in PHRASE_ASIDE_UPOS:
            return None
    return None


def first_person_future(word: Word) -> bool:
    """A finite verb in the first person of the future ("рассмотрим", "zajmiemy się", "поручу"):
    what the speaker's side will do."""
    return word.feat("Person") == "1" and word.feat("Tense") == "Fut" and word.feat("VerbForm") == "Fin"


def pronoun_gender(view: SentenceView, i: int, data: ClaimData, table: str = "pronouns") -> str | None:
    """The gender a personal (or, with table="possessives", possessive) pronoun refers by."""
    return next((g for g in GENDERS if view.texts[i] in data.cls(f"{table}.{g}")), None)
