"""Reading inputs: bytes → decoded text → metadata, language and content paragraphs.

Every offset is a Python string index into the decoded text (BOM removed, line ends kept as in
the file, so CRLF counts as two characters); nothing is ever cut out of `text`. What is not content
(metadata line, front matter, headings, end markers, boilerplate, the final sources line) is only
left out of `paragraphs` and recorded in `skipped` with the reason.

Per-language knowledge (alphabet and stopwords for detection, boilerplate and sources cues, legacy
encodings) lives in `lang/<xx>/loader.yaml`; this module holds only the mechanism.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from readouts.errors import InputError, LanguageError
from readouts.lang import SUPPORTED, load_data
from readouts.model import MAX_BYTES, LoadedText, Region

STDIN = "-"
STDIN_NAME = "<stdin>"
ISO_DAY_LENGTH = len("YYYY-MM-DD")
TEXT_SUFFIXES = (".txt", ".md")
# Files that sit beside the texts in a corpus folder but are not texts to analyse. Only skipped
# when a directory is expanded; a file named on the command line is always read.
NOT_TEXTS = re.compile(r"^(license|licence|copying|readme|changelog)\b|\.gold\.", re.IGNORECASE)

LOADER_SPEC = {
    "name": str,
    "alphabet": str,
    "stopwords": [str],
    "legacy_encodings?": [str],
    "boilerplate_cues": [str],
    "sources_cues": [str],
}

# Language detection thresholds. A text is language X when at least MIN_ALPHABET of its letters
# belong to X's alphabet, are ASCII, or belong to another supported language (a quotation: at most
# MAX_QUOTED of them), and at least MIN_STOPWORDS of its words are X stopwords; the highest
# stopword share wins. Real Polish/English/Russian prose scores 0.25–0.45; German, French or Czech
# fail the alphabet test and score under 0.08 on the stopwords. A text of at most SHORT_WORDS
# words (one sentence) may have no stopword at all: there the alphabet decides (see _rank).
MIN_ALPHABET = 0.985
MAX_QUOTED = 0.3
MIN_STOPWORDS = 0.12
OWN_LETTERS = 0.02
SHORT_WORDS = 30
BARE_WORDS = 8          # a text this short needs no function word to be read ("Biden warned Putin.")
MAX_WORD = 25                  # letters: a longer "word" of a short text is a sign of a wrong decoding
ODD_WORDS = 0.2
DETECT_CHARS = 20_000          # detection reads the start of long texts only

# ` date 2021-12-07` or ` date 2021-12` as the first line, possibly followed by the lede.
DATE_LINE = re.compile(r"[ \t]*date[ \t]+([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\b[ \t]*")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")
FRONT_MATTER_FENCE = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
FRONT_MATTER_END = re.compile(r"(?:^|(?<=\r))(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.MULTILINE)
LINE_END = re.compile(r"\r\n|\r|\n")
# "###" (escaped "\###" in Markdown) and the agency "-30-" close a press release.
END_MARKER = re.compile(r"\s*(?:\\?#\s*){3,}\s*|\s*-30-\s*")
HEADING = re.compile(r"\s{0,3}#{1,6}\s+\S")
# A final line that only lists outlets: "Whitehouse.gov / Kremlin.ru / Kresy.pl", "PAP/Reuters".
SOURCE_ITEM = r"[\w][\w.&'-]*(?:\s[\w][\w.&'-]*){0,2}"
SOURCES_LIST = re.compile(rf"\s*{SOURCE_ITEM}(?:\s*[/|,;]\s*{SOURCE_ITEM})+\s*|\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{{2,}}\s*",
                          re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…:;\"'»”)\]]\s*$")
# A list's item: a bullet, an arrow or a dash, then a space; the line before it ends a sentence or
# opens the list with a colon.
LIST_ITEM = re.compile(r"[-•→*·▪►–—]\s+\S")
LIST_OPENED = re.compile(r"[.!?…:\"'»”)\]]\s*\Z")
MAX_SOURCES_LINE = 120


def _reads_as_sentence(line: str) -> bool:
    """"Smirnov said, talks go on." ends like a sentence: a full stop after a last item of
    several words (a sources line ends in an outlet or a domain: "Kremlin.ru", "PAP")."""
    stripped = line.strip()
    last = re.split(r"[/|,;]", stripped)[-1].strip()
    return stripped.endswith(".") and " " in last
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class LoaderData:
    lang: str
    name: str
    alphabet: frozenset[str]
    stopwords: frozenset[str]
    legacy_encodings: tuple[str, ...]
    boilerplate_cues: tuple[str, ...]
    sources_cues: tuple[str, ...]


def loader_data(lang: str) -> LoaderData:
    raw = load_data("loader", lang, LOADER_SPEC)
    return LoaderData(
        lang=lang,
        name=raw["name"],
        alphabet=frozenset(raw["alphabet"].lower()),
        stopwords=frozenset(w.lower() for w in raw["stopwords"]),
        legacy_encodings=tuple(raw.get("legacy_encodings", ())),
        boilerplate_cues=tuple(c.casefold() for c in raw["boilerplate_cues"]),
        sources_cues=tuple(c.casefold() for c in raw["sources_cues"]),
    )


# --------------------------------------------------------------------------- inputs

def iter_inputs(paths: Iterable[str | Path]) -> Iterator[str]:
    """Expand the command line's FILE arguments: `-` stays, a directory yields its `*.txt` and
    `*.md` files recursively (sorted; hidden files, gold files and LICENSE/README skipped).

    A directory with no texts, or a missing path, is yielded as it is: `load_path` then raises the
    one-line error for it, so that the caller reports it beside the other inputs.
    """
    for raw in paths:
        name = str(raw)
        path = Path(name)
        if name == STDIN or not path.is_dir():
            yield name
            continue
        found = sorted(
            p for p in path.rglob("*")
            if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()
            and not NOT_TEXTS.search(p.name)
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        yield from (str(p) for p in found) if found else (name,)


def _too_big(max_bytes: int) -> str:
    return f"larger than {max_bytes:,} bytes (--max-bytes); split it, or raise the limit"


def read_bytes(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of `path` (`-`: standard input), at most `max_bytes` of them: a larger input is
    refused without being read whole."""
    name = STDIN_NAME if path == STDIN else display_name(path)
    if path == STDIN:
        raw = sys.stdin.buffer.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise InputError(f"{name}: {_too_big(max_bytes)}")
        return raw
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{name}: directory has no .txt or .md texts")
    try:
        with p.open("rb") as f:
            raw = f.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise InputError(f"{name}: {_too_big(max_bytes)}")
        return raw
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None


