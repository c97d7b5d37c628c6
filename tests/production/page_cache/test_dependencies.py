"""A stored page depends on what it shows (core.page_dependencies): an edit of one item
renders again only the pages showing it, by whatever path it is saved; a page whose view has
not declared what it shows depends on everything, as before."""

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse

from core import page_dependencies
from core.content_changes import item_key
from core.publishing import Status
from documents.models import Document
from news.models import NewsItem
from osce_site.page_cache import HEADER
from pages.models import FooterPlacement
from tests.factories import (
    FieldOfWorkFactory,
    NewsItemFactory,
    PageFactory,
    StructureFactory,
)
from tests.news.admin.helpers import news_item_post, publishing_fields
from tests.production.page_cache.pages import fetch

pytestmark = pytest.mark.django_db(transaction=True)

# The listing filtered to the other item's field of work: it does not show the edited item.
OTHER_LISTING = "/news/?field_of_work=elections"


@pytest.fixture
def other():
    return NewsItemFactory(
        title="Observers deployed",
        slug="observers-deployed",
        fields_of_work=[FieldOfWorkFactory(slug="elections", name="Elections")],
    )


@pytest.fixture
def stored(visitor, site, other):
    """Every page of the tests stored, each one a hit."""
    urls = ("/news/", OTHER_LISTING, "/news/?field_of_work=policing", "/news/feed/", "/")
    for url in urls:
        fetch(visitor, url)
        assert visitor.get(url)[HEADER] == "HIT", url
    return urls


def assert_shown_again(visitor, urls, text):
    for url in urls:
        response, body = fetch(visitor, url)
        assert response[HEADER] == "MISS", url
        assert text in body, url


def edit_through_the_admin(newsroom, item, title):
    data = news_item_post(
        item.ordered_issuers,
        title=title,
        slug=item.slug,
        type=item.type,
        issued_on=item.issued_on.isoformat(),
        fields_of_work=[field.pk for field in item.fields_of_work.all()],
        countries=[country.pk for country in item.countries.all()],
        **publishing_fields(Status.PUBLISHED),
    )
    data.update({"issuers-INITIAL_FORMS": "1", "issuers-0-id": str(item.issuers.get().pk)})
    data["issuers-0-news_item"] = str(item.pk)
    response = newsroom.post(reverse("admin:news_newsitem_change", args=[item.pk]), data)
    assert response.status_code == 302


def edit_through_a_command(item, title, tmp_path):
    """The importer updates an item it imported before, found by its source address."""
    NewsItem.objects.filter(pk=item.pk).update(source_url="https://www.example.org/trained")
    path = tmp_path / "news.json"
    path.write_text(
        f'[{{"title": "{title}", "issued_on": "{item.issued_on.isoformat()}", '
        f'"issued_by": ["Secretariat"], "type": "{item.type}", "teaser": "T", '
        '"body": "<p>B</p>", "source_url": "https://www.example.org/trained"}]'
    )
    call_command("import_news", str(path), verbosity=0)


class TestAnEditRendersOnlyThePagesShowingTheItem:
    def test_a_script_calling_save(self, visitor, site, stored):
        site.title = "Border police trained again"
        site.save()
        assert visitor.get(OTHER_LISTING)[HEADER] == "HIT"
        showing = ["/news/", "/news/?field_of_work=policing", "/news/feed/", "/"]
        showing.append(site.get_absolute_url())
        assert_shown_again(visitor, showing, "Border police trained again")
        # Stored again, each page is a hit until something it shows moves.
        assert visitor.get("/news/")[HEADER] == "HIT"

    def test_the_admin(self, visitor, newsroom, site, stored):
        edit_through_the_admin(newsroom, site, "Edited in the admin")
        assert visitor.get(OTHER_LISTING)[HEADER] == "HIT"
        assert_shown_again(visitor, ["/news/", "/news/feed/"], "Edited in the admin")

    def test_the_importer(self, visitor, site, stored, tmp_path):
        # (Its issuers are the same: only the pages showing the item are rendered again.)
        edit_through_a_command(site, "Imported again", tmp_path)
        assert_shown_again(visitor, ["/news/", "/news/?field_of_work=policing"], "Imported again")

    def test_the_other_items_page_stays_stored_and_shows_the_edit_when_it_lists_it(
        self, visitor, site, other, stored
    ):
        other.title = "Observers deployed again"
        other.save()
        assert visitor.get("/news/?field_of_work=policing")[HEADER] == "HIT"
        assert_shown_again(visitor, [OTHER_LISTING, "/news/"], "Observers deployed again")

    def test_the_page_of_another_item_stays_stored(self, visitor, site, other):
        unrelated = other.get_absolute_url()
        fetch(visitor, unrelated)
        assert visitor.get(unrelated)[HEADER] == "HIT"
        site.title = "Border police trained again"
        site.save()
        assert visitor.get(unrelated)[HEADER] == "HIT"
        # An item's page shows its related items (same field of work): an edit of one of them
        # renders it again.
        related = NewsItemFactory(
            title="Observers trained", fields_of_work=[site.fields_of_work.get()]
        )
        fetch(visitor, site.get_absolute_url())
        assert visitor.get(site.get_absolute_url())[HEADER] == "HIT"
        related.title = "Observers trained again"
        related.save()
        assert_shown_again(visitor, [site.get_absolute_url()], "Observers trained again")

    def test_a_draft_saved_moves_no_stored_page(self, visitor, stored):
        draft = NewsItemFactory(title="Not yet", status=Status.DRAFT)
        draft.title = "Not yet, again"
        draft.save()
        for url in stored:
            assert visitor.get(url)[HEADER] == "HIT", url


