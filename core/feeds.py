"""Helpers of the product's feeds: RSS/Atom items (Django's syndication framework) and iCalendar
(RFC 5545) text. The apps' feeds (assignments: a board's status changes and deadlines; motions:
decisions and a case's motions) are built on these."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

ITEMS = 50


def at_noon(day: datetime.date) -> datetime.datetime:
    """A meeting date as a moment, for feed readers that sort by time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


# Control characters other than tab, newline and carriage return are not allowed in XML 1.0 (nor
# in iCalendar text): Django's feed writer refuses them, which would make a whole feed fail.
_XML_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), 0x7F])


def clean(text: str) -> str:
    return text.translate(_XML_CONTROLS)


def html_paragraphs(text: str) -> str:
    """Feed readers render descriptions as HTML: our plain text, escaped, in paragraphs."""
    return linebreaks(clean(text), autoescape=True)


class RssFeed(Feed):
    """Items are identified by their links (unique, absolute): valid RSS guids and Atom ids alike."""

    feed_type = Rss201rev2Feed
    language = "sv"

    def author_name(self):
        # Atom requires an author of the feed.
        return _("Göteborgs Stad")


def ical_escape(text: str) -> str:
    """TEXT value escaping of RFC 5545 3.3.11."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
        .translate(_XML_CONTROLS)
    )


def ical_fold(line: str) -> str:
    """Fold a content line to at most 75 octets per line (RFC 5545 3.1), never splitting a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines begin with a space
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
