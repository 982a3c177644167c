"""A claim's attributes: its act refined by what it reports, polarity, hedging, condition,
addressee and whose account it is. Each function returns its value and the id of the rule that
set it (the claim's trace)."""
from __future__ import annotations

from dataclasses import dataclass

from readouts.extract.actors import OBLIQUE
from readouts.extract.claims.data import ClaimData
from readouts.extract.claims.document import DocumentContext
from readouts.extract.claims.triggers import LIGHT_VERB, VERB, Trigger, trigger_concept
from readouts.extract.claims.turns import SPEECH
from readouts.extract.claims.view import SentenceView, first_person_future, negation_word
from readouts.extract.lexicon import WordClass, fold
from readouts.model import BOTH, Word

# Acts aimed at the other side of the call: without an explicit object, the counterpart.
DIRECTED_ACTS = frozenset({"concern", "warn", "demand", "assure", "propose", "reject"})
# Acts a stated condition restricts ("will respond … if").
CONDITIONAL_ACTS = frozenset({"warn", "assure", "propose", "agree"})
# A proposal or pledge made by both principals together is an agreement.
JOINT_COMMITMENTS = frozenset({"propose"})
READINESS = "readiness"     # the concept both sides share as agreement
SETTING_WORDS = 2         # "w rozmowie", "in a phone conversation": a setting's preposition this close before its noun
OBJECT_CASES = frozenset({None, OBLIQUE, "Acc", "Dat", "Gen", "Ins"})
ADDRESSEE_KINDS_SPEAKING_AS_STATE = frozenset({"country"})
NEGATED, AFFIRMED = "negated", "affirmed"
# acts that, done in the first person of the future, are what the speaker's side promises to do
PLEDGED_ACTS = ("discuss", "agree", "state")
ACCEPTANCE = "speech.acceptance"    # "С удовольствием посещу Казань": taking up an invitation, no pledge
NEGATION_OF_ACT, NEGATION_AFTER_ACT = "negation.act", "negation.act_after"
ACT_NEGATIONS = (NEGATION_OF_ACT, NEGATION_AFTER_ACT)     # the act itself negated, not its content
COMMA = ","
PLURAL_NUMBER = "Plur"      # "podaliśmy": the newsroom's "we"
RAISING_ISSUE = "raising_issue"     # the act concept of raising an issue (lang/act_concepts.yaml)


@dataclass(frozen=True)
class Content:
    """The words a trigger reports: a stretch of its sentence, or a quotation that may run over
    several sentences."""
    words: tuple[Word, ...]
    texts: tuple[str, ...]
    lemmas: tuple[str, ...]

    @classmethod
    def of_view(cls, view: SentenceView, start: int, stop: int) -> "Content":
        return cls(view.words[start:stop], view.texts[start:stop], view.lemmas[start:stop])

    @classmethod
    def of_words(cls, words: tuple[Word, ...]) -> "Content":
        return cls(words, tuple(fold(w.text) for w in words),
                   tuple(fold(w.lemma or w.text).split(":")[0] for w in words))

    def __len__(self) -> int:
        return len(self.words)

    def has(self, cues: WordClass) -> bool:
        return cues.occurs(self.texts, self.lemmas)


Ruled = tuple[str, str]        # (value, rule id)
PURPOSE_LICENCE = "predicate.purpose"
ACCOUNT_CASES = frozenset({None, "Nom", "Loc"})     # the readout says / in the readout
SIDE_PLEDGE_ACTS = frozenset({"state", "agree", "discuss"})   # acts a side's own future makes a pledge
SIDE_FUTURE = "act.side_future"
FUTURE_AUXILIARY_BEFORE = 3      # "не будет участвовать", "will never be party to"
COUNTRY = "country"
ANNOUNCED_INTENTION = "announced_intention"     # "zapowiedział, że …": says what will follow, not a pledge
HORTATIVE_BEFORE = 3        # "давайте так и сделаем": words between "let's" and the act
LIMIT_WORDS = 4             # the longest condition conjunction ("до тех пор пока")
CONSEQUENCE_WORDS = 3       # the fewest words of a clause that states what follows a condition
SILENCE_OBJECT_WORDS = 2     # "said nothing", "не сказано ни слова": the negative right after the verb


