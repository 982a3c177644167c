"""What carries over from sentence to sentence: the narrator's last subject of each gender, the
last actor, and whose account is being reported. Immutable: the driver replaces it, and the stages
that need a newer state get it passed in and return the next one."""
from __future__ import annotations

from dataclasses import dataclass, replace

from readouts.extract.actors import actor_indexes
from readouts.extract.claims.document import DocumentContext
from readouts.extract.claims.turns import TurnLabel
from readouts.extract.claims.view import SentenceView, pronoun_gender
from readouts.model import BOTH

PERSONAL_KINDS = ("person", "official")
PERSON = "person"
NOUN_PHRASE_UPOS = frozenset({"NOUN", "ADJ", "PROPN", "DET"})
ACCOUNT_KINDS = ("institution", "media")
NOMINATIVE = (None, "Nom")
OFFICIAL_ADJECTIVE_BEFORE = 2   # words from a nationality to its official's noun ("Canadian government official")


@dataclass(frozen=True)
class Discourse:
    subjects: tuple[tuple[str, str], ...] = ()   # (gender, canonical actor), most recent per gender
    last_actor: str | None = None
    account: str | None = None
    titled: tuple[tuple[str, str], ...] = ()     # (official noun, person): "rzecznik" -> the spokesman named before
    speaker: str | None = None                   # whose turn it is, in a transcript ("В.Путин: …")
    questioning: bool = False                    # a question's turn ("Вопрос: …")
    inline_turn: bool = False                    # the turn of a news channel's label, to the paragraph's end
    paragraph_actors: tuple[str, ...] = ()       # the actors of the paragraph's claims so far
    invitee: str | None = None                   # the addressee of the last proposal ("пригласил принца")
    last_official: str | None = None             # the last unnamed official who spoke ("an EU official")

    def titled_person(self, *nouns: str) -> str | None:
        titled = dict(self.titled)
        return next((titled[n] for n in nouns if n in titled), None)

    def subject(self, gender: str | None) -> str | None:
        return dict(self.subjects).get(gender or "")

    def with_subject(self, gender: str | None, actor: str) -> "Discourse":
        if not gender:
            return self
        subjects = dict(self.subjects)
        subjects[gender] = actor
        return replace(self, subjects=tuple(subjects.items()))

    def with_account(self, account: str | None) -> "Discourse":
        return replace(self, account=account)

    def after_claim(self, actor: str, gender: str | None, narrated: bool, invitee: str | None = None,
                    unnamed_official: bool = False) -> "Discourse":
        """A claim was made: its actor is the last actor, and, when the narrator (not a quoted
        speaker) tells it, the last subject of its gender; a proposal's addressee is the one who
        may accept it; an unnamed official is who "the official" means next."""
        state = self.with_subject(gender, actor) if narrated and actor != BOTH else self
        return replace(state, last_actor=actor, paragraph_actors=(*self.paragraph_actors, actor),
                       invitee=invitee or self.invitee, last_official=actor if unnamed_official else self.last_official)


def update_turn(state: Discourse, ctx: DocumentContext, label: TurnLabel | None, new_paragraph: bool,
                transcript: bool) -> Discourse:
    """A label opens a turn; a paragraph ends one, except in a transcript (several labels), where
    a turn runs to the next label. What a spokesman relays in his turn is his side's account."""
    if new_paragraph:
        state = replace(state, paragraph_actors=())
    if new_paragraph and (not transcript or state.inline_turn):
        state = replace(state, speaker=None, questioning=False, inline_turn=False)
    if label is None:
        return state
    state = replace(state, speaker=label.speaker, questioning=label.speaker is None and label.asks,
                    inline_turn=label.inline)
    entry = ctx.entry(label.speaker)
    relays = entry is not None and entry.account and label.speaker not in ctx.principals
    return state.with_account(entry.account) if relays and entry is not None else state


