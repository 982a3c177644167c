"""Speaker turns ("В.Путин: Уважаемый господин Председатель! …", "THE PRESIDENT: …", "Вопрос:
…"): a person's mention or a question label, then a colon, opens a turn, and what follows is that
speaker's speech: up to the next label in a transcript (a text with several labels), else to the
end of the paragraph ("Песков: …" in a news story). A question's turn reports no claim; in a
speaker's turn, an act in the first person is the speaker's, an act of the one spoken to ("Вы
решили …") is part of what the speaker says, and a sentence with no act of its own is the
speaker's statement."""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from readouts.extract.actors import Mention, initialled_person, romanise
from readouts.extract.claims.data import ClaimData
from readouts.extract.claims.triggers import Trigger
from readouts.extract.claims.view import SentenceView, first_person_future, negation_word, pronoun_gender
from readouts.extract.lexicon import fold
from readouts.model import Word

PERSONAL_KINDS = frozenset({"person", "official"})
PERSON = "person"
SIDE_KINDS = frozenset({"country", "institution"})
SIDE_PLEDGE = ("assure", "speech.side_pledge")
VERBAL_UPOS = frozenset({"VERB", "AUX"})
STATEMENT = "state"            # the act of the plain verbs of saying
PLEDGE_VERB_REACH = 4          # words from a pledge's auxiliary to its verb ("не будем уходить")
OBLIGATION_OPENER_REACH = 3     # words into the sentence an opener of obligation may start ("Но нам нужно")
FIRST, SECOND = "first", "second"
PERSON_FEATURES = {"1": FIRST, "2": SECOND}
SPEECH = "speech"
EXCLAMATION = "!"
OPEN_PAREN, CLOSE_PAREN = "(", ")"
PARTICIPLE = "Part"
NEGATION_REACH = 2        # "I'm not going to", "не буду": the negation stands right before
NAME_LABEL_WORDS = 3     # "Хун Манет", "Д.Ортега": the words of a name in a transcript's label
COMMON_UPOS = ("NOUN", "VERB", "ADJ")   # a word of the dictionary, no name
NAME_UPOS = ("PROPN", "NOUN", "X")      # what the analysers make of the rest of a long name
MEDIA = "media"                         # the gazetteer's kind of an outlet
NOTE_MARKS = 2                 # the brackets of a note in a label ("PRESENTER (SARAH LIM):")
INTERVIEWER_QUESTIONS = 2      # turns with a question that make a speaker an interviewer
LABEL_ADJUNCT_WORDS = 4     # "в соцсетях", "na platformie X", "to reporters": where a label's speaker speaks
ADJUNCT_UPOS = frozenset({"ADP", "NOUN", "PROPN", "ADJ", "DET", "X", "NUM"})
LABEL_WORDS = 4         # "SENIOR ADMINISTRATION OFFICIAL:": the longest label of no one named


@dataclass(frozen=True)
class TurnLabel:
    colon: int                      # the label's colon: the turn's words follow it
    speaker: str | None             # None: a question's label
    role: bool = False              # a role's label ("КОРРЕСПОНДЕНТ:", "MODERATOR:"), no one named
    asks: bool = True               # a label of no one: its turn asks (else it narrates)
    inline: bool = False            # a news channel's label ("Ушаков журналистам:"): its turn ends with the paragraph


