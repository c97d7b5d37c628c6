"""The API's filters are the listings' own: news through `news.listing.filterset.NewsFilter`
(the FilterSet behind the HTML listing and the Atom feed), meetings through
`news.meeting_filter.MeetingFilter`. Nothing here decides what a parameter means; this module
only reports what the filters kept and dropped, and describes their parameters to the schema.

Why not django-filter's DRF backend (`DjangoFilterBackend`): it filters a queryset, while the
news listing is answered by its engines (the facet index, or SQL while none is ready), which
also give the facet counts and the page's ids; and the backend answers 400 to a malformed
date, where the listing drops it with a notice. The views therefore build the FilterSet
themselves, as the HTML views do, and the schema's parameters are read from the FilterSet's
declarations (`filter_parameters`), so they cannot drift from it either.
"""

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from api.language import PARAMETER as LANGUAGE_PARAMETER
from api.language import requested_language
from api.pagination import PARAMETER as PAGE_PARAMETER
from core import languages
from news.listing.filterset import MAX_VALUES_PER_FACET, FacetFilter, SortFilter, shorten

# What an echoed value may cost a response: a few values per key, each shortened.
MAX_IGNORED_KEYS = 20


def ignored_parameters(request, accepted):
    """{key: values} for the query's keys that no filter reads (`lang` when it names no
    language)."""
    ignored = {}
    for key in request.GET:
        if key == LANGUAGE_PARAMETER and requested_language(request):
            continue
        if key not in accepted and len(ignored) < MAX_IGNORED_KEYS:
            ignored[shorten(key)] = [
                shorten(value) for value in request.GET.getlist(key)[:MAX_VALUES_PER_FACET]
            ]
    return ignored


def listing_ignored(filterset, request):
    """{parameter: values} a listing's FilterSet (news.listing.filterset.ListingFilter) dropped
    (unknown slugs and sort orders, malformed period ends, search words too long or too
    common), then the parameters it does not read: the same things its `notices` tell the
    HTML listing's visitors, for a program to act on."""
    filterset.cleaned  # noqa: B018 - validates the form
    form = filterset.form
    ignored = {}
    for name in (*filterset.listing.facet_names, "sort"):
        if form.fields[name].unknown:
            ignored[name] = [shorten(value) for value in form.fields[name].unknown]
    for name in filterset.period_fields:
        if name in form.errors:
            ignored[name] = [shorten(request.GET.get(name, ""))]
    raw_q = request.GET.get("q", "")
    if raw_q.strip() and "q" not in filterset.query:
        ignored["q"] = [shorten(raw_q)]
    accepted = {*filterset.base_filters, PAGE_PARAMETER}
    ignored.update(ignored_parameters(request, accepted))
    return ignored


def meeting_ignored(meeting_filter, request):
    ignored = {}
    if meeting_filter.unknown:
        ignored["type"] = [shorten(value) for value in meeting_filter.unknown]
    ignored.update(ignored_parameters(request, {"type", PAGE_PARAMETER}))
    return ignored


LANGUAGE = OpenApiParameter(
    LANGUAGE_PARAMETER,
    OpenApiTypes.STR,
    enum=languages.codes(),
    description=(
        "The language to read in; wins over the URL's language prefix (/ru/api/v1/...). "
        "Default: the prefix's, English without one."
    ),
)
PAGE = OpenApiParameter(
    PAGE_PARAMETER,
    OpenApiTypes.STR,
    description="A page number from 1, or `last`. A page past the end is a 404.",
)


def filter_parameters(filterset_class):
    """The FilterSet's filters as OpenAPI query parameters, in its declaration order."""
    parameters = []
    for name, declared in filterset_class.base_filters.items():
        kind = None
        if isinstance(declared, django_filters.DateFilter):
            kind = OpenApiTypes.DATE
        elif isinstance(declared.field_class, type) and issubclass(
            declared.field_class, forms.IntegerField
        ):
            kind = OpenApiTypes.INT
        many = isinstance(declared, FacetFilter)
        description = str(declared.label)
        enum = None
        if isinstance(declared, SortFilter):
            enum = list(filterset_class.listing.sorts)
        if many:
            description += (
                ": slugs (see the taxonomy endpoints); repeat the parameter for more than one "
                "(OR). Unknown slugs are dropped and listed under `ignored`."
            )
        parameters.append(
            OpenApiParameter(
                name,
                kind or OpenApiTypes.STR,
                many=many,
                enum=enum,
                description=description,
            )
        )
    return parameters