def load_path(path: str | Path, lang: str = "auto", date: str | Date | None = None,
              source: str | None = None, max_bytes: int = MAX_BYTES) -> LoadedText:
    """Read one input (`-` is standard input) and return it decoded, with metadata and paragraphs."""
    name = str(path)
    raw = read_bytes(name, max_bytes)
    return load_bytes(raw, STDIN_NAME if name == STDIN else display_name(name), lang=lang, date=date,
                      source=source, max_bytes=max_bytes)


def display_name(path: str) -> str:
    """A path as it can be printed: the bytes of a file name that is not UTF-8 (which Python keeps as
    lone surrogates) become U+FFFD."""
    return printable(path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def printable(text: str) -> str:
    """`text` without lone surrogates (a YAML escape "\\ud800" makes one), which no output can encode."""
    return text.encode("utf-8", "replace").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in text) else text


def checked_date(value: str | Date, what: str) -> str:
    """An ISO date YYYY-MM-DD or YYYY-MM of the calendar (years 1–9999), else a one-line InputError
    saying what gave it. A `datetime.date` (the library's callers, YAML's dates) is taken as its ISO day."""
    if isinstance(value, Date):
        return value.isoformat()[:ISO_DAY_LENGTH]
    if not isinstance(value, str):
        raise InputError(f"{what} {value!r} is not a date YYYY-MM-DD or YYYY-MM")
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError
        Date.fromisoformat(value if len(value) == 10 else f"{value}-01")
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date YYYY-MM-DD or YYYY-MM (years 0001–9999)") from None
    return value