def describes_the_call(view: SentenceView, t: Trigger, act: str, content: Content, data: ClaimData) -> bool:
    """The event itself, not a claim: a statement about the call ("Misri said the call took place
    at Trump's request"), a verb whose object is the call, or the topic a call was made to
    discuss ("spoke with Prime Minister Kishida to consult on …")."""
    if act == "discuss":
        return t.licence == PURPOSE_LICENCE
    return act == "state" and (bool(len(content)) and content.has(data.cls("call_event")) or call_object(view, t, data)
                               or silent_account(view, t, data))


def silent_account(view: SentenceView, t: Trigger, data: ClaimData) -> bool:
    """An account that leaves something out ("Xinhua's version said nothing about patrols",
    "Komunikat w ogóle nie wspomina o …", "в немецком сообщении не сказано ни слова"): the
    document is the subject, or the place of the saying, and the verb is negated; it tells of the
    account, not of a party's claim."""
    start, nouns = view.clause_starts[t.first], data.cls("account_nouns")
    if not any(view.words[k].upos == "NOUN" and view.words[k].feat("Case") in ACCOUNT_CASES
               and (view.lemmas[k] in nouns or view.texts[k] in nouns) for k in range(start, t.first)):
        return False
    negation = data.cls("negation.particles").raw | data.cls("negation.determiners").raw
    stop = min(len(view), t.last + SILENCE_OBJECT_WORDS)
    return any(view.texts[k] in negation or view.words[k].feat("Polarity") == "Neg" for k in range(start, stop))


def call_object(view: SentenceView, t: Trigger, data: ClaimData) -> bool:
    """"Песков прокомментировал журналистам телефонный разговор", "commented on the call": a verb
    (not a frame of saying) whose object is the call itself reports the event, not a claim; a call
    noun in a setting's phrase is only where it was said ("ocenił w rozmowie z Polskim Radiem")."""
    if t.frame or t.family != VERB:
        return False
    stop = min(len(view), t.last + data.windows.call_object_after)
    nouns, settings = data.cls("call_nouns"), data.cls("setting_prepositions")
    for k in range(t.last, stop):
        if view.texts[k] in data.cls("complementizers") or view.words[k].text in ",:;":
            return False
        if view.lemmas[k] in nouns or view.texts[k] in nouns:
            return not any(view.texts[j] in settings for j in range(max(t.last, k - SETTING_WORDS), k))
    return False


# ---------------------------------------------------------------------------------- act
def joint_act(t: Trigger, act: str, actor: str, ctx: DocumentContext) -> Ruled:
    """What the two principals do together: a joint verb's own act, or agreement on what both
    propose or pledge."""
    if actor != BOTH:
        return act, "act.lexicon"
    if t.lemma in ctx.lex.joint_acts:
        return ctx.lex.joint_acts[t.lemma], "act.joint_verb"
    if act in JOINT_COMMITMENTS or trigger_concept(t, ctx.lex) == READINESS:
        return "agree", "act.joint_commitment"      # "obie strony wyraziły gotowość do dialogu"
    return act, "act.lexicon"


