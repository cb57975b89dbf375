"""Changes to a reporting year's framework (themes, sub-themes and their level ladders),
made by the national team in the portal.

A year's framework is fixed once any report of the year has been submitted: the reports
keep the wording they were written against. Every change locks the year's row first and
checks the rule under the lock; ``reporting.services.submit_report`` locks the same row,
so a submission racing an edit waits for it (and the edit that comes second is refused).
The drafts of an open year follow the change: a removed sub-theme's answers go with it,
an answer on a removed level is left without a level.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from lib.concurrency import decode, encode
from portal import page_cache
from reporting.models import Answer, Level, LevelActivity, ReportingYear, SubTheme, Theme
from reporting.services import ReportError

logger = logging.getLogger(__name__)

#: A ladder has at most this many levels (``Level``'s check constraint).
LADDER_SIZE = 4


class FrameworkFixed(ReportError):
    """The year's framework can no longer change: a report on it was submitted."""


def fixed_message(year: int) -> str:
    return _(
        "The framework of %(year)s can no longer be changed: a report of the year has been "
        "submitted, and the reports keep the wording they were written against. Change the "
        "framework of the next reporting year instead."
    ) % {"year": year}


def lock_open_year(reporting_year: ReportingYear) -> ReportingYear:
    """Lock the year's row for the rest of the transaction and refuse a fixed framework.

    Call inside ``transaction.atomic``. The row is what ``submit_report`` locks too, so the
    check below cannot be overtaken by a submission before this transaction commits.
    """
    locked = ReportingYear.objects.select_for_update().get(pk=reporting_year.pk)
    if locked.framework_is_fixed():
        raise FrameworkFixed(fixed_message(locked.year))
    return locked


class ChangedMeanwhile(Exception):
    """Someone saved the theme or sub-theme after the form was read (``read_version``).

    ``current`` holds every guarded value as it is now, ``changed`` names those that differ
    from what the form read, ``version`` is the current version for the form to carry.
    """

    def __init__(self, current: dict[str, str], changed: list[str], version: str) -> None:
        super().__init__(", ".join(changed))
        self.current = current
        self.changed = changed
        self.version = version


#: The translations a theme's or a sub-theme's form edits beside the Finnish title and
#: description (``lib.translation``): guarded and saved as the Finnish ones are.
TEXT_TRANSLATIONS = ("title_sv", "title_en", "description_sv", "description_en")


def _texts(row: Theme | SubTheme) -> dict[str, str]:
    return {
        "title": row.title,
        "description": row.description,
        **{name: getattr(row, name) for name in TEXT_TRANSLATIONS},
    }


def _translations(given: dict[str, str] | None) -> dict[str, str]:
    """The translation columns to write; ``None`` (a caller that edits none) writes none."""
    return {name: given.get(name, "") for name in TEXT_TRANSLATIONS} if given is not None else {}


def theme_values(theme: Theme) -> dict[str, str]:
    """What the theme form edits, by the form's field names."""
    return _texts(theme)


def sub_theme_values(sub_theme: SubTheme) -> dict[str, str]:
    """What the sub-theme form edits, the ladder as ``level_1`` to ``level_4`` and each
    level's own activities as ``activities_1`` to ``activities_4``, a line each (two
    queries)."""
    titles = dict(Level.objects.filter(sub_theme=sub_theme).values_list("value", "title"))
    activities: dict[int, list[str]] = {}
    for value, text in LevelActivity.objects.filter(level__sub_theme=sub_theme).values_list(
        "level__value", "text"
    ):
        activities.setdefault(value, []).append(text)
    return {
        **_texts(sub_theme),
        **{f"level_{value}": titles.get(value, "") for value in range(1, LADDER_SIZE + 1)},
        **{
            f"activities_{value}": "\n".join(activities.get(value, []))
            for value in range(1, LADDER_SIZE + 1)
        },
    }


def _digests(values: dict[str, str]) -> dict[str, str]:
    return {
        name: hashlib.sha256(repr(value).encode()).hexdigest()[:12]
        for name, value in values.items()
    }


def version(values: dict[str, str]) -> str:
    """The version a form carries of ``values`` (``lib.concurrency``'s digests per field, so
    the refusal names what changed; the ladder's rows are guarded like the sub-theme's)."""
    return encode(_digests(values))


