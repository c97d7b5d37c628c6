"""Which languages a piece of content exists in, and what a page shows when it lacks one.

Translated fields are columns of the same table (django-modeltranslation: `title_en`,
`title_ru`, ...). A news item records the languages it is published in as
`in_language_<code>` booleans, so "available in Russian" is a column test, never a join.
A visitor reading in a language the item lacks gets the item's text in a language it has,
with a notice (`news_detail.html`), never a silently mixed page.
"""

from functools import lru_cache
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Q
from django.dispatch import receiver
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _

# The fields a news item's text is made of; each is checked or shown per language together.
TEXT_FIELDS = ("title", "teaser", "body", "image_alt", "image_caption")


def codes():
    return [code for code, _name in settings.LANGUAGES]


def active():
    """The active language as one of our codes (`en-gb` reads as `en`; others as default)."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in codes() else settings.LANGUAGE_CODE


def column(field, language=None):
    language = language or active()
    if language not in codes():
        raise ValueError(f"not a site language: {language!r}")
    return f"{field}_{language}"


def item_languages(item):
    """The codes an item is published in, in the site's language order."""
    return [code for code in codes() if getattr(item, f"in_language_{code}", False)]


def fallback_order():
    """Languages to try when the wanted one is missing: English first (the settings'
    MODELTRANSLATION_FALLBACK_LANGUAGES, so templates' fallbacks agree with pages')."""
    order = settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"]
    return [*order, *(code for code in codes() if code not in order)]


def title_languages(record):
    """The codes a record (a meeting) has a title in: the languages it is written in."""
    return [code for code in codes() if getattr(record, f"title_{code}")]


def title_with_language(record):
    """The record's first title in `fallback_order()`, marked with its language ("Выборы в
    Сербии [ru]"): how staff pages name an item that has no title in their language, rather
    than as a blank or "-"."""
    for code in fallback_order():
        title = getattr(record, f"title_{code}", "") or ""
        if title.strip():
            return f"{title} [{code}]"
    return ""


def shown_language(available, wanted):
    """`wanted` when the record exists in it, else the first of `fallback_order()` it has."""
    if wanted in available or not available:
        return wanted
    return next(code for code in fallback_order() if code in available)


def text_in(item, language, fields=TEXT_FIELDS):
    """The item's text `fields` (a news item's by default) in exactly `language` (no
    fallback), for a page that shows the item in a language other than the visitor's."""
    return SimpleNamespace(
        language=language,
        **{name: getattr(item, f"{name}_{language}", "") or "" for name in fields},
    )


def page_context(path, available):
    """What a page about one record tells its template: the languages it exists in, and
    whether (and in which language instead) the visitor's language lacks it."""
    wanted = active()
    shown = shown_language(available, wanted)
    return {
        "page_languages": available,
        "shown_language": shown,
        "untranslated": shown != wanted,
        "wanted_language_name": name_translated(wanted),
        "shown_language_name": name_translated(shown),
        "other_languages": [
            {"code": code, "name": name_local(code), "url": url_in(path, code)}
            for code in available
            if code != wanted
        ],
    }


def local_path(path):
    """`path` with its leading run of slashes and backslashes collapsed to one slash.

    A request for `//evil.example/x` (or `/\\evil.example/x`, which browsers read the same way)
    has that as its path; written back into a link as it is, a browser would leave the site.
    Every link built from a request's path goes through here first."""
    if not path.startswith(("/", "\\")):
        return path
    return "/" + path.lstrip("/\\")


def url_in(url, code):
    """`url` (a path or an absolute URL of ours, in any language) in language `code`; a URL
    that is no page of ours (a 404) becomes that language's home page."""
    if not urlsplit(url).scheme:
        url = local_path(url)
    parts = urlsplit(url)
    path = path_in(parts.path, code)
    if path is None:
        return urlunsplit((parts.scheme, parts.netloc, home_path(code), "", ""))
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


@lru_cache(maxsize=8192)
def path_in(path, code):
    """`path` in language `code`, or None when it is no page of ours. Remembered: every page
    links to itself in every language (switcher and alternates), and each answer costs a
    resolve and a reverse. The set of paths is unbounded (any 404), the memory is not."""
    # Resolving depends on the active language (i18n_patterns): resolve in the path's own.
    with translation.override(get_language_from_path(path) or settings.LANGUAGE_CODE):
        try:
            resolve(path)
        except Resolver404:
            return None
        return translate_url(path, code)


@lru_cache(maxsize=16)
def home_path(code):
    with translation.override(code):
        return reverse("website:home")


@receiver(setting_changed)
def _forget_paths(*, setting, **kwargs):
    if setting in ("ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"):
        path_in.cache_clear()
        home_path.cache_clear()


def name_local(code):
    """The language's name in itself ("Русский"), as a switcher shows it."""
    return translation.get_language_info(code)["name_local"]


def name_translated(code):
    """The language's name in the active language ("Russian" on an English page)."""
    return translation.get_language_info(code)["name_translated"]


def image_alt_required():
    """A CHECK condition: an item with an image has alt text in every language it is
    published in (an empty translation is NULL or "", and NULL must not pass the check)."""
    condition = Q()
    for code in codes():
        condition &= Q(**{f"in_language_{code}": False}) | Q(
            **{f"image_alt_{code}__isnull": False, f"image_alt_{code}__gt": ""}
        )
    return Q(image="") | condition


def missing_translations(item):
    """Field errors for an item (a news item, a project) whose published languages lack the
    text they need."""
    published = item_languages(item)
    if not published:
        return {
            f"in_language_{settings.LANGUAGE_CODE}": _(
                "Choose at least one language the item is published in."
            )
        }
    errors = {}
    for code in published:
        name = name_translated(code)
        if not (getattr(item, f"title_{code}", "") or "").strip():
            errors[f"title_{code}"] = _(
                "The item is published in %(language)s: give it a title in %(language)s."
            ) % {"language": name}
        alt = (getattr(item, f"image_alt_{code}", "") or "").strip()
        if getattr(item, "image", None) and not alt:
            errors[f"image_alt_{code}"] = _(
                "Describe the image in the alt text in %(language)s: it is required for every "
                "language the item is published in."
            ) % {"language": name}
    return errors
