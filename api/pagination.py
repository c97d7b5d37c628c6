"""Pages of an API list: the same pages as the HTML listing (its page size and paginator,
`?page=<n>` or `?page=last`, a page past the end a 404), with absolute `next` and `previous`
links. Page numbers rather than cursors: the HTML listing's pages are numbered, so page 3 of
the API is page 3 of the listing, and both are cacheable URLs."""

from django.core.paginator import InvalidPage
from rest_framework.exceptions import NotFound

from api.links import request_url

PARAMETER = "page"


def page_of(paginator, request):
    raw = request.GET.get(PARAMETER) or 1
    try:
        number = paginator.num_pages if raw == "last" else int(raw)
        return paginator.page(number)
    except (ValueError, InvalidPage):
        raise NotFound() from None


def page_query(query, number):
    """`query` (a normalised QueryDict) for page `number`: page 1 has no page parameter."""
    query = query.copy()
    query.pop(PARAMETER, None)
    if number > 1:
        query[PARAMETER] = str(number)
    return query


def page_fields(request, page, query):
    """The envelope's paging fields; `query` is the normalised query without the page."""

    def link(number):
        return request_url(request, page_query(query, number))

    return {
        "count": page.paginator.count,
        "pages": page.paginator.num_pages,
        "page": page.number,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
    }
