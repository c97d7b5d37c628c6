"""Old addresses of simple pages (pages.old_paths): renaming a page or moving it under another
parent answers 301 from its old path and from its children's, by the rules of the other
types' old slugs."""

import pytest

from core.publishing import Status
from news import services
from pages.models import Page
from redirects.models import SlugRedirect
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def save(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save()
    return page


@pytest.fixture
def tree():
    """/org/ > /org/team/ > /org/team/desk/"""
    top = PageFactory(slug="org", title="Organisation")
    middle = PageFactory(slug="team", title="Team", parent=top)
    bottom = PageFactory(slug="desk", title="Desk", parent=middle)
    return top, middle, bottom


def location(client, path):
    response = client.get(path)
    return response.status_code, response.get("Location")


@pytest.mark.parametrize("prefix", ["", "/de"])
def test_a_renamed_page_and_its_childrens_old_paths_answer_301(client, tree, prefix):
    top, _middle, _bottom = tree

    save(top, slug="organisation")

    assert location(client, f"{prefix}/org/?utm_source=x") == (301, f"{prefix}/organisation/")
    assert location(client, f"{prefix}/org/team/") == (301, f"{prefix}/organisation/team/")
    assert location(client, f"{prefix}/org/team/desk/") == (
        301,
        f"{prefix}/organisation/team/desk/",
    )
    assert client.get(f"{prefix}/organisation/team/desk/").status_code == 200


def test_a_page_moved_under_another_parent_answers_from_its_old_path(client, tree):
    _top, middle, bottom = tree
    other = PageFactory(slug="elsewhere")

    save(bottom, parent=other)
    save(middle, parent=None)

    assert location(client, "/org/team/desk/") == (301, "/elsewhere/desk/")
    assert location(client, "/org/team/") == (301, "/team/")


def test_a_chain_of_renames_answers_with_one_hop(client):
    page = PageFactory(slug="a")
    save(save(page, slug="b"), slug="c")

    for old in ("a", "b"):
        assert location(client, f"/{old}/") == (301, "/c/")


def test_a_new_page_at_the_old_address_wins(client, tree):
    top, _middle, _bottom = tree
    save(top, slug="organisation")

    PageFactory(slug="org", title="A new organisation page")

    response = client.get("/org/")
    assert response.status_code == 200
    assert "A new organisation page" in response.content.decode()
    # Its children's old addresses still lead to them.
    assert location(client, "/org/team/") == (301, "/organisation/team/")


def test_taking_the_old_address_back_leaves_no_loop(client):
    page = save(PageFactory(slug="first"), slug="second")
    save(page, slug="first")

    assert client.get("/first/").status_code == 200
    assert location(client, "/second/") == (301, "/first/")


def test_a_hidden_target_is_a_404(client, tree):
    top, middle, _bottom = tree
    save(top, slug="organisation")

    services.unpublish(middle)

    assert client.get("/org/team/").status_code == 404
    # Below a draft parent the page is not public either.
    assert client.get("/org/team/desk/").status_code == 404
    assert location(client, "/org/") == (301, "/organisation/")


def test_a_drafts_renames_leave_nothing_behind(client):
    page = PageFactory(slug="draft-page", status=Status.DRAFT)

    save(page, slug="renamed-draft")

    assert not SlugRedirect.objects.filter(old_slug="draft-page").exists()


def test_saves_that_leave_the_address_alone_record_nothing(tree):
    top, middle, _bottom = tree

    save(top, title="Renamed title only")
    save(middle, position=4)

    assert not SlugRedirect.objects.exists()


def test_deleting_a_page_deletes_its_redirects(client):
    page = save(PageFactory(slug="gone-soon"), slug="going")
    page.delete()

    assert not SlugRedirect.objects.exists()
    assert client.get("/gone-soon/").status_code == 404


def test_the_change_form_lists_the_old_addresses(client, publisher, tree):
    top, middle, _bottom = tree
    save(top, slug="organisation")
    client.force_login(publisher)

    html = client.get(f"/admin/pages/page/{middle.pk}/change/").content.decode()

    assert 'href="/org/team/"' in html


class TestPageCache:
    @pytest.fixture(autouse=True)
    def _page_cache(self, settings):
        settings.PAGE_CACHE = True

    def test_never_a_stale_page_or_301(self, client, tree):
        _top, middle, _bottom = tree
        client.get("/org/team/")
        assert client.get("/org/team/")["X-Page-Cache"] == "HIT"

        save(middle, slug="people")
        assert location(client, "/org/team/") == (301, "/org/people/")
        assert client.get("/org/team/")["X-Page-Cache"] == "HIT"

        save(Page.objects.get(pk=middle.pk), slug="team")
        assert client.get("/org/team/").status_code == 200
        assert location(client, "/org/people/") == (301, "/org/team/")