def _check_unchanged(read_version: str | None, current: dict[str, str]) -> None:
    """Refuse a save read before another one; ``None`` (no version sent) checks nothing."""
    if read_version is None:
        return
    read = decode(read_version)
    changed = [name for name, digest in _digests(current).items() if read.get(name) != digest]
    if changed:
        raise ChangedMeanwhile(current, changed, version(current))


def _changed(reporting_year: ReportingYear, what: str, user: Any) -> None:
    # Drafts' pages show the framework: every region's cached report fragments go stale.
    page_cache.bump_national()
    logger.info("%s changed the framework of %s: %s", user, reporting_year.year, what)


def add_theme(
    reporting_year: ReportingYear,
    title: str,
    description: str,
    user: Any,
    translations: dict[str, str] | None = None,
) -> Theme:
    """Add a theme at the end of the year's framework (``translations``: its Swedish and
    English title and description, ``TEXT_TRANSLATIONS``)."""
    with transaction.atomic():
        year = lock_open_year(reporting_year)
        last = Theme.objects.filter(reporting_year=year).order_by("-number").first()
        theme = Theme.objects.create(
            reporting_year=year,
            number=(last.number + 1) if last else 1,
            title=title,
            description=description,
            **_translations(translations),
        )
        _changed(year, f"added theme {theme.number}", user)
    return theme


def change_theme(
    theme: Theme,
    title: str,
    description: str,
    user: Any,
    read_version: str | None = None,
    translations: dict[str, str] | None = None,
) -> None:
    """Rename a theme or change its description; refused with ``ChangedMeanwhile`` if the
    theme changed after ``read_version`` was read (every change holds the year's lock)."""
    with transaction.atomic():
        year = lock_open_year(theme.reporting_year)
        _check_unchanged(read_version, theme_values(Theme.objects.get(pk=theme.pk)))
        Theme.objects.filter(pk=theme.pk).update(
            title=title, description=description, **_translations(translations)
        )
        _changed(year, f"changed theme {theme.number}", user)


def delete_theme(theme: Theme, user: Any) -> None:
    """Delete a theme with its sub-themes, their levels and the drafts' answers to them;
    the themes after it move up a number."""
    with transaction.atomic():
        year = lock_open_year(theme.reporting_year)
        Answer.objects.filter(sub_theme__theme=theme).delete()
        Theme.objects.filter(pk=theme.pk).delete()
        _renumber(Theme.objects.filter(reporting_year=year, number__gt=theme.number))
        _changed(year, f"deleted theme {theme.number}", user)


def _renumber(rows: Any) -> None:
    """Close the gap a deleted row left: each later row one number down, in order, so the
    unique numbers never collide."""
    for row in rows.order_by("number"):
        type(row).objects.filter(pk=row.pk).update(number=F("number") - 1)


def _swap(model: type[Theme] | type[SubTheme], first: Any, second: Any) -> None:
    """Swap two rows' numbers through 0, which no row holds (numbers start at 1)."""
    model.objects.filter(pk=first.pk).update(number=0)
    model.objects.filter(pk=second.pk).update(number=first.number)
    model.objects.filter(pk=first.pk).update(number=second.number)


def move_theme(theme: Theme, up: bool, user: Any) -> None:
    """Move a theme one place up or down; at the end already, nothing changes."""
    with transaction.atomic():
        year = lock_open_year(theme.reporting_year)
        theme = Theme.objects.get(pk=theme.pk)
        siblings = Theme.objects.filter(reporting_year=year)
        neighbour = (
            siblings.filter(number__lt=theme.number).order_by("-number").first()
            if up
            else siblings.filter(number__gt=theme.number).order_by("number").first()
        )
        if neighbour is not None:
            _swap(Theme, theme, neighbour)
            _changed(year, f"moved theme {theme.number}", user)


