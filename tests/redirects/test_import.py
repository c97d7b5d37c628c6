"""The importer writes items through `save()`, so the model layer's rules hold for it; and a
new item it names never takes an old slug that still redirects."""

import pytest

from news.models import NewsItem
from redirects.lookup import current_url
from tests.factories import NewsItemFactory
from tests.news.import_files import SECRETARIAT_ITEM, run, write

pytestmark = pytest.mark.django_db

OLD_SLUG = "concluding-conference-of-the-intelligence-led-policing-project-held"


def test_an_imported_item_does_not_take_a_redirected_slug(taxonomy, tmp_path, client):
    moved = NewsItemFactory(slug=OLD_SLUG)
    moved.slug = "policing-conference"
    moved.save()

    run(write(tmp_path, [SECRETARIAT_ITEM]))

    imported = NewsItem.objects.exclude(pk=moved.pk).get()
    assert imported.slug == f"{OLD_SLUG}-2"
    assert current_url(NewsItem, OLD_SLUG) == "/news/policing-conference/"
    response = client.get(f"/news/{OLD_SLUG}/")
    assert response.status_code == 301
    assert response["Location"] == "/news/policing-conference/"


def test_a_taxonomy_record_created_by_the_import_does_not_take_a_redirected_slug(
    taxonomy, tmp_path, client
):
    from countries.models import Country
    from tests.factories import CountryFactory

    renamed = CountryFactory(name="Atlantida", slug="atlantis")
    renamed.slug = "atlantida"
    renamed.save()

    run(write(tmp_path, [{**SECRETARIAT_ITEM, "countries": ["Atlantis"]}]), "--create-missing")

    assert Country.objects.get(name="Atlantis").slug == "atlantis-2"
    assert client.get("/countries/atlantis/")["Location"] == "/countries/atlantida/"
