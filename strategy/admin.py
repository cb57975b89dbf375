from typing import Any

from django.contrib import admin

from lib.translation import with_translations
from portal import closed_years
from portal.closed_years import ClosedYearAdminMixin
from strategy import services
from strategy.models import (
    Action,
    FocusArea,
    FundingLine,
    Goal,
    Indicator,
    IndicatorValue,
    KeyMeasure,
    NationalGoal,
    NationalStrategy,
    Project,
    RegionProfile,
    Strategy,
)


@admin.register(NationalStrategy)
class NationalStrategyAdmin(admin.ModelAdmin):
    list_display = ["title", "start_year", "end_year", "published_on"]


@admin.register(NationalGoal)
class NationalGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "national_strategy"]
    search_fields = ["title", "description"]


@admin.register(KeyMeasure)
class KeyMeasureAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "responsible", "funding", "start_year", "status"]
    list_filter = ["national_strategy", "status"]
    search_fields = ["title", "responsible", "funding"]
    filter_horizontal = ["goals"]


class FocusAreaInline(admin.TabularInline):
    model = FocusArea
    extra = 0
    fields = tuple(with_translations(FocusArea, ["number", "title"]))
    show_change_link = True


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = [
        "region",
        "title",
        "start_year",
        "end_year",
        "version",
        "version_label",
        "is_current",
        "published_on",
    ]
    list_filter = ["region", "is_current"]
    list_select_related = ["region"]
    search_fields = ["title", "vision", "overall_goal", "version_label"]
    autocomplete_fields = ["previous"]
    inlines = [FocusAreaInline]


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "strategy"]
    list_filter = ["strategy__region", "strategy"]
    list_select_related = ["strategy__region"]
    search_fields = ["title", "description"]
    filter_horizontal = ["national_goals", "key_measures"]
    inlines = [GoalInline]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "focus_area", "position"]
    list_filter = ["focus_area__strategy__region"]
    list_select_related = ["focus_area__strategy__region"]
    search_fields = ["title"]


class IndicatorValueInline(admin.TabularInline):
    """Read-only while the indicator has values of a closed year (``portal.closed_years``),
    for everyone but site administrators."""

    model = IndicatorValue
    extra = 0

    def _locked(self, request: Any, obj: Any) -> bool:
        return (
            obj is not None
            and not closed_years.may_bypass(request.user)
            and bool(services.closed_year_refusal(obj))
        )

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return not self._locked(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return not self._locked(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return not self._locked(request, obj) and super().has_delete_permission(request, obj)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["title", "strategy", "unit", "direction", "baseline", "target"]
    list_filter = ["strategy__region", "direction"]
    list_select_related = ["strategy__region"]
    search_fields = ["title", "description"]
    filter_horizontal = ["focus_areas"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ClosedYearAdminMixin, admin.ModelAdmin):
    list_display = ["indicator", "year", "value", "source"]
    list_filter = ["year", "indicator__strategy__region"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__title", "source"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "focus_area", "status", "lead_organisation", "position"]
    list_filter = ["status", "focus_area__strategy__region", "focus_area"]
    list_select_related = ["focus_area__strategy__region", "lead_organisation"]
    search_fields = ["title", "description", "monitoring_note"]
    autocomplete_fields = ["lead_organisation", "responsible_organisations", "goals"]


class FundingLineInline(admin.TabularInline):
    model = FundingLine
    extra = 0


@admin.register(RegionProfile)
class RegionProfileAdmin(admin.ModelAdmin):
    list_display = ["region", "group_name", "meeting_rhythm"]
    list_select_related = ["region"]
    autocomplete_fields = ["member_organisations"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "start_date", "end_date"]
    list_filter = ["region", "funding_lines__source"]
    list_select_related = ["region"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["organisations", "actions"]
    inlines = [FundingLineInline]
