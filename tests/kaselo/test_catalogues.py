"""The Finnish and Swedish catalogues are complete: no message untranslated or fuzzy.

Django falls back to the msgid (English) for an untranslated message and ignores a fuzzy
one, so a visitor of ``/fi/`` or ``/sv/`` would read English in the middle of the page.
``make messages`` adds new msgids as untranslated or as fuzzy guesses; this test fails until
someone has written them. The catalogue is read as text (no gettext tools needed): entries
are separated by blank lines, flags sit on ``#,`` lines, obsolete entries start ``#~``.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = ("fi", "sv")


@dataclass
class Entry:
    msgid: str = ""
    msgstrs: list[str] = field(default_factory=list)
    fuzzy: bool = False


def read_catalogue(path: Path) -> list[Entry]:
    """The live entries of a .po file, the header left out."""
    entries: list[Entry] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        entry, current = Entry(), None
        for line in lines:
            if line.startswith("#,"):
                entry.fuzzy = entry.fuzzy or "fuzzy" in line
            elif line.startswith("#"):
                continue
            elif line.startswith(("msgid ", "msgstr")):
                keyword, _space, literal = line.partition(" ")
                current = keyword
                text = ast.literal_eval(literal)
                if keyword == "msgid":
                    entry.msgid = text
                elif keyword.startswith("msgstr"):
                    entry.msgstrs.append(text)
            elif line.startswith('"') and current is not None:
                text = ast.literal_eval(line)
                if current == "msgid":
                    entry.msgid += text
                elif current.startswith("msgstr"):
                    entry.msgstrs[-1] += text
            else:  # msgctxt or msgid_plural, and their continuation lines
                current = None
        if entry.msgid:
            entries.append(entry)
    return entries


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_has_no_untranslated_or_fuzzy_message(language):
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = read_catalogue(path)
    assert len(entries) > 1000, "the catalogue was not read"
    untranslated = [e.msgid for e in entries if not all(s.strip() for s in e.msgstrs)]
    fuzzy = [e.msgid for e in entries if e.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:10]}"


def test_the_reader_finds_an_untranslated_and_a_fuzzy_message(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr ""\n"Language: fi\\n"\n\n'
        'msgid "Done"\nmsgstr "Valmis"\n\n'
        'msgid "Publish"\nmsgstr ""\n\n'
        '#, fuzzy, python-format\nmsgid "Draft of %(n)s"\nmsgstr "Versio %(n)s"\n\n'
        'msgid ""\n"Two "\n"lines"\nmsgid_plural "many"\nmsgstr[0] "Kaksi"\nmsgstr[1] ""\n\n'
        '#~ msgid "Old"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    entries = {e.msgid: e for e in read_catalogue(catalogue)}
    assert set(entries) == {"Done", "Publish", "Draft of %(n)s", "Two lines"}
    assert entries["Draft of %(n)s"].fuzzy
    assert entries["Publish"].msgstrs == [""]
    assert entries["Two lines"].msgstrs == ["Kaksi", ""]
