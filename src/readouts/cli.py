"""The `readouts` command: thin Typer commands over the library, and the one error boundary.

The library returns data and raises `ReadoutsError` subclasses; only this module prints errors and
exits. Every message is one line on stderr; a traceback appears only with --debug.
"""
from __future__ import annotations

import os
import re
import signal
import sys
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterable, Iterator, Optional

import typer
from rich.console import Console

from readouts import __version__
from readouts.errors import InputError, ReadoutsError
from readouts.model import MAX_BYTES, Comparison, Extraction, LoadedText
from readouts.report import Format, resolve_format

if TYPE_CHECKING:
    from readouts.corpus import Options, Result, Task
    from readouts.report.progress import Progress, Tally

STDIN = "-"
SIDES = ("LEFT", "RIGHT")
EXIT_INTERRUPTED = 130      # the shell's status for a command ended by Ctrl-C (128 + SIGINT)

err = Console(stderr=True, highlight=False, soft_wrap=True)  # one error = one line, never wrapped

app = typer.Typer(
    name="readouts",
    help="Who said what to whom on a leader call: claims, actors and dates from Polish, English "
         "and Russian readouts and press reports, and the comparison of two accounts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,     # main() turns them on for --debug
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
models_app = typer.Typer(help="List the installed Stanza models, or download them.",
                         epilog="Examples:\n\n  readouts models\n\n  readouts models download pl en ru\n\n"
                                "  readouts models --models ~/stanza_resources",
                         invoke_without_command=True, add_completion=False)
app.add_typer(models_app, name="models")


class Lang(str, Enum):
    auto = "auto"
    pl = "pl"
    en = "en"
    ru = "ru"


class Code(str, Enum):
    pl = "pl"
    en = "en"
    ru = "ru"


class Source(str, Enum):
    whitehouse = "whitehouse"
    kremlin = "kremlin"
    press = "press"
    ministry = "ministry"


class Backend(str, Enum):
    auto = "auto"
    offline = "offline"
    stanza = "stanza"


class What(str, Enum):
    claims = "claims"
    dates = "dates"
    actors = "actors"


def _check_date(value: Optional[str]) -> Optional[str]:
    from datetime import date

    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}", value):       # month grain, as a ` date YYYY-MM` line
            date.fromisoformat(value + "-01")
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
        else:
            raise ValueError
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD or a month YYYY-MM") from None
    return value


def _check_per_side(values: Optional[list]) -> Optional[list]:
    """--lang / --date of compare: once for both accounts, twice for LEFT then RIGHT."""
    if values and len(values) > len(SIDES):
        raise typer.BadParameter(f"give it once (both accounts) or twice (LEFT, then RIGHT), not {len(values)} times")
    # typer converts what a callback returns once more: give enum members back as their values
    return [v.value if isinstance(v, Enum) else v for v in values] if values else values


def _check_dates(values: Optional[list[str]]) -> Optional[list[str]]:
    return _check_per_side([_check_date(v) for v in values] if values else values)


def _show_version(value: bool) -> None:
    if value:
        print(f"readouts {__version__}")
        raise typer.Exit()


# Shared options, defined once.
FormatOpt = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="table (default), json, jsonl, csv, yaml, md or html (a self-contained page); "
                           "else taken from --output's suffix.",
    case_sensitive=False, show_default=False)]
WhatOpt = Annotated[Optional[What], typer.Option(
    "--what", "-w", help="csv/table/jsonl: one row (jsonl: one flat line) per claim (csv default), date or actor.",
    show_default=False)]
LangOpt = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the input; auto detects it.",
                                       case_sensitive=False)]
DateOpt = Annotated[Optional[str], typer.Option(
    "--date", "-d", help="Publication date YYYY-MM-DD or month YYYY-MM (overrides the text's and its "
    "dateline; anchors relative dates).",
    callback=_check_date, show_default=False)]
SourceOpt = Annotated[Optional[Source], typer.Option(
    "--source", "-s", help="Kind of source, instead of detecting it.", show_default=False)]
BackendOpt = Annotated[Backend, typer.Option(
    "--backend", "-b", help="NLP backend: stanza where its models are installed, else offline.")]
