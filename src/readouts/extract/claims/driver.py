"""The sentence loop: for each sentence, triggers → nesting → actor → attributes → claim, with
the discourse state passed from sentence to sentence (and from claim to claim) by this loop only.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field, replace

from readouts.extract.actors import collect_actors, spellings
from readouts.extract.claims import attributes as attr
from readouts.extract.claims.actor import OWN_SIDE, ActorChoice, ActorQuery, coordinated_partner, resolve_actor, subject_like
from readouts.extract.claims.data import ClaimData, claim_data
from readouts.extract.claims.discourse import (
    Discourse,
    remember_officials,
    remember_subjects,
    remember_titles,
    update_account,
    update_turn,
)
from readouts.extract.claims.document import DocumentContext, correction_notice, find_parties, first_person_author
from readouts.extract.claims.explain import Trace
from readouts.extract.claims.nesting import Nesting, resolve_nesting
from readouts.extract.claims.triggers import ATTRIBUTION, COMMITMENT, Dropped, Found, Trigger, find_triggers
from readouts.extract.claims.turns import TurnLabel, find_label, interviewers, narrating_roles, statement, text_people
from readouts.extract.claims.view import QuoteScan, SentenceView, build_view, pronoun_gender
from readouts.model import BOTH, Analysis, Claim, DateRef, DocumentInfo, DroppedTrigger, Extraction, LoadedText, Sentence

PERSONAL_KINDS = frozenset({"person", "official"})
GENDER_FEATURES = {"Masc": "masc", "Fem": "fem"}
SPEAKING_GENDERS = frozenset({"masc", "fem"})
QUESTION_MARK = "?"
PROPOSE = "propose"             # a proposal's addressee may accept it later ("Приглашение принято")


def prepare(lang: str) -> None:
    """Read and compile the extraction data of one language now (it is cached), so that a later
    extract_all() of that language does not wait for it."""
    from readouts.extract.date_grammar import grammar

    claim_data(lang)
    grammar(lang)


def extract_all(loaded: LoadedText, analysis: Analysis) -> Extraction:
    """Dates, actors and claims of one analysed text, in the contract's shape. The publication
    date may come from the text itself (a dateline, a page's date line): the document says where."""
    from readouts.extract.dates import extract_dates, find_publication, unanchored_dates

    pub = find_publication(loaded, analysis)
    dates = extract_dates(analysis, pub.anchor, pub.published)
    data = claim_data(analysis.lang)
    ctx, views = _document(loaded, analysis, data, pub.anchor, dates)
    claims, dropped = _claims(views, ctx)
    info = DocumentInfo(loaded.path, loaded.lang, pub.published, ctx.source, loaded.title, analysis.backend,
                        published_from=pub.origin, unanchored=unanchored_dates(analysis, pub.anchor, pub.published))
    mentions = [m for v in views for m in v.mentions]
    actors = collect_actors(mentions, data.lex)
    spelled = spellings(actors, data.lex)
    return Extraction(info, [replace(a, name=spelled.get(a.name, a.name)) for a in actors], dates,
                      [_spelled(c, spelled) for c in claims], dropped)


def _spelled(claim: Claim, spelled: dict[str, str]) -> Claim:
    """The claim with its actor and addressee named as the text spells them."""
    if not spelled or (claim.actor not in spelled and claim.addressee not in spelled):
        return claim
    return replace(claim, actor=spelled.get(claim.actor, claim.actor),
                   addressee=spelled.get(claim.addressee, claim.addressee) if claim.addressee else None)


def _document(loaded: LoadedText, analysis: Analysis, data: ClaimData, anchor: dt.date | None,
              dates: list[DateRef]) -> tuple[DocumentContext, list[SentenceView]]:
    bare = _views(analysis, data)
    parties = find_parties(loaded, analysis, data, anchor,
                           lambda k, m: subject_like(bare[k], m, data))
    by_start = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in by_start]
    views = [v.with_mentions(list(ms)).with_dates(_within(by_start, starts, v)) for v, ms in zip(bare, parties.mentions)]
    author = first_person_author(views, parties.principals, data, parties.official, anchor)
    ctx = DocumentContext(analysis.text, data, anchor, loaded.title, parties.principals, parties.own_side,
                          parties.official, parties.source, tuple(dates), author,
                          correction_notice(views, loaded.title, data))
    return ctx, views


def _within(dates: list[DateRef], starts: list[int], view: SentenceView) -> list[DateRef]:
    """The dates inside a sentence (`dates` sorted by start, `starts` their starts): found by
    bisection, so that a long text's sentences do not each scan all its dates."""
    sentence = view.sentence
    stop = sentence.start + len(sentence.text)
    first = bisect.bisect_left(starts, sentence.start)
    return [d for d in dates[first:bisect.bisect_left(starts, stop)] if d.stop <= stop]


