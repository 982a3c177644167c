"""Actors: find the mentions of people, offices, countries, institutions and groups in a sentence
and give each its canonical English name.

Mentions are matched word by word against the gazetteer (`lang/actors.yaml`), the office titles
(`lang/<xx>/titles.yaml`, resolved through `lang/offices.yaml` by the publication date) and the
group nouns that stand for both principals. A word matches a data word when their folded
surface forms, their lemmas, or their stems (the language's case endings stripped) agree, so
inflected forms ("Bidena", "Байденом", "prezydenta USA") need no listing. Names that the
gazetteer lacks come from the backend's name spans (NER or name labels).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import AbstractSet, Any, Iterable, Iterator, Mapping, Sequence

from readouts.extract.lexicon import GAP, Lexicon, fold, plain
from readouts.model import BOTH, Actor, NameSpan, Sentence, Word

PHRASE_GAP = 3                  # "…" in a data phrase: up to this many words
NOMINATIVE_OR_UNKNOWN = (None, "Nom")
# The case of a gazetteer name the morphology does not know, written with an ending its listed
# (nominative) forms lack: "Zełenskiego", "Jinpinga" are objects, not subjects.
OBLIQUE = "Obl"
# A stem shorter than this is too ambiguous to compare ("Dom" vs "do").
MIN_STEM = 3
PERSONAL_KINDS = ("person", "official")
INITIAL_AND_SURNAME = re.compile(r"(\w)\.\s?(\w[\w-]+)$")     # "А.Ассумани", "A. Assumani"
INITIALS_AND_SURNAME = re.compile(r"((?:\w\.){1,3})(\w[\w-]+)$")   # "М.И.Али", spaces taken out
NOUNS = ("NOUN", "PROPN")
AIDE = "aide"
NAMED_VIAS = ("name", "ner")       # how a mention of a named person was found
LATIN_SCRIPT = "LATIN"              # the first word of a Latin letter's Unicode name
GENERIC_VIA = "generic"            # a title resolved to the person who holds it
# How far before a mention an aide word ("doradca", "советник") may start.
AIDE_BEFORE = 2
# letters not abbreviated ("Jr."): a name has a word of them
NAME_WORD = re.compile(r"[^\W\d_]{2,}(?![.\w])")
GENDER_OF_FEATURE = {"Fem": "fem", "Masc": "masc"}
TITLE_COMPLEMENT = 4                # words between a title and the name it goes with ("of the Comoros")
GOVERNING_UPOS = ("NOUN", "PROPN", "ADP")    # a name after these depends on them, no subject
NAME_STEM_LETTERS = 4               # a name's words agree on this many letters in any case ("Анура", "Ануре")
GENITIVE = "Gen"
POSSESSOR_ADJECTIVES = 2            # "Japan's new prime minister": adjectives between a possessive and its title
COUNTRY_WORDS = 4                   # the most words of a country's name ("the Democratic Republic of the Congo")
OPENING_TITLE_REACH = 2             # words before a sentence's opening title ("The")
NATIONALITY_WORDS = 2               # the most words of a nationality adjective ("Sri Lankan")
TITLE_WORDS = 4                     # the most words of a title before a name ("Deputy Prime Minister")


@dataclass(slots=True)
class Mention:
    first: int                  # index of the first word in sentence.words
    last: int                   # index after the last word
    actor: str                  # canonical name, or "both"
    kind: str                   # person | country | institution | official | media | group
    start: int
    stop: int
    text: str
    case: str | None            # grammatical case of the head word, when the morphology knows it
    via: str                    # name | title | generic | group | ner
    gender: str | None = None


def stem(word: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _strip_dots(word: str) -> str:
    return word.replace(".", "") or word


def word_keys(word: Word, endings: tuple[str, ...]) -> set[str]:
    """The forms under which a text word can match a data word."""
    text = _strip_dots(fold(word.text))
    lemma = _strip_dots(fold(word.lemma or word.text).split(":")[0])
    return {text, lemma, stem(text, endings), stem(lemma, endings)}


def data_keys(data_word: str, endings: tuple[str, ...]) -> set[str]:
    w = _strip_dots(data_word)
    return {w, stem(w, endings)}


class PhraseIndex:
    """Multi-word data phrases indexed by the keys of their first word, matched longest first
    (then in the order of the data)."""

    def __init__(self, entries: tuple[tuple[tuple[str, ...], Any], ...], endings: tuple[str, ...]):
        ranked = sorted(entries, key=lambda e: -len(e[0]))
        self.by_first: dict[str, list[tuple[int, tuple[frozenset[str], ...], Any]]] = {}
        for rank, (words, value) in enumerate(ranked):
            keyed = tuple(frozenset() if w == GAP else frozenset(data_keys(w, endings)) for w in words)
            for key in keyed[0]:
                self.by_first.setdefault(key, []).append((rank, keyed, value))

    def match_at(self, keys: Sequence[AbstractSet[str]], i: int) -> tuple[int, Any] | None:
        """Longest phrase starting at word i: (index after its last word, value)."""
        candidates = {rank: (words, value) for key in keys[i] for rank, words, value in self.by_first.get(key, ())}
        for rank in sorted(candidates):
            words, value = candidates[rank]
            end = _match_words(words, keys, i)
            if end is not None:
                return end, value
        return None


def _match_words(words: tuple[frozenset[str], ...], keys: Sequence[AbstractSet[str]], i: int) -> int | None:
    """The index after a phrase's words matched from word i; an empty key set is a gap: up to
    PHRASE_GAP words, then the next data word where it first fits."""
    j, k = i, 0
    while k < len(words):
        if not words[k]:
            k += 1
            skip = next((s for s in range(PHRASE_GAP + 1) if j + s < len(keys) and words[k] & keys[j + s]), None)
            if skip is None:
                return None
            j += skip
            continue
        if j >= len(keys) or not (words[k] & keys[j]):
            return None
        j, k = j + 1, k + 1
    return j


@dataclass(frozen=True)
class ActorIndexes:
    """The gazetteer and the titles of one language as phrase indexes (built once)."""
    names: PhraseIndex
    titles: PhraseIndex
    generic: PhraseIndex
    groups: PhraseIndex
    aides: PhraseIndex
    nationalities: PhraseIndex
    group_words: frozenset[str]
    initialled: Mapping[tuple[str, str], str]   # (first name's initial, surname) -> a listed person
    listed_words: frozenset[str]                  # every word of the gazetteer's names
    by_first_name: Mapping[str, frozenset[str]]  # a first name -> the listed persons who bear it


@cache
def actor_indexes(lang: str) -> ActorIndexes:
    from readouts.extract.lexicon import lexicon

    lex = lexicon(lang)
    endings = lex.name_endings
    return ActorIndexes(
        PhraseIndex(lex.names, endings), PhraseIndex(lex.offices_by_title, endings),
        PhraseIndex(lex.generic_titles, endings), PhraseIndex(tuple((g, BOTH) for g in lex.both_groups), endings),
        PhraseIndex(tuple((a, AIDE) for a in lex.aides), endings), PhraseIndex(lex.nationalities, endings),
        frozenset(w for g in lex.both_groups for w in g), _initialled(lex),
        frozenset(w for words, _ in lex.names for w in words), _by_first_name(lex))


def initialled_person(lang: str, text: str) -> str | None:
    """The listed person an initial and a surname stand for ("А.Ассумани", "Ф.Маркос-младший"); of
    two initials either may be the listed first name's ("М.И.Али": Irfaan Ali)."""
    m = INITIALS_AND_SURNAME.match(text.replace(" ", ""))
    if m is None:
        return None
    initialled = actor_indexes(lang).initialled
    surname = fold(m.group(2))
    return next((initialled[(fold(i), surname)] for i in m.group(1).split(".") if (fold(i), surname) in initialled), None)