def remember_titles(view: SentenceView, ctx: DocumentContext, state: Discourse) -> Discourse:
    """"Rzecznik rządu Adam Szłapka", "spokesman John Kirby": a person named with an official's
    noun before the name is who "the spokesman" means later."""
    nouns, reach = ctx.data.cls("official_nouns"), ctx.data.windows.official_title_before
    titled = dict(state.titled)
    for m in view.mentions:
        if m.kind != PERSON:
            continue
        for k in range(max(0, m.first - reach), m.first):
            # in apposition: the same case, only noun-phrase words between ("Według rzecznika
            # premier Tusk" names the premier, not the spokesman)
            apposed = view.words[k].feat("Case") in (None, m.case) and \
                all(w.upos in NOUN_PHRASE_UPOS for w in view.words[k + 1:m.first])
            for form in (view.texts[k], view.lemmas[k]):
                if form in nouns and apposed:
                    titled[form] = m.actor
    return replace(state, titled=tuple(titled.items())) if titled != dict(state.titled) else state


def remember_officials(view: SentenceView, ctx: DocumentContext, state: Discourse) -> Discourse:
    """An unnamed official of a side, wherever the sentence names one ("…, a senior Canadian
    official said"), is who "the official" means later."""
    nationalities = actor_indexes(ctx.lex.lang).nationalities
    nouns = ctx.data.cls("official_nouns")
    for k in range(1, len(view)):
        if view.texts[k] not in nouns and view.lemmas[k] not in nouns:
            continue
        for j in range(max(0, k - OFFICIAL_ADJECTIVE_BEFORE), k):
            hit = nationalities.match_at(view.keys, j)
            label = hit and ctx.lex.official_of(str(hit[1]))
            if hit and hit[0] == k and label:
                state = replace(state, last_official=label)
    return state


def remember_subjects(view: SentenceView, ctx: DocumentContext, state: Discourse) -> Discourse:
    """A sentence without claims still names a subject for the pronouns after it."""
    for m in view.mentions:
        if m.kind in PERSONAL_KINDS and m.case in NOMINATIVE:
            return state.with_subject(ctx.gender_of(m.actor), m.actor)
    return state


def update_account(view: SentenceView, ctx: DocumentContext, state: Discourse, new_paragraph: bool) -> Discourse:
    """Whose account the following claims come from: set by an attribution ("Według Kremla",
    "according to the White House", "как сообщили в Кремле") or a publishing account as subject,
    kept until another source takes over or the narrator turns to background."""
    if ctx.official:
        return state
    data = ctx.data
    if new_paragraph and data.cls("background").occurs(view.texts, view.lemmas, 0,
                                                        min(len(view), data.windows.background_opening_words)):
        state = state.with_account(None)
    speaker = _possessive_speaker(view, ctx, state)
    if speaker is not None:
        return state.with_account(speaker)
    return _mentioned_account(view, ctx, state)


def _possessive_speaker(view: SentenceView, ctx: DocumentContext, state: Discourse) -> str | None:
    """"По его словам, …": the account of the last speaker the possessive refers to."""
    cues, window = ctx.data.cls("attribution"), ctx.data.windows.attribution_pronoun_after
    for k in range(len(view)):
        if not (cues.match_at(view.texts, k) or cues.match_at(view.lemmas, k)):
            continue
        for j in range(k, min(len(view), k + window)):
            entry = ctx.entry(state.subject(pronoun_gender(view, j, ctx.data, "possessives")))
            if entry is not None and entry.account:
                return entry.account
    return None


def _mentioned_account(view: SentenceView, ctx: DocumentContext, state: Discourse) -> Discourse:
    data = ctx.data
    publishing = data.cls("publishing")
    has_publishing = any(lemma in publishing or text in publishing for lemma, text in zip(view.lemmas, view.texts))
    for m in view.mentions:
        entry = ctx.entry(m.actor)
        lo = max(0, m.first - data.windows.attribution_before_mention)
        attributed = any(data.cls("attribution").match_at(view.texts, k, m.first) or
                         data.cls("attribution").match_at(view.lemmas, k, m.first) for k in range(lo, m.first))
        if attributed and entry is not None and entry.kind in PERSONAL_KINDS and entry.gender:
            # "Według przedstawiciela prezydenta USA, …": the speaker of what follows
            state = state.with_subject(entry.gender, m.actor)
            return state.with_account(entry.account) if entry.account else state
        if entry is None or not entry.account or entry.kind not in ACCOUNT_KINDS:
            continue
        after_preposition = m.first > 0 and view.words[m.first - 1].upos == "ADP"
        if attributed or has_publishing and not after_preposition:
            return state.with_account(entry.account)
    return state