def _views(analysis: Analysis, data: ClaimData) -> list[SentenceView]:
    """The sentences' views, with the quotation depth read through each paragraph."""
    views: list[SentenceView] = []
    scan, start, read_to, paragraph = QuoteScan(), 0, 0, -1
    for sentence in analysis.sentences:
        if sentence.paragraph != paragraph:
            scan, start, read_to, paragraph = QuoteScan(), sentence.start, sentence.start, sentence.paragraph
        scan = scan.read(analysis.text[read_to:sentence.start], data.quotes)
        view, scan = build_view(sentence, data, [], start, scan)
        views.append(view)
        read_to = sentence.stop
    return views


def _claims(views: list[SentenceView], ctx: DocumentContext) -> tuple[list[Claim], list[DroppedTrigger]]:
    claims: list[Claim] = []
    dropped: list[DroppedTrigger] = []
    state, current = Discourse(), -1
    paragraph: list[SentenceView] = []
    people = text_people(views, ctx.data)
    labels = [find_label(v, ctx.data, people) for v in views]
    asking = interviewers(views, labels, ctx.lex.actors, QUESTION_MARK)
    labels = [TurnLabel(label.colon, None) if label is not None and label.speaker in asking else label
              for label in labels]
    transcript = sum(label is not None and not label.inline for label in labels) >= ctx.data.windows.transcript_labels
    labels = narrating_roles(views, labels, transcript, QUESTION_MARK)
    headings = _headings(views, ctx)
    for view, label in zip(views, labels):
        new_paragraph = view.sentence.paragraph != current
        current = view.sentence.paragraph
        paragraph = [] if new_paragraph else paragraph
        earlier = tuple(paragraph)
        paragraph.append(view)
        state = update_turn(state, ctx, label, new_paragraph, transcript)
        if _not_reported(view.sentence, ctx) or state.questioning or view.sentence.start in headings:
            continue
        state = update_account(view, ctx, state, new_paragraph)
        result = sentence_claims(view, earlier, ctx, state, label.colon + 1 if label else 0)
        state = remember_officials(view, ctx, remember_titles(view, ctx, result.state))
        claims.extend(result.claims)
        dropped.extend(_dropped(view, d, ctx) for d in result.dropped)
    return claims, dropped


def _not_reported(sentence: Sentence, ctx: DocumentContext) -> bool:
    """A question, or the title line (a headline sums the story up; it is not an account)."""
    title = (ctx.title or "").strip()
    headline = bool(title) and sentence.paragraph == 0 and sentence.text.strip() in title
    return sentence.text.rstrip().endswith(QUESTION_MARK) or headline


HEADING_WORDS = 8      # the longest heading a paragraph of one unfinished sentence is taken for


def _headings(views: list[SentenceView], ctx: DocumentContext) -> frozenset[int]:
    """Where the section heads of a newsletter or a live blog start ("1) Sheinbaum and Carney compare
    notes", "12:30 ET What was said behind closed doors", "Updated 23:58 Moscow time"): a paragraph
    of one short sentence with no sentence-final mark. A heading names what follows; it reports
    nothing."""
    ends, closing = ctx.data.quotes.sentence_ends, ctx.data.cls("closing_quotes").raw
    count: dict[int, int] = {}
    for v in views:
        count[v.sentence.paragraph] = count.get(v.sentence.paragraph, 0) + 1
    return frozenset(v.sentence.start for v in views
                     if count[v.sentence.paragraph] == 1 and len(v.words) <= HEADING_WORDS and
                     v.sentence.text.rstrip().rstrip("".join(closing) + ")]")[-1:] not in ends)


def _dropped(view: SentenceView, d: Dropped, ctx: DocumentContext) -> DroppedTrigger:
    start, stop = view.words[d.first].start, view.words[d.last - 1].stop
    return DroppedTrigger(ctx.text[start:stop], start, stop, d.pattern, d.reason)


# ---------------------------------------------------------------------------------- one sentence
@dataclass(frozen=True)
class SentenceResult:
    claims: tuple[Claim, ...]
    dropped: tuple[Dropped, ...]
    state: Discourse


@dataclass
class _Progress:
    """The claims of one sentence so far (local to sentence_claims)."""
    state: Discourse
    claims: list[Claim] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    previous: tuple[Trigger, str] | None = None


