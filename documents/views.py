"""`/documents/`, its Atom feed, `/documents/<slug>/`, a document by its symbol, and the
download of one language's file — on the news pages' machinery (ListingView, NewsFeed,
PublishedOrPreviewMixin, the fragment cache of a news item's page)."""

import datetime
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from core import languages
from core.content_state import state_key
from core.text import site_name
from documents import cards, selectors
from documents.listing import DocumentFilter
from documents.models import Document, DocumentFile
from news.models import Meeting
from news.selectors import load_cards as load_news_cards
from news.views.detail import (
    FRAGMENT_SECONDS,
    absolute,
    fragment_key,
    hero_image_url,
    script_json,
)
from news.views.feeds import NewsFeed
from news.views.listing import ListingView, with_query
from news.views.preview import PublishedOrPreviewMixin, can_preview
from redirects.views import OldSlugRedirectMixin

DOCUMENT_TEXT = ("title", "summary", "image_alt")
RELATED_NEWS = 6
# Report for reports and the like; any other document is a DigitalDocument (schema.org).
REPORT_TYPES = {"report", "guidebook", "handbook", "factsheet"}


class DocumentListView(ListingView):
    template_name = "documents/document_list.html"
    filter_class = DocumentFilter
    list_url_name = "documents:list"
    feed_url_name = "documents:feed"
    title = _("Publications")
    capped_notice = _(
        "Only the first %(pages)s pages of results are shown. To see other documents, narrow "
        "the filters or choose a range of years."
    )

    def load_cards(self, ids):
        return selectors.load_cards(ids)

    def card_html(self, item, heading):
        return cards.card_html(item, heading)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.filterset.query
        context["years"] = (query.get("year_from", ""), query.get("year_to", ""))
        return context


class DocumentFeed(NewsFeed):
    """The documents listing's first page for the same query string, newest first."""

    def get_object(self, request, *args, **kwargs):
        request.news_filter = DocumentFilter(request.GET)
        return request.news_filter

    def title(self, filterset):
        terms = filterset.title_terms()
        if not terms:
            return gettext("%(site)s publications") % {"site": site_name()}
        return gettext("%(site)s publications: %(filters)s") % {
            "site": site_name(),
            "filters": ", ".join(terms),
        }

    def subtitle(self, filterset):
        return gettext("Reports, guidebooks and official documents of the %(site)s.") % {
            "site": site_name()
        }

    def link(self, filterset):
        return settings.SITE_URL + with_query(reverse("documents:list"), filterset.query)

    def feed_url(self, filterset):
        return settings.SITE_URL + with_query(reverse("documents:feed"), filterset.query)

    def items(self, filterset):
        return selectors.load_cards(filterset.results.ids(0, 20))

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item.publication_date, datetime.time.min, tzinfo=timezone.get_current_timezone()
        )

    def item_author_name(self, item):
        lead = item.lead_issuer
        return lead.name if lead else site_name()

    def item_author_link(self, item):
        lead = item.lead_issuer
        return settings.SITE_URL + (lead.get_absolute_url() if lead else "/")


def download_url(document, language):
    return reverse("documents:download", kwargs={"slug": document.slug, "language": language})


def document_json_ld(document, url, image_url=None):
    """schema.org Report or DigitalDocument, with one encoding per file and its cover."""
    kind = "Report" if document.document_type.slug in REPORT_TYPES else "DigitalDocument"
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": document.title,
        "description": document.summary,
        "url": url,
        "datePublished": document.publication_date.isoformat(),
        "publisher": {"@type": "Organization", "name": site_name(), "url": absolute("/")},
        "inLanguage": [row.language for row in document.ordered_files],
        "encoding": [
            {
                "@type": "MediaObject",
                "encodingFormat": "application/pdf",
                "inLanguage": row.language,
                "contentSize": str(row.size),
                "contentUrl": absolute(download_url(document, row.language)),
            }
            for row in document.ordered_files
        ],
    }
    if document.symbol:
        data["identifier"] = document.symbol
    if image_url:
        data["image"] = [image_url]
    lead = document.lead_issuer
    if lead:
        data["author"] = {
            "@type": "Organization",
            "name": lead.name,
            "url": absolute(lead.get_absolute_url()),
        }
    return data


