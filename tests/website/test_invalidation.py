"""The content state follows every visible change, by whatever path it is made, and moves once
per transaction however many rows the change touches (website.invalidation)."""

import pytest
from django.test import Client
from django.urls import reverse

from core.content_state import content_version, state_key
from countries.models import CountryAlias
from documents.models import Document, DocumentIssuer
from news.models import Meeting, NewsItem, NewsItemIssuer
from projects.models import Project, ProjectDonor
from structures.models import StructureAlias
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    StructureFactory,
)
from tests.news.admin.helpers import REASON, news_item_post, publishing_fields
from website import invalidation

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def newsroom(publisher):
    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture
def tags():
    return {
        "issued_by": [StructureFactory(), StructureFactory()],
        "fields_of_work": [FieldOfWorkFactory(), FieldOfWorkFactory()],
        "countries": [CountryFactory(), CountryFactory()],
    }


def admin_post(tags, **fields):
    return news_item_post(
        tags["issued_by"],
        fields_of_work=[str(field.pk) for field in tags["fields_of_work"]],
        countries=[str(country.pk) for country in tags["countries"]],
        **publishing_fields(),
        **fields,
    )


class TestOneAdminSaveMovesTheVersionOnce:
    def test_adding_an_item_with_issuers_fields_of_work_and_countries(self, newsroom, tags):
        before = content_version()
        response = newsroom.post(reverse("admin:news_newsitem_add"), admin_post(tags))
        assert response.status_code == 302
        item = NewsItem.objects.get()
        assert item.issuers.count() == 2 and item.countries.count() == 2
        assert content_version() == before + 1

    def test_changing_an_item_and_all_its_tags(self, newsroom, tags):
        item = NewsItemFactory(
            issued_by=[StructureFactory()],
            fields_of_work=[FieldOfWorkFactory()],
            countries=[CountryFactory()],
        )
        before = content_version()
        data = admin_post(tags, title="Changed in the admin", slug=item.slug)
        response = newsroom.post(reverse("admin:news_newsitem_change", args=[item.pk]), data)
        assert response.status_code == 302
        assert set(item.fields_of_work.all()) == set(tags["fields_of_work"])
        assert content_version() == before + 1

    def test_publishing_several_items_with_the_action(self, newsroom):
        drafts = [NewsItemFactory(status="draft") for _ in range(3)]
        before = content_version()
        newsroom.post(
            reverse("admin:news_newsitem_changelist"),
            {
                "action": "publish_selected",
                **REASON,
                "_selected_action": [item.pk for item in drafts],
            },
        )
        assert NewsItem.objects.published().count() == 3
        # One transaction per item: each has a revision of its own.
        assert content_version() == before + 3


class TestEveryPathIsSeen:
    def test_a_scripts_save_moves_the_version_once(self):
        item = NewsItemFactory()
        before = content_version()
        item.title = "Saved by a script"
        item.save()
        assert content_version() == before + 1

    def test_setting_tags_moves_it_once_and_an_unchanged_set_not_at_all(self):
        item = NewsItemFactory()
        fields = [FieldOfWorkFactory(), FieldOfWorkFactory()]
        before = content_version()
        item.fields_of_work.set(fields)
        assert content_version() == before + 1
        item.fields_of_work.set(fields)
        assert content_version() == before + 1

    def test_clearing_tags(self):
        item = NewsItemFactory(countries=[CountryFactory()])
        before = state_key()
        item.countries.clear()
        assert state_key() != before

    @pytest.mark.parametrize(
        "make",
        [
            lambda: CountryAlias.objects.create(country=CountryFactory(), name="Alias"),
            lambda: StructureAlias.objects.create(structure=StructureFactory(), name="Alias"),
            lambda: DocumentIssuer.objects.create(
                document=DocumentFactory(), structure=StructureFactory()
            ),
        ],
        ids=["country alias", "structure alias", "document issuer"],
    )
    def test_rows_that_belong_to_content_move_it(self, make):
        row = make()
        before = state_key()
        row.name = row.title = "Renamed"
        row.save()
        assert state_key() != before
        before = state_key()
        row.delete()
        assert state_key() != before

    def test_a_taxonomy_rename(self):
        field = FieldOfWorkFactory()
        before = content_version()
        field.name = "Renamed"
        field.save()
        assert content_version() == before + 1


class TestWhatIsWatchedIsFound:
    def test_content_models_are_found_through_the_app_registry(self):
        found = {model._meta.label for model in invalidation.content_models()}
        assert {"news.NewsItem", "news.Meeting"} <= found  # publishable
        assert {
            "news.FieldOfWork",
            "news.MeetingType",
            "countries.Country",
            "countries.Chairpersonship",
            "structures.Structure",
        } <= found  # taxonomy
        assert {
            "news.NewsItemIssuer",
            "documents.DocumentIssuer",
            "documents.DocumentFile",
            "countries.CountryAlias",
            "structures.StructureAlias",
        } <= found  # rows that belong to them
        assert not {"auth.User", "admin.LogEntry", "reversion.Version"} & found

    def test_tag_tables_are_found_from_the_many_to_many_fields(self):
        assert set(invalidation.m2m_through_models()) == {
            NewsItem.fields_of_work.through,
            NewsItem.countries.through,
            Meeting.fields_of_work.through,
            Project.fields_of_work.through,
            Project.countries.through,
            Project.related_news.through,
            Document.fields_of_work.through,
            Document.countries.through,
            Document.related_news.through,
            Document.projects.through,
        }
        assert NewsItemIssuer not in invalidation.m2m_through_models()
        assert ProjectDonor not in invalidation.m2m_through_models()
