"""Who performs a trigger's act: an ordered tuple of named strategies, the first that decides
wins. A strategy returns None when it does not apply, or a choice (whose actor may be None: a
pronoun with nothing to refer to decides that the claim has no actor). Every claim's trace names
the strategy that chose its actor."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from readouts.extract.actors import OBLIQUE, Mention, actor_indexes
from readouts.extract.claims.data import ClaimData
from readouts.extract.claims.discourse import Discourse
from readouts.extract.claims.document import DocumentContext
from readouts.extract.claims.triggers import LIGHT_VERB, PHRASE, Trigger, adverbial_speech, cleft_focus, trigger_concept
from readouts.extract.claims.turns import FIRST, SECOND, grammatical_person
from readouts.extract.claims.view import COMMA, SentenceView, pronoun_gender
from readouts.model import BOTH, Word

PERSONAL_KINDS = frozenset({"person", "official"})
COUNTRY_KINDS = frozenset({"country"})
PLACE_KINDS = frozenset({"institution", "country"})
CONTENT_PARTY_KINDS = frozenset({"country", "person"})
NOMINATIVE = (None, "Nom")
SUBJECT_DEPRELS = frozenset({"nsubj", "csubj"})
PRONOUN_UPOS = frozenset({"PRON", "DET", None, "X"})
NON_SUBJECT_BETWEEN = frozenset({"PUNCT", "SCONJ", "ADP"})
# Acts the two principals do together when no one else is named.
JOINT_ACTS = frozenset({"agree", "discuss"})
ONE_SIDED_ACTS = frozenset({"concern", "warn", "demand", "reject"})   # what one side holds against the other
PLURAL, THIRD, PLUR = "plural", "3", "Plur"
PAST = "Past"
SING, FIRST_PERSON = "Sing", "1"
MIDDLE_VOICE, DISCUSS = "Mid", "discuss"
OWN_SIDE = "speech.own_side"      # a speaker speaking for his side, its subject in his turn
GENDER_FEATURES = {"Masc": "masc", "Fem": "fem"}
APPOSITION_WORDS = 4            # the most words of a phrase's start before its head ("the government's")
ATTRIBUTION_ASIDE_WORDS = 8     # the most words from an attribution marker to the name it introduces
SIDE_MENTION_KINDS = frozenset({"country", "institution"})   # mentions that stand for a side
MARKER_ASIDE = "quote.marker_aside"     # "– jak zapowiedział –": a speaker aside after a comparison marker
IMPERSONAL_STRATEGIES = frozenset({"passive.joint", "impersonal"})
BEFORE_VERB_UPOS = frozenset({"ADV", "AUX", "PART"})
ENGLISH = "en"
HONORIFIC_WORDS = 3     # "His Royal Highness": the longest honorific before a name
BODY_NAME_KINDS = frozenset({"institution", "media"})
NOUN_PHRASE_UPOS = frozenset({"NOUN", "ADJ", "DET", "NUM", "PROPN"})
PURPOSE_LICENCE = "predicate.purpose"
AGENT_KINDS = frozenset({"person", "official", "country", "institution"})
COLON = ":"
TOPIC = "topic"               # the act concept of a conversation's topic (lang/act_concepts.yaml)
ACCEPTANCE = "acceptance"     # the act concept of accepting a proposal (lang/act_concepts.yaml)
GOVERNING_UPOS = frozenset({"VERB", "ADP"})
AGENT_MARKER_WORDS = 3      # the longest agent marker ("z … strony")
ANY_CASE = "any"


@dataclass(frozen=True)
class ActorChoice:
    actor: str | None
    strategy: str
    via: str | None = None          # how the deciding mention was found (name, title, ner, …)

    @property
    def impersonal(self) -> bool:
        return self.strategy in IMPERSONAL_STRATEGIES


@dataclass(frozen=True)
class ActorQuery:
    """What a strategy may read: the sentence, the document, the discourse so far, the words of
    a dropped aside ("Trump, Misri said, listened …"), and the sentence's previous claim."""
    view: SentenceView
    ctx: DocumentContext
    state: Discourse
    aside: range = range(0)
    previous: tuple[Trigger, str] | None = None

    @property
    def previous_actor(self) -> str | None:
        return self.previous[1] if self.previous else None


Strategy = Callable[[ActorQuery, Trigger], "ActorChoice | None"]


def resolve_actor(q: ActorQuery, t: Trigger) -> ActorChoice:
    """Who does the act of trigger `t`: the first strategy of STRATEGIES that decides."""
    for strategy in STRATEGIES:
        choice = strategy(q, t)
        if choice is not None:
            return choice
    return ActorChoice(None, "none")


# ---------------------------------------------------------------------------------- helpers
def window_start(q: ActorQuery, t: Trigger) -> int:
    """The subject is sought after this word: its clause's start, a dropped frame's end, and the
    sentence's previous claim."""
    start = max(q.view.clause_starts[t.first], t.window_start)
    return max(start, q.previous[0].last) if q.previous else start


def subject_like(view: SentenceView, m: Mention, data: ClaimData) -> bool:
    """Whether a mention stands where a subject does: nominative (or caseless), not after a
    preposition, not a possessor, not right after a verb other than a frame (English "gave the US
    president" is an object, "said the US president" may start the content)."""
    if m.kind == "media" or m.case not in NOMINATIVE:
        return False
    k = m.first - 1
    while k >= 0 and view.words[k].upos == "DET":
        k -= 1
    # over an honorific ("met with His Majesty King Abdullah II"); looked for only after a
    # capitalised word, as this runs for every mention a strategy weighs
    if k > 0 and view.words[k].text[:1].isupper():
        honorifics = data.cls("honorific_titles")
        honorific = next((h for h in range(max(0, k - HONORIFIC_WORDS), k)
                          if honorifics.match_at(view.texts, h, k + 1) == k + 1 - h), None)
        k = honorific - 1 if honorific is not None else k
    if k >= 0 and view.words[k].upos == "ADP":
        return False
    if m.case is None and k >= 0 and view.words[k].upos == "VERB" and view.verb_lemmas[k] not in data.lex.frames:
        return False
    if possessor(view, m, data):
        return False
    return not (m.first > 0 and view.words[m.first - 1].upos == "PRON" and view.words[m.first - 1].feat("Poss"))