def act_from_content(view: SentenceView, t: Trigger, act: Ruled, content: Content, actor: str,
                     ctx: DocumentContext) -> Ruled:
    """A statement whose content threatens consequences is a warning; one that says another side
    must act is a demand; one that commits the speaker's own side is an assurance."""
    cues = ctx.data.cls
    # a speaker's own pledge under a condition with consequences threatens them ("Если давление
    # продолжится, мы будем вынуждены пересмотреть …")
    own_pledge = act[0] == "assure" and t.family == SPEECH
    if (act[0] == "state" or own_pledge or act[0] == "propose" and t.content_start is not None) and t.family != LIGHT_VERB:
        clause = _condition_clause(content, ctx)
        outside = clause is not None and (cues("consequences").occurs(content.texts, content.lemmas, 0, clause.start)
                                          or cues("consequences").occurs(content.texts, content.lemmas, clause.stop))
        if outside or content.has(cues("nominal_conditions")) and content.has(cues("consequences")):
            return "warn", "act.conditional_consequence"
        if content.has(cues("threats")):
            return "warn", "act.threat"
    announced = act[0] == "state" or trigger_concept(t, ctx.lex) == ANNOUNCED_INTENTION
    # a frame's content may follow with no complementizer ("said Australia would …")
    if announced and (t.content_start is not None or t.frame) and t.family != LIGHT_VERB:
        clause = _condition_clause(content, ctx)
        if clause is not None and _adverse(content, clause, ctx):
            return "warn", "act.adverse_condition"      # "zapowiedział, że jeśli nie będzie postępów, …"
    if act[0] == "state" and _answers_no(content, ctx):
        return "reject", "act.negative_answer"  # "«Нет, это невозможно», — ответил он"
    hortative = _hortative(view, t, ctx)
    if hortative is not None:
        return hortative        # "Давайте поручим министрам …", "Хорошо, давайте обсудим."
    if act[0] in PLEDGED_ACTS and t.absorbed is None and first_person_future(view.words[t.head]) and \
            t.pattern != ACCEPTANCE:
        return "assure", "act.first_person_future"  # "Обязательно его рассмотрим", "Podpiszemy umowę"
    if act[0] == "discuss" and _raises_emphasis(view, t, ctx):
        return "state", "act.emphasis_object"     # "raised the importance of de-escalating"
    if act[0] == "state" and _obliges_other(view, content, actor, ctx):
        return "demand", "act.obligation"       # "stressed that the US and NATO must …"
    if act[0] == "state" and _commits_own_side(view, content, actor, ctx) and \
            not any(_negation(content, k, ctx) for k in range(min(len(content), ctx.data.windows.commitment_negation_words))):
        return "assure", "act.own_commitment"   # "reiterated that the United States will stand by its ally"
    return act


def _hortative(view: SentenceView, t: Trigger, ctx: DocumentContext) -> Ruled | None:
    """"Let's" right before the act: the speaker proposes it to the other party; after his assent
    ("Хорошо, давайте обсудим", "Согласен, давайте поручим …") he agrees to what was proposed."""
    cls = ctx.data.cls
    hortative = next((k for k in range(t.head - 1, max(-1, t.head - 1 - HORTATIVE_BEFORE), -1)
                      if cls("hortatives").match_at(view.texts, k, t.head)), None)
    if hortative is None:
        return None
    assent = any(cls("assents").match_at(view.texts, k, hortative)
                 for k in range(max(0, hortative - HORTATIVE_BEFORE), hortative))
    return ("agree", "act.assent") if assent else ("propose", "act.hortative")


def _condition_clause(content: Content, ctx: DocumentContext) -> range | None:
    """The words of the content's first condition clause, after its conjunction up to its comma
    ("if Kyiv does not sign", "jeżeli deficyt się nie zmniejszy"), when the content has a clause
    of its own before or after it to say what follows."""
    conditions = ctx.data.cls("conditions")
    for i in range(len(content)):
        size = conditions.match_at(content.texts, i) or conditions.match_at(content.lemmas, i)
        if not size:
            continue
        end = next((k for k in range(i + size, len(content)) if content.texts[k] == COMMA), len(content))
        if i < CONSEQUENCE_WORDS and end > len(content) - CONSEQUENCE_WORDS:
            return None
        return range(i + size, end)
    return None


def _adverse(content: Content, clause: range, ctx: DocumentContext) -> bool:
    """A condition that another party fails to meet or persists in ("if Kyiv does not sign, …",
    "если давление продолжится, …"): what follows it is a consequence held over that party."""
    limits = ctx.data.cls("limit_conditions")
    if any(limits.match_at(content.texts, k, clause.start) for k in range(max(0, clause.start - LIMIT_WORDS), clause.start)):
        return False        # "dopóki nie …", "until …": how long something holds, not a threat
    return any(_negation(content, k, ctx) for k in clause) or \
        ctx.data.cls("persistence").occurs(content.texts, content.lemmas, clause.start, clause.stop)


