"""Stanza models on disk: where they live, which are installed, and how to get them.

Stanza keeps models as `<dir>/<lang>/<processor>/<package>.pt` plus `<dir>/resources.json`.
`<dir>` is `models_dir`, else $STANZA_RESOURCES_DIR, else ~/stanza_resources. Nothing here
imports stanza except `download_models`.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from readouts.errors import BackendError

# processors the stanza backend needs (mwt and ner are used where the language has them)
REQUIRED = ("tokenize", "pos", "lemma", "depparse")
OPTIONAL = ("mwt", "ner")


def resources_dir(models_dir: str | None = None) -> Path:
    if models_dir:
        return Path(models_dir).expanduser()
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env).expanduser() if env else Path.home() / "stanza_resources"


def installed_models(models_dir: str | None = None) -> dict[str, list[str]]:
    """lang -> ["processor/package", …] for every model file found on disk."""
    root = resources_dir(models_dir)
    found: dict[str, list[str]] = {}
    if not root.is_dir():
        return found
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        models = sorted(f"{proc.name}/{f.stem}" for proc in lang_dir.iterdir() if proc.is_dir()
                        for f in proc.glob("*.pt"))
        if models:
            found[lang_dir.name] = models
    return found


def processors_on_disk(lang: str, models_dir: str | None = None) -> set[str]:
    return {m.split("/")[0] for m in installed_models(models_dir).get(lang, [])}


def stanza_ready(lang: str, models_dir: str | None = None) -> bool:
    """Stanza importable and its required models for `lang` on disk."""
    if importlib.util.find_spec("stanza") is None:
        return False
    return set(REQUIRED) <= processors_on_disk(lang, models_dir)


def missing_models_message(lang: str, models_dir: str | None = None) -> str:
    return (f"Stanza models for {lang!r} are not in {resources_dir(models_dir)}: run "
            f"`readouts models download {lang}` (needs network) or set STANZA_RESOURCES_DIR "
            f"to a folder that has them")


def download_models(langs: list[str] | tuple[str, ...], models_dir: str | None = None) -> None:
    """Download the Stanza models for `langs` (needs network and the stanza extra)."""
    if importlib.util.find_spec("stanza") is None:
        raise BackendError("the stanza package is not installed: pip install 'readouts[stanza]'")
    import stanza
    root = str(resources_dir(models_dir))
    for lang in langs:
        try:
            # the default package has every processor we use (mwt only where the language has it)
            stanza.download(lang, model_dir=root, verbose=False)
        except Exception as e:  # stanza raises plain exceptions for network and unknown packages
            raise BackendError(f"could not download Stanza models for {lang!r} into {root}: {e}") from None
