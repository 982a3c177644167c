"""Claims: every speech act or commitment of an actor that the text reports.

The mechanism is the same for every language; the words are data (`lang/<xx>/reporting.yaml`,
`cues.yaml`, `titles.yaml`, `lang/actors.yaml`). For each sentence:

1. triggers: multi-word phrases, light verbs with an act-bearing noun ("expressed concern"),
   and verbs whose lemma carries an act; participles, gerunds and bare infinitives are not
   triggers unless an alleging auxiliary governs them ("miał zapewnić");
2. nesting: a generic frame ("Poinformował, że …", "„…” – zaznaczono") yields to the claims
   inside its content; any other trigger's content keeps no claims of its own;
3. actor: the syntactic subject where the backend parses, else the nearest nominative mention
   before the trigger in its clause (or right after it: "– powiedział urzędnik"), a coordinated
   verb's subject, a pronoun or a subjectless verb resolved to the most recent subject of the
   same gender, and for impersonal and passive forms the actor of the account ("both" for what
   was agreed or discussed);
4. attributes: polarity, hedging, condition, addressee, whose account it is, and the dates of the
   sentence.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator

from readouts.extract.actors import ActorFinder, Mention, PhraseIndex, collect_actors, word_keys
from readouts.extract.lexicon import Lexicon, fold, lexicon
from readouts.extract.source import detect_source
from readouts.model import (BOTH, Analysis, Claim, DateRef, DocumentInfo, Extraction, LoadedText,
                            Sentence, Word)

# UD parts of speech that can never carry a verbal trigger.
NON_VERBAL_UPOS = {"NOUN", "PROPN", "ADJ", "DET", "PRON", "ADP", "NUM", "PUNCT", "CCONJ", "SCONJ", "SYM"}
# Verb forms that are not predicates of a clause of their own.
NON_FINITE = {"Part", "Conv", "Ger", "Vnoun"}
SUBJECT_DEPRELS = {"nsubj", "nsubj:pass", "csubj"}
# Acts aimed at the other side of the call: without an explicit object, the counterpart.
DIRECTED_ACTS = {"concern", "warn", "demand", "assure", "propose", "reject"}
# Acts a stated condition restricts ("will respond … if").
CONDITIONAL_ACTS = {"warn", "assure", "propose", "agree"}
# A proposal or pledge made by both principals together is an agreement.
JOINT_COMMITMENTS = {"propose", "assure"}
# Acts the two principals do together when no one else is named.
JOINT_ACTS = {"agree", "discuss"}
PERSONAL_KINDS = ("person", "official")
OPEN_QUOTES = "„“«\"‚'"
CLOSE_QUOTES = "”“»\"'’"
LEADER_OFFICES = ("_president", "_chancellor", "_prime_minister")


@dataclass(slots=True)
class Trigger:
    first: int                  # word index of the first trigger word
    last: int                   # index after the last trigger word
    act: str
    rule: str                   # verb | light_verb | phrase | joint | commitment
    head: int                   # the verbal word (for morphology and syntax)
    lemma: str
    joint_only: bool = False    # an act only when the two principals (or no one) do it
    frame: bool = False
    content_start: int | None = None   # first word of the reported content
    speaker: str | None = None  # set when the rule itself names the actor ("По словам Пескова")
    window_start: int = 0       # the subject is not sought before this word (a dropped frame's end)


@dataclass(slots=True)
class Quote:
    """A quotation and the verb that attributes it."""
    attribution: Trigger
    sentence: Sentence          # where the quote opens: the claim's carrying sentence
    words: list[Word]           # the quoted words
    first_word: int             # index of the first quoted word in `sentence`
    has_triggers: bool = False


@dataclass
class DocumentState:
    """What carries over from sentence to sentence."""
    last_subject: dict[str, str] = field(default_factory=dict)   # gender -> canonical actor
    last_actor: str | None = None
    account: str | None = None
    principals: list[str] = field(default_factory=list)


def prepare(lang: str) -> None:
    """Read and compile the extraction data of one language now (it is cached), so that a later
    extract_all() of that language does not wait for it."""
    from readouts.extract.date_grammar import grammar

    lexicon(lang)
    grammar(lang)


def extract_all(loaded: LoadedText, analysis: Analysis) -> Extraction:
    """Dates, actors and claims of one analysed text, in the contract's shape."""
    from readouts.extract.dates import extract_dates, find_anchor

    anchor = find_anchor(loaded, analysis)
    dates = extract_dates(analysis, anchor, loaded.published)
    lex = lexicon(analysis.lang)
    doc = DocumentExtractor(loaded, analysis, lex, anchor, dates)
    claims = list(doc.claims())
    info = DocumentInfo(loaded.path, loaded.lang, loaded.published, doc.source, loaded.title, analysis.backend)
    return Extraction(info, collect_actors(doc.all_mentions, lex), dates, claims)


