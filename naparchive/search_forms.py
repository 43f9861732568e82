"""The site search's form: the query, one kind of record, and a page of that kind."""
from django import forms

from naparchive.search import KINDS, LAST_PAGE


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the archive", max_length=200, required=False, strip=True)
    # One kind's results alone, a page at a time; without it, the best of every kind.
    kind = forms.ChoiceField(label="Kind of record", choices=[("", "Every kind"), *KINDS.items()], required=False)
    page = forms.IntegerField(label="Page", min_value=1, max_value=LAST_PAGE, required=False)
