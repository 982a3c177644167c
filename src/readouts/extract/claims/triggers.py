"""Triggers: the words that carry a claim's act. One generator per family, in the order they
claim words: multi-word phrases of the lexicon, then verbs (a light verb with its act-bearing
noun, or a verb whose lemma carries an act); commitments of an official readout's own side and
attributed speech ("По словам Пескова, …") come later in the sentence's flow, when no other
trigger holds. Each trigger names the pattern that found it."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from readouts.extract.actors import Mention
from readouts.extract.claims.data import ClaimData, Phrase
from readouts.extract.claims.patterns import _match_items
from readouts.extract.claims.view import SentenceView, cue_marks, pronoun_gender
from readouts.extract.lexicon import Lexicon, fold

# UD parts of speech that never carry a verbal trigger.
NON_VERBAL_UPOS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "PRON", "ADP", "NUM", "PUNCT", "CCONJ", "SCONJ", "SYM"})
VERBAL_UPOS = frozenset({"VERB", "AUX"})
# Verb forms that are not predicates of a clause of their own.
NON_FINITE = frozenset({"Part", "Conv", "Ger", "Vnoun"})
ADVERBIAL_FORMS = frozenset({"Ger", "Conv"})
GERUND = "Ger"
PHASE_LICENCE = "predicate.phase"      # an infinitive after "не стал": one predicate
# acts a verb of saying carries only with what it says ("noting that …"); a participle of another
# act carries it by itself (", rejecting the proposal")
STATE_ACT = "state"
CONTENT_ACTS = frozenset({STATE_ACT, "discuss"})
PERSONAL_OR_GROUP = frozenset({"person", "official", "group"})
FIRST_PERSON = "1"
MARKER_WORDS = 3        # the longest purpose marker ("in order to")
CLITIC_UPOS = frozenset({"PRON", "ADV", "PART"})     # what may stand between a purpose marker and its verb
COMMA = ","

# trigger families (how the trigger was found) and their pattern ids
VERBAL_NOUN = "Vnoun"          # Polish gerunds ("podpisanie") carry their verb's lemma
VERB, JOINT, LIGHT_VERB, PHRASE, COMMITMENT, ATTRIBUTION = \
    "verb", "joint", "light_verb", "phrase", "commitment", "attribution"
NAMING_PATTERN = "naming.evaluation"
EVALUATION_ORDER = ("reject", "concern", "support")     # the strongest evaluation names the act
CLAUSE_PUNCTUATION = frozenset({";", ":"})
LIGHT_PATTERNS = ("light_verb.object", "light_verb.preposed_object", "light_verb.negated_preposed_object")
# the subject stands between the noun and its verb ("Żadnych obietnic prezydent nie składał"): the
# trigger is the verb alone, the noun its entry, so that the subject is found before it
VERB_ONLY_PATTERNS = ("light_verb.negated_preposed_object",)


@dataclass(frozen=True)
class Trigger:
    first: int                      # word index of the first trigger word
    last: int                       # index after the last trigger word
    act: str
    pattern: str                    # the id of the pattern that found it
    family: str                     # verb | joint | light_verb | phrase | commitment | attribution
    head: int                       # the verbal word (for morphology and syntax)
    lemma: str
    entry: str | None = None        # the vocabulary entry it matched (a phrase, a light noun)
    licence: str | None = None      # why its verb counts as a clause's predicate
    joint_only: bool = False        # an act only when the two principals (or no one) do it
    frame: bool = False             # a generic verb of saying that yields to the claims it frames
    content_start: int | None = None
    content_rule: str | None = None
    speaker: str | None = None      # set when the rule itself names the actor
    window_start: int = 0           # the subject is not sought before this word
    quote: str | None = None        # the quote pattern, when it attributes a quotation
    absorbed: str | None = None     # the inner trigger's pattern whose act this frame took
    relayer: str | None = None      # the speaker of a frame that only relays this inner trigger

    @property
    def plain_verb(self) -> bool:
        """A verb trigger as found: neither a quote's attribution nor carrying an inner act."""
        return self.family == VERB and self.quote is None and self.absorbed is None


