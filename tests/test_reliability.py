"""Issue 17: every crash family the fuzzing found, the per-sentence boundary, input limits, safe
output, the signed cache, CSV quoting, Rich markup, one-line usage errors and Ctrl-C.

Each test runs the real pipeline (offline backend) or the real command on a small input."""
from __future__ import annotations

import csv
import io
import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readouts import pipeline
from readouts.errors import InputError, LanguageError, OutputError
from readouts.load import load_bytes, load_path

ROOT = Path(__file__).resolve().parents[1]
READOUTS = [sys.executable, "-c", "import sys; from readouts.cli import main; sys.argv[0] = 'readouts'; main()"]


def extract(text: str | bytes, lang: str = "auto", date: str | None = None):
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    loaded = load_bytes(raw, "t.txt", lang=lang, date=date)
    return loaded, pipeline.extract_loaded(loaded, "offline")


def command(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*READOUTS, *args], input=stdin, capture_output=True, cwd=cwd, timeout=120)


def offsets_hold(loaded, ex) -> None:
    for c in ex.claims:
        assert loaded.text[c.start:c.stop] == c.sentence
    for d in ex.dates:
        assert loaded.text[d.start:d.stop] == d.text


# --------------------------------------------------------------------------- crash families

@pytest.mark.parametrize("mark", ["\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_polish_text_with_zero_width_marks_is_read(mark):
    loaded, ex = extract(f"Prezydent Andrzej Duda rozmawiał{mark} z prezydentem Joe Bidenem. "
                         f"Duda{mark} zapewnił, że Polska wesprze Ukrainę.", "pl")
    assert any(c.actor == "Andrzej Duda" for c in ex.claims) and not ex.skipped
    offsets_hold(loaded, ex)


@pytest.mark.parametrize("token", ["1" * 20_000, "1." * 20_000, "-".join(["słowo"] * 3000)])
def test_a_huge_polish_token_does_not_crash_morfeusz(token):
    # libmorfeusz2 overflows its stack on thousands of digits: a segfault that no except catches
    code = ("import sys; from readouts.load import load_bytes; from readouts import pipeline; "
            f"ex = pipeline.extract_loaded(load_bytes(('Prezydent Duda powiedział ' + {token!r}).encode(), 'x', "
            "lang='pl'), 'offline'); print(len(ex.claims))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-500:]


def test_replacement_character_in_polish_text_makes_no_stderr_noise(capfd):
    extract("Prezydent Duda\ufffd zapewnił Bidena\ufffd, że Polska pomoże.", "pl")
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("text,lang", [
    ("Biden warned Putin that the US would respond.¹ The call lasted an hour on 7 December 2021.", "en"),
    ("Путин заявил, что Россия ответит.² Разговор состоялся 7 декабря 2021 года.", "ru"),
    ("Duda zapewnił, że Polska pomoże.³ Rozmowa odbyła się 7 grudnia 2021 r.", "pl"),
    ("On ²⁰²¹ December ⁷ and on ٣ May, Biden said that ½ of it was agreed.", "en"),
])
def test_unicode_digits_are_not_numbers(text, lang):
    loaded, ex = extract(text, lang)
    assert ex.claims and not ex.skipped
    assert all(d.value.isascii() for d in ex.dates)
    offsets_hold(loaded, ex)


def test_russian_letters_without_a_unicode_name_do_not_stop_the_analyser():
    loaded, ex = extract("Путин заявил, что \U00017000\U00017001 не имеет значения. Песков подтвердил это.", "ru")
    assert ex.claims and not ex.skipped


@pytest.mark.parametrize("anchor,text", [
    ("9999-12-31", "Biden said tomorrow, next week, next year and on Monday he will talk again; in 9999 years too."),
    ("0001-01-01", "Biden said yesterday, last week, last year and last Monday they talked; 5 years ago as well."),
])
def test_dates_beyond_the_calendar_are_left_out(anchor, text):
    loaded, ex = extract(text, "en", date=anchor)
    assert ex.claims
    assert all("0001" <= d.value[:4] <= "9999" and len(d.value) in (4, 7, 10) for d in ex.dates)


@pytest.mark.parametrize("head,message", [
    ("---\ndate: 2021-02-31\n---\n", "front matter date '2021-02-31'"),
    ("---\ndate: 0000-01-01\n---\n", "front matter date '0000-01-01'"),
    (" date 2021-13\n", "the date line's date '2021-13'"),
    (" date 2021-02-30\n", "the date line's date '2021-02-30'"),
    ("---\ntitle: " + "[" * 121 + "\n---\n",
     "front matter is not valid YAML"),
])
def test_impossible_metadata_dates_are_one_line_errors(head, message):
    with pytest.raises(InputError) as e:
        load_bytes((head + "Biden warned Putin.").encode(), "t.md")
    assert message in str(e.value) and "\n" not in str(e.value)


def test_front_matter_timestamp_and_escaped_surrogate_title():
    loaded = load_bytes('---\ndate: 2021-12-07 10:30:00\ntitle: "A \\ud800 title"\n---\nBiden warned Putin.'.encode(), "t.md")
    assert loaded.published == "2021-12-07"
    loaded.title.encode("utf-8")


def test_date_option_out_of_the_calendar_is_refused():
    with pytest.raises(InputError, match="--date '2021-02-30'"):
        load_bytes(b"Biden warned Putin.", "t.txt", date="2021-02-30")


# --------------------------------------------------------------------------- shapes and languages

@pytest.mark.parametrize("text,lang", [
    ("Biden warned Putin.", "en"), ("Путин предупредил Байдена.", "ru"), ("Biden ostrzegł Putina.", "pl"),
])
def test_one_sentence_is_read(text, lang):
    assert load_bytes(text.encode(), "t.txt").lang == lang


@pytest.mark.parametrize("text,encoding,lang", [
    ("Prezydent Duda rozmawiał z Bidenem o sytuacji na Ukrainie.", "cp1250", "pl"),
    ("Putin ostrzegł Bidena.", "cp1250", "pl"),
    ("Путин предупредил Байдена.", "cp1251", "ru"),
    ("Путин предупредил Байдена в пятницу.", "koi8_r", "ru"),
])
def test_one_line_in_a_legacy_encoding_is_read(text, encoding, lang):
    loaded = load_bytes(text.encode(encoding), "t.txt")
    assert (loaded.text, loaded.lang, loaded.encoding) == (text, lang, encoding)


def test_an_english_article_quoting_a_russian_sentence_is_english():
    text = ("The Kremlin spokesman Dmitry Peskov told reporters on Monday that the talks were over. "
            "«Мы не собираемся ни на кого нападать», he said, and the White House said it was not true.")
    assert load_bytes(text.encode(), "t.txt").lang == "en"
    with pytest.raises(LanguageError):
        load_bytes("Il a dit qu'il ne participerait pas aux négociations et que c'était sa décision.".encode(), "t.txt")


def test_cr_only_line_ends_are_lines():
    text = "Biden warned Putin on Monday.\r\rPutin said that Russia would respond.\rThe call ended."
    loaded = load_bytes(text.encode(), "t.txt", lang="en")
    assert [loaded.text[r.start:r.stop] for r in loaded.paragraphs] == [
        "Biden warned Putin on Monday.", "Putin said that Russia would respond.\rThe call ended."]
    ex = pipeline.extract_loaded(loaded, "offline")
    assert all("\r\r" not in c.sentence for c in ex.claims)


def test_a_line_without_punctuation_is_cut_into_bounded_sentences():
    from readouts.analyse.segment import MAX_SENTENCE_TOKENS

    text = " ".join(["Biden warned Putin that Russia would pay and"] * 400)
    loaded, ex = extract(text, "en")
    analysis = pipeline.analyse_loaded(loaded, "offline")
    assert len(analysis.sentences) > 1
    assert all(len(s.tokens) <= MAX_SENTENCE_TOKENS for s in analysis.sentences)
    assert analysis.sentences[0].start == 0 and analysis.sentences[-1].stop == len(text)
    offsets_hold(loaded, ex)


def test_max_bytes_refuses_a_larger_input(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Biden warned Putin that the talks were over. " * 40)
    with pytest.raises(InputError, match="larger than 1,000 bytes"):
        load_path(path, max_bytes=1000)
    assert load_path(path, max_bytes=2000).lang == "en"
    with pytest.raises(InputError, match="larger than 1,000 bytes"):
        load_bytes(path.read_bytes(), "x", max_bytes=1000)


# --------------------------------------------------------------------------- the per-sentence boundary

def test_an_analyser_failing_on_one_sentence_skips_that_sentence(monkeypatch):
    from readouts.analyse.offline_en import EnglishAnalyser

    original = EnglishAnalyser.analyse

    def fails_on_boom(self, text, paragraphs):
        if any("BOOM" in text[r.start:r.stop] for r in paragraphs):
            raise IndexError("tuple index out of range")
        return original(self, text, paragraphs)

    monkeypatch.setattr(EnglishAnalyser, "analyse", fails_on_boom)
    text = "Biden warned Putin. BOOM went the line.\n\nPutin said that Russia would respond."
    loaded, ex = extract(text, "en")
    assert [s.stage for s in ex.skipped] == ["analyse"]
    assert text[ex.skipped[0].start:ex.skipped[0].stop] == "BOOM went the line."
    assert {c.sentence for c in ex.claims} == {"Biden warned Putin.", "Putin said that Russia would respond."}


def test_a_date_rule_failing_on_one_sentence_skips_that_sentence(monkeypatch):
    from readouts.extract import dates

    original = dates._Parser.parse

    def fails_on_boom(self):
        if "BOOM" in self.text:
            raise ValueError("bad rule")
        return original(self)

    monkeypatch.setattr(dates._Parser, "parse", fails_on_boom)
    loaded, ex = extract("On 7 December 2021 Biden warned Putin. BOOM on 8 December 2021.", "en")
    assert [d.value for d in ex.dates] == ["2021-12-07"]
    assert [s.stage for s in ex.skipped] == ["dates"] and "ValueError: bad rule" in str(ex.skipped[0])


def test_skipped_sentences_are_reported_on_stderr_with_a_count(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Biden warned Putin. BOOM went the line.", encoding="utf-8")
    code = ("import sys; from readouts.analyse.offline_en import EnglishAnalyser as E; o = E.analyse\n"
            "def f(self, text, paragraphs):\n"
            "    if any('BOOM' in text[r.start:r.stop] for r in paragraphs): raise IndexError('x')\n"
            "    return o(self, text, paragraphs)\n"
            "E.analyse = f\n"
            f"sys.argv = ['readouts', 'extract', {str(path)!r}, '-f', 'json']\n"
            "from readouts.cli import main; main()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and json.loads(out.stdout)["claims"]
    assert out.stderr.splitlines() == [
        f"readouts: warning: {path}: analyse: skipped the sentence at 20–39 (IndexError: x)",
        f"readouts: warning: {path}: 1 sentence skipped, the rest read"]


# --------------------------------------------------------------------------- the command

@pytest.mark.parametrize("args,message", [
    (["extract", "x.txt", "--lang", "xx"], "'xx' is not one of"),
    (["extract", "x.txt", "--format", "bogus"], "'bogus' is not one of"),
    (["extract", "x.txt", "--bogus"], "No such option: --bogus"),
    (["compare", "x.txt"], "Missing argument"),
    (["extract", "x.txt", "--date", "2021-02-30"], "is not a date"),
])
def test_usage_errors_are_one_line(args, message):
    out = command(*args)
    lines = out.stderr.decode().splitlines()
    assert out.returncode == 2 and len(lines) == 1 and message in lines[0] and lines[0].startswith("readouts: error:")


def test_date_at_the_ends_of_the_calendar_runs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Biden warned Putin on Monday that next year would be hard.", encoding="utf-8")
    for when in ("9999-12-31", "0001-01-01"):
        out = command("extract", str(path), "--date", when, "-f", "json")
        assert out.returncode == 0, out.stderr
        assert all("0001" <= d["value"] <= "9999-12-31" for d in json.loads(out.stdout)["dates"])


def test_output_is_checked_before_any_work(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Biden warned Putin.", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link.txt").symlink_to(path)
    for target, message in [(path, "is an input of this run"), (tmp_path / "link.txt", "is an input of this run"),
                            (tmp_path / "fifo", "not a regular file"), (tmp_path / "no" / "x.csv", "no such folder")]:
        out = command("extract", str(path), "-f", "json", "-o", str(target))
        assert out.returncode == 2 and message in out.stderr.decode() and out.stdout == b""
    assert path.read_text(encoding="utf-8") == "Biden warned Putin."


def test_output_through_a_symlink_keeps_the_link_and_new_files_follow_the_umask(tmp_path):
    from readouts.report.output import open_output

    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    (tmp_path / "link.json").symlink_to(real)
    with open_output(tmp_path / "link.json") as out:
        out.write("new")
    assert (tmp_path / "link.json").is_symlink() and real.read_text() == "new" and real.stat().st_mode & 0o777 == 0o640
    old = os.umask(0o027)
    try:
        with open_output(tmp_path / "new.json") as out:
            out.write("x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640
    with pytest.raises(OutputError, match="not a regular file"):
        with open_output(Path("/dev/null")) as out:
            out.write("x")


def waiting_for_input(pid: int, limit: float = 60.0) -> None:
    """Until the process blocks reading its standard input (Linux: its wait channel names a pipe
    read; elsewhere a few seconds): a signal before its start-up ends would meet Python's default."""
    wchan = Path(f"/proc/{pid}/wchan")
    if not wchan.exists():
        time.sleep(3)
        return
    deadline = time.monotonic() + limit
    while "pipe" not in wchan.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)


def test_ctrl_c_exits_130_without_a_traceback_or_a_file(tmp_path):
    proc = subprocess.Popen([*READOUTS, "extract", "-", "-o", str(tmp_path / "out.json")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    waiting_for_input(proc.pid)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_forked_worker_ends_with_an_interrupted_parent():
    def slow() -> int:
        time.sleep(60)
        return 1

    with pytest.raises(KeyboardInterrupt):
        with pipeline.forked(slow) as result:
            if result is None:
                pytest.skip("no fork or one core")
            raise KeyboardInterrupt
    with pipeline.forked(divmod, 7, 2) as result:
        if result is not None:
            assert result() == (3, 1)
    with pipeline.forked(int, "x") as result:
        if result is not None:
            with pytest.raises(ValueError):
                result()


# --------------------------------------------------------------------------- security

class Planted:
    def __reduce__(self):
        return (os.system, (f"touch {os.environ['PLANTED_MARK']}",))


def test_a_planted_cache_file_is_never_unpickled(tmp_path, monkeypatch):
    from readouts import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("PLANTED_MARK", str(tmp_path / "ran"))
    monkeypatch.delenv("READOUTS_NO_CACHE", raising=False)
    source = tmp_path / "source.bin"
    source.write_bytes(b"data")
    built = []
    build = lambda: built.append(1) or {"value": 1}          # noqa: E731
    assert cache.cached("thing", "1", [source], build, accept=lambda v: True) == {"value": 1}
    assert cache.cached("thing", "1", [source], build, accept=lambda v: True) == {"value": 1} and len(built) == 1
    entry = next((tmp_path / "cache" / "readouts").glob("thing-*"))
    entry.write_bytes(pickle.dumps(Planted()))
    assert cache.cached("thing", "1", [source], build, accept=lambda v: True) == {"value": 1}
    assert len(built) == 2 and not (tmp_path / "ran").exists()
    assert (tmp_path / "config" / "readouts" / "cache.key").stat().st_mode & 0o077 == 0


def test_csv_quotes_a_bare_cr_and_every_control_character():
    from readouts.report.structured import write_csv

    out = io.StringIO()
    write_csv([{"path": "a\rb.txt", "sentence": "x\r=HYPERLINK(1)", "n": 3, "c": "\x0b\x1c\u2028"}],
              ["path", "sentence", "n", "c"], out)
    assert out.getvalue() == 'path,sentence,n,c\n"a\rb.txt","x\r=HYPERLINK(1)",3,"\x0b\x1c\u2028"\n'
    assert len(list(csv.reader(io.StringIO(out.getvalue(), newline="")))) == 2


def test_paths_and_texts_are_never_markup(tmp_path):
    folder = tmp_path / "a["
    folder.mkdir()
    left = folder / "x]m.txt"
    left.write_text("Biden warned Putin [link=http://evil]here[/link] :smile: that sanctions would follow.",
                    encoding="utf-8")
    out = subprocess.run([*READOUTS, "extract", str(left)], capture_output=True, timeout=120,
                         env={**os.environ, "COLUMNS": "1000"})
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "[link=http://evil]here[/link] :smile:" in text and "a[/x]m.txt" in text and "\x1b]8;" not in text


# --------------------------------------------------------------------------- compare

def test_compare_of_long_accounts_prunes_pairs_and_keeps_the_best(monkeypatch):
    import readouts.compare as cmp
    import readouts.compare.features as features
    from readouts.compare.matter import matters

    left = pipeline.extract_loaded(load_path(ROOT / "corpora" / "pair-trump-putin-2025-03-18-kremlin.ru.txt"), "offline")
    right = pipeline.extract_loaded(load_path(ROOT / "corpora" / "pair-trump-putin-2025-03-18-wh.en.txt"), "offline")
    every = cmp.compare(left, right).to_dict()
    monkeypatch.setattr(features, "MAX_EXHAUSTIVE_PAIRS", 0)
    monkeypatch.setattr(features, "CANDIDATES", max(len(left.claims), len(right.claims)))
    assert cmp.compare(left, right).to_dict() == every          # all candidates: the same alignment
    monkeypatch.setattr(features, "CANDIDATES", 3)
    monkeypatch.setattr(features, "BLOCK_CELLS", 10)            # several row blocks
    sides_l = matters(left, cmp.load_config())
    sides_r = matters(right, cmp.load_config())
    sims = features.Similarities(sides_l, sides_r)
    pairs = set(sims.candidates())
    assert len(pairs) <= 3 * (len(sides_l) + len(sides_r))
    for i in range(len(sides_l)):
        best = max(range(len(sides_r)), key=lambda j: sims.content(i, j))
        assert (i, best) in pairs


def test_a_long_text_is_read_in_parts_with_the_same_result(monkeypatch):
    path = ROOT / "corpora" / "pl-pap-trump-putin-2025-03-18.txt"
    whole = pipeline.extract_loaded(load_path(path), "offline")
    monkeypatch.setattr(pipeline, "PART_CHARS", 1500)
    loaded = load_path(path)
    assert len(list(pipeline._parts(loaded))) > 2
    parts = pipeline.extract_loaded(loaded, "offline")
    assert [(c.start, c.actor, c.act, c.dates) for c in parts.claims] == \
        [(c.start, c.actor, c.act, c.dates) for c in whole.claims]
    assert [(d.start, d.value) for d in parts.dates] == [(d.start, d.value) for d in whole.dates]
    assert {a.name: set(a.mentions) for a in parts.actors} == {a.name: set(a.mentions) for a in whole.actors}


def test_words_share_their_features_read_only():
    loaded, _ = extract("Biden warned Putin. Putin warned Biden.", "en")
    words = [w for s in pipeline.analyse_loaded(loaded, "offline").sentences for w in s.words]
    assert words[0].feats is words[3].feats or words[0].feats != words[3].feats
    with pytest.raises(TypeError):
        words[1].feats["Tense"] = "Fut"


def test_a_paragraph_without_blank_lines_counts_as_several_for_the_later_stages():
    from readouts.analyse import MAX_PARAGRAPH_CHARS

    text = " ".join(f"Biden said on day {k} that the talks would go on." for k in range(2000))
    loaded, ex = extract(text, "en")
    sentences = pipeline.analyse_loaded(loaded, "offline").sentences
    spans: dict[int, list[int]] = {}
    for s in sentences:
        spans.setdefault(s.paragraph, []).extend((s.start, s.stop))
    assert sorted(spans) == list(range(len(spans))) and len(spans) > 1
    assert all(max(v) - min(v) <= MAX_PARAGRAPH_CHARS + 200 for v in spans.values())
    assert len(ex.claims) == 2000
    offsets_hold(loaded, ex)


def test_the_same_text_gives_the_same_claims_whatever_the_hash_seed(tmp_path):
    # a first-person statement that names a side with two leaders (Armenia's president and prime
    # minister): its author was once picked from a set, whose order changes with PYTHONHASHSEED
    text = tmp_path / "statement.ru.txt"
    text.write_text("Сегодня я провёл телефонный разговор с Президентом Франции Эммануэлем Макроном. "
                    "Я поблагодарил его за поддержку Армении. Мы обсудили отношения Армении и Франции, "
                    "и я пригласил его посетить Армению.\n", encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "readouts", "extract", str(text), "--date", "2025-09-16",
                              "--format", "json"], capture_output=True, text=True, env=env, check=True)
        outputs.add(json.dumps([(c["actor"], c["act"]) for c in json.loads(run.stdout)["claims"]]))
    assert len(outputs) == 1, outputs
    assert "Nikol Pashinyan" in outputs.pop()
