"""The rich-text editor's internal-link chooser (website.link_chooser): staff only, by the
user's permissions, every page type, language-neutral addresses, drafts marked, paginated."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from core.publishing import Status
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    NewsItemFactory,
    PageFactory,
    ProjectFactory,
    StructureFactory,
    UserFactory,
)
from website import link_chooser

URL = "/admin/link-chooser/"


def search(client, q, headers=None, **params):
    response = client.get(URL, {"q": q, **params}, **(headers or {}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_address_is_under_the_admin():
    assert reverse("admin:link_chooser") == URL


@pytest.mark.django_db
def test_anonymous_visitors_and_non_staff_get_the_sign_in_page_not_titles(client):
    NewsItemFactory(title="Secret draft about elections", status=Status.DRAFT)
    response = client.get(URL, {"q": "elections"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory(username="visitor", is_staff=False))
    response = client.get(URL, {"q": "elections"})
    assert response.status_code == 302
    assert b"Secret draft" not in response.content


@pytest.mark.django_db
def test_staff_without_permissions_find_nothing(client):
    NewsItemFactory(title="Elections observed in Vienna")
    client.force_login(UserFactory(username="clerk", is_staff=True))
    assert search(client, "elections") == {"count": 0, "results": [], "next_page": None}


@pytest.mark.django_db
def test_only_the_types_the_user_may_view_are_searched(client):
    NewsItemFactory(title="Water management in Central Asia")
    FieldOfWorkFactory(name="Water management")
    user = UserFactory(username="taxonomist", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_fieldofwork"))
    client.force_login(user)
    data = search(client, "water")
    assert [result["title"] for result in data["results"]] == ["Water management"]


def test_every_page_type_is_found_with_its_language_neutral_address(client, editor):
    NewsItemFactory(title="Quokka security talks", slug="border-talks")
    MeetingFactory(title="Quokka security conference", slug="border-conference")
    ProjectFactory(title="Quokka security project", slug="border-project")
    PageFactory(title="Quokka security contacts", slug="border-contacts")
    StructureFactory(name="Quokka Management Staff College", slug="bmsc")
    CountryFactory(name="Quokkaland", slug="borderland")
    FieldOfWorkFactory(name="Quokka management", slug="border-management")
    client.force_login(editor)
    data = search(client, "quokka", headers={"HTTP_ACCEPT_LANGUAGE": "ru"})
    urls = {result["url"] for result in data["results"]}
    assert "/news/border-talks/" in urls
    assert "/border-contacts/" in urls
    assert any(url.startswith("/meetings/") and "border-conference" in url for url in urls)
    assert any("border-project" in url for url in urls)
    assert any("bmsc" in url for url in urls)
    assert any("borderland" in url for url in urls)
    assert any("border-management" in url for url in urls)
    assert not any(url.startswith("/ru/") for url in urls)
    assert data["count"] == 7


def test_titles_in_any_language_are_found(client, editor):
    NewsItemFactory(title="Press freedom report", title_ru="Доклад о свободе прессы")
    client.force_login(editor)
    data = search(client, "свободе")
    assert [result["title"] for result in data["results"]] == ["Press freedom report"]


def test_drafts_are_listed_for_staff_but_marked_not_live(client, editor):
    NewsItemFactory(title="Ceasefire monitoring update", slug="live-one")
    NewsItemFactory(title="Ceasefire monitoring draft", slug="draft-one", status=Status.DRAFT)
    client.force_login(editor)
    results = {result["url"]: result["live"] for result in search(client, "ceasefire")["results"]}
    assert results == {"/news/live-one/": True, "/news/draft-one/": False}


def test_results_come_in_pages(client, editor, monkeypatch):
    monkeypatch.setattr(link_chooser, "PAGE_SIZE", 3)
    for number in range(5):
        NewsItemFactory(title=f"Mediation round {number}")
    FieldOfWorkFactory(name="Mediation support")
    client.force_login(editor)
    first = search(client, "mediation")
    assert first["count"] == 6 and len(first["results"]) == 3 and first["next_page"] == 2
    second = search(client, "mediation", page=2)
    assert len(second["results"]) == 3 and second["next_page"] is None
    seen = [r["title"] for r in first["results"] + second["results"]]
    assert len(set(seen)) == 6 and seen[-1] == "Mediation support"


def test_bad_input_is_answered_not_raised(client, editor):
    client.force_login(editor)
    assert search(client, "")["count"] == 0
    assert search(client, "mediation", page="x")["count"] == 0
    assert search(client, "\x00 ' OR 1=1 --")["count"] == 0
    assert search(client, "a" * 5000)["count"] == 0