def load_bytes(raw: bytes, path: str, lang: str = "auto", date: str | Date | None = None,
               source: str | None = None, max_bytes: int = MAX_BYTES) -> LoadedText:
    if lang != "auto" and lang not in SUPPORTED:
        raise LanguageError(f"unsupported language {lang!r}: readouts reads {_supported()}")
    if len(raw) > max_bytes:
        raise InputError(f"{path}: {_too_big(max_bytes)}")
    if date is not None:
        date = checked_date(date, "--date")
    if not raw.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text")
    text, encoding = decode(raw, path, lang)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    detected = lang if lang != "auto" else detect_language(text, path)
    loaded = LoadedText(path=path, text=text, lang=detected, encoding=encoding, source=source)
    _read_structure(loaded, loader_data(detected))
    if date:
        loaded.published, loaded.published_from = date, "option"
        loaded.published_assumed = date if len(date) == ISO_DAY_LENGTH else None
    elif loaded.published and len(loaded.published) == ISO_DAY_LENGTH:
        loaded.published_assumed = loaded.published
    return loaded


# --------------------------------------------------------------------------- decoding

def decode(raw: bytes, path: str = "", lang: str = "auto") -> tuple[str, str]:
    """Decode to text: UTF-8 (BOM removed) when the bytes are valid UTF-8, else the legacy
    encoding that charset-normalizer proposes and the language detection confirms."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, bom = raw[3:], True
    else:
        bom = False
    try:
        return raw.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        if bom:
            raise InputError(f"{path}: undecodable: starts with a UTF-8 BOM but is not UTF-8") from None
    return _decode_legacy(raw, path, lang)


def _decode_legacy(raw: bytes, path: str, lang: str) -> tuple[str, str]:
    langs = SUPPORTED if lang == "auto" else (lang,)
    allowed = {enc: code for code in langs for enc in loader_data(code).legacy_encodings}
    undecodable = InputError(f"{path}: undecodable: not UTF-8"
                             + (f", and not {_names(allowed.values())} text in {', '.join(allowed)}" if allowed else ""))
    if not allowed:
        raise undecodable
    # charset-normalizer proposes and ranks the candidates by coherence; on short texts cp1251
    # and KOI8-R (or cp1250 and cp1251) can come close, so the language decides: the candidate
    # that reads as the language its encoding belongs to, best by its rank, wins, ties going to
    # the ranking. Every allowed encoding is tried after the proposals: on one line of text
    # charset-normalizer may propose none of them.
    best: tuple[tuple, str, str] | None = None
    for text, encoding in _legacy_candidates(raw, allowed):
        code = allowed[encoding]
        scores = _language_scores(text)
        if code not in scores or (lang == "auto" and _detect(text) != code):
            continue
        rank = scores[code]
        if best is None or rank > best[0]:
            best = (rank, text, encoding)
    if best is None:
        raise undecodable
    return best[1], best[2]


def _legacy_candidates(raw: bytes, allowed: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(text, encoding): charset-normalizer's proposals among `allowed`, then the rest of them."""
    from charset_normalizer import from_bytes  # lazy: only legacy files need it

    seen = set()
    for match in from_bytes(raw, cp_isolation=list(allowed)):
        if match.encoding in allowed and match.encoding not in seen:
            seen.add(match.encoding)
            yield str(match), match.encoding
    for encoding in allowed:
        if encoding not in seen:
            try:
                yield raw.decode(encoding), encoding
            except UnicodeDecodeError:
                continue


# --------------------------------------------------------------------------- language

def _names(codes: Iterable[str]) -> str:
    return " or ".join(dict.fromkeys(loader_data(c).name for c in codes))


def _supported() -> str:
    return ", ".join(f"{loader_data(c).name} ({c})" for c in SUPPORTED)