class TestWhatEveryPageDependsOn:
    def test_a_change_of_what_a_listing_holds_renders_every_listing_again(
        self, visitor, site, stored
    ):
        NewsItemFactory(title="Freshly published", fields_of_work=[site.fields_of_work.get()])
        assert visitor.get(OTHER_LISTING)[HEADER] == "MISS"
        assert "Freshly published" in fetch(visitor, "/news/?field_of_work=policing")[1]

    def test_the_taxonomy_renders_every_page_again(self, visitor, site, stored):
        StructureFactory(slug="odihr", name="Office for Democratic Institutions")
        for url in stored:
            assert visitor.get(url)[HEADER] == "MISS", url

    def test_a_simple_page_in_the_footer_renders_the_pages_showing_it_again(
        self, visitor, site, stored
    ):
        page = PageFactory(title="Our history", slug="our-history", footer=FooterPlacement.ABOUT)
        assert "Our history" in fetch(visitor, OTHER_LISTING)[1]
        page.title = "Our long history"
        page.save()
        assert_shown_again(visitor, [OTHER_LISTING], "Our long history")

    def test_a_page_whose_view_declares_nothing_depends_on_everything(self, visitor, site, other):
        # A simple page's view has not declared what it shows.
        url = PageFactory(slug="our-history").get_absolute_url()
        fetch(visitor, url)
        assert visitor.get(url)[HEADER] == "HIT"
        other.title = "Observers deployed again"
        other.save()
        assert visitor.get(url)[HEADER] == "MISS"


class TestTheNotes:
    def states(self):
        return {"state": "S", "listing": "L", "base": "B"}

    def test_a_declared_page_depends_on_the_listing_the_base_and_the_versions_read(self):
        with page_dependencies.record() as notes:
            page_dependencies.complete()
            page_dependencies.note_versions({"item-version:news.newsitem:1": "a"})
            page_dependencies.note_loaded("news.newsitem", "item-version:news.newsitem:1")
        assert notes.dependencies(self.states()) == (
            ("listing", "L"),
            ("base", "B"),
            ("item-version:news.newsitem:1", "a"),
        )

    def test_an_undeclared_page_depends_on_the_content_state(self):
        with page_dependencies.record() as notes:
            page_dependencies.note_versions({"item-version:news.newsitem:1": "a"})
        assert notes.dependencies(self.states()) == (("state", "S"),)

    def test_a_row_loaded_without_its_version_read_first_means_everything(self, site):
        with page_dependencies.record() as notes:
            page_dependencies.complete()
            NewsItem.objects.get(pk=site.pk)
        assert notes.dependencies(self.states()) == (("state", "S"),)

    def test_a_model_version_read_first_covers_its_rows(self, site):
        with page_dependencies.record() as notes:
            page_dependencies.complete()
            page_dependencies.note_model("news.newsitem", "model-version:news.newsitem", "m")
            NewsItem.objects.get(pk=site.pk)
        assert ("model-version:news.newsitem", "m") in notes.dependencies(self.states())

    @pytest.mark.parametrize(
        ("fields", "covered"),
        [(("pk",), True), (("pk", "issued_on", "type"), True), (("title",), False), ((), False)],
    )
    def test_values_read_are_covered_only_by_what_moves_the_listing(self, site, fields, covered):
        with page_dependencies.record() as notes:
            page_dependencies.complete()
            list(NewsItem.objects.values_list(*fields))
        assert (notes.dependencies(self.states()) != (("state", "S"),)) is covered

    @pytest.mark.parametrize(
        ("read", "covered"),
        [
            # A facet's counts: grouped by a listing field, rows counted.
            (lambda: NewsItem.objects.values("type").annotate(n=Count("pk")), True),
            # Counted under a condition on a field no listing version accounts for.
            (
                lambda: NewsItem.objects.values("type").annotate(
                    n=Count("pk", filter=Q(title="A"))
                ),
                False,
            ),
            # A taxonomy record's value through a listing field (the base version).
            (lambda: Document.objects.values_list("document_type__slug"), True),
            # A publishable row's value through one: its own version is not read.
            (lambda: Document.objects.values_list("meeting__title"), False),
            (lambda: NewsItem.objects.values_list("author__username"), False),
        ],
    )
    def test_values_through_relations_and_aggregates(self, site, read, covered):
        with page_dependencies.record() as notes:
            page_dependencies.complete()
            list(read())
        assert (notes.dependencies(self.states()) != (("state", "S"),)) is covered

    def test_rows_shown_are_read_after_their_versions(self, site):
        older = NewsItemFactory(issued_on=site.issued_on.replace(year=2001))
        with page_dependencies.record() as notes:
            page_dependencies.complete()
            rows = NewsItem.objects.published().order_by("-issued_on").shown(5)
        assert rows == [site, older]
        deps = dict(notes.dependencies(self.states()))
        assert {item_key(NewsItem, site.pk), item_key(NewsItem, older.pk)} <= set(deps)

    def test_the_content_state_read_means_everything(self):
        from core.content_state import state_key

        with page_dependencies.record() as notes:
            page_dependencies.complete()
            state_key()
        assert notes.dependencies(self.states()) == (("state", "S"),)