ModelsOpt = Annotated[Optional[Path], typer.Option(
    "--models", help="Folder of Stanza models (default $STANZA_RESOURCES_DIR or ~/stanza_resources).",
    show_default=False)]
OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write here (atomically) instead of standard output.", show_default=False,
    dir_okay=False)]
JobsOpt = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, help="Processes working on several inputs (default: the number of cores).",
    show_default=False)]
ExplainOpt = Annotated[bool, typer.Option("--explain", help="Show the rule that found each claim.")]
SidesLangOpt = Annotated[Optional[list[Lang]], typer.Option(
    "--lang", "-l", help="Language of both accounts, or give it twice: LEFT's, then RIGHT's (--lang en --lang ru); "
                         "auto detects it.", case_sensitive=False, callback=_check_per_side, show_default=False)]
SidesDateOpt = Annotated[Optional[list[str]], typer.Option(
    "--date", "-d", help="Publication date YYYY-MM-DD of both accounts, or twice: LEFT's, then RIGHT's.",
    callback=_check_dates, show_default=False)]
CompareExplainOpt = Annotated[bool, typer.Option("--explain", help="Show the reasons behind each match's score.")]
MaxBytesOpt = Annotated[int, typer.Option(
    "--max-bytes", min=1, help="Refuse an input larger than this many bytes (memory and time grow with it).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")]


@contextmanager
def reported(debug: bool) -> Iterator[None]:
    """The error boundary: a ReadoutsError becomes one line and its exit code; anything else one
    line and exit 2, with the traceback only under --debug."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
        raise
    except ReadoutsError as e:
        if debug:
            raise
        err.print(f"readouts: error: {e}", markup=False)
        raise typer.Exit(e.exit_code) from None
    except Exception as e:  # noqa: BLE001 - the boundary: no traceback reaches the user
        if debug:
            raise
        err.print(f"readouts: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)",
                  markup=False)
        raise typer.Exit(2) from None


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", "-V", callback=_show_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Who said what to whom on a leader call."""


@app.command(epilog="Examples:\n\n"
             "  readouts extract article.txt\n\n"
             "  readouts extract corpus/ --format csv --output claims.csv\n\n"
             "  readouts extract corpus/ --jobs 2 --format jsonl --what claims | jq .actor\n\n"
             "  readouts extract kresy.txt --date 2021-12-31 --format json\n\n"
             "  readouts extract a.txt b.md --format csv --what dates\n\n"
             "  cat article.txt | readouts extract - --lang ru --explain")
def extract(
    files: Annotated[list[str], typer.Argument(help="Text or Markdown files, folders (*.txt, *.md, recursively), or - for stdin.",
                                               show_default=False)],
    format: FormatOpt = None, what: WhatOpt = None, lang: LangOpt = Lang.auto, date: DateOpt = None,
    source: SourceOpt = None, backend: BackendOpt = Backend.auto, models: ModelsOpt = None,
    output: OutputOpt = None, explain: ExplainOpt = False, jobs: JobsOpt = None, max_bytes: MaxBytesOpt = MAX_BYTES,
    debug: DebugOpt = False,
) -> None:
    """Extract claims, actors and dates from each input.

    Several inputs are read by --jobs processes; JSONL and CSV are written in input order as each
    input is done, with a progress bar on a terminal and a summary line on stderr.
    """
    from readouts.load import iter_inputs
    from readouts.report import check_output

    with reported(debug):
        fmt = resolve_format(format, output)     # before the work: a bad --output fails at once
        settings = Settings(lang.value, date, source.value if source else None, backend.value,
                            str(models) if models else None, debug, max_bytes)
        several = len(files) > 1 or any(Path(f).is_dir() for f in files if f != "-")
        paths = list(iter_inputs(files))
        target = Target(fmt, check_output(output, paths), what.value if what else None, explain, several)
        raise typer.Exit(extract_inputs(paths, settings, jobs, target))


@app.command(epilog="Examples:\n\n"
             "  readouts compare whitehouse.txt kremlin.txt\n\n"
             "  readouts compare wh.md kremlin-ru.txt --format json --output pair.json\n\n"
             "  readouts compare wh.md kremlin-ru.txt -o report.html\n\n"
             "  readouts compare wh.md press.txt --lang en --lang pl --date 2022-02-12 --date 2022-02-13 --explain")
