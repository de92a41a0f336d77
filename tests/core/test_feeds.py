"""core/feeds.py: the iCalendar text rules the deadline calendars share."""

from core.feeds import ical_escape, ical_fold


def test_ical_helpers():
    assert ical_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    # Control characters are not allowed in iCalendar text; tab is.
    assert ical_escape("a\x0bb\x00c\td\x7f") == "abc\td"
    folded = ical_fold("SUMMARY:" + "å" * 80)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "å" * 80
