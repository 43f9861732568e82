"""Figures are validated as a reader would expect a number to be: in range, in its source, in a period that makes sense."""
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from figures.models import Figure, Qualifier, Unit, quote_gives_value, quote_link
from meetings.models import DatePrecision
from organisations.models import Organisation, OrganisationCitation


def unsaved_figure(make_source, measure, value, quote=None, **fields):
    quote = quote or f"The rate stood at {value} percent."
    source = make_source(text=f"Intro.\n{quote}\nEnd.")
    return Figure(measure=measure, value=Decimal(value), unit=measure.unit, source=source, quote=quote, slug="f", **fields)


@pytest.mark.parametrize("value", ["100.5", "-1"])
def test_a_percentage_outside_0_to_100_is_refused(make_source, make_measure, value):
    figure = unsaved_figure(make_source, make_measure(unit=Unit.PERCENT), value)
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "between 0 and 100" in str(error.value.message_dict["value"])


def test_the_database_refuses_a_percentage_over_100_too(make_source, make_measure):
    figure = unsaved_figure(make_source, make_measure(unit=Unit.PERCENT), "101")
    with pytest.raises(IntegrityError), transaction.atomic():
        figure.save()


@pytest.mark.parametrize("value", ["0", "51.2", "100"])
def test_percentages_from_0_to_100_are_accepted(make_source, make_measure, value):
    unsaved_figure(make_source, make_measure(unit=Unit.PERCENT), value).full_clean()


@pytest.mark.parametrize("value", ["12.5", "-3"])
def test_a_count_is_a_whole_number_not_below_zero(make_source, make_measure, value):
    figure = unsaved_figure(make_source, make_measure(unit=Unit.COUNT), value, quote=f"They counted {value} of them.")
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "whole number" in str(error.value.message_dict["value"])
    with pytest.raises(IntegrityError), transaction.atomic():
        figure.save()


def test_a_period_cannot_end_before_it_starts(make_source, make_measure):
    figure = unsaved_figure(
        make_source,
        make_measure(unit=Unit.PERCENT),
        "44",
        period_start=datetime.date(2024, 1, 1),
        period_start_precision=DatePrecision.MONTH,
        period_end=datetime.date(2023, 12, 31),
        period_end_precision=DatePrecision.YEAR,
    )
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "cannot end before it starts" in str(error.value.message_dict["period_end"])
    with pytest.raises(IntegrityError), transaction.atomic():
        figure.save()


def test_a_period_is_stored_as_precisely_as_the_source_gives_it(make_source, make_measure):
    # “In 2023” runs from 1 January to 31 December; 30 June with year precision would claim a precision we lack.
    figure = unsaved_figure(
        make_source,
        make_measure(unit=Unit.PERCENT),
        "44",
        period_start=datetime.date(2023, 1, 1),
        period_start_precision=DatePrecision.YEAR,
        period_end=datetime.date(2023, 6, 30),
        period_end_precision=DatePrecision.YEAR,
    )
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "31 December 2023" in str(error.value.message_dict["period_end"])
    figure.period_end = datetime.date(2023, 12, 31)
    figure.full_clean()
    assert figure.period_display == "2023"


def test_a_period_without_dates_is_said_to_be_undated(make_source, make_measure):
    figure = unsaved_figure(make_source, make_measure(unit=Unit.PERCENT), "44", period_text="over the past six months")
    figure.full_clean()
    assert figure.period_display == "period not dated by the source"


def test_a_start_without_an_end_is_open(make_source, make_measure):
    figure = unsaved_figure(
        make_source, make_measure(unit=Unit.PERCENT), "44", period_start=datetime.date(2024, 1, 1), period_start_precision=DatePrecision.MONTH
    )
    figure.full_clean()
    assert figure.period_display == "from January 2024, end not stated"


def test_the_quote_must_be_in_the_source(make_source, make_measure):
    figure = unsaved_figure(make_source, make_measure(unit=Unit.PERCENT), "44")
    figure.quote = "The rate stood at 44 percent, officials said."
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "not in the source's text" in str(error.value.message_dict["quote"])


def test_the_quote_must_give_the_number_itself(make_source, make_measure):
    # A slip from 72 to 27 is caught: the quote does not contain 27.
    figure = unsaved_figure(make_source, make_measure(unit=Unit.PERCENT), "72")
    figure.value = Decimal("27")
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "must contain the number" in str(error.value.message_dict["quote"])


def test_numbers_are_found_however_the_source_writes_them():
    assert quote_gives_value("1,063 terrorism incidents", Decimal("1063"))
    assert quote_gives_value("and Balochistan six percent.", Decimal("6"))
    assert quote_gives_value("only 51.2 percent have complied", Decimal("51.2"))
    # 6 is not found inside 16,300, nor 51 inside 51.2.
    assert not quote_gives_value("just 16,300 out of 32,000", Decimal("6"))
    assert not quote_gives_value("only 51.2 percent", Decimal("51"))


def test_the_unit_is_the_measures(make_source, make_measure):
    figure = unsaved_figure(make_source, make_measure(unit=Unit.PERCENT), "44")
    figure.unit = Unit.COUNT
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "use that unit" in str(error.value.message_dict["unit"])


def test_the_sources_bound_is_kept_in_the_display(make_figure):
    figure = make_figure(value="27", qualifier=Qualifier.AT_LEAST, quote="It killed at least 27 people.")
    assert figure.value_display == "at least 27"


def test_the_quote_link_scrolls_to_the_sentence():
    url = quote_link(source_url="/sources/report/", quote="Balochistan six percent, Khyber-Pakhtunkhwa & Sindh")
    assert url.startswith("/sources/report/#:~:text=")
    assert "%2D" in url and "%26" in url and "," not in url.split("#:~:text=")[1]


def test_an_organisation_is_banned_only_as_a_source_says(db):
    organisation = Organisation(name="BRAS", slug="bras", kind=Organisation.Kind.BANNED_OUTFIT, banned=False)
    with pytest.raises(ValidationError):
        organisation.full_clean()
    organisation = Organisation(name="BRAS", slug="bras", banned=False, banned_by="the interior ministry")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "only be given for an organisation named as banned" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        organisation.save()


def test_an_organisation_citation_must_quote_its_source(make_source, db):
    organisation = Organisation.objects.create(name="BLF", slug="blf")
    citation = OrganisationCitation(organisation=organisation, source=make_source(text="The banned outfits BLA and BLF."), quote="BLF and BLA")
    with pytest.raises(ValidationError):
        citation.full_clean()