def trigger_concept(t: Trigger, lex: Lexicon) -> str | None:
    """The act concept a trigger's verb, phrase or light verb's noun belongs to (lang/act_concepts.yaml)."""
    entry = t.entry or ""
    return lex.concept_of.get(("verbs", fold(t.lemma))) or lex.concept_of.get(("phrases", entry)) or \
        (lex.concept_of.get(("nouns", entry)) if t.family == LIGHT_VERB else None)


@dataclass(frozen=True)
class Dropped:
    """A candidate trigger that yields no claim, and why."""
    first: int
    last: int
    pattern: str
    reason: str


@dataclass(frozen=True)
class Found:
    triggers: tuple[Trigger, ...]
    dropped: tuple[Dropped, ...]


def find_triggers(view: SentenceView, data: ClaimData, speaking: bool = False) -> Found:
    """The sentence's triggers, in order, with the candidates dropped as subordinate or the
    narrator's (in a speaker's turn, the first person is the speaker's, not the narrator's)."""
    # words of an attribution name a source, no claim; a topic opener ("Что касается Пакша, …")
    # announces a topic, no act
    openers = cue_marks(view.texts, view.lemmas, data.cls("topic_openers"))
    used = [cue or opener for cue, opener in zip(view.attribution, openers)]
    found = list(_phrase_triggers(view, data, used)) + list(_verb_triggers(view, data, used))
    kept, dropped = [], []
    for t in sorted(found, key=lambda t: t.first):
        reason = "trigger.subordinate" if subordinate(view, t.first, data) else \
            "trigger.narrator" if not speaking and _narrator(view, t, data) else None
        if reason:
            dropped.append(Dropped(t.first, t.last, t.pattern, reason))
        else:
            kept.append(t)
    return Found(tuple(kept), tuple(dropped))


# ---------------------------------------------------------------------------------- phrases
def _phrase_triggers(view: SentenceView, data: ClaimData, used: list[bool]) -> Iterator[Trigger]:
    """Multi-word phrases of the lexicon ("made … clear", "dać do zrozumienia"), longest first."""
    for i in range(len(view)):
        if used[i]:
            continue
        hit = _phrase_at(view, data, i)
        if hit is None or not _phrase_is_verbal(view, data, i, hit[1]):
            continue
        phrase, end = hit
        # the verbal word: a verb, else an auxiliary, else a predicative adjective ("не согласен с")
        verbs = [j for j in range(i, end) if view.words[j].upos == "VERB"] or \
            [j for j in range(i, end) if view.words[j].upos == "AUX"] or \
            [j for j in range(i, end) if view.words[j].upos == "ADJ"] or [i]
        yield Trigger(i, end, phrase.act, PHRASE, PHRASE, verbs[0], view.lemmas[verbs[0]], entry=phrase.entry)
        used[i:end] = [True] * (end - i)


def _phrase_at(view: SentenceView, data: ClaimData, i: int) -> tuple[Phrase, int] | None:
    candidates = {p.rank: p for key in view.keys[i] for p in data.phrases_by_key.get(key, ())}
    for rank in sorted(candidates):
        found = _match_items(candidates[rank].items, 0, view, i, 1, {}, {})
        if found is not None:
            return candidates[rank], found[0]
    return None


def _phrase_is_verbal(view: SentenceView, data: ClaimData, i: int, end: int) -> bool:
    """A phrase opening with a verb needs a predicate there; one opening with a noun after a
    determiner, with no verb in it, is a noun phrase ("held a video call on Tuesday"); so is one
    opening with a verbal noun, which shares its verb's lemma ("Podpisanie traktatu zbiegło się …")."""
    w = view.words[i]
    if w.upos in VERBAL_UPOS and licence(view, data, i) is None or w.feat("VerbForm") == VERBAL_NOUN:
        return False
    lo = max(0, i - data.windows.noun_determiner_before)
    return not (w.upos == "NOUN" and any(x.upos == "DET" for x in view.words[lo:i])
                and not any(x.upos in VERBAL_UPOS for x in view.words[i:end]))


