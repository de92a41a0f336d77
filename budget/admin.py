from django.contrib import admin

from core.admin import HistoryAdmin

from .models import CentralItem, CostEstimate, FinancialStatement, PointFinancing, StatementLine


@admin.register(CostEstimate)
class CostEstimateAdmin(HistoryAdmin):
    list_display = ["__str__", "decision_point", "assignment", "recurrence", "financing", "first_year", "last_year"]
    list_filter = ["recurrence", "financing", "board"]
    search_fields = ["note", "board__name"]
    raw_id_fields = ["decision_point", "assignment"]


class StatementLineInline(admin.TabularInline):
    model = StatementLine
    extra = 0


@admin.register(FinancialStatement)
class FinancialStatementAdmin(HistoryAdmin):
    list_display = ["board", "period", "section", "title", "unit"]
    list_filter = ["board", "period"]
    inlines = [StatementLineInline]


@admin.register(CentralItem)
class CentralItemAdmin(HistoryAdmin):
    list_display = ["label", "board", "period", "utfall", "prognos", "budget"]
    list_filter = ["board", "period"]


@admin.register(PointFinancing)
class PointFinancingAdmin(HistoryAdmin):
    list_display = ["decision_point", "financing", "budget_process_first_year", "budget_process_last_year"]
    list_filter = ["financing"]
    raw_id_fields = ["decision_point"]
