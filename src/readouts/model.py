"""The document model shared by every stage: load → analyse → extract → compare → report.

Plain dataclasses with no heavy imports, so that the offline path starts fast. Every offset is a
Python string index into the original decoded text (BOM removed, line ends as in the file), so
`text[start:stop]` is always the verbatim surface.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

LANGS = ("pl", "en", "ru")
ACTS = ("assure", "warn", "demand", "agree", "support", "concern", "propose", "reject", "state", "discuss")
SOURCES = ("whitehouse", "kremlin", "press", "ministry")
BOTH = "both"  # the canonical actor of a joint act of the two principals
# The default of --max-bytes: a larger input is refused rather than read (time and memory grow with
# the input). Thousands of times a readout or an article; 10 MB of text fits.
MAX_BYTES = 20_000_000


# --------------------------------------------------------------------------- load

@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of the decoded text: `text[start:stop]`."""
    start: int
    stop: int


@dataclass(slots=True)
class LoadedText:
    """One input, decoded, with its metadata and the paragraphs that are content.

    `paragraphs` exclude the metadata line, front matter, end markers, boilerplate and the final
    sources line; `skipped` records what was excluded and why (for `--explain` and tests).
    """
    path: str
    text: str
    lang: str
    published: str | None = None        # ISO YYYY-MM-DD or YYYY-MM, from --date, metadata or front matter
    published_assumed: str | None = None  # full-day anchor used to resolve dates (--date wins)
    published_from: str | None = None   # where `published` came from: metadata | option
    title: str | None = None
    source_url: str | None = None
    source: str | None = None           # --source, else detected later
    encoding: str = "utf-8"
    paragraphs: list[Region] = field(default_factory=list)
    skipped: list[tuple[Region, str]] = field(default_factory=list)


# --------------------------------------------------------------------------- skipped sentences

@dataclass(frozen=True, slots=True)
class Skipped:
    """A sentence one stage could not handle: left out of that stage's results, never the
    document (see `readouts.boundary`). The CLI reports each on stderr, with a count."""
    stage: str                  # analyse | dates | claims
    start: int
    stop: int
    reason: str                 # one line: the error's type and message

    def __str__(self) -> str:
        return f"{self.stage}: skipped the sentence at {self.start}–{self.stop} ({self.reason})"


# --------------------------------------------------------------------------- analyse

@dataclass(slots=True)
class Word:
    """A syntactic word (UD). A multi-word token's words share the token's offsets."""
    id: int                     # 1-based index in the sentence, as in CoNLL-U
    text: str
    lemma: str
    upos: str
    feats: dict[str, str] = field(default_factory=dict)   # UD features: Case=Nom, Tense=Past …
    head: int | None = None     # 0 = root; None when the backend gives no syntax
    deprel: str | None = None
    start: int = 0
    stop: int = 0

    def feat(self, name: str) -> str | None:
        return self.feats.get(name)


@dataclass(slots=True)
class Token:
    """A surface token with offsets; usually one word, several for a multi-word token."""
    start: int
    stop: int
    text: str
    words: list[Word]


@dataclass(slots=True)
class NameSpan:
    """A proper name found by NER or by name labels in the morphology."""
    start: int
    stop: int
    text: str
    label: str                  # PER | LOC | ORG | MISC
    lemma: str | None = None    # normalised (nominative) form when the backend knows it


@dataclass(slots=True)
class Sentence:
    start: int
    stop: int
    text: str
    tokens: list[Token]
    paragraph: int = 0          # index of the paragraph (blank-line separated) it sits in
    names: list[NameSpan] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [w for t in self.tokens for w in t.words]


@dataclass(slots=True)
class Analysis:
    """What a backend produced for one text."""
    text: str
    lang: str
    backend: str                # "offline" | "stanza"
    sentences: list[Sentence]
    provides: frozenset[str] = frozenset()   # {"lemma", "feats", "deps", "ner"}
    skipped: list[Skipped] = field(default_factory=list)


# --------------------------------------------------------------------------- extract

