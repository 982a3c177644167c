"""Score readouts against gold annotations in the contract's format (`NAME.gold.yaml` beside
`NAME.txt` or `NAME.md`): the figures of the contract's scorer (`../shared/eval/score.py extract`),
computed in this process, plus a confusion table of acts.

How a figure is computed is the contract's section "Scoring": a tool claim is placed by its offsets
(or by searching its sentence, counted as `offset_bad`), matches a gold claim when it covers at
least half of the gold substring and is not much longer than the carrying sentence, and pairs are
taken best first (actor and act right, then polarity, then overlap). Strict = span + actor + act;
full adds polarity, hedging and condition. The text is decoded as the scorer decodes it, so that
the figures are the scorer's on the same files.
"""
from __future__ import annotations

import bisect
import re
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from readouts.errors import InputError
from readouts.model import ACTS, Extraction

GOLD_SUFFIX = ".gold.yaml"
TEXT_SUFFIXES = (".txt", ".md")
# what the scorer folds before comparing text: typographic quotes and dashes
FOLD = {"„": '"', "”": '"', "“": '"', "«": '"', "»": '"', "’": "'", "‘": "'", "–": "-", "—": "-"}
SCORER_LEGACY = {"pl": "cp1250", "ru": "cp1251"}     # the scorer's guess for a text that is not UTF-8
SCORER_FALLBACK = "cp1252"
BOUNDARY = re.compile(r"[.!?…][\"')\]]*\s|\n")
LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
# a tool span stands for a gold claim when it covers this share of it, or lies this much inside it,
COVERS_GOLD, INSIDE_GOLD = 0.5, 0.8
# and is no longer than the carrying sentence times this, or plus this many characters
LONGER_FACTOR, LONGER_CHARS = 2, 200
# pairing: an actor and an act right weigh more than polarity
ACTOR_WEIGHT, ACT_WEIGHT, POLARITY_WEIGHT = 2, 2, 1
# a date's text matches a gold date's when it is inside it and this long, or contains it and is at most this much longer
DATE_INSIDE_SHARE, DATE_EXTRA_CHARS = 0.4, 30
AFFIRMED, BOTH = "affirmed", "both"
NONE_ACT = "-"          # the confusion table's row and column for a missed or spurious claim
MARKED = (("polarity", lambda g: g.get("polarity") == "negated"), ("hedged", lambda g: bool(g.get("hedged"))),
          ("conditional", lambda g: bool(g.get("conditional"))))


# --------------------------------------------------------------------------- text as the scorer sees it

def read_text(path: Path, lang: str = "") -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode(SCORER_LEGACY.get(lang, SCORER_FALLBACK), errors="replace")


class Folded:
    """The text with quotes and dashes folded, case folded and whitespace collapsed (a run with a
    blank line becomes one newline, any other run one space), and where each character came from."""

    def __init__(self, raw: str):
        chars: list[str] = []
        origin: list[int] = []
        i, n = 0, len(raw)
        while i < n:
            if raw[i].isspace():
                j = i
                while j < n and raw[j].isspace():
                    j += 1
                sep = "\n" if raw.count("\n", i, j) >= 2 else " "
                if chars and chars[-1] not in " \n":
                    chars.append(sep)
                    origin.append(i)
                elif chars and sep == "\n":
                    chars[-1] = "\n"
                i = j
                continue
            for f in unicodedata.normalize("NFC", FOLD.get(raw[i], raw[i])).casefold():
                chars.append(f)
                origin.append(i)
            i += 1
        self.text = "".join(chars)
        self.origin = origin

    def index(self, raw_index: int) -> int:
        """The folded index of a raw index."""
        return bisect.bisect_left(self.origin, raw_index)


def folded(s: str | None) -> str:
    return Folded(s or "").text.strip()


Span = tuple[int, int]


def find(text: Folded, piece: str) -> Span | None:
    p = folded(piece)
    i = text.text.find(p) if p else -1
    return None if i < 0 else (i, i + len(p))


def carrying_sentence(text: Folded, span: Span) -> Span:
    """The sentence around a span, by punctuation (never across a blank line)."""
    left = 0
    for m in BOUNDARY.finditer(text.text, 0, span[0]):
        left = m.end()
    m = BOUNDARY.search(text.text, span[1])
    right = m.start() + 1 if m else len(text.text)
    return left, max(right, span[1])


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def stands_for(tool: Span, gold: Span, sentence: Span) -> bool:
    ov, length = overlap(tool, gold), tool[1] - tool[0]
    covers = ov >= COVERS_GOLD * (gold[1] - gold[0]) or (length > 0 and ov >= INSIDE_GOLD * length)
    sentence_length = sentence[1] - sentence[0]
    return covers and length <= max(LONGER_FACTOR * sentence_length, sentence_length + LONGER_CHARS)