def find_label(view: SentenceView, data: ClaimData, people: Mapping[str, str] | None = None) -> TurnLabel | None:
    """The sentence's turn label, before a colon that is not the sentence's last word nor opens a
    quote: a person's mention, not a quote's attribution ("заявил Путин: «…»") nor a list item
    ("- Cheryl Brown Henderson: Daughter of …"); or, opening the sentence, a question label
    ("Q:", "Вопрос:") or a label in capitals of a role no one the text names ("MODERATOR:"),
    whose turns report no claim; a label in capitals that names a person the text mentions
    ("ADAM SZŁAPKA:" after "rzecznik rządu Adam Szłapka") is that person's turn (`people`: the
    text's persons by the folded last word of their name)."""
    marks, opening = data.cls("speaker_marks"), data.cls("opening_quotes").raw
    if _headline(view, data):
        return None     # "Trump: Zełenski może wrócić, „gdy będzie gotowy”" heads a live blog's entry
    for k in range(1, len(view) - 1):
        if view.texts[k] not in marks:
            continue
        if view.words[k + 1].text[:1] in opening:
            return _label_before_quote(view, k, data)
        named_to = _before_note(view, k)
        if _opens_sentence(view, k) and any(m.first == 0 and m.last == named_to and m.kind == MEDIA for m in view.mentions):
            return TurnLabel(k, None)       # a reporter's question by the outlet's name ("AFP:", "Bloomberg:")
        initialled = initialled_person(data.lex.lang, view.text(0, named_to))
        if initialled is not None:
            return TurnLabel(k, initialled)     # "И.Али": Irfaan Ali, though "Али" alone may read as Aliyev
        m = _named_speaker(view, named_to)
        inline = m is None and (m := _speaker_with_adjunct(view, named_to, data)) is not None
        if m is not None:
            return TurnLabel(k, m.actor, inline=inline) if _speaker_label(view, m.first, data) else None
        unknown = _unknown_name_label(view, named_to, k, data)
        if unknown is not None:
            return TurnLabel(k, unknown)
        surname = _surname_label(view, k, people or {})
        if surname is not None:
            return TurnLabel(k, surname)
        if not _opens_sentence(view, k):
            continue
        if _question_label(view, named_to, data) or _role_in_capitals(view, k, data):
            return TurnLabel(k, None, role=view.texts[0] not in data.cls("question_labels"))
        named = _person_in_capitals(view, k, people or {}) or _honoured_in_capitals(view, k, data)
        if named is not None:
            return TurnLabel(k, named)
    return None


def narrating_roles(views: Sequence[SentenceView], labels: Sequence[TurnLabel | None], transcript: bool,
                    question_mark: str) -> list[TurnLabel | None]:
    """A role's turn that holds no question narrates ("КОРРЕСПОНДЕНТ: Вчера … Путин и Мирзиёев
    договорились, что …"): what it reports is read as in a story. A turn runs to the next label, or
    to the paragraph's end outside a transcript."""
    out = list(labels)
    opened: int | None = None       # the open role's turn that has asked nothing so far
    for n, (view, label) in enumerate(zip(views, labels)):
        if label is not None:
            opened = n if label.role else None
        if opened is not None and view.texts and view.texts[-1] == question_mark:
            opened = None
        ends = n + 1 == len(views) or _turn_ends(views[n + 1], labels[n + 1], view, transcript)
        label_opened = labels[opened] if opened is not None else None
        if label_opened is not None and ends:
            out[opened] = replace(label_opened, asks=False)     # type: ignore[index]
            opened = None
    return out


def _turn_ends(following: SentenceView, label: TurnLabel | None, view: SentenceView, transcript: bool) -> bool:
    return label is not None or (not transcript and following.sentence.paragraph != view.sentence.paragraph)


def _named_speaker(view: SentenceView, named_to: int) -> Mention | None:
    """The person a label names: a mention that ends where the name does, or one that opens the
    label and runs on in capitalised words of the same name ("Т.Обианг Нгема Мбасого (как
    переведено):" where the gazetteer knows "Обианг")."""
    ending = next((m for m in view.mentions if m.last == named_to and m.kind in PERSONAL_KINDS), None)
    if ending is not None:
        return ending
    return next((m for m in view.mentions if m.kind in PERSONAL_KINDS and m.first <= LABEL_WORDS and
                 m.last < named_to <= m.last + NAME_LABEL_WORDS and _name_words(view, m.last, named_to)), None)


def _label_before_quote(view: SentenceView, colon: int, data: ClaimData) -> TurnLabel | None:
    """A quote after the colon: only a verbless label introduces it as a turn ("Sikorski na
    platformie X: „…”"); "заявил Путин: «…»" is the quote's attribution."""
    quoted = _verbless_speaker(view, _before_note(view, colon), data)
    return TurnLabel(colon, quoted.actor, inline=True) if quoted is not None else None


