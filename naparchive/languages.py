"""The interface language: the one the reader chose with the language switch, else English."""
from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    """
    Activate the language in the reader's language cookie (set by the switch, `set_language`), else LANGUAGE_CODE.

    Unlike Django's LocaleMiddleware this does not follow the browser's Accept-Language: English stays the
    default, and Urdu is shown to those who ask for it, since only the site's navigation is translated so far.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


def interface_languages(request):
    """Give templates the interface languages, each named in its own language (Django would translate the names)."""
    return {"interface_languages": settings.LANGUAGES}