def place(text: Folded, raw: str, claim: dict, counts: Counter | None = None) -> Span | None:
    """A tool claim's folded span: by its offsets when they hold its sentence, else by searching
    the sentence (counted as offset_bad); None when it is not found or crosses a blank line."""
    start, stop, sentence = claim.get("start"), claim.get("stop"), claim.get("sentence") or ""
    if (isinstance(start, int) and isinstance(stop, int) and 0 <= start < stop <= len(raw)
            and folded(raw[start:stop]) == folded(sentence)):
        a, b = text.index(start), text.index(stop)
        while a < b and text.text[a] in " \n":
            a += 1
        span: Span | None = (a, b)
    else:
        if counts is not None:
            counts["offset_bad"] += 1
        span = find(text, sentence)
    if span is None or "\n" in text.text[span[0]:span[1]].strip("\n "):
        return None
    return span


# --------------------------------------------------------------------------- actors

def as_list(value: Any) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def actor_ok(tool_name: str | None, gold_names: Iterable[str]) -> bool:
    """The gold's canonical name (or actor_alt), or an English variant ending in the same word
    ("President Biden" for "Joe Biden"); inflected or non-Latin forms do not count."""
    t = folded(tool_name)
    if not t:
        return False
    for name in gold_names:
        g = folded(name)
        if t == g:
            return True
        gw, tw = LETTERS.findall(g), LETTERS.findall(t)
        if g != BOTH and gw and tw and gw[-1] in tw and all(w.isascii() for w in tw):
            return True
    return False


def gold_actors(claim: dict) -> list[str]:
    return [claim["actor"], *as_list(claim.get("actor_alt"))]


def alias_ok(gold: dict, tool_name: str | None, gold_names: Iterable[str]) -> bool:
    """Lenient, for diagnosis: any surface form the gold lists for the actor counts."""
    alias = {BOTH: BOTH}
    for entry in gold.get("actors") or []:
        for form in entry:
            alias.setdefault(folded(form), folded(entry[0]))
    found = alias.get(folded(tool_name))
    return found is not None and found in {folded(g) for g in gold_names}


# --------------------------------------------------------------------------- claims

@dataclass
class CaseScore:
    """The counts of one case, and the acts behind them (for the confusion table)."""
    counts: Counter = field(default_factory=Counter)
    acts: Counter = field(default_factory=Counter)      # (gold act, tool act) -> n


def pair_weight(tool: dict, gold: dict) -> int:
    return (ACTOR_WEIGHT * actor_ok(tool.get("actor"), gold_actors(gold))
            + ACT_WEIGHT * (tool.get("act") in as_list(gold.get("act")))
            + POLARITY_WEIGHT * ((tool.get("polarity") or AFFIRMED) == gold.get("polarity", AFFIRMED)))


def gold_places(text: Folded, claims: list[dict] | None, where: str) -> list[tuple[dict, Span, Span]]:
    found = []
    for claim in claims or []:
        span = find(text, claim["sentence"])
        if span is None:
            raise InputError(f"{where}: gold sentence not in the text: {claim['sentence']!r}")
        found.append((claim, span, carrying_sentence(text, span)))
    return found


def _gold_act(tool: dict, gold: dict) -> str:
    acts = as_list(gold.get("act"))
    return tool.get("act") if tool.get("act") in acts else (acts[0] if acts else NONE_ACT)


def score_claims(raw: str, gold: dict, out: dict, where: str = "gold") -> CaseScore:
    text = Folded(raw)
    golds = gold_places(text, gold.get("claims"), where)
    optional = gold_places(text, gold.get("optional_claims"), where)
    score = CaseScore()
    c = score.counts
    tools, spurious = [], []
    for claim in out.get("claims") or []:
        span = place(text, raw, claim, c)
        if span is None:
            c["unlocated"] += 1
            spurious.append(claim)
        else:
            tools.append((claim, span))
    candidates = sorted(((pair_weight(tc, gc), overlap(ts, gs), ti, gi)
                         for ti, (tc, ts) in enumerate(tools) for gi, (gc, gs, gsent) in enumerate(golds)
                         if stands_for(ts, gs, gsent)), reverse=True)
    used_tools, used_golds, pairs = set(), set(), []
    for _, _, ti, gi in candidates:
        if ti not in used_tools and gi not in used_golds:
            used_tools.add(ti)
            used_golds.add(gi)
            pairs.append((tools[ti][0], golds[gi][0]))
    false = c["unlocated"]
    for ti, (tc, ts) in enumerate(tools):
        if ti in used_tools or any(stands_for(ts, os_, osent) for _, os_, osent in optional):
            continue    # paired, or an optional claim: neither credited nor penalised
        false += 1
        spurious.append(tc)
    c["gold"], c["found"], c["tool"] = len(golds), len(pairs), len(pairs) + false
    for tc, gc in pairs:
        _count_pair(c, gold, tc, gc)
        score.acts[(_gold_act(tc, gc), tc.get("act"))] += 1
    for gi, (gc, _, _) in enumerate(golds):
        if gi not in used_golds:
            score.acts[(as_list(gc.get("act"))[0] if gc.get("act") else NONE_ACT, NONE_ACT)] += 1
    for tc in spurious:
        score.acts[(NONE_ACT, tc.get("act"))] += 1
    return score


