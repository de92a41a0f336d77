from django.contrib import admin

from core.admin import HistoryAdmin

from .models import PublishedReport


@admin.register(PublishedReport)
class PublishedReportAdmin(HistoryAdmin):
    """Stored versions are made and adopted on /rapporter/; here they can only be looked at."""

    list_display = ["board", "period", "version", "is_adopted", "published_at", "published_by", "sha256"]
    list_filter = ["is_adopted", "period", "board"]
    list_select_related = ["board", "period", "published_by"]
    readonly_fields = [field.name for field in PublishedReport._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
