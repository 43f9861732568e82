"""The public filters' <select> is Django's markup, written out faster."""
import pytest
from django import forms
from django.test.html import parse_html

from foundations.widgets import PlainSelect

CHOICES = [("", "Anyone"), ("shehbaz-sharif", "Shehbaz Sharif"), ("x", "Tom & <Jerry>")]


def normalised(html: str):
    """The parsed element: attribute order and whitespace between tags do not count, as in assertHTMLEqual."""
    return parse_html(str(html))


@pytest.mark.parametrize("value", [None, "", "shehbaz-sharif", "x", "not-a-choice"])
def test_same_markup_as_djangos_select(value):
    attrs = {"id": "id_chair", "aria-describedby": "chair-help"}
    expected = forms.Select(choices=CHOICES).render("chair", value, attrs)
    assert normalised(PlainSelect(choices=CHOICES).render("chair", value, attrs)) == normalised(expected)


def test_grouped_choices_are_left_to_django():
    grouped = [("Provinces", [("punjab", "Punjab"), ("sindh", "Sindh")])]
    assert normalised(PlainSelect(choices=grouped).render("region", "sindh")) == normalised(forms.Select(choices=grouped).render("region", "sindh"))