def sentence_claims(view: SentenceView, earlier: tuple[SentenceView, ...], ctx: DocumentContext,
                    state: Discourse, turn_start: int = 0) -> SentenceResult:
    """The claims of one sentence; in a speaker's turn that opens at word `turn_start`, only
    those after the label."""
    found = _in_turn(find_triggers(view, ctx.data, speaking=state.speaker is not None), turn_start)
    nest = resolve_nesting(view, earlier, found.triggers, ctx, state)
    triggers = list(nest.triggers) + commitment_triggers(view, ctx, nest.triggers)
    if not triggers:
        triggers = attributed_speech(view, ctx, nest.state)
    triggers.sort(key=lambda t: t.first)
    progress = _Progress(nest.state, dropped=list(found.dropped + nest.dropped))
    for n, t in enumerate(triggers):
        following = triggers[n + 1].first if n + 1 < len(triggers) else len(view)
        _one_claim(view, t, following, nest, ctx, progress)
    speaker = progress.state.speaker
    said = statement(view, turn_start, speaker, ctx.data) if speaker and not progress.claims else None
    if said is not None:
        _one_claim(view, said, len(view), nest, ctx, progress)
    # the speaker of a turn is no third person the turn's "he" may mean: a sentence with only his own
    # claims leaves its subjects to be remembered ("The Secretary was very direct. He conveyed …")
    own = all(c.actor == speaker for c in progress.claims) if speaker else not progress.claims
    final = remember_subjects(view, ctx, progress.state) if own else progress.state
    return SentenceResult(tuple(progress.claims), tuple(progress.dropped), final)


def _in_turn(found: Found, turn_start: int) -> Found:
    """Triggers before a turn's label (a page's headings run into the label) report nothing; the
    label itself is no subject of the turn's sentence ("MR. KIRBY: The President thanked …")."""
    before = [Dropped(t.first, t.last, t.pattern, "turn.before_label") for t in found.triggers if t.first < turn_start]
    inside = (replace(t, window_start=max(t.window_start, turn_start)) for t in found.triggers if t.first >= turn_start)
    return Found(tuple(inside), found.dropped + tuple(before))


def _one_claim(view: SentenceView, t: Trigger, following: int, nest: Nesting, ctx: DocumentContext,
               progress: _Progress) -> None:
    choice = resolve_actor(ActorQuery(view, ctx, progress.state, nest.aside, progress.previous), t)
    reason = "actor.none" if choice.actor is None else \
        "actor.not_joint" if t.joint_only and choice.actor != BOTH else \
        "claim.retracted" if attr.retracted(view, t, ctx) else None
    claim = None if reason else _claim(view, t, following, nest, ctx, progress.state, choice)
    if claim is None:
        progress.dropped.append(Dropped(t.first, t.last, t.pattern, reason or "claim.call_event"))
        return
    actor = claim.actor
    # what a speaker quotes does not change the narrator's subject, nor what a relayer's clause
    # reports of someone of his gender: "Uszakow przyznał, że Biden przedstawił …. Zapewnił, że …"
    # is still Ushakov
    relayed = t.relayer is not None and ctx.gender_of(t.relayer) == ctx.gender_of(actor)
    narrated = not view.quoted[t.first] and not relayed and actor != progress.state.speaker
    invitee = claim.addressee if claim.act == PROPOSE else None
    progress.state = progress.state.after_claim(actor, ctx.gender_of(actor), narrated, invitee,
                                                ctx.lex.unnamed_official(actor))
    progress.previous = (t, actor)
    progress.claims.append(claim)


def _claim(view: SentenceView, t: Trigger, following: int, nest: Nesting, ctx: DocumentContext,
           state: Discourse, choice: ActorChoice) -> Claim | None:
    actor = choice.actor or BOTH
    act = attr.joint_act(t, t.act, actor, ctx)
    carrier, content = _content(view, t, following, nest)
    if attr.describes_the_call(view, t, act[0], content, ctx.data):
        return None
    act = attr.act_from_content(view, t, act, content, actor, ctx)
    condition = attr.conditional(act[0], content, ctx)
    hedged, hedge_rule, first = attr.hedged(view, t, ctx)
    polarity = attr.polarity(view, t, content, ctx)
    act = attr.side_pledge(view, t, attr.negated_act(t, act, polarity, ctx), actor, ctx, choice.strategy == OWN_SIDE)
    addressee = attr.addressee(view, t, actor, act[0], ctx)
    account = attr.reported_by(actor, state.account, ctx)
    trace = Trace(t.pattern, choice.strategy, act[1], polarity[1], hedge_rule, condition[1], addressee[1], account[1],
                  entry=t.entry, licence=t.licence, content=t.content_rule, quote=t.quote, absorbed=t.absorbed,
                  via=choice.via)
    sentence = carrier.sentence
    return Claim(
        actor=actor, act=act[0], sentence=sentence.text, start=sentence.start, stop=sentence.stop,
        trigger=ctx.text[view.words[first].start:view.words[t.last - 1].stop],
        polarity=polarity[0], hedged=hedged, conditional=condition[0], addressee=addressee[0],
        reported_by=account[0], dates=_dates(ctx, sentence), rule=trace.summary(),
        content=ctx.text[content.words[0].start:content.words[-1].stop] if len(content) else None,
        explain=trace.as_dict())


