"""Versions of an annual report: the frozen snapshot of each submission, and what changed.

A version is taken in the submission's own transaction (``reporting.services.submit_report``
calls ``record_submission``): the summary and every sub-theme's answer, with the sub-theme's
and its levels' wording as they were that day. The snapshot is plain JSON, so it reads the
same whatever happens to the framework or the report's answers afterwards; the report page,
the compare page and each version's PDF are built from it.

This module reads the models only; ``reporting.services`` turns a snapshot into the
document its page and PDF render.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from lib.diff import Piece, word_diff
from lib.translation import TRANSLATION_LANGUAGES
from reporting.models import AnnualReport, Answer, Level, ReportVersion, SubTheme, Theme
from reporting.wording import snapshot_text

#: Bump when the snapshot's shape changes; readers accept every earlier format.
#: 2: each theme and sub-theme keeps its Swedish and English wording ("translations").
SNAPSHOT_FORMAT = 2


# --- Taking a snapshot ------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _rung_lines(answer: Answer | None) -> list[list[Any]]:
    """The answer's activities on the rungs as [level, line], from its prefetched rows."""
    if answer is None:
        return []
    rows = sorted(answer.rung_activities.all(), key=lambda row: (row.level, row.position, row.pk))
    return [[row.level, row.line] for row in rows]


def _translations(
    item: Theme | SubTheme,
    name: str,
    level_title: Level | None = None,
    ladder: list[Level] | None = None,
) -> dict[str, dict[str, Any]]:
    """The Swedish and English wording of a theme or sub-theme beside its Finnish one: its
    ``name`` field, the chosen level's title and the ladder's titles, in the ladder's order.

    Kept in the snapshot so a version's page reads in Swedish as the framework was
    translated the day it was submitted; a version kept before translations (no such
    key) reads in Finnish, marked as such.
    """
    result: dict[str, dict[str, Any]] = {}
    for code in TRANSLATION_LANGUAGES:
        words: dict[str, Any] = {"title": getattr(item, f"{name}_{code}")}
        if level_title is not None:
            words["level_title"] = getattr(level_title, f"title_{code}")
        if ladder is not None:
            words["ladder"] = [getattr(level, f"title_{code}") for level in ladder]
        result[code] = words
    return result


def snapshot_of(report: AnnualReport) -> dict[str, Any]:
    """The report's summary and answers as JSON, the framework's wording included.

    Six queries: the summary, the answers with their activities on the rungs (two) and
    the year's framework (three). Every
    sub-theme of the framework is in it, answered or not, in the framework's order.
    """
    summary = AnnualReport.objects.values_list("summary", flat=True).get(pk=report.pk)
    answers = {
        answer.sub_theme_id: answer
        for answer in Answer.objects.filter(report=report).prefetch_related("rung_activities")
    }
    themes = (
        Theme.objects.filter(reporting_year__year=report.year)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "sub_themes",
                queryset=SubTheme.objects.order_by("number").prefetch_related("levels"),
            )
        )
    )
    snapshot_themes = []
    for theme in themes:
        sub_themes = []
        for sub_theme in theme.sub_themes.all():
            ladder = [(level.value, level.title) for level in sub_theme.levels.all()]
            answer = answers.get(sub_theme.pk)
            level = answer.level if answer else None
            levels = list(sub_theme.levels.all())
            sub_themes.append(
                {
                    "number": f"{theme.number}.{sub_theme.number}",
                    "title": sub_theme.title,
                    "translations": _translations(
                        sub_theme,
                        "title",
                        level_title=next((x for x in levels if x.value == level), None),
                        ladder=levels,
                    ),
                    "level": level,
                    "level_title": dict(ladder).get(level, "") if level else "",
                    "ladder": ladder,
                    "activities": _lines(answer.activities) if answer else [],
                    "examples": answer.examples if answer else "",
                    # Only where there are any: a version kept before rungs had
                    # activities reads the same.
                    **({"rung_activities": rungs} if (rungs := _rung_lines(answer)) else {}),
                }
            )
        snapshot_themes.append(
            {
                "number": theme.number,
                "title": theme.title,
                "translations": _translations(theme, "title"),
                "sub_themes": sub_themes,
            }
        )
    return {"format": SNAPSHOT_FORMAT, "summary": summary, "themes": snapshot_themes}


