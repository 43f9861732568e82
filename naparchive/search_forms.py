"""The site search's form: the query, one kind of record, and a page of that kind."""
from django import forms
from django.utils.translation import gettext_lazy as _

from naparchive.search import KINDS

MAX_PAGE_NUMBER = 1_000_000


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the archive"), max_length=200, required=False, strip=True)
    # One kind's results alone, a page at a time; without it, the best of every kind.
    kind = forms.ChoiceField(label=_("Kind of record"), choices=[("", _("Every kind")), *KINDS.items()], required=False)
    # Any page number is a fair question (past the last, the page says how many there are); the bound only
    # keeps absurd numbers out of the database as offsets it cannot hold.
    page = forms.IntegerField(
        label=_("Page"),
        min_value=1,
        max_value=MAX_PAGE_NUMBER,
        required=False,
        error_messages={"max_value": _("give a page number, such as 2.")},
    )
