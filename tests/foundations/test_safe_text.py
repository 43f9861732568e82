"""Text and links every record refuses, whichever way they come in, and text made fit for XML."""
import pathlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from foundations.safe_text import CheckedTextModel, control_character_problem, web_url_problem, xml_safe
from meetings.models import Body
from sources.models import SourceDocument

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("value", ["plain", "tab\tnewline\ncarriage return\r\n", "Urdu: پاکستان", "é"])
def test_ordinary_text_is_accepted(value):
    assert control_character_problem(value) is None


@pytest.mark.parametrize(
    "value, character", [("a\x1bb", "U+001B"), ("a\bb", "U+0008"), ("\x00", "U+0000"), ("a\x7f", "U+007F"), ("a\x85", "U+0085"), ("\x0c", "U+000C")]
)
def test_control_characters_are_refused_naming_them(value, character):
    assert character in control_character_problem(value)


@pytest.mark.parametrize("url", ["https://www.dawn.com/news/1841234", "http://example.org/a?b=c&d=%20e#f", "https://[::1]:8000/"])
def test_web_urls_are_accepted(url):
    assert web_url_problem(url) is None


@pytest.mark.parametrize(
    "url",
    ['https://example.org/a"><script>', "https://example.org/a b", "ftp://example.org/", "javascript:alert(1)", "https://example.org/%zz", "https://example.org/پاکستان", "www.dawn.com"],
)
def test_urls_that_are_not_web_uris_are_refused(url):
    assert web_url_problem(url)


def test_xml_safe_leaves_out_only_what_xml_cannot_carry():
    assert xml_safe("a\x1bb\x08c\td\ne\rf\x7fg\ufffe") == "abc\td\ne\rf\x7fg"


@pytest.mark.django_db
def test_full_clean_names_the_field():
    with pytest.raises(ValidationError) as refused:
        Body(name="Apex\bcommittee", slug="apex", description="Line one\r\nline two").full_clean()
    assert list(refused.value.message_dict) == ["name"]
    with pytest.raises(ValidationError) as refused:
        SourceDocument(text="Text.", sha256="0" * 64, slug="s", url='https://example.org/a"><script>').full_clean(validate_unique=False)
    assert list(refused.value.message_dict) == ["url"]


def test_every_project_record_with_text_checks_it():
    """A new model with text fields must check them too (history rows copy records already checked)."""
    unchecked = [
        model._meta.label
        for model in apps.get_models()
        if pathlib.Path(model._meta.app_config.path).resolve().is_relative_to(REPO) and ".venv" not in model._meta.app_config.path
        and not model.__name__.startswith("Historical")
        and any(isinstance(field, models.CharField | models.TextField) for field in model._meta.concrete_fields)
        and not issubclass(model, CheckedTextModel)
    ]
    assert unchecked == []