def compare(
    left: Annotated[str, typer.Argument(help="One account of the call (- for stdin).", show_default=False)],
    right: Annotated[str, typer.Argument(help="The other account.", show_default=False)],
    format: FormatOpt = None, lang: SidesLangOpt = None, date: SidesDateOpt = None,
    backend: BackendOpt = Backend.auto, models: ModelsOpt = None, output: OutputOpt = None,
    explain: CompareExplainOpt = False, max_bytes: MaxBytesOpt = MAX_BYTES, debug: DebugOpt = False,
) -> None:
    """Match the claims of two accounts of one call: same, conflicting, one-sided."""
    from readouts.report import check_output

    with reported(debug):
        fmt = resolve_format(format, output)
        both = Settings(Lang.auto.value, None, None, backend.value, str(models) if models else None, debug,
                        max_bytes)
        target = check_output(output, [left, right])
        write_comparison(compare_inputs(left, right, side_settings(both, lang, date)), fmt, target, explain)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command(epilog="Examples:\n\n"
             "  readouts evaluate my-annotations/\n\n"
             "  readouts evaluate my-annotations/ --cases\n\n"
             "  readouts evaluate my-annotations/ --format json --output scores.json")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.gold.yaml files (the contract's format) beside "
                                                  "NAME.txt or NAME.md.", show_default=False)],
    format: Annotated[Optional[EvalFormat], typer.Option(
        "--format", "-f", help="table (default) or json; else taken from --output's suffix.", case_sensitive=False,
        show_default=False)] = None,
    cases: Annotated[bool, typer.Option("--cases", help="Also a row per case.")] = False,
    backend: BackendOpt = Backend.auto, models: ModelsOpt = None, output: OutputOpt = None,
    jobs: JobsOpt = None, debug: DebugOpt = False,
) -> None:
    """Score readouts against your own gold annotations: detection, strict and full F1 per language,
    attribute accuracy, dates and a confusion table of acts (the figures of the contract's scorer)."""
    with reported(debug):
        report = evaluate_gold(gold_dir, backend.value, str(models) if models else None, jobs)
        suffix = output.suffix.lower() if output is not None else ""
        write_evaluation(report, format == EvalFormat.json or (format is None and suffix == ".json"), output, cases)
        raise typer.Exit(1 if report["failures"] else 0)


@models_app.callback()
def models_list(ctx: typer.Context, models: ModelsOpt = None, debug: DebugOpt = False) -> None:
    """List the installed Stanza models (readouts models), or download some (readouts models download pl ru)."""
    if ctx.invoked_subcommand is not None:
        return
    from readouts.analyse.models import installed_models, resources_dir

    with reported(debug):
        found = installed_models(str(models) if models else None)
        print(f"Stanza models in {resources_dir(str(models) if models else None)}:")
        for code in ("pl", "en", "ru"):
            print(f"  {code}: {', '.join(found.get(code, [])) or 'none (the offline backend is used)'}")


@models_app.command("download", epilog="Example:\n\n  readouts models download pl en ru --models ~/stanza_resources")
def models_download(
    langs: Annotated[list[Code], typer.Argument(help="Languages: pl, en, ru.", show_default=False)],
    models: ModelsOpt = None, debug: DebugOpt = False,
) -> None:
    """Download the Stanza models for LANGS (needs network)."""
    from readouts.analyse.models import download_models

    with reported(debug):
        wanted = [code.value for code in langs]
        download_models(wanted, str(models) if models else None)
        err.print(f"downloaded Stanza models for {', '.join(wanted)}")


# --------------------------------------------------------------------------- the work behind the commands

@dataclass(frozen=True)
class Settings:
    lang: str
    date: str | None
    source: str | None
    backend: str
    models: str | None
    debug: bool
    max_bytes: int = MAX_BYTES


def _load_one(path: str, s: Settings) -> LoadedText:
    from readouts.load import load_path

    return load_path(path, lang=s.lang, date=s.date, source=s.source, max_bytes=s.max_bytes)