@dataclass(slots=True)
class DocumentInfo:
    path: str
    lang: str
    published: str | None
    source: str | None
    title: str | None = None
    backend: str | None = None
    # where `published` came from: metadata | dateline | inferred (a dateline's year from the years
    # the text names) | option (--date); None when unknown. A dateline without a year gives
    # `published` as --MM-DD.
    published_from: str | None = None
    unanchored: list[str] = field(default_factory=list)   # relative dates no known day resolves


@dataclass(slots=True)
class Actor:
    name: str                   # canonical English name
    kind: str                   # person | country | institution | official | group
    mentions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DateRef:
    text: str
    value: str                  # YYYY-MM-DD | YYYY-MM | YYYY
    start: int
    stop: int
    end: str | None = None      # for ranges
    grain: str = "day"          # day | month | year | week
    anchor: str | None = None   # the ISO date it was resolved from
    vague: bool = False


@dataclass(slots=True)
class Claim:
    actor: str
    act: str
    sentence: str
    start: int
    stop: int
    trigger: str
    polarity: str = "affirmed"  # affirmed | negated
    hedged: bool = False
    conditional: bool = False
    addressee: str | None = None
    reported_by: str | None = None
    dates: list[str] = field(default_factory=list)
    rule: str | None = None     # why it was found: trigger pattern and actor strategy (for --explain)
    content: str | None = None  # the reported content, when separable from the trigger
    explain: dict[str, str] | None = None   # the rule behind the trigger, the actor and each attribute


@dataclass(slots=True)
class DroppedTrigger:
    """A candidate trigger that yields no claim, and the rule that dropped it (for --explain)."""
    trigger: str
    start: int                  # offsets of the trigger words
    stop: int
    pattern: str
    reason: str


@dataclass(slots=True)
class Extraction:
    document: DocumentInfo
    actors: list[Actor] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dropped: list[DroppedTrigger] = field(default_factory=list)
    # the decoded input, for reports that show the text itself (HTML, Markdown); not in the JSON
    text: str | None = field(default=None, repr=False, compare=False)
    skipped: list[Skipped] = field(default_factory=list)   # reported on stderr, not in the contract's shape

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape, with the dropped candidates."""
        return {
            "document": asdict(self.document),
            "actors": [asdict(a) for a in self.actors],
            "dates": [asdict(d) for d in self.dates],
            "claims": [asdict(c) for c in self.claims],
            "dropped": [asdict(d) for d in self.dropped],
        }

    def to_frame(self, what: str = "claims") -> Any:
        """A pandas DataFrame with one row per claim (or `what="dates"`, `"actors"`), in the
        contract's CSV columns plus `rule` (report.frames; pandas is imported then)."""
        from readouts.report.frames import extraction_frame

        return extraction_frame(self, what)


# --------------------------------------------------------------------------- compare

@dataclass(slots=True)
class Match:
    left: Claim
    right: Claim
    relation: str               # same | conflict
    score: float
    reasons: list[str] = field(default_factory=list)
    topic: str | None = None
    concepts: list[str] = field(default_factory=list)   # the matter's concept keys (lang/matters.yaml)


@dataclass(slots=True)
class Comparison:
    left: Extraction
    right: Extraction
    matches: list[Match] = field(default_factory=list)
    only_left: list[Claim] = field(default_factory=list)
    only_right: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's compare JSON shape."""
        return {
            "left": {"document": asdict(self.left.document)},
            "right": {"document": asdict(self.right.document)},
            "matches": [
                {"left": asdict(m.left), "right": asdict(m.right), "relation": m.relation,
                 "score": round(m.score, 3), "reasons": m.reasons, "topic": m.topic, "concepts": m.concepts}
                for m in self.matches
            ],
            "only_left": [asdict(c) for c in self.only_left],
            "only_right": [asdict(c) for c in self.only_right],
        }

    def to_frame(self) -> Any:
        """A pandas DataFrame with one row per match and per one-sided claim (report.frames)."""
        from readouts.report.frames import comparison_frame

        return comparison_frame(self)
