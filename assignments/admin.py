from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from core.admin import HistoryAdmin

from . import services
from .models import (
    Assignment,
    Board,
    BoardNameVariant,
    ReportingPeriod,
    Responsibility,
    StatusChange,
    StatusReport,
)


class BoardNameVariantInline(admin.TabularInline):
    model = BoardNameVariant
    extra = 0


@admin.register(Board)
class BoardAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "variants__name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["officers"]
    inlines = [BoardNameVariantInline]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["__str__", "year", "kind", "report_deadline", "is_open"]
    list_filter = ["year", "kind", "is_open"]


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 0
    autocomplete_fields = ["board"]


class StatusReportInline(admin.StackedInline):
    model = StatusReport
    extra = 0
    autocomplete_fields = ["board"]
    readonly_fields = ["version", "created_at", "updated_at"]


class StatusChangeInline(admin.TabularInline):
    """The workflow's record, read only: status changes go through services.assignment_status_change."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = ["changed_at", "from_status", "to_status", "reason", "changed_by", "status_report"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class AssignmentAdminForm(forms.ModelForm):
    """The admin's change form, which "revert" also uses: a status it brings back must be a move the
    workflow allows, asked here so a refusal is shown on the form instead of failing the save."""

    status_reason = forms.CharField(
        label=_("Motivering för statusändringen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Krävs när en återställning skickar tillbaka eller återöppnar uppdraget."),
    )
    user = None  # set per request by AssignmentAdmin.get_form

    def clean(self):
        data = super().clean()
        try:
            services.require_admin_status_move(
                assignment=self.instance, user=self.user, reason=data.get("status_reason", "")
            )
        except PermissionDenied as refusal:
            raise ValidationError(str(refusal)) from refusal
        except ValidationError as refusal:
            raise ValidationError(refusal.messages) from refusal
        return data


@admin.register(Assignment)
class AssignmentAdmin(HistoryAdmin):
    list_display = ["dnr", "short_text", "source", "status", "deadline", "updated_at"]
    list_filter = ["status", "source", "budget_year", "responsible_boards"]
    search_fields = ["dnr", "text"]
    date_hierarchy = "deadline"
    list_select_related = ["origin_body"]
    autocomplete_fields = ["origin_body"]
    # Status moves only through the workflow (the assignment page), where each step is recorded.
    readonly_fields = ["status", "version", "created_at", "updated_at"]
    inlines = [ResponsibilityInline, StatusReportInline, StatusChangeInline]
    form = AssignmentAdminForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def save_model(self, request, obj, form, change):
        # Also reached by "revert" in the history view, which can bring back an older status.
        services.assignment_save_from_admin(
            assignment=obj, user=request.user, reason=form.cleaned_data.get("status_reason", "")
        )


@admin.register(StatusReport)
class StatusReportAdmin(HistoryAdmin):
    list_display = ["assignment", "period", "board", "proposes", "decision", "updated_at"]
    list_filter = ["period", "proposes", "decision", "board"]
    search_fields = ["assignment__dnr", "text"]
    list_select_related = ["assignment", "period", "board"]
    autocomplete_fields = ["assignment", "board"]
    readonly_fields = ["version", "created_at", "updated_at"]
