"""Atom feeds of newly published meetings and sources, in each interface language.

/feeds/meetings/ and /ur/feeds/meetings/ carry the same entries: the feed's title, subtitle, language and
links are in the address's language; each entry keeps the language its record was curated in.
"""
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext, gettext_lazy as _

from foundations.safe_text import xml_safe
from meetings.models import Meeting
from sources.models import SourceDocument

FEED_ITEMS = 50


def _xml_safe_values(entry: dict) -> None:
    for key, value in entry.items():
        if isinstance(value, str):
            entry[key] = xml_safe(value)
        elif isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
            entry[key] = [xml_safe(item) for item in value]


class XMLSafeAtom1Feed(Atom1Feed):
    """An Atom feed that leaves out what XML 1.0 cannot carry, rather than failing for every reader.

    New text with control characters is refused when it is saved; this keeps the feeds up whatever
    older or directly loaded rows hold.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _xml_safe_values(self.feed)

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        _xml_safe_values(self.items[-1])


class LatestMeetingsFeed(Feed):
    feed_type = XMLSafeAtom1Feed
    title = _("NAP Archive: new meetings")
    subtitle = _("Meetings on Pakistan's National Action Plan, as they are added to the archive.")
    link = reverse_lazy("meetings:meeting-list")

    def items(self):
        return Meeting.objects.public().select_related("body").order_by("-created_at", "-id")[:FEED_ITEMS]

    def item_title(self, meeting):
        return f"{meeting.title} ({meeting.date_display})"

    def item_description(self, meeting):
        return meeting.summary or gettext("A meeting of the %(body)s.") % {"body": meeting.body}

    def item_pubdate(self, meeting):
        return meeting.created_at

    def item_updateddate(self, meeting):
        return meeting.updated_at


class LatestSourcesFeed(Feed):
    feed_type = XMLSafeAtom1Feed
    title = _("NAP Archive: new sources")
    subtitle = _("Reports and statements added to the archive, kept verbatim.")
    link = reverse_lazy("sources:source-list")

    def items(self):
        return SourceDocument.objects.public().defer("search_vector").order_by("-created_at", "-id")[:FEED_ITEMS]

    def item_title(self, source):
        return str(source)

    def item_description(self, source):
        excerpt = source.text.strip()
        return excerpt if len(excerpt) <= 400 else excerpt[:400].rsplit(" ", 1)[0] + "…"

    def item_author_name(self, source):
        return source.author or source.outlet or None

    def item_pubdate(self, source):
        return source.created_at

    def item_updateddate(self, source):
        return source.updated_at