def _by_first_name(lex: Lexicon) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for words, (name, _) in lex.names:
        if len(words) > 1 and lex.actors[name].kind in PERSONAL_KINDS:
            found.setdefault(fold(words[0]), set()).add(name)
    return {first: frozenset(names) for first, names in found.items()}


def _initialled(lex: Lexicon) -> dict[tuple[str, str], str]:
    """The gazetteer's persons by the initial of their first name and their surname, as a
    transcript's label writes them ("А.Ассумани": Azali Assoumani); an initial and surname two
    persons share names neither."""
    found: dict[tuple[str, str], set[str]] = {}
    for words, (name, _) in lex.names:
        if len(words) > 1 and lex.actors[name].kind in PERSONAL_KINDS:
            found.setdefault((fold(words[0][0]), fold(words[-1])), set()).add(name)
    return {key: next(iter(names)) for key, names in found.items() if len(names) == 1}


def romanise(name: str, table: Mapping[str, str]) -> str:
    """A name in Latin letters without diacritics, as English wire services print names:
    transliterated by the language's table, then made plain ("Czesław" -> "Czeslaw": an ASCII
    variant ends in the same surname). A name already in Latin letters whose surname has letters
    of its own keeps its spelling ("Adam Szłapka", "Paweł Wroński"): "Szlapka" would be another
    name."""
    if _latin_with_diacritics(name.split()[-1] if name.split() else name):
        return name
    out = []
    for ch in name:
        rep = table.get(ch.lower())
        if rep is None:
            out.append(ch)
            continue
        out.append(rep[:1].upper() + rep[1:] if ch.isupper() else rep)
    return plain("".join(out))


AS_WRITTEN = "as_written"
NATIVE_AT_HOME = "native_at_home"
PLAIN = "plain"


def spellings(actors: Sequence[Actor], lex: Lexicon) -> dict[str, str]:
    """Listed persons whose surname has diacritics, reported with them: canonical name -> its
    spelling, by the language's `name_spelling` (cues.yaml). `as_written`: where the text writes
    the surname with its diacritics ("President Niinistö" -> "Sauli Niinistö"); `native`: always,
    the text giving no Latin letters ("Ассими Гоита" -> "Assimi Goïta"); `native_at_home`: for the
    persons of the language's home side ("Rafał Leśkiewicz" in Polish), others plain; `plain`: never. The
    canonical names are plain so that every language meets on one key; a plain surname stays
    plain with plain first names ("Radoslaw Sikorski": an English variant that ends in the same
    surname stands for either spelling), and so does a name whose plain form is the English one."""
    mode = lex.cues.name_spelling
    if mode == PLAIN:
        return {}
    spelled = {}
    for actor in actors:
        entry = lex.actors.get(actor.name)
        if entry is None or entry.kind != "person" or entry.plain_in_english or not actor.name.isascii():
            continue
        if mode == NATIVE_AT_HOME and entry.side != lex.home_side:
            continue
        name = _as_written(actor, entry.native) if lex.cues.name_spelling == AS_WRITTEN else entry.native
        if name and not name.split()[-1].isascii():
            spelled[actor.name] = name
    return spelled


def _as_written(actor: Actor, native: str | None) -> str | None:
    """The name as the text writes its surname: the gazetteer's own spelling when the text's
    surname is its surname, else the canonical's words re-spelled by the mentions' words."""
    written = {plain(w).casefold(): w for m in actor.mentions for w in NAME_WORD.findall(m)
               if not w.isascii() and _latin_with_diacritics(w)}
    surname = written.get(actor.name.split()[-1].casefold())
    if surname is None:
        return None
    if native is not None and native.split()[-1].casefold() == surname.casefold():
        return native
    return " ".join(_as_cased(written.get(w.casefold(), w), w) for w in actor.name.split())


def _as_cased(written: str, canonical: str) -> str:
    """The text's spelling in the canonical's case ("NIINISTÖ" in a label -> "Niinistö")."""
    return written if written[1:] == written[1:].lower() or not canonical[1:].islower() else written.capitalize()


def _latin_with_diacritics(word: str) -> bool:
    return word.isalpha() and not word.isascii() and all(
        unicodedata.name(ch, "").split()[:1] == [LATIN_SCRIPT] for ch in word)


