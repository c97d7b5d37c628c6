"""Reads of documents for pages: a listing page's rows and cards, the "Latest publications"
blocks, the documents of a news item, meeting or project, and a document by its symbol.
Every public read goes through `published()` and the visitor's language."""

from django.http import QueryDict

from core import languages
from core.content_changes import read_versions
from documents import symbols
from documents.listing import DocumentFilter
from documents.models import Document


def _in_order(queryset, ids):
    rows = queryset.in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def load_cards(ids):
    """What a card, a feed entry or a block shows, in four queries."""
    return _in_order(Document.objects.with_listing_relations().defer(*_heavy()), ids)


def _heavy():
    return [f"file_text_{code}" for code in languages.codes()] + ["file_text"]


def listing_filter(**filters):
    params = QueryDict(mutable=True)
    for name, values in filters.items():
        params.setlist(name, [values] if isinstance(values, str) else list(values))
    return DocumentFilter(params)


def shown_cards(ids):
    """`load_cards` for a page that shows them: their versions read first (core.
    page_dependencies: a stored page showing them depends on those)."""
    read_versions(Document, ids)
    return load_cards(ids)


def latest(limit, **filters):
    """(documents, total) of the newest documents matching `filters`."""
    results = listing_filter(**filters).results
    return shown_cards(list(results.ids(0, limit))), results.count()


def newest(limit):
    """The newest public documents with what a card shows, without the listing's options and
    count (the home page's block): one query, three with rows to show."""
    return (
        public()
        .with_listing_relations()
        .defer(*_heavy())
        .order_by("-publication_date", "-id")
        .shown(limit)
    )


def public():
    return Document.objects.published().in_language(languages.active())


def documents_of(**relation):
    """The public documents related to one item (`related_news=…`, `meeting=…`,
    `projects=…`), newest first."""
    ids = list(
        public()
        .filter(**relation)
        .order_by("-publication_date", "-id")
        .values_list("pk", flat=True)[:50]
    )
    return shown_cards(ids)


def meeting_documents(meeting):
    """A meeting's public documents in the order they were added (agenda first)."""
    ids = list(public().filter(meeting=meeting.pk).order_by("id").values_list("pk", flat=True))
    return shown_cards(ids)


def by_symbol(symbol):
    """The published document with this symbol, whatever its spelling; None if none."""
    if not symbols.well_formed(symbol):
        return None
    key = symbols.key(symbol)
    return Document.objects.published().filter(symbol_key=key).first()
