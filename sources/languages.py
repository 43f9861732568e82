"""
The language a source is written in: the one its front matter states, else the one its script shows.

The archive reads English and Urdu. A text that is mostly Arabic script is taken to be Urdu, the only
Arabic-script language of Pakistan's press the archive collects; an Arabic or Persian text must say so
in its front matter (`language: ar`).
"""
from __future__ import annotations

from foundations.aliases import is_arabic_script
from sources.front_matter import article_start

ENGLISH = "en"
URDU = "ur"
# An Urdu report quotes English names, figures and acronyms ("NAP", "ISPR", "2024"); a share above half
# of the letters still tells the two apart, since an English report almost never has any Urdu at all.
_MOSTLY = 0.5


def text_language_detect(*, text: str) -> str:
    """Return `ur` if most letters of the article (after any front matter) are Arabic script, else `en`."""
    article = text[article_start(text) :]
    letters = [char for char in article if char.isalpha()]
    if not letters:
        return ENGLISH
    arabic = sum(1 for char in letters if is_arabic_script(char))
    return URDU if arabic > _MOSTLY * len(letters) else ENGLISH

