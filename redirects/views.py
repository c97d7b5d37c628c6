"""For the detail views of models with `redirect_old_slugs`: an unknown slug that an object
had before answers 301 to the object's current address, in the request's language (the
active one, from the URL's prefix), without the query string."""

from django.http import Http404, HttpResponsePermanentRedirect

from redirects.lookup import current_url


class OldSlugRedirectMixin:
    slug_url_kwarg = "slug"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            model = self.model or self.get_queryset().model
            url = current_url(model, self.kwargs[self.slug_url_kwarg])
            if url is None or url == request.path:
                raise
            return HttpResponsePermanentRedirect(url)
