"""Where simple pages live in the URL space, and which first segments they may never take.

A page's URL is its ancestors' slugs and its own (`/about/contacts/`), matched by one
pattern placed last in `i18n_patterns`: every other section's URL is tried first, so a
page can never hide one. The other way round — a page hidden by a section — is refused when
the page is saved: a top-level slug must not be the first segment of any other URL of the
site (`news`, `admin`, a language code, ...), checked against the URL resolver itself, so a
section added later is covered without a list to keep up to date.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# URL segments served before Django's URL resolver sees them (static files by WhiteNoise,
# media by the web server), and the language prefixes of i18n_patterns.
SERVED_ELSEWHERE = ("static", "media")
# A page is at most this deep (`/about/press/contacts/`): its URL is found with one query.
MAX_DEPTH = 3
PAGE_VIEW_NAME = "pages:detail"
SEGMENT = r"[-a-z0-9_]+"
slug_validator = RegexValidator(
    rf"^{SEGMENT}\Z",
    _("Use lowercase letters, digits, hyphens and underscores only."),
    code="invalid_slug",
)


def reserved_reason(slug):
    """Why `slug` cannot be a top-level page's slug, or None when it can."""
    if slug in SERVED_ELSEWHERE or slug in {code for code, _name in settings.LANGUAGES}:
        return "reserved"
    for probe in (f"/{slug}/", f"/{slug}/x/", f"/{slug}/1/x", f"/{slug}"):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                match = resolve(probe)
            except Resolver404:
                continue
        if match.view_name != PAGE_VIEW_NAME:
            return "taken"
    return None
