"""sitemap.xml: every published page a search engine should know, with when it last changed."""
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from meetings.models import Meeting, Office, Person
from operations.models import Operation
from sources.models import SourceDocument


class PublishedSitemap(Sitemap):
    model = None

    def items(self):
        return self.model.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, record):
        return record.updated_at


class MeetingSitemap(PublishedSitemap):
    model = Meeting
    priority = 0.8


class OperationSitemap(PublishedSitemap):
    model = Operation
    priority = 0.8


class SourceSitemap(PublishedSitemap):
    model = SourceDocument


class PersonSitemap(PublishedSitemap):
    model = Person

    def location(self, person):
        return reverse("meetings:person-detail", kwargs={"slug": person.slug})


class OfficeSitemap(PublishedSitemap):
    model = Office

    def location(self, office):
        return reverse("meetings:office-detail", kwargs={"slug": office.slug})


class PageSitemap(Sitemap):
    priority = 0.6

    def items(self):
        return ["home", "meetings:meeting-list", "meetings:decision-list", "operations:operation-list",
                "sources:source-list", "meetings:person-list", "timeline", "search"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "meetings": MeetingSitemap,
    "operations": OperationSitemap,
    "sources": SourceSitemap,
    "people": PersonSitemap,
    "offices": OfficeSitemap,
}