class DocumentExtractor:
    def __init__(self, loaded: LoadedText, analysis: Analysis, lex: Lexicon, anchor: dt.date | None,
                 dates: list[DateRef]):
        self.loaded = loaded
        self.analysis = analysis
        self.lex = lex
        self.cues = lex.cues
        self.dates = dates
        self.anchor = anchor
        self.use_names = "ner" in analysis.provides
        self.trigger_lemmas = frozenset(lex.verb_acts) | lex.light_verbs | frozenset(lex.joint_acts)
        finder = ActorFinder(lex, anchor, use_names=self.use_names)
        self.sentence_mentions = [finder.mentions(s) for s in analysis.sentences]
        self.all_mentions = [m for ms in self.sentence_mentions for m in ms]
        first_side = self._first_leader_side()
        guess = detect_source(loaded, first_side)
        self.source = guess.source
        self.official = guess.official
        self.own_side = (guess.side or first_side) if guess.official else None
        if self.own_side:
            # titles such as "the President" mean the readout's own principal: find again
            self.state = DocumentState(principals=self._principals())
            finder = ActorFinder(lex, anchor, self.own_side, self.use_names, tuple(self.state.principals))
            self.sentence_mentions = [finder.mentions(s) for s in analysis.sentences]
            self.all_mentions = [m for ms in self.sentence_mentions for m in ms]
        self.state = DocumentState(principals=self._principals())
        self._aside: range = range(0)      # words of a dropped "X said" aside in the current sentence
        self.triggers = self._compile_triggers()

    # ------------------------------------------------------------------ document-level facts
    def _is_leader(self, name: str) -> bool:
        return any(key.endswith(LEADER_OFFICES) and office.holder_on(self.anchor) == name
                   for key, office in self.lex.offices.items())

    def _first_leader_side(self) -> str | None:
        """Whose readout an official text is: the side of the person most often its subject
        (the title often names the counterpart first: "Переговоры с Президентом США")."""
        counts: dict[str, float] = {}
        for sentence, mentions in zip(self.analysis.sentences, self.sentence_mentions):
            for m in mentions:
                if m.kind == "person" and m.actor in self.lex.actors and self._subject_like(sentence.words, m):
                    counts[m.actor] = counts.get(m.actor, 0) + (1.5 if self._is_leader(m.actor) else 1)
        if not counts:
            return None
        return self.lex.actors[max(counts, key=counts.get)].side

    def _principals(self) -> list[str]:
        """The two parties of the call: the most mentioned person (leaders first), and the most
        mentioned person of another side."""
        counts: dict[str, float] = {}
        for m in self.all_mentions:
            if m.kind == "person" and m.actor in self.lex.actors:
                counts[m.actor] = counts.get(m.actor, 0) + (1.5 if self._is_leader(m.actor) else 1)
        ranked = sorted(counts, key=lambda n: -counts[n])
        if not ranked:
            return []
        first = ranked[0]
        second = next((n for n in ranked[1:] if self.side_of(n) != self.side_of(first)), None)
        return [first, second] if second else [first]

    def side_of(self, actor: str | None) -> str | None:
        entry = self.lex.actors.get(actor or "")
        return entry.side if entry else None

    def principal_of_account(self, account: str | None) -> str | None:
        """The principal who speaks through an account (the Kremlin's readout → Putin)."""
        side = None
        for entry in self.lex.actors.values():
            if account and entry.account == account and entry.kind == "institution":
                side = entry.side
                break
        if account is None:
            side = self.own_side
        for p in self.state.principals:
            if self.side_of(p) == side:
                return p
        return None

    def _same_side(self, a: str | None, b: str | None) -> bool:
        return a not in (None, BOTH) and b not in (None, BOTH) and \
            (a == b or self.side_of(a) is not None and self.side_of(a) == self.side_of(b))

    def counterpart(self, actor: str) -> str | None:
        side = self.side_of(actor)
        if side is None:
            return None
        for p in self.state.principals:
            if self.side_of(p) != side:
                return p
        return None

    # ------------------------------------------------------------------ the sentence loop
    def claims(self) -> Iterator[Claim]:
        previous_paragraph = -1
        paragraph: list[Sentence] = []
        for sentence, mentions in zip(self.analysis.sentences, self.sentence_mentions):
            new_paragraph = sentence.paragraph != previous_paragraph
            previous_paragraph = sentence.paragraph
            if new_paragraph:
                paragraph = []
            paragraph.append(sentence)
            if sentence.text.rstrip().endswith("?") or self._headline(sentence):
                continue
            words = sentence.words
            keys = [word_keys(w, self.lex.name_endings) for w in words]
            self._update_account(sentence, words, keys, mentions, new_paragraph)
            self._aside = range(0)
            found = list(self._sentence_claims(sentence, words, keys, mentions, paragraph))
            if not found:
                self._remember_subjects(mentions)
            yield from found

    def _headline(self, sentence: Sentence) -> bool:
        """The title line: a headline sums the story up, it is not where an account reports."""
        title = (self.loaded.title or "").strip()
        return bool(title) and sentence.paragraph == 0 and sentence.text.strip() in title

    def _sentence_claims(self, sentence, words, keys, mentions, paragraph) -> Iterator[Claim]:
        triggers = self._find_triggers(words, keys, mentions)
        triggers, quote = self._resolve_nesting(sentence, words, triggers, paragraph, mentions)
        triggers.extend(self._commitments(words, mentions, triggers))
        if not triggers:
            triggers = self._attributed_speech(words, mentions)
        triggers.sort(key=lambda t: t.first)
        previous = None
        for n, trig in enumerate(triggers):
            actor, how = self._actor(sentence, words, trig, mentions, previous)
            if actor is None:
                continue
            if trig.joint_only and actor != BOTH:
                continue
            act = trig.act
            if actor == BOTH and trig.lemma in self.lex.joint_acts:
                act = self.lex.joint_acts[trig.lemma]
            elif actor == BOTH and act in JOINT_COMMITMENTS:
                act = "agree"      # what both offer or pledge together, they agree on
            carrier = sentence
            if quote is not None and quote.attribution is trig:
                content, carrier = quote.words, quote.sentence
            else:
                next_first = triggers[n + 1].first if n + 1 < len(triggers) else len(words)
                content = self._content_words(words, trig, next_first)
            if act == "state" and content and self._has_cue(content, self.cues["call_event"]):
                continue       # "Misri said the call took place at Trump's request": the event itself
            act, conditional = self._act_from_content(trig, act, content, mentions, actor)
            hedged = self._hedged(words, trig)
            first = self._hedge_auxiliary(words, trig) if hedged else trig.first
            claim = Claim(
                actor=actor, act=act, sentence=carrier.text, start=carrier.start, stop=carrier.stop,
                trigger=self.analysis.text[words[first].start:words[trig.last - 1].stop],
                polarity=self._polarity(words, trig, act, content),
                hedged=hedged,
                conditional=conditional,
                addressee=self._addressee(words, trig, mentions, actor, act),
                reported_by=self._reported_by(actor),
                dates=[d.value for d in self.dates if carrier.start <= d.start < carrier.stop and not d.vague],
                rule=f"{trig.rule}:{how}",
                content=self.analysis.text[content[0].start:content[-1].stop] if content else None,
            )
            previous = (trig, actor)
            quoted = self._inside_quote(paragraph[0].start, words[trig.first].start)
            if actor != BOTH and not quoted:
                # the narrator's chain of subjects; what a speaker quotes does not enter it
                gender = self._gender_of(actor)
                if gender:
                    self.state.last_subject[gender] = actor
            self.state.last_actor = actor
            yield claim

    # ------------------------------------------------------------------ triggers
    def _compile_triggers(self):
        endings = self.lex.name_endings
        return PhraseIndex(tuple((p, act) for p, act in self.lex.phrases), endings)

    def _verbal(self, words: list[Word], i: int) -> bool:
        w = words[i]
        if self._adverbial_speech(words, i):
            return True
        if w.upos in NON_VERBAL_UPOS:
            return False
        # after an auxiliary a participle or infinitive is the clause's predicate: "had accepted",
        # "was agreed", "did not agree", "będzie omawiać"
        aux = next((k for k in range(i - 1, max(-1, i - 4), -1) if words[k].upos == "AUX"), None)
        periphrastic = aux is not None and not any(x.upos == "VERB" for x in words[aux + 1:i])
        if w.feat("VerbForm") in NON_FINITE and not self._impersonal(w) and not periphrastic:
            return False
        if w.feat("VerbForm") == "Inf" and not periphrastic and not self._governed_infinitive(words, i):
            return False
        # English has no morphology offline: a determiner or possessive before makes it a noun
        if i > 0 and words[i - 1].upos in {"DET"} | ({"PRON"} if words[i - 1].feat("Poss") else set()):
            return False
        # …and so does a possessive clitic: "Russia's repeated references" (an attributive participle)
        if i > 0 and fold(words[i - 1].text) in {fold(x) for x in self.cues["possessive_markers"]}:
            return False
        if i > 0 and fold(words[i - 1].text) in {fold(x) for x in self.cues["infinitive_markers"]}:
            return False
        return True

    def _adverbial_speech(self, words: list[Word], i: int) -> bool:
        """", warning that …", ", zastrzegając, że …", ", подчеркнув, что …": an adverbial
        participle of a verb of saying, set off by a comma and followed by what it says, is a
        second act of the clause's subject."""
        comps = {fold(c) for c in self.cues["complementizers"]}
        w = words[i]
        # a tagger may call an English "-ing" form a noun; its verb shows in the regular endings
        participle = w.feat("VerbForm") in ("Ger", "Conv") or \
            w.upos == "NOUN" and self._trigger_lemma(w) != self._lemma(w)
        infinitive = {fold(x) for x in self.cues["infinitive_markers"]}
        # ", agreeing to …", ", refusing to …": a commitment or refusal, told by its infinitive
        return participle and i > 0 and words[i - 1].text == "," \
            and (any(fold(x.text) in comps for x in words[i + 1:i + 3])
                 or i + 2 < len(words) and fold(words[i + 1].text) in infinitive
                 and words[i + 2].upos in ("VERB", "AUX"))

    def _governed_infinitive(self, words: list[Word], i: int) -> bool:
        """An infinitive is a claim's verb only under an alleging auxiliary ("miał zapewnić")."""
        aux = {fold(a) for a in self.cues["hedges"]["auxiliaries"] or []}
        for j in range(max(0, i - 3), i):
            if self._lemma(words[j]) in aux and words[j].feat("VerbForm") not in NON_FINITE:
                return True
        return False

    def _trigger_lemma(self, w: Word) -> str:
        """The word's lemma, or, when the lemmatiser missed ("thanked" → "thanke"), the lemma that
        the language's regular verb endings give and the trigger lexicon knows."""
        lemma = self._lemma(w)
        known = self.trigger_lemmas
        if lemma in known:
            return lemma
        text = fold(w.text)
        for ending, replacement in self.cues["verb_endings"] or []:
            if text.endswith(ending) and text[: len(text) - len(ending)] + replacement in known:
                return text[: len(text) - len(ending)] + replacement
        return lemma

    @staticmethod
    def _lemma(w: Word) -> str:
        return fold(w.lemma or w.text).split(":")[0]

    def _impersonal(self, w: Word) -> bool:
        """Polish -no/-to forms, Russian short neuter passive participles ("Отмечено")."""
        feats = w.feats
        if feats.get("Person") == "0" or feats.get("VerbForm") == "Imps":
            return True
        return (feats.get("VerbForm") == "Part" and feats.get("Variant") == "Short"
                and feats.get("Voice") == "Pass")

    def _find_triggers(self, words: list[Word], keys: list[set[str]],
                       mentions: list[Mention] | None = None) -> list[Trigger]:
        out: list[Trigger] = []
        used = self._attribution_words(words)
        for i in range(len(words)):
            if used[i]:
                continue
            hit = self.triggers.match_at(keys, i)
            if hit and words[i].upos in ("VERB", "AUX") and not self._verbal(words, i):
                hit = None
            if hit and words[i].upos == "NOUN" and any(w.upos == "DET" for w in words[max(0, i - 2):i]) \
                    and not any(w.upos in ("VERB", "AUX") for w in words[i:hit[0]]):
                hit = None      # "held a video call on Tuesday": the noun, not the verb "call on"
            if hit:
                end, act = hit
                # the phrase's verb: a full verb over an auxiliary ("была воспринята")
                head = next((j for j in range(i, end) if words[j].upos == "VERB"),
                            next((j for j in range(i, end) if words[j].upos == "AUX"), i))
                out.append(Trigger(i, end, act, "phrase", head, self._lemma(words[head])))
                for j in range(i, end):
                    used[j] = True
        for i, w in enumerate(words):
            if used[i]:
                continue
            lemma = self._trigger_lemma(w)
            light = lemma in self.lex.light_verbs
            own = self.lex.verb_acts.get(lemma)
            joint = self.lex.joint_acts.get(lemma)
            if not (light or own or joint) or not self._verbal(words, i):
                continue
            if light:
                noun = self._light_noun(words, i)
                if noun is not None and used[noun[0]]:
                    used[i] = True      # "обратился … с просьбой": the phrase already carries the act
                    continue
                if noun is not None:
                    j, act = noun
                    first, last = min(i, j), max(i, j) + 1
                    out.append(Trigger(first, last, act, "light_verb", i, lemma))
                    for k in range(first, last):
                        used[k] = True
                    continue
            if own:
                out.append(Trigger(i, i + 1, own, "verb", i, lemma))
            elif joint:
                out.append(Trigger(i, i + 1, joint, "joint", i, lemma, joint_only=True))
            used[i] = True
        out = [t for t in out if not self._subordinate(words, t.first, mentions) and not self._narrator(words, t)]
        out.sort(key=lambda t: t.first)
        for t in out:
            t.frame = t.lemma in self.lex.frames and t.rule == "verb"
        return out

    def _narrator(self, words: list[Word], trig: Trigger) -> bool:
        """A first-person verb outside a quotation is the narrator's ("Напомним", "Przypomnijmy")."""
        head = words[trig.head]
        return head.feat("Person") == "1" and not self._inside_quote(0, head.start) and \
            not any(w.text and w.text[0] in OPEN_QUOTES for w in words[:trig.first])

    def _attribution_words(self, words: list[Word]) -> list[bool]:
        """Words of an attribution ("Jak poinformował Kreml", "как сообщили в Кремле",
        "according to"): they name a source and are no claim of their own."""
        marks = [False] * len(words)
        folded = [fold(w.text) for w in words]
        for cue in self.cues["attribution"]:
            parts = fold(cue).split()
            for i in range(len(words) - len(parts) + 1):
                if folded[i:i + len(parts)] == parts:
                    for k in range(i, i + len(parts)):
                        marks[k] = True
        return marks

    def _subordinate(self, words: list[Word], i: int, mentions: list[Mention] | None = None) -> bool:
        """A verb in a relative or conditional clause ("…, które będą", "jeśli Rosja zdecyduje")
        describes or supposes; it reports no claim."""
        start = self._clause_start(words, i)
        if i + 1 < len(words) and fold(words[i + 1].text) in {fold(q) for q in self.cues["question_openers"]}:
            return True         # "обсуждалась ли": the particle follows the verb
        if start == 0:
            return False
        if any(w.text == "," for w in words[start:i]):
            return False        # the clause closed at a comma: "Pytany, czy …, Trump odparł"
        opener = fold(words[start - 1].text)
        questions = {fold(q) for q in self.cues["question_openers"]}
        if opener in questions:
            return True
        if opener in {fold(r) for r in self.cues["relatives"]}:
            # "…, which the president accepted": a relative clause with a subject of its own
            # ("the president") still reports that subject's act; "…, które będą" does not
            own_subject = any(m.kind in PERSONAL_KINDS + ("group",) and start <= m.first and m.last <= i
                              for m in mentions or ())
            return not own_subject and not any(self._pronoun_gender(w) for w in words[start:i])
        return self._has_cue(words[start - 1:i], self.cues["conditions"])

    def _light_noun(self, words: list[Word], i: int) -> tuple[int, str] | None:
        """The act-bearing noun a light verb takes, within a few words after it (or just before it,
        as Russian and Polish word order allows)."""
        stops = {fold(c) for c in self.cues["complementizers"]}
        for j in range(i + 1, min(len(words), i + 7)):
            w = words[j]
            if fold(w.text) in stops or w.upos == "SCONJ" or w.text in (",", ";", ":"):
                break
            if w.upos == "VERB" and w.feat("VerbForm") == "Fin" and not fold(w.text).endswith("ed"):
                break
            act = self.lex.light_nouns.get(self._lemma(w)) or self.lex.light_nouns.get(fold(w.text))
            if act and w.upos not in ("ADP",):
                return j, act
            nxt = words[j + 1] if j + 1 < len(words) else None
            in_phrase = any(x.upos == "ADP" for x in words[max(i + 1, j - 2):j])
            if w.upos == "NOUN" and w.feat("Case") and not act and not in_phrase:
                break       # the object is another noun ("подчеркнул важность гарантий"), not one
                            # inside a prepositional phrase ("wyrazić w jej trakcie zaniepokojenie")
            if w.upos == "NOUN" and not w.feat("Case") and nxt is not None and nxt.upos not in ("NOUN", "PART", "ADJ"):
                break       # English: the object's head noun is not an act-bearing one
        # a passive or impersonal light verb may follow its noun ("договорённостей … достигнуто")
        if self._impersonal(words[i]) or words[i].feat("Voice") == "Pass":
            for j in range(i - 1, max(-1, i - 7), -1):
                w = words[j]
                if w.upos in ("PUNCT", "VERB", "SCONJ"):
                    break
                act = self.lex.light_nouns.get(self._lemma(w))
                if act and w.upos == "NOUN":
                    return j, act
        return None

    # ------------------------------------------------------------------ nesting
    def _complementizer_after(self, words: list[Word], i: int, limit: int = 10) -> int | None:
        comps = {fold(c) for c in self.cues["complementizers"]}
        for j in range(i, min(len(words), i + limit)):
            if fold(words[j].text) in comps:
                return j
            if words[j].upos == "VERB":
                return None     # "urged X not to reward Y, warning that …": that "that" is another verb's
        return None

    def _speaks_for_itself(self, sentence, words, trig: Trigger, mentions) -> bool:
        """A frame or attribution whose speaker is one of the call's principals is their own
        claim ("He later told Fox News that the two had not discussed aid"); one whose speaker
        relays an account (an official, a readout, "Poinformował", "– zaznaczono") only names
        the source of the claims it frames."""
        actor, how = self._actor(sentence, words, trig, mentions)
        entry = self.lex.actors.get(actor or "")
        if how == "impersonal" or actor in (None, BOTH):
            return False
        if how == "subjectless" and self._unknown_subject(words, trig):
            return False        # "The official said …", "Both offices said …", "It said …": an
                                # unnamed source the gazetteer lacks relays, it is no principal
        if entry is not None and entry.kind == "person" and entry.account and \
                actor not in self.state.principals and not self._is_leader(actor):
            return False        # a named spokesman or aide relays his side's account ("Ushakov told
                                # reporters that the leaders discussed …")
        if entry is None and how.startswith("ner"):
            # a person the gazetteer lacks is no party to the call: a spokesman, a foreign
            # secretary briefing reporters ("Misri said Trump invited Modi …") relays
            return False
        return entry is not None and entry.kind == "person"

    def _unknown_subject(self, words: list[Word], trig: Trigger) -> bool:
        """Whether the word right before the verb (past adverbs and auxiliaries) is a noun or
        pronoun: a subject of its own that names no known actor."""
        k = trig.first - 1
        while k >= 0 and words[k].upos in ("ADV", "AUX"):
            k -= 1
        if k >= 1 and words[k].upos == "ADJ" and words[k - 1].upos == "DET":
            return True         # "The official said": taggers read the noun as an adjective
        return k >= 0 and words[k].upos in ("NOUN", "PRON")

    def _personal_speaker(self, sentence, words, trig: Trigger, mentions) -> bool:
        """Whether a person (named, titled or an unnamed official) is the trigger's speaker."""
        actor, how = self._actor(sentence, words, trig, mentions)
        if actor in (None, BOTH) or how == "impersonal":
            return False        # "Подчёркнуто, что …": the account's own statement
        entry = self.lex.actors.get(actor)
        return entry is None or entry.kind in PERSONAL_KINDS

    def _party_act(self, sentence, words, trig: Trigger, mentions) -> bool:
        """Whether a party of the call does the act: a person or both; not a side's stance
        ("Она подчеркнула, что Москва открыта к диалогу" is the spokeswoman's own)."""
        actor = self._actor(sentence, words, trig, mentions)[0]
        entry = self.lex.actors.get(actor or "")
        return actor == BOTH or actor is not None and (entry is None or entry.kind == "person")

    def _resolve_nesting(self, sentence, words, triggers, paragraph, mentions):
        """Drop the triggers that are part of another claim's content; a quote's attribution
        yields to the claims inside the quote, or else carries the quote as its content."""
        quote = self._quote_attribution(sentence, words, triggers, paragraph)
        if quote is not None:
            quoted = {id(w) for w in quote.words}
            inside = [t for t in triggers if t is not quote.attribution and quote.sentence is sentence
                      and id(words[t.first]) in quoted]
            own = self._speaks_for_itself(sentence, words, quote.attribution, mentions)
            if own:
                triggers = [t for t in triggers if t not in inside]
                quote.attribution.rule += "+quote"
            elif inside or quote.sentence is not sentence and quote.has_triggers:
                attribution = quote.attribution
                triggers = [t for t in triggers if t is not attribution]
                if quote.sentence is sentence and quote.first_word == 0 and attribution.last < len(words) \
                        and words[attribution.last].text == ",":
                    # "Trump, Misri said, listened … and expressed": the aside's speaker is no
                    # subject of the verbs after it
                    comma = next((k for k in range(attribution.first - 1, max(-1, attribution.first - 6), -1)
                                  if words[k].text == ","), attribution.first)
                    self._aside = range(comma, attribution.last + 1)
                quote = None
            else:
                quote.attribution.rule += "+quote"
        triggers = self._drop_trailing_attribution(sentence, words, triggers, mentions)
        if self._has_cue(words, self.cues["source_only"]):
            triggers = [t for t in triggers if not t.frame or self._complementizer_after(words, t.last)]
        comps = {fold(c) for c in self.cues["complementizers"]}
        for n, t in enumerate(triggers):
            if t.content_start is None and fold(words[t.last - 1].text) in comps:
                t.content_start = t.last        # the phrase ends in its complementizer: "was clear that"
            if t.content_start is None:
                comp = self._complementizer_after(words, t.last)
                following = triggers[n + 1].first if n + 1 < len(triggers) else len(words)
                # the content opens before the next claim's verb, or it is not this one's
                t.content_start = comp if comp is not None and comp < following else None
                if t.content_start is None and t.frame and n + 1 < len(triggers) and \
                        following - t.last <= 5 and \
                        not any(w.upos in ("PUNCT", "CCONJ") for w in words[t.last:following]):
                    t.content_start = t.last     # "said Putin rejected …": English drops "that"
        result: list[Trigger] = []
        for t in triggers:
            if quote is not None and t is quote.attribution:
                result.append(t)
                continue
            outer = next((o for o in result if o.content_start is not None and o.content_start < t.first
                          and not (quote is not None and o is quote.attribution)), None)
            if outer is not None and self._coordinated(words, outer, t, mentions):
                outer = None             # "uznał, że …, i ostrzegł": a second verb of the same subject
            if outer is None:
                result.append(t)
            elif outer.frame and self._institution_stance(sentence, words, outer, t, mentions):
                pass                     # "Песков заявил, что Кремль не исключает …": the spokesman's own
            elif (outer.frame or outer.rule == "verb" and outer.act == "state" != t.act and
                  self._personal_speaker(sentence, words, outer, mentions) and
                  self._party_act(sentence, words, t, mentions)) and \
                    not self._speaks_for_itself(sentence, words, outer, mentions):
                # a relayer's "stressed that …" only names the source, as his "said that …" does
                result.remove(outer)     # the frame only names the source of the inner claim
                relayer = self._actor(sentence, words, outer, mentions)[0]
                if relayer not in (None, BOTH) and self._gender_of(relayer):
                    # still the narrator's subject: "X przekazał, że …. Zapowiedział również …"
                    self.state.last_subject[self._gender_of(relayer)] = relayer
                t.window_start = outer.last
                between = [w for w in words[outer.last:t.first] if fold(w.text) not in comps]
                if between and all(w.upos == "PRON" for w in between):
                    # "The Kremlin said it noted …": the pronoun right after the frame is its speaker
                    t.speaker = self._actor(sentence, words, outer, mentions)[0]
                result.append(t)
            elif (outer.frame or outer.rule == "verb" == t.rule) and outer.act == "state" and t.act != "state" and \
                    not any(self._is_negation_word(w) for w in words[max(0, t.first - 3):t.first]) and \
                    self._same_side(self._actor(sentence, words, t, mentions)[0],
                                    self._actor(sentence, words, outer, mentions)[0]):
                outer.act = t.act        # "said Kyiv would support …", "подчеркнул, что Россия осуждает …": the speaker's own act
                outer.rule += "+" + t.rule
            # otherwise t is part of what the outer claim reports
        return result, quote

    def _institution_stance(self, sentence, words, outer: Trigger, t: Trigger, mentions) -> bool:
        """A named spokesman or aide who states what his own institution does ("Peskov said the
        Kremlin would not comment") makes the claim himself: the institution is no party to the
        call whose act he would relay."""
        speaker = self._actor(sentence, words, outer, mentions)[0]
        inner = self._actor(sentence, words, t, mentions)[0]
        s_entry, i_entry = self.lex.actors.get(speaker or ""), self.lex.actors.get(inner or "")
        return s_entry is not None and i_entry is not None and s_entry.kind == "person" and \
            speaker not in self.state.principals and not self._is_leader(speaker) and \
            i_entry.kind == "institution" and inner not in self.state.principals and \
            self._same_side(speaker, inner)

    def _coordinated(self, words, outer: Trigger, t: Trigger, mentions=()) -> bool:
        """A finite verb after a coordinating conjunction that agrees with an earlier claim's verb
        is that subject's second act, not part of the first one's content; so is a clause after a
        conjunction with a subject of its own (", and Chinese officials stressed …")."""
        conj = next((k for k in range(t.first - 1, max(-1, t.first - 6), -1) if words[k].upos == "CCONJ"), None)
        named = {k for m in mentions for k in range(m.first, m.last)}
        if conj is not None and conj < t.first - 1 and conj > 0 and words[conj - 1].text == "," and \
                all(k in named or words[k].upos in ("DET", "ADJ", "PROPN", "NOUN", "NUM")
                    for k in range(conj + 1, t.first)):
            return True
        if not any(w.upos == "CCONJ" for w in words[max(0, t.first - 2):t.first]):
            return False
        a, b = words[outer.head], words[t.head]
        if b.feat("VerbForm") != "Fin" or a.feat("VerbForm") != "Fin":
            return False
        return all(a.feat(f) == b.feat(f) for f in ("Number", "Gender", "Person", "Tense"))

    def _drop_trailing_attribution(self, sentence, words, triggers, mentions):
        """"He also backed Trump's idea …, the Kremlin said.": a frame after a comma at the end of
        a sentence whose subject relays an account only names the source of the earlier claim."""
        if len(triggers) < 2:
            return triggers
        for t in triggers[:-1]:
            # "Mr Putin, the Kremlin said, insisted …": a frame between commas that relays
            if t.frame and t.last < len(words) and words[t.last].text == "," and \
                    any(w.text == "," for w in words[max(0, t.first - 4):t.first]) and \
                    self._actor(sentence, words, t, mentions)[0] not in self.state.principals:
                comma = max(k for k in range(max(0, t.first - 4), t.first) if words[k].text == ",")
                # the aside's speaker is no subject of the verbs after it ("Trump, Misri said,
                # listened … and expressed his support")
                self._aside = range(comma, t.last + 1)
                return [x for x in triggers if x is not t]
        last = triggers[-1]
        # any plain verb of saying that closes the sentence with only its speaker after it
        # ("…, подчеркнул российский президент.", "…, отметили в Кремле.") attributes what precedes
        in_mention = {k for m in mentions for k in range(m.first, m.last)}
        closing = last.act == "state" and last.rule == "verb" and all(
            k in in_mention or words[k].upos in ("PUNCT", "ADP", "ADJ", "DET", "PRON")
            for k in range(last.last, len(words)))
        if not (last.frame or closing) or last.content_start is not None:
            return triggers
        if self._complementizer_after(words, last.last) is not None:
            return triggers
        if any(w.text in (".", "!", "?") for w in words[triggers[-2].last:last.first - 1]):
            return triggers     # a sentence the splitter left joined: the frame attributes its own quote
        before = [m for m in mentions if m.last <= last.first and m.first > triggers[-2].last]
        comma = any(w.text == "," for w in words[triggers[-2].last:last.first])
        speaker = self._actor(sentence, words, last, mentions)[0]
        entry = self.lex.actors.get(speaker or "")
        # "…, отметили в Кремле": an institution named as the place relays as well
        relays = speaker not in self.state.principals and \
            (before or entry is not None and entry.kind in ("institution", "official")
             # "…, сказал он" of a named aide: he relays his side's account
             or closing and entry is not None and entry.kind == "person" and entry.account is not None
             and not self._is_leader(speaker or "")
             or closing and any(m.first >= last.last and m.kind in ("institution", "official", "media")
                                for m in mentions))
        if comma and speaker in self.state.principals and \
                self._same_side(self._actor(sentence, words, triggers[-2], mentions)[0], speaker):
            # "Российская сторона готова …, подчеркнул российский президент": the principal's own
            # side's stance, told once
            return triggers[:-1]
        if comma and relays:
            entry = self.lex.actors.get(speaker or "")
            if entry is not None and entry.account and not self.official:
                self.state.account = entry.account    # "…, сообщил помощник президента Ушаков"
            return triggers[:-1]       # a spokesperson or a readout relaying the claim before
        return triggers

    def _quote_attribution(self, sentence, words, triggers, paragraph) -> "Quote | None":
        """`„…” – powiedział X.` / `"…," he said.`: a verb right after a closing quote (and a dash
        or comma) attributes the quote, which may have opened sentences earlier in the paragraph."""
        dashes = set(self.cues["quote_attribution_dashes"]) | {","}
        for t in triggers:
            j = t.first - 1
            # English puts the speaker between the quote and the verb: '…,” he said', '” Peskov said'
            subject = 0
            while j >= 0 and subject < 4 and words[j].upos in ("PRON", "PROPN", "NOUN", "DET") \
                    and not (words[j].text and words[j].text[-1] in CLOSE_QUOTES):
                j -= 1
                subject += 1
            if subject and j > 0 and words[j].text == ",":
                ends = t.frame and (t.last >= len(words) or all(w.upos == "PUNCT" for w in words[t.last:]))
                comps = {fold(c) for c in self.cues["complementizers"]}
                aside = t.rule == "verb" and t.last + 1 < len(words) and words[t.last].text == "," \
                    and fold(words[t.last + 1].text) not in comps   # not "X odparł, że …"
                if ends or aside:
                    # "…, he added." and "…, he warned, China will …": the speech around the verb
                    quoted = list(words[:j]) + (list(words[t.last + 1:]) if aside else [])
                    return Quote(t, sentence, quoted, 0)
            while j >= 0 and words[j].text in dashes:
                j -= 1
            dash_only = subject == 0 and t.first > 1 and words[t.first - 1].text in \
                set(self.cues["quote_attribution_dashes"]) - {","}
            if dash_only and not (words[j].text and words[j].text[-1] in CLOSE_QUOTES):
                # reported speech set off by a dash alone: the words before it are the quote,
                # from its opening dash where the splitter kept a sentence before it ("… Europy.
                # – Ten traktat … – powiedział")
                marks = set(self.cues["quote_attribution_dashes"]) - {","}
                opening = next((k + 1 for k in range(t.first - 3, 0, -1)
                                if words[k].text in marks and words[k - 1].text in (".", "!", "?", "…")), 0)
                return Quote(t, sentence, words[opening:t.first - 1], opening)
            if j < 0 or j == t.first - 1 - subject and not subject or not words[j].text \
                    or words[j].text[-1] not in CLOSE_QUOTES:
                continue
            if words[j].text[-1] == '"' and not self._inside_quote(paragraph[0].start, words[j].start):
                continue        # a straight quote that opens, not one that closes
            for k in range(j - 1, -1, -1):
                if words[k].text and words[k].text[0] in OPEN_QUOTES:
                    return Quote(t, sentence, words[k + 1:j], k + 1)
            # the quote opened in an earlier sentence of the paragraph
            earlier: list[Word] = list(words[:j])
            for prev in reversed(paragraph[:-1]):
                pw = prev.words
                for k in range(len(pw) - 1, -1, -1):
                    if pw[k].text and pw[k].text[0] in OPEN_QUOTES:
                        quoted = pw[k + 1:] + earlier
                        inner = self._find_triggers(pw, [word_keys(w, self.lex.name_endings) for w in pw])
                        return Quote(t, prev, quoted, k + 1, has_triggers=any(x.first > k for x in inner))
                earlier = list(pw) + earlier
            return None
        return None

    def _attributed_speech(self, words, mentions) -> list[Trigger]:
        """"По словам Пескова, …", "Według prezydenta, …", "According to Mr Xi, …": a sentence with
        no verb of saying that a person's words carry is that person's statement."""
        marks = self._attribution_words(words)
        for i, marked in enumerate(marks):
            if not marked or (i > 0 and marks[i - 1]):
                continue
            end = i
            while end < len(words) and marks[end]:
                end += 1
            speaker = None
            following = next((m for m in mentions if m.first >= end), None)
            if following is not None and following.first <= end + 1 and following.kind in PERSONAL_KINDS:
                speaker = following.actor      # "По словам Пескова", not "Как сообщает ТАСС, Путин …"
            elif following is not None and following.first <= end + 1:
                return []
            if speaker is None:
                for j in range(i, min(len(words), end + 2)):
                    gender = self._pronoun_gender(words[j], self.cues["possessives"])
                    if gender in ("masc", "fem"):
                        speaker = self.state.last_subject.get(gender)
            if speaker is None and (following is None or following.first > end + 1):
                # "Jak dodał, …", "Как добавил, …": the subjectless verb's gender names the speaker
                for w in words[i:end]:
                    gender = {"Masc": "masc", "Fem": "fem"}.get(w.feat("Gender") or "")
                    if w.upos in ("VERB", "AUX") and gender:
                        speaker = self.state.last_subject.get(gender)
            if speaker:
                return [Trigger(i, end, "state", "attribution", i, fold(words[i].text),
                                content_start=end, speaker=speaker)]
        return []

    def _inside_quote(self, paragraph_start: int, at: int) -> bool:
        """Whether offset `at` lies inside a quotation opened earlier in its paragraph.
        „ opens a quote that ” or “ closes (Polish, Russian); “ otherwise opens one (English)."""
        depth, low_open = 0, False
        for ch in self.analysis.text[paragraph_start:at]:
            if ch == "„":
                depth, low_open = depth + 1, True
            elif ch == "“" and not low_open:
                depth += 1
            elif ch in "”»“":
                depth, low_open = max(0, depth - 1), False
            elif ch == "«":
                depth += 1
            elif ch == '"':
                depth = 0 if depth else 1
        return depth > 0

    def _commitments(self, words, mentions, triggers) -> list[Trigger]:
        """An official readout's own side committing itself: "the United States will carry out…"."""
        if not self.own_side:
            return []
        aux = {fold(a) for a in self.cues["commitment_auxiliaries"]}
        comps = {fold(c) for c in self.cues["complementizers"]}
        out = []
        for i, w in enumerate(words):
            if fold(w.text) not in aux or any(t.first <= i + k < t.last for t in triggers for k in range(3)):
                continue        # the verb after "will" is a trigger of its own ("will brief")
            before = [m for m in mentions if m.last <= i and i - m.last <= 1]
            if not before or self.side_of(before[-1].actor) != self.own_side or before[-1].kind == "group":
                continue
            if any(fold(x.text) in comps for x in words[:i]) and triggers:
                continue
            if any(t.frame and t.last <= i <= t.last + 5 and
                   not any(w.upos in ("PUNCT", "CCONJ") for w in words[t.last:i]) for t in triggers):
                continue        # "said the UK would not …": English drops "that"; the frame's content
            out.append(Trigger(i, min(i + 2, len(words)), "assure", "commitment", i, fold(w.text)))
        return out

    # ------------------------------------------------------------------ actors
    def _actor(self, sentence, words, trig: Trigger, mentions: list[Mention], previous=None):
        """Who performs the act; `previous` is (trigger, actor) of the sentence's previous claim."""
        if trig.speaker:
            return trig.speaker, "attribution"
        prev_trig, prev_actor = previous if previous else (None, None)
        if trig.rule.endswith("+quote"):
            speaker = self._quote_speaker(words, trig, mentions)
            if speaker is not None:
                return speaker
        window = max(self._clause_start(words, trig.first), trig.window_start)
        if prev_trig is not None:
            window = max(window, prev_trig.last)
        # 1. syntax, where the backend parses
        if words[trig.head].head is not None:
            subj = self._syntactic_subject(words, trig, mentions)
            if subj is not None:
                return subj
        # a passive joint act holds its topic as subject ("relations between Türkiye and Russia
        # were discussed", "обсуждались вопросы"): the two principals did it
        if (trig.act in JOINT_ACTS or trig.joint_only) and self._passive(words, trig):
            return BOTH, "impersonal"
        # 2. the nearest subject before the trigger in its clause: a mention or a pronoun
        attribution = self._attribution_words(words)
        mention = next((m for m in reversed(mentions)
                        if window <= m.first and m.last <= trig.first and self._subject_like(words, m)
                        and not (m.first > 0 and attribution[m.first - 1]) and m.first not in self._aside), None)
        pron_at, pron = self._pronoun_before(words, trig, window)
        if pron is not None and (mention is None or pron_at > mention.first):
            actor = self.state.last_subject.get(pron) or (BOTH if pron == "plural" else None)
            return actor, "pronoun"
        if prev_actor and self._adverbial_speech(words, trig.head):
            return prev_actor, "adverbial"        # "he urged …, warning that …"
        coordinated = prev_actor and any(w.upos == "CCONJ" for w in words[max(0, trig.first - 2):trig.first])
        if coordinated and (mention is None or trig.first - mention.last > 2):
            return prev_actor, "coordination"      # "restated his support for X and urged …"
        if mention is not None:
            if self._coordinated_partner(words, mentions, mention):
                return BOTH, "coordinated_subjects"      # "Trump and Putin agreed"
            return self._apposition(words, mentions, mention)
        if trig.act == "discuss" and any(w.upos == "NOUN" for w in words[window:trig.first]):
            return BOTH, "topic"                          # "The conversation focused on …"
        # 3. a coordinated verb shares its subject ("restated … and urged …")
        if any(w.upos == "CCONJ" for w in words[max(0, trig.first - 2):trig.first]):
            if prev_actor:
                return prev_actor, "coordination"
            # "Kirby called the contact 'a good thing' but said …": the first verb was no claim,
            # the subject of the sentence is still the one of the coordinated verb
            subject = next((m for m in mentions if m.last <= trig.first and m.kind in PERSONAL_KINDS
                            and self._subject_like(words, m)), None)
            if subject is not None and not self._inside_quote(sentence.start, words[subject.first].start):
                return subject.actor, "coordination"
        # 4. inverted order: "– powiedział urzędnik Białego Domu", "said Peskov"
        for m in mentions:
            if trig.last <= m.first <= trig.last + 2 and m.case in (None, "Nom") and \
                    self._inverted_subject_ok(words, trig, m):
                return m.actor, m.via
        # 5. impersonal and passive forms: the actor of the account
        head = words[trig.head]
        if self._impersonal(head) or self._passive(words, trig):
            if trig.act in JOINT_ACTS or trig.joint_only or self.lex.joint_acts.get(trig.lemma) in JOINT_ACTS:
                return BOTH, "impersonal"
            return (self.principal_of_account(self.state.account) or self._content_subject(words, trig, mentions)
                    or BOTH), "impersonal"
        # 6. a subjectless finite verb: plural → both principals, else the last subject of its gender
        if head.feat("Number") == "Plur" and head.feat("Person") in (None, "3"):
            place = self._institution_as_place(words, trig, mentions, window)
            return (place, "institution") if place else (BOTH, "subjectless")
        # "The conversation focused on …", "Rozmowa dotyczyła …": the phrase holds its own subject
        if trig.rule == "phrase" and trig.act in JOINT_ACTS and \
                (head.upos not in ("VERB", "AUX") or words[trig.first].upos == "NOUN"):
            return BOTH, "topic"
        gender = {"Masc": "masc", "Fem": "fem"}.get(head.feat("Gender") or "")
        if gender and gender in self.state.last_subject:
            return self.state.last_subject[gender], "subjectless"
        if gender is None and self.state.last_actor and self.state.last_actor != BOTH:
            return self.state.last_actor, "subjectless"
        return None, "none"

    def _institution_as_place(self, words, trig, mentions, window) -> str | None:
        """"В Кремле поддержали", "w Białym Domu uznali": a plural verb without a subject, with
        an institution as its place, is that institution speaking."""
        places = {fold(p) for p in self.cues["institution_places"]}
        for m in mentions:
            if window <= m.first and m.last <= trig.first and m.kind in ("institution", "country") and m.first > 0 \
                    and fold(words[m.first - 1].text) in places:
                return m.actor
        return None

    def _content_subject(self, words, trig, mentions) -> str | None:
        """"Zapewniono, że Niemcy będą wspierać Ukrainę": with no account to speak for, an
        impersonal commitment is made by the party its content speaks of first."""
        start = trig.content_start if trig.content_start is not None else trig.last
        for m in mentions:
            if start <= m.first <= start + 3 and m.kind in ("country", "person") and m.case in (None, "Nom"):
                return m.actor
        return None

    def _quote_speaker(self, words, trig, mentions):
        """Who a quote's attribution names: right before the verb ('…,” Peskov said') or after
        it, possibly a few words on ("– napisał w mediach społecznościowych premier Tusk"); never
        a name inside the quote."""
        before = [m for m in mentions if m.last <= trig.first and trig.first - m.last <= 1
                  and words[m.first - 1].text and words[m.first - 1].text[-1] in CLOSE_QUOTES + ","] \
            if trig.first > 0 else []
        if before and before[-1].kind in PERSONAL_KINDS:
            return before[-1].actor, before[-1].via + "+quote"
        pronoun = self._pronoun_gender(words[trig.first - 1]) if trig.first > 0 else None
        if pronoun:             # '…,” he said': the speaker the narrator last named
            return (self.state.last_subject.get(pronoun) or (BOTH if pronoun == "plural" else None)), "pronoun+quote"
        for m in mentions:
            if m.first >= trig.last and m.kind in PERSONAL_KINDS and m.case in (None, "Nom"):
                return m.actor, m.via + "+quote"
        return None

    @staticmethod
    def _coordinated_partner(words, mentions, mention: Mention) -> bool:
        """Another person joined to this one by a conjunction ("Лавров и госсекретарь США Рубио")."""
        if mention.kind not in PERSONAL_KINDS:
            return False
        for m in mentions:
            if m.kind not in PERSONAL_KINDS or m.actor == mention.actor:
                continue
            a, b = (m, mention) if m.last <= mention.first else (mention, m)
            if b.first < a.last:
                continue
            between = words[a.last:b.first]
            if between and any(w.upos == "CCONJ" for w in between) and \
                    all(w.upos in ("CCONJ", "PUNCT") for w in between):
                return True
        return False

    def _apposition(self, words, mentions, mention: Mention):
        """"Dmitry Peskov, the Kremlin spokesperson, said": the named person, not the label."""
        if mention.kind in ("official", "institution") or mention.via in ("title", "generic"):
            for m in mentions:
                if m.last <= mention.first and m.kind == "person" and m.via == "name" and \
                        all(w.upos in ("PUNCT", "DET") for w in words[m.last:mention.first]) and \
                        m.last < mention.first:
                    return m.actor, "apposition"
        return mention.actor, mention.via

    def _syntactic_subject(self, words, trig, mentions):
        """The subject that the parser attaches to the trigger; "X и Y" conjoined persons are both."""
        heads = {words[k].id for k in range(trig.first, trig.last)}
        for k, w in enumerate(words):
            if w.head in heads and (w.deprel or "").split(":")[0] in {"nsubj", "csubj"}:
                for m in mentions:
                    if m.first <= k < m.last and m.kind != "media":
                        if self._coordinated_partner(words, mentions, m):
                            return BOTH, "coordinated_subjects+nsubj"
                        return m.actor, m.via + "+nsubj"
                gender = self._pronoun_gender(w)
                if gender:
                    actor = self.state.last_subject.get(gender) or (BOTH if gender == "plural" else None)
                    if actor:
                        return actor, "pronoun+nsubj"
        return None

    def _subject_like(self, words: list[Word], m: Mention) -> bool:
        if m.kind == "media":
            return False
        if m.case not in (None, "Nom"):
            return False
        k = m.first - 1
        while k >= 0 and words[k].upos == "DET":
            k -= 1
        if k >= 0 and words[k].upos == "ADP":
            return False
        if m.case is None and 0 <= k < m.first and words[k].upos == "VERB" and \
                self._trigger_lemma(words[k]) not in self.lex.frames:
            return False        # without case, right after a verb is its object: "gave the US
                                # president" (not after "said", which English lets drop "that")
        if self._possessive(words, m):
            return False
        if m.first > 0 and words[m.first - 1].upos == "PRON" and words[m.first - 1].feat("Poss"):
            return False
        return True

    def _inverted_subject_ok(self, words, trig, m: Mention) -> bool:
        """After the verb a mention is its subject only in attribution order (quote or dash before
        the verb, or the verb opening the sentence)."""
        before = words[trig.first - 1].text if trig.first > 0 else ""
        between = words[trig.last:m.first]
        if any(w.upos in ("PUNCT", "SCONJ", "ADP") for w in between):
            return False
        if m.last < len(words) and words[m.last].upos in ("VERB", "AUX") and \
                words[m.last].feat("VerbForm") in (None, "Fin"):
            return False        # ", said Macron warned …": the subject of the content's own verb
        return trig.first == 0 or before in set(self.cues["quote_attribution_dashes"]) | {",", "”", "»", "\""}

    def _clause_start(self, words: list[Word], i: int) -> int:
        comps = {fold(c) for c in self.cues["complementizers"]} | {fold(c) for c in self.cues["clause_breaks"]}
        for j in range(i - 1, -1, -1):
            if fold(words[j].text) in comps:
                return j + 1
        return 0

    def _pronoun_gender(self, w: Word, table: dict | None = None) -> str | None:
        t = fold(w.text)
        for gender, forms in (table or self.cues["pronouns"]).items():
            if t in {fold(f) for f in forms}:
                return gender
        return None

    def _pronoun_before(self, words, trig, clause_start) -> tuple[int, str | None]:
        for j in range(trig.first - 1, max(clause_start, trig.first - 4) - 1, -1):
            g = self._pronoun_gender(words[j])
            if g and words[j].upos in ("PRON", "DET", None, "X"):
                return j, g
        return -1, None

    def _passive(self, words, trig) -> bool:
        """English passive: a form of "be" right before a past participle ("was agreed")."""
        head = words[trig.head]
        if head.feat("Voice") == "Pass":
            return True
        return fold(head.text).endswith("ed") and any(self._lemma(w) == "be" for w in words[max(0, trig.head - 3):trig.head])

    def _gender_of(self, actor: str) -> str | None:
        entry = self.lex.actors.get(actor)
        if entry is not None:
            return entry.gender
        return "masc"

    def _remember_subjects(self, mentions: list[Mention]) -> None:
        for m in mentions:
            if m.kind in PERSONAL_KINDS and m.case in (None, "Nom"):
                gender = self._gender_of(m.actor)
                if gender:
                    self.state.last_subject[gender] = m.actor
                break

    # ------------------------------------------------------------------ attributes
    def _content_words(self, words, trig: Trigger, next_first: int) -> list[Word]:
        """What the trigger reports: from its complementizer (or its end) to the next claim."""
        start = trig.content_start if trig.content_start is not None else trig.last
        return list(words[start:max(next_first, start)])

    def _has_cue(self, words: list[Word], cue_list) -> bool:
        text = " " + " ".join(fold(w.text) for w in words) + " "
        lemmas = " " + " ".join(self._lemma(w) for w in words) + " "
        return any(f" {fold(c)} " in text or f" {fold(c)} " in lemmas for c in cue_list)

    def _commits_own_side(self, content: list[Word], mentions: list[Mention], actor: str) -> bool:
        """The content commits the speaker's own side: its mention right before a future or
        intention auxiliary ("the United States will", "Niemcy będą", "Россия будет")."""
        commitment = {fold(a) for a in self.cues["commitment_auxiliaries"]}
        breaks = {fold(b) for b in self.cues["clause_breaks"]}
        for j, w in enumerate(content):
            if fold(w.text) in commitment and j > 0:
                k = j - 1          # back over adverbs and particles to the subject ("Niemcy nadal będą")
                while k > 0 and content[k].upos in ("ADV", "PART", "AUX") and fold(content[k].text) not in breaks:
                    k -= 1
                return any(m.start <= content[k].start < m.stop and self._same_side(m.actor, actor)
                           for m in mentions)
        return False

    def _is_negation_word(self, w: Word) -> bool:
        return fold(w.text) in {fold(p) for p in self.cues["negation"]["particles"]} or w.feat("Polarity") == "Neg"

    def _obliges_other(self, content: list[Word], mentions: list[Mention], actor: str) -> bool:
        """The content says another party must do something: a mention of another side shortly
        before a modal of obligation."""
        obligation = {fold(o) for o in self.cues["obligation"]}
        for j, w in enumerate(content):
            if fold(w.text) in obligation or self._lemma(w) in obligation:
                lo = content[max(0, j - 6)].start
                return any(lo <= m.start and m.stop <= w.start and m.actor not in (actor, BOTH)
                           and self.side_of(m.actor) != self.side_of(actor) for m in mentions)
        return False

    def _act_from_content(self, trig, act, content, mentions=(), actor=None) -> tuple[str, bool]:
        """A statement whose content threatens consequences is a warning; a condition restricts
        commitments and warnings."""
        clausal = self._has_cue(content, self.cues["conditions"])
        has_condition = clausal or self._has_cue(content, self.cues["nominal_conditions"])
        if (act == "state" or act == "propose" and trig.content_start is not None) and trig.rule != "light_verb":
            if has_condition and self._has_cue(content, self.cues["consequences"]):
                act = "warn"
            elif self._has_cue(content, self.cues["threats"]):
                act = "warn"
        if act == "state" and self._obliges_other(content, mentions, actor):
            act = "demand"      # "stressed that the US and NATO must …"
        elif act == "state" and self._commits_own_side(content, mentions, actor) and \
                not any(self._is_negation_word(w) for w in content[:8]):
            act = "assure"      # "reiterated that the United States will stand by its ally"
        # a nominal condition ("the option of sanctions in the event of escalation") restricts a
        # warning or a commitment; a clause ("only if Russia …") restricts any claim
        return act, clausal or has_condition and act in CONDITIONAL_ACTS

    def _polarity(self, words, trig: Trigger, act: str, content: list[Word]) -> str:
        neg = self.cues["negation"]
        particles = {fold(p) for p in neg["particles"]}
        determiners = {fold(d) for d in neg["determiners"]}
        exceptions = [tuple(fold(e).split()) for e in neg["exceptions"]]

        def is_negation(seq: list[Word], j: int) -> bool:
            if fold(seq[j].text) not in particles and seq[j].feat("Polarity") != "Neg":
                return False
            following = tuple(fold(w.text) for w in seq[j:j + 3])
            return not any(following[:len(e)] == e for e in exceptions)

        # the act itself negated: "did not agree", "nie złożył", "не договаривались",
        # "достигнуто не было"
        for j in range(max(0, trig.first - 3), trig.head):
            if is_negation(words, j):
                return "negated"
        if trig.last + 1 < len(words) and is_negation(words, trig.last) and words[trig.last + 1].upos == "AUX":
            return "negated"
        # the content's own predicate: negation before its first verb or auxiliary, or within
        # two words after it ("would not", "had no intention", "nie było żadnych")
        breaks = {fold(c) for c in self.cues["clause_breaks"]}
        # a condition or relative clause set off by commas is skipped: its negation is not the
        # claim's ("If the US did not see changes, he warned, policy would change"; "aggression,
        # which began last year, must never be accepted")
        asides = {fold(c) for c in self.cues["relatives"]} | \
            {fold(c) for c in self.cues["conditions"] if " " not in c.strip()}
        skip_to = -1
        for j, w in enumerate(content):
            if j < skip_to:
                continue
            if fold(w.text) in asides:
                # the aside ends at a comma, or where a quote's attribution was cut out of it
                # ("If …, he warned, …")
                comma = next((k for k in range(j + 1, len(content)) if content[k].text == ","
                              or "," in self.analysis.text[content[k - 1].stop:content[k].start]), None)
                if comma is not None:
                    skip_to = comma + (1 if content[comma].text == "," else 0)
                    continue
            if j > 0 and fold(w.text) in breaks:
                break
            if is_negation(content, j):
                return "negated"
            if w.upos in ("VERB", "AUX") and w is not words[trig.head]:
                for k in range(j + 1, min(len(content), j + 3)):
                    if is_negation(content, k) or fold(content[k].text) in determiners:
                        return "negated"
                return "affirmed"
        return "affirmed"

    def _hedged(self, words, trig: Trigger) -> bool:
        aux = {fold(a) for a in self.cues["hedges"]["auxiliaries"] or []}
        for j in range(max(0, trig.first - 3), trig.first):
            if self._lemma(words[j]) in aux and words[trig.head].feat("VerbForm") == "Inf":
                return True
        # "reportedly told", "якобы заявил", "is understood to have told"
        return self._has_cue(words[max(0, trig.first - 5):trig.first], self.cues["hedges"]["adverbs"])

    def _hedge_auxiliary(self, words, trig: Trigger) -> int:
        """Where the trigger starts when an alleging auxiliary carries it: "miał zapewnić"."""
        aux = {fold(a) for a in self.cues["hedges"]["auxiliaries"] or []}
        for j in range(max(0, trig.first - 3), trig.first):
            if self._lemma(words[j]) in aux:
                return j
        return trig.first

    def _addressee(self, words, trig, mentions, actor, act) -> str | None:
        if actor == BOTH:
            return None         # a joint act of the two parties is addressed to neither
        own_side = self.side_of(actor)
        for m in mentions:
            if trig.last <= m.first <= trig.last + 3 and m.actor not in (actor, BOTH) and m.kind != "media":
                # a mention after another verb is that verb's object ("refusing to discuss NATO")
                if (m.case in (None, "Acc", "Dat", "Gen", "Ins") and not self._after_preposition(words, m, trig)
                        and not self._possessive(words, m)
                        and not any(w.upos == "VERB" for w in words[trig.last:m.first])):
                    return m.actor
        if act == "demand":
            # "urged that Russia must …": the one called on is the content's subject, never the
            # speaker's own side ("underscored that the United States and China must …")
            a = trig.content_start
            for m in mentions:
                if (a is not None and a <= m.first <= a + 3 and m.actor not in (actor, BOTH)
                        and (own_side is None or self.side_of(m.actor) != own_side)):
                    return m.actor
        counterpart_words = self.lex.counterparts
        if any(fold(w.text) in counterpart_words or self._lemma(w) in counterpart_words
               for w in words[trig.last:trig.last + 4]):
            return self.counterpart(actor)
        if actor in self.state.principals and act not in DIRECTED_ACTS:
            return self.counterpart(actor)   # in a call, a principal speaks to the other one
        if act in DIRECTED_ACTS and actor != BOTH:
            other = self.counterpart(actor)
            entry = self.lex.actors.get(actor)
            # a country addresses a country; calls to act go to the other side as a state
            if other and (act == "demand" or entry is not None and entry.kind == "country"):
                return self.side_of(other) or other
            return other
        return None

    def _possessive(self, words, m: Mention) -> bool:
        """"raised Russia's war": a possessor names the matter's owner, not the one addressed."""
        return m.last < len(words) and fold(words[m.last].text) in {fold(x) for x in self.cues["possessive_markers"]}

    def _after_preposition(self, words, m: Mention, trig) -> bool:
        """A mention after a preposition ("concern of the United States") is no addressee,
        unless the preposition introduces one ("zażądał od Rosji", "потребовал от Киева")."""
        allowed = {fold(p) for p in self.cues["addressee_prepositions"]}
        return any((w.upos == "ADP" and fold(w.text) not in allowed) or w.upos == "SCONJ"
                   for w in words[trig.last:m.first])

    # ------------------------------------------------------------------ accounts
    def _update_account(self, sentence, words, keys, mentions, new_paragraph: bool) -> None:
        """Whose account the following claims come from: set by an attribution ("Według Kremla",
        "according to the White House", "как сообщили в Кремле") or a publishing account as
        subject, kept until another source takes over or the narrator turns to background."""
        if self.official:
            return
        if new_paragraph and self._has_cue(words[:4], self.cues["background"]):
            self.state.account = None
        attribution = [tuple(fold(c).split()) for c in self.cues["attribution"]]
        publishing = {fold(c) for c in self.cues["publishing"]}
        has_publishing = any(self._lemma(w) in publishing or fold(w.text) in publishing for w in words)
        folded = [fold(w.text) for w in words]
        for k in range(len(words)):
            # "По его словам, …": the account of the last speaker
            if any(tuple(folded[k:k + len(c)]) == c for c in attribution):
                for j in range(k, min(len(words), k + 4)):
                    gender = self._pronoun_gender(words[j], self.cues["possessives"])
                    speaker = self.state.last_subject.get(gender or "")
                    entry = self.lex.actors.get(speaker or "")
                    if entry is not None and entry.account:
                        self.state.account = entry.account
                        return
        for m in mentions:
            entry = self.lex.actors.get(m.actor)
            window = tuple(fold(w.text) for w in words[max(0, m.first - 6):m.first])
            attributed = any(window[k:k + len(c)] == c for c in attribution for k in range(len(window)))
            if attributed and entry is not None and entry.kind in PERSONAL_KINDS and entry.gender:
                # "Według przedstawiciela prezydenta USA, …": the speaker of what follows
                self.state.last_subject[entry.gender] = m.actor
                if entry.account:
                    self.state.account = entry.account
                return
            if entry is None or not entry.account or entry.kind not in ("institution", "media"):
                continue
            after_preposition = m.first > 0 and words[m.first - 1].upos == "ADP"
            if attributed or has_publishing and not after_preposition:
                self.state.account = entry.account
                return

    def _reported_by(self, actor: str) -> str | None:
        if self.official:
            return None
        entry = self.lex.actors.get(actor)
        if entry is not None and entry.account and entry.kind in ("official", "person") and entry.account:
            return entry.account
        return self.state.account
