"""Mine real text for the vocabulary of speech acts that the language data lacks.

Runs the offline pipeline over a folder of texts and lists, ranked by frequency:

- **verbs** next to an actor mention (its predicate after it, or an inverted one right before
  it: "said Putin", "zapowiedział Biden") whose lemma no trigger of the language data knows and
  that no claim's trigger covers;
- **nouns** in the object of a light verb next to an actor mention ("voiced scepticism") that are
  no act-bearing noun of the data;
- **content clauses without a claim**: sentences with an actor mention and a complementizer after
  a verb ("X signalled that …") that yield no claim, ranked by that verb's lemma, with the reason
  the engine dropped a candidate trigger there (its `dropped` list), if it did.

Each entry shows its count and example sentences. What is covered is the engine's own view: the
trigger spans of its claims and of its dropped candidates, and the lexicon's words.

    python -m tools.mine_vocabulary ../shared/data/real/kremlin-2025
    python tools/mine_vocabulary.py corpus/ --exclude reserved.txt --top 40 --jobs 2
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

if __package__ in (None, ""):       # run as a script: the project's root on the path, like -m
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from readouts.model import Extraction, Sentence, Word  # noqa: E402

VERB, NOUN, CLAUSE = "verb", "noun", "clause"
SECTIONS = {
    VERB: "verbs next to an actor that no trigger covers",
    NOUN: "nouns in a light verb's object next to an actor that carry no act",
    CLAUSE: "sentences with an actor and a content clause that yield no claim (by the verb before it)",
}
SUBJECT_WINDOW = 6          # words from a subject's mention to its predicate
OBJECT_WINDOW = 5           # words from a light verb to its object's head noun
COMPLEMENTIZER_AFTER = 3    # words from a verb to the complementizer of its content clause
SUBJECT_CASES = (None, "Nom")
PERSONAL_KINDS = frozenset({"person", "official", "group", "institution", "country"})
STOP_UPOS = frozenset({"PUNCT", "SCONJ", "CCONJ"})


@dataclass(frozen=True)
class Finding:
    section: str            # VERB | NOUN | CLAUSE
    lemma: str
    sentence: str
    note: str = ""          # what else the example shows (the light verb, the drop reason)


# ---------------------------------------------------------------------------------- one text
def mine_text(path: str) -> list[Finding]:
    """The findings of one text (an unreadable text yields none, reported on stderr)."""
    from readouts import pipeline
    from readouts.errors import ReadoutsError
    from readouts.extract.actors import ActorFinder
    from readouts.extract.dates import find_anchor
    from readouts.extract.lexicon import lexicon
    from readouts.load import load_path

    try:
        loaded = load_path(path)
        analysis = pipeline.analyse_loaded(loaded, backend="offline")
    except ReadoutsError as e:
        print(f"skipped: {e}", file=sys.stderr)
        return []
    extraction = pipeline.extract_loaded(loaded, analysis=analysis)
    lex = lexicon(analysis.lang)
    finder = ActorFinder(lex, find_anchor(loaded, analysis), use_names="ner" in analysis.provides)
    spans = _covered_spans(extraction)
    claimed = {c.start for c in extraction.claims}
    out: list[Finding] = []
    for sentence in analysis.sentences:
        mentions = [m for m in finder.mentions(sentence) if m.kind in PERSONAL_KINDS]
        if mentions:
            out.extend(_sentence_findings(sentence, mentions, lex, spans, extraction, sentence.start in claimed))
    return out


def _covered_spans(extraction: Extraction) -> list[tuple[int, int]]:
    """Character spans the engine has read: the trigger of every claim and dropped candidate,
    and the content each claim reports (a verb there is the content's, not a verb of saying)."""
    spans = [(d.start, d.stop) for d in extraction.dropped]
    text = extraction.text or ""
    for c in extraction.claims:
        for part in (c.trigger, c.content):
            at = text.find(part, c.start, c.stop) if part else -1
            if at >= 0:
                spans.append((at, at + len(part or "")))
    return spans


def _sentence_findings(sentence: Sentence, mentions: list, lex, spans: list[tuple[int, int]],
                       extraction: Extraction, has_claim: bool) -> Iterator[Finding]:
    from readouts.extract.lexicon import fold

    words = sentence.words
    lemmas = [fold(w.lemma or w.text) for w in words]
    known_verbs = lex.verb_acts.keys() | lex.light_verbs | lex.joint_acts.keys()
    covered = [any(a <= w.start < b for a, b in spans) for w in words]
    text = " ".join(sentence.text.split())
    clitics = lex.cues["possessive_markers"]
    for i in sorted(set(_predicates(words, mentions))):
        if covered[i] or fold(words[i].text) in clitics:
            continue
        if lemmas[i] not in known_verbs:
            yield Finding(VERB, lemmas[i], text)
        elif lemmas[i] in lex.light_verbs:
            nouns = _object_nouns(words, i)
            if nouns and not any(lemmas[k] in lex.light_nouns or fold(words[k].text) in lex.light_nouns for k in nouns):
                yield Finding(NOUN, lemmas[nouns[-1]], text, note=f"{lemmas[i]} …")
    if not has_claim:
        verb = _verb_before_complementizer(words, lex.cues["complementizers"])
        if verb is not None:
            reasons = sorted({d.reason for d in extraction.dropped if sentence.start <= d.start < sentence.stop})
            yield Finding(CLAUSE, lemmas[verb], text, note=", ".join(reasons))


def _predicates(words: list[Word], mentions: list) -> Iterator[int]:
    """For each mention that can be a subject: the first verb after it within a few words (no
    clause boundary between), and a verb right before it (an inverted subject)."""
    for m in mentions:
        if m.case not in SUBJECT_CASES or (m.first > 0 and words[m.first - 1].upos == "ADP"):
            continue
        for k in range(m.last, min(len(words), m.last + SUBJECT_WINDOW)):
            if words[k].upos in STOP_UPOS:
                break
            if words[k].upos == "VERB":
                yield k
                break
        if m.first > 0 and words[m.first - 1].upos == "VERB":
            yield m.first - 1


def _object_nouns(words: list[Word], i: int) -> list[int]:
    """The first run of nouns (adjectives between) in the few words after a light verb: "voiced
    the deep concerns" (a tagger may call "deep" a noun) gives [deep, concerns]."""
    run: list[int] = []
    for k in range(i + 1, min(len(words), i + 1 + OBJECT_WINDOW)):
        upos = words[k].upos
        if upos == "NOUN":
            run.append(k)
        elif run and upos != "ADJ" or upos in STOP_UPOS or upos == "VERB":
            break
    return run


def _verb_before_complementizer(words: list[Word], complementizers) -> int | None:
    from readouts.extract.lexicon import fold

    for j, w in enumerate(words):
        if fold(w.text) not in complementizers:
            continue
        for k in range(j - 1, max(-1, j - 1 - COMPLEMENTIZER_AFTER), -1):
            if words[k].upos == "VERB":
                return k
    return None


# ---------------------------------------------------------------------------------- a corpus
def texts(folders: Iterable[str], exclude: Path | None = None) -> list[str]:
    """The texts of the folders, as the CLI reads a folder, less those whose path ends with an
    entry of the `exclude` file (one path a line)."""
    from readouts.load import iter_inputs

    excluded = exclude.read_text(encoding="utf-8").split() if exclude else []
    return [p for p in iter_inputs(list(folders)) if not any(p.endswith(e) for e in excluded)]


def mine(paths: list[str], jobs: int) -> list[Finding]:
    if jobs <= 1:
        return [f for p in paths for f in mine_text(p)]
    with ProcessPoolExecutor(jobs) as pool:
        return [f for found in pool.map(mine_text, paths, chunksize=4) for f in found]


def report(findings: list[Finding], top: int, examples: int) -> str:
    """Per section, the lemmas by frequency with their examples."""
    lines = []
    for section, title in SECTIONS.items():
        counts = Counter(f.lemma for f in findings if f.section == section)
        lines.append(f"## {title} ({sum(counts.values())} in all, {len(counts)} lemmas)")
        for lemma, n in counts.most_common(top):
            lines.append(f"{n:5d}  {lemma}")
            shown = [f for f in findings if f.section == section and f.lemma == lemma][:examples]
            lines.extend(f"         - {f.sentence[:240]}" + (f"  [{f.note}]" if f.note else "") for f in shown)
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.mine_vocabulary", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", help="folders (or files) of texts")
    parser.add_argument("--exclude", type=Path, help="a file listing paths (one a line) to leave out")
    parser.add_argument("--top", type=int, default=30, help="lemmas shown per section (default 30)")
    parser.add_argument("--examples", type=int, default=2, help="example sentences per lemma (default 2)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    args = parser.parse_args(argv)
    missing = [f for f in args.folders if not Path(f).exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    paths = texts(args.folders, args.exclude)
    print(f"# {len(paths)} texts\n", flush=True)
    print(report(mine(paths, args.jobs), args.top, args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