def negated_act(t: Trigger, act: Ruled, negation: Ruled, ctx: DocumentContext) -> Ruled:
    """An act negated as a whole may be another act: not ruling something out allows for it
    ("nie wykluczył, że …", "не исключил", "did not rule out": a statement)."""
    if negation[1] not in ACT_NEGATIONS:
        return act
    concept = trigger_concept(t, ctx.data.lex)
    negated = ctx.data.lex.negated_acts.get(concept or "")
    return (negated, "act.negated_concept") if negated else act


def side_pledge(view: SentenceView, t: Trigger, act: Ruled, actor: str, ctx: DocumentContext,
                for_side: bool = False) -> Ruled:
    """A statement a country makes of its own future is a pledge ("Туркменистан не будет
    участвовать …", "Мали никогда не откажется от сотрудничества": never refusing is no
    rejection), and so is one its leader makes for it in his turn (`for_side`); what it will not
    accept stays a rejection."""
    future = _side_future(view, t, actor, ctx, for_side)
    return ("assure", SIDE_FUTURE) if act[0] in SIDE_PLEDGE_ACTS and future else act


def _answers_no(content: Content, ctx: DocumentContext) -> bool:
    """The content opens with a bare "no" set off by punctuation ("Нет, это не соответствует
    действительности", "No, that is not true", "Nie, to nieprawda"): an answer that refuses."""
    words = [k for k, w in enumerate(content.words) if w.text not in ctx.data.cls("opening_quotes").raw]
    return len(words) > 1 and content.texts[words[0]] in ctx.data.cls("negative_answers") and \
        content.words[words[1]].upos == "PUNCT"


def _raises_emphasis(view: SentenceView, t: Trigger, ctx: DocumentContext) -> bool:
    """The act raises an issue whose first noun is a point's importance or need."""
    data = ctx.data
    if trigger_concept(t, data.lex) != RAISING_ISSUE:
        return False
    noun = next((k for k in range(t.last, min(len(view), t.last + data.windows.emphasis_object_after))
                 if view.words[k].upos == "NOUN"), None)
    return noun is not None and view.lemmas[noun] in data.cls("emphasis_objects")


def _commits_own_side(view: SentenceView, content: Content, actor: str, ctx: DocumentContext) -> bool:
    """The content commits the speaker's own side: its mention right before a future, intention or
    readiness word ("the United States will", "Korea was prepared to", "Niemcy będą", "Kanada jest
    gotowa", "Россия будет") or a verb in the future of its own ("Wielka Brytania przedłuży misję",
    "Россия выполнит все обязательства"); or no subject at all, the speaker's own in Polish and
    Russian ("подтвердила, что будет и впредь выполнять свои обязательства")."""
    auxiliaries, breaks = ctx.data.cls("commitment_auxiliaries"), ctx.data.cls("clause_breaks")
    modals = ctx.data.cls("performative_auxiliaries")     # "сможет": a possibility, no commitment
    for j in range(1, len(content)):
        word = content.words[j]
        future_verb = word.upos == "VERB" and word.feat("Tense") == "Fut" and word.feat("VerbForm") == "Fin" \
            and content.lemmas[j] not in modals
        if content.texts[j] not in auxiliaries and not future_verb:
            continue
        k = j - 1          # back over adverbs and particles to the subject ("Niemcy nadal będą")
        while k > 0 and content.words[k].upos in ("ADV", "PART", "AUX") and content.texts[k] not in breaks:
            k -= 1
        if _speakers_pronoun(content, k, actor, ctx):
            return True
        if k == 0 and content.words[0].upos == "SCONJ":
            return future_verb or _infinitive_after(content, j)
        at = content.words[k].start
        return any(m.start <= at < m.stop and ctx.same_side(m.actor, actor) for m in view.mentions)
    return False


def _infinitive_after(content: Content, j: int) -> bool:
    """An auxiliary governs an infinitive, over adverbs ("будет и впредь добросовестно выполнять"):
    an act to come, not a state ("будет непросто")."""
    k = j + 1
    while k < len(content) and content.words[k].upos in ("ADV", "PART", "CCONJ"):
        k += 1
    return k < len(content) and content.words[k].feat("VerbForm") == "Inf"


