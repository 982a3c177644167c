"""natasha's Russian models — slovnet's morphology tagger, syntax parser and NER tagger over the
navec embedding — rebuilt quickly from plain data in the user's cache.

Loading them as natasha does reads four tar files, ungzips four copies of one 250,000-word
vocabulary and builds a dict for each: about 0.7 s, plus 0.3 s for natasha's own imports (yargy
and more, which we never use). The first run builds the models with slovnet and navec from
natasha's data files and stores them in one cache folder (`readouts.cache`): every weight array as
`.npy` (read back memory-mapped, with allow_pickle=False), each model's structure as slovnet's own
JSON scheme, and the vocabularies as JSON, the shared word list once. Later runs rebuild the three
slovnet models from that folder with one word index for all three. natasha itself is never
imported: its data files are found on disk. Reading the folder runs no code; a folder that does
not read back is rebuilt.
"""
from __future__ import annotations

import contextlib
import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, ContextManager

from readouts import cache
from readouts.errors import BackendError

STORE = "natasha-models"
STORE_VERSION = "1"
META = "store.json"
EMBEDDING = "emb/navec_news_v1_1B_250K_300d_100q.tar"
MODELS = {            # kind -> natasha's data file of the slovnet model
    "morph": "model/slovnet_morph_news_v1.tar",
    "syntax": "model/slovnet_syntax_news_v1.tar",
    "ner": "model/slovnet_ner_news_v1.tar",
}


def _parts(kind: str) -> tuple[Any, Any, Any, Any, Any]:
    """slovnet's API class, executable model, encoder, decoder and inference of `kind`, as
    slovnet's own `load` methods put them together."""
    from slovnet import api
    from slovnet.exec import encoders, infer, model

    return {
        "morph": (api.Morph, model.Morph, encoders.TagEncoder, infer.TagDecoder, infer.MorphInfer),
        "syntax": (api.Syntax, model.Syntax, encoders.SyntaxEncoder, infer.SyntaxDecoder, infer.SyntaxInfer),
        "ner": (api.NER, model.NER, encoders.TagEncoder, infer.TagDecoder, infer.NERInfer),
    }[kind]


def one_blas_thread() -> Callable[[], ContextManager[Any]]:
    """A context in which numpy's BLAS runs on one thread. slovnet multiplies small matrices, where
    OpenBLAS's worker threads only wait for each other: on a busy 2-core machine Russian analysis
    ran ten times slower with them. Without threadpoolctl, BLAS keeps its threads."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return contextlib.nullcontext
    controller = ThreadpoolController()
    return lambda: controller.limit(limits=1, user_api="blas")


def natasha_data() -> Path:
    spec = importlib.util.find_spec("natasha")
    if spec is None or spec.origin is None:
        raise BackendError("the natasha package is needed here; install it with: pip install natasha")
    return Path(spec.origin).parent / "data"


def load_models() -> dict[str, Any]:
    """kind -> slovnet model (`morph`, `syntax`, `ner`), from the cache when it is there."""
    import navec
    import slovnet

    data = natasha_data()
    # a reinstalled slovnet or navec rewrites its files: their times are part of the key
    sources = [data / EMBEDDING, *(data / f for f in MODELS.values()),
               Path(slovnet.__file__), Path(navec.__file__)]
    key = f"{STORE_VERSION}|{cache.source_stamp(sources)}"
    folder = cache.entry_path(STORE, key)
    if cache.enabled() and folder.is_dir():
        try:
            return read_store(folder)
        except (OSError, ValueError, KeyError, IndexError, TypeError):
            pass                            # not what we wrote: build it again
    embedding, models = build(data)
    if cache.enabled():
        cache.store(STORE, key, "", lambda tmp: write_store(tmp, embedding, models))
    return models


def build(data: Path) -> tuple[Any, dict[str, Any]]:
    """The navec embedding and the models as natasha builds them: slovnet's packs, each given the
    embedding."""
    import navec

    embedding = navec.Navec.load(str(data / EMBEDDING))
    return embedding, {kind: _parts(kind)[0].load(str(data / path)).navec(embedding)
                       for kind, path in MODELS.items()}


def write_store(folder: Path, embedding: Any, models: dict[str, Any]) -> None:
    import numpy as np

    folder.mkdir()
    np.save(folder / "navec-indexes.npy", embedding.pq.indexes, allow_pickle=False)
    np.save(folder / "navec-codes.npy", embedding.pq.codes, allow_pickle=False)
    word_lists: list[list[str]] = []
    meta: dict[str, Any] = {"navec": embedding.meta.id, "models": {}, "words": word_lists}
    for kind, api in models.items():
        infer = api.infer
        arrays, scheme = infer.model.strip_navec().separate_arrays()
        for array_id, array in arrays.items():
            np.save(folder / f"{kind}-{array_id}.npy", np.asarray(array), allow_pickle=False)
        words = infer.encoder.words_vocab.items
        if words not in word_lists:
            word_lists.append(words)
        labels = getattr(infer.decoder, infer.decoder.__attributes__[0])    # tags or relations
        meta["models"][kind] = {
            "scheme": scheme.as_json, "arrays": sorted(arrays), "words": word_lists.index(words),
            "shapes": infer.encoder.shapes_vocab.items, "labels": labels.items, "batch_size": api.batch_size,
        }
    (folder / META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def read_store(folder: Path) -> dict[str, Any]:
    import numpy as np
    from slovnet.vocab import Vocab

    def array(name: str) -> Any:
        return np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)

    meta = json.loads((folder / META).read_text(encoding="utf-8"))
    navec = SimpleNamespace(meta=SimpleNamespace(id=meta["navec"]),
                            pq=SimpleNamespace(indexes=array("navec-indexes"), codes=array("navec-codes")))
    words = [Vocab(items) for items in meta["words"]]     # one index for the models that share it
    models = {}
    for kind in MODELS:
        m = meta["models"][kind]
        api_class, model_class, encoder_class, decoder_class, infer_class = _parts(kind)
        arrays = {int(i): array(f"{kind}-{int(i)}") for i in m["arrays"]}
        model = model_class.from_json(m["scheme"]).inject_arrays(arrays).inject_navec(navec)
        encoder = encoder_class(words[m["words"]], Vocab(m["shapes"]), m["batch_size"])
        infer = infer_class(model, encoder, decoder_class(Vocab(m["labels"])))
        models[kind] = api_class(infer, m["batch_size"])
    return models
