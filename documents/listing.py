"""The `/documents/` listing on the shared listing machinery (news.listing): a definition
(`DOCUMENTS`) and a FilterSet (`DocumentFilter`), so the query string, notices, canonical
URLs, summary, panel, feed and page cache behave exactly as `/news/`'s and `/projects/`'s do.

Two facets are the documents' own:
- `type`: the document type, a record editors extend (a column of the document, by slug);
- `language`: the languages of the document's files, any BCP 47 tag, counted over the file
  rows (`FileLanguageRule`). Its options are the tags the files have; a file in a language
  no file had before moves the whole content state (documents.signals), so the cached
  options learn the new tag.
The period is a range of publication years (news.listing.years). The listing has a facet
index of its own (news.listing.index), as the news have.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from documents.language_tags import name_in_itself
from documents.models import Document, DocumentFile, DocumentIssuer, DocumentType
from news.listing import years
from news.listing.definition import Listing
from news.listing.facets import FIELD_OF_WORK, FacetSpec
from news.listing.filterset import FacetFilter, ListingFilter
from news.listing.options import FacetOptions, cached_options, taxonomy_rows
from news.listing.rules import ColumnRule, SpanPeriod, TagRule, TreeRule
from news.listing.years import YearFilter, YearRangeMixin, YearsForm

COUNTRY = FacetSpec(
    "country",
    _("Country"),
    _("We ignored an unknown country: “%(value)s”."),
    _("on"),
)
ISSUED_BY = FacetSpec(
    "issued_by",
    _("Issued by"),
    _("We ignored an unknown issuing structure: “%(value)s”."),
    _("issued by"),
    tree=True,
)
TYPE = FacetSpec(
    "type",
    _("Document type"),
    _("We ignored an unknown document type: “%(value)s”."),
    _("of type"),
    collapsible=False,
)
LANGUAGE = FacetSpec(
    "language",
    _("Language"),
    _("We ignored an unknown language: “%(value)s”."),
    _("available in"),
)

FACETS = (FIELD_OF_WORK, COUNTRY, ISSUED_BY, TYPE, LANGUAGE)
PANEL_ORDER = (TYPE, FIELD_OF_WORK, ISSUED_BY, COUNTRY, LANGUAGE)

SORTS = {
    "relevance": (_("Most relevant"), ("-search_rank", "-publication_date", "-id")),
    "newest": (_("Newest first"), ("-publication_date", "-id")),
    "oldest": (_("Oldest first"), ("publication_date", "id")),
}


class FileLanguageRule:
    """A document is in every language it has a file in (for the facet index, a link table
    whose option is the tag itself)."""

    index_links = (DocumentFile, "document_id", "language")

    def index_mask(self, index, selection, name, slug):
        return index.option(name, slug)

    def filter(self, queryset, selection, name, slugs):
        files = DocumentFile.objects.filter(language__in=slugs)
        return queryset.filter(pk__in=files.values("document_id"))

    def counts(self, items, selection, name):
        rows = (
            DocumentFile.objects.filter(document_id__in=items.values("pk"))
            .values("language")
            .annotate(n=Count("document_id", distinct=True))
            .order_by()
            .values_list("language", "n")
        )
        return dict(rows)


def document_options(database, language):
    fields, countries, structures = taxonomy_rows(database, language)
    types = list(
        DocumentType.objects.using(database)
        .order_by("position", "name")
        .values_list("slug", "name")
    )
    tags = (
        DocumentFile.objects.using(database)
        .order_by("language")
        .values_list("language", flat=True)
        .distinct()
    )
    return FacetOptions(
        structures,
        {"field_of_work": fields, "country": countries},
        {"type": types, "language": [(tag, name_in_itself(tag)) for tag in tags]},
        tree_facets=("issued_by",),
    )


def options(database, language):
    return cached_options("documents", document_options, database, language)


DOCUMENTS = Listing(
    name="documents",
    model=Document,
    facets=FACETS,
    panel_order=PANEL_ORDER,
    rules={
        "field_of_work": TagRule(Document.fields_of_work.through, "document_id", "fieldofwork_id"),
        "country": TagRule(Document.countries.through, "document_id", "country_id"),
        "issued_by": TreeRule(DocumentIssuer, "document_id"),
        # The document type, a foreign key to a record, by the record's slug.
        "type": ColumnRule("document_type__slug"),
        "language": FileLanguageRule(),
    },
    period=SpanPeriod("publication_date"),
    sorts=SORTS,
    rank_tiebreak="publication_date DESC, id DESC",
    options=options,
    tree_facet="issued_by",
    indexed=True,
)

DOCUMENT_YEARS = (
    _("published in"),
    _("published between"),
    _("published in or after"),
    _("published in or before"),
)


def year_parts(query):
    return years.year_parts(query, DOCUMENT_YEARS)


class DocumentFilter(YearRangeMixin, ListingFilter):
    """`/documents/`'s filters: facets (`field_of_work`, `country`, `issued_by`, `type`,
    `language`), publication years `year_from`/`year_to`, `q` (titles, summaries and the
    PDFs' text) and `sort`."""

    listing = DOCUMENTS
    swapped_notice = _(
        "The first year was after the last, so we swapped them: showing documents published "
        "from %(start)s to %(end)s."
    )

    field_of_work = FacetFilter(label=FIELD_OF_WORK.label)
    country = FacetFilter(label=COUNTRY.label)
    issued_by = FacetFilter(label=ISSUED_BY.label)
    type = FacetFilter(label=TYPE.label)
    language = FacetFilter(label=LANGUAGE.label)
    year_from = YearFilter(label=_("From year"))
    year_to = YearFilter(label=_("To year"))

    class Meta:
        model = Document
        fields = []
        form = YearsForm

    period_parts = staticmethod(year_parts)
