"""`Access-Control-Allow-Origin: *` on the API's GET and HEAD responses, so a page on any site
can read the public data with `fetch()`. Nothing else is allowed cross-origin: no other method,
no credentials (the API reads no cookie), no preflight (the API has no state to protect; a
request with custom headers is simply refused by the browser).

A middleware rather than django-cors-headers: one header on one set of URLs. It sits above
ConditionalGetMiddleware so that a 304 carries the header too, and below the page cache, so
that the header is stored with the page and served with it.
"""

ALLOW_ORIGIN = "Access-Control-Allow-Origin"
EXPOSE_HEADERS = "Access-Control-Expose-Headers"
# Headers a script may read besides the CORS-safelisted ones.
EXPOSED = "ETag, Retry-After, Content-Language"
NAMESPACE = "api"


class ApiCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            request.method in ("GET", "HEAD")
            and match is not None
            and NAMESPACE in match.namespaces
        ):
            response.headers[ALLOW_ORIGIN] = "*"
            response.headers[EXPOSE_HEADERS] = EXPOSED
        return response