def _verbless_speaker(view: SentenceView, named_to: int, data: ClaimData) -> Mention | None:
    """A speaker's label with no verb anywhere before its colon, named alone or with an adjunct."""
    if any(w.upos in VERBAL_UPOS for w in view.words[:named_to]):
        return None
    m = _named_speaker(view, named_to) or _speaker_with_adjunct(view, named_to, data)
    others = m is not None and any(o is not m and o.kind in PERSONAL_KINDS and o.first < named_to for o in view.mentions)
    return None if others else m        # "Лавров и Ван И: «сверка часов»" heads a story


def _speaker_with_adjunct(view: SentenceView, named_to: int, data: ClaimData) -> Mention | None:
    """A label that names where or to whom the person speaks before the colon, as news channels
    write ("Ушаков журналистам: …", "Хикмет Гаджиев в соцсетях: …", "Sikorski na platformie X: …",
    "Peskov to reporters: …"): a person's mention opening the sentence, then a few words with no
    verb and no other mention."""
    m = next((m for m in view.mentions if m.kind in PERSONAL_KINDS and m.first <= LABEL_WORDS), None)
    if m is None or not 0 < named_to - m.last <= LABEL_ADJUNCT_WORDS:
        return None
    between = view.words[m.last:named_to]
    if any(w.upos in VERBAL_UPOS or w.text in data.quotes.sentence_ends for w in between) or \
            any(o is not m and m.last <= o.first < named_to for o in view.mentions):
        return None
    return m if all(w.upos in ADJUNCT_UPOS for w in between) else None


def _name_words(view: SentenceView, start: int, stop: int) -> bool:
    return all(view.words[k].text[:1].isupper() and view.words[k].upos in NAME_UPOS for k in range(start, stop))


def _headline(view: SentenceView, data: ClaimData) -> bool:
    """A sentence that ends on a word, with no sentence-final mark after it (closing quotes,
    brackets and "<…>" aside), is a heading."""
    ends = data.quotes.sentence_ends
    last = next((w.text for w in reversed(view.words) if w.text in ends or any(c.isalnum() for c in w.text)), "")
    return last not in ends


def _before_note(view: SentenceView, colon: int) -> int:
    """Where the speaker's name ends: before a note in parentheses between it and the colon
    ("Р.Эрдоган (как переведено):", "PRESIDENT MACRON (through interpreter):")."""
    if colon > 0 and view.words[colon - 1].text == CLOSE_PAREN:
        return next((j for j in range(colon - 2, -1, -1) if view.words[j].text == OPEN_PAREN), colon)
    return colon


def _person_in_capitals(view: SentenceView, colon: int, people: Mapping[str, str]) -> str | None:
    words = view.words[:colon]
    if not words or not all(w.text.isupper() and w.text.isalpha() for w in words):
        return None
    return people.get(fold(words[-1].text))


def _unknown_name_label(view: SentenceView, named_to: int, colon: int, data: ClaimData) -> str | None:
    """A transcript's label of a name no analysis found ("Хун Манет (как переведено):",
    "Д.Ортега:"): a few capitalised words opening the sentence, with an interpreter's note or an
    initial; the name romanised, as written ("Khun Manet", "D. Ortega": the surname last)."""
    words = [w for w in view.words[:named_to] if w.text != "."]     # "Х", ".", "Сен": an initial's dot
    if not 0 < len(words) <= NAME_LABEL_WORDS or any(k in view.mention_words() for k in range(named_to)):
        return None
    if len(words) == 1 and words[0].upos in COMMON_UPOS:
        return None         # a common word and a note: a heading ("Transcript (excerpt):")
    if not all(w.text[:1].isupper() and w.text.replace(".", "").replace("-", "").isalpha() for w in words) or \
            all(w.text.isupper() for w in words):
        return None         # labels in capitals are roles or names of the text ("MR. FINER:", "REPORTER (Kyodo):")
    written = view.text(0, named_to)
    if named_to == colon and "." not in written:
        return None
    listed = initialled_person(data.lex.lang, written)      # "Ф.Маркос-младший": no analysis found the name
    return listed or " ".join(romanise(written.replace(".", ". "), data.lex.cues.transliteration).split())