class ActorFinder:
    """Finds actor mentions in sentences of one document."""

    def __init__(self, lex: Lexicon, day: dt.date | None, own_side: str | None = None,
                 use_names: bool = True, principals: tuple[str, ...] = ()):
        self.lex = lex
        self.principals = principals    # the parties of the call, once known
        self.use_names = use_names      # trust the backend's person names (real NER only)
        self.day = day
        self.own_side = own_side
        indexes = actor_indexes(lex.lang)
        self.names, self.titles, self.generic = indexes.names, indexes.titles, indexes.generic
        self.groups, self.aides, self.nationalities = indexes.groups, indexes.aides, indexes.nationalities
        self.group_words, self.initialled = indexes.group_words, indexes.initialled
        self.recent: list[str] = []     # canonical persons mentioned so far, most recent last
        self.recent_subjects: list[str] = []    # …of them, those mentioned in the nominative
        self.recent_name_ends: set[str] = set()     # first and last words of their names, folded
        # names the gazetteer lacks, by surname: "Wroński" after "Paweł Wroński" is the same person
        self.full_names: dict[str, str] = {}
        self.translit = lex.cues.transliteration
        # the words between a bare title and its country ("of the Republic of"), and their first words
        links = lex.cues["title_links"].words
        self.link_words = frozenset(part for entry in links for part in entry.split())
        self.link_heads = frozenset(entry.split()[0] for entry in links)
        self.honorifics = frozenset(lex.cues["honorifics"].words)
        self.listed_words = indexes.listed_words

    # ------------------------------------------------------------------ mentions
    def mentions(self, sentence: Sentence) -> list[Mention]:
        words = sentence.words
        endings = self.lex.name_endings
        keys = [word_keys(w, endings) for w in words]
        found: list[Mention] = []
        named_here = self._names_in(words, keys)
        i = 0
        while i < len(words):
            m = self._mention_at(sentence, words, keys, i, named_here)
            if m is None:
                i += 1
                continue
            found.append(m)
            i = m.last
        if self.use_names:
            found.extend(self._ner_mentions(sentence, found))
        found.sort(key=lambda m: m.first)
        found = self._named_officials(sentence, self._aides(sentence, words, keys, found))
        for m in found:
            if m.kind in ("person", "official"):
                self._remember(m.actor, m.case == "Nom")
        return found

    def _names_in(self, words: list[Word], keys: list[set[str]]) -> dict[str, int]:
        """The persons a sentence names by name, each with the index of its last naming. A name
        right after another proper name is someone else's ("First Lady Jill Biden")."""
        hits = ((i, self._name_at(words, keys, i)) for i in range(len(words)))
        return {hit[1]: i for i, hit in hits if hit and self._entry(hit[1]).kind == "person"
                and not self._after_another_name(words, keys, i)}

    def _after_another_name(self, words: list[Word], keys: list[set[str]], i: int) -> bool:
        """Word i follows a proper name that is neither a known name nor a title."""
        before = i - 1
        return before >= 0 and words[before].upos == "PROPN" and self._name_at(words, keys, before) is None \
            and self.generic.match_at(keys, before) is None and self.titles.match_at(keys, before) is None

    def _mention_at(self, sentence: Sentence, words: list[Word], keys: list[set[str]], i: int,
                    named_here: Mapping[str, int] | None = None) -> Mention | None:
        best = self._named_or_titled(words, keys, i) or self._group_at(words, keys, i) or \
            self._generic_at(words, keys, i, named_here) or self._honoured_family_name(words, i)
        if best is None:
            return None
        end, canonical, via = best
        # a title right before a name ("President Biden", "prezydent Putin") is one mention; so is
        # an unnamed-official label before the name it leaves out ("Kremlin spokesman Dmitry Peskov")
        if (via in ("title", "generic") or self._entry(canonical).kind == "official") and end < len(words):
            after = self._name_at(words, keys, end)
            if after and self._entry(after[1]).kind == "person":
                end, canonical, via = after[0], after[1], "name"
        entry = self._entry(canonical)
        kind = "group" if canonical == BOTH else entry.kind
        start, stop = words[i].start, words[end - 1].stop
        return Mention(i, end, canonical, kind, start, stop, sentence_text(sentence, start, stop),
                       words[i].feat("Case") if via != "name" else self._name_case(words, i, end, listed=True),
                       via, "plural" if canonical == BOTH else entry.gender)

    def _honoured_family_name(self, words: list[Word], i: int) -> tuple[int, str, str] | None:
        """An honorific and the first word of a listed person's name mentioned before, a family
        name written first ("Mr Lee" after "Lee Jae-myung", "Mr Xi")."""
        if i + 1 >= len(words) or fold(words[i].text.rstrip(".")) not in self.honorifics or \
                not words[i + 1].text[:1].isupper():
            return None
        family = fold(words[i + 1].text)
        person = next((n for n in reversed(self.recent) if self._entry(n).kind == "person" and
                       len(n.split()) > 1 and fold(n.split()[0]) == family), None)
        return (i + 2, person, "name") if person else None

    def _named_or_titled(self, words, keys, i: int) -> tuple[int, str, str] | None:
        """A gazetteer name, or an office title whose holder on the day is known, whichever is
        longer: (index after it, canonical name, how found)."""
        best: tuple[int, str, str] | None = None
        hit = self._name_at(words, keys, i)
        if hit:
            best = (hit[0], hit[1], "name")
        title = self.titles.match_at(keys, i)
        if title and self._other_country_after(words, keys, title[0], self.lex.offices[title[1]].side):
            title = None        # "Помощник президента Азербайджана": that side's aide, not Russia's
        if title and (best is None or title[0] > best[0]):
            holder = self.lex.offices[title[1]].holder_on(self.day)
            if self._plural(words[title[0] - 1]) and words[title[0] - 1].upos == "NOUN":
                best = (title[0], BOTH, "group")    # an office's title in the plural ("the Vice Presidents")
            elif holder:
                best = (title[0], holder, "title")
        return best

    def _other_country_after(self, words, keys, end: int, side: str | None) -> bool:
        """A country right after an office's title that is not the office's side."""
        country = self._name_at(words, keys, end) if end < len(words) else None
        return country is not None and self._entry(country[1]).kind == "country" and self._entry(country[1]).side != side

    def _group_at(self, words, keys, i: int) -> tuple[int, str, str] | None:
        """A group noun for both principals ("the two leaders", "przywódcy"). Stems conflate
        numbers ("przywódca"/"przywódcy"): a group is never singular, unless the text has the
        listed plural form itself (taggers misread capitalised plurals)."""
        hit = self.groups.match_at(keys, i)
        if hit and not any(w.feat("Number") == "Sing" and fold(w.text) not in self.group_words
                           for w in words[i:hit[0]] if w.upos in NOUNS):
            return hit[0], BOTH, "group"
        return None

    def _generic_at(self, words, keys, i: int,
                    named_here: Mapping[str, int] | None = None) -> tuple[int, str, str] | None:
        """A generic title ("the President", "глава иранского государства", "prezydent Francji"):
        the holder on its country's side, else the text's own principal or the last holder named;
        a plural title is the group of both."""
        hit = self.generic.match_at(keys, i)
        inner = self._inner_nationality(keys, i) if hit is None else None
        if inner is not None:
            hit = inner[0]
        if not hit:
            return None
        after = self._name_at(words, keys, hit[0]) if hit[0] < len(words) else None
        named_later = frozenset(name for name, at in (named_here or {}).items() if at > i)
        holder = self._resolve_generic(hit[1], words[hit[0] - 1].feat("Case") == "Nom", named_later,
                                       _verb_gender(words, hit[0]))
        title_plural = self._plural(_title_head(words, i, hit[0]))
        country = inner[1] if inner is not None else self._country_of_title(words, keys, i, hit[0])
        if country is not None:
            # a side whose office holder the data lacks ("алжирский лидер"): the person the text
            # named whom the gazetteer does not know, never a holder of another side
            holder = self._holder(hit[1], country[0]) or self._unknown_person(country[0])
            hit = (max(hit[0], country[1]), hit[1])
        if after and self._entry(after[1]).kind == "person":
            return after[0], after[1], "name"      # "President Putin"
        if title_plural:
            return hit[0], BOTH, "group"            # "Ministrowie", "the ministers"
        if country is None and self._complement_after(words, keys, hit[0]):
            return None         # "Председатель Африканского союза": the head of a body, no country's office
        return (hit[0], holder, "generic") if holder else None

    def _aides(self, sentence: Sentence, words: list[Word], keys: list[set[str]],
               found: list[Mention]) -> list[Mention]:
        """An aide or office of someone is that side's official: "doradca Macrona" (aide, then
        the mention) or "Macron's office" (the mention, a possessive, then the aide)."""
        out: list[Mention] = []
        for m in found:
            owner_side = self._entry(m.actor).side if m.actor != BOTH else None
            official = self.lex.officials_by_side.get(owner_side or "")
            span = None
            if not (self._entry(m.actor).kind == "official" or official is None and m.actor not in self.lex.actors):
                span = self._aide_span(words, keys, m, found)
            if span is None:
                out.append(m)
                continue
            a, b = span
            start, stop = words[a].start, words[b - 1].stop
            text, case = sentence_text(sentence, start, stop), words[a].feat("Case")
            if official is None:
                # a side without an unnamed-official label: the person speaks through the office
                # ("Netanyahu's office announced")
                out.append(Mention(a, b, m.actor, m.kind, start, stop, text, case, AIDE, m.gender))
            else:
                out.append(Mention(a, b, official, "official", start, stop, text, case, AIDE, "masc"))
        return out

    def _aide_span(self, words: list[Word], keys: list[set[str]], m: Mention,
                   found: list[Mention]) -> tuple[int, int] | None:
        """The words of "aide + mention" or "mention ('s) + aide", unless a named person follows
        ("Trump's envoy Steve Witkoff": the named person)."""
        # an aide word before a person named in the nominative ("spokesman John Kirby", "советник
        # Ушаков") is an apposition: the named aide. The name's own form tells, as taggers misread
        # names ("Советник Макрона": "Макрона" is no lemma, so the owner)
        head = words[m.last - 1]
        apposition = m.kind == "person" and m.case in NOMINATIVE_OR_UNKNOWN and \
            fold(head.text) == fold(head.lemma or head.text)
        span = None
        for start in range(max(0, m.first - 1 - AIDE_BEFORE), m.first):
            h = self.aides.match_at(keys, start)
            if h and h[0] == m.first and not apposition:
                span = (start, m.last)
        # "Macron's office", and English compounds: "an Élysée adviser", "Putin aide"
        after = m.last + (1 if m.last < len(words) and fold(words[m.last].text) in self.lex.cues["possessive_markers"] else 0)
        if span is None and after < len(words):
            h = self.aides.match_at(keys, after)
            if h:
                span = (m.first, h[0])
        # a person named right after, known or found by the name tagger ("rzecznik Departamentu Stanu
        # Matthew Miller"), is the one who speaks
        if span is None or any(n.first in (span[1], span[1] + 1) and n.kind == "person" and n.via in NAMED_VIAS
                               for n in found):
            return None
        return span

    def _inner_nationality(self, keys, i: int) -> tuple[tuple[int, object], tuple[str, int]] | None:
        """A generic title with a nationality adjective inside it ("глава иранского государства",
        "szef francuskiego rządu"): (the title's hit, (side, index after it)), or None."""
        if i + 2 >= len(keys):
            return None
        adj = self.nationalities.match_at(keys, i + 1)
        if not adj or adj[0] != i + 2:
            return None
        hit = self.generic.match_at(keys[:i + 1] + keys[i + 2:], i)
        if hit is None or hit[0] <= i + 1:
            return None          # the title must go on past the adjective
        end = hit[0] + 1
        return (end, hit[1]), (adj[1], end)

    def _country_of_title(self, words, keys, i: int, end: int) -> tuple[str, int] | None:
        """The country a bare title names: a nationality adjective before it ("turecki prezydent",
        "the French President") or the country after it ("prezydent Francji", "President of
        France"). Returns (side, index after the title phrase)."""
        for j in range(max(0, i - NATIONALITY_WORDS), i):     # "Sri Lankan leader", "South Sudanese President"
            adj = self.nationalities.match_at(keys, j)
            if adj and adj[0] == i:
                return adj[1], end
        owner = self._possessor_before(words, keys, i)
        if owner is not None:
            return owner, end
        k = end + self.lex.cues["title_links"].match_at([fold(w.text) for w in words], end)
        if k < len(words):
            country = self._name_at(words, keys, k)
            if country and self._entry(country[1]).kind == "country":
                return self._entry(country[1]).side, country[0]
        return None

    def opening_title(self, sentence: Sentence) -> tuple[str, int] | None:
        """The role of a bare title that opens the sentence ("The Prime Minister spoke to …"), and
        the index after it: no name after it, no country by it; a determiner may stand before it."""
        words = sentence.words
        keys = [word_keys(w, self.lex.name_endings) for w in words]
        for i in range(min(OPENING_TITLE_REACH, len(keys))):
            hit = self.generic.match_at(keys, i)
            if hit is None:
                continue
            # a name after it, listed or not ("President Costa's phone call"), is no bare title
            named = hit[0] < len(keys) and (self._name_at(words, keys, hit[0]) is not None or
                                            words[hit[0]].text[:1].isupper())
            return None if named or self._country_of_title(words, keys, i, hit[0]) else (hit[1], hit[0])
        return None

    def side_holding(self, role: str, sides: Iterable[str]) -> str | None:
        """The first of `sides` with a holder of `role` on the day."""
        return next((side for side in sides if self._holder(role, side)), None)

    def _complement_after(self, words: list[Word], keys, end: int) -> bool:
        """A complement right after a bare title that names no country: a genitive ("Председатель
        Африканского союза", "przewodniczący Rady Europejskiej") or a link word ("President of the
        European Council")."""
        if end >= len(words):
            return False
        if words[end].feat("Case") == GENITIVE and words[end].upos in ("NOUN", "PROPN", "ADJ"):
            return True
        return self.lex.cues["title_links"].match_at([fold(w.text) for w in words], end) > 0

    def _possessor_before(self, words, keys, i: int) -> str | None:
        """The side of a country whose possessive stands before the title, adjectives between
        ("South Korea's president", "Japan's new prime minister")."""
        k = i - 1
        while k >= 0 and words[k].upos == "ADJ" and i - k <= POSSESSOR_ADJECTIVES:
            k -= 1
        if k < 1 or fold(words[k].text) not in self.lex.cues["possessive_markers"]:
            return None
        for j in range(max(0, k - COUNTRY_WORDS), k):
            country = self._name_at(words, keys, j)
            if country and country[0] == k and self._entry(country[1]).kind == "country":
                return self._entry(country[1]).side
        return None

    def _holder(self, role: str, side: str) -> str | None:
        """The holder of a role on one side; of several ("the Israeli leader": president or
        prime minister), the principal of the call, else the one mentioned last."""
        holders = [h for key, office in self.lex.offices.items()
                   if self.lex.fills(key, role) and office.side == side and (h := office.holder_on(self.day))]
        for name in self.principals:
            if name in holders:
                return name
        for name in reversed(self.recent):
            if name in holders:
                return name
        return holders[0] if holders else None

    def _unknown_person(self, side: str) -> str | None:
        """Who a title of `side` with no known office holder means ("the Nigerian leader"): the
        person of that side the text named most recently, if the gazetteer knows one; else the
        most recently named person it does not know."""
        known = [name for name in self.recent if self._entry(name).side == side]
        if known:
            return next((name for name in reversed(known) if self._entry(name).kind == "person"), None)
        return next((name for name in reversed(self.recent) if name not in self.lex.actors), None)

    @staticmethod
    def _plural(word: Word) -> bool:
        return word.feat("Number") == "Plur"

    def _entry(self, canonical: str):
        return self.lex.actors.get(canonical) or _UNKNOWN

    def _name_at(self, words: list[Word], keys: list[set[str]], i: int) -> tuple[int, str] | None:
        """A gazetteer name at word i whose capitalisation fits: data names written in capitals
        ("US") match only capitals, never the pronoun "us"; capitalised names only capitalised words."""
        hit = self.names.match_at(keys, i)
        if not hit:
            return None
        end, (canonical, caps) = hit
        for w, cap in zip(words[i:end], caps):
            if cap == "upper" and not w.text.isupper():
                return None
            if cap == "title" and not w.text[:1].isupper():
                return None
        return end, canonical

    def _name_case(self, words: list[Word], i: int, end: int, listed: bool = False) -> str | None:
        """The case the morphology gives a mention's first word that has one (its title's, or its
        name's), a name misread as a common word aside ("Kim" as an adjective says nothing). For
        a gazetteer name it does not know, in a language with case endings, oblique when its last
        word is none of the listed forms."""
        cases = [w.feat("Case") for w in words[i:end] if w.feat("Case") and not _misread_name(w)]
        if cases:
            return cases[0]
        if listed and self.lex.name_endings and fold(words[end - 1].text) not in self.listed_words:
            return OBLIQUE
        return None

    def _resolve_generic(self, role: str, nominative: bool = False,
                         named_later: frozenset[str] = frozenset(), gender: str | None = None) -> str | None:
        """A bare title ("the President", "глава государства"): in a readout, its own principal
        when that principal holds such an office; else the most recently mentioned holder of one
        ("поблагодарил премьер-министра" in a Kremlin readout of a call with India's PM). A title
        never stands for a person its own sentence names after it ("The President called President
        Erdogan"); in the press, with no other holder left, it is the home side's ("the
        President" of a White House briefing that never names him)."""
        holders = self._holders(role, named_later, gender)
        if self.own_side:
            # the readout's own principal; when the text never names him (a Downing Street
            # readout says only "The Prime Minister"), the holder of the office on its side
            own_known = any(self._entry(p).side == self.own_side for p in self.principals)
            for holder, side in holders.items():
                if side == self.own_side and (not own_known or holder in self.principals):
                    return holder
        # elsewhere, the one party of the call who holds such an office
        in_call = [holder for holder in holders if holder in self.principals]
        if len(in_call) == 1 and not self.own_side:
            return in_call[0]
        # in the press, the holder on the side whose press writes in the language, once named
        # ("глава государства" in a Russian story of Putin's call with Kim is Putin)
        home = next((name for name in self.recent if holders.get(name) == self.lex.home_side), None)
        if home is not None and not self.own_side:
            return home
        # a title as subject continues the narrator's last subject of that office ("Duda zapewnił
        # tureckiego przywódcę, że … Jak dodał, prezydent podkreślił": Duda), where case tells
        for name in (reversed(self.recent_subjects) if nominative else ()):
            if name in holders:
                return name
        for name in reversed(self.recent):
            if name in holders:
                return name
        if named_later and not self.own_side:
            return next((name for name, side in holders.items() if side == self.lex.home_side), None)
        return None

    def _holders(self, role: str, named_later: frozenset[str], gender: str | None) -> dict[str, str | None]:
        """The holders on the day of the offices that fill `role`, with their sides."""
        holders: dict[str, str | None] = {}
        for key, office in self.lex.offices.items():
            if self.lex.fills(key, role):
                holder = office.holder_on(self.day)
                if holder and holder not in named_later and self._agrees(holder, gender):
                    holders[holder] = office.side
        return holders

    def _agrees(self, name: str, gender: str | None) -> bool:
        """Whether a person may be of `gender` (unknown genders agree with any)."""
        own = self._entry(name).gender
        return gender is None or own is None or own == gender

    def _remember(self, name: str, subject: bool = False) -> None:
        if name in self.recent:
            self.recent.remove(name)
        else:
            words = name.split()
            if len(words) > 1:
                self.recent_name_ends.update((fold(words[0]), fold(words[-1])))
        self.recent.append(name)
        if subject:
            if name in self.recent_subjects:
                self.recent_subjects.remove(name)
            self.recent_subjects.append(name)

    def _ner_mentions(self, sentence: Sentence, found: list[Mention]) -> Iterator[Mention]:
        """Person names the gazetteer lacks, from the backend's name spans."""
        words = sentence.words
        for span in sentence.names:
            if span.label != "PER" and not self._part_of_recent_name(span.text):
                continue
            kept = self._name_words(words, span, found)
            if kept is None:
                continue
            idx, trimmed = kept
            name_words = [words[k] for k in idx]
            start, stop = name_words[0].start, name_words[-1].stop
            text = sentence_text(sentence, start, stop)
            # judged once the words before the name are off ("[MSZ] Łukasz Jasina")
            if not plausible_person(text):
                continue
            # in the nominative the name is its own lemma; a lemmatiser guessing at a foreign
            # name would only garble it ("Horne" → "Horny")
            # a capitalised name misread as a common word ("Kim": "ki") keeps its surface too, and so
            # does a name the morphology does not know right before a finite verb, its subject
            # ("Martin Půta ostrzegł": no "Půt")
            subject = _before_finite_verb(words, idx[-1] + 1)
            # right before a finite verb, not after a noun or preposition governing it, a name is the verb's
            # subject whatever case a tagger guessing at a foreign name gave it ("Анура Кумара
            # Дисанаяка проинформировал": not the genitive of "Анур Кумар")
            nominative = subject and (idx[0] == 0 or words[idx[0] - 1].upos not in GOVERNING_UPOS) or \
                all(w.feat("Case") == "Nom" or _misread_name(w) or
                    w.feat("Case") is None and (subject or fold(w.text) == fold(w.lemma or w.text)) for w in name_words)
            lemma = " ".join(w.lemma or w.text for w in name_words) if trimmed else span.lemma
            # an initial stands apart from the surname ("С.Чанда": "S. Chanda")
            written = romanise(text if nominative else lemma or text, self.translit).replace(".", ". ")
            canonical = self._initialled_person(text) or self._addressed_person(lemma or text) or \
                self._full_name(" ".join(written.split()), [m.actor for m in found if m.stop <= start])
            # a title no holder of which the data knows ("Prime Minister [Mia Mottley]") is part of
            # the name's mention, which stands where the title does ("spoke to Prime Minister …")
            first = self._title_before(words, idx[0])
            yield Mention(first, idx[-1] + 1, canonical, "person", words[first].start, stop,
                          sentence_text(sentence, words[first].start, stop),
                          None if subject and nominative else
                          self._name_case(words, idx[0], idx[-1] + 1) or (None if nominative else OBLIQUE), "ner", None)

    def _part_of_recent_name(self, text: str) -> bool:
        """A single word that a person named before in full has as the first or last word of the
        name ("Wang" after "Wang Yi", "Klaveren" after "Alberto van Klaveren"): that person, even
        where the backend took the word for no name (a dictionary word: "wang")."""
        return len(text.split()) == 1 and fold(text) in self.recent_name_ends

    def _named_officials(self, sentence: Sentence, found: list[Mention]) -> list[Mention]:
        """An official's title right before a person's name is that person ("Официальный
        представитель МИД КНР Мао Нин", "spokesperson Matthew Miller"), and so is a leader's title
        read as the leader the text has in mind ("Premier Michal" is not Tusk, whom "premier" meant
        so far): the title is no mention of its own. So is a title whose complement stands between
        it and the name ("Президент Сенегала Макки Салл", "the President of Senegal Macky Sall"),
        and each title of a chain of them ("Председатель Африканского союза, президент Коморских
        Островов Азали Ассумани"); the name's mention then starts at the title, where its subject
        stands."""
        words = sentence.words
        named = {n.first: n for n in found if n.kind == "person" and n.via in NAMED_VIAS}
        titles = [m for m in found if m.kind == "official" or m.via == GENERIC_VIA]
        starts: dict[int, int] = {}         # a named mention's first word → where its titles start
        for m in sorted(titles, key=lambda m: -m.first):
            name_at = self._name_after_title(words, m.last, named, chained=set(starts.values()))
            if name_at is not None:
                named[m.first] = named[name_at]
                starts[named[name_at].first] = m.first
        out = []
        for m in found:
            if m.first in named and named[m.first] is not m:
                continue
            first = starts.get(m.first, m.first) if m.first in named else m.first
            if first != m.first:
                start = words[first].start
                m = replace(m, first=first, start=start, text=sentence_text(sentence, start, m.stop))
            out.append(m)
        return out

    def _name_after_title(self, words: list[Word], i: int, named: Mapping[int, Mention],
                          chained: set[int]) -> int | None:
        """Where a name starts that words from i on lead to: at once, or after a title's complement
        of a few words (genitives: "Сенегала", "Senegalu"; "of" and proper nouns: "of the
        Comoros"); a comma only before another title of the same name (`chained`), as one before
        a name ends a phrase ("According to the Italian official, Meloni pressed")."""
        end = i
        while end - i <= TITLE_COMPLEMENT and end < len(words):
            if end in named:
                return end
            if words[end].text == "," and end + 1 in chained:
                return end + 1
            word = words[end]
            if not (word.feat("Case") == "Gen" or fold(word.text) in self.link_words
                    or word.feat("Case") is None and word.upos == "PROPN" and end > i):
                return None
            end += 1
        return None

    def _name_words(self, words: list[Word], span: NameSpan, found: list[Mention]) -> tuple[list[int], bool] | None:
        """The indices of a name span's words that name the person, and whether any were cut off;
        None when the span is another mention."""
        idx = [k for k, w in enumerate(words) if w.start >= span.start and w.stop <= span.stop]
        # a span that takes in a mention found before the name ("[Rzecznik] Departamentu Stanu
        # Matthew Miller") keeps the words after it; one overlapping otherwise is that mention
        covered = [k for k in idx if any(m.first <= k < m.last for m in found)]
        idx = self._before_place_of_origin(words, idx, covered)
        covered = [k for k in covered if k in idx]
        if covered and (covered != idx[:len(covered)] or len(covered) == len(idx)):
            return None
        # the rest of a known person's longer name is that person's ("Bernardo Arévalo [de León]")
        if any(m.kind == "person" and m.via == "name" and m.first <= k < m.last for k in covered for m in found):
            return None
        idx = idx[len(covered):]
        # a tagger's span may take in the capitalised adjective of a preceding proper name
        # ("Rady Bezpieczeństwa Narodowego Emily Horne"): a person's name is proper nouns only
        trimmed = bool(covered)
        while len(idx) > 1 and (words[idx[0]].upos not in ("PROPN", None, "X") or _acronym(words[idx[0]].text)):
            idx, trimmed = idx[1:], True
        idx, cut = self._after_inner_title(words, idx)
        idx, carded = _before_name_card(words, idx)
        if all(fold(words[k].text.rstrip(".")) in self.honorifics or self._bare_title(words, k) for k in idx):
            return None         # "Mr" left of "Mr Albanese's office"; "господин Президент" names no one
        return (idx, trimmed or cut or carded)

    def _bare_title(self, words: list[Word], k: int) -> bool:
        """Word k alone is a generic title ("Президент" of "господин Президент")."""
        hit = self.generic.match_at([word_keys(words[k], self.lex.name_endings)], 0)
        return hit is not None and hit[0] == 1

    def _title_before(self, words: list[Word], i: int) -> int:
        """Where a title that ends right before word i starts, else i."""
        lo = max(0, i - TITLE_WORDS)
        keys = [word_keys(w, self.lex.name_endings) for w in words[lo:i + 1]]
        for k in range(len(keys) - 1):
            hit = self._title_at(keys, k)
            if hit and lo + hit[0] == i:
                return lo + k
        return i

    def _title_at(self, keys: list[set[str]], k: int) -> tuple[int, object] | None:
        """A generic or office title starting at word k of `keys`: (index after it, its key)."""
        return self.generic.match_at(keys, k) or self.titles.match_at(keys, k)

    def _before_place_of_origin(self, words: list[Word], idx: list[int], covered: list[int]) -> list[int]:
        """A tagger's name span may run on into the place the person is of ("Abdelmadjid Tebboune
        [of Algeria]", "Macky Sall [of Senegal]"): the name ends before the link word."""
        for n, k in enumerate(idx[1:], 1):
            named_before = any(words[j].upos == "PROPN" for j in idx[:n])
            if named_before and fold(words[k].text) in self.link_heads and n + 1 < len(idx) and \
                    (idx[n + 1] in covered or words[idx[n + 1]].text[:1].isupper()):
                return idx[:n]
        return idx

    def _after_inner_title(self, words: list[Word], idx: list[int]) -> tuple[list[int], bool]:
        """A tagger's name span may take in the title before the name ("[Palestinian Authority
        President] Mahmoud Abbas"): the name is what follows the last title inside it."""
        endings = self.lex.name_endings
        keys = [word_keys(words[k], endings) for k in idx]
        cut = 0
        for n in range(len(idx) - 1):
            hit = self._title_at(keys, n)
            if hit and hit[0] < len(idx):
                cut = hit[0]
        return idx[cut:], cut > 0

    def _addressed_person(self, lemma: str) -> str | None:
        """A first name and a patronymic, as Russians address a person ("Сергей Викторович",
        "Гурбангулы Мяликгулыевич"): the person of that first name the text named before, else
        the one listed person who bears it."""
        words = lemma.split()
        patronymics = self.lex.cues["patronymic_endings"]
        if len(words) != 2 or not any(fold(words[1]).endswith(e) for e in patronymics.words):
            return None
        bearers = actor_indexes(self.lex.lang).by_first_name.get(fold(words[0]), frozenset())
        named = [n for n in reversed(self.recent) if n in bearers]
        return named[0] if named else next(iter(bearers)) if len(bearers) == 1 else None

    def _initialled_person(self, text: str) -> str | None:
        """The listed person an initial and a surname stand for ("А.Ассумани", "T. Sisoulith")."""
        return initialled_person(self.lex.lang, text)

    def _full_name(self, name: str, before: Sequence[str] = ()) -> str:
        """A surname alone is the person the text named in full before (earlier in the text, or in
        the sentence: `before`), and so is an initial and that surname ("A. Sirisena" after "Anura
        Sirisena") or an honorific and that surname ("Mr Li" after "Premier Li Qiang"); a full
        name is remembered."""
        words = name.split()
        honorifics = self.lex.cues["honorifics"]
        if len(words) > 1 and fold(words[0].rstrip(".")) in honorifics:
            surname = self._full_name(" ".join(words[1:]), before)
            if surname != " ".join(words[1:]):
                return surname      # the honorific names someone named in full before
        if not words:
            return name
        named = self.full_names.get(fold(words[-1]))
        if len(words) == 2 and INITIAL_AND_SURNAME.match(name) and named and fold(named[0]) == fold(name[0]):
            return named
        if len(words) == 1:
            # a surname written first ("Kim" after "Kim Jong Un", "Kim Sung-han") is that person too
            earlier = [*self.recent, *before]
            first_named = (n for n in reversed(earlier) if len(n.split()) > 1 and fold(n.split()[0]) == fold(name))
            last_named = (n for n in reversed(before) if len(n.split()) > 1 and fold(n.split()[-1]) == fold(name))
            return self.full_names.get(fold(name)) or next(first_named, None) or next(last_named, name)
        self.full_names.setdefault(fold(words[-1]), name)
        return name