# ---------------------------------------------------------------------------------- verbs
def _verb_triggers(view: SentenceView, data: ClaimData, used: list[bool]) -> Iterator[Trigger]:
    """Verbs whose lemma carries an act, and light verbs with their act-bearing noun."""
    lex = data.lex
    for i in range(len(view)):
        lemma = view.verb_lemmas[i]
        light, own, joint = lemma in lex.light_verbs, lex.verb_acts.get(lemma), lex.joint_acts.get(lemma)
        naming = lemma in data.cls("naming_verbs")
        if used[i] or not (light or own or joint or naming):
            continue
        why = licence(view, data, i)
        if why is None:
            continue
        trigger: Trigger | None = _naming_trigger(view, data, i, why) if naming else None
        if trigger is None and light:
            trigger = _light_trigger(view, data, i, why)
        if trigger is not None and used[trigger.first if trigger.first != i else trigger.last - 1]:
            used[i] = True          # "обратился … с просьбой": the phrase already carries the act
            continue
        act = own or joint
        if trigger is None and act:
            trigger = Trigger(i, i + 1, act, "verb.act" if own else "verb.joint", VERB if own else JOINT,
                              i, lemma, licence=why, joint_only=not own,
                              frame=bool(own) and lemma in lex.frames)
        if trigger is not None and why == PHASE_LICENCE:
            # "не стал давать", "began by thanking": the subject is before "стал", "began"
            trigger = replace(trigger, first=i - 2 if view.words[i].feat("VerbForm") == GERUND else i - 1)
        if trigger is not None:
            yield trigger
            used[trigger.first:trigger.last] = [True] * (trigger.last - trigger.first)
        used[i] = True


def _naming_trigger(view: SentenceView, data: ClaimData, i: int, why: str) -> Trigger | None:
    """"called Turkey 'a strategic partner'", "nazwał wynik rozmów „upokorzeniem”", "назвал
    подобные заявления «нагнетанием»": a verb of naming takes its act from the evaluation it names
    its object by, before the clause ends; the strongest evaluation found wins."""
    stop = min(len(view), i + 1 + data.windows.naming_evaluation_after)
    found: dict[str, int] = {}
    for k in range(i + 1, stop):
        w = view.words[k]
        if view.texts[k] in data.cls("complementizers") or w.text in CLAUSE_PUNCTUATION or \
                w.upos == "VERB" and w.feat("VerbForm") == "Fin":
            break
        for evaluation in EVALUATION_ORDER:
            words = data.cls(f"evaluations.{evaluation}")
            if words.match_at(view.lemmas, k, stop) or words.match_at(view.texts, k, stop):
                found.setdefault(evaluation, k)
    act = next((a for a in EVALUATION_ORDER if a in found), None)
    if act is None:
        return None
    return Trigger(i, i + 1, act, NAMING_PATTERN, LIGHT_VERB, i, view.verb_lemmas[i],
                   entry=view.lemmas[found[act]], licence=why)


def _light_trigger(view: SentenceView, data: ClaimData, i: int, why: str) -> Trigger | None:
    """A light verb and the act-bearing noun of its object ("expressed concern", "wyraził
    poparcie", "договорённостей … достигнуто")."""
    for pattern_id in LIGHT_PATTERNS:
        match = data.pattern(pattern_id).match(view, i)
        if match is None:
            continue
        j = match.slot("noun")[0]
        noun = view.lemmas[j] if view.lemmas[j] in data.lex.light_nouns else view.texts[j]
        first, last = (i, i + 1) if pattern_id in VERB_ONLY_PATTERNS else (min(i, j), max(i, j) + 1)
        return Trigger(first, last, data.lex.light_nouns[noun], pattern_id, LIGHT_VERB, i, view.verb_lemmas[i],
                       entry=noun, licence=why)
    return None


def licence(view: SentenceView, data: ClaimData, i: int) -> str | None:
    """Why word i is the predicate of a clause of its own (None when it is not): a finite verb,
    an impersonal form, a participle after an auxiliary ("had accepted", "did not agree"), an
    infinitive under an alleging auxiliary ("miał zapewnić") or a phase verb ("не стал давать"),
    or an adverbial participle (", warning that …", ", rejecting the proposal")."""
    w = view.words[i]
    if adverbial_speech(view, data, i):
        return "predicate.adverbial"
    if performative(view, data, i):
        return "predicate.performative"
    if call_purpose(view, data, i):
        return "predicate.purpose"
    if w.upos in NON_VERBAL_UPOS or _after_noun_marker(view, data, i) or _purpose_participle(view, data, i):
        return None
    periphrastic = _periphrastic(view, data, i)
    form = w.feat("VerbForm")
    if form == GERUND and _phase_opener(view, data, i):
        return PHASE_LICENCE        # "The Prime Minister began by congratulating …"
    if form in NON_FINITE and not data.holds("impersonal", view, i) and not periphrastic:
        return None
    if form == "Inf" and not periphrastic:
        if governed_infinitive(view, data, i):
            return "predicate.alleged"
        return PHASE_LICENCE if _phase_auxiliary(view, data, i) else None
    return "predicate.periphrastic" if periphrastic else "predicate.finite"