def _question_label(view: SentenceView, named_to: int, data: ClaimData) -> bool:
    """A question's label ("Q:", "QUESTION (dpa):") or a questioner's ("Dziennikarz TVN24:",
    "Корреспондент:", "Host:"): its first word, a note in parentheses aside."""
    return named_to == 1 and view.texts[0] in data.cls("question_labels") or \
        0 < named_to and view.lemmas[0] in data.cls("questioner_roles")


def _surname_label(view: SentenceView, colon: int, people: Mapping[str, str]) -> str | None:
    """A label of a surname alone opening the sentence ("Lubecka:" after "Beata Lubecka:"): the
    person of that surname the text names."""
    if colon != 1 or not view.words[0].text[:1].isupper():
        return None
    return people.get(fold(view.words[0].text))


def interviewers(views: Sequence[SentenceView], labels: Sequence[TurnLabel | None], known: Collection[str],
                 question_mark: str) -> frozenset[str]:
    """The speakers who ask: a labelled speaker the gazetteer does not know (no official, no
    spokesman who answers), at least half of whose turns (and at least INTERVIEWER_QUESTIONS) hold
    a question ("Beata Lubecka: … Co Polska z tej wizyty ma?"). Their turns report no claim, as a
    reporter's question does not."""
    turns: dict[str, list[bool]] = {}
    speaker = None
    for view, label in zip(views, labels):
        if label is not None:
            speaker = label.speaker
            if speaker is not None:
                turns.setdefault(speaker, []).append(False)
        if speaker is not None and view.texts and view.texts[-1] == question_mark:
            turns[speaker][-1] = True
    return frozenset(name for name, asked in turns.items() if name not in known and
                     sum(asked) >= INTERVIEWER_QUESTIONS and 2 * sum(asked) >= len(asked))


def _honoured_in_capitals(view: SentenceView, colon: int, data: ClaimData) -> str | None:
    """A label in capitals of an honorific and a surname no one the text names ("MR PRICE:"): that
    surname's person, by the surname ("Price")."""
    words = [w.text.rstrip(".") for w in view.words[:colon] if w.text != "."]
    if len(words) < 2 or fold(words[0]) not in data.cls("honorifics") or \
            not all(w.isupper() and w.replace("-", "").isalpha() for w in words):
        return None
    return _as_written(words[-1])


def text_people(views: Sequence[SentenceView], data: ClaimData) -> dict[str, str]:
    """The persons a text names in ordinary case, by the folded last word of the name as written,
    and the surnames its labels in capitals give after a title ("CHIEF CABINET SECRETARY MATSUNO:"
    names Matsuno, whose later turns are "MATSUNO:")."""
    people: dict[str, str] = {}
    for view in views:
        for m in view.mentions:
            if m.kind == PERSON and m.text and not m.text.isupper():
                people.setdefault(fold(m.text.split()[-1]), m.actor)
    for view in views:
        name = _titled_in_capitals(view, data) or _named_in_note(view, data)
        if name is not None:
            people.setdefault(fold(name.split()[-1]), name)
    return people


def _named_in_note(view: SentenceView, data: ClaimData) -> str | None:
    """The name in capitals in a label's note ("PRESENTER (SARAH LIM):"), as a name is written
    ("Sarah Lim"): whose later turns are "LIM:"."""
    colon = _label_colon(view, data, LABEL_WORDS + NOTE_MARKS)
    if colon is None or view.words[colon - 1].text != CLOSE_PAREN:
        return None
    opened = next((j for j in range(colon - 2, 0, -1) if view.words[j].text == OPEN_PAREN), None)
    inside = [w.text for w in view.words[opened + 1:colon - 1]] if opened else []
    if not 2 <= len(inside) <= NAME_LABEL_WORDS or not all(w.isupper() and w.replace("-", "").isalpha() for w in inside):
        return None
    return " ".join(_as_written(w) for w in inside)


