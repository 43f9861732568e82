"""The curated seed figures and organisations load, are cited word for word, and keep the sources' own terms."""
import json
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from figures.models import Figure, Measure, Qualifier
from organisations.models import Organisation

SEEDS = str(settings.BASE_DIR / "seeds")


@pytest.fixture
def seeds_imported(db):
    call_command("import_sources", SEEDS, verbosity=0)


def test_every_curated_figure_loads_and_is_cited_from_its_source(seeds_imported):
    call_command("load_curated_figures", verbosity=0)
    figures = list(Figure.objects.select_related("source"))
    assert len(figures) == 19
    for figure in figures:
        figure.full_clean()  # the quote is in the source and gives the number
        assert figure.quote in figure.source.text


def test_the_conviction_rates_are_the_sources(seeds_imported):
    call_command("load_curated_figures", verbosity=0)
    rates = {
        figure.places.get().name: figure.value
        for figure in Figure.objects.filter(measure__slug="conviction-rate-for-terrorists")
    }
    assert rates == {
        "Pakistan": Decimal("44"),
        "Punjab": Decimal("72"),
        "Sindh": Decimal("54"),
        "Khyber Pakhtunkhwa": Decimal("35"),
        "Balochistan": Decimal("6"),
    }


def test_the_sources_bounds_and_terms_are_kept(seeds_imported):
    call_command("load_curated_figures", verbosity=0)
    assert Figure.objects.get(value=1346).qualifier == Qualifier.AT_LEAST
    assert Figure.objects.get(value=27).value_display == "at least 27"
    assert Figure.objects.get(value=50).value_display == "more than 50"
    assert Figure.objects.get(value=354).measure.name == "Terrorist casualties"
    assert Measure.objects.filter(name__icontains="killed", figures__value=354).count() == 0


def test_no_period_is_invented(seeds_imported):
    call_command("load_curated_figures", verbosity=0)
    operations = Figure.objects.get(value=22714)
    assert operations.period_start is None and operations.period_end is None
    assert "does not make clear" in operations.period_note
    incidents = Figure.objects.get(value=1063)
    assert incidents.period_display == "from January 2024, end not stated"
    assert {place.name for place in incidents.places.all()} == {"Khyber Pakhtunkhwa", "Balochistan"}


def test_loading_again_changes_nothing(seeds_imported):
    call_command("load_curated_figures", verbosity=0)
    call_command("load_curated_organisations", verbosity=0)
    before = list(Figure.objects.values_list("id", "updated_at")), list(Organisation.objects.values_list("id", "updated_at"))
    call_command("load_curated_figures", verbosity=0)
    call_command("load_curated_organisations", verbosity=0)
    after = list(Figure.objects.values_list("id", "updated_at")), list(Organisation.objects.values_list("id", "updated_at"))
    assert before == after


def test_without_the_seed_sources_each_figure_is_named_and_the_rest_still_loads(db, capsys):
    with pytest.raises(CommandError, match="could not be loaded"):
        call_command("load_curated_figures", verbosity=0)
    errors = capsys.readouterr().err
    assert "conviction-rate-for-terrorists-2023-punjab" in errors
    assert "import_sources seeds/" in errors
    assert Measure.objects.count() == 14  # measures need no source: they loaded
    assert Figure.objects.count() == 0


def test_a_bad_item_is_reported_and_the_good_ones_load(seeds_imported, tmp_path, capsys):
    curated = json.loads((settings.BASE_DIR / "seeding" / "curated" / "seed_figures.json").read_text())
    curated["figures"][0]["quote"] = "A sentence the source never printed: 1,063."
    bad_file = tmp_path / "figures.json"
    bad_file.write_text(json.dumps(curated))
    with pytest.raises(CommandError, match="1 item"):
        call_command("load_curated_figures", file=str(bad_file), verbosity=0)
    assert "not in the source's text" in capsys.readouterr().err
    assert Figure.objects.count() == 18


def test_an_unreadable_file_is_named(db, tmp_path):
    bad_file = tmp_path / "broken.json"
    bad_file.write_text("{not json")
    with pytest.raises(CommandError, match="broken.json"):
        call_command("load_curated_figures", file=str(bad_file), verbosity=0)


def test_the_banned_outfits_are_those_the_source_names_and_no_more(seeds_imported):
    call_command("load_curated_organisations", verbosity=0)
    banned = set(Organisation.objects.filter(banned=True).values_list("name", flat=True))
    assert banned == {"Majeed Brigade", "BLA", "BLF", "BRAS"}
    # The TTP is only alluded to (“the Pakistani chapter of the movement”): nothing is recorded for it.
    assert not Organisation.objects.filter(name__icontains="TTP").exists()
    assert not Organisation.objects.filter(name__icontains="Tehrik").exists()
    for organisation in Organisation.objects.prefetch_related("citations__source"):
        assert organisation.banned_by == "" and organisation.banned_on is None
        for citation in organisation.citations.all():
            citation.full_clean()


def test_the_banned_outfits_are_linked_to_the_operation_approved_against_them(seeds_imported):
    call_command("load_curated_archive", verbosity=0)
    call_command("load_curated_organisations", verbosity=0)
    bla = Organisation.objects.get(name="BLA")
    assert bla.decisions.filter(text__icontains="military operation").exists()
    assert bla.operations.exists()
