"""How synthetic data is marked so it cannot be taken for real records, and how much of it factor 1 makes."""

MARK = "[Syntetisk]"
BOARD_SLUG_PREFIX = "syntetisk-"
CASE_SERIES = "SYNT"
DNR_FIRST_YEAR = 90
YEARS = list(range(2016, 2026))
HISTORY_REASON = "Syntetiska data (seed_scale)"

# Proportions at factor 1.
ASSIGNMENTS_PER_FACTOR = 2000
CASES_PER_FACTOR = 500
MOTIONS_PER_CASE = 5
POINTS_PER_PROPOSAL = 10
POINTS_PER_MOTION = 8
SYNTHETIC_BOARDS = 30
