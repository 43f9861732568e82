"""The curated organisations' aliases load (Urdu script among them), and search finds an outfit by any of them."""
import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from naparchive.search import archive_search
from organisations.models import Organisation, OrganisationAlias
from seeding.organisations import DEFAULT_PATH, organisations_load_curated

SEEDS = str(settings.BASE_DIR / "seeds")


@pytest.fixture
def organisations_loaded(db):
    call_command("import_sources", SEEDS, verbosity=0)
    report = organisations_load_curated()
    assert not report.failed, report.failed
    return report


def organisations_found(query: str) -> list[str]:
    (group,) = archive_search(query=query, kind="organisations").groups
    return [hit.title for hit in group.hits]


def test_the_aliases_load_with_the_organisations(organisations_loaded):
    bla = Organisation.objects.get(slug="bla")
    assert set(bla.aliases.values_list("name", flat=True)) == {"Balochistan Liberation Army", "بلوچستان لبریشن آرمی", "بی ایل اے"}
    assert bla.aliases.get(name="بی ایل اے").kind == OrganisationAlias.Kind.ABBREVIATION
    assert set(Organisation.objects.get(slug="majeed-brigade").aliases.values_list("name", flat=True)) == {"مجید بریگیڈ"}
    # Only names we are sure of: none for BRAS, and none for the Afghan Taliban (not a banned outfit).
    assert not OrganisationAlias.objects.filter(organisation__slug__in=["bras", "afghan-taliban"]).exists()


@pytest.mark.parametrize(
    "query, name",
    [
        ("بلوچستان لبریشن آرمی", "BLA"),
        ("بی ایل اے", "BLA"),
        ("Balochistan Liberation Army", "BLA"),
        ("Baluchistan Liberation Army", "BLA"),
        ("بلوچستان لبریشن فرنٹ", "BLF"),
        ("Balochistan Liberation Front", "BLF"),
        ("مجید بریگیڈ", "Majeed Brigade"),
        # Arabic code points for the same letters (Arabic yeh, heh) fold to the Urdu ones.
        ("مجيد بريگيڈ", "Majeed Brigade"),
    ],
)
def test_searching_an_alias_finds_the_organisation(organisations_loaded, query, name):
    # First: every outfit's description names the others ("Majeed Brigade, BLA, BLF and BRAS"), so they match too.
    assert organisations_found(query)[0] == name


def test_loading_again_changes_nothing(organisations_loaded):
    aliases = list(OrganisationAlias.objects.order_by("pk").values_list("pk", "name", "note"))
    report = organisations_load_curated()
    assert not report.created and not report.failed
    assert list(OrganisationAlias.objects.order_by("pk").values_list("pk", "name", "note")) == aliases


def test_an_alias_another_organisation_has_is_named_and_the_rest_still_load(db, tmp_path, capsys):
    call_command("import_sources", SEEDS, verbosity=0)
    curated = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    blf = next(item for item in curated["organisations"] if item["slug"] == "blf")
    blf["aliases"].append({"name": "BALOCHISTAN LIBERATION ARMY", "kind": "name"})
    edited = tmp_path / "organisations.json"
    edited.write_text(json.dumps(curated, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError, match="1 item"):
        call_command("load_curated_organisations", file=str(edited), verbosity=0)
    error = capsys.readouterr().err
    assert "blf" in error and "This alias is already recorded." in error
    # The item with the bad alias is left out whole; every other organisation loads.
    assert not Organisation.objects.filter(slug="blf").exists()
    assert Organisation.objects.filter(slug__in=["bla", "bras", "majeed-brigade", "afghan-taliban"]).count() == 4
