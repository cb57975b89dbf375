"""Word diffs of two texts, for pages that show what changed between two versions (the
plan's versions, an annual report's versions). Whole words are marked; a change of spacing
alone marks nothing, yet the new text keeps its own line breaks, so a list of activities
still reads as a list."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

PieceKind = Literal["same", "delete", "insert"]

_TOKENS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Piece:
    """A run of words both texts share (``same``), or only the old (``delete``) or only the
    new (``insert``) has; ``templates/includes/word_diff.html`` shows them."""

    kind: PieceKind
    text: str


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The runs that turn ``old`` into ``new``, word by word (difflib). A replaced run shows
    as its deletion followed by its insertion, the way a reader follows an edit. Any run of
    spacing matches any other; the runs the texts share are shown as the new text has them."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, _keys(before), _keys(after), autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, "same", after[b_start:b_end])
            continue
        if a_end > a_start:
            _add(pieces, "delete", before[a_start:a_end])
        if b_end > b_start:
            _add(pieces, "insert", after[b_start:b_end])
    return tuple(pieces)


def _add(pieces: list[Piece], kind: PieceKind, tokens: list[str]) -> None:
    """Append a run; the spacing at a marked run's edges goes outside the mark, so the
    mark holds words only."""
    if kind != "same":
        start, end = 0, len(tokens)
        while start < end and tokens[start].isspace():
            start += 1
        while end > start and tokens[end - 1].isspace():
            end -= 1
        _add(pieces, "same", tokens[:start])
        if start < end:
            pieces.append(Piece(kind, "".join(tokens[start:end])))
        _add(pieces, "same", tokens[end:])
        return
    text = "".join(tokens)
    if not text:
        return
    if pieces and pieces[-1].kind == "same":
        pieces[-1] = Piece("same", pieces[-1].text + text)
    else:
        pieces.append(Piece("same", text))


def _keys(tokens: list[str]) -> list[str]:
    return [" " if token.isspace() else token for token in tokens]