@dataclass(frozen=True)
class _Unknown:
    kind: str = "person"
    side: str | None = None
    gender: str | None = None
    account: str | None = None


_UNKNOWN = _Unknown()


def _title_head(words: list[Word], first: int, stop: int) -> Word:
    """A title's head noun: its first word in the nominative ("министр иностранных дел": not the
    genitive plural "дел"), else, where words show no case (English), its last ("the Vice Presidents")."""
    return next((w for w in words[first:stop] if w.feat("Case") == "Nom"), words[stop - 1])


def _before_name_card(words: list[Word], idx: list[int]) -> tuple[list[int], bool]:
    """A name without the card a flattened page runs into it ("Оксана Лут [Лут Оксана Николаевна]"):
    it ends before its first repeated word."""
    seen: set[str] = set()
    for n, k in enumerate(idx):
        if fold(words[k].text) in seen:
            return idx[:n], True
        seen.add(fold(words[k].text))
    return idx, False


def unify_unknown_names(mentions: Sequence[Sequence[Mention]]) -> tuple[tuple[Mention, ...], ...]:
    """A person the gazetteer lacks is named, in every mention, as the text names him in the
    nominative ("Ануре Кумаре Дисанаяке передано …" is "Anura Kumara Disanayaka", as in "Анура Кумара
    Дисанаяка проинформировал"): the first such form of names whose words share their stems."""
    named: dict[tuple[str, ...], str] = {}
    unknown = [m for ms in mentions for m in ms if m.via == "ner"]
    # a subject's form first (its case left open), then one the tagger read as nominative
    for m in [m for m in unknown if m.case is None] + [m for m in unknown if m.case == "Nom"]:
        named.setdefault(_stems(m.actor), m.actor)
    return tuple(tuple(replace(m, actor=named.get(_stems(m.actor), m.actor)) if m.via == "ner" else m for m in ms)
                 for ms in mentions)


