"""The language data that extraction reads, validated on load and compiled once.

Files (see each file's header comment): `lang/actors.yaml`, `lang/offices.yaml`,
`lang/act_concepts.yaml`, `lang/roles.yaml` (shared) and `lang/<xx>/concepts.yaml` (the words of
each act concept), `reporting.yaml`, `cues.yaml`, `titles.yaml` (per language, same keys everywhere).
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterable, Mapping, Sequence

from readouts.errors import DataError
from readouts.lang import load_data
from readouts.lang.schema import Choice, Either, check_unique
from readouts.model import ACTS

# cues.yaml entries that are not word lists
NON_CLASS_CUES = frozenset({"verb_endings", "transliteration", "name_endings", "agents", "name_spelling"})
GAP = "…"           # in a multi-word data entry: words may come between ("по … словам")
CUE_GAP = 2         # how many, in a cue: "по его словам", "по её же словам"
ACTOR_KINDS = Choice("person", "country", "institution", "official", "media")
GENDERS = Choice("masc", "fem", "plural")
INSTITUTION = "institution"
DATE = Either(str, dt.date)

# the words that carry an act are concepts (CONCEPT_WORDS_SCHEMA); reporting.yaml keeps the rest
REPORTING_SCHEMA = {
    "frames": [str],
    "light_verbs": [str],
    "joint_acts": {str: Choice(*ACTS)},
}
UNNAMED_OFFICIAL = "official"       # the noun of a derived unnamed-official label
# lang/act_concepts.yaml: the act concepts, whatever the language; lang/<xx>/concepts.yaml: their words
CONCEPTS_SCHEMA = {str: {"act": Choice(*ACTS), "doc": str, "negated?": Choice(*ACTS)}}
CONCEPT_WORDS_SCHEMA = {str: {"verbs?": [str], "nouns?": [str], "phrases?": [str]}}
CUES_SCHEMA = {
    "negation": {"particles": [str], "determiners": [str], "exceptions": [str], "concessive_before": Either([str], list),
                 "retractions": [str], "own_reports": [str], "corrections": [str]},
    "hedges": {"auxiliaries": Either([str], list), "adverbs": [str]},
    "conditions": [str],
    "nominal_conditions": [str],
    "addressee_prepositions": [str],
    "obligation": [str],
    "emphasis_objects": [str],
    "consequences": [str],
    "persistence": [str],
    "limit_conditions": [str],
    "questioner_roles": [str],
    "label_titles": [str],
    "patronymic_endings": Either([str], list),
    "threats": [str],
    "complementizers": [str],
    "clause_breaks": [str],
    "relatives": [str],
    "cleft_frames": [str],
    "attribution": [str],
    "publishing": [str],
    "source_only": [str],
    "institution_places": [str],
    "question_openers": [str],
    "pronouns": {"masc": [str], "fem": [str], "plural": [str]},
    "possessives": {"masc": [str], "fem": [str], "plural": [str]},
    "commitment_auxiliaries": [str],
    "phase_auxiliaries": Either([str], list),
    "phase_openers": Either([str], list),
    "purpose_participles": Either([str], list),
    "quoted_as": {"verbs": Either([str], list), "markers": Either([str], list)},
    "background": [str],
    "call_event": [str],
    "questions": [str],
    "quote_attribution_dashes": [str],
    "name_endings": [str],
    "verb_endings": Either([[str]], list),
    "transliteration?": {str: Either(str, Choice(""))},   # a letter may vanish: ъ, ь
    "name_spelling?": Choice("as_written", "native", "native_at_home", "plain"),
    "possessive_markers": Either([str], list),
    "infinitive_markers": Either([str], list),
    "title_links": Either([str], list),
    "question_labels": [str],
    "speaker_roles": [str],
    "honorifics": [str],
    "honorific_titles": [str],
    "first_person": [str],
    "second_person": [str],
    "performative_auxiliaries": [str],
    "permission_verbs": [str],
    "pleasantries": [str],
    "welcomes": [str],
    "acceptances": [str],
    "hortatives": [str],
    "assents": [str],
    "attribution_markers": [str],
    "topic_openers": [str],
    "negative_answers": [str],
    "naming_verbs": [str],
    "evaluations": {"support": [str], "concern": [str], "reject": [str]},
    "thanks_words": [str],
    "conditional_mood": [str],
    "pledge_auxiliaries": [str],
    "obligation_openers": [str],
    "speaker_pronouns": [str],
    "latter_pronouns": [str],
    "own_side_nouns": [str],
    "own_side_possessives": [str],
    "first_person_singular": [str],
    "past_person_endings": Either([str], list),
    "speaker_marks": [str],
    "agents": {str: str},
    "genitive_links": Either([str], list),
    "call_nouns": [str],
    "setting_prepositions": [str],
    "account_nouns": [str],
    "call_verbs": [str],
    "purpose_markers": [str],
}
TITLES_SCHEMA = {
    "offices": {str: [str]},
    "generic": {str: [str]},
    "home_side": str,
    "both": [str],
    "aides": [str],
    "officials": [str],
    "bodies": {str: str},         # a body's noun -> its English noun ("ministerstwo": "Ministry")
    "counterparts": [str],
    "nationalities": {str: [str]},
}
ACTORS_SCHEMA = {str: {
    "kind": ACTOR_KINDS,
    "side?": str,
    "gender?": GENDERS,
    "account?": str,
    "plain_in_english?": bool,
    "names": {"en": [str], "pl": [str], "ru": [str]},
}}
ROLES_SCHEMA = {str: [str]}
LETTERS_SCHEMA = {str: str}
OFFICES_SCHEMA = {str: {
    "side": str,
    "holders": [{"name": str, "from": DATE, "to?": DATE}],
}}


def fold(text: str) -> str:
    """Case-fold and unify the letters that vary in spelling (`lang/letters.yaml`: ё/е,
    typographic apostrophes): the one comparison form of every word the data lists and every
    word of a text."""
    return unicodedata.normalize("NFC", text).casefold().translate(_letter_table())


@cache
def _letter_table() -> dict[int, str]:
    return str.maketrans(load_data("letters", None, LETTERS_SCHEMA))


def plain(text: str) -> str:
    """Latin letters without diacritics, as English wire services print names ("Niinistö" ->
    "Niinisto", "Błaszczak" -> "Blaszczak"): accents fall off by Unicode decomposition, the
    letters of `lang/plain_letters.yaml` have none."""
    decomposed = unicodedata.normalize("NFD", text.translate(_plain_table()))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@cache
def _plain_table() -> dict[int, str]:
    return str.maketrans(load_data("plain_letters", None, LETTERS_SCHEMA))


@dataclass(frozen=True)
class WordClass:
    """A list of words and multi-word cues from the data, folded once at load.

    `in` tests one folded word against the whole entries (a multi-word entry never equals one
    word); `match_at` and `occurs` find entries as runs of consecutive words, where "…" in an
    entry lets up to CUE_GAP words come between ("по … словам" matches "по его словам")."""
    words: frozenset[str]
    by_first: Mapping[str, tuple[tuple[str, ...], ...]]   # entries split into words, by first word, longest first
    raw: frozenset[str]                                    # the entries as written (characters, marks)

    @classmethod
    def of(cls, entries: Iterable[str]) -> "WordClass":
        entries = list(entries)
        folded = [fold(e) for e in entries]
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for entry in folded:
            parts = tuple(entry.split())
            if parts and GAP in (parts[0], parts[-1]):
                raise DataError(f"{entry!r}: an entry starts or ends with a gap ({GAP})")
            if parts and parts not in by_first.get(parts[0], []):
                by_first.setdefault(parts[0], []).append(parts)
        return cls(frozenset(folded),
                   {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
                   frozenset(entries))

    def __contains__(self, form: object) -> bool:
        return form in self.words

    def __bool__(self) -> bool:
        return bool(self.words)

    def match_at(self, forms: Sequence[str], i: int, stop: int | None = None) -> int:
        """The number of words of the longest entry that starts at forms[i] and ends before
        `stop` (default: the end), inserted words included, or 0."""
        stop = len(forms) if stop is None else stop
        for entry in self.by_first.get(forms[i], ()) if i < stop else ():
            end = _entry_end(entry, forms, i, stop)
            if end is not None:
                return end - i
        return 0

    def occurs(self, texts: Sequence[str], lemmas: Sequence[str], start: int = 0, stop: int | None = None) -> bool:
        """Whether an entry occurs as consecutive folded words, or as consecutive lemmas, within
        [start, stop)."""
        stop = len(texts) if stop is None else stop
        return any(self.match_at(texts, i, stop) or self.match_at(lemmas, i, stop) for i in range(start, stop))


def _entry_end(entry: tuple[str, ...], forms: Sequence[str], i: int, stop: int) -> int | None:
    """Where `entry` ends when matched from forms[i] (a gap takes the fewest words that let the
    rest match), or None."""
    if not entry:
        return i
    if entry[0] == GAP:
        ends = (_entry_end(entry[1:], forms, i + skip, stop) for skip in range(CUE_GAP + 1))
        return next((end for end in ends if end is not None), None)
    if i < stop and forms[i] == entry[0]:
        return _entry_end(entry[1:], forms, i + 1, stop)
    return None


@dataclass(frozen=True)
class Cues:
    """`cues.yaml` of one language, folded once: every word list as a WordClass, keyed by its
    name in the file (nested lists by a dotted path: "negation.particles", "pronouns.masc")."""
    classes: Mapping[str, WordClass]
    verb_endings: tuple[tuple[str, str], ...]    # regular endings and their replacement
    transliteration: Mapping[str, str]
    agents: Mapping[str, str] = field(default_factory=dict)   # agent marker -> the case it takes ("any")
    # how a listed person's name is reported: as the text spells it, in its native Latin spelling
    # (the gazetteer's, for a text in another script), or plain (the canonical name)
    name_spelling: str = "plain"

    def __getitem__(self, name: str) -> WordClass:
        return self.classes[name]

    @classmethod
    def of(cls, raw: Mapping[str, Any], where: str = "cues.yaml") -> "Cues":
        lists = {}
        for key, value in raw.items():
            if key not in NON_CLASS_CUES:
                lists.update({f"{key}.{sub}": v for sub, v in value.items()} if isinstance(value, dict) else {key: value})
        classes: dict[str, WordClass] = {}
        for name, entries in lists.items():
            try:
                classes[name] = WordClass.of(entries or [])
            except DataError as e:
                raise DataError(f"{where}: {name}: {e}") from None
        endings = tuple((fold(a), fold(b)) for a, b in raw.get("verb_endings") or [])
        classes["agent_markers"] = WordClass.of(raw.get("agents") or {})
        agents = {fold(k): v for k, v in (raw.get("agents") or {}).items()}
        return cls(classes, endings, dict(raw.get("transliteration") or {}), agents,
                   raw.get("name_spelling", "plain"))


@dataclass(frozen=True)
class ActorEntry:
    name: str
    kind: str
    side: str | None
    gender: str | None
    account: str | None
    plain_in_english: bool = False     # English writes the name plain, whatever the text does ("Erdogan")
    native: str | None = None          # the name in its own Latin spelling, when not plain ("Assimi Goïta")


@dataclass(frozen=True)
class Office:
    key: str
    side: str
    holders: tuple[tuple[str, dt.date, dt.date | None], ...]

    def holder_on(self, day: dt.date | None) -> str | None:
        if day is None:
            return self.holders[-1][0]
        for name, start, end in self.holders:
            if start <= day and (end is None or day < end):
                return name
        return None


@dataclass(frozen=True)
class Lexicon:
    """Everything extraction knows about one language, compiled for lookup."""
    lang: str
    verb_acts: dict[str, str]              # lemma -> act
    frames: frozenset[str]
    light_verbs: frozenset[str]
    light_nouns: dict[str, str]            # noun lemma -> act
    phrases: tuple[tuple[tuple[str, ...], str], ...]   # (words with "…" gaps, act)
    concept_of: Mapping[tuple[str, str], str]   # ("verbs" | "nouns" | "phrases", folded word) -> its concept
    negated_acts: Mapping[str, str]        # concept -> its act when negated ("did not rule out": state)
    joint_acts: dict[str, str]
    cues: Cues
    offices_by_title: tuple[tuple[tuple[str, ...], str], ...]   # (title words, office key)
    generic_titles: tuple[tuple[tuple[str, ...], str], ...]     # (title words, role)
    home_side: str                        # whose holder a bare title in the press means first
    both_groups: tuple[tuple[str, ...], ...]
    aides: tuple[tuple[str, ...], ...]
    counterparts: frozenset[str]
    official_nouns: frozenset[str]        # nouns for an unnamed official or source
    body_nouns: dict[str, str]            # nouns for a body the gazetteer does not name -> English noun
    nationalities: tuple[tuple[tuple[str, ...], str], ...]   # (adjective words, side)
    officials_by_side: dict[str, str]      # side -> its unnamed-official label ("US official")
    derived_officials: dict[str, str]      # side -> a label from its English adjective ("Saudi official")
    names: tuple[tuple[tuple[str, ...], tuple[str, tuple[str, ...]]], ...]   # (words, (canonical, capitalisation))
    actors: dict[str, ActorEntry]
    offices: dict[str, Office]
    name_endings: tuple[str, ...]
    roles: Mapping[str, tuple[str, ...]]   # a generic role -> the offices that fill it (lang/roles.yaml)

    def fills(self, office_key: str, role: str) -> bool:
        """Whether an office (key "<side>_<office>") fills a generic role ("leader": a president,
        chancellor or prime minister)."""
        office = office_key.split("_", 1)[1]
        return office in self.roles.get(role, (role,))

    def official_of(self, side: str | None) -> str | None:
        """The unnamed-official label of a side: the gazetteer's, else one from its English adjective."""
        return self.officials_by_side.get(side or "") or self.derived_officials.get(side or "")

    def body_of(self, side: str | None, noun: str) -> str | None:
        """A side's body the gazetteer does not name, as the English press names it: the side's
        adjective and the body's English noun ("Chińskie ministerstwo handlu": "Chinese Ministry")."""
        official = self.derived_officials.get(side or "") or ""
        english = self.body_nouns.get(fold(noun))
        adjective = official[: -len(UNNAMED_OFFICIAL)].strip() if official.endswith(UNNAMED_OFFICIAL) else None
        return f"{adjective} {english}" if adjective and english else None

    def unnamed_official(self, name: str) -> bool:
        """Whether a canonical name is an unnamed official's label ("US official", "Saudi official")."""
        entry = self.actors.get(name)
        return entry is not None and entry.kind == "official" or name in self.derived_officials.values()


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(fold(phrase).split())


