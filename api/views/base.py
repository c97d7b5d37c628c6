"""What every API view shares: read-only JSON, the language of the URL or `?lang=`, and the
normalised query that the page cache may store the response under."""

from contextlib import nullcontext

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from rest_framework.views import APIView

from api.language import language_query, requested_language
from core import languages
from redirects.lookup import current_object


class LanguageMixin:
    """For DRF views: the language of `?lang=` while the response is made and rendered, and
    the response's `Content-Language` and normalised query."""

    def dispatch(self, request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language) if language else nullcontext():
            response = super().dispatch(request, *args, **kwargs)
            # Rendered while the requested language is active: lazy strings (labels, notices)
            # would otherwise be rendered in the prefix's language once this method returns.
            if not getattr(response, "is_rendered", True):
                response.render()
            response.headers["Content-Language"] = languages.active()
        if not hasattr(response, "canonical_query"):
            # Only the query the view reads is stored by the page cache (osce_site.page_cache);
            # a view without filters reads at most the language.
            response.canonical_query = language_query(request)
        return response


class ApiView(LanguageMixin, APIView):
    """Read-only JSON in the language of the URL's prefix or `?lang=`; published content
    only."""


def old_slug_redirect(request, model, slug, view_name):
    """An item endpoint's answer for a slug no public item has: 301 to the item's current API
    URL when the slug is an old one of a public item (redirects.lookup), in the URL's
    language and with `?lang=` kept (the rest of the query is dropped, as the HTML pages'
    redirects do); else 404."""
    target = current_object(model, slug)
    if target is None or target.slug == slug:
        raise Http404
    # In the language of the URL's prefix (LocaleMiddleware's), not of `?lang=`, kept apart.
    with translation.override(request.LANGUAGE_CODE):
        url = reverse(view_name, kwargs={"slug": target.slug})
    if query := language_query(request).urlencode():
        url = f"{url}?{query}"
    return HttpResponsePermanentRedirect(url)
