"""Fixtures for figures, measures, organisations and charts."""
import datetime
import itertools
from decimal import Decimal

import pytest
from django.core.cache import cache

from figures.models import Figure, Measure, Unit
from meetings.models import DatePrecision
from foundations.publication import PublicationStatus
from operations.models import Region
from organisations.models import Organisation, OrganisationCitation

_counter = itertools.count(1)

RATES_TEXT = (
    "Security review.\n"
    "The overall national conviction rate for terrorists in 2023 stood at 44 percent, with Punjab leading in "
    "convictions at 72 percent, followed by Sindh at 54 percent, Khyber Pakhtunkhwa at 35 percent and Balochistan six percent.\n"
    "Other matters."
)
RATES_QUOTE = RATES_TEXT.splitlines()[1]


@pytest.fixture(autouse=True)
def empty_cache():
    # Charts are cached; each test starts from an empty cache so it sees only its own data.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_region(db):
    def make(name=None, kind=Region.Kind.PROVINCE, **fields):
        n = next(_counter)
        name = name or f"Region {n}"
        region = Region.objects.filter(name=name).first()
        if region is not None:
            return region
        return Region.objects.create(name=name, slug=fields.pop("slug", f"region-{n}"), kind=kind, **fields)

    return make


@pytest.fixture
def make_measure(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("name", f"Measure {n}")
        fields.setdefault("slug", f"measure-{n}")
        fields.setdefault("unit", Unit.COUNT)
        return Measure.objects.create(**fields)

    return make


def year_period(year: int) -> dict:
    return {
        "period_start": datetime.date(year, 1, 1),
        "period_start_precision": DatePrecision.YEAR,
        "period_end": datetime.date(year, 12, 31),
        "period_end_precision": DatePrecision.YEAR,
        "period_text": f"in {year}",
    }


@pytest.fixture
def make_figure(db, make_source, make_measure):
    """Build a valid, published figure; the quote defaults to a sentence of its own source that gives the value."""

    def make(value="12", places=(), **fields):
        n = next(_counter)
        value = Decimal(str(value))
        if "source" not in fields:
            quote = fields.get("quote") or f"Officials counted {value} incidents in area {n}."
            fields["source"] = make_source(text=f"Report {n}.\n{quote}\nEnd of report.")
            fields["quote"] = quote
        fields.setdefault("measure", make_measure())
        fields.setdefault("unit", fields["measure"].unit)
        fields.setdefault("slug", f"figure-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        figure = Figure(value=value, **fields)
        figure.full_clean()
        figure.save()
        figure.places.set(places)
        return figure

    return make


@pytest.fixture
def conviction_rates(make_source, make_measure, make_region, make_figure):
    """The five conviction rates of seed 004, as one source's sentence gives them."""
    source = make_source(text=RATES_TEXT)
    measure = make_measure(name="Conviction rate for terrorists", slug="conviction-rate-for-terrorists", unit=Unit.PERCENT)
    pakistan = make_region("Pakistan", kind=Region.Kind.COUNTRY, slug="pakistan")
    figures = {}
    for name, slug, value in [
        ("Pakistan", "pakistan", "44"),
        ("Punjab", "punjab", "72"),
        ("Sindh", "sindh", "54"),
        ("Khyber Pakhtunkhwa", "khyber-pakhtunkhwa", "35"),
        ("Balochistan", "balochistan", "6"),
    ]:
        place = pakistan if name == "Pakistan" else make_region(name, slug=slug, parent=pakistan)
        figures[name] = make_figure(
            value=value,
            measure=measure,
            source=source,
            quote=RATES_QUOTE,
            places=[place],
            slug=f"conviction-rate-2023-{slug}",
            **year_period(2023),
        )
    return figures


@pytest.fixture
def make_organisation(db, make_source):
    def make(citation_text=None, **fields):
        n = next(_counter)
        fields.setdefault("name", f"Outfit {n}")
        fields.setdefault("slug", f"outfit-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        organisation = Organisation.objects.create(**fields)
        text = citation_text or f"The banned outfit {organisation.name} was named."
        citation = OrganisationCitation(organisation=organisation, source=make_source(text=text), quote=text)
        citation.full_clean()
        citation.save()
        return organisation

    return make