def _label_colon(view: SentenceView, data: ClaimData, words: int) -> int | None:
    """The speaker mark within the sentence's first `words` words and the mark itself."""
    return next((k for k in range(1, min(len(view), words + 1)) if view.texts[k] in data.cls("speaker_marks")), None)


def _as_written(word: str) -> str:
    """A word in capitals as a name is written ("HADLEY" → "Hadley", "KOSINIAK-KAMYSZ" →
    "Kosiniak-Kamysz")."""
    return "-".join(part.capitalize() for part in word.split("-"))


def _titled_in_capitals(view: SentenceView, data: ClaimData) -> str | None:
    """The surname of a label in capitals that opens the sentence with a title before it
    ("FOREIGN MINISTER WANG:"), as a name is written ("Wang")."""
    colon = _label_colon(view, data, LABEL_WORDS)
    if colon is None or colon < 2:
        return None
    words = [w.text for w in view.words[:colon]]
    titles, roles = data.cls("label_titles"), data.cls("speaker_roles")
    last = fold(words[-1])
    if not all(w.isupper() and w.replace("-", "").isalpha() for w in words) or last in titles or last in roles:
        return None
    if not any(fold(w) in titles for w in words[:-1]):
        return None
    return _as_written(words[-1])


def _role_in_capitals(view: SentenceView, colon: int, data: ClaimData) -> bool:
    """A label in capitals that names a role that speaks ("SENIOR ADMINISTRATION OFFICIAL"), not
    a section head ("WHAT THEY SAID", "MIDDLE EAST")."""
    roles = data.cls("speaker_roles")
    return all(w.text.isupper() for w in view.words[:colon]) and \
        any(view.texts[k] in roles or view.lemmas[k] in roles for k in range(colon))


def _speaker_label(view: SentenceView, first: int, data: ClaimData) -> bool:
    """No verb right before the name (a quote's attribution), no list mark ("- Name: …")."""
    before = view.words[max(0, first - data.windows.turn_label_verb_before):first]
    listed = first > 0 and view.words[first - 1].upos == "PUNCT" and \
        view.words[first - 1].text not in data.quotes.sentence_ends
    # a participle read as a verb is an adjective here ("в расширенном составе В.Путин:")
    return not listed and not any(w.upos in VERBAL_UPOS and w.feat("VerbForm") != PARTICIPLE for w in before)


def _opens_sentence(view: SentenceView, colon: int) -> bool:
    """Only the label's words (at most a few) stand before the colon."""
    return colon <= LABEL_WORDS and not any(w.upos in VERBAL_UPOS for w in view.words[:colon])


def grammatical_person(view: SentenceView, t: Trigger, start: int, data: ClaimData) -> str | None:
    """Whose act a trigger in a turn is: the first person's (its verb, or the nearest subject
    before it: "я хочу Вас поблагодарить", "Уверен, что …" opening its clause), the second
    person's ("Вы … решили"), or None (a subject of the third person before it)."""
    found = _person_of(view, t.head, data)
    if found:
        return found
    if _third_person_past(view, t.head, data):
        return None
    for k in range(t.first - 1, start - 1, -1):
        found = _person_of(view, k, data)
        if found or k in view.mention_words() or pronoun_gender(view, k, data):
            return found
    return FIRST if not any(w.upos in ("NOUN", "PROPN", "PRON") for w in view.words[start:t.first]) else None


def _third_person_past(view: SentenceView, k: int, data: ClaimData) -> bool:
    """A past verb with no person ending after it, where the language writes one ("Podkreślił", not
    "Podkreślił|em"): the third person."""
    endings = data.cls("past_person_endings")
    w = view.words[k]
    return bool(endings) and w.feat("Tense") == "Past" and w.feat("Person") is None and \
        not (k + 1 < len(view) and view.texts[k + 1] in endings)