def _side_future(view: SentenceView, t: Trigger, actor: str, ctx: DocumentContext, for_side: bool = False) -> bool:
    """A country as the subject of its own act in the future ("Мьянма никогда не допустит …",
    "Polska nie będzie uczestniczyć …"): what that side will or will not do commits it."""
    entry = ctx.entry(actor)
    if not for_side and (entry is None or entry.kind != COUNTRY):
        return False
    head = view.words[t.head]
    if head.upos == "VERB" and head.feat("Tense") == "Fut" and head.feat("VerbForm") == "Fin":
        return True
    auxiliaries = ctx.data.cls("commitment_auxiliaries")
    return any(view.texts[k] in auxiliaries for k in range(max(0, t.first - FUTURE_AUXILIARY_BEFORE), t.first))


def _speakers_pronoun(content: Content, k: int, actor: str, ctx: DocumentContext) -> bool:
    """The speaker himself as the content's subject: "we" or "I" ("we will put it on the table"),
    or, where the language's pronoun says so, one of the speaker's gender ("Erdogan said he would
    raise it")."""
    text, cls = content.texts[k], ctx.data.cls
    if content.words[k].upos != "PRON" or text not in cls("speaker_pronouns"):
        return False
    gender = ctx.gender_of(actor)
    return text in cls("first_person") or gender is not None and text in cls(f"pronouns.{gender}")


def _obliges_other(view: SentenceView, content: Content, actor: str, ctx: DocumentContext) -> bool:
    """Another party must do something: a mention of another side shortly before a modal of
    obligation."""
    obligation = ctx.data.cls("obligation")
    for j, (text, lemma) in enumerate(zip(content.texts, content.lemmas)):
        if text in obligation or lemma in obligation:
            lo = content.words[max(0, j - ctx.data.windows.obligation_subject_before)].start
            at = content.words[j].start
            return any(lo <= m.start and m.stop <= at and m.actor not in (actor, BOTH)
                       and ctx.side_of(m.actor) != ctx.side_of(actor) for m in view.mentions)
    return False


# ---------------------------------------------------------------------------------- condition
def conditional(act: str, content: Content, ctx: DocumentContext) -> tuple[bool, str]:
    """A clause ("only if Russia …") restricts any claim; a nominal condition ("the option of
    sanctions in the event of escalation") a warning or a commitment."""
    if content.has(ctx.data.cls("conditions")):
        return True, "condition.clause"
    if act in CONDITIONAL_ACTS and content.has(ctx.data.cls("nominal_conditions")):
        return True, "condition.nominal"
    return False, "condition.none"


# ---------------------------------------------------------------------------------- polarity
def _negation(seq: Content | SentenceView, j: int, ctx: DocumentContext) -> bool:
    """A negation word at j that no exception follows ("not only", "nie tylko") and that makes no
    concessive clause ("что бы ни происходило")."""
    if not negation_word(seq, j, ctx.data):
        return False
    if j > 0 and seq.texts[j - 1] in ctx.data.cls("negation.concessive_before"):
        return False
    return not ctx.data.cls("negation.exceptions").match_at(seq.texts, j, min(len(seq.texts), j + 3))


def polarity(view: SentenceView, t: Trigger, content: Content, ctx: DocumentContext) -> Ruled:
    """Negated when the act itself is ("did not agree", "nie złożył", "достигнуто не было"), its
    noun is ("made no commitment"), or the content's own predicate is ("would not", "had no intention", "nie było żadnych")."""
    lo = max(0, t.first - ctx.data.windows.act_negation_before)
    if any(_negation(view, j, ctx) for j in range(lo, t.head)):
        return NEGATED, NEGATION_OF_ACT
    if t.last + 1 < len(view) and _negation(view, t.last, ctx) and view.words[t.last + 1].upos == "AUX":
        return NEGATED, NEGATION_AFTER_ACT
    if t.family == LIGHT_VERB and view.texts[t.head] not in ctx.data.cls("negation.determiners") and \
            any(view.texts[j] in ctx.data.cls("negation.determiners") for j in range(t.first, t.last)):
        return NEGATED, "negation.act_object"       # "made no commitment", "не дал никаких гарантий"
    return _content_polarity(view, t, content, ctx)