MAX_SKIP_LINES = 5      # per document; the count line says how many there were in all


def report_skipped(extraction: Extraction) -> None:
    """The sentences a stage skipped (see readouts.boundary), on stderr: the first few, and a count."""
    skipped = extraction.skipped
    path = extraction.document.path
    for skip in skipped[:MAX_SKIP_LINES]:
        err.print(f"readouts: warning: {path}: {skip}", markup=False)
    if skipped:
        n = len(skipped)
        err.print(f"readouts: warning: {path}: {n} sentence{'s' if n != 1 else ''} skipped, the rest read",
                  markup=False)


def _stdin_hint(paths: list[str]) -> None:
    if STDIN in paths and sys.stdin.isatty():
        err.print("readouts: reading the text from standard input (end with Ctrl-D)…", style="dim")


@dataclass(frozen=True)
class Target:
    """Where and how the extractions are written."""
    format: Format | None
    output: Path | None
    what: str | None
    explain: bool
    several: bool


def extract_inputs(paths: list[str], s: Settings, jobs: int | None, target: Target) -> int:
    """Extract every input and write the report as the results come, in input order; return the
    exit status. With several inputs a failing one is reported on stderr and the rest go on, and a
    summary line closes the run; with one, its error goes to the boundary."""
    from readouts import corpus
    from readouts.report import STREAMED, resolve_format
    from readouts.report.progress import Tally, progress

    _stdin_hint(paths)
    options = corpus.Options(s.lang, s.date, s.source, s.backend, s.models, s.max_bytes)
    tasks = (_task(path, options) for path in paths)
    tally = Tally(len(paths))
    # the bar stays off a terminal that is receiving streamed lines
    streaming_here = resolve_format(target.format, target.output) in STREAMED and target.output is None \
        and sys.stdout.isatty()
    corpus_mode = len(paths) > 1
    interrupted = False
    with progress(err, len(paths), corpus_mode and err.is_terminal and not streaming_here) as bar, \
            closing(corpus.run(tasks, jobs, capture=target.several and not s.debug)) as results:
        try:
            done = _tallied(results, tally, bar)
            first = next(done, None)
            if first is not None:
                write_report(chain([first], done), target)
        except KeyboardInterrupt:
            interrupted = True
    if corpus_mode or interrupted:
        err.print(tally.summary(interrupted), style="dim", markup=False)
    if interrupted:
        return EXIT_INTERRUPTED
    return 0 if not tally.failed else 1 if tally.done > tally.failed else 2


def _task(path: str, options: "Options") -> "Task":
    """Standard input is read here, the files by whoever extracts them."""
    from readouts import corpus
    from readouts.load import STDIN_NAME, read_bytes

    if path == STDIN:
        return corpus.Task(STDIN_NAME, data=read_bytes(STDIN), options=options)
    return corpus.Task(path, path=path, options=options)


def _report_one(result: "Result", tally: "Tally", bar: "Progress") -> bool:
    """Count one result and move the bar; a failure is one line on stderr. True for an extraction."""
    failed = not isinstance(result, Extraction)
    tally.count(result)
    if failed:
        bar.log(f"readouts: error: {result.message}")
    else:
        report_skipped(result)
        _warn_unanchored(result)
    bar.advance(result.path if failed else result.document.path)
    return not failed


def _tallied(results: Iterable["Result"], tally: "Tally", bar: "Progress") -> Iterator[Extraction]:
    """The extractions among the results, each failure reported as it comes."""
    return (result for result in results if _report_one(result, tally, bar))


def write_report(done: Iterable[Extraction], target: Target) -> None:
    from readouts.report import RENDERERS, ReportOptions, open_output, resolve_format

    renderer = RENDERERS[resolve_format(target.format, target.output)]
    with open_output(target.output) as out:
        renderer(done, out, ReportOptions(what=target.what, explain=target.explain, several=target.several))


def per_side(values: Optional[list], default):
    """(left, right) from a per-side option: the default, one value for both, or one each."""
    if not values:
        return default, default
    return values[0], values[-1]


