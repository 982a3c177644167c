"""The `readouts` command: thin Typer commands over the library, and the one error boundary.

The library returns data and raises `ReadoutsError` subclasses; only this module prints errors and
exits. Every message is one line on stderr; a traceback appears only with --debug.
"""
from __future__ import annotations

import os
import re
import signal
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console

from readouts import __version__
from readouts.errors import InputError, ReadoutsError
from readouts.model import MAX_BYTES, Comparison, Extraction, LoadedText
from readouts.report import Format

STDIN = "-"

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
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None
    return value


def _show_version(value: bool) -> None:
    if value:
        print(f"readouts {__version__}")
        raise typer.Exit()


# Shared options, defined once.
FormatOpt = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="table (default), json, jsonl, csv or yaml; else taken from --output's suffix.",
    case_sensitive=False, show_default=False)]
WhatOpt = Annotated[Optional[What], typer.Option(
    "--what", "-w", help="csv/table: one row per claim (csv default), date or actor.", show_default=False)]
LangOpt = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the input; auto detects it.",
                                       case_sensitive=False)]
DateOpt = Annotated[Optional[str], typer.Option(
    "--date", "-d", help="Publication date YYYY-MM-DD (overrides the text's; anchors relative dates).",
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
ExplainOpt = Annotated[bool, typer.Option("--explain", help="Show the rule that found each claim.")]
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
             "  readouts extract kresy.txt --date 2021-12-31 --format json\n\n"
             "  readouts extract a.txt b.md --format csv --what dates\n\n"
             "  cat article.txt | readouts extract - --lang ru --explain")
def extract(
    files: Annotated[list[str], typer.Argument(help="Text or Markdown files, folders (*.txt, *.md, recursively), or - for stdin.",
                                               show_default=False)],
    format: FormatOpt = None, what: WhatOpt = None, lang: LangOpt = Lang.auto, date: DateOpt = None,
    source: SourceOpt = None, backend: BackendOpt = Backend.auto, models: ModelsOpt = None,
    output: OutputOpt = None, explain: ExplainOpt = False, max_bytes: MaxBytesOpt = MAX_BYTES,
    debug: DebugOpt = False,
) -> None:
    """Extract claims, actors and dates from each input."""
    from readouts.load import iter_inputs
    from readouts.report import check_output

    with reported(debug):
        settings = Settings(lang.value, date, source.value if source else None, backend.value,
                            str(models) if models else None, debug, max_bytes)
        several = len(files) > 1 or any(Path(f).is_dir() for f in files if f != "-")
        paths = list(iter_inputs(files))
        target = check_output(output, paths)
        done, failed = extract_inputs(paths, settings, stop_on_error=not several)
        if done:
            write_report(done, format, target, what.value if what else None, explain, several)
        if failed:
            raise typer.Exit(1 if done else 2)


@app.command(epilog="Examples:\n\n"
             "  readouts compare whitehouse.txt kremlin.txt\n\n"
             "  readouts compare wh.md kremlin-ru.txt --format json --output pair.json")
def compare(
    left: Annotated[str, typer.Argument(help="One account of the call (- for stdin).", show_default=False)],
    right: Annotated[str, typer.Argument(help="The other account.", show_default=False)],
    format: FormatOpt = None, lang: LangOpt = Lang.auto, date: DateOpt = None,
    backend: BackendOpt = Backend.auto, models: ModelsOpt = None, output: OutputOpt = None,
    explain: ExplainOpt = False, max_bytes: MaxBytesOpt = MAX_BYTES, debug: DebugOpt = False,
) -> None:
    """Match the claims of two accounts of one call: same, conflicting, one-sided."""
    from readouts.report import check_output

    with reported(debug):
        settings = Settings(lang.value, date, None, backend.value, str(models) if models else None, debug,
                            max_bytes)
        target = check_output(output, [left, right])
        write_comparison(compare_inputs(left, right, settings), format, target, explain)


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


def _extract_one(path: str, s: Settings) -> Extraction:
    from readouts import pipeline

    extraction = pipeline.extract_loaded(_load_one(path, s), s.backend, s.models)
    report_skipped(extraction)
    return extraction


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


def extract_inputs(paths: list[str], s: Settings, stop_on_error: bool) -> tuple[list[Extraction], int]:
    """Extract every input (`iter_inputs` expanded). With several inputs a failing one is reported
    on stderr and the rest go on; with one, its error goes to the boundary. Returns the extractions
    and the failures."""
    _stdin_hint(paths)
    done: list[Extraction] = []
    failed = 0
    with _progress(len(paths)) as advance:
        for path in paths:
            try:
                done.append(_extract_one(path, s))
            except Exception as e:
                if stop_on_error or s.debug:
                    raise
                failed += 1
                from readouts.load import display_name

                name = display_name(path)
                message = str(e) if isinstance(e, ReadoutsError) else f"internal error: {type(e).__name__}: {e}"
                what = message if message.startswith(name) else f"{name}: {message}"
                err.print(f"readouts: error: {what}", markup=False)
            advance(path)
    return done, failed


@contextmanager
def _progress(total: int) -> Iterator:
    """A transient progress bar on stderr for several inputs, shown only on a terminal."""
    if total < 2 or not err.is_terminal:
        yield lambda path: None
        return
    from rich.markup import escape
    from rich.progress import Progress

    from readouts.load import display_name

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("reading", total=total)
        yield lambda path: progress.update(task, advance=1, description=escape(display_name(Path(path).name)[:40]))


def write_report(done: list[Extraction], fmt: Format | None, output: Path | None, what: str | None,
                 explain: bool, several: bool) -> None:
    from readouts.report import RENDERERS, ReportOptions, open_output, resolve_format

    renderer = RENDERERS[resolve_format(fmt, output)]
    with open_output(output) as out:
        renderer(done, out, ReportOptions(what=what, explain=explain, several=several))


def compare_inputs(left: str, right: str, s: Settings) -> Comparison:
    from readouts import pipeline

    if left == STDIN and right == STDIN:
        raise InputError("only one of LEFT and RIGHT can be - (standard input)")
    _stdin_hint([left, right])
    comparison = pipeline.compare_loaded(_load_one(left, s), _load_one(right, s), s.backend, s.models)
    report_skipped(comparison.left)
    report_skipped(comparison.right)
    return comparison


def write_comparison(comparison: Comparison, fmt: Format | None, output: Path | None, explain: bool) -> None:
    from readouts.report import COMPARE_RENDERERS, ReportOptions, open_output, resolve_format

    renderer = COMPARE_RENDERERS[resolve_format(fmt, output)]
    with open_output(output) as out:
        renderer(comparison, out, ReportOptions(explain=explain))


INTERRUPTED = 130       # the shell's status for a command ended by Ctrl-C (128 + SIGINT)


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
        code = INTERRUPTED
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
