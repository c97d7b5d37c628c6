"""What the public site reads of the pages: one page by its path, and the published pages the
main menu and the footer link to."""

from django.utils import translation

from core import fragments
from core.content_state import base_state, model_version_now
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
    key = placed_key()
    links = fragments.shared(key, PLACED_TIMEOUT)
    if links is None:
        links = _placed_links()
        fragments.store(key, links, PLACED_TIMEOUT)
    return links


def placed_key():
    """What the placed pages' links are kept under (read after the pages' version, which a
    stored page showing them depends on); this process keeps its own copy (core.fragments)."""
    return f"pages:placed:{base_state()}:{model_version_now(Page)}:{translation.get_language()}"


def menu_links(links, section):
    return [link for link in links if link["menu"] == section]


def footer_links(links, column):
    return [link for link in links if link["footer"] == column]
