"""The fuzz campaign: the properties of `tests/properties.py` over as many generated inputs as asked.

    python tests/fuzz.py --examples 100000 --out fuzz-report      # `make fuzz FUZZ_EXAMPLES=100000`

Unlike the property tests, a broken property does not stop the run: each failure is counted by
family (exception type and the innermost frame of readouts that raised it), one input per family is
kept in --out, and an input that runs longer than --hang seconds counts as a hang (the slowest input
is kept too). Prints a summary and writes `--out/report.json` (every 500 inputs, and at the end);
exits 1 when anything failed.
"""
from __future__ import annotations

import argparse
import faulthandler
import json
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from properties import inputs, run_input, same_again  # noqa: E402


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def family(error: BaseException) -> str:
    """The exception type and where in readouts (or, failing that, anywhere) it was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/readouts/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    if isinstance(error, AssertionError):
        return f"property: {str(error).split(':')[0][:60]} ({where})"
    return f"{type(error).__name__} ({where})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--hang", type=int, default=30, help="seconds after which an input is a hang")
    parser.add_argument("--again", type=int, default=10, help="check determinism on one input in N")
    parser.add_argument("--out", type=Path, default=Path("fuzz-report"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    # a library that crashes the interpreter (a segfault) ends the campaign: say where, at least;
    # the input being run is in --out/current.bin
    faulthandler.enable()
    outcomes: Counter[str] = Counter()
    families: Counter[str] = Counter()
    slowest = [0.0, b""]
    started = time.monotonic()
    signal.signal(signal.SIGALRM, _alarm)

    @settings(max_examples=args.examples, phases=[Phase.generate], database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(inputs())
    def campaign(case):
        raw, lang, when = case
        n = sum(outcomes.values())
        t0 = time.monotonic()
        (args.out / "current.bin").write_bytes(raw)
        signal.alarm(args.hang)
        try:
            outcome = run_input(raw, lang, when)
            if n % args.again == 0:
                same_again(raw, lang, when, outcome)
            outcomes[outcome.result] += 1
        except Exception as e:  # noqa: BLE001 - counted, the campaign goes on
            name = "hang" if isinstance(e, Hang) else family(e)
            outcomes["failed"] += 1
            if not families[name]:
                safe = "".join(c if c.isalnum() else "_" for c in name)[:80]
                (args.out / f"{safe}.bin").write_bytes(raw)
                (args.out / f"{safe}.txt").write_text(
                    f"lang={lang} date={when}\n{''.join(traceback.format_exception(e))}", encoding="utf-8")
            families[name] += 1
        finally:
            signal.alarm(0)
        spent = time.monotonic() - t0
        if spent > slowest[0]:
            slowest[:] = [spent, raw]
            (args.out / "slowest.bin").write_bytes(raw)
            (args.out / "slowest.txt").write_text(f"lang={lang} date={when} seconds={spent:.1f}\n", encoding="utf-8")
        if (n + 1) % 500 == 0:
            print(f"{n + 1} inputs, {dict(outcomes)}, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
            write_report()          # so far: a campaign cut short still reports

    def write_report() -> dict:
        report = {"inputs": sum(outcomes.values()), "outcomes": dict(outcomes),
                  "families": dict(families.most_common()), "seconds": round(time.monotonic() - started),
                  "slowest_s": round(slowest[0], 2)}
        (args.out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        return report

    campaign()
    print(json.dumps(write_report(), indent=2, ensure_ascii=False))
    return 1 if outcomes["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
