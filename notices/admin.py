from django.contrib import admin

from notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: a notice is a record of what was told and whether its mail went."""

    list_display = ["created_at", "recipient", "kind", "subject", "status", "sent_at", "read_at"]
    list_filter = ["kind", "status"]
    search_fields = ["recipient__email", "subject", "event_key"]
    list_select_related = ["recipient"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
