"""Which way a language is written (what `dir` a block of text in it gets), and text marked with its language."""
from __future__ import annotations

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html

# Primary subtags of the languages written right to left that a Pakistani archive may meet.
RIGHT_TO_LEFT = frozenset({"ur", "ar", "fa", "ps", "sd", "pnb", "skr", "bal", "he", "yi"})


def language_direction(language: str) -> str:
    """Return "rtl" for a BCP 47 tag of a language written right to left (by its primary subtag), else "ltr"."""
    return "rtl" if (language or "").split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"


def address_language(path: str) -> str | None:
    """Return the interface language a path's prefix names (`ur` for /ur/...), or None for an unprefixed path.

    The public pages have an address in every interface language (naparchive/urls.py): English at the
    unprefixed ones, any other under its code. /en-gb/... is no address of ours, not an English one.
    """
    language = translation.get_language_from_path(path)
    return language if language != settings.LANGUAGE_CODE else None


def twin_address(url: str, language: str) -> str | None:
    """Return the address of the same page in another interface language (query string kept), or None.

    None for an address outside the public pages (the API, the admin), which exist in one language only.
    Django's translate_url resolves the path in the active language, so call this where that is the
    address's own (while answering it). translate_url gives back an address it cannot resolve unchanged,
    and reversing an API address may even drop its optional slash: only an answer that differs and
    carries the other language's own prefix (none for English) is a twin.
    """
    twin = translate_url(url, language)
    wanted = None if language == settings.LANGUAGE_CODE else language
    if twin == url or address_language(urlsplit(twin).path) != wanted:
        return None
    return twin


# The language the archive's own records (titles, names, summaries, decisions) are curated in.
CURATED_LANGUAGE = "en"


@functools.lru_cache(maxsize=64)
def _primary_subtag(language: str) -> str:
    return language.split("-")[0].lower()


def _is_page_language(language: str) -> bool:
    """Return True if `language` is the current page's (by primary subtag: "en" text on an "en-gb" page)."""
    return _primary_subtag(translation.get_language() or settings.LANGUAGE_CODE) == _primary_subtag(language)


def language_attributes(language: str = CURATED_LANGUAGE) -> str:
    """Return ` lang=".." dir=".."` for a block (paragraphs) written in `language` on a page in another, else "".

    The block form of marked_with_language, for curated text of several paragraphs (a summary), which a
    `<bdi>` may not hold: the attributes go on the element around it.
    """
    language = language or CURATED_LANGUAGE
    if _is_page_language(language):
        return ""
    return format_html(' lang="{}" dir="{}"', language, language_direction(language))


def marked_with_language(text, language: str = CURATED_LANGUAGE):
    """Return text to show on the current page, marked with the language it is written in where the page's differs.

    The archive's records keep the language they were curated in while the labels around them follow the
    interface: on an Urdu page an English title becomes <bdi lang="en" dir="ltr">, so a screen reader reads
    it in English and the bidirectional algorithm keeps it whole (a trailing "(NAP)" or figure stays
    inside it). On a page in the text's own language it is returned as it is (the template escapes it).
    For text, never an attribute value.
    """
    if text is None or text == "":
        return text
    language = language or CURATED_LANGUAGE
    if _is_page_language(language):
        return text
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', language, language_direction(language), text)