def _language_scores(text: str) -> dict[str, tuple[float, float, int]]:
    """Per supported language whose alphabet covers the text (see MIN_ALPHABET): its rank
    (stopword share, share of the letters that are its own non-ASCII letters, minus the size of
    its alphabet). Between two languages without stopword evidence, the one whose own letters
    occur wins, then the one with the smaller alphabet: "Biden warned Putin." is English."""
    sample = text[:DETECT_CHARS].lower()
    letters = Counter(c for c in sample if c.isalpha())
    total = sum(letters.values())
    words = WORD.findall(sample)
    if not total or not words:
        return {}
    datas = [loader_data(code) for code in SUPPORTED]
    supported = frozenset().union(*(d.alphabet for d in datas))
    scores = {}
    for data in datas:
        own = sum(n for c, n in letters.items() if c in data.alphabet)
        ascii_letters = sum(n for c, n in letters.items() if c.isascii() and c not in data.alphabet)
        quoted = sum(n for c, n in letters.items() if c not in data.alphabet and c in supported and not c.isascii())
        outside = total - own - ascii_letters - quoted
        if outside > (1 - MIN_ALPHABET) * total or quoted > MAX_QUOTED * total:
            continue
        # ASCII letters are tolerated above, but most letters must be the language's own: an
        # English text is not Russian because all its letters are "tolerated".
        if own < total / 2:
            continue
        accented = sum(n for c, n in letters.items() if c in data.alphabet and not c.isascii())
        share = sum(1 for w in words if w in data.stopwords) / len(words)
        scores[data.lang] = (share, accented / total, -len(data.alphabet))
    return scores


def _detect(text: str) -> str | None:
    """pl, en or ru, or None (see MIN_STOPWORDS and SHORT_WORDS)."""
    scores = _language_scores(text)
    if not scores:
        return None
    code, (share, accented, _) = max(scores.items(), key=lambda kv: kv[1])
    if share >= MIN_STOPWORDS:
        return code
    words = [w for w in WORD.findall(text[:DETECT_CHARS]) if not w.isdigit()]
    # a short text may lack the function words, but only a few words may lack all of them: two
    # sentences of German with no English, Polish or Russian one are not English
    if len(words) <= SHORT_WORDS and (share > 0 or len(words) <= BARE_WORDS) and _reads_as_words(words):
        return code
    # a longer text may have few function words, but its own letters (ą, ł, ж …) still tell
    own = [c for c, rank in scores.items() if rank[1] >= OWN_LETTERS]
    if len(own) == 1 and scores[own[0]][0] > 0:
        return own[0]
    return None


def _reads_as_words(words: list[str]) -> bool:
    """Whether the words of a short text look like words of prose, not like bytes decoded in the
    wrong code page: short enough, capitals only at their start ("пУТИН" is KOI8-R read as cp1251)."""
    odd = sum(1 for w in words if len(w) > MAX_WORD or (any(c.isupper() for c in w[1:]) and not w.isupper()))
    return bool(words) and odd <= ODD_WORDS * len(words)


def detect_language(text: str, path: str = "") -> str:
    """pl, en or ru; LanguageError naming the supported languages for anything else."""
    code = _detect(text)
    if code is not None:
        return code
    where = f"{path}: " if path else ""
    raise LanguageError(f"{where}not a language readouts reads (it reads {_supported()}); "
                        "if this is wrong, give --lang")


# --------------------------------------------------------------------------- structure

def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, stop) of each line from `start`, stop before the line end (LF, CRLF or a lone CR)."""
    pos = start
    for m in LINE_END.finditer(text, start):
        yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _trim(text: str, start: int, stop: int) -> Region | None:
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return Region(start, stop) if stop > start else None


def _front_matter(loaded: LoadedText) -> int:
    """Read YAML front matter (date, title, source_url); return where the body starts."""
    import yaml

    text = loaded.text
    fence = FRONT_MATTER_FENCE.match(text)
    if not fence:
        return 0
    end = FRONT_MATTER_END.search(text, fence.end())
    if not end:
        return 0
    try:
        meta = yaml.load(text[fence.end():end.start()], Loader=_front_matter_loader())
    except yaml.YAMLError as e:
        raise InputError(f"{loaded.path}: front matter is not valid YAML ({str(e).splitlines()[0]})") from None
    except RecursionError:
        raise InputError(f"{loaded.path}: front matter is not valid YAML (nested too deeply)") from None
    if not isinstance(meta, dict):
        return 0
    loaded.published = _iso(meta.get("date"), f"{loaded.path}: front matter date")
    loaded.published_from = "metadata" if loaded.published else None
    if isinstance(meta.get("title"), str):
        loaded.title = printable(" ".join(meta["title"].split()))
    if isinstance(meta.get("source_url"), str):
        loaded.source_url = printable(meta["source_url"].strip())
    loaded.skipped.append((Region(0, end.end()), "front_matter"))
    return end.end()


@cache
def _front_matter_loader() -> type:
    """PyYAML's safe loader that leaves timestamps as strings: "2021-02-31" is then our one-line
    error (checked_date), not PyYAML's ValueError."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return Loader