def possessor(view: SentenceView, m: Mention, data: ClaimData) -> bool:
    """"raised Russia's war": a possessor names the matter's owner."""
    return m.last < len(view) and view.texts[m.last] in data.cls("possessive_markers")


def _refer(q: ActorQuery, gender: str | None, at: int) -> str | None:
    """What a pronoun at word `at` refers to: the sentence's own subject of its gender before it
    ("Xi was quoted as saying …, but he also urged"), else the narrator's last subject of the
    gender; "they" with none is both principals."""
    own = next((m.actor for m in q.view.mentions if m.last <= at and m.kind in PERSONAL_KINDS
                and gender != PLURAL and q.ctx.gender_of(m.actor) == gender and not q.view.quoted_in_sentence[m.first]
                and subject_like(q.view, m, q.ctx.data)), None)
    return own or q.state.subject(gender) or (BOTH if gender == PLURAL else None)


def _conjunction_before(q: ActorQuery, t: Trigger) -> int | None:
    """The conjunction right before the trigger, if any."""
    lo = max(0, t.first - q.ctx.data.windows.conjunction_before)
    return next((k for k in range(t.first - 1, lo - 1, -1) if q.view.words[k].upos == "CCONJ"), None)


def passive(view: SentenceView, t: Trigger, ctx: DocumentContext) -> bool:
    """A passive verb ("was agreed", "были обсуждены"): the analyser's Voice feature; a reflexive
    verb of discussing is passive in sense ("Затрагивалась также ситуация вокруг Украины")."""
    voice = view.words[t.head].feat("Voice")
    return voice == "Pass" or voice == MIDDLE_VOICE and t.act == DISCUSS