def _person_of(view: SentenceView, k: int, data: ClaimData) -> str | None:
    """A subject pronoun of the first or second person, or a verb conjugated in one (leave asked
    of the listener, "Позвольте поблагодарить", is the speaker's own act)."""
    w = view.words[k]
    if w.upos in VERBAL_UPOS and view.lemmas[k] in data.cls("permission_verbs"):
        return FIRST
    if w.upos in VERBAL_UPOS and w.feat("Person") in PERSON_FEATURES:
        return PERSON_FEATURES[w.feat("Person") or ""]
    if w.feat("Case") not in (None, "Nom"):
        return None
    return FIRST if view.texts[k] in data.cls("first_person") else \
        SECOND if view.texts[k] in data.cls("second_person") else None


def statement(view: SentenceView, start: int, speaker: str, data: ClaimData) -> Trigger | None:
    """A named person's turn: a sentence that states something with no act of its own
    ("Отношения между нашими странами действительно развиваются поступательно."), not an
    exclamation (an address), not a greeting, not too short; a welcome ("Мы очень рады Вас
    видеть", "Добро пожаловать!") is the speaker's support. (An unnamed official's briefing
    describes the call more than it states positions: only its acts count.)"""
    entry = data.lex.actors.get(speaker)
    if entry is not None and entry.kind != PERSON:
        return None
    if _stage_direction(view, start, data):
        return None
    head = next((k for k in range(start, len(view)) if view.words[k].upos in VERBAL_UPOS), start)
    courtesy = _courtesy(view, start, data)
    if courtesy is not None:
        act, rule = courtesy
        return Trigger(head, head + 1, act, rule, SPEECH, head, view.lemmas[head],
                       content_start=start, content_rule="content.turn", speaker=speaker)
    words = view.words[start:]
    if len(words) < data.windows.speech_statement_words or words[-1].text == EXCLAMATION or \
            data.cls("pleasantries").occurs(view.texts, view.lemmas, start):
        return None
    act, rule = _own_pledge(view, start, speaker, data) or _urging(view, start, data) or ("state", "speech.statement")
    return Trigger(head, head + 1, act, rule, SPEECH, head, view.lemmas[head],
                   content_start=start, content_rule="content.turn", speaker=speaker)


def _courtesy(view: SentenceView, start: int, data: ClaimData) -> tuple[str, str] | None:
    """A welcome of the guest is support, or in the conditional an invitation ("был бы рад видеть
    Вас в Москве"); taking up an invitation with pleasure is accepting it ("С удовольствием.");
    thanks with no verb of thanking ("Спасибо, брат") is support."""
    if data.cls("welcomes").occurs(view.texts, view.lemmas, start):
        if data.cls("conditional_mood").occurs(view.texts, view.lemmas, start):
            return "propose", "speech.invitation"
        return "support", "speech.welcome"
    if data.cls("acceptances").match_at(view.texts, _after_thanks(view, start, data)):
        return "agree", "speech.acceptance"     # "С удовольствием.", "Спасибо, с удовольствием приеду."
    if data.cls("thanks_words").occurs(view.texts, view.lemmas, start):
        return "support", "speech.thanks"
    return None


def _after_thanks(view: SentenceView, start: int, data: ClaimData) -> int:
    """The turn's first word past a thanks and its comma ("Спасибо, с удовольствием")."""
    k = start
    if k < len(view) and view.texts[k] in data.cls("thanks_words"):
        k += 1
    while k < len(view) and view.words[k].upos == "PUNCT":
        k += 1
    return k


def _stage_direction(view: SentenceView, start: int, data: ClaimData) -> bool:
    """A transcript's note in parentheses ("(Говорит по-русски.)", "(Как переведено.)") is the
    editor's, not the speaker's."""
    texts = [t for t in view.texts[start:] if t not in data.quotes.sentence_ends]
    return len(texts) >= 2 and texts[0] == OPEN_PAREN and texts[-1] == CLOSE_PAREN


