from django.contrib import admin

from core.admin import HistoryAdmin

from .models import NotificationPreference, SentNotice


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(HistoryAdmin):
    list_display = ["user", "new_assignments", "report_reminders", "updated_at"]
    list_select_related = ["user"]


@admin.register(SentNotice)
class SentNoticeAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "kind", "user", "board", "assignment", "period"]
    list_filter = ["kind"]
    list_select_related = ["user", "board", "assignment", "period"]
    date_hierarchy = "sent_at"