def _purpose_participle(view: SentenceView, data: ClaimData, i: int) -> bool:
    """"визит был призван уравновесить": what something is meant for, before its infinitive."""
    return view.texts[i] in data.cls("purpose_participles") and i + 1 < len(view) and \
        view.words[i + 1].feat("VerbForm") == "Inf"


def _periphrastic(view: SentenceView, data: ClaimData, i: int) -> bool:
    """After an auxiliary a participle or infinitive is the clause's predicate ("had accepted",
    "was agreed", "będzie omawiać"), unless a full verb comes between."""
    lo = max(-1, i - 1 - data.windows.periphrastic_aux_before)
    aux = next((k for k in range(i - 1, lo, -1) if view.words[k].upos == "AUX"), None)
    return aux is not None and not any(x.upos == "VERB" for x in view.words[aux + 1:i])


def _after_noun_marker(view: SentenceView, data: ClaimData, i: int) -> bool:
    """A determiner, a possessive or an infinitive marker before the word makes it a noun or a
    dependent form ("the agreement", "Russia's repeated references", "to agree")."""
    if i == 0:
        return False
    prev = view.words[i - 1]
    if prev.upos == "DET" and view.texts[i - 1] in data.cls("latter_pronouns"):
        return False        # "и тот принял": a demonstrative standing for a person, the verb's subject
    if prev.upos == "DET" or prev.upos == "PRON" and prev.feat("Poss"):
        return True
    return view.texts[i - 1] in data.cls("possessive_markers") or view.texts[i - 1] in data.cls("infinitive_markers")


def adverbial_speech(view: SentenceView, data: ClaimData, i: int) -> bool:
    """", warning that …", ", zastrzegając, że …", ", подчеркнув, что …": an adverbial participle
    of a verb of saying, set off by a comma and followed by what it says, is a second act of the
    clause's subject; so is ", agreeing to …" (a commitment told by its infinitive), a participle
    of another act (", rejecting the proposal") or a light verb with its noun ("Выразив
    удовлетворение", opening the sentence) — but not an item of a list of activities."""
    w = view.words[i]
    # a tagger may call an English "-ing" form a noun; its verb shows in the regular endings
    participle = w.feat("VerbForm") in ADVERBIAL_FORMS or w.upos == "NOUN" and view.verb_lemmas[i] != view.lemmas[i]
    # set off by a comma, or opening the sentence ("Выразив удовлетворение …, стороны обсудили")
    if not (participle and (i == 0 or view.words[i - 1].text == COMMA)):
        return False
    after = range(i + 1, min(len(view), i + 1 + data.windows.adverbial_complementizer_after))
    if any(view.texts[k] in data.cls("complementizers") for k in after):
        return True
    if _in_a_list(view, i):
        return False
    if data.lex.verb_acts.get(view.verb_lemmas[i], STATE_ACT) not in CONTENT_ACTS:
        return True         # ", rejecting the proposal", ", thanking him for": the act is in the verb
    if view.verb_lemmas[i] in data.lex.light_verbs and i + 1 < len(view) and \
            view.lemmas[i + 1] in data.lex.light_nouns:
        return True         # "Выразив удовлетворение", ", expressing concern"
    return i + 2 < len(view) and view.texts[i + 1] in data.cls("infinitive_markers") \
        and view.words[i + 2].upos in VERBAL_UPOS


def _in_a_list(view: SentenceView, i: int) -> bool:
    """A participle after a comma whose previous item holds one too is an item of a list of
    activities ("including building consensus, promoting health security, supporting …")."""
    k = i - 2
    while k >= 0 and view.words[k].text != COMMA:
        if view.words[k].feat("VerbForm") in ADVERBIAL_FORMS:
            return True
        k -= 1
    return False


