"""Framework wording kept as plain data, read in the page's language.

A report version's snapshot and a ``values()`` row hold the Finnish text with its Swedish
and English beside it, not model instances; these read them as ``lib.translation.localized``
reads a model's field: the active language's text, else the Finnish one marked as such.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any, cast

from lib.translation import TRANSLATION_LANGUAGES, LocalizedText, localized


def localized_row(row: Mapping[str, Any], key: str) -> LocalizedText:
    """``row[key]`` in the active language, from ``key_sv`` and ``key_en`` beside it."""
    words = SimpleNamespace(text=row[key] or "")
    for code in TRANSLATION_LANGUAGES:
        setattr(words, f"text_{code}", row.get(f"{key}_{code}") or "")
    return localized(cast(Any, words), "text")


def snapshot_text(item: Mapping[str, Any], key: str, index: int | None = None) -> LocalizedText:
    """A snapshot item's ``key`` (the ladder's ``index``-th title for ``"ladder"``) in the
    active language, from the translations kept beside it (``versions._translations``).
    A version kept before translations has none: its Finnish text."""
    row = {"text": item.get(key, "") if index is None else item[key][index][1]}
    for code in TRANSLATION_LANGUAGES:
        kept = item.get("translations", {}).get(code, {}).get(key, "")
        if index is not None:
            kept = kept[index] if index < len(kept) else ""
        row[f"text_{code}"] = kept
    return localized_row(row, "text")