def capitalisation(phrase: str) -> tuple[str, ...]:
    """Per word: "upper" for all-capital forms ("US", "США": never the pronoun "us"), "title"
    for capitalised ones (a name matches only a capitalised word), "" for lower case."""
    out = []
    for w in phrase.split():
        letters = [c for c in w if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            out.append("upper")
        elif letters and letters[0].isupper():
            out.append("title")
        else:
            out.append("")
    return tuple(out)


def _to_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@cache
def shared_actors() -> dict[str, ActorEntry]:
    data = load_data("actors", None, ACTORS_SCHEMA)
    for lang in ("en", "pl", "ru"):
        check_unique(((fold(n), name) for name, e in data.items() for n in e["names"][lang]),
                     f"lang/actors.yaml ({lang})", "name")
    return {name: ActorEntry(name, e["kind"], e.get("side"), e.get("gender"), e.get("account"),
                             e.get("plain_in_english", False), _native(name, e["names"]["en"]))
            for name, e in data.items()}


def _native(name: str, english: list[str]) -> str | None:
    """The first English form of a name that is the canonical name with its diacritics
    ("Assimi Goïta" for "Assimi Goita"), if any."""
    return next((n for n in english if not n.isascii() and plain(n) == name), None)


@cache
def shared_offices() -> dict[str, Office]:
    data = load_data("offices", None, OFFICES_SCHEMA)
    actors = shared_actors()
    offices = {}
    for key, e in data.items():
        holders = []
        for h in e["holders"]:
            if h["name"] not in actors:
                raise DataError(f"lang/offices.yaml: {key}.holders: {h['name']!r} is not in actors.yaml")
            holders.append((h["name"], _to_date(h["from"]), _to_date(h["to"]) if "to" in h else None))
        offices[key] = Office(key, e["side"], tuple(holders))
    return offices


@cache
def lexicon(lang: str) -> Lexicon:
    """Load, validate and compile the data of one language (cached)."""
    rep = load_data("reporting", lang, REPORTING_SCHEMA)
    cues = load_data("cues", lang, CUES_SCHEMA)
    titles = _checked_titles(lang)
    vocabulary = _vocabulary(lang)
    actors = shared_actors()
    return Lexicon(
        lang=lang,
        verb_acts=vocabulary.verbs,
        frames=frozenset(map(fold, rep["frames"])),
        light_verbs=frozenset(map(fold, rep["light_verbs"])),
        light_nouns=vocabulary.nouns,
        phrases=_longest_first((_words(p), act) for p, act in vocabulary.phrases.items()),
        concept_of=vocabulary.concept_of,
        negated_acts=negated_acts(),
        joint_acts={fold(k): v for k, v in rep["joint_acts"].items()},
        cues=Cues.of(cues, f"lang/{lang}/cues.yaml"),
        offices_by_title=_longest_first((_words(t), k) for k, ts in titles["offices"].items() for t in ts),
        generic_titles=_longest_first((_words(t), k) for k, ts in titles["generic"].items() for t in ts),
        home_side=titles["home_side"],
        both_groups=tuple(sorted((_words(t) for t in titles["both"]), key=len, reverse=True)),
        aides=tuple(sorted((_words(t) for t in titles["aides"]), key=len, reverse=True)),
        counterparts=frozenset(fold(c) for c in titles["counterparts"]),
        official_nouns=frozenset(fold(c) for c in titles["officials"]),
        body_nouns={fold(noun): english for noun, english in titles["bodies"].items()},
        nationalities=tuple((_words(a), side) for side, adjs in titles["nationalities"].items() for a in adjs),
        officials_by_side={e.side: e.name for e in reversed(list(actors.values()))
                           if e.kind == "official" and e.side},
        derived_officials=derived_official_labels(),
        names=_names(lang),
        actors=actors,
        offices=shared_offices(),
        name_endings=tuple(sorted((fold(e) for e in cues["name_endings"]), key=len, reverse=True)),
        roles={role: tuple(offices) for role, offices in load_data("roles", None, ROLES_SCHEMA).items()},
    )


@dataclass(frozen=True)
class Vocabulary:
    """The words that carry an act in one language, folded, from the act concepts
    (lang/act_concepts.yaml, lang/<xx>/concepts.yaml)."""
    verbs: dict[str, str]          # lemma -> act
    nouns: dict[str, str]          # act-bearing noun of a light verb -> act
    phrases: dict[str, str]        # phrase, "…" for a gap -> act
    concept_of: dict[tuple[str, str], str]   # (kind, word) -> its concept


WORD_KINDS = ("verbs", "nouns", "phrases")


@cache
def derived_official_labels() -> dict[str, str]:
    """An unnamed official of a side the gazetteer gives no label, named as the English press
    names one, by the side's first English adjective ("Saudi official"): canonical names are
    English whatever the text's language."""
    english = load_data("titles", "en", TITLES_SCHEMA)["nationalities"]
    return {side: f"{adjectives[0]} {UNNAMED_OFFICIAL}" for side, adjectives in english.items() if adjectives}


def negated_acts() -> dict[str, str]:
    """The concepts whose act changes when negated, with that act."""
    concepts = load_data("act_concepts", None, CONCEPTS_SCHEMA)
    return {name: c["negated"] for name, c in concepts.items() if "negated" in c}


def _vocabulary(lang: str) -> Vocabulary:
    """The concepts' words of one language by kind; a word listed under two concepts is an error."""
    concepts = load_data("act_concepts", None, CONCEPTS_SCHEMA)
    words = load_data("concepts", lang, CONCEPT_WORDS_SCHEMA)
    where = f"lang/{lang}/concepts.yaml"
    for concept in words:
        if concept not in concepts:
            raise DataError(f"{where}: {concept}: no such concept in lang/act_concepts.yaml")
    out = Vocabulary({}, {}, {}, {})
    for kind, table in zip(WORD_KINDS, (out.verbs, out.nouns, out.phrases)):
        listed = [(fold(w), concept) for concept, entry in words.items() for w in entry.get(kind) or []]
        check_unique(listed, f"{where}: {kind}", "word")
        table.update((w, concepts[concept]["act"]) for w, concept in listed)
        out.concept_of.update(((kind, w), concept) for w, concept in listed)
    return out


def _checked_titles(lang: str) -> Mapping[str, Any]:
    """titles.yaml of one language, after the checks that span files: no title mapped to two
    keys, every titled office in lang/offices.yaml."""
    titles = load_data("titles", lang, TITLES_SCHEMA)
    where = f"lang/{lang}"
    check_unique(((fold(t), k) for k, ts in titles["offices"].items() for t in ts), f"{where}/titles.yaml: offices", "title")
    offices = shared_offices()
    for key in titles["offices"]:
        if key not in offices:
            raise DataError(f"{where}/titles.yaml: offices.{key}: no such office in lang/offices.yaml")
    if titles["home_side"] not in {e.side for e in shared_actors().values()}:
        raise DataError(f"{where}/titles.yaml: home_side: {titles['home_side']!r} is no side in lang/actors.yaml")
    return titles


def _names(lang: str) -> tuple[tuple[tuple[str, ...], tuple[str, tuple[str, ...]]], ...]:
    """The gazetteer's names in one language: (words, (canonical name, capitalisation)). An
    institution's name of several words matches in any case but its acronyms ("rosyjskie
    ministerstwo obrony" as the press writes it): a person's name only capitalised."""
    raw = load_data("actors", None, ACTORS_SCHEMA)
    return _longest_first((_words(n), (name, _name_case(n, e["kind"]))) for name, e in raw.items()
                          for n in e["names"][lang])


def _name_case(name: str, kind: str) -> tuple[str, ...]:
    case = capitalisation(name)
    if kind != INSTITUTION or len(case) < 2:
        return case
    return tuple(c if c == "upper" else "" for c in case)


def _longest_first(entries: Iterable[tuple[tuple[str, ...], Any]]) -> tuple[tuple[tuple[str, ...], Any], ...]:
    return tuple(sorted(entries, key=lambda p: -len(p[0])))
