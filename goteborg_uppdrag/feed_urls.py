from django.urls import path

from . import feeds

app_name = "feeds"

urlpatterns = [
    path("", feeds.feeds_index, name="index"),
    path("beslut/", feeds.DecisionsFeed(), name="decisions"),
    path("beslut/atom/", feeds.DecisionsAtomFeed(), name="decisions_atom"),
    path("arenden/<str:key>/yrkanden/", feeds.CaseMotionsFeed(), name="case_motions"),
    path("arenden/<str:key>/yrkanden/atom/", feeds.CaseMotionsAtomFeed(), name="case_motions_atom"),
    path("namnder/<slug:slug>/uppdrag/", feeds.BoardAssignmentsFeed(), name="board_assignments"),
    path("namnder/<slug:slug>/uppdrag/atom/", feeds.BoardAssignmentsAtomFeed(), name="board_assignments_atom"),
    path("namnder/<slug:slug>/slutdatum.ics", feeds.board_deadlines_ics, name="board_deadlines"),
]