def _write_ladder(
    sub_theme: SubTheme, ladder: dict[int, str], activities: dict[int, list[str]] | None = None
) -> None:
    """Make the sub-theme's levels those of ``ladder`` (value → title; an empty title or a
    value left out removes that level, and the drafts' answers on it lose their level),
    and, given ``activities`` (value → lines), each kept level's own activities those."""
    kept = {value: title for value, title in ladder.items() if title}
    Level.objects.filter(sub_theme=sub_theme).exclude(value__in=kept).delete()
    Answer.objects.filter(sub_theme=sub_theme, level__isnull=False).exclude(level__in=kept).update(
        level=None
    )
    existing = {level.value: level for level in Level.objects.filter(sub_theme=sub_theme)}
    for value, title in sorted(kept.items()):
        level = existing.get(value)
        if level is None:
            Level.objects.create(sub_theme=sub_theme, value=value, title=title)
        elif level.title != title:
            Level.objects.filter(pk=level.pk).update(title=title)
    if activities is None:
        return
    LevelActivity.objects.filter(level__sub_theme=sub_theme).delete()
    levels = {level.value: level for level in Level.objects.filter(sub_theme=sub_theme)}
    LevelActivity.objects.bulk_create(
        LevelActivity(level=levels[value], text=text, position=position)
        for value, lines in sorted(activities.items())
        if value in levels
        for position, text in enumerate(lines, start=1)
    )


def add_sub_theme(
    theme: Theme,
    title: str,
    description: str,
    ladder: dict[int, str],
    user: Any,
    activities: dict[int, list[str]] | None = None,
    translations: dict[str, str] | None = None,
) -> SubTheme:
    """Add a sub-theme with its ladder at the end of a theme; the drafts answer it empty."""
    with transaction.atomic():
        year = lock_open_year(theme.reporting_year)
        last = SubTheme.objects.filter(theme=theme).order_by("-number").first()
        sub_theme = SubTheme.objects.create(
            theme=theme,
            number=(last.number + 1) if last else 1,
            title=title,
            description=description,
            **_translations(translations),
        )
        _write_ladder(sub_theme, ladder, activities)
        _changed(year, f"added sub-theme {theme.number}.{sub_theme.number}", user)
    return sub_theme


def change_sub_theme(
    sub_theme: SubTheme,
    title: str,
    description: str,
    ladder: dict[int, str],
    user: Any,
    read_version: str | None = None,
    activities: dict[int, list[str]] | None = None,
    translations: dict[str, str] | None = None,
) -> None:
    """Rename a sub-theme, change its description and its ladder of levels (with the
    levels' own ``activities`` when given); refused with
    ``ChangedMeanwhile`` if any of them changed after ``read_version`` was read."""
    with transaction.atomic():
        year = lock_open_year(sub_theme.theme.reporting_year)
        _check_unchanged(read_version, sub_theme_values(SubTheme.objects.get(pk=sub_theme.pk)))
        SubTheme.objects.filter(pk=sub_theme.pk).update(
            title=title, description=description, **_translations(translations)
        )
        _write_ladder(sub_theme, ladder, activities)
        _changed(year, f"changed sub-theme {sub_theme.pk}", user)


def delete_sub_theme(sub_theme: SubTheme, user: Any) -> None:
    """Delete a sub-theme with its levels and the drafts' answers to it; the sub-themes
    after it move up a number."""
    with transaction.atomic():
        year = lock_open_year(sub_theme.theme.reporting_year)
        Answer.objects.filter(sub_theme=sub_theme).delete()
        SubTheme.objects.filter(pk=sub_theme.pk).delete()
        _renumber(SubTheme.objects.filter(theme_id=sub_theme.theme_id, number__gt=sub_theme.number))
        _changed(year, f"deleted sub-theme {sub_theme.pk}", user)


def move_sub_theme(sub_theme: SubTheme, up: bool, user: Any) -> None:
    """Move a sub-theme one place up or down within its theme."""
    with transaction.atomic():
        year = lock_open_year(sub_theme.theme.reporting_year)
        sub_theme = SubTheme.objects.get(pk=sub_theme.pk)
        siblings = SubTheme.objects.filter(theme_id=sub_theme.theme_id)
        neighbour = (
            siblings.filter(number__lt=sub_theme.number).order_by("-number").first()
            if up
            else siblings.filter(number__gt=sub_theme.number).order_by("number").first()
        )
        if neighbour is not None:
            _swap(SubTheme, sub_theme, neighbour)
            _changed(year, f"moved sub-theme {sub_theme.pk}", user)
