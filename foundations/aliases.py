"""Other names of a record (spelling variants, transliterations, abbreviations) and how they match.

The one name normaliser: extraction (curation.extraction) and search (naparchive.search_names) both
compare names through the functions here, so a spelling one of them finds the other finds too.
"""
import re
import unicodedata

from django.db import models
from django.db.models.functions import Lower

from foundations.safe_text import CheckedTextModel

_JOINERS = re.compile(r"[\s\-‐‑‒–—_'’‘`\"“”.]+")
_VOWELS = set("aeiouy")

# Urdu written with Arabic code points, or with presentation forms, reads the same to a person: fold
# them to the Urdu letters. Hamza and the short-vowel marks are combining characters (after NFKD) and
# go with the accents; the tatweel stretches a word; the zero-width (non-)joiners shape letters.
_ARABIC_SCRIPT_FOLDS = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Farsi/Urdu yeh
        "\u0649": "\u06cc",  # alef maksura -> Urdu yeh
        "\u0643": "\u06a9",  # Arabic kaf -> keheh
        "\u0647": "\u06c1",  # Arabic heh -> heh goal
        "\u06d5": "\u06c1",  # ae -> heh goal
        "\u0629": "\u06c3",  # teh marbuta -> teh marbuta goal
        "\u0640": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u200f": None,  # right-to-left mark
        "\u200e": None,  # left-to-right mark
    }
)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def fold_accents(text: str) -> str:
    """Return the text without case or accents (“Azm-é” and “AZM-E” fold alike): the form exact matching compares.

    Urdu/Arabic script folds too: Arabic yeh, kaf and heh become the Urdu letters, and hamza,
    diacritics, tatweel and zero-width joiners go (شہباز and شهباز fold alike).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return folded.translate(_ARABIC_SCRIPT_FOLDS)


def normalize_name(name: str) -> str:
    """Return the form two spellings of one name share: no accents, case, quotes or hyphens.

    "AZM-E-ISTEHKAM", "Azm-e-Istehkam" and "Azm e Istehkam" all become "azm e istehkam".
    Transliteration variants that differ in letters (Istehkam / Istahkam) share a skeleton
    (`name_skeleton`) and may be recorded as aliases.
    """
    return _JOINERS.sub(" ", fold_accents(name)).strip()


def transliteration_skeleton(words: list[str]) -> str:
    """Return the consonant skeleton Urdu names share however they are romanised.

    Azm-e-Istehkam, Azm-i-Istehkam, Azme Istehkam and Azm-e-Istahkam all give "azmsthkm":
    connectors (-e-, -i-, -ul-) fuse into the words, vowels after the first letter go, and doubled
    letters (Fasaad / Fasad, Radd / Rad) collapse.
    """
    joined = "".join(fold_accents(word) for word in words)
    joined = "".join(ch for ch in joined if ch.isalnum())
    if not joined:
        return ""
    skeleton = joined[0] + "".join(ch for ch in joined[1:] if ch not in _VOWELS)
    collapsed = []
    for ch in skeleton:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    return "".join(collapsed)


def name_skeleton(name: str) -> str:
    """Return the transliteration skeleton of a whole name (its words split as normalize_name splits them)."""
    return transliteration_skeleton(normalize_name(name).split())


def is_arabic_script(text: str) -> bool:
    """Return True if the text has letters of the Arabic script (Urdu, Arabic, Persian)."""
    return bool(_ARABIC_SCRIPT.search(text))


def script_language(text: str) -> str:
    """Return the language a name is taken to be written in, as its script says: "ur" for Arabic script, else "en".

    Names (aliases, outlets, origins) are written as the sources write them, in either script, with no
    language recorded.
    """
    return "ur" if is_arabic_script(text) else "en"


class Alias(CheckedTextModel):
    """Another name a source uses for a record. Subclasses add the foreign key to the record."""

    name = models.CharField(max_length=200, help_text="The name exactly as a source writes it.")
    note = models.CharField(max_length=300, blank=True, help_text="Where the name is used, if worth saying.")

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def language(self) -> str:
        return script_language(self.name)

    @classmethod
    def unique_name_constraint(cls, name: str) -> models.UniqueConstraint:
        return models.UniqueConstraint(Lower("name"), name=name, violation_error_message="This alias is already recorded.")