def _count_pair(c: Counter, gold: dict, tc: dict, gc: dict) -> None:
    names = gold_actors(gc)
    ok = {"actor": actor_ok(tc.get("actor"), names),
          "act": tc.get("act") in as_list(gc.get("act")),
          "polarity": (tc.get("polarity") or AFFIRMED) == gc.get("polarity", AFFIRMED),
          "hedged": bool(tc.get("hedged")) == bool(gc.get("hedged", False)),
          "conditional": bool(tc.get("conditional")) == bool(gc.get("conditional", False))}
    for key, right in ok.items():
        c[key + "_ok"] += right
    c["actor_alias_ok"] += alias_ok(gold, tc.get("actor"), names)
    c["strict"] += ok["actor"] and ok["act"]
    c["full"] += all(ok.values())
    if gc.get("addressee"):
        c["addressee_n"] += 1
        c["addressee_ok"] += actor_ok(tc.get("addressee"), [gc["addressee"]])
    if gc.get("reported_by"):
        c["reported_by_n"] += 1
        c["reported_by_ok"] += folded(tc.get("reported_by")) == folded(gc["reported_by"])
    for key, marked in MARKED:
        if marked(gc):
            c[key + "_marked"] += 1
            c[key + "_marked_ok"] += ok[key]


# --------------------------------------------------------------------------- dates

def date_text_ok(tool: str, gold: str) -> bool:
    return bool(tool) and ((tool in gold and len(tool) >= DATE_INSIDE_SHARE * len(gold))
                           or (gold in tool and len(tool) <= len(gold) + DATE_EXTRA_CHARS))


def score_dates(gold: dict, out: dict) -> Counter:
    golds = gold.get("dates") or []
    optional = [folded(d.get("text", "") if isinstance(d, dict) else d) for d in gold.get("dates_optional") or []]
    used: set[int] = set()
    c: Counter = Counter(dates_gold=len(golds))
    for d in out.get("dates") or []:
        if d.get("vague"):
            continue
        t = folded(d.get("text", ""))
        right = wrong = None
        for gi, g in enumerate(golds):
            if gi in used or not date_text_ok(t, folded(g["text"])):
                continue
            if str(d.get("value")) == str(g["value"]) and str(d.get("end") or "") == str(g.get("end") or ""):
                right = gi
                break
            if wrong is None:
                wrong = gi
        if right is not None:
            used.add(right)
            c["dates_ok"] += 1
            c["dates_tool"] += 1
        elif wrong is not None:
            used.add(wrong)
            c["dates_tool"] += 1
            c["dates_wrong_value"] += 1
        elif not (t and any(date_text_ok(t, o) or date_text_ok(o, t) for o in optional)):
            c["dates_tool"] += 1
    return c


# --------------------------------------------------------------------------- figures

def prf(right: int, tool: int, gold: int) -> tuple[float, float, float]:
    p = right / tool if tool else (1.0 if not gold else 0.0)
    r = right / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def figures(c: Counter) -> dict[str, Any]:
    """The scorer's figures from a case's (or a language's) counts, under the scorer's names."""
    s: dict[str, Any] = {"claims_gold": c["gold"], "claims_tool": c["tool"]}
    s["detect_p"], s["detect_r"], s["detect_f1"] = prf(c["found"], c["tool"], c["gold"])
    s["strict_p"], s["strict_r"], s["strict_f1"] = prf(c["strict"], c["tool"], c["gold"])
    s["full_f1"] = prf(c["full"], c["tool"], c["gold"])[2]
    found = c["found"] or 1
    for key in ("actor", "actor_alias", "act", "polarity", "hedged", "conditional"):
        s[key + "_acc"] = c[key + "_ok"] / found
    for key in ("addressee", "reported_by"):
        s[key + "_acc"] = c[key + "_ok"] / c[key + "_n"] if c[key + "_n"] else None
    for key, _ in MARKED:
        s[key + "_marked_recall"] = c[key + "_marked_ok"] / c[key + "_marked"] if c[key + "_marked"] else None
    s["dates_p"], s["dates_r"], s["dates_f1"] = prf(c["dates_ok"], c["dates_tool"], c["dates_gold"])
    s["unlocated"], s["offset_bad"] = c["unlocated"], c["offset_bad"]
    return s