def _own_pledge(view: SentenceView, start: int, speaker: str, data: ClaimData) -> tuple[str, str] | None:
    """What the speaker's side will do, said in the first person ("Мы … будем делать всё", "мы
    намерены поддерживать отношения", "We will continue"): a pledge; what it will not do ("I'm
    not going to characterize private conversations", "Не буду комментировать"): a refusal. So
    is what his country will or will not do ("Российская сторона выплатит все компенсации",
    "Наша страна не откажется от …"): a pledge."""
    pledges = data.cls("pledge_auxiliaries")
    for k in range(start, len(view)):
        if pledges.match_at(view.texts, k, len(view)) or pledges.match_at(view.lemmas, k, len(view)):
            if any(_person_of(view, j, data) == FIRST for j in range(start, k + 1)):
                return _pledge_or_refusal(view, k, start, data)
            return SIDE_PLEDGE if _own_side_subject(view, start, k, speaker, data) else None
    # a future tense of its own in the first person ("Обязательно его рассмотрим", "Zajmiemy się
    # tą sprawą"), or with the speaker's side as subject, as the sentence's first verb
    verb = next((j for j in range(start, len(view)) if view.words[j].upos in VERBAL_UPOS), None)
    if verb is not None and first_person_future(view.words[verb]):
        return _pledge_or_refusal(view, verb, start, data)
    if verb is not None and _future(view.words[verb]) and _own_side_subject(view, start, verb, speaker, data):
        return SIDE_PLEDGE
    return None


def _future(word: Word) -> bool:
    return word.feat("Tense") == "Fut" and word.feat("VerbForm") in (None, "Fin")


def _own_side_subject(view: SentenceView, start: int, verb: int, speaker: str, data: ClaimData) -> bool:
    """Before the verb stands the speaker's side: "наша страна", or a country or institution of
    his side in the nominative ("Российская сторона", "Белоруссия")."""
    own = data.cls("own_side_nouns")
    if any(own.match_at(view.lemmas, k, verb) for k in range(start, verb)):
        return True
    entry = data.lex.actors.get(speaker)
    side = entry.side if entry is not None else None
    return side is not None and any(
        start <= m.first and m.last <= verb and m.kind in SIDE_KINDS and m.case in (None, "Nom") and
        getattr(data.lex.actors.get(m.actor), "side", None) == side for m in view.mentions)


def _pledge_or_refusal(view: SentenceView, k: int, start: int, data: ClaimData) -> tuple[str, str]:
    """What the speaker will not do is a refusal when it is saying something, or when he speaks
    for himself ("I'm not going to characterize …", "Не буду комментировать"); what his side will
    not do is still a pledge, negated ("Мы не будем уходить от ответственности", "Мы никогда не
    забудем")."""
    if not _negated_before(view, k, start, data):
        return "assure", "speech.pledge"
    pledges = data.cls("pledge_auxiliaries")
    after = k + max(pledges.match_at(view.texts, k), pledges.match_at(view.lemmas, k))    # past the auxiliary
    said = next((j for j in range(max(k, after), min(len(view), k + PLEDGE_VERB_REACH)) if view.words[j].upos == "VERB"),
                None)
    saying = said is not None and (data.lex.verb_acts.get(view.lemmas[said]) == STATEMENT or
                                   view.lemmas[said] in data.lex.frames)
    alone = view.words[k].feat("Number") == "Sing" or any(t in data.cls("first_person_singular") for t in view.texts[start:k])
    return ("reject", "speech.refusal") if saying or alone else ("assure", "speech.pledge")



def _urging(view: SentenceView, start: int, data: ClaimData) -> tuple[str, str] | None:
    """A sentence that opens with what must be done ("Нужно как можно скорее садиться за стол
    переговоров", "Trzeba działać", "We need to act"): the speaker urges it."""
    openers = data.cls("obligation_openers")
    for k in range(start, min(len(view), start + OBLIGATION_OPENER_REACH)):
        if openers.match_at(view.texts, k) or openers.match_at(view.lemmas, k):
            return "demand", "speech.obligation"
    return None


def _negated_before(view: SentenceView, k: int, start: int, data: ClaimData) -> bool:
    return any(negation_word(view, j, data) for j in range(max(start, k - NEGATION_REACH), k))
