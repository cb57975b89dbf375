"""Admin of the reporting framework, the years, the regions' reports and PDF jobs.

The framework (themes, sub-themes and their ladders) is data, a copy per reporting year;
a year's framework is fixed once a report of the year is submitted, and only a superuser
may still change it here (``FixedFrameworkAdmin``). Reports are changed through the
portal's pages, which keep the status rules; the admin is for corrections.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from lib.translation import with_translations
from reporting.framework_services import fixed_message
from reporting.models import (
    AnnualReport,
    Answer,
    AnswerActivity,
    Level,
    LevelActivity,
    PdfJob,
    ReportingYear,
    SubTheme,
    Theme,
)


def year_of(obj: Any) -> ReportingYear | None:
    """The reporting year a framework row (theme, sub-theme or level) belongs to."""
    if isinstance(obj, Theme):
        return obj.reporting_year
    if isinstance(obj, SubTheme):
        return obj.theme.reporting_year
    if isinstance(obj, Level):
        return obj.sub_theme.theme.reporting_year
    if isinstance(obj, LevelActivity):
        return obj.level.sub_theme.theme.reporting_year
    return None


def fixed_for(request: HttpRequest, obj: Any) -> bool:
    """True when ``obj``'s year's framework is fixed and the person is not a superuser: a
    report was written against its wording, which only a superuser may still correct."""
    if obj is None or request.user.is_superuser:
        return False
    year = year_of(obj)
    return year is not None and year.framework_is_fixed()


class FrameworkForm(forms.ModelForm):
    """Refuses a new row in a fixed year's framework (``refuse_fixed`` off for superusers)."""

    refuse_fixed = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        parent = cleaned.get("reporting_year") or cleaned.get("theme") or cleaned.get("sub_theme")
        year = parent if isinstance(parent, ReportingYear) else year_of(parent)
        if self.refuse_fixed and year is not None and year.framework_is_fixed():
            raise forms.ValidationError(fixed_message(year.year), code="fixed")
        return cleaned


class FixedFrameworkAdmin(admin.ModelAdmin):
    """A fixed year's framework is read-only in the admin for everyone but superusers, its
    inlines included (``obj`` of an inline's permission is the parent row)."""

    form = FrameworkForm

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        form.refuse_fixed = not request.user.is_superuser  # type: ignore[attr-defined]
        return form

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if fixed_for(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if fixed_for(request, obj):
            return False
        return super().has_delete_permission(request, obj)


class FixedFrameworkInline(admin.TabularInline):
    """An inline of a fixed year's row adds, changes and deletes nothing (non-superusers)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if fixed_for(request, obj):
            return False
        return super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if fixed_for(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if fixed_for(request, obj):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(ReportingYear)
class ReportingYearAdmin(admin.ModelAdmin):
    list_display = ["year", "due_date"]
    search_fields = ["year", "instructions"]


class SubThemeInline(FixedFrameworkInline):
    model = SubTheme
    extra = 0
    fields = tuple(with_translations(SubTheme, ["number", "title"]))
    show_change_link = True


@admin.register(Theme)
class ThemeAdmin(FixedFrameworkAdmin):
    list_display = ["number", "title", "reporting_year"]
    list_filter = ["reporting_year"]
    list_select_related = ["reporting_year"]
    search_fields = ["title", "description"]
    inlines = [SubThemeInline]


class LevelInline(FixedFrameworkInline):
    model = Level
    extra = 0
    max_num = 4


@admin.register(SubTheme)
class SubThemeAdmin(FixedFrameworkAdmin):
    list_display = ["__str__", "theme", "number"]
    list_filter = ["theme__reporting_year"]
    list_select_related = ["theme__reporting_year"]
    search_fields = ["title", "description", "levels__title"]
    inlines = [LevelInline]


class LevelActivityInline(FixedFrameworkInline):
    """The rung's own activities, those a summary gives without a region."""

    model = LevelActivity
    extra = 0
    fields = tuple(with_translations(LevelActivity, ["position", "text"]))


@admin.register(Level)
class LevelAdmin(FixedFrameworkAdmin):
    list_display = ["value", "title", "sub_theme"]
    list_filter = ["value", "sub_theme__theme__reporting_year"]
    list_select_related = ["sub_theme__theme__reporting_year"]
    search_fields = ["title", "sub_theme__title", "activities__text"]
    inlines = [LevelActivityInline]


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0
    fields = ["sub_theme", "level", "activities", "examples"]
    autocomplete_fields = ["sub_theme"]


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ["region", "year", "status", "version", "submitted_at", "reviewed_at"]
    list_filter = ["status", "year", "region"]
    list_select_related = ["region"]
    search_fields = ["region__name", "summary", "national_comment", "answers__activities"]
    readonly_fields = ["created_at", "updated_at", "submitted_at", "reviewed_at"]
    raw_id_fields = ["submitted_by"]
    inlines = [AnswerInline]


class AnswerActivityInline(admin.TabularInline):
    model = AnswerActivity
    extra = 0
    fields = ["level", "position", "text", "regions_label"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["report", "sub_theme", "level"]
    list_filter = ["level", "report__year", "report__region", "sub_theme__theme"]
    list_select_related = ["report__region", "sub_theme"]
    search_fields = ["activities", "examples", "sub_theme__title", "report__region__name"]
    autocomplete_fields = ["sub_theme"]
    raw_id_fields = ["report"]
    inlines = [AnswerActivityInline]


@admin.register(PdfJob)
class PdfJobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "region", "year", "status", "progress", "created_at"]
    list_filter = ["kind", "status", "region"]
    list_select_related = ["region"]
    search_fields = ["error", "inputs_hash", "region__name"]
    readonly_fields = ["id", "inputs_hash", "created_at", "started_at", "finished_at"]
    raw_id_fields = ["requested_by"]
