"""
The interface language: the one in the page's address (/ur/... is Urdu, an unprefixed address English).

Every public page has an address in each interface language (naparchive/urls.py, `i18n_patterns` without
a prefix for English, so the English addresses are the ones the archive always had). The language is
activated for the whole request, so headings, filter labels, messages, dates and numbers are in it.
The reader's choice (the language switch, Django's `set_language`) is remembered in the language cookie:
a reader who chose Urdu and opens an unprefixed public page is sent to its /ur/ twin.

Our own middleware rather than Django's LocaleMiddleware, because LocaleMiddleware
- follows the browser's Accept-Language (English stays the default for everyone who has not chosen), and
- activates the cookie's language on unprefixed addresses outside the public pages (the API, the admin,
  the health checks, the sitemap), which must keep answering in English whatever a visitor chose.
"""
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language as django_set_language

from foundations.languages import address_language, language_direction, twin_address


def chosen_language(request) -> str | None:
    """Return the interface language the reader chose (the language cookie), or None (never chose, or a forged value)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else None


class InterfaceLanguageMiddleware:
    """Activate the language of the address for the request; send a reader who chose Urdu to the Urdu twin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = address_language(request.path_info)
        unprefixed = language is None
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            if unprefixed:
                redirect = self._to_chosen_language(request)
                if redirect is not None:
                    return redirect
            response = self.get_response(request)
        finally:
            # Nothing answered later in this thread (a cached page, a static file) inherits this request's language.
            translation.deactivate()
        if unprefixed:
            # An unprefixed public address answers according to the language cookie (the page, or a redirect).
            patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response

    @staticmethod
    def _to_chosen_language(request) -> HttpResponseRedirect | None:
        chosen = chosen_language(request)
        if chosen in (None, settings.LANGUAGE_CODE) or request.method not in ("GET", "HEAD"):
            return None
        there = twin_address(request.get_full_path(), chosen)
        if there is None:
            return None
        response = HttpResponseRedirect(there)
        patch_vary_headers(response, ["Cookie"])
        return response


@csrf_exempt
def set_language(request):
    """Remember the chosen interface language and go to the same page in it (Django's set_language).

    Django finds the page's twin by resolving `next` in the language active for this request, which at
    /language/ (an unprefixed address) is English: `next` is resolved in its own address's language instead,
    so the switch keeps the page whichever language it comes from. Without a CSRF token, so pages keep no
    per-visitor token and stay cacheable: a forged request could only change the interface language, and
    `next` must stay on this site (Django checks it).
    """
    next_url = request.POST.get("next", request.GET.get("next", ""))
    with translation.override(address_language(urlsplit(next_url).path) or settings.LANGUAGE_CODE):
        return django_set_language(request)


def interface_languages(request):
    """Give templates the interface language (code, `lang` tag, direction) and every choice, named in its own language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "interface_languages": settings.LANGUAGES,
        "interface_language": language,
        "interface_lang": language.split("-")[0],
        "interface_dir": language_direction(language),
    }
