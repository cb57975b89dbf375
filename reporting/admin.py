"""Admin of the reporting framework, the years, the regions' reports and PDF jobs.

The framework (themes, sub-themes and their ladders) is data: next year's changes are made
here, not in code. Reports are changed through the portal's pages, which keep the status
rules; the admin is for corrections.
"""

from django.contrib import admin

from reporting.models import AnnualReport, Answer, Level, PdfJob, ReportingYear, SubTheme, Theme


@admin.register(ReportingYear)
class ReportingYearAdmin(admin.ModelAdmin):
    list_display = ["year", "due_date"]
    search_fields = ["year", "instructions"]


class SubThemeInline(admin.TabularInline):
    model = SubTheme
    extra = 0
    fields = ["number", "title"]
    show_change_link = True


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]
    search_fields = ["title", "description"]
    inlines = [SubThemeInline]


class LevelInline(admin.TabularInline):
    model = Level
    extra = 0
    max_num = 4


@admin.register(SubTheme)
class SubThemeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "theme", "number"]
    list_filter = ["theme"]
    list_select_related = ["theme"]
    search_fields = ["title", "description", "levels__title"]
    inlines = [LevelInline]


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = ["value", "title", "sub_theme"]
    list_filter = ["value", "sub_theme__theme"]
    list_select_related = ["sub_theme"]
    search_fields = ["title", "sub_theme__title"]


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


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["report", "sub_theme", "level"]
    list_filter = ["level", "report__year", "report__region", "sub_theme__theme"]
    list_select_related = ["report__region", "sub_theme"]
    search_fields = ["activities", "examples", "sub_theme__title", "report__region__name"]
    autocomplete_fields = ["sub_theme"]
    raw_id_fields = ["report"]


@admin.register(PdfJob)
class PdfJobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "region", "year", "status", "progress", "created_at"]
    list_filter = ["kind", "status", "region"]
    list_select_related = ["region"]
    search_fields = ["error", "inputs_hash", "region__name"]
    readonly_fields = ["id", "inputs_hash", "created_at", "started_at", "finished_at"]
    raw_id_fields = ["requested_by"]