def _content(view: SentenceView, t: Trigger, following: int,
             nest: Nesting) -> tuple[SentenceView, attr.Content]:
    """What the trigger reports, and the sentence that carries the claim: a quote it attributes
    (which may have opened in an earlier sentence), else its words up to the next trigger."""
    if nest.quote is not None and nest.quote.attribution == t:
        return nest.quote.carrier, attr.Content.of_words(nest.quote.words)
    start = t.content_start if t.content_start is not None else t.last
    return view, attr.Content.of_view(view, start, max(following, start))


def _dates(ctx: DocumentContext, sentence: Sentence) -> list[str]:
    return [d.value for d in ctx.dates if sentence.start <= d.start < sentence.stop and not d.vague]


# ---------------------------------------------------------------------------------- late triggers
def commitment_triggers(view: SentenceView, ctx: DocumentContext, triggers: tuple[Trigger, ...]) -> list[Trigger]:
    """An official readout's own side committing itself: "the United States will carry out …"."""
    if not ctx.own_side:
        return []
    pattern, windows = ctx.data.pattern("commitment.own_side"), ctx.data.windows
    # "Россия и Катар будут …": a party joined to another by a conjunction names the two sides
    facts = {"own_side": ctx.own_side, "side_of": ctx.side_of,
             "coordinated": lambda m: coordinated_partner(view, m)}
    out = []
    for i in range(len(view)):
        if any(t.first <= i + k < t.last for t in triggers for k in range(windows.commitment_trigger_overlap)):
            continue        # the verb after "will" is a trigger of its own ("will brief")
        if pattern.match(view, i, facts=facts) is None or _framed_commitment(view, ctx, triggers, i):
            continue
        out.append(Trigger(i, min(i + windows.commitment_words, len(view)), "assure", pattern.id, COMMITMENT,
                           i, view.texts[i]))
    return out


def _framed_commitment(view: SentenceView, ctx: DocumentContext, triggers: tuple[Trigger, ...], i: int) -> bool:
    """Inside another trigger's content ("said that the UK would not …", English dropping "that",
    "Хочу сказать прямо: Белоруссия будет …")."""
    if triggers and any(text in ctx.data.cls("complementizers") for text in view.texts[:i]):
        return True
    if any(t.content_start is not None and t.content_start <= i for t in triggers):
        return True
    gap = ctx.data.windows.dropped_that_gap
    return any(t.frame and t.last <= i <= t.last + gap and
               not any(w.upos in ("PUNCT", "CCONJ") for w in view.words[t.last:i]) for t in triggers)


def attributed_speech(view: SentenceView, ctx: DocumentContext, state: Discourse) -> list[Trigger]:
    """"По словам Пескова, …", "Według prezydenta, …", "According to Mr Xi, …": a sentence with
    no verb of saying that a person's words carry is that person's statement."""
    marks = view.attribution
    for i in range(len(view)):
        if not marks[i] or (i > 0 and marks[i - 1]):
            continue
        end = i
        while end < len(view) and marks[end]:
            end += 1
        following = next((m for m in view.mentions if m.first >= end), None)
        # the speaker right after the cue ("По словам Пескова"); after its comma the content begins
        close = following if following is not None and \
            following.first <= end + ctx.data.windows.attributed_speaker_after and \
            not any(w.upos == "PUNCT" for w in view.words[end:following.first]) else None
        if close is not None and close.kind not in PERSONAL_KINDS:
            return []           # "Как сообщает ТАСС, Путин …": a source, not a speaker
        speaker = close.actor if close is not None else _referred_speaker(view, ctx, state, i, end)
        if speaker:
            return [Trigger(i, end, "state", "attribution.speech", ATTRIBUTION, i, view.texts[i],
                            content_start=end, content_rule="content.after_attribution", speaker=speaker)]
    return []


def _referred_speaker(view: SentenceView, ctx: DocumentContext, state: Discourse, i: int, end: int) -> str | None:
    """"По его словам", "Jak dodał": a possessive pronoun, or the gender of the cue's own verb,
    refers to the narrator's last subject."""
    speaker = None
    for j in range(i, min(len(view), end + 2)):
        gender = pronoun_gender(view, j, ctx.data, "possessives")
        if gender in SPEAKING_GENDERS:
            speaker = state.subject(gender)
    if speaker is None:
        for w in view.words[i:end]:
            gender = GENDER_FEATURES.get(w.feat("Gender") or "")
            if w.upos in ("VERB", "AUX") and gender:
                speaker = state.subject(gender)
    return speaker