def _iso(value: Any, what: str) -> str | None:
    """The front matter's date as ISO (a date, or the date at the start of a timestamp string)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, Date):
        return value.isoformat()[:ISO_DAY_LENGTH]
    if isinstance(value, str):
        m = ISO_DATE.match(value.strip())
        return checked_date(m.group(0), what) if m else None
    return None


def _date_line(loaded: LoadedText, body: int) -> int:
    """Read a leading ` date YYYY-MM[-DD]` line; return where the content starts (the lede may
    follow the date on the same line)."""
    m = DATE_LINE.match(loaded.text, body)
    if not m:
        return body
    if not loaded.published:
        loaded.published = checked_date(m.group(1), f"{loaded.path}: the date line's date")
        loaded.published_from = "metadata"
    loaded.skipped.append((Region(m.start(), m.end()), "metadata"))
    return m.end()


def _read_structure(loaded: LoadedText, data: LoaderData) -> None:
    text = loaded.text
    body = _front_matter(loaded)
    body = _date_line(loaded, body)

    # 1. classify lines; blank lines separate paragraphs
    lines: list[tuple[Region, str | None]] = []    # (trimmed line, reason it is not content)
    after_end = False
    for start, stop in _lines(text, body):
        region = _trim(text, start, stop)
        if region is None:
            lines.append((Region(start, stop), "blank"))
            continue
        line = text[region.start:region.stop]
        if after_end:
            reason = "after_end_marker"
        elif END_MARKER.fullmatch(line):
            reason, after_end = "end_marker", True
        elif HEADING.match(line):
            reason = "heading"
            if loaded.title is None:
                loaded.title = line.lstrip("#").strip()
        elif line.casefold().startswith(data.boilerplate_cues):
            reason = "boilerplate"
        elif line.casefold().startswith(data.sources_cues):
            reason = "sources"
        else:
            reason = None
        lines.append((region, reason))

    # 2. a content line repeated verbatim is a plug (donation appeal, newsletter box). A line
    # seen twice is only a plug when it is not a sentence: press articles repeat the lede's
    # sentences in the body, which is content.
    counts = Counter(text[r.start:r.stop] for r, why in lines if why is None)
    for i, (r, why) in enumerate(lines):
        line = text[r.start:r.stop]
        if why is None and (counts[line] >= 3 or (counts[line] == 2 and not SENTENCE_END.search(line))):
            lines[i] = (r, "boilerplate")

    # 3. the final sources line: the last non-blank line when it only lists outlets
    for i in range(len(lines) - 1, -1, -1):
        r, why = lines[i]
        if why == "blank":
            continue
        line = text[r.start:r.stop]
        if why is None and len(line) <= MAX_SOURCES_LINE and SOURCES_LIST.fullmatch(line) \
                and not _reads_as_sentence(line) \
                and (i == 0 or lines[i - 1][1] in ("blank", "boilerplate", "sources")):
            lines[i] = (r, "sources")
        break

    # 4. paragraphs: runs of content lines between blank (or skipped) lines; a list's item ("- …",
    # "• …", "→ …") after a line that ends a sentence or opens the list is a paragraph of its own
    run: list[Region] = []
    for r, why in lines + [(Region(len(text), len(text)), "blank")]:
        if why is None and run and LIST_ITEM.match(text, r.start) and \
                LIST_OPENED.search(text, run[-1].start, run[-1].stop):
            loaded.paragraphs.append(Region(run[0].start, run[-1].stop))
            run = []
        if why is None:
            run.append(r)
            continue
        if run:
            loaded.paragraphs.append(Region(run[0].start, run[-1].stop))
            run = []
        if why != "blank":
            loaded.skipped.append((r, why))
    if loaded.title is None and loaded.paragraphs:
        first = loaded.paragraphs[0]
        line = text[first.start:first.stop]
        if "\n" not in line and len(line) <= 200 and not SENTENCE_END.search(line):
            loaded.title = line
