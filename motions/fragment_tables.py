"""The tables the case pages' fragments read: their versions count only these, so a write elsewhere
(a status report, a statement line) leaves them valid. tests/pagecache/test_fragment_dependencies.py
fails when a fragment reads a table missing here."""

CASE_TABLES = (
    "assignments_board",
    "auth_group",  # the reader's rights (vary values)
    "auth_user_groups",
    "budget_costestimate",
    "budget_pointfinancing",
    "motions_attachment",
    "motions_case",
    "motions_decision",
    "motions_decision_adopted_motions",
    "motions_decision_adopted_points",
    "motions_decisionnote",
    "motions_decisionpoint",
    "motions_decisionpoint_responsible_boards",
    "motions_meeting",
    "motions_member",
    "motions_motion",
    "motions_motion_parties",
    "motions_officialproposal",
    "motions_party",
    "motions_vote",
    "motions_voterecord",
)

REVIEW_TABLES = (
    "assignments_assignment",
    "assignments_board",
    "assignments_boardnamevariant",
    "auth_group",
    "auth_user",
    "auth_user_groups",
    "motions_assignmentreview",
    "motions_case",
    "motions_decision",
    "motions_decision_adopted_points",
    "motions_decisionpoint",
    "motions_decisionpoint_responsible_boards",
    "motions_meeting",
    "motions_motion",
    "motions_officialproposal",
)

SEARCH_TABLES = (
    "assignments_assignment",
    "assignments_board",
    "assignments_responsibility",
    "motions_case",
    "motions_decision",
    "motions_decisionpoint",
    "motions_decisionpoint_responsible_boards",
    "motions_meeting",
    "motions_motion",
    "motions_motion_parties",
    "motions_officialproposal",
    "motions_party",
)