def performative(view: SentenceView, data: ClaimData, i: int) -> bool:
    """"я хочу Вас поблагодарить", "не могу не поблагодарить", "I would like to thank": an
    infinitive under a first-person auxiliary of wish or ability is the speaker's act; so is one
    after a leave asked ("Позвольте мне поприветствовать", "Let me thank", "Pozwolę sobie")."""
    if view.words[i].upos != "VERB" or view.words[i].feat("VerbForm") not in (None, "Inf"):
        return False
    auxiliaries, permission = data.cls("performative_auxiliaries"), data.cls("permission_verbs")
    before = range(max(0, i - data.windows.performative_aux_before), i)
    # the nearest verb before the infinitive governs it ("Позвольте от имени АСЕАН пригласить");
    # its lemma lower-cased: "Let me …" opens a transcript's turn
    k = next((k for k in reversed(before) if view.words[k].upos in ("VERB", "AUX") or
              view.lemmas[k].lower() in auxiliaries or view.lemmas[k].lower() in permission), None)
    if k is None:
        return False
    lemma = view.lemmas[k].lower()
    if lemma in auxiliaries:
        return _first_person_verb(view, data, k)
    asked_for_self = k + 1 < len(view.words) and view.lemmas[k + 1] in data.cls("first_person")   # "Let me"
    return lemma in permission and (view.words[k].feat("Mood") == "Imp" or asked_for_self or
                                    _first_person_verb(view, data, k))


def _first_person_verb(view: SentenceView, data: ClaimData, k: int) -> bool:
    """A verb in the first person: by its form, or by its pronoun before it ("I would like")."""
    if view.words[k].feat("Person") == FIRST_PERSON:
        return True
    j = k - 1
    while j >= 0 and view.words[j].upos == "AUX":
        j -= 1
    return j >= 0 and view.texts[j] in data.cls("first_person")


def call_purpose(view: SentenceView, data: ClaimData, i: int) -> bool:
    """"called President Erdogan to congratulate him", "zadzwonił, aby pogratulować", "позвонил,
    чтобы поздравить": an infinitive of purpose after a verb of calling is the caller's act."""
    if view.words[i].upos != "VERB" or view.words[i].feat("VerbForm") not in (None, "Inf"):
        return False
    marker = _purpose_marker(view, data, i)
    if marker is None:
        return _coordinated_purpose(view, data, i)
    calls = data.cls("call_verbs")
    lo = max(0, marker - data.windows.purpose_call_before)
    # the clause's verb: the nearest verb before the marker ("called President Claudia Sheinbaum
    # of Mexico today to congratulate her"), not any verb of a longer sentence
    k = next((k for k in range(marker - 1, lo - 1, -1) if view.words[k].upos in VERBAL_UPOS), None)
    return k is not None and (view.lemmas[k] in calls or view.verb_lemmas[k] in calls)


def _coordinated_purpose(view: SentenceView, data: ClaimData, i: int) -> bool:
    """"spoke with President Mulino to congratulate him … and emphasize our commitment": an
    infinitive joined by a conjunction to a purpose of the call is one too, no finite verb between."""
    if i < 2 or view.words[i - 1].upos != "CCONJ":
        return False
    lo = max(0, i - data.windows.purpose_call_before)
    for j in range(i - 2, lo - 1, -1):
        w = view.words[j]
        if w.upos in VERBAL_UPOS and w.feat("VerbForm") not in (None, "Inf"):
            return False
        if w.upos == "VERB" and w.feat("VerbForm") in (None, "Inf") and _purpose_marker(view, data, j) is not None:
            return call_purpose(view, data, j)
    return False


def _purpose_marker(view: SentenceView, data: ClaimData, i: int) -> int | None:
    """Where the purpose marker before infinitive i starts: right before it, or before the few
    clitics and adverbs that may come between ("aby mu pogratulować", "чтобы лично поздравить",
    "to personally congratulate")."""
    markers = data.cls("purpose_markers")
    gap = data.windows.purpose_marker_gap
    for k in range(i - 1, max(-1, i - MARKER_WORDS - gap - 1), -1):
        length = markers.match_at(view.texts, k, i)
        between = range(k + length, i)
        if length and len(between) <= gap and all(view.words[b].upos in CLITIC_UPOS for b in between):
            return k
    return None


