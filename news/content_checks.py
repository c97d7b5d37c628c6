"""What an editor should fix before an item goes live, found on the saved item: the checks
a mature CMS runs beside its validation (Wagtail's content checker, GOV.UK's publisher).

Validation refuses what cannot be stored or shown (a ticked language without a title, an
image without alt text); these only warn, because each may be right for one item: a short
notice without a field of work, a photo whose credit is unknown. The change form lists them
with links to their fields (`PublishingAdmin.change_view`), and publishing an item that
fails any says so.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.db.models.expressions import RawSQL
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from core import languages
from news.models import Meeting, NewsItem
from search.backends import matching_ids_sql
from search.query import parse_query

TEASER_LIMIT = 300
# A link to one of our own detail pages, with or without a language prefix.
DETAIL_LINK = re.compile(
    r"^/(?:(?P<language>[a-z]{2})/)?(?P<section>news|meetings)/(?P<slug>[-\w]+)/$"
)


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    @property
    def anchor(self):
        """The form field's id, for a link straight to it."""
        return f"id_{self.field}"


class _Outline(HTMLParser):
    """The heading levels and the link targets of a body, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.links = [], []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[2-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _outline(html):
    parser = _Outline()
    parser.feed(html or "")
    parser.close()
    return parser


def _heading_problems(field, html):
    level = 1  # the page's own title is the h1 (the sanitiser keeps h2-h4 in bodies)
    for heading in _outline(html).headings:
        if heading > level + 1:
            return [
                Problem(
                    field,
                    _("A heading level is skipped (H%(from)s to H%(to)s).")
                    % {"from": level, "to": heading},
                )
            ]
        level = heading
    return []


def _link_problems(field, html, site_url):
    models = {"news": NewsItem, "meetings": Meeting}
    problems = []
    for href in _outline(html).links:
        path = href[len(site_url) :] if site_url and href.startswith(site_url) else href
        if not path.startswith("/") or path.startswith("//"):
            continue
        path = path.split("?", 1)[0].split("#", 1)[0]
        found = DETAIL_LINK.match(path)
        if found:
            model = models[found["section"]]
            if not model.objects.published().filter(slug=found["slug"]).exists():
                problems.append(
                    Problem(
                        field,
                        _("A link goes to a page visitors cannot see: %(url)s") % {"url": href},
                    )
                )
            continue
        try:
            match = resolve(re.sub(r"^/[a-z]{2}/", "/", path))
            answers = getattr(getattr(match.func, "view_class", None), "answers", None)
            if answers is not None and not answers(**match.kwargs):
                raise Resolver404(path)
        except Resolver404:
            problems.append(
                Problem(
                    field, _("A link goes to a page that does not exist: %(url)s") % {"url": href}
                )
            )
    return problems


def _duplicate_titles(obj, codes):
    """The languages in which another item has this item's title, in one query: the
    candidates come from the full-text index (every word of the title, in its language),
    then the titles are compared whole. Comparing every row's title instead read the whole
    table (0.4 s at 100,000 items)."""
    titles = {code: (getattr(obj, f"title_{code}", "") or "").strip() for code in codes}
    parts = [
        matching_ids_sql(obj._meta.db_table, query)
        for code, title in titles.items()
        if title and (query := parse_query(title, code))
    ]
    if not parts:
        return []
    union = RawSQL(" UNION ".join(sql for sql, _ in parts), [p for _, ps in parts for p in ps])
    others = type(obj).objects.exclude(pk=obj.pk).filter(pk__in=union)
    rows = others.values_list(*(f"title_{code}" for code in titles))[:200]
    return [
        code
        for index, (code, title) in enumerate(titles.items())
        if title and any((row[index] or "").casefold() == title.casefold() for row in rows)
    ]


def content_problems(obj, site_url=""):
    """The item's problems, each naming the form field to fix."""
    codes = [
        code for code in languages.codes() if getattr(obj, f"in_language_{code}", code == "en")
    ]
    problems = [
        Problem(f"title_{code}", _("Another item has the same title."))
        for code in _duplicate_titles(obj, codes)
    ]
    rich_field = "body" if hasattr(obj, "body") else "description"
    for code in codes:
        teaser = getattr(obj, f"teaser_{code}", None) or ""
        if len(teaser) > TEASER_LIMIT:
            problems.append(
                Problem(
                    f"teaser_{code}",
                    _("The teaser is longer than %(limit)s characters; listings cut it.")
                    % {"limit": TEASER_LIMIT},
                )
            )
        html = getattr(obj, f"{rich_field}_{code}", "") or ""
        problems += _heading_problems(f"{rich_field}_{code}", html)
        problems += _link_problems(f"{rich_field}_{code}", html, site_url)
    if obj.pk and hasattr(obj, "fields_of_work") and not obj.fields_of_work.exists():
        problems.append(
            Problem(
                "fields_of_work",
                _("No field of work: the item is missing from every field's page."),
            )
        )
    if getattr(obj, "image", None) and not (getattr(obj, "image_credit", "") or "").strip():
        problems.append(Problem("image_credit", _("The image has no credit.")))
    return problems
