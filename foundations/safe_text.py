"""What text and links a record may store, checked by every record's `full_clean()`, and text made fit for XML.

The import command, the admin and the API all validate a record with `full_clean()`, so a rule stated
here holds for every way text enters the archive. Control characters other than tab, newline and
carriage return are refused: they are invisible on a page, and XML 1.0 (the Atom feeds) cannot carry
most of them at all. Carriage return stays allowed because browsers send textarea lines as CRLF and
verbatim source files are often saved with Windows line endings; XML carries it. Links must be
web addresses (http or https) made only of the characters RFC 3986 allows, so every stored URL is a
valid `format: uri` as the API schema promises.
"""
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

ALLOWED_CONTROLS = frozenset("\t\n\r")

# Characters that may appear in a URI (RFC 3986: unreserved, reserved and "%" for escapes).
_URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_PERCENT_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# What XML 1.0 cannot carry at all: C0 controls other than tab, newline and carriage return,
# lone surrogates, and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_web_url = URLValidator(schemes=["http", "https"])
INVALID_WEB_URL = "Enter a valid http or https URL."


def control_character_problem(value: str) -> str | None:
    """Return why text with a control character (other than tab, newline, carriage return) is refused, or None."""
    for index, character in enumerate(value):
        if character not in ALLOWED_CONTROLS and unicodedata.category(character) == "Cc":
            where = f" on line {value.count(chr(10), 0, index) + 1}" if "\n" in value else ""
            return (
                f"Control character U+{ord(character):04X} found{where}: text may hold no control characters "
                "other than tab, newline and carriage return."
            )
    return None


def web_url_problem(value: str) -> str | None:
    """Return why a value is not an http(s) address fit to be a URI, or None if it is."""
    try:
        _web_url(value)
    except ValidationError:
        return INVALID_WEB_URL
    if not _URI_CHARACTERS.fullmatch(value) or _PERCENT_ESCAPE.search(value):
        return (
            "Enter a URL made only of the characters a URL may hold: spaces, quotes, angle brackets and "
            "letters outside A–Z must be percent-encoded (as a browser copies them from its address bar)."
        )
    return None


def xml_safe(text: str) -> str:
    """Return the text without the characters XML 1.0 cannot carry (feeds must never fail on stored text)."""
    return _NOT_XML.sub("", text)


class CheckedTextModel(models.Model):
    """A record whose text fields refuse control characters and whose URL fields take only web addresses."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors: dict = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if (exclude and field.name in exclude) or field.name in errors:
                continue
            value = getattr(self, field.attname)
            if not isinstance(value, str) or not value:
                continue
            # Codes of their own: a ModelForm replaces a model error whose code its field knows
            # ("invalid") with the field's generic message.
            problem, code = control_character_problem(value), "control_character"
            if problem is None and isinstance(field, models.URLField):
                problem, code = web_url_problem(value), "not_a_web_uri"
            if problem:
                errors[field.name] = [ValidationError(problem, code=code)]
        if errors:
            raise ValidationError(errors)
