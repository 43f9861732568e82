"""Form widgets for the public pages."""
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class PlainSelect(forms.Select):
    """A <select> written out in Python rather than one template include per <option>.

    The meeting list's "Chaired by" filter offers every person who chaired a meeting; with
    thousands of them, Django's template-per-option rendering took most of the page's time.
    The markup is the same as Django's, grouped options aside (they fall back to Django's way).
    """

    def render(self, name, value, attrs=None, renderer=None):
        # Not list(): that asks a ModelChoiceIterator its len() first, which costs a COUNT query.
        choices = [choice for choice in self.choices]
        if any(isinstance(label, (list, tuple)) for _value, label in choices):
            return super().render(name, value, attrs, renderer)
        selected = set(self.format_value(value))
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            ((str(option), " selected" if str(option) in selected else "", label) for option, label in choices),
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>\n{}\n</select>', name, attributes, options)


class DatalistInput(forms.TextInput):
    """A text input suggesting values from a <datalist>: `options` is called at each render for a short list.

    For a choice among more values than a page should carry (every person who chaired a meeting): the
    reader types any of them, and the few most likely are offered as they type.
    """

    def __init__(self, *, options, list_id: str, attrs=None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
        self.options = options
        self.list_id = list_id

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {}), "list": self.list_id}
        field = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}"></option>', ((option,) for option in self.options()))
        return format_html('{}<datalist id="{}">{}</datalist>', field, self.list_id, options)
