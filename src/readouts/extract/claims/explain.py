"""Why a claim exists: the pattern that found its trigger, the strategy that chose its actor and
the rule behind each attribute, as ids that `lang/patterns.yaml`, the strategies of `actor.py` and
the rules of `attributes.py` and `nesting.py` name.

Trigger ids: `verb.act` (a verb whose lemma carries an act, `reporting.yaml: verbs`), `verb.joint`
(a verb that is an act only of both principals, `joint_acts`), `phrase` (a multi-word phrase,
`phrases`), `naming.evaluation` (a verb of naming and the evaluation it names by, `cues.yaml:
evaluations`), and the patterns `light_verb.*`, `commitment.own_side`; `attribution.speech` ("По
словам Пескова, …": an attribution cue naming a speaker, in a sentence with no other trigger).
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Trace:
    trigger: str                    # the trigger's pattern id
    actor: str                      # the actor strategy
    act: str                        # the rule that set the act
    polarity: str
    hedged: str
    conditional: str
    addressee: str
    reported_by: str
    entry: str | None = None        # the vocabulary entry the trigger matched
    licence: str | None = None      # why its verb is a clause's predicate
    content: str | None = None      # where its reported content opens
    quote: str | None = None        # the attribution shape of a quotation it carries
    absorbed: str | None = None     # the inner trigger whose act a frame took
    via: str | None = None          # how the actor's mention was found

    def as_dict(self) -> dict[str, str]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name)) is not None}

    def summary(self) -> str:
        """The one-line rule of `--explain` and the CSV `rule` column."""
        return f"{self.trigger}:{self.actor}"