def related_news(document, language):
    """The document's related news visitors reading `language` may see, newest first."""
    ids = list(
        document.related_news.published()
        .in_language(language)
        .order_by("-issued_on", "-id")
        .values_list("pk", flat=True)[:RELATED_NEWS]
    )
    return load_news_cards(ids)


class DocumentDetailView(OldSlugRedirectMixin, PublishedOrPreviewMixin, DetailView):
    model = Document
    template_name = "documents/document_detail.html"
    context_object_name = "document"

    def get_object(self, queryset=None):
        self.content_state = state_key()
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.object
        full = SimpleLazyObject(
            lambda: (
                Document.objects.with_listing_relations()
                .prefetch_related("fields_of_work", "countries")
                .get(pk=document.pk)
            )
        )
        page = languages.page_context(
            document.get_absolute_url(), languages.item_languages(document)
        )
        shown = page["shown_language"]
        text = languages.text_in(document, shown, DOCUMENT_TEXT)
        with translation.override(shown):
            url = absolute(document.get_absolute_url())

        def json_ld():
            with translation.override(shown):
                return script_json(document_json_ld(full, url, hero_image_url(document)))

        list_url = reverse("documents:list")
        language = languages.active()
        context.update(
            document=full,
            meeting=SimpleLazyObject(
                lambda: Meeting.objects.published().filter(pk=document.meeting_id).first()
            ),
            related_projects=SimpleLazyObject(
                lambda: list(
                    document.projects.published()
                    .in_language(language)
                    .order_by("-start_date", "-id")
                )
            ),
            related=SimpleLazyObject(lambda: related_news(document, language)),
            text=text,
            **page,
            canonical_url=url,
            json_ld=SimpleLazyObject(json_ld),
            og_image=SimpleLazyObject(lambda: hero_image_url(document) or ""),
            fragment_key=(
                "preview" if self.is_preview else fragment_key(self.content_state, document)
            ),
            fragment_seconds=0 if self.is_preview else FRAGMENT_SECONDS,
            list_url=list_url,
            breadcrumbs=[
                (_("Home"), reverse("website:home")),
                (_("Publications"), list_url),
                (text.title, None),
            ],
        )
        return context


@require_safe
def symbol_redirect(request, symbol):
    """`/documents/symbol/PC.DEC/1162/`: the document with that symbol, in the reader's
    language (its page says when it is not translated). 302: a symbol may be given to
    another document by mistake and corrected."""
    document = selectors.by_symbol(symbol)
    if document is None:
        raise Http404("No published document has this symbol.")
    return redirect(document.get_absolute_url())


def ascii_name(text):
    """A file name every browser and server accepts: ASCII letters, digits, "-", "_"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in plain)
    return "-".join(part for part in cleaned.split("-") if part)[:120] or "document"


def content_disposition(document, row):
    """`attachment` with a plain ASCII name and the real title as RFC 5987 `filename*`."""
    fallback = f"{ascii_name(document.slug)}-{ascii_name(row.language)}.pdf"
    title = "".join(c for c in document.title if c.isprintable() and c not in '\\/:*?"<>|')
    real = f"{title.strip()[:150] or document.slug} ({row.language}).pdf"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(real, safe='')}"


@require_safe
def download(request, slug, language):
    """One language's PDF of a published document (editors may download a draft's)."""
    document = Document.objects.published().filter(slug=slug).first()
    preview = False
    if document is None and can_preview(request.user, Document):
        document = Document.objects.filter(slug=slug).first()
        preview = True
    if document is None:
        raise Http404("No such document.")
    row = get_object_or_404(DocumentFile, document=document, language=language)
    try:
        handle = row.file.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        raise Http404("The file is missing.") from None
    response = FileResponse(handle, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(document, row)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if preview else "public, max-age=300"
    return response
