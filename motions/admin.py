from django.contrib import admin

from core.admin import HistoryAdmin

from .models import (
    Case,
    Decision,
    DecisionNote,
    DecisionPoint,
    Meeting,
    Member,
    Motion,
    OfficialProposal,
    Party,
    Vote,
    VoteRecord,
)


@admin.register(Party)
class PartyAdmin(HistoryAdmin):
    list_display = ["abbreviation", "name", "colour", "sort_order"]
    search_fields = ["abbreviation", "name"]


@admin.register(Member)
class MemberAdmin(HistoryAdmin):
    list_display = ["name", "party", "body", "seat", "role"]
    list_filter = ["body", "party", "role"]
    search_fields = ["name"]
    list_select_related = ["party", "body"]


class ProposalInline(admin.StackedInline):
    model = OfficialProposal
    extra = 0
    show_change_link = True


class MotionInline(admin.TabularInline):
    model = Motion
    extra = 0
    fields = ["kind", "title", "date", "body", "approves_rest"]
    show_change_link = True


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0
    fields = ["meeting", "paragraph", "outcome"]
    show_change_link = True


@admin.register(Case)
class CaseAdmin(HistoryAdmin):
    list_display = ["case_number", "dnr", "title", "updated_at"]
    search_fields = ["case_number", "dnr", "title"]
    inlines = [ProposalInline, MotionInline, DecisionInline]


class PointInline(admin.StackedInline):
    model = DecisionPoint
    extra = 0
    filter_horizontal = ["responsible_boards"]
    raw_id_fields = ["assignment"]


@admin.register(OfficialProposal)
class OfficialProposalAdmin(HistoryAdmin):
    list_display = ["case", "title", "issued", "revised"]
    search_fields = ["title", "case__case_number", "case__dnr"]
    inlines = [PointInline]


@admin.register(Motion)
class MotionAdmin(HistoryAdmin):
    list_display = ["case", "kind", "date", "body", "approves_rest"]
    list_filter = ["kind", "parties", "body"]
    search_fields = ["title", "justification", "case__case_number", "case__dnr"]
    filter_horizontal = ["parties"]
    inlines = [PointInline]


@admin.register(DecisionPoint)
class DecisionPointAdmin(HistoryAdmin):
    list_display = ["__str__", "proposal", "motion", "assignment"]
    search_fields = ["text"]
    raw_id_fields = ["proposal", "motion", "assignment"]
    filter_horizontal = ["responsible_boards"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "date"]
    list_filter = ["body"]
    date_hierarchy = "date"


class VoteInline(admin.StackedInline):
    model = Vote
    extra = 0
    show_change_link = True


class NoteInline(admin.StackedInline):
    model = DecisionNote
    extra = 0
    filter_horizontal = ["parties"]


@admin.register(Decision)
class DecisionAdmin(HistoryAdmin):
    list_display = ["__str__", "case", "outcome"]
    list_filter = ["outcome", "meeting__body"]
    search_fields = ["text", "case__case_number", "case__dnr"]
    filter_horizontal = ["adopted_motions"]
    raw_id_fields = ["adopted_points"]
    inlines = [VoteInline, NoteInline]


class VoteRecordInline(admin.TabularInline):
    model = VoteRecord
    extra = 0
    raw_id_fields = ["member"]


@admin.register(Vote)
class VoteAdmin(HistoryAdmin):
    list_display = ["__str__", "yes", "no", "abstain", "absent"]
    inlines = [VoteRecordInline]