# --------------------------------------------------------------------------- a gold folder

@dataclass(frozen=True)
class Case:
    name: str
    text: Path
    gold_path: Path
    gold: dict


def find_cases(gold_dir: Path) -> list[Case]:
    """Every NAME.gold.yaml in the folder (not below it) with NAME.txt or NAME.md beside it."""
    import yaml

    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a folder of gold files")
    cases = []
    for gold_path in sorted(gold_dir.glob("*" + GOLD_SUFFIX)):
        name = gold_path.name[:-len(GOLD_SUFFIX)]
        text = next((p for p in (gold_path.with_name(name + s) for s in TEXT_SUFFIXES) if p.exists()), None)
        if text is None:
            continue
        try:
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            raise InputError(f"{gold_path}: cannot read the gold file ({e})") from None
        if not isinstance(gold, dict):
            raise InputError(f"{gold_path}: a gold file is a mapping (lang, claims, dates, …)")
        cases.append(Case(name, text, gold_path, gold))
    if not cases:
        raise InputError(f"{gold_dir}: no NAME{GOLD_SUFFIX} with NAME.txt or NAME.md beside it")
    return cases


def evaluate(gold_dir: str | Path, jobs: int | None = None, backend: str = "auto", models: str | None = None,
             on_result: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """Extract every case of `gold_dir` (with the gold's `published_assumed` as --date, like the
    scorer) and score it. Returns the scorer's report (`cases`, `by_lang`, `failures`, `seconds`)
    with the cases per language, the act confusion table (`acts`: gold act -> readouts' act -> n,
    `-` for a missed or spurious claim) and the failures' messages (`errors`)."""
    return evaluate_cases(find_cases(Path(gold_dir)), jobs, backend, models, on_result)


def evaluate_cases(cases: list[Case], jobs: int | None = None, backend: str = "auto", models: str | None = None,
                   on_result: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """`evaluate` on cases already found; `on_result` sees each extraction or failure as it comes."""
    from readouts import corpus

    started = time.perf_counter()
    tasks = [corpus.Task(str(case.text), path=str(case.text), options=corpus.Options(
        date=str(case.gold["published_assumed"]) if case.gold.get("published_assumed") else None,
        backend=backend, models=models)) for case in cases]
    per_lang: dict[str, Counter] = defaultdict(Counter)
    n_cases: Counter = Counter()
    acts: Counter = Counter()
    by_case: dict[str, dict[str, Any]] = {}
    errors: list[str] = []
    for case, result in zip(cases, corpus.run(tasks, jobs)):
        if on_result is not None:
            on_result(result)
        out = result.to_dict() if isinstance(result, Extraction) else {}   # a failure scores as no output
        if not isinstance(result, Extraction):
            errors.append(str(result))
        lang = case.gold.get("lang", "?")
        score = score_claims(read_text(case.text, lang), case.gold, out, str(case.gold_path))
        counts = score.counts + score_dates(case.gold, out)
        for key in (lang, "all"):
            per_lang[key].update(counts)
            n_cases[key] += 1
        acts.update(score.acts)
        by_case[case.name] = figures(counts)
    langs = sorted(per_lang, key=lambda lang: (lang == "all", lang))
    return {"cases": by_case,
            "by_lang": {lang: {**figures(per_lang[lang]), "cases": n_cases[lang]} for lang in langs},
            "acts": confusion(acts), "failures": len(errors), "errors": errors,
            "seconds": time.perf_counter() - started}


def confusion(acts: Counter) -> dict[str, dict[str, int]]:
    """gold act -> readouts' act -> count, rows and columns in the contract's act order."""
    order = {a: i for i, a in enumerate((*ACTS, NONE_ACT))}
    rows: dict[str, dict[str, int]] = {}
    for (gold_act, tool_act), n in sorted(acts.items(), key=lambda kv: (order.get(kv[0][0], 99), order.get(kv[0][1], 99))):
        rows.setdefault(gold_act, {})[tool_act] = n
    return rows
