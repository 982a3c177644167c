"""The engine's code keeps to the rules the data depends on: language knowledge lives in
`lang/`, not in the extraction code or in compare/; functions in `extract/` are short; no
mechanism asks which language it runs on."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import readouts

SRC = Path(readouts.__file__).parent
EXTRACT = sorted((SRC / "extract").rglob("*.py"))
LANGUAGE_FREE = EXTRACT + sorted((SRC / "compare").rglob("*.py"))
MAX_FUNCTION_LINES = 40
# names under which the code reads the words of a text
WORD_READERS = frozenset({"text", "texts", "lemma", "lemmas", "verb_lemmas", "fold", "keys"})


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _docstrings(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and \
                isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            ids.add(id(body[0].value))
    return ids


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = _tree(path)
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip]


def _mentions_words(node: ast.AST) -> bool:
    """Whether an expression reads the words of a text: a word's text or lemma, or a folded form."""
    for sub in ast.walk(node):
        name = sub.attr if isinstance(sub, ast.Attribute) else sub.id if isinstance(sub, ast.Name) else None
        if name in WORD_READERS:
            return True
    return False


def _word_constants(node: ast.AST) -> list[str]:
    """String constants with letters that an expression is made of: a literal, or a tuple,
    list or set of them (not a name passed to a call, such as a word class's)."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return [c.value for c in items
            if isinstance(c, ast.Constant) and isinstance(c.value, str) and any(ch.isalpha() for ch in c.value)]


@pytest.mark.parametrize("path", EXTRACT, ids=lambda p: p.name)
def test_functions_in_extract_are_short(path):
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(_tree(path))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {long}"


@pytest.mark.parametrize("path", LANGUAGE_FREE, ids=lambda p: p.name)
def test_no_letters_of_the_languages_in_code(path):
    """Cyrillic or Polish letters in a string are language knowledge: they belong in lang/."""
    found = [(line, s) for line, s in _literals(path) if any(c.isalpha() and not c.isascii() for c in s)]
    assert not found, found


@pytest.mark.parametrize("path", LANGUAGE_FREE, ids=lambda p: p.name)
def test_no_word_compared_with_the_text(path):
    """`fold(w.text) == "be"`, `lemma in ("said", "told")`: a word of a language compared with
    the text's words is a word list in Python; the data's word classes say it."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Compare) and len(node.comparators) == 1:
            sides = (node.left, node.comparators[0])
            for side, other in (sides, sides[::-1]):
                if _mentions_words(side) and _word_constants(other):
                    found.append((node.lineno, _word_constants(other)))
    assert not found, f"{path.name}: {found}"


@pytest.mark.parametrize("path", LANGUAGE_FREE, ids=lambda p: p.name)
def test_no_suffix_guesses_in_code(path):
    """`word.endswith("ed")` guesses a language's morphology: the analyser's features say it."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("endswith", "startswith", "removesuffix", "removeprefix"):
            found += [(node.lineno, a.value) for a in node.args
                      if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value.isalpha()]
    assert not found, found


@pytest.mark.parametrize("path", LANGUAGE_FREE, ids=lambda p: p.name)
def test_no_mechanism_asks_for_its_language(path):
    """`lang == "ru"`, `lang in ("pl", "ru")`: a language's special case inside a mechanism."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Compare):
            names = [n for n in [node.left, *node.comparators] if isinstance(n, (ast.Name, ast.Attribute))]
            asks = any((n.id if isinstance(n, ast.Name) else n.attr) == "lang" for n in names)
            if asks and any(_word_constants(n) for n in [node.left, *node.comparators]):
                found.append(node.lineno)
    assert not found, f"{path.name}: comparisons with a language code at lines {found}"


def test_the_checks_catch_what_they_look_for(tmp_path):
    """The scanners above find a word list, a suffix guess and a language test when there is one."""
    bad = tmp_path / "bad.py"
    bad.write_text('def f(w, lang):\n    if lang == "ru" and w.text.endswith("ed") or fold(w.lemma) == "say":\n'
                   '        return 1\n    return "сказал"\n', encoding="utf-8")
    compare = [n for n in ast.walk(_tree(bad)) if isinstance(n, ast.Compare)]
    assert any(_mentions_words(n.left) and _word_constants(n.comparators[0]) == ["say"] for n in compare)
    assert [s for _, s in _literals(bad) if any(c.isalpha() and not c.isascii() for c in s)] == ["сказал"]
    calls = [n for n in ast.walk(_tree(bad)) if isinstance(n, ast.Call)]
    assert calls and calls[0].func.attr == "endswith"
