"""Django's LocaleMiddleware, for every interface language even before its catalogue is compiled.

Django takes the language from the URL prefix only if it finds a gettext catalogue for it
(``check_for_language``): it ships none for Pashto, Tigrinya or Somali, so until ours is written and
compiled, /ps/… would not be Pashto at all (the page would answer in French, or 404). The prefix of a
language in settings.LANGUAGES is taken as it is; strings without a translation show in French
(Django's fallback on LANGUAGE_CODE's catalogue), as for any string missing from a catalogue."""

import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

PREFIX = re.compile(r"^/([\w-]+)(?:/|$)")


def _unchecked_prefix_language(path):
    """The language of the URL prefix when it is one of ours but Django does not recognise it."""
    match = PREFIX.match(path)
    code = match.group(1) if match else None
    if code not in dict(settings.LANGUAGES) or translation.get_language_from_path(path):
        return None
    return code


class InterfaceLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        code = _unchecked_prefix_language(request.path_info)
        if code is not None:
            translation.activate(code)
            request.LANGUAGE_CODE = code

    def process_response(self, request, response):
        if _unchecked_prefix_language(request.path_info) is None:
            return super().process_response(request, response)
        # What Django does for a language found in the path: no redirect, no Vary on Accept-Language.
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
