"""/floden/: the feeds of the apps under one roof (each app owns its feeds)."""

from django.urls import path

from assignments import feeds as assignment_feeds
from motions import feeds as motion_feeds

from . import views

app_name = "feeds"

urlpatterns = [
    path("", views.feeds_index, name="index"),
    path("beslut/", motion_feeds.DecisionsFeed(), name="decisions"),
    path("beslut/atom/", motion_feeds.DecisionsAtomFeed(), name="decisions_atom"),
    path("arenden/<str:key>/yrkanden/", motion_feeds.CaseMotionsFeed(), name="case_motions"),
    path("arenden/<str:key>/yrkanden/atom/", motion_feeds.CaseMotionsAtomFeed(), name="case_motions_atom"),
    path("namnder/<slug:slug>/uppdrag/", assignment_feeds.BoardAssignmentsFeed(), name="board_assignments"),
    path(
        "namnder/<slug:slug>/uppdrag/atom/", assignment_feeds.BoardAssignmentsAtomFeed(), name="board_assignments_atom"
    ),
    path("namnder/<slug:slug>/slutdatum.ics", assignment_feeds.board_deadlines_ics, name="board_deadlines"),
]
