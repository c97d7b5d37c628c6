"""HTTP caching policy for the public site.

Anonymous visitors all see the same pages, so a shared cache (CDN, reverse proxy) may keep
them for a minute; whatever a signed-in user sees may carry their name, previews or admin
links, so it is only ever `private`. Responses that set a cookie are never shared either.
"""

from django.utils.cache import patch_cache_control, patch_vary_headers

PUBLIC_MAX_AGE = 60


class CacheHeadersMiddleware:
    """Placed above the session, CSRF and message middleware so it sees their cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
            return response
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
        ):
            if response.cookies:
                patch_cache_control(response, private=True)
            else:
                # The same URL is private for a signed-in user: a shared cache must tell
                # the two apart by their cookies.
                patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
                patch_vary_headers(response, ("Cookie",))
        return response