def retracted(view: SentenceView, t: Trigger, ctx: DocumentContext) -> bool:
    """What an outlet's correction says its earlier report wrongly told: no claim of anyone's
    ("Błędnie podaliśmy, że …"). A retraction before the act ("wrongly said that", "ошибочно
    указали, что", "in an earlier version"), where the outlet speaks of its own report ("we", "the story", "w artykule") or, in a
    correction notice, with no party named before it: a journalist's "Trump wrongly said …" judges
    a claim, it retracts none."""
    cls = ctx.data.cls
    retraction = next((k for k in range(t.first) if cls("negation.retractions").match_at(view.texts, k, t.first)
                       or cls("negation.retractions").match_at(view.lemmas, k, t.first)), None)
    if retraction is None:
        return False
    if cls("negation.own_reports").occurs(view.texts, view.lemmas, 0, t.first) or \
            any(view.words[k].feat("Person") == "1" and view.words[k].feat("Number") == PLURAL_NUMBER for k in range(t.first)):
        return True
    return ctx.correction and not any(m.last <= retraction for m in view.mentions)


def _content_polarity(view: SentenceView, t: Trigger, content: Content, ctx: DocumentContext) -> Ruled:
    """Negation before the content's first verb, or right after it; a condition or relative
    clause set off by commas is skipped ("If the US did not see changes, he warned, …")."""
    data = ctx.data
    asides = data.cls("relatives").words | {c for c in data.cls("conditions").words if " " not in c}
    skip_to = -1
    for j, w in enumerate(content.words):
        if j < skip_to:
            continue
        if content.texts[j] in asides:
            comma = _aside_end(content, j, ctx)
            if comma is not None:
                skip_to = comma + (1 if content.words[comma].text == COMMA else 0)
                continue
        if j > 0 and content.texts[j] in data.cls("clause_breaks"):
            break
        if _negation(content, j, ctx):
            return NEGATED, "negation.content"
        if w.upos in ("VERB", "AUX") and w is not view.words[t.head]:
            return _after_content_verb(content, j, ctx)
    return AFFIRMED, "polarity.affirmed"


def _aside_end(content: Content, j: int, ctx: DocumentContext) -> int | None:
    """Where an aside ends: at a comma, or where a quote's attribution was cut out of it."""
    text = ctx.text
    return next((k for k in range(j + 1, len(content)) if content.words[k].text == COMMA
                 or COMMA in text[content.words[k - 1].stop:content.words[k].start]), None)


def _after_content_verb(content: Content, j: int, ctx: DocumentContext) -> Ruled:
    determiners = ctx.data.cls("negation.determiners")
    for k in range(j + 1, min(len(content), j + 1 + ctx.data.windows.content_negation_after_verb)):
        if _negation(content, k, ctx) or content.texts[k] in determiners:
            return NEGATED, "negation.content_after_verb"
    return AFFIRMED, "polarity.affirmed"


# ---------------------------------------------------------------------------------- hedging
def hedged(view: SentenceView, t: Trigger, ctx: DocumentContext) -> tuple[bool, str, int]:
    """Whether the act itself is alleged ("miał zapewnić", "reportedly told", "якобы заявил"),
    the rule, and the word the trigger then starts at (the alleging auxiliary)."""
    data = ctx.data
    auxiliaries = data.cls("hedges.auxiliaries")
    if view.words[t.head].feat("VerbForm") == "Inf":
        for j in range(max(0, t.first - data.windows.alleging_aux_before), t.first):
            if view.lemmas[j] in auxiliaries:
                return True, "hedge.auxiliary", j
    lo = max(0, t.first - data.windows.hedge_adverb_before)
    if data.cls("hedges.adverbs").occurs(view.texts, view.lemmas, lo, t.first):
        aux = next((j for j in range(max(0, t.first - data.windows.alleging_aux_before), t.first)
                    if view.lemmas[j] in auxiliaries), t.first)
        return True, "hedge.adverb", aux
    return False, "hedge.none", t.first


