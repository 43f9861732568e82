import pytest
from django.db import IntegrityError

from foundations.aliases import normalize_name
from operations.models import Operation, OperationAlias


def test_spellings_that_differ_only_in_case_and_punctuation_normalise_alike():
    assert normalize_name("AZM-E-ISTEHKAM") == normalize_name("Azm-e-Istehkam") == normalize_name("‘Azm e Istehkam’")


def test_operation_is_found_by_any_recorded_spelling(make_operation):
    operation = make_operation(name="Azm-e-Istehkam", slug="azm-e-istehkam")
    OperationAlias.objects.create(operation=operation, name="Azm-e-Istahkam")
    make_operation(name="Zarb-e-Azb", slug="zarb-e-azb")
    for spelling in ("Azm-e-Istehkam", "AZM-E-ISTEHKAM", "Azm-e-Istahkam", "azm e istahkam"):
        assert list(Operation.objects.named(spelling)) == [operation]
    assert not Operation.objects.named("Radd-ul-Fasaad").exists()


def test_one_alias_names_one_operation(make_operation):
    OperationAlias.objects.create(operation=make_operation(), name="Azm-e-Istahkam")
    with pytest.raises(IntegrityError):
        OperationAlias.objects.create(operation=make_operation(), name="AZM-E-ISTAHKAM")
