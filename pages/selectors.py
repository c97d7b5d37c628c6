"""What the public site reads of the pages: one page by its path, and the published pages the
main menu and the footer link to."""

from django.core.cache import cache
from django.utils import translation

from core.content_changes import model_version
from core.content_state import base_state
from pages.models import FooterPlacement, MenuPlacement, Page

# A safety net for changes that bypass model signals; the key moves with every visible edit.
PLACED_TIMEOUT = 60 * 60


def page_at(path, queryset=None):
    """The page whose URL path is `path` ("about/contacts"), or None. One query: the last
    segment is the page's (unique) slug, its parents come with it and must be the others."""
    segments = path.strip("/").split("/")
    queryset = Page.objects.all() if queryset is None else queryset
    page = queryset.with_ancestors().filter(slug=segments[-1]).first()
    if page is None or page.url_path != "/".join(segments):
        return None
    return page


def _placed_links():
    pages = (
        Page.objects.public()
        .with_ancestors()
        .exclude(menu=MenuPlacement.NONE, footer=FooterPlacement.NONE)
        .order_by("position", "pk")
    )
    links = []
    for page in pages:
        links.append(
            {
                "name": str(page),
                "summary": page.summary or "",
                "url": page.get_absolute_url(),
                "menu": page.menu,
                "footer": page.footer,
            }
        )
    return links


def placed_links():
    """The published pages that have a place in the menu or the footer, in their order, as
    plain dicts; cached under the pages' own version (which every visible page edit and every
    scheduled moment of a page moves), so no page renders a link to a page that is not
    published, and a stored page that shows them depends on that version."""
    key = f"pages:placed:{base_state()}:{model_version(Page)}:{translation.get_language()}"
    links = cache.get(key)
    if links is None:
        links = _placed_links()
        cache.set(key, links, PLACED_TIMEOUT)
    return links


def menu_links(links, section):
    return [link for link in links if link["menu"] == section]


def footer_links(links, column):
    return [link for link in links if link["footer"] == column]