# ---------------------------------------------------------------------------------- addressee
def addressee(view: SentenceView, t: Trigger, actor: str, act: str, ctx: DocumentContext) -> tuple[str | None, str]:
    """The party the act is directed at: its object right after the trigger; for a demand, the
    content's subject; else, in a call, the other side."""
    if actor == BOTH:
        return None, "addressee.joint"       # a joint act of the two parties is addressed to neither
    obj = _object_mention(view, t, actor, ctx)
    if obj is not None:
        return obj, "addressee.object"
    if act == "demand":
        called = _called_on(view, t, actor, ctx)
        if called is not None:
            return called, "addressee.content_subject"
    return _counterpart(view, t, actor, act, ctx)


def _object_mention(view: SentenceView, t: Trigger, actor: str, ctx: DocumentContext) -> str | None:
    allowed = ctx.data.cls("addressee_prepositions")
    for m in view.mentions:
        if not (t.last <= m.first <= t.last + ctx.data.windows.addressee_after) or m.actor in (actor, BOTH) \
                or m.kind == "media":
            continue
        between = range(t.last, m.first)
        # a mention after a preposition ("concern of the United States"), unless the preposition
        # introduces the addressee ("zażądał od Rosji"), or after another verb, is no addressee
        preposition = any(view.words[k].upos == "ADP" and view.texts[k] not in allowed or view.words[k].upos == "SCONJ"
                          for k in between)
        possessive = m.last < len(view) and view.texts[m.last] in ctx.data.cls("possessive_markers")
        if m.case in OBJECT_CASES and not preposition and not possessive and \
                not any(view.words[k].upos == "VERB" for k in between):
            return m.actor
    return None


def _called_on(view: SentenceView, t: Trigger, actor: str, ctx: DocumentContext) -> str | None:
    """"urged that Russia must …": the one called on opens the content, never the speaker's own
    side ("underscored that the United States and China must …")."""
    a, own_side = t.content_start, ctx.side_of(actor)
    if a is None:
        return None
    return next((m.actor for m in view.mentions if a <= m.first <= a + ctx.data.windows.demand_addressee_after
                 and m.actor not in (actor, BOTH) and (own_side is None or ctx.side_of(m.actor) != own_side)), None)


def _counterpart(view: SentenceView, t: Trigger, actor: str, act: str, ctx: DocumentContext) -> tuple[str | None, str]:
    counterparts = ctx.data.cls("counterparts")
    after = range(t.last, min(len(view), t.last + ctx.data.windows.counterpart_word_after))
    if any(view.texts[k] in counterparts or view.lemmas[k] in counterparts for k in after):
        return ctx.counterpart(actor), "addressee.counterpart_word"      # "told his counterpart"
    if actor in ctx.principals and act not in DIRECTED_ACTS:
        return ctx.counterpart(actor), "addressee.principal"   # in a call, a principal speaks to the other one
    if act in DIRECTED_ACTS:
        other = ctx.counterpart(actor)
        entry = ctx.entry(actor)
        # a country addresses a country; calls to act go to the other side as a state
        if other and (act == "demand" or entry is not None and entry.kind in ADDRESSEE_KINDS_SPEAKING_AS_STATE):
            return ctx.side_of(other) or other, "addressee.other_side"
        return other, "addressee.counterpart"
    return None, "addressee.none"


# ---------------------------------------------------------------------------------- account
def reported_by(actor: str, account: str | None, ctx: DocumentContext) -> tuple[str | None, str]:
    """Whose account the claim comes from: none in an official readout's own voice; a named
    official's side; else the account the discourse attributes the sentence to."""
    if ctx.official:
        return None, "account.official"
    entry = ctx.entry(actor)
    if entry is not None and entry.account and entry.kind in ("official", "person"):
        return entry.account, "account.speaker"
    return account, "account.discourse" if account else "account.none"
