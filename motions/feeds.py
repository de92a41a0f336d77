"""Feeds of the motions app: new decisions across all cases, and new motions filed on a case.

Public like the records themselves; nothing about who made a change is published.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.feeds import ITEMS, RssFeed, at_noon, clean, html_paragraphs

from .models import Decision, Motion
from .naming import names_for
from .selectors import case_for_key


class DecisionsFeed(RssFeed):
    def title(self):
        return _("Nya beslut – Göteborgs Stad")

    def description(self):
        return _("Beslut i ärenden: vad sammanträdet beslutade, under vilken paragraf.")

    def link(self):
        return reverse("feeds:index")

    def items(self):
        return Decision.objects.select_related("meeting__body", "case").order_by("-meeting__date", "-paragraph", "-id")[
            :ITEMS
        ]

    def item_title(self, item: Decision):
        return clean(f"{item} – {item.get_outcome_display()}: {item.case.title}")

    def item_description(self, item: Decision):
        return html_paragraphs(item.text or item.get_outcome_display())

    def item_link(self, item: Decision):
        return f"{item.case.get_absolute_url()}#beslut-{item.pk}"

    def item_pubdate(self, item: Decision):
        return at_noon(item.meeting.date)

    def item_updateddate(self, item: Decision):
        return item.updated_at

    def item_categories(self, item: Decision):
        return [item.meeting.body.short_name]


class DecisionsAtomFeed(DecisionsFeed):
    feed_type = Atom1Feed
    subtitle = DecisionsFeed.description


# --- New motions on a case ----------------------------------------------------------------------


class CaseMotionsFeed(RssFeed):
    def get_object(self, request, key):
        return case_for_key(key)

    def title(self, obj):
        return _("Yrkanden i ärende %(reference)s") % {"reference": obj.reference}

    def description(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        items = list(
            Motion.objects.filter(case=obj)
            .select_related("case")
            .prefetch_related("parties")
            .order_by("-created_at", "-id")[:ITEMS]
        )
        # The name the case page uses (motions.naming), read once for the whole feed.
        names = names_for(items)
        for item in items:
            item.feed_name = names[item.pk]
        return items

    def item_title(self, item: Motion):
        return item.feed_name.label

    def item_description(self, item: Motion):
        text = item.justification or item.title
        return html_paragraphs(Truncator(" ".join(text.split())).words(80))

    def item_link(self, item: Motion):
        return f"{item.case.get_absolute_url()}#yrkande-{item.pk}"

    def item_pubdate(self, item: Motion):
        return item.created_at

    def item_updateddate(self, item: Motion):
        return item.updated_at


class CaseMotionsAtomFeed(CaseMotionsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return obj.title