def record_submission(report: AnnualReport, user: Any) -> ReportVersion:
    """Keep the version being submitted: call inside the submission's transaction, with
    the report's row locked and ``report.version`` already the new number.

    A version resubmitted under the same number (not possible through the services, but
    an administrator may have reset a status) replaces its snapshot rather than failing.
    """
    submitted_by = user if getattr(user, "is_authenticated", False) else None
    version, _created = ReportVersion.objects.update_or_create(
        report=report,
        number=report.version,
        defaults={
            "submitted_at": report.submitted_at or timezone.now(),
            "submitted_by": submitted_by,
            "snapshot": snapshot_of(report),
        },
    )
    return version


def versions_of(report: AnnualReport) -> QuerySet[ReportVersion]:
    """The report's versions, oldest first, with the people named beside them: one query."""
    return ReportVersion.objects.filter(report=report).select_related(
        "submitted_by", "returned_by", "accepted_by"
    )


# --- What changed between two versions --------------------------------------------------


#: Words and the spaces between them, apart: a change shows whole words, a word that only
#: gained a line break after it is not shown as changed, and spacing stays as typed.
@dataclass(frozen=True)
class FieldChange:
    """One field of an answer in both versions, and its word diff when it changed."""

    changed: bool
    pieces: tuple[Piece, ...]


def compare_text(old: str, new: str) -> FieldChange:
    if old == new:
        return FieldChange(False, (Piece("same", new),) if new else ())
    return FieldChange(True, word_diff(old, new))


@dataclass(frozen=True)
class SubThemeChange:
    number: str
    title: str
    old_level: int | None
    old_level_title: str
    new_level: int | None
    new_level_title: str
    activities: FieldChange
    examples: FieldChange

    @property
    def level_changed(self) -> bool:
        return self.old_level != self.new_level

    @property
    def changed(self) -> bool:
        return self.level_changed or self.activities.changed or self.examples.changed


@dataclass(frozen=True)
class VersionComparison:
    old: ReportVersion
    new: ReportVersion
    summary: FieldChange
    sub_themes: list[SubThemeChange]

    @property
    def changed_sub_themes(self) -> list[SubThemeChange]:
        return [change for change in self.sub_themes if change.changed]

    @property
    def unchanged_count(self) -> int:
        return len(self.sub_themes) - len(self.changed_sub_themes)


def _answers_by_number(snapshot: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        answer["number"]: answer
        for theme in snapshot.get("themes", [])
        for answer in theme.get("sub_themes", [])
    }


def compare_versions(old: ReportVersion, new: ReportVersion) -> VersionComparison:
    """What changed from ``old`` to ``new``: no query, both snapshots are in hand.

    Sub-themes are matched by their number ("1.2"); one only in ``new`` counts as answered
    anew, one only in ``old`` as dropped. The order is ``new``'s, then the dropped ones.
    """
    before = _answers_by_number(old.snapshot)
    after = _answers_by_number(new.snapshot)
    empty: dict[str, Any] = {"level": None, "level_title": "", "activities": [], "examples": ""}
    numbers = list(after) + [number for number in before if number not in after]
    changes = []
    for number in numbers:
        was = before.get(number, empty)
        now = after.get(number, empty)
        changes.append(
            SubThemeChange(
                number=number,
                title=snapshot_text(now if now.get("title") else was, "title"),
                old_level=was["level"],
                old_level_title=snapshot_text(was, "level_title"),
                new_level=now["level"],
                new_level_title=snapshot_text(now, "level_title"),
                activities=compare_text("\n".join(was["activities"]), "\n".join(now["activities"])),
                examples=compare_text(was["examples"], now["examples"]),
            )
        )
    return VersionComparison(
        old=old,
        new=new,
        summary=compare_text(old.snapshot.get("summary", ""), new.snapshot.get("summary", "")),
        sub_themes=changes,
    )
