"""Other names of a record (spelling variants, transliterations, abbreviations) and how they match."""
import re
import unicodedata

from django.db import models
from django.db.models.functions import Lower

from foundations.safe_text import CheckedTextModel

_JOINERS = re.compile(r"[\s\-‐‑‒–—_'’‘`\"“”.]+")


def fold_accents(text: str) -> str:
    """Return the text without case or accents (“Azm-é” and “AZM-E” fold alike): the form exact matching compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalize_name(name: str) -> str:
    """Return the form two spellings of one name share: no accents, case, quotes or hyphens.

    "AZM-E-ISTEHKAM", "Azm-e-Istehkam" and "Azm e Istehkam" all become "azm e istehkam".
    Transliteration variants that differ in letters (Istehkam / Istahkam) are recorded as aliases.
    """
    return _JOINERS.sub(" ", fold_accents(name)).strip()


class Alias(CheckedTextModel):
    """Another name a source uses for a record. Subclasses add the foreign key to the record."""

    name = models.CharField(max_length=200, help_text="The name exactly as a source writes it.")
    note = models.CharField(max_length=300, blank=True, help_text="Where the name is used, if worth saying.")

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def unique_name_constraint(cls, name: str) -> models.UniqueConstraint:
        return models.UniqueConstraint(Lower("name"), name=name, violation_error_message="This alias is already recorded.")