def governed_infinitive(view: SentenceView, data: ClaimData, i: int) -> bool:
    """An infinitive is a claim's verb only under an alleging auxiliary ("miał zapewnić")."""
    return alleging_auxiliary(view, data, i) is not None


def _phase_auxiliary(view: SentenceView, data: ClaimData, i: int) -> bool:
    """A finite verb that with an infinitive makes one predicate ("не стал давать обещаний")
    right before word i."""
    return i > 0 and view.lemmas[i - 1] in data.cls("phase_auxiliaries") and \
        view.words[i - 1].feat("VerbForm") not in NON_FINITE


def _phase_opener(view: SentenceView, data: ClaimData, i: int) -> bool:
    """A finite verb and a preposition right before a gerund ("began by thanking", "opened by
    congratulating"): the gerund is the clause's act."""
    return i > 1 and view.words[i - 1].upos == "ADP" and view.lemmas[i - 2] in data.cls("phase_openers") and \
        view.words[i - 2].feat("VerbForm") not in NON_FINITE


def alleging_auxiliary(view: SentenceView, data: ClaimData, i: int) -> int | None:
    """The finite alleging auxiliary ("miał") a few words before word i, if any."""
    auxiliaries = data.cls("hedges.auxiliaries")
    for j in range(max(0, i - data.windows.alleging_aux_before), i):
        if view.lemmas[j] in auxiliaries and view.words[j].feat("VerbForm") not in NON_FINITE:
            return j
    return None


# ---------------------------------------------------------------------------------- filters
CLEFT_FRAME_WORDS = 3      # "it was", "it's": the words of a cleft's frame before its focus


def subordinate(view: SentenceView, i: int, data: ClaimData) -> bool:
    """A verb in a relative, conditional or question clause ("…, które będą", "jeśli Rosja
    zdecyduje", "czy omówiono") describes or supposes; it reports no claim."""
    questions = data.cls("question_openers")
    if i + 1 < len(view) and view.texts[i + 1] in questions:
        return True             # "обсуждалась ли": the particle follows the verb
    start = view.clause_starts[i]
    if start == 0 or any(_closes_clause(w.text, data) for w in view.words[start:i]):
        # the clause closed at a comma ("Pytany, czy …, Trump odparł") or with the quote it
        # was part of ("„…, jeśli Rosja posunie się dalej” – zapewnił Merz")
        return False
    opener = view.texts[start - 1]
    if opener in questions:
        return True
    if opener in data.cls("relatives"):
        # "…, which the president accepted": a relative clause with a subject of its own still
        # reports that subject's act; "…, które będą" does not
        own_subject = any(m.kind in PERSONAL_OR_GROUP and start <= m.first and m.last <= i for m in view.mentions)
        return not own_subject and not any(pronoun_gender(view, k, data) for k in range(start, i)) and \
            cleft_focus(view, start, data) is None
    return data.cls("conditions").occurs(view.texts, view.lemmas, start - 1, i)


def cleft_focus(view: SentenceView, start: int, data: ClaimData) -> Mention | None:
    """"It was Mr Modi who extended an invitation": the person a cleft puts in focus right before
    the relative clause that opens at word `start`; that clause is what the sentence asserts, and
    the focus is its subject."""
    focus = next((m for m in view.mentions if m.last == start - 1 and m.kind in PERSONAL_OR_GROUP), None)
    framed = focus is not None and data.cls("cleft_frames").occurs(
        view.texts, view.lemmas, max(0, focus.first - CLEFT_FRAME_WORDS), focus.first)
    return focus if framed else None


def _closes_clause(text: str, data: ClaimData) -> bool:
    return text == COMMA or text in data.cls("quote_attribution_dashes") or \
        text[-1:] in data.cls("closing_quotes").raw


def _narrator(view: SentenceView, trigger: Trigger, data: ClaimData) -> bool:
    """A first-person verb outside a quotation is the narrator's ("Напомним", "Przypomnijmy")."""
    opening = data.cls("opening_quotes")
    return view.words[trigger.head].feat("Person") == FIRST_PERSON and not view.quoted[trigger.head] and \
        not any(w.text and w.text[0] in opening.raw for w in view.words[:trigger.first])