def side_settings(both: Settings, langs: Optional[list[Lang]], dates: Optional[list[str]]) -> tuple[Settings, Settings]:
    """Each account's settings: `both`, with its side's --lang and --date."""
    left, right = (replace(both, lang=lang.value, date=date)
                   for lang, date in zip(per_side(langs, Lang.auto), per_side(dates, None)))
    return left, right


def compare_inputs(left: str, right: str, sides: tuple[Settings, Settings]) -> Comparison:
    """Load both accounts, each with its side's settings, and compare them."""
    from readouts import pipeline

    if left == STDIN and right == STDIN:
        raise InputError("only one of LEFT and RIGHT can be - (standard input)")
    _stdin_hint([left, right])
    s = sides[0]
    comparison = pipeline.compare_loaded(_load_one(left, s), _load_one(right, sides[1]), s.backend, s.models)
    for extraction in (comparison.left, comparison.right):
        report_skipped(extraction)
        _warn_unanchored(extraction)
    return comparison


UNANCHORED_SHOWN = 3        # relative dates quoted in the warning


def _warn_unanchored(extraction: Extraction) -> None:
    """One line on stderr when the text's relative dates could not be resolved for want of a
    publication day (no metadata, no dateline with a year), naming --date."""
    doc = extraction.document
    if not doc.unanchored:
        return
    quoted = ", ".join(f"'{t}'" for t in doc.unanchored[:UNANCHORED_SHOWN])
    more = ", …" if len(doc.unanchored) > UNANCHORED_SHOWN else ""
    n = len(doc.unanchored)
    err.print(f"readouts: warning: {doc.path}: {n} relative date{'s' if n > 1 else ''} could not be "
              f"anchored ({quoted}{more}); give the publication date with --date YYYY-MM-DD", markup=False)


def write_comparison(comparison: Comparison, fmt: Format, output: Path | None, explain: bool) -> None:
    from readouts.report import COMPARE_RENDERERS, ReportOptions, open_output

    renderer = COMPARE_RENDERERS[fmt]
    with open_output(output) as out:
        renderer(comparison, out, ReportOptions(explain=explain))


def evaluate_gold(gold_dir: Path, backend: str, models: str | None, jobs: int | None) -> dict:
    from readouts.evaluate import evaluate_cases, find_cases
    from readouts.report.progress import Tally, progress

    cases = find_cases(gold_dir)
    tally = Tally(len(cases))
    with progress(err, tally.total, err.is_terminal) as bar:
        return evaluate_cases(cases, jobs, backend, models, on_result=lambda r: _report_one(r, tally, bar))


def write_evaluation(report: dict, as_json: bool, output: Path | None, cases: bool) -> None:
    from readouts.report import console_for, open_output
    from readouts.report.evaluation import render_evaluation, write_evaluation_json

    with open_output(output) as out:
        if as_json:
            write_evaluation_json(report, out)
        else:
            render_evaluation(report, console_for(out), cases)


def main() -> None:
    """Console entry point: SIGPIPE quiet (`readouts extract … | head`), usage errors in one line,
    Ctrl-C ends with status 130 and no traceback, tracebacks for --debug."""
    # natasha's models compute through OpenBLAS, whose threads fight over the cores of a busy
    # machine (ten times slower measured on 2 cores); one thread is enough for a text
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    app.pretty_exceptions_enable = "--debug" in sys.argv[1:]
    try:
        code = app(standalone_mode=False)
    except typer.TyperException as e:      # click's errors (typer vendors click)
        if type(e).__name__ == "NoArgsIsHelpError":      # `readouts extract` alone: its help
            e.show()
        else:                               # a usage error: one line, like every other error
            err.print(f"readouts: error: {usage_message(e)}", markup=False)
        code = e.exit_code
    except (KeyboardInterrupt, typer.Abort):
        code = EXIT_INTERRUPTED
    except BrokenPipeError:   # platforms without SIGPIPE
        sys.stderr.close()
        code = 0
    sys.exit(code or 0)


def usage_message(e) -> str:
    """A click error in one line, with where to find the usage."""
    # typer validates choices through pydantic, whose messages start "Value error, "
    message = " ".join(e.format_message().split()).replace("Value error, ", "")
    ctx = getattr(e, "ctx", None)
    return f"{message} (see: {ctx.command_path} --help)" if ctx is not None else message
