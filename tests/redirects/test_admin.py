"""Redirects in the admin: recorded by a slug change made through a change form, listed for
editors and publishers, deleted by publishers only, and shown on the object's own form."""

import pytest
from django.urls import reverse

from redirects.models import SlugRedirect
from tests.factories import CountryFactory, MeetingFactory, NewsItemFactory, StructureFactory
from tests.news.admin.helpers import REASON
from tests.security.forms import form_data

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/redirects/slugredirect/"


def rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


@pytest.fixture
def redirects():
    item = rename(NewsItemFactory(slug="old-news", issued_by=[StructureFactory()]), "new-news")
    meeting = rename(MeetingFactory(slug="old-meeting"), "new-meeting")
    country = rename(CountryFactory(slug="old-country"), "new-country")
    return item, meeting, country


def test_a_publisher_changing_a_slug_in_the_form_records_a_redirect(client, publisher):
    item = NewsItemFactory(slug="before-the-form", issued_by=[StructureFactory()])
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    client.force_login(publisher)
    data = form_data(client.get(url), "newsitem_form")
    data["slug"] = "after-the-form"
    assert client.post(url, {**data, **REASON}).status_code == 302
    assert client.get("/news/before-the-form/")["Location"] == "/news/after-the-form/"
    # The form now lists the old address.
    page = client.get(url).content.decode()
    assert "Old addresses that redirect here" in page
    assert '<a href="/news/before-the-form/">/news/before-the-form/</a>' in page


@pytest.mark.parametrize("who", ["editor", "publisher"])
def test_editors_and_publishers_see_the_list(client, request, redirects, who):
    client.force_login(request.getfixturevalue(who))
    page = client.get(CHANGELIST).content.decode()
    for old, new in [("/news/old-news/", "/news/new-news/"), ("/countries/old-country/", None)]:
        assert old in page
        if new:
            assert new in page


def test_the_list_searches_old_slugs_and_filters_by_type(client, publisher, redirects):
    item, meeting, country = redirects
    client.force_login(publisher)
    found = client.get(CHANGELIST, {"q": "old-meet"})
    assert list(found.context["cl"].result_list) == list(
        SlugRedirect.objects.filter(object_id=meeting.pk, old_slug="old-meeting")
    )
    types = {
        str(choice["display"])
        for spec in found.context["cl"].filter_specs
        for choice in spec.choices(found.context["cl"])
    }
    assert types == {
        "All",
        "countries",
        "fields of work",
        "meetings and conferences",
        "news items",
        "pages",
        "projects",
        "publications and documents",
        "structures and institutions",
    }
    meeting_type = SlugRedirect.objects.get(old_slug="old-meeting").content_type_id
    filtered = client.get(CHANGELIST, {"type": meeting_type})
    assert [r.old_slug for r in filtered.context["cl"].result_list] == ["old-meeting"]
    assert client.get(CHANGELIST, {"type": "nonsense"}).status_code == 200


def test_no_one_adds_or_edits_a_redirect_by_hand(client, publisher, redirects):
    client.force_login(publisher)
    redirect = SlugRedirect.objects.first()
    assert client.get(CHANGELIST + "add/").status_code == 403
    response = client.post(
        reverse("admin:redirects_slugredirect_change", args=[redirect.pk]), {"old_slug": "x"}
    )
    assert response.status_code == 403
    redirect.refresh_from_db()
    assert redirect.old_slug != "x"


def test_an_editor_cannot_delete_a_redirect(client, editor, redirects):
    client.force_login(editor)
    redirect = SlugRedirect.objects.get(old_slug="old-news")
    delete_url = reverse("admin:redirects_slugredirect_delete", args=[redirect.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert SlugRedirect.objects.filter(pk=redirect.pk).exists()


def test_a_publisher_deletes_a_redirect_and_the_old_address_is_a_404(client, publisher, redirects):
    client.force_login(publisher)
    redirect = SlugRedirect.objects.get(old_slug="old-news")
    delete_url = reverse("admin:redirects_slugredirect_delete", args=[redirect.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    client.logout()
    assert client.get("/news/old-news/").status_code == 404
    assert client.get("/meetings/old-meeting/").status_code == 301


@pytest.mark.parametrize(
    ("admin_name", "index"),
    [("news_newsitem", 0), ("news_meeting", 1), ("countries_country", 2)],
)
def test_each_change_form_lists_its_old_addresses(client, editor, redirects, admin_name, index):
    obj = redirects[index]
    client.force_login(editor)
    page = client.get(reverse(f"admin:{admin_name}_change", args=[obj.pk])).content.decode()
    old = SlugRedirect.objects.get(object_id=obj.pk, content_type__model=obj._meta.model_name)
    assert f'<a href="{old.get_absolute_url()}">' in page
    # Another object's old addresses are not listed.
    start = page.index('class="old-addresses')
    section = page[start : page.index("</section>", start)]
    assert section.count("<li>") == 1


def test_a_form_without_old_addresses_shows_no_list(client, editor):
    structure = StructureFactory()
    client.force_login(editor)
    page = client.get(reverse("admin:structures_structure_change", args=[structure.pk]))
    assert "Old addresses that redirect here" not in page.content.decode()
