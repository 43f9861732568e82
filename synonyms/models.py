"""Words that search treats as one: spellings and names the sources use for the same thing.

Names of records (operations, people, bodies, organisations) have their own aliases; a synonym set
is for what no record is named: madrasa / madrassa / madaris, Baluchistan / Balochistan, KP / Khyber
Pakhtunkhwa. Searching for any word of a set finds what any of them finds.
"""
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from foundations.aliases import normalize_name
from foundations.safe_text import CheckedTextModel


class SynonymSet(CheckedTextModel):
    words = models.TextField(
        help_text="The words or names search treats as one, one a line, e.g. madrasa, madrassa, madaris. "
        "Case, accents and hyphens do not matter; Urdu script is welcome."
    )
    note = models.CharField(max_length=300, blank=True, help_text="Why these are the same, for other editors.")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["words"]
        verbose_name = "synonym set"

    def __str__(self) -> str:
        return " / ".join(self.word_list)

    @property
    def word_list(self) -> list[str]:
        """Return the set's words, once each, as written."""
        words = [line.strip() for line in self.words.splitlines()]
        return list(dict.fromkeys(word for word in words if normalize_name(word)))

    def clean(self):
        if len({normalize_name(word) for word in self.word_list}) < 2:
            raise ValidationError({"words": "Give at least two different words, one a line."})
