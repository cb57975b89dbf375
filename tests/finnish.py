"""Finnish interface text: the pieces of the Finnish catalogues that Swedish pages must not show.

A piece of a Finnish ``msgstr`` (the portal's, Django's and every installed app's) whose Swedish
``msgstr`` differs or is missing (Django then falls back to the Finnish one, ``LANGUAGE_CODE``):
the pieces between placeholders and tags, of at least ``SHORTEST_WORD`` letters, and each word
of such a piece on its own (Finnish written into the code, outside the catalogue, shares its
words with it). A piece or word that occurs in some Swedish ``msgstr`` (ELO, TNO, Excel) is a
name, not Finnish. Pieces are compared word by word, whole words only, ignoring case. Used by
the Swedish walk of the browser tests and by the error pages' test.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings as django_settings

SHORTEST_WORD = 4  # letters a one-word Finnish piece needs (shorter ones: "ja", "ei", "klo")
WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
# Where a msgstr is cut into pieces: placeholders, tags, line breaks and sentence marks.
CUT = re.compile(
    r"%\(\w+\)[sdifr]|%[sdifr]|\{[\w.]*\}|<[^>]*>|[\n\r\t]|[.:;!?()\"“”«»…|/\u2013\u2014]"
)


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, lower-cased: what a Finnish piece is compared by."""
    return tuple(match.lower() for match in WORD.findall(text))


def catalogue_dirs() -> list[Path]:
    """Where the portal, Django and each installed app keep their translations."""
    dirs = [Path(path) for path in django_settings.LOCALE_PATHS]
    dirs += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    dirs.append(Path(django.__file__).parent / "conf" / "locale")
    return [folder for folder in dirs if folder.is_dir()]


def messages(folder: Path, language: str) -> dict:
    """``msgid → msgstr`` of one compiled catalogue (plural forms keyed ``(msgid, n)``)."""
    path = folder / language / "LC_MESSAGES" / "django.mo"
    if not path.exists():
        return {}
    with path.open("rb") as file:
        return dict(gettext.GNUTranslations(file)._catalog)  # type: ignore[attr-defined]


@dataclass
class FinnishStrings:
    """The Finnish interface pieces, each with the msgid it translates."""

    single: dict[str, str] = field(default_factory=dict)  # word → msgid
    # first word → [(words, msgid)]
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def found_in(self, text: str) -> list[tuple[str, str, int, int]]:
        """The pieces ``text`` holds: (Finnish words, msgid, where they start and end)."""
        said = list(WORD.finditer(text))
        lowered = [match.group().lower() for match in said]
        found = []
        for index, word in enumerate(lowered):
            if word in self.single:
                found.append((word, self.single[word], said[index].start(), said[index].end()))
            for piece, msgid in self.multi.get(word, ()):
                last = index + len(piece) - 1
                if tuple(lowered[index : last + 1]) == piece:
                    found.append((" ".join(piece), msgid, said[index].start(), said[last].end()))
        return found


@functools.cache
def finnish_strings() -> FinnishStrings:
    """Every piece of a Finnish msgstr whose Swedish translation says something else or is
    missing (Django then falls back to the Finnish catalogue, ``LANGUAGE_CODE``)."""
    pairs: list[tuple[str, str]] = []  # (Finnish, msgid)
    swedish_texts: list[str] = []
    for folder in catalogue_dirs():
        finnish, swedish = messages(folder, "fi"), messages(folder, "sv")
        swedish_texts += [text for key, text in swedish.items() if key]
        for key, text in finnish.items():
            msgid = (key[0] if isinstance(key, tuple) else key).split("\x04")[-1]
            # Without a Swedish translation Django falls back to the Finnish one.
            if msgid and swedish.get(key) != text:
                pairs.append((text, msgid))
    swedish_words = {word for text in swedish_texts for word in words(text)}
    swedish_said = " \n ".join(" ".join(words(text)) for text in swedish_texts)
    strings = FinnishStrings()
    seen: set[tuple[str, ...]] = set()
    for said, msgid in pairs:
        for part in CUT.split(said):
            piece = words(part)
            if not piece or piece in seen or sum(len(word) for word in piece) < SHORTEST_WORD:
                continue
            seen.add(piece)
            if any(word.isdigit() for word in piece):
                continue
            # Each Finnish word of the piece on its own too: text built in Finnish in the
            # code, outside the catalogue, is found by the words it shares with it.
            for word in piece:
                if len(word) >= SHORTEST_WORD and word not in swedish_words:
                    strings.single.setdefault(word, msgid)
            if len(piece) > 1 and f" {' '.join(piece)} " not in swedish_said:
                strings.multi[piece[0]].append((piece, msgid))
    return strings
