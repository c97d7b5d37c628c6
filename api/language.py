"""Which language an API request reads in: the URL's prefix (`/ru/api/v1/...`, as every page of
the site), or `?lang=<code>`, which wins over it. A program building URLs finds a parameter
easier to set than a path prefix; both name the language in the URL, never in a header, so a
stored response is right for everyone who asks for the same URL."""

from django.http import QueryDict

from core import languages

PARAMETER = "lang"


def requested_language(request):
    """The valid `?lang=` code, or None (absent or not one of the site's languages)."""
    value = request.GET.get(PARAMETER, "")
    return value if value in languages.codes() else None


def language_query(request):
    """The `lang` part of a normalised query: kept when it names a language, else dropped."""
    query = QueryDict(mutable=True)
    if language := requested_language(request):
        query[PARAMETER] = language
    return query