def _stems(name: str) -> tuple[str, ...]:
    return tuple(fold(w)[:NAME_STEM_LETTERS] for w in name.split())


def _before_finite_verb(words: list[Word], k: int) -> bool:
    """A finite verb at k, or after a particle or adverb there ("Mykoła Solski nie odrzucił")."""
    while k < len(words) and words[k].upos in ("PART", "ADV") and words[k].text.isalpha():
        k += 1
    return k < len(words) and words[k].upos in ("VERB", "AUX") and words[k].feat("VerbForm") in (None, "Fin")


def _misread_name(word: Word) -> bool:
    """A capitalised word the morphology read as a common word other than a noun ("Kim" as an
    adjective, "ki"): inside a name its case and lemma are the misreading's."""
    return word.text[:1].isupper() and word.upos not in NOUNS and not (word.lemma or "")[:1].isupper()


def _verb_gender(words: list[Word], after: int) -> str | None:
    """The gender of a finite verb right after a title ("Pani premier podkreśliła": fem), which
    the title's holder must have."""
    if after < len(words) and words[after].upos in ("VERB", "AUX"):
        return GENDER_OF_FEATURE.get(words[after].feat("Gender") or "")
    return None


def _acronym(word: str) -> bool:
    """"MSZ", "NATO": capitals only, more than an initial."""
    letters = word.rstrip(".")
    return len(letters) > 1 and letters.isupper()


def plausible_person(text: str) -> bool:
    """A person's name: capitalised words, no acronyms, no compounds of an acronym ("AI-related";
    "Tae-yul", "Kosiniak-Kamysz" are names)."""
    parts = text.split()
    if not NAME_WORD.search(text):
        return False        # initials and abbreviations alone ("Jr.") name no one; "Li", "А.Ибрагим" do
    return all(p[:1].isupper() and not p.isupper() and not p.split("-")[0].isupper()
               for p in parts if p.isalpha() or "-" in p)


def sentence_text(sentence: Sentence, start: int, stop: int) -> str:
    return sentence.text[start - sentence.start: stop - sentence.start]


def collect_actors(mentions: list[Mention], lex: Lexicon) -> list[Actor]:
    """The document's actors with the surface forms they were mentioned by, in order of first mention."""
    actors: dict[str, Actor] = {}
    for m in mentions:
        if m.actor == BOTH:
            continue
        actor = actors.setdefault(m.actor, Actor(m.actor, m.kind, []))
        if m.text not in actor.mentions:
            actor.mentions.append(m.text)
    return list(actors.values())