# ---------------------------------------------------------------------------------- strategies
def named_by_rule(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """The trigger's rule names its speaker ("По словам Пескова", a frame's pronoun)."""
    return ActorChoice(t.speaker, "speaker") if t.speaker else None


def quote_speaker(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """Who a quote's attribution names: right before the verb ('…,” Peskov said') or after it,
    possibly a few words on ("– napisał w mediach społecznościowych premier Tusk"); never a name
    inside the quote."""
    if t.quote is None:
        return None
    if t.quote == MARKER_ASIDE:
        return _aside_speaker(q, t)
    view, ctx = q.view, q.ctx
    marks = ctx.data.cls("closing_quotes").raw | {","}
    before = [m for m in view.mentions if m.last <= t.first and t.first - m.last <= ctx.data.windows.quote_speaker_before
              and m.first > 0 and view.words[m.first - 1].text[-1:] in marks] if t.first > 0 else []
    if before and before[-1].kind in PERSONAL_KINDS:
        return ActorChoice(before[-1].actor, "quote.speaker_before", before[-1].via)
    gender = pronoun_gender(view, t.first - 1, ctx.data) if t.first > 0 else None
    if gender:
        return ActorChoice(_refer(q, gender, t.first - 1), "quote.pronoun")
    # right after the verb a person is its subject whatever case a tagger guessed for a foreign
    # name ("– powiedział Trump dziennikarzom": "Trump" read as accusative), unless the name itself
    # has an object's ending ("wezwał Xi Jinpinga")
    reach = t.last + ctx.data.windows.inverted_subject_after
    after = next((m for m in view.mentions if m.first >= t.last and m.kind in PERSONAL_KINDS and
                  (m.case in NOMINATIVE or m.first < reach and m.case != OBLIQUE)), None)
    return ActorChoice(after.actor, "quote.speaker_after", after.via) if after else None


def _aside_speaker(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"Polska – jak zapowiedział – będzie …", "Российский лидер, как он подчеркнул, готов …": the
    aside's speaker is the one the narrative was about, by the gender of its pronoun or verb, not
    the subject of the speech it sets off."""
    view = q.view
    gender = pronoun_gender(view, t.first - 1, q.ctx.data) if t.first > 0 else None
    gender = gender or GENDER_FEATURES.get(view.words[t.head].feat("Gender") or "")
    speaker = q.state.subject(gender) if gender else q.state.last_actor
    return ActorChoice(speaker, "quote.marker_aside") if speaker else None


def labelled_speaker(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """In a speaker's turn, an act in the first person is the speaker's; one of the person spoken
    to ("Вы решили …") is what the speaker says of them, no claim of its own."""
    if q.state.speaker is None:
        return None
    person = grammatical_person(q.view, t, window_start(q, t), q.ctx.data)
    speaker = q.state.speaker
    if person == FIRST and t.act in JOINT_ACTS and _party_speaker(q.ctx, speaker) and _first_plural(q, t):
        return ActorChoice(BOTH, "speech.we")       # "Обменялись мнениями", "We agreed": the two parties
    if person == FIRST:
        return ActorChoice(q.state.speaker, "speech.first_person")
    if person == SECOND:
        return ActorChoice(None, "speech.addressee")
    return ActorChoice(q.state.speaker, OWN_SIDE) if _own_side_before(q, t) or _own_body_before(q, t) else None


def _party_speaker(ctx: DocumentContext, speaker: str | None) -> bool:
    """A speaker who may have taken part in the talks: a party, a leader, or a listed person who
    speaks for no account (a minister, not a spokesman)."""
    entry = ctx.entry(speaker)
    return speaker in ctx.principals or ctx.is_leader(speaker) or \
        entry is not None and entry.kind == "person" and not entry.account


def _first_plural(q: ActorQuery, t: Trigger) -> bool:
    """The first person of a turn's past trigger is "we": its verb is plural, or "we" stands before
    it. What "we" will do, or let us do, is the speaker's side's offer, not a joint act done."""
    verb = q.view.words[t.head]
    return verb.feat("Tense") == PAST and (verb.feat("Number") == PLUR or _narrator_person(q, t) == PLUR)


def _own_body_before(q: ActorQuery, t: Trigger) -> bool:
    """A body of the speaker's own side as the subject ("Наши компании готовы …", "российские
    компании готовы …" in Putin's turn): he speaks for it, as for his country."""
    side = q.ctx.side_of(q.state.speaker)
    words = _phrase_before_verb(q.view, t, window_start(q, t))
    if side is None or words is None:
        return False
    view, cls = q.view, q.ctx.data.cls
    phrase = range(words[0], words[1] + 1)
    if not any(view.texts[j] in cls("body_nouns") or view.lemmas[j] in cls("body_nouns") for j in phrase):
        return False
    own = cls("own_side_possessives")
    return any(view.texts[j] in own or view.lemmas[j] in own for j in phrase) or _sides_in(q, words[0], words[1] + 1) == [side]


def narrating_author(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """In a statement its author writes in the first person, "I" is the author and "we" who
    discussed or agreed are both parties ("I thanked Prime Minister Tusk …", "We agreed that our
    Defence Ministers will meet …"); "we" who do anything else are the author's side, told by him."""
    if q.ctx.author is None or q.state.speaker is not None or q.view.quoted[t.first]:
        return None
    person = _narrator_person(q, t)
    if person is None:
        return None
    if person == PLUR and t.act in JOINT_ACTS:
        return ActorChoice(BOTH, "narrator.we")
    return ActorChoice(q.ctx.author, "narrator.first_person")


def cleft_subject(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"It was Mr Modi who extended an invitation": the cleft's focus."""
    start = q.view.clause_starts[t.first]
    focus = cleft_focus(q.view, start, q.ctx.data)
    if focus is None or any(start <= m.first and m.last <= t.first and m.kind in PERSONAL_KINDS for m in q.view.mentions):
        return None         # "…; Mr Albanese did not issue any invitation": a subject of its own
    return ActorChoice(focus.actor, "cleft", focus.via)


def quoted_we(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """In a quotation, "we" who discussed or agreed, or "X and I" who did, are both parties ("We
    discussed Ukraine", "Prime Minister Starmer and I also agreed …", "Omówiliśmy"): the speaker
    tells a joint act done in the call. What "we" will do stays the speaker's side's."""
    view = q.view
    if not view.quoted[t.first] or t.act not in JOINT_ACTS or view.words[t.head].feat("Tense") != PAST:
        return None
    person = _narrator_person(q, t)
    if person == PLUR or person == SING and _partner_and_i(q, t):
        return ActorChoice(BOTH, "quote.we")
    return None


def _partner_and_i(q: ActorQuery, t: Trigger) -> bool:
    """The subject is a person named, a conjunction and "I" ("Prime Minister Starmer and I")."""
    view, cls = q.view, q.ctx.data.cls
    i = next((k for k in range(t.first - 1, window_start(q, t) - 1, -1) if view.texts[k] in cls("first_person")), None)
    if i is None or i < 2 or view.words[i - 1].upos != "CCONJ":
        return False
    return any(m.last == i - 1 and m.kind in PERSONAL_KINDS for m in view.mentions)


def _narrator_person(q: ActorQuery, t: Trigger) -> str | None:
    """SING or PLUR when the trigger's subject is the first person: its verb's ending (or the
    clitic that carries it: "Podziękował|em", "Omówili|śmy"), or the nearest pronoun before it
    with no other party between."""
    view, cls = q.view, q.ctx.data.cls
    ending = [view.words[t.head]] + [w for w in view.words[t.head + 1:t.head + 2] if w.feat("Clitic") == "Yes"]
    person = next((w for w in ending if w.feat("Person") == FIRST_PERSON), None)
    if person is not None:
        return PLUR if person.feat("Number") == PLUR else SING
    for k in range(t.first - 1, window_start(q, t) - 1, -1):
        if view.texts[k] in cls("first_person"):
            return SING if view.texts[k] in cls("first_person_singular") else PLUR
        if k in view.mention_words() or view.words[k].upos in ("NOUN", "PROPN", "PRON"):
            return None
    return None


def _own_side_before(q: ActorQuery, t: Trigger) -> bool:
    """A leader's own country or institution as the nearest subject before the trigger ("Мали
    никогда не откажется …", "Алжир заинтересован …" in the Malian's, the Algerian's turn): he
    speaks for it (a spokesman relays what his side did)."""
    side = q.ctx.side_of(q.state.speaker)
    if side is None or not (q.ctx.is_leader(q.state.speaker) or q.state.speaker in q.ctx.principals):
        return False
    lo = window_start(q, t)
    before = [m for m in q.view.mentions if lo <= m.first and m.last <= t.first]
    m = before[-1] if before else None
    return m is not None and m.kind in SIDE_MENTION_KINDS and m.case in (None, "Nom") and q.ctx.side_of(m.actor) == side


def syntactic_subject(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """The subject the parser attaches to the trigger (backends with syntax only)."""
    view = q.view
    if view.words[t.head].head is None:
        return None
    heads = {view.words[k].id for k in range(t.first, t.last)}
    for k, w in enumerate(view.words):
        if w.head not in heads or (w.deprel or "").split(":")[0] not in SUBJECT_DEPRELS:
            continue
        m = next((m for m in view.mentions if m.first <= k < m.last and m.kind != "media"), None)
        if m is not None:
            if coordinated_partner(view, m):
                return ActorChoice(BOTH, "syntax.coordinated_subjects")
            return ActorChoice(m.actor, "syntax.subject", m.via)
        actor = _refer(q, pronoun_gender(view, k, q.ctx.data), k)
        if actor:
            return ActorChoice(actor, "syntax.pronoun")
    return None


def purpose_caller(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"Duda zadzwonił do Erdogana, aby pogratulować": the act a call was made for is the
    caller's, the subject before the verb of calling (the purpose clause has none of its own)."""
    if t.licence != PURPOSE_LICENCE:
        return None
    caller = next((m for m in q.view.mentions if m.last <= t.first and m.kind in PERSONAL_KINDS | COUNTRY_KINDS
                   and subject_like(q.view, m, q.ctx.data)), None)
    return ActorChoice(caller.actor, "purpose.caller", caller.via) if caller else None


def accepting_invitee(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"Приглашение принято с благодарностью", "the invitation was accepted", "zaproszenie zostało
    przyjęte": an acceptance in the passive (any of its words) is made by the one the last
    proposal was addressed to."""
    view = q.view
    if q.state.invitee is None or not any(view.words[k].feat("Voice") == "Pass" or
                                          q.ctx.data.holds("impersonal", view, k) for k in range(t.first, t.last)):
        return None
    return ActorChoice(q.state.invitee, "acceptance.invitee") if trigger_concept(t, q.ctx.data.lex) == ACCEPTANCE else None


def passive_agent(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """A passive or impersonal act with its agent named ("С российской стороны была выражена
    признательность", "ze strony Polski zaproponowano", "was raised by the President"): the party
    after an agent marker of the language, in the case the marker takes, near the verb."""
    view, ctx = q.view, q.ctx
    if not (passive(view, t, ctx) or ctx.data.holds("impersonal", view, t.head)):
        return None
    lo, reach = window_start(q, t), ctx.data.windows.passive_agent_reach
    for m in view.mentions:
        if lo <= m.first and t.first - reach <= m.first <= t.last + reach and m.kind in AGENT_KINDS \
                and _agent_marker_before(view, m, ctx):
            return ActorChoice(m.actor, "passive.agent", m.via)
    return None


def quoted_speaker(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"the Chinese readout quoted Xi as saying …": the one quoted, between the quoting verb and
    "as"; in the passive ("Xi was quoted by state media as saying …") the subject before it."""
    view, data = q.view, q.ctx.data
    if t.family != PHRASE or view.lemmas[t.first] not in data.cls("quoted_as.verbs"):
        return None
    marker = next((k for k in range(t.last - 1, t.first, -1) if view.texts[k] in data.cls("quoted_as.markers")), t.last)
    agents = data.cls("agent_markers")
    quoted = next((m for m in view.mentions if t.first < m.first and m.last <= marker
                   and view.texts[m.first - 1] not in agents), None)
    if quoted is None:
        quoted = next((m for m in reversed(view.mentions) if m.last <= t.first), None)
    return None if quoted is None else ActorChoice(quoted.actor, "quoted", quoted.via)


def nominal_agent(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """An agentless light verb whose act noun names its own agent ("Подтверждена готовность
    российской стороны", "wyrażono gotowość strony polskiej", "the readiness of Russia was
    confirmed"): the party right after the noun, in the genitive or after a genitive link."""
    view, ctx = q.view, q.ctx
    if t.family != LIGHT_VERB or not (passive(view, t, ctx) or ctx.data.holds("impersonal", view, t.head)):
        return None
    noun = t.last - 1 if t.head == t.first else t.first
    after = noun + 1
    if after < len(view) and view.texts[after] in ctx.data.cls("genitive_links"):
        after += 1
    agent = next((m for m in view.mentions if m.first == after and m.kind in AGENT_KINDS), None)
    if agent is None or agent.case not in (None, OBLIQUE, "Gen"):
        return None
    return ActorChoice(agent.actor, "nominal.agent", agent.via)


def _agent_marker_before(view: SentenceView, m: Mention, ctx: DocumentContext) -> bool:
    """An agent marker ends right before the mention, and the mention stands in its case."""
    markers, cases = ctx.data.cls("agent_markers"), ctx.lex.cues.agents
    for k in range(max(0, m.first - AGENT_MARKER_WORDS), m.first):
        if markers.match_at(view.texts, k, m.first) == m.first - k:
            case = cases.get(" ".join(view.texts[k:m.first]))
            return case == ANY_CASE or m.case in (None, OBLIQUE, case)
    return False


def passive_joint(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """A passive joint act holds its topic as subject ("relations between Türkiye and Russia
    were discussed", "обсуждались вопросы"): the two principals did it."""
    if (t.act in JOINT_ACTS or t.joint_only) and passive(q.view, t, q.ctx):
        return ActorChoice(BOTH, "passive.joint")
    return None


def nearest_subject(q: ActorQuery, t: Trigger) -> Mention | None:
    """The mention that heads the noun phrase right before the trigger ("przedstawiciel
    administracji USA": the official, not the country), else the nearest mention before the
    trigger in its clause that stands where a subject does."""
    view, start = q.view, window_start(q, t)
    phrase = subject_phrase(view, t, start)
    if phrase is not None:
        head = next((m for m in view.mentions if m.first <= phrase[1] < m.last and not _aside_before(q, m, t)), None)
        if head is not None and subject_like(view, head, q.ctx.data):
            return head
    return next((m for m in reversed(view.mentions)
                 if start <= m.first and m.last <= t.first and subject_like(view, m, q.ctx.data)
                 and not (m.first > 0 and view.attribution[m.first - 1]) and not _aside_before(q, m, t)
                 and _agrees(q, m, t)), None)


def _agrees(q: ActorQuery, m: Mention, t: Trigger) -> bool:
    """A person of the other gender than the verb's is no subject of it ("Mao Ning, pytana o słowa
    Rubio, zaprzeczyła": not Rubio). Only the gazetteer's persons and a verb that shows gender tell."""
    verb = GENDER_FEATURES.get(q.view.words[t.head].feat("Gender") or "")
    entry = q.ctx.entry(m.actor)
    return verb is None or m.kind not in PERSONAL_KINDS or entry is None or entry.gender in (None, verb)


def _aside_before(q: ActorQuery, m: Mention, t: Trigger) -> bool:
    """Whether the mention stands in an aside the verb comes after: no subject of it."""
    return m.first in q.aside and t.first >= q.aside.stop


def pronoun_subject(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """A pronoun right before the verb, nearer than any named subject ("he also stressed")."""
    view = q.view
    lo = max(window_start(q, t), t.first - q.ctx.data.windows.pronoun_before)
    for j in range(t.first - 1, lo - 1, -1):
        gender = pronoun_gender(view, j, q.ctx.data)
        if gender and view.words[j].upos in PRONOUN_UPOS:
            mention = nearest_subject(q, t)
            if mention is None or j > mention.first:
                return ActorChoice(_refer(q, gender, j), "pronoun")
            return None
    return None


def latter_subject(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"Kim zaprosił Putina, a ten przyjął", "и тот ответил", "the latter accepted": the person
    named before it in the sentence who is no subject there."""
    view, data = q.view, q.ctx.data
    lo = max(window_start(q, t), t.first - data.windows.pronoun_before)
    latter = next((j for j in range(t.first - 1, lo - 1, -1) if view.texts[j] in data.cls("latter_pronouns")), None)
    if latter is None:
        return None
    named = (m for m in reversed(view.mentions) if m.last <= latter and m.kind in PERSONAL_KINDS
             and not subject_like(view, m, data))
    mention = next(named, None)
    return ActorChoice(mention.actor, "pronoun.latter") if mention else None


def unnamed_official(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"Japanese officials said", "Francuscy dyplomaci zapewniają", "przedstawiciel administracji
    USA, który …, określił", "the source said": a subject noun for an official or a source, right
    before the verb, names the unnamed official of the side its nationality or country tells (or
    the account's, or the readout's own side); with no side, the speaker is unknown."""
    phrase = subject_phrase(q.view, t, window_start(q, t)) or _noun_before_its_place(q, t)
    if phrase is None or phrase[1] in q.view.mention_words() or not _official_noun(q, phrase[1]) or \
            _names_apposition(q.view, phrase[0]):
        return None
    sides = _sides_in(q, *phrase)
    if len(sides) > 1:
        return ActorChoice(BOTH, "unnamed_official.both_sides")     # "The U.S. and Jordanian officials"
    if not sides and q.state.last_official:
        return ActorChoice(q.state.last_official, "unnamed_official.before")    # "The official said"
    side = sides[0] if sides else q.ctx.side_of(q.ctx.principal_of_account(q.state.account))
    label = q.ctx.lex.official_of(side)
    if label:
        return ActorChoice(label, "unnamed_official")
    head = phrase[1]
    named = q.state.titled_person(q.view.texts[head], q.view.lemmas[head])
    return ActorChoice(named, "titled_person") if named else ActorChoice(None, "unknown_subject")


def _noun_before_its_place(q: ActorQuery, t: Trigger) -> tuple[int, int] | None:
    """An official's noun whose place follows it in a prepositional phrase right before the verb
    ("źródło w MSZ przyznało", "a source at the ministry said", "источник в МИД сообщил"): the
    noun, as the phrase's first word and head."""
    view, start = q.view, window_start(q, t)
    words = _phrase_before_verb_in_pp(view, t, start)
    if words is None:
        return None
    noun = words[0] - 2
    return (noun, noun) if noun >= start and view.words[noun].upos == "NOUN" else None


def _names_apposition(view: SentenceView, first: int) -> bool:
    """A phrase set off after a person's name ("Steffen Hebestreit, the government's spokesman,
    condemned"): it describes the named subject, whom the nearest subject finds."""
    comma = next((k for k in range(first - 1, max(-1, first - 1 - APPOSITION_WORDS), -1)
                  if view.words[k].text == COMMA or view.words[k].upos in ("VERB", "AUX")), None)
    return comma is not None and view.words[comma].text == COMMA and \
        any(m.last == comma and m.kind == "person" for m in view.mentions)


def _official_noun(q: ActorQuery, head: int) -> bool:
    nouns = q.ctx.data.cls("official_nouns")
    return q.view.texts[head] in nouns or q.view.lemmas[head] in nouns


def _sides_in(q: ActorQuery, first: int, head: int) -> list[str]:
    """The sides a subject phrase names: nationality adjectives and countries in it ("Japanese
    officials", "The U.S. and Jordanian officials"), else a country or institution right after
    its head ("przedstawiciel administracji USA")."""
    nationalities = actor_indexes(q.ctx.lex.lang).nationalities
    sides, k = [], first
    while k <= head:        # an adjective's words are no adjective of their own ("South [Sudanese]")
        hit = nationalities.match_at(q.view.keys, k)
        sides += [str(hit[1])] if hit else []
        k = hit[0] if hit else k + 1
    # a side joined by a conjunction before the phrase ("The U.S. and Jordanian officials"), or
    # its possessor ("India's foreign secretary")
    before = q.view.texts[first - 1] if first > 0 else ""
    joined = first - 1 if first > 0 and (q.view.words[first - 1].upos == "CCONJ" or
                                         before in q.ctx.data.cls("possessive_markers")) else first
    places = [m for m in q.view.mentions if m.kind in PLACE_KINDS and
              (first <= m.first and m.last <= head or m.last == joined < first)]
    sides += [side for m in places if (side := q.ctx.side_of(m.actor))]
    if sides:
        return list(dict.fromkeys(sides))
    # the place after the head ("przedstawiciel administracji USA", "a source in the South African
    # delegation", "источник в турецкой делегации")
    after = range(head + 1, min(len(q.view), head + 1 + q.ctx.data.windows.official_side_after))
    following = [side for m in q.view.mentions if m.first in after and m.kind in PLACE_KINDS
                 and (side := q.ctx.side_of(m.actor))]
    following += [str(hit[1]) for k in after if (hit := nationalities.match_at(q.view.keys, k))]
    return following[:1]


def subject_phrase(view: SentenceView, t: Trigger, start: int) -> tuple[int, int] | None:
    """The noun phrase right before the verb (past adverbs and auxiliaries, and over a relative
    clause between commas), when it stands as a subject: its first word and its head (the
    nominative noun where nouns have case, else the last noun); None when the words there are
    not a noun phrase, or one inside a prepositional phrase."""
    words = _phrase_before_verb(view, t, start)
    if words is None:
        return None
    first, k = words
    named = [m.first for m in view.mentions if first <= m.first and m.last <= k + 1 and m.kind == "person"]
    if named:
        return first, named[-1]     # "spokesman John Kirby", "Rzecznik rządu Adam Szłapka": the named person
    nouns = [j for j in range(first, k + 1) if view.words[j].upos == "NOUN"]
    cased = [j for j in nouns if view.words[j].feat("Case")]
    head = next((j for j in cased if view.words[j].feat("Case") == "Nom"), None) if cased else (nouns[-1] if nouns else None)
    return None if head is None else (first, head)


def _phrase_before_verb(view: SentenceView, t: Trigger, start: int) -> tuple[int, int] | None:
    """The first and last word of the noun phrase right before the verb, not inside a
    prepositional phrase."""
    words = _noun_phrase_before_verb(view, t, start)
    if words is None or words[0] > 0 and view.words[words[0] - 1].upos == "ADP":
        return None
    return words


def _phrase_before_verb_in_pp(view: SentenceView, t: Trigger, start: int) -> tuple[int, int] | None:
    """The noun phrase right before the verb when a preposition governs it."""
    words = _noun_phrase_before_verb(view, t, start)
    return words if words is not None and words[0] > 0 and view.words[words[0] - 1].upos == "ADP" else None


def _noun_phrase_before_verb(view: SentenceView, t: Trigger, start: int) -> tuple[int, int] | None:
    k = _before_verb(view, t.first - 1, start)
    first = k
    while first - 1 >= start and view.words[first - 1].upos in NOUN_PHRASE_UPOS:
        first -= 1
    return None if k < start or first > k else (first, k)


def unnamed_body(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"The European Commission has said", "French farm unions warned", "Chińskie ministerstwo
    handlu potwierdziło": a body the gazetteer does not know, as the subject right before the
    verb, is the speaker, not the last actor named: named as the English press names a body of
    the one side the phrase gives ("Chinese Ministry"), else as the text names it."""
    view = q.view
    words = _phrase_before_verb(view, t, window_start(q, t))
    if words is None:
        return None
    bodies, named = q.ctx.data.cls("body_nouns"), view.mention_words()
    heads = [j for j in range(words[0], words[1] + 1) if view.texts[j] in bodies or view.lemmas[j] in bodies]
    # the body's noun is the phrase's first noun, in the nominative, no mention's word ("Министерство
    # торговли КНР": the country is its complement)
    if not heads or heads[0] in named or view.words[heads[0]].feat("Case") not in (None, "Nom") or \
            any(words[0] <= j < heads[0] for j in named):
        return None
    phrase = view.words[words[0]:min(words[1] + 1, t.first)]
    if any(w.upos not in NOUN_PHRASE_UPOS for w in phrase):
        return None         # coordinated subjects or a parenthesis: not one body's name
    # the body's own name after its noun ("Chińska agencja Xinhua"); a country there is its complement
    after = range(heads[0] + 1, min(words[1] + 1, t.first))
    body = next((m for m in view.mentions if m.first in after and m.kind in BODY_NAME_KINDS), None)
    if body is not None:
        return ActorChoice(body.actor, "unnamed_body.named", body.via)
    proper = [view.words[j].text for j in after if view.words[j].upos == "PROPN" and j not in named]
    if proper:
        return ActorChoice(" ".join(proper), "unnamed_body.name")
    sides = _sides_in(q, words[0], words[1] + 1)       # a country closing the phrase counts ("… КНР")
    head = heads[0]
    # an English text names it in English already
    label = q.ctx.lex.body_of(sides[0], view.texts[head]) or q.ctx.lex.body_of(sides[0], view.lemmas[head]) \
        if len(sides) == 1 and q.ctx.lex.lang != ENGLISH else None
    if label:
        return ActorChoice(label, "unnamed_body.side")
    kept = [w for w in phrase if w.upos != "DET"]
    name = " ".join(w.text for w in kept)
    return ActorChoice(name[:1].upper() + name[1:], "unnamed_body")


def _before_verb(view: SentenceView, k: int, start: int) -> int:
    """The last word of what precedes a verb: past adverbs, auxiliaries and particles, a date
    ("Министерство … в субботу сообщило"), and over an aside set off by commas (a relative clause;
    "Токаев, однако, не стал")."""
    closes = {close: opening for opening, close in view.asides}
    while k >= start and (view.words[k].upos in BEFORE_VERB_UPOS or k in closes or k in view.dated):
        k = closes[k] - 1 if k in closes else k - 1
    return k


def adverbial(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"he urged …, warning that …": the participle's subject is the previous claim's; one that
    opens the sentence ("Выразив удовлетворение …, стороны обсудили") has the main clause's."""
    view = q.view
    if not adverbial_speech(view, q.ctx.data, t.head):
        return None
    if t.first == 0:
        comma = next((k for k in range(t.last, len(view)) if view.words[k].text == COMMA), len(view))
        subject = next((m for m in view.mentions if m.first > comma and m.case in NOMINATIVE), None)
        return None if subject is None else ActorChoice(subject.actor, "adverbial.main_subject", subject.via)
    return ActorChoice(q.previous_actor, "adverbial") if q.previous_actor else None


def coordinated_verb(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"restated his support for X and urged …": a coordinated verb shares the previous claim's
    subject, unless a subject of its own stands right before it, after the conjunction (", and
    Bangladesh offered"; not "… for Bangladesh, and offered")."""
    conj = _conjunction_before(q, t)
    if not (q.previous_actor and conj is not None):
        return None
    if _pronoun_after(q, t, conj):
        return None
    mention = nearest_subject(q, t)
    if mention is None or mention.last <= conj or t.first - mention.last > q.ctx.data.windows.coordination_subject_gap:
        return ActorChoice(q.previous_actor, "coordination")
    return None


def attributed_own_side(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"По словам Токаева, Казахстан готов …", "According to Albanese, Australia will …": the
    person an attribution names speaks for his own country, the subject of what he is quoted as
    saying."""
    subject = nearest_subject(q, t)
    speaker = _attributed_speaker_of_side(q, t, subject) if subject is not None else None
    return ActorChoice(speaker, "attributed.own_side") if speaker is not None else None


def _attributed_speaker_of_side(q: ActorQuery, t: Trigger, subject: Mention) -> str | None:
    view = q.view
    if subject.kind not in COUNTRY_KINDS:
        return None
    side = q.ctx.side_of(subject.actor)
    speaker = next((m for m in view.mentions if m.kind in PERSONAL_KINDS and m.last <= t.first and m.first > 0
                    and view.attribution[m.first - 1]), None)
    if speaker is None or side is None or q.ctx.side_of(speaker.actor) != side:
        return None
    # a party or leader speaks for his country; an aide relays it ("Как уточнил Ушаков, российская сторона …")
    return speaker.actor if speaker.actor in q.ctx.principals or q.ctx.is_leader(speaker.actor) else None


def _pronoun_after(q: ActorQuery, t: Trigger, conj: int) -> bool:
    """A first-person subject of its own after the conjunction ("We discussed Ukraine, and I
    reiterated …"): the verb shares no subject."""
    persons = q.ctx.data.cls("first_person")
    return any(q.view.texts[k] in persons for k in range(conj + 1, t.first))


def mention_subject(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """The nearest subject mention; two persons joined by a conjunction are both principals; a
    title after a name in apposition is the named person."""
    mention = nearest_subject(q, t)
    if mention is None:
        return None
    if coordinated_partner(q.view, mention):
        return ActorChoice(BOTH, "coordinated_subjects")
    named = apposition(q.view, mention, q.ctx.data)
    if named is not None:
        return ActorChoice(named, "apposition")
    return ActorChoice(mention.actor, "mention", mention.via)


def discussion_topic(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"The conversation focused on …": a discussion whose subject is a noun, not a party; or
    whose subject is the phrase's own noun after its verb ("Состоялся обмен мнениями")."""
    if t.act != "discuss":
        return None
    words = q.view.words
    if any(w.upos == "NOUN" for w in words[window_start(q, t):t.first]) or \
            any(w.upos == "NOUN" and w.feat("Case") == "Nom" for w in words[t.first + 1:t.last]):
        return ActorChoice(BOTH, "topic")
    return None


def sentence_subject(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"Kirby called the contact 'a good thing' but said …": the first verb was no claim; the
    sentence's subject is still the coordinated verb's."""
    conj = _conjunction_before(q, t)
    if conj is None or _pronoun_after(q, t, conj):
        return None
    if q.previous_actor:
        return ActorChoice(q.previous_actor, "coordination")
    view = q.view
    subject = next((m for m in view.mentions if m.last <= t.first and m.kind in PERSONAL_KINDS
                    and subject_like(view, m, q.ctx.data)), None)
    if subject is not None and not view.quoted_in_sentence[subject.first]:
        return ActorChoice(subject.actor, "coordination.sentence_subject")
    return None


def inverted_subject(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"– powiedział urzędnik Białego Domu", "said Peskov": a subject right after the verb, in
    attribution order."""
    view, reach = q.view, q.ctx.data.windows.inverted_subject_after
    for m in view.mentions:
        if t.last <= m.first <= t.last + reach and m.case in NOMINATIVE and _inverted_order(q, t, m):
            return ActorChoice(m.actor, "inverted", m.via)
    return None


def _inverted_order(q: ActorQuery, t: Trigger, m: Mention) -> bool:
    """After the verb a mention is its subject only in attribution order (a quote, dash or comma
    before the verb, or the verb opening the sentence), not as the content's own subject."""
    view = q.view
    if any(w.upos in NON_SUBJECT_BETWEEN for w in view.words[t.last:m.first]):
        return False
    if m.last < len(view) and view.words[m.last].upos in ("VERB", "AUX") and \
            view.words[m.last].feat("VerbForm") in (None, "Fin"):
        return False        # ", said Macron warned …": the subject of the content's own verb
    before = view.words[t.first - 1].text if t.first > 0 else ""
    return t.first == 0 or before in q.ctx.data.cls("quote_attribution_dashes").raw or \
        before in q.ctx.data.quotes.inverted_attribution


def impersonal(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """Impersonal and passive forms: a joint act is both principals'; anything else is the
    account's principal, the party the content names first, or both."""
    view, ctx = q.view, q.ctx
    if not (ctx.data.holds("impersonal", view, t.head) or passive(view, t, ctx)):
        return None
    if t.act in JOINT_ACTS or t.joint_only or ctx.lex.joint_acts.get(t.lemma) in JOINT_ACTS:
        return ActorChoice(BOTH, "impersonal")
    if q.state.account is None and ctx.own_side and t.act not in ONE_SIDED_ACTS:
        # a readout's own agentless passive ("Отмечено, что …") continues a paragraph that one
        # principal's claims have held so far, and otherwise sums up what the two sides said;
        # a concern or a demand stays its own side's
        held = set(q.state.paragraph_actors)
        one = next(iter(held)) if len(held) == 1 and BOTH not in held else None
        return ActorChoice(one, "impersonal.paragraph") if one else ActorChoice(BOTH, "impersonal.readout")
    return ActorChoice(ctx.principal_of_account(q.state.account) or _content_party(q, t) or BOTH, "impersonal")


def _content_party(q: ActorQuery, t: Trigger) -> str | None:
    """"Zapewniono, że Niemcy będą wspierać Ukrainę": with no account to speak for, an impersonal
    commitment is made by the party its content speaks of first."""
    start = t.content_start if t.content_start is not None else t.last
    reach = q.ctx.data.windows.content_subject_after
    return next((m.actor for m in q.view.mentions if start <= m.first <= start + reach
                 and m.kind in CONTENT_PARTY_KINDS and m.case in NOMINATIVE), None)


def plural_subjectless(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """A plural verb without a subject: both principals, or an institution named as its place
    ("В Кремле поддержали", "w Białym Domu uznali")."""
    head = q.view.words[t.head]
    if head.feat("Number") != PLUR or head.feat("Person") not in (None, THIRD):
        return None
    places, start = q.ctx.data.cls("institution_places"), window_start(q, t)
    for m in q.view.mentions:
        if start <= m.first and m.last <= t.first and m.kind in PLACE_KINDS and m.first > 0 \
                and q.view.texts[m.first - 1] in places:
            return ActorChoice(m.actor, "institution_place")
    return ActorChoice(BOTH, "subjectless.plural")


def phrase_topic(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """"The conversation focused on …", "Rozmowa dotyczyła …", "Taiwan did not come up": the
    phrase holds its own subject, or is a topic concept's, whose subject is the topic."""
    head = q.view.words[t.head]
    if t.family != PHRASE or t.quote is not None or t.act not in JOINT_ACTS:
        return None
    if head.upos not in ("VERB", "AUX") or q.view.words[t.first].upos == "NOUN" or \
            q.ctx.data.lex.concept_of.get(("phrases", t.entry or "")) == TOPIC:
        return ActorChoice(BOTH, "topic")
    return None


def subjectless(q: ActorQuery, t: Trigger) -> ActorChoice | None:
    """A subjectless finite verb: the narrator's last subject of its gender, or, where the verb
    shows no gender, the last actor."""
    gender = GENDER_FEATURES.get(q.view.words[t.head].feat("Gender") or "")
    if gender and q.state.subject(gender):
        return ActorChoice(q.state.subject(gender), "subjectless.gender")
    if gender is None and q.state.last_actor and q.state.last_actor != BOTH:
        return ActorChoice(q.state.last_actor, "subjectless.last_actor")
    return None


STRATEGIES: tuple[Strategy, ...] = (
    named_by_rule, quote_speaker, labelled_speaker, narrating_author, quoted_we, cleft_subject, quoted_speaker,
    purpose_caller, attributed_own_side, syntactic_subject,
    passive_agent, accepting_invitee,
    nominal_agent,
    passive_joint,
    latter_subject, pronoun_subject, unnamed_official, unnamed_body, adverbial, coordinated_verb, mention_subject,
    discussion_topic, sentence_subject,
    inverted_subject, impersonal, plural_subjectless, phrase_topic, subjectless,
)


# ---------------------------------------------------------------------------------- mentions
def coordinated_partner(view: SentenceView, mention: Mention) -> bool:
    """Another party joined to this one by a conjunction: a person ("Лавров и госсекретарь США
    Рубио"), a country ("Russia and Ukraine agreed", "the United States and the United Kingdom"),
    or a title the gazetteer cannot resolve ("The President and the Prime Minister")."""
    kinds = PERSONAL_KINDS if mention.kind in PERSONAL_KINDS else COUNTRY_KINDS if mention.kind in COUNTRY_KINDS else None
    if kinds is None:
        return False
    for m in view.mentions:
        if m.kind not in kinds or m.actor == mention.actor:
            continue
        a, b = (m, mention) if m.last <= mention.first else (mention, m)
        between = view.words[a.last:b.first]
        if b.first >= a.last and between and any(w.upos == "CCONJ" for w in between) and \
                all(_joins(w, kinds) for w in between) and not _governed(view, a):
            return True
    return kinds is PERSONAL_KINDS and _titled_partner(view, mention)


def _joins(w: Word, kinds: frozenset[str]) -> bool:
    """A word that may stand between two coordinated parties: the conjunction, punctuation, an
    article, and between persons a title or honorific the mention left out ("Mr. Sullivan and
    Mr. Landerholm", "The Vice President and President Arévalo"), with a country's possessive
    ("… and Chile's President Gabriel Boric")."""
    if w.upos in ("CCONJ", "PUNCT", "DET"):
        return True
    return kinds is PERSONAL_KINDS and (w.upos in ("PROPN", "NOUN") and w.text[:1].isupper() or
                                        w.upos == "PART" and w.feat("Poss") == "Yes")


def _governed(view: SentenceView, mention: Mention) -> bool:
    """Right after a verb or a preposition, a mention is its object, not a subject ("discussed
    Rafah and the President reiterated …")."""
    return mention.first > 0 and view.words[mention.first - 1].upos in GOVERNING_UPOS


def _titled_partner(view: SentenceView, mention: Mention) -> bool:
    """A conjunction after the mention, then (a determiner and) a proper noun of no mention."""
    k = mention.last
    if k >= len(view) or view.words[k].upos != "CCONJ":
        return False
    k += 1
    while k < len(view) and view.words[k].upos == "DET":
        k += 1
    return k < len(view) and view.words[k].upos == "PROPN" and k not in view.mention_words()


def apposition(view: SentenceView, mention: Mention, data: ClaimData) -> str | None:
    """"Dmitry Peskov, the Kremlin spokesperson, said": the named person, not the label (a colon
    ends a speaker's label: "MS. LEAVITT: The Prime Minister invited …"); a name that closes an
    attribution aside ("Jak podał rzecznik Steffen Hebestreit, kanclerz potępił …") is no
    apposition of the title after its comma."""
    if mention.kind not in ("official", "institution") and mention.via not in ("title", "generic"):
        return None
    named = next((m for m in view.mentions
                  if m.last < mention.first and m.kind == "person" and m.via == "name"
                  and all(w.upos in ("PUNCT", "DET") and w.text != COLON for w in view.words[m.last:mention.first])),
                 None)
    return None if named is None or _in_attribution_aside(view, named.first, data) else named.actor


def _in_attribution_aside(view: SentenceView, i: int, data: ClaimData) -> bool:
    """Word i stands after an attribution marker and its verb, with no comma between ("Jak podał
    …", "Как сообщил …", "As … said")."""
    markers = data.cls("attribution_markers")
    for k in range(i - 1, max(-1, i - 1 - ATTRIBUTION_ASIDE_WORDS), -1):
        if view.words[k].text == COMMA:
            return False
        if view.texts[k] in markers and k + 1 < len(view) and view.words[k + 1].upos == "VERB":
            return True
    return False
