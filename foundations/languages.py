"""Which way a language is written: what `dir` a block of text in it gets."""
from __future__ import annotations

# Primary subtags of the languages written right to left that a Pakistani archive may meet.
RIGHT_TO_LEFT = frozenset({"ur", "ar", "fa", "ps", "sd", "pnb", "skr", "bal", "he", "yi"})


def language_direction(language: str) -> str:
    """Return "rtl" for a BCP 47 tag of a language written right to left (by its primary subtag), else "ltr"."""
    return "rtl" if (language or "").split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"
