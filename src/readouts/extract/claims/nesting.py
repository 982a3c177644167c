"""Nesting: which triggers of a sentence are claims of their own, and which are part of another
claim's content or only name its source. In the order the stages run:

1. quotes — a quote's attribution yields to the claims inside the quote when its speaker relays
   an account; a principal's quote is his own claim (`nesting.quote_*`);
2. trailing attributions — "…, the Kremlin said." only names the source of what precedes;
3. source-only sentences — "Об этом сообщила пресс-служба";
4. contents — where each trigger's reported content opens;
5. frames — a generic frame ("Poinformował, że …") yields to the claim inside its content; a
   relayer's statement takes the inner act; any other trigger inside a content is part of it.
Every dropped trigger is recorded with the id of the rule that dropped it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from readouts.extract.claims.actor import ActorChoice, ActorQuery, resolve_actor
from readouts.extract.claims.discourse import Discourse
from readouts.extract.claims.document import DocumentContext
from readouts.extract.claims.quotes import Quote, find_quote
from readouts.extract.claims.triggers import Dropped, Trigger, trigger_concept
from readouts.extract.claims.turns import FIRST, grammatical_person
from readouts.extract.claims.view import SentenceView, first_person_future, negation_word
from readouts.extract.lexicon import lexicon
from readouts.model import BOTH

PERSONAL_KINDS = frozenset({"person", "official"})
RELAYING_KINDS = frozenset({"institution", "official"})
NAMED_SOURCE_KINDS = frozenset({"institution", "official", "media"})
SIDE_KINDS = frozenset({"institution", "country"})     # what a spokesman states of his own side
QUOTED_WE = "quote.we"        # the actor strategy of "we" who discussed or agreed, in a quote (claims/actor.py)
UNNAMED_OFFICIAL = "unnamed_official"     # the actor strategy of an unnamed official (claims/actor.py)
NAMED_SUBJECT = frozenset({"mention", "syntax.subject"})     # strategies that found a subject the clause names
CLOSING_TAIL_UPOS = frozenset({"PUNCT", "ADP", "ADJ", "DET", "PRON"})
# what may stand between ", and" and a coordinated clause's verb: its subject and auxiliaries
# (", and Chinese officials stressed", ", but he did not agree")
COORDINATED_SUBJECT_UPOS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON", "AUX", "PART"})
MODAL = "modal"         # the tense of a clause whose auxiliary has none ("will", "would")
AGREEMENT_FEATURES = ("Number", "Gender", "Person", "Tense")
SUBJECT_WORD_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET"})
FINITE_OR_UNKNOWN = ("Fin", None)     # an analyser leaves VerbForm unset where a form is ambiguous
# actor strategies that find the speaker named in the sentence itself
NAMED_STRATEGIES = frozenset({"mention", "apposition", "syntax.subject", "inverted", "unnamed_official",
                              "titled_person"})
STATE, AGREE, ASSURE, DISCUSS, COMMA = "state", "agree", "assure", "discuss", ","
PAST = "Past"
SUBJECTLESS = frozenset({"subjectless.gender", "subjectless.last_actor"})   # the actor strategies of a bare verb


@dataclass(frozen=True)
class Nesting:
    triggers: tuple[Trigger, ...]
    quote: Quote | None = None
    aside: range = range(0)         # words of a dropped "X said" aside: no subject for the verbs after it
    state: Discourse = Discourse()
    dropped: tuple[Dropped, ...] = ()

    def drop(self, t: Trigger, reason: str) -> tuple[Dropped, ...]:
        return self.dropped + (Dropped(t.first, t.last, t.pattern, reason),)


def resolve_nesting(view: SentenceView, earlier: tuple[SentenceView, ...], triggers: tuple[Trigger, ...],
                    ctx: DocumentContext, state: Discourse) -> Nesting:
    step = _quotes(view, earlier, Nesting(triggers, state=state), ctx)
    step = _trailing_attribution(view, step, ctx)
    step = _source_only(view, step, ctx)
    step = _with_contents(view, step, ctx)
    return _frames(view, step, ctx)


def _actor(view: SentenceView, step: Nesting, ctx: DocumentContext, t: Trigger) -> ActorChoice:
    return resolve_actor(ActorQuery(view, ctx, step.state, step.aside), t)


# ---------------------------------------------------------------------------------- 1. quotes
def _quotes(view: SentenceView, earlier: tuple[SentenceView, ...], step: Nesting, ctx: DocumentContext) -> Nesting:
    quote = find_quote(view, earlier, step.triggers, ctx.data)
    if quote is None:
        return step
    said = quote.attribution
    inside = [t for t in step.triggers if t != said and quote.covers(view, t.first)]
    marked = replace(said, quote=quote.pattern)
    step = replace(step, aside=_quoted_before(view, quote, said) or step.aside)
    own_words = speaks_for_itself(view, step, ctx, marked)
    own = _own_quoted_act(view, said, inside, quote, ctx) if own_words else None
    marked = replace(marked, act=own[0], absorbed=own[1]) if own else marked
    kept = tuple(marked if t == said else t for t in step.triggers)
    if own_words:
        speaker = _actor(view, step, ctx, marked).actor
        relayed = [t for t in inside if _named_inside(view, step, ctx, t, quote, speaker) or
                   t.act == AGREE and _actor(view, step, ctx, t).strategy == QUOTED_WE]
        if relayed:
            # the quote relays others' acts ("In return, she said, the United States committed …"),
            # or the two parties' agreement ("Prime Minister Starmer and I agreed …"; what they
            # discussed, told by one, stays his account)
            return replace(step, triggers=tuple(t for t in step.triggers if t != said),
                           dropped=step.drop(said, "nesting.quote_relayed"))
        dropped = step.dropped + tuple(Dropped(t.first, t.last, t.pattern, "nesting.quoted_by_speaker") for t in inside)
        return replace(step, triggers=tuple(t for t in kept if t not in inside),
                       quote=replace(quote, attribution=marked), dropped=dropped)
    if inside or quote.carrier is not view and quote.has_triggers:
        return replace(step, triggers=tuple(t for t in step.triggers if t != said),
                       aside=_quote_aside(view, quote, ctx), dropped=step.drop(said, "nesting.quote_relayed"))
    return replace(step, triggers=kept, quote=replace(quote, attribution=marked))


def _quoted_before(view: SentenceView, quote: Quote, said: Trigger) -> range | None:
    """The quoted words when a verb with no subject before it attributes them at the sentence's
    end ("– Wang Yi zaprosił … – dodał"): who the quote names is no subject of that verb."""
    quoted = [k for k in range(len(view)) if quote.covers(view, k)]
    # a verb closing the sentence with no subject before it ("– dodał"; not "…, the statement said")
    closing = all(view.words[k].upos not in ("VERB", "AUX") for k in range(said.last, len(view))) and \
        not _unknown_subject(view, said)
    return range(quoted[0], quoted[-1] + 1) if quoted and quoted[-1] < said.first and closing else None


def _named_inside(view: SentenceView, step: Nesting, ctx: DocumentContext, t: Trigger, quote: Quote,
                  speaker: str | None) -> bool:
    """A verb in a quote whose own subject the quote names, another than the speaker ("– Wang Yi
    zaprosił ministra do Pekinu – dodał"): the speaker relays that subject's act, a claim of its own."""
    choice = _actor(view, step, ctx, t)
    if choice.strategy not in NAMED_SUBJECT or choice.actor in (None, BOTH, speaker) or \
            ctx.side_of(choice.actor) == ctx.side_of(speaker):
        return False        # what the speaker's own side will do is his own word ("Polska nie zaakceptuje")
    mention = next((m for m in reversed(view.mentions) if m.actor == choice.actor and m.last <= t.first), None)
    return mention is not None and quote.covers(view, mention.first)


def _own_quoted_act(view: SentenceView, said: Trigger, inside: list[Trigger], quote: Quote,
                    ctx: DocumentContext) -> tuple[str, str] | None:
    """A plain saying verb over a quote takes the act of the speaker's own verb in it, the first
    in the first person and not negated ("„Podziękowałem Emmanuelowi …” – napisał": thanks), and
    a quote that opens with the first-person future is a pledge ("«Мы займёмся этим вопросом», —
    сказал"; negated, it says where the side stands: "«Мы не допустим …»"): (act, the pattern or
    rule it comes from)."""
    if said.act != STATE:
        return None
    start = quote.first_word if quote.carrier is view else 0
    own = next((t for t in inside if t.act != STATE and t.plain_verb and
                grammatical_person(view, t, start, ctx.data) == FIRST and not _negated(view, start, t.first, ctx)), None)
    if own is not None:
        return own.act, own.pattern
    first_verb = next((k for k in range(start, len(view)) if quote.covers(view, k) and
                       view.words[k].upos in ("VERB", "AUX")), None)
    future = first_verb is not None and first_person_future(view.words[first_verb]) and \
        not _negated(view, start, first_verb, ctx)
    return (ASSURE, "quote.first_person_future") if future else None


def _negated(view: SentenceView, start: int, stop: int, ctx: DocumentContext) -> bool:
    return any(negation_word(view, k, ctx.data) for k in range(start, stop))


def _quote_aside(view: SentenceView, quote: Quote, ctx: DocumentContext) -> range:
    """"Trump, Misri said, listened … and expressed": the aside's speaker is no subject of the
    verbs after it."""
    said = quote.attribution
    if quote.carrier is not view or quote.first_word != 0 or said.last >= len(view) or \
            view.words[said.last].text != COMMA:
        return range(0)
    lo = max(-1, said.first - 1 - ctx.data.windows.aside_comma_before)
    comma = next((k for k in range(said.first - 1, lo, -1) if view.words[k].text == COMMA), said.first)
    return range(comma, said.last + 1)


def speaks_for_itself(view: SentenceView, step: Nesting, ctx: DocumentContext, t: Trigger) -> bool:
    """A frame or attribution whose speaker is one of the call's principals is their own claim
    ("He later told Fox News that the two had not discussed aid"); one whose speaker relays an
    account (an official, a readout, "Poinformował", "– zaznaczono") only names the source of
    the claims it frames."""
    choice = _actor(view, step, ctx, t)
    entry = ctx.entry(choice.actor)
    if choice.impersonal or choice.actor in (None, BOTH):
        return False
    if choice.strategy in SUBJECTLESS and _unknown_subject(view, t):
        return False        # "The official said …", "It said …": an unnamed source relays
    if _aide_subject(view, t, ctx):
        return False        # "…, his office said": a principal's office relays his account
    if entry is not None and entry.kind == "person" and entry.account and \
            choice.actor not in ctx.principals and not ctx.is_leader(choice.actor):
        return False        # a named spokesman or aide relays his side's account
    if entry is None and choice.via == "ner":
        return False        # a person the gazetteer lacks is no party to the call ("Misri said …")
    return entry is not None and entry.kind == "person"


def _aide_subject(view: SentenceView, t: Trigger, ctx: DocumentContext) -> bool:
    """The verb's subject, right before it, is an aide's or office's noun ("his office said",
    "jego kancelaria podała", "его пресс-служба сообщила")."""
    k = _before_verb(view, t)
    aides = _aide_nouns(ctx.lex.lang)
    return k >= 0 and (view.texts[k] in aides or view.lemmas[k] in aides)


@cache
def _aide_nouns(lang: str) -> frozenset[str]:
    """The one-word aide and office nouns of the language's titles ("office", "kancelaria")."""
    return frozenset(words[0] for words in lexicon(lang).aides if len(words) == 1)


def _before_verb(view: SentenceView, t: Trigger) -> int:
    """The word before the trigger's verb, past adverbs and auxiliaries (-1 when none)."""
    k = t.first - 1
    while k >= 0 and view.words[k].upos in ("ADV", "AUX"):
        k -= 1
    return k


def _unknown_subject(view: SentenceView, t: Trigger) -> bool:
    """Whether the word before the verb (past adverbs and auxiliaries) is a noun or pronoun: a
    subject of its own that names no known actor."""
    k = _before_verb(view, t)
    if k >= 1 and view.words[k].upos == "ADJ" and view.words[k - 1].upos == "DET":
        return True         # "The official said": taggers read the noun as an adjective
    return k >= 0 and view.words[k].upos in ("NOUN", "PRON")


# ---------------------------------------------------------------------------------- 2. trailing attributions
def _trailing_attribution(view: SentenceView, step: Nesting, ctx: DocumentContext) -> Nesting:
    """"He also backed Trump's idea …, the Kremlin said.": a frame after a comma at the end of a
    sentence, or between commas inside it, whose subject relays an account only names the
    source of the earlier claim."""
    if len(step.triggers) < 2:
        return step
    inner = _middle_aside(view, step, ctx)
    if inner is not None:
        return inner
    return _closing_attribution(view, step, ctx)


def _middle_aside(view: SentenceView, step: Nesting, ctx: DocumentContext) -> Nesting | None:
    """"Mr Putin, the Kremlin said, insisted …": a frame between commas that relays."""
    reach = ctx.data.windows.trailing_aside_comma_before
    for t in step.triggers[:-1]:
        commas = [k for k in range(max(0, t.first - reach), t.first) if view.words[k].text == COMMA]
        if t.frame and t.last < len(view) and view.words[t.last].text == COMMA and commas and \
                _actor(view, step, ctx, t).actor not in ctx.principals:
            return replace(step, triggers=tuple(x for x in step.triggers if x != t),
                           aside=range(max(commas), t.last + 1), dropped=step.drop(t, "nesting.aside_attribution"))
    return None


def _closing_attribution(view: SentenceView, step: Nesting, ctx: DocumentContext) -> Nesting:
    last, before_last = step.triggers[-1], step.triggers[-2]
    closing = _closing_statement(view, last, step)
    if not (last.frame or closing) or last.content_start is not None or complementizer_after(view, last, ctx) is not None:
        return step
    if any(w.text in ctx.data.quotes.sentence_ends for w in view.words[before_last.last:last.first - 1]):
        return step         # a sentence the splitter left joined: the frame attributes its own quote
    comma = any(w.text == COMMA for w in view.words[before_last.last:last.first])
    speaker = _actor(view, step, ctx, last).actor
    if comma and speaker in ctx.principals and ctx.same_side(_actor(view, step, ctx, before_last).actor, speaker):
        # "Российская сторона готова …, подчеркнул российский президент": his own side's stance, told once
        return replace(step, triggers=step.triggers[:-1], dropped=step.drop(last, "nesting.own_side_attribution"))
    if not (comma and _relays(view, step, ctx, last, speaker, closing)):
        return step
    entry = ctx.entry(speaker)
    state = step.state.with_account(entry.account) if entry is not None and entry.account and not ctx.official \
        else step.state          # "…, сообщил помощник президента Ушаков": his side's account from here on
    return replace(step, triggers=step.triggers[:-1], state=state, dropped=step.drop(last, "nesting.trailing_attribution"))


def _closing_statement(view: SentenceView, last: Trigger, step: Nesting) -> bool:
    """A plain verb of saying that closes the sentence with only its speaker after it
    ("…, подчеркнул российский президент.", "…, отметили в Кремле.")."""
    named = view.mention_words()
    return last.act == STATE and last.plain_verb and all(
        k in named or view.words[k].upos in CLOSING_TAIL_UPOS for k in range(last.last, len(view)))


def _relays(view: SentenceView, step: Nesting, ctx: DocumentContext, last: Trigger, speaker: str | None,
            closing: bool) -> bool:
    """Whether the closing verb's speaker relays an account: not a principal, and a mention
    before it, an institution or official, a named aide of a side ("…, сказал он"), or a source
    named after it ("…, отметили в Кремле")."""
    if speaker in ctx.principals:
        return False
    entry = ctx.entry(speaker)
    before = any(m.last <= last.first and m.first > step.triggers[-2].last for m in view.mentions)
    aide = entry is not None and entry.kind == "person" and entry.account is not None and not ctx.is_leader(speaker)
    named_after = any(m.first >= last.last and m.kind in NAMED_SOURCE_KINDS for m in view.mentions)
    return before or entry is not None and entry.kind in RELAYING_KINDS or closing and (aide or named_after)


# ---------------------------------------------------------------------------------- 3. source only
def _source_only(view: SentenceView, step: Nesting, ctx: DocumentContext) -> Nesting:
    """"Poinformowała o tym kancelaria": a report of the report names only the source."""
    if not ctx.data.cls("source_only").occurs(view.texts, view.lemmas):
        return step
    gone = [t for t in step.triggers if t.frame and complementizer_after(view, t, ctx) is None]
    if not gone:
        return step
    dropped = step.dropped + tuple(Dropped(t.first, t.last, t.pattern, "nesting.source_only") for t in gone)
    return replace(step, triggers=tuple(t for t in step.triggers if t not in gone), dropped=dropped)


# ---------------------------------------------------------------------------------- 4. contents
def complementizer_after(view: SentenceView, t: Trigger, ctx: DocumentContext) -> int | None:
    match = ctx.data.pattern("content.complementizer").match(view, t.first, t.last)
    return match.slot("complementizer")[0] if match else None


def _with_contents(view: SentenceView, step: Nesting, ctx: DocumentContext) -> Nesting:
    triggers = step.triggers
    out = []
    for n, t in enumerate(triggers):
        following = triggers[n + 1].first if n + 1 < len(triggers) else len(view)
        start, rule = _content_start(view, t, following, n + 1 < len(triggers), ctx)
        out.append(replace(t, content_start=start, content_rule=rule))
    return replace(step, triggers=tuple(out))


def _content_start(view: SentenceView, t: Trigger, following: int, more: bool,
                   ctx: DocumentContext) -> tuple[int | None, str | None]:
    """Where the trigger's reported content opens (before the next trigger), and the rule."""
    if t.content_start is not None:
        return t.content_start, t.content_rule
    if view.texts[t.last - 1] in ctx.data.cls("complementizers"):
        return t.last, "content.in_phrase"          # the phrase ends in it: "was clear that"
    comp = complementizer_after(view, t, ctx)
    if comp is not None and comp < following:
        return comp, "content.complementizer"
    colon = _colon_after(view, t, ctx)
    if colon is not None and colon < following:
        return colon + 1, "content.colon"           # "Хочу чётко сказать: Венгрия не поддержит …"
    if t.frame and more and following - t.last <= ctx.data.windows.dropped_that_gap and \
            not any(w.upos in ("PUNCT", "CCONJ") for w in view.words[t.last:following]):
        return t.last, "content.dropped_that"       # "said Putin rejected …": English drops "that"
    return None, None


def _colon_after(view: SentenceView, t: Trigger, ctx: DocumentContext) -> int | None:
    """A colon right after the trigger, adverbs between ("сказать прямо:", "said plainly:")."""
    for k in range(t.last, min(len(view), t.last + ctx.data.windows.colon_content_after + 1)):
        if view.texts[k] == ":":
            return k
        if view.words[k].upos not in ("ADV", "PART"):
            return None
    return None


# ---------------------------------------------------------------------------------- 5. frames
def _frames(view: SentenceView, step: Nesting, ctx: DocumentContext) -> Nesting:
    result: list[Trigger] = []
    for t in step.triggers:
        attribution = step.quote is not None and t == step.quote.attribution
        outer = None if attribution else _outer(view, step, result, t, ctx)
        if outer is None:
            result.append(t)
            continue
        step, result = _nest(view, step, ctx, result, outer, t)
    return replace(step, triggers=tuple(result))


def _outer(view: SentenceView, step: Nesting, result: list[Trigger], t: Trigger, ctx: DocumentContext) -> Trigger | None:
    """The earlier trigger whose content holds t, unless t is that subject's second verb."""
    quote = step.quote.attribution if step.quote is not None else None
    outer = next((o for o in result if o.content_start is not None and o.content_start < t.first and o != quote), None)
    if outer is None or _coordinated(view, outer, t, ctx) or _second_content(view, outer, t, ctx):
        return None
    return outer


def _second_content(view: SentenceView, outer: Trigger, t: Trigger, ctx: DocumentContext) -> bool:
    """t opens a content clause of its own after a conjunction ("said A, and that B", "zaznaczył,
    że A, i że B", "заявил, что A, и что B"): a proposition of its own, not part of A."""
    assert outer.content_start is not None
    complementizers = ctx.data.cls("complementizers")
    return any(view.texts[c] in complementizers and view.words[c - 1].upos == "CCONJ"
               for c in range(outer.content_start + 2, t.first))


def _nest(view: SentenceView, step: Nesting, ctx: DocumentContext, result: list[Trigger],
          outer: Trigger, t: Trigger) -> tuple[Nesting, list[Trigger]]:
    if outer.frame and _institution_stance(view, step, ctx, outer, t):
        # "Песков заявил, что Кремль не исключает …", "Захарова заявила, что Москва приветствует …":
        # the spokesman's own statement, taking the act he states of his side
        absorbed = _absorbed_act(view, step, ctx, outer, t)
        taken = outer if absorbed is None else replace(outer, act=absorbed, absorbed=t.pattern)
        result = [taken if o == outer else o for o in result]
        return replace(step, dropped=step.drop(t, "nesting.institution_stance")), result
    if _relayed(view, step, ctx, outer, t):
        return _relay(view, step, ctx, result, outer, t)
    absorbed = _absorbed_act(view, step, ctx, outer, t)
    if absorbed is not None:
        # "said Kyiv would support …", "подчеркнул, что Россия осуждает …": the speaker's own act
        taken = replace(outer, act=absorbed, absorbed=t.pattern)
        result = [taken if o == outer else o for o in result]
        return replace(step, dropped=step.drop(t, "nesting.act_absorbed")), result
    return replace(step, dropped=step.drop(t, "nesting.content_of")), result


def _relayed(view: SentenceView, step: Nesting, ctx: DocumentContext, outer: Trigger, t: Trigger) -> bool:
    """A relayer's frame, or his "stressed that …" over a party's act, only names the source."""
    restated = outer.plain_verb and outer.act == STATE != t.act and _personal_speaker(view, step, ctx, outer) \
        and _party_act(view, step, ctx, t)
    if outer.act == STATE and _joint_act_named(view, step, ctx, t):
        return True         # "Вучич заявил, что стороны договорились …": the two sides' act, told by one
    return (outer.frame or restated) and not speaks_for_itself(view, step, ctx, outer)


def _joint_act_named(view: SentenceView, step: Nesting, ctx: DocumentContext, t: Trigger) -> bool:
    """The principals named as making an agreement ("the sides agreed", "оба лидера договорились"):
    an agreement is theirs whoever tells of it; what they discussed, told by one, stays his account."""
    choice = _actor(view, step, ctx, t)
    return choice.actor == BOTH and not choice.impersonal and t.act == AGREE


def _relay(view: SentenceView, step: Nesting, ctx: DocumentContext, result: list[Trigger], outer: Trigger,
           t: Trigger) -> tuple[Nesting, list[Trigger]]:
    """Drop the frame; its speaker stays the narrator's subject ("X przekazał, że …. Zapowiedział
    również …"), and a pronoun right after it is the frame's speaker ("The Kremlin said it noted …")."""
    choice = _actor(view, step, ctx, outer)
    relayer = choice.actor
    state = step.state.with_subject(ctx.gender_of(relayer), relayer) if relayer not in (None, BOTH) else step.state
    if choice.strategy.startswith(UNNAMED_OFFICIAL):
        state = replace(state, last_official=relayer)      # who "the official" means next
    step = replace(step, state=state, dropped=step.drop(outer, "nesting.frame_relays"))
    between = [w for w, text in zip(view.words[outer.last:t.first], view.texts[outer.last:t.first])
               if text not in ctx.data.cls("complementizers")]
    speaker = _actor(view, step, ctx, outer).actor if between and all(w.upos == "PRON" for w in between) else None
    named = relayer if choice.strategy in NAMED_STRATEGIES else None     # "It said …" names nobody
    inner = replace(t, window_start=outer.last, speaker=speaker or t.speaker, relayer=named)
    return step, [o for o in result if o != outer] + [inner]


def _absorbed_act(view: SentenceView, step: Nesting, ctx: DocumentContext, outer: Trigger, t: Trigger) -> str | None:
    """The act a statement takes when its speaker states his own side's act ("said Kyiv would
    support …"); negated, the act the inner act's concept has when negated, if any ("made clear
    that Israel will not accept …": a rejection)."""
    if not ((outer.frame or outer.plain_verb and t.plain_verb) and outer.act == STATE != t.act):
        return None
    lo = max(0, t.first - ctx.data.windows.absorb_negation_before)
    negated = _negated(view, lo, t.first, ctx)
    act = ctx.lex.negated_acts.get(trigger_concept(t, ctx.lex) or "") if negated else t.act
    if act is None or act == STATE or act == DISCUSS and view.words[t.head].feat("Tense") not in (PAST, None):
        return None         # "powiedział, że Litwa rozważy wszystkie opcje": what a side will consider is said
    if _no_subject_of_its_own(view, outer, t):
        return act          # "napisał, że podziękował …": the same speaker's verb, its subject dropped
    own = ctx.same_side(_actor(view, step, ctx, t).actor, _actor(view, step, ctx, outer).actor)
    return act if own else None


def _no_subject_of_its_own(view: SentenceView, outer: Trigger, t: Trigger) -> bool:
    """A content clause whose finite verb agrees with the frame's and has no word before it that
    could be its subject: the speaker's own verb ("Zełenski napisał, że podziękował", "сообщил,
    что поблагодарил"; not "сообщил, что договорились")."""
    start, a, b = outer.content_start, view.words[outer.head], view.words[t.head]
    if start is None or b.feat("Person") not in (None, "3") or b.feat("VerbForm") not in FINITE_OR_UNKNOWN:
        return False
    if any(a.feat(f) != b.feat(f) for f in ("Number", "Gender")):
        return False
    return not any(w.upos in SUBJECT_WORD_UPOS for w in view.words[start:t.first])


def _personal_speaker(view: SentenceView, step: Nesting, ctx: DocumentContext, t: Trigger) -> bool:
    """Whether a person (named, titled or an unnamed official) is the trigger's speaker."""
    choice = _actor(view, step, ctx, t)
    if choice.actor in (None, BOTH) or choice.impersonal:
        return False        # "Подчёркнуто, что …": the account's own statement
    entry = ctx.entry(choice.actor)
    return entry is None or entry.kind in PERSONAL_KINDS


def _party_act(view: SentenceView, step: Nesting, ctx: DocumentContext, t: Trigger) -> bool:
    """Whether a party of the call does the act: a person or both; not a side's stance ("Она
    подчеркнула, что Москва открыта к диалогу" is the spokeswoman's own)."""
    actor = _actor(view, step, ctx, t).actor
    entry = ctx.entry(actor)
    return actor == BOTH or actor is not None and (entry is None or entry.kind == "person")


def _institution_stance(view: SentenceView, step: Nesting, ctx: DocumentContext, outer: Trigger,
                        t: Trigger) -> bool:
    """A named spokesman or aide stating what his own institution does ("Peskov said the Kremlin
    would not comment") makes the claim himself."""
    speaker, inner = _actor(view, step, ctx, outer).actor, _actor(view, step, ctx, t).actor
    s_entry, i_entry = ctx.entry(speaker), ctx.entry(inner)
    return s_entry is not None and i_entry is not None and s_entry.kind == "person" and \
        speaker not in ctx.principals and not ctx.is_leader(speaker) and \
        i_entry.kind in SIDE_KINDS and inner not in ctx.principals and ctx.same_side(speaker, inner)


def _coordinated(view: SentenceView, outer: Trigger, t: Trigger, ctx: DocumentContext) -> bool:
    """A finite verb after a conjunction that agrees with an earlier claim's verb is that
    subject's second act, not part of the first one's content ("uznał, że …, i ostrzegł"); so is
    a clause after ", and" with a subject of its own (", and Chinese officials stressed …")."""
    lo = max(-1, t.first - 1 - ctx.data.windows.coordination_before)
    conj = next((k for k in range(t.first - 1, lo, -1) if view.words[k].upos == "CCONJ"), None)
    named = view.mention_words()
    if conj is not None and 0 < conj < t.first - 1 and view.words[conj - 1].text == COMMA and \
            all(k in named or view.words[k].upos in COORDINATED_SUBJECT_UPOS for k in range(conj + 1, t.first)):
        # unless its tense tells it apart: ", и Россия примет решения" is what the speaker foresees
        outer_tense, tense = view.words[outer.head].feat("Tense"), _clause_tense(view, conj + 1, t)
        return outer_tense is None or tense is None or outer_tense == tense
    if not _conjunction_close(view, t, ctx):
        return False
    a, b = view.words[outer.head], view.words[t.head]
    if not (_finite_or_perfect(view, outer.head) and _finite_or_perfect(view, t.head)):
        return False
    return all(a.feat(f) == b.feat(f) for f in AGREEMENT_FEATURES)


def _conjunction_close(view: SentenceView, t: Trigger, ctx: DocumentContext) -> bool:
    """A conjunction right before the verb, adverbs between not counted ("and also urged", "but
    once again ruled out")."""
    end = t.first
    while end > 0 and view.words[end - 1].upos == "ADV":
        end -= 1
    lo = max(0, end - ctx.data.windows.conjunction_before)
    return any(w.upos == "CCONJ" for w in view.words[lo:end])


def _clause_tense(view: SentenceView, start: int, t: Trigger) -> str | None:
    """The tense of t's clause: its verb's, else its first auxiliary's ("he did not agree")."""
    own = view.words[t.head].feat("Tense")
    if own is not None:
        return own
    aux = next((w for w in view.words[start:t.first] if w.upos == "AUX"), None)
    return None if aux is None else aux.feat("Tense") or MODAL


def _finite_or_perfect(view: SentenceView, k: int) -> bool:
    """A finite verb, or a participle right after its auxiliary ("had stressed … and had urged")."""
    form = view.words[k].feat("VerbForm")
    return form in FINITE_OR_UNKNOWN or form == "Part" and k > 0 and view.words[k - 1].upos == "AUX"
