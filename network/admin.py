from django.contrib import admin

from network.models import Coordinator, Membership, Organisation, Province, Region


class ProvinceInline(admin.TabularInline):
    model = Province
    extra = 0
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "ely_centre", "position"]
    search_fields = ["name", "abbreviation", "ely_centre", "network_name"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [ProvinceInline]


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "kind", "sector", "active"]
    list_filter = ["region", "kind", "sector", "active", "provinces"]
    list_select_related = ["region"]
    search_fields = ["name", "abbreviation", "description"]
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ["provinces"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__region"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Coordinator)
class CoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "region", "created_at"]
    list_filter = ["region"]
    list_select_related = ["user", "region"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "region__name"]
    autocomplete_fields = ["user", "region"]
