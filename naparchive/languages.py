"""
The interface language: the one the reader chose with the language switch, else English.

Only the site's frame (header, navigation, search, footer) is translated so far; each page's own content
(facts, headings, dates) stays English, as curated. So the chosen language is not activated for the whole
request: base.html renders its frame in it (`{% language interface_language %}`) and marks the content
`lang="en"`, and dates and numbers in the content keep their English form.
"""
from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_info


class ChosenLanguageMiddleware:
    """
    Record on the request the language in the reader's language cookie (set by `set_language`), else LANGUAGE_CODE.

    Unlike Django's LocaleMiddleware this does not follow the browser's Accept-Language: English stays the
    default, and Urdu is shown to those who ask for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        request.LANGUAGE_CODE = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        return response


def interface_languages(request):
    """Give templates the interface language (code, `lang` tag, direction) and every choice, named in its own language."""
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return {
        "interface_languages": settings.LANGUAGES,
        "interface_language": language,
        "interface_lang": language.split("-")[0],
        "interface_dir": "rtl" if get_language_info(language)["bidi"] else "ltr",
    }
