"""What holds for a whole document: who its parties are, whose readout it is, and the actors'
entries. Built once before the sentence loop; frozen afterwards."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Sequence

from readouts.extract.actors import GENERIC_VIA, ActorFinder, Mention, unify_unknown_names
from readouts.extract.claims.data import ClaimData
from readouts.extract.claims.view import SentenceView
from readouts.extract.lexicon import ActorEntry, Lexicon, WordClass, fold
from readouts.extract.source import detect_source
from readouts.model import BOTH, Analysis, DateRef, LoadedText, Sentence

PERSON = "person"
COUNTRY = "country"
INSTITUTION = "institution"
LEADER = "leader"
DEFAULT_GENDER = "masc"      # an actor the gazetteer lacks is spoken of as "he" (an official, a spokesman)


@dataclass(frozen=True)
class DocumentContext:
    text: str
    data: ClaimData
    anchor: dt.date | None
    title: str | None
    principals: tuple[str, ...]     # the two parties of the call (or one, when only one is known)
    own_side: str | None            # the side an official readout speaks for
    official: bool
    source: str
    dates: tuple[DateRef, ...]
    author: str | None = None       # who writes a statement in the first person ("Today I spoke with …")
    correction: bool = False        # the text is an outlet's correction notice ("Sprostowanie", "CORRECTION:")

    @property
    def lex(self) -> Lexicon:
        return self.data.lex

    def entry(self, actor: str | None) -> ActorEntry | None:
        return self.lex.actors.get(actor or "")

    def side_of(self, actor: str | None) -> str | None:
        entry = self.entry(actor)
        return entry.side if entry else None

    def same_side(self, a: str | None, b: str | None) -> bool:
        return a not in (None, BOTH) and b not in (None, BOTH) and \
            (a == b or self.side_of(a) is not None and self.side_of(a) == self.side_of(b))

    def counterpart(self, actor: str) -> str | None:
        """The principal on the other side of the call."""
        side = self.side_of(actor)
        if side is None:
            return None
        return next((p for p in self.principals if self.side_of(p) != side), None)

    def gender_of(self, actor: str) -> str | None:
        entry = self.entry(actor)
        return entry.gender if entry is not None else DEFAULT_GENDER

    def is_leader(self, name: str | None) -> bool:
        return name in self.leaders

    @cached_property
    def leaders(self) -> frozenset[str]:
        return leaders_on(self.data, self.anchor)

    def principal_of_account(self, account: str | None) -> str | None:
        """The principal who speaks through an account (the Kremlin's readout → Putin); no
        account means the readout's own voice."""
        if account is None:
            side = self.own_side
        else:
            side = next((e.side for e in self.lex.actors.values()
                         if e.account == account and e.kind == INSTITUTION), None)
        return next((p for p in self.principals if self.side_of(p) == side), None)


def leaders_on(data: ClaimData, day: dt.date | None) -> frozenset[str]:
    """Who holds, on `day`, an office that leads a country (`lang/roles.yaml`)."""
    holders = (office.holder_on(day) for key, office in data.lex.offices.items() if data.lex.fills(key, LEADER))
    return frozenset(h for h in holders if h is not None)


@dataclass(frozen=True)
class Parties:
    """The document-level guesses made from the mentions: whose readout, and who talks."""
    source: str
    official: bool
    own_side: str | None
    principals: tuple[str, ...]
    mentions: tuple[tuple[Mention, ...], ...]      # per sentence


def find_parties(loaded: LoadedText, analysis: Analysis, data: ClaimData, anchor: dt.date | None,
                 subject_like: Callable[[int, Mention], bool]) -> Parties:
    """Find the mentions of every sentence, whose readout the text is and its principals. An
    official readout's own side changes what bare titles mean ("the President"), so its
    mentions are found again once that side is known. `subject_like(sentence index, mention)`
    tells whether a mention stands where a subject does."""
    use_names = "ner" in analysis.provides
    mentions = _mentions(ActorFinder(data.lex, anchor, use_names=use_names), analysis)
    first_side = _first_leader_side(mentions, data, anchor, subject_like)
    guess = detect_source(loaded, first_side)
    principals = _principals(mentions, data, anchor, analysis, guess.official)
    # the style's side speaks only when one of its people is a party: a readout in the Kremlin's
    # style of a call between Tokayev and Takaichi is Kazakhstan's (its first leader's); a title
    # formula only one office uses ("PM call with …") tells its side whoever the text names
    others = len(principals) > 1 and all(data.lex.actors[p].side != guess.side for p in principals)
    styled = None if others and not guess.by_title else guess.side
    own_side = (styled or first_side) if guess.official else None
    if own_side is not None:
        own_side = _titled_author_side(own_side, mentions, analysis, data, anchor) or own_side
    if own_side or _titles_beyond(mentions, principals):
        # a bare title means a party of the call once the parties are known ("Глава государства"
        # of a Kazakh readout is Tokayev, not the Russian head of state the language suggests)
        finder = ActorFinder(data.lex, anchor, own_side, use_names, principals)
        mentions = _mentions(finder, analysis)
    principals = _principals(mentions, data, anchor, analysis, guess.official)
    return Parties(guess.source, guess.official, own_side, principals, mentions)


OPENING_SENTENCES = 3          # the title line and the first sentences, where a readout says who spoke to whom


def _titled_author_side(guessed: str, mentions: Mentions, analysis: Analysis, data: ClaimData,
                        anchor: dt.date | None) -> str | None:
    """The side of a readout that names its own principal only by a bare title, where the side
    `guessed` from the persons it names is that of the one he spoke to ("The Prime Minister spoke
    to the Prime Minister of Australia, Anthony Albanese …"): the language's home side or the
    country the text names most, whichever has a holder of that title on the day."""
    finder = ActorFinder(data.lex, anchor)
    for k, sentence in enumerate(analysis.sentences[:OPENING_SENTENCES]):
        opening = finder.opening_title(sentence)
        if opening is None:
            continue
        role, after = opening
        spoken_to = next((m for m in mentions[k] if m.kind == PERSON and m.first >= after), None)
        if spoken_to is None:
            continue
        if not _after_preposition(sentence, spoken_to.first) or _side(data, spoken_to.actor) != guessed:
            return None
        named = Counter(_side(data, m.actor) for ms in mentions for m in ms if m.kind == COUNTRY)
        sides = [data.lex.home_side] + [side for side, _ in named.most_common() if side]
        return finder.side_holding(role, (side for side in sides if side != guessed))
    return None


def _after_preposition(sentence: Sentence, first: int) -> bool:
    """The mention at word `first` is the object of a preposition ("spoke to the Prime Minister
    of Australia", "разговор с Президентом"): no subject."""
    k = first - 1
    while k >= 0 and sentence.words[k].upos == "DET":
        k -= 1
    return k >= 0 and sentence.words[k].upos == "ADP"


def _side(data: ClaimData, actor: str) -> str | None:
    entry = data.lex.actors.get(actor)
    return entry.side if entry is not None else None


FIRST_PERSON_SENTENCES = 2     # narrated sentences with "I" that make a statement its author's own
SIGNATURE_WORDS = 8            # the most words of a signature line ("Anthony Albanese Prime Minister of Australia")


def first_person_author(views: Sequence[SentenceView], principals: tuple[str, ...], data: ClaimData,
                        official: bool, anchor: dt.date | None) -> str | None:
    """Who writes a statement in the first person ("Today I spoke with the Prime Minister of
    Poland, Donald Tusk. … I thanked Prime Minister Tusk …"): the listed person its signature
    names (a short last paragraph), else, in an official text, of the two principals the one its
    first such sentence does not name (the other is the one spoken with), or the leader of the
    country it names most besides the one spoken with. None for a text
    narrated in the third person, where "I" stands only in quotes and speakers' turns, and for a
    columnist's "I"."""
    narrated = [v for v in views if any(_first_person_singular(v, k, data) for k in range(len(v)))]
    if len(narrated) < FIRST_PERSON_SENTENCES:
        return None
    last = views[-1].sentence.paragraph
    signed = next((m.actor for v in views if v.sentence.paragraph == last and len(v.words) <= SIGNATURE_WORDS
                   for m in v.mentions if m.kind == PERSON and m.actor in data.lex.actors), None)
    if signed is not None or not official:
        return signed
    spoken_with = {m.actor for m in narrated[0].mentions}
    others = [p for p in principals if p not in spoken_with]
    if len(principals) == 2 and len(others) == 1:
        return others[0]
    return _leader_of_named_country(views, spoken_with, data, anchor)


def _leader_of_named_country(views: Sequence[SentenceView], spoken_with: set[str], data: ClaimData,
                             anchor: dt.date | None) -> str | None:
    """The leader, on the day, of the country a first-person statement names most after the
    one it was spoken with ("Today I spoke with the Prime Minister of Japan … Australia and Japan
    are Special Strategic Partners": Australia's prime minister wrote it)."""
    lex = data.lex
    excluded = {lex.actors[a].side for a in spoken_with if a in lex.actors}
    counts: dict[str, int] = {}
    for v in views:
        for m in v.mentions:
            if m.kind == COUNTRY and m.actor not in excluded:
                counts[m.actor] = counts.get(m.actor, 0) + 1
    if not counts:
        return None
    side = max(counts, key=lambda c: counts[c])
    # of a side's leaders (a president and a prime minister), the one the text names most, else
    # the first in the offices' order: never the order of a set, which varies from run to run
    holders = [h for key, office in lex.offices.items() if lex.fills(key, LEADER) and office.side == side
               and (h := office.holder_on(anchor))]
    named = Counter(m.actor for v in views for m in v.mentions if m.actor in holders)
    return max(holders, key=lambda h: (named[h], -holders.index(h)), default=None)


CORRECTION_HEAD_SENTENCES = 2   # a correction notice says so in its title or its first sentences


def correction_notice(views: Sequence[SentenceView], title: str | None, data: ClaimData) -> bool:
    """Whether the text is an outlet's correction notice: its title or first sentences name it so
    ("Sprostowanie", "CORRECTION: An earlier version of this story …", "Поправка к материалу …")."""
    notices = data.cls("negation.corrections")
    heads = [(v.texts, v.lemmas) for v in views[:CORRECTION_HEAD_SENTENCES]]
    titled = any(fold(w) in notices for w in (title or "").split())
    return titled or any(notices.occurs(texts, lemmas, 0, len(texts)) for texts, lemmas in heads)


def _first_person_singular(view: SentenceView, k: int, data: ClaimData) -> bool:
    """An unquoted "I", or a verb (or its clitic: "Podziękował|em") in the first person singular."""
    w = view.words[k]
    return not view.quoted[k] and (view.texts[k] in data.cls("first_person_singular") or
                                   w.upos in ("VERB", "AUX") and w.feat("Person") == "1" and w.feat("Number") == "Sing")


def _titles_beyond(mentions: "Mentions", principals: tuple[str, ...]) -> bool:
    """A bare title resolved to someone who is no party of the call."""
    return len(principals) > 1 and any(m.via == GENERIC_VIA and m.actor not in principals
                                       for sentence in mentions for m in sentence)


def _mentions(finder: ActorFinder, analysis: Analysis) -> "Mentions":
    return unify_unknown_names([finder.mentions(s) for s in analysis.sentences])


Mentions = tuple[tuple[Mention, ...], ...]


def _person_weights(mentions: Mentions, data: ClaimData, anchor: dt.date | None,
                    keep: Callable[[int, Mention], bool] = lambda k, m: True, named_only: bool = False) -> dict[str, float]:
    """Mentions per person, a leader's weighted. With `named_only` (an official readout, whose bare
    titles mean its own parties), a bare title counts only for someone the text names ("Глава
    государства" of a Kazakh readout that never names Putin is not Putin)."""
    counts: dict[str, float] = {}
    leaders = leaders_on(data, anchor)
    named = {m.actor for sentence_mentions in mentions for m in sentence_mentions
             if m.via != GENERIC_VIA or not named_only}
    for k, sentence_mentions in enumerate(mentions):
        for m in sentence_mentions:
            if m.kind == PERSON and m.actor in data.lex.actors and m.actor in named and keep(k, m):
                weight = data.leader_mention_weight if m.actor in leaders else 1
                counts[m.actor] = counts.get(m.actor, 0) + weight
    return counts


def _turn_label(sentence: Sentence, m: Mention, marks: WordClass) -> bool:
    return m.last < len(sentence.words) and sentence.words[m.last].text in marks.raw


def _first_leader_side(mentions: Mentions, data: ClaimData, anchor: dt.date | None,
                       subject_like: Callable[[int, Mention], bool]) -> str | None:
    """Whose readout an official text is: the side of the person most often its subject (the
    title often names the counterpart first: "Переговоры с Президентом США")."""
    counts = _person_weights(mentions, data, anchor, subject_like, named_only=True)
    if not counts:
        return None
    return data.lex.actors[max(counts, key=lambda n: counts[n])].side


def _principals(mentions: Mentions, data: ClaimData, anchor: dt.date | None, analysis: Analysis,
                named_only: bool) -> tuple[str, ...]:
    """The two parties of the call: the most mentioned person (leaders first), and the most
    mentioned person of another side. A transcript's turn labels ("MR. KIRBY:") count as no
    mention: a spokesman who speaks often is not a party to the call."""
    marks = data.cls("speaker_marks")
    counts = _person_weights(mentions, data, anchor, lambda k, m: not _turn_label(analysis.sentences[k], m, marks),
                             named_only)
    ranked = sorted(counts, key=lambda n: -counts[n])
    if not ranked:
        return ()
    side = data.lex.actors[ranked[0]].side
    second = next((n for n in ranked[1:] if data.lex.actors[n].side != side), None)
    return (ranked[0], second) if second else (ranked[0],)
