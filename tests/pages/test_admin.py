"""Pages in the admin go through the news admin's machinery: roles, drafts, revisions, audit."""

import logging

import pytest
from django.urls import reverse
from reversion.models import Version

from core.publishing import Status
from pages.models import Page
from tests.factories import PageFactory
from tests.news.admin.helpers import REASON
from tests.security.forms import form_data

pytestmark = pytest.mark.django_db

ADD = reverse("admin:pages_page_add")
CHANGELIST = reverse("admin:pages_page_changelist")


@pytest.fixture
def audit_log(caplog):
    caplog.set_level(logging.INFO, logger="osce.audit")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "osce.audit"]


def add_form(client, **fields):
    data = form_data(client.get(ADD), "page_form")
    data.update({"title_en": "Our mandate", "slug": "our-mandate", "body_en": "<p>Text.</p>"})
    data.update(fields)
    return data


def test_an_editor_adds_a_page_as_a_draft_whatever_the_post_claims(client, editor):
    client.force_login(editor)
    data = add_form(
        client,
        status="published",
        publishing="publish",
        publish_at_0="2020-01-01",
        publish_at_1="09:00",
    )
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug="our-mandate")
    assert page.status == Status.DRAFT
    assert Version.objects.get_for_object(page).count() == 1
    assert client.get("/our-mandate/").status_code == 200  # the editor's preview
    client.logout()
    assert client.get("/our-mandate/").status_code == 404


def test_an_editors_post_leaves_a_live_page_as_it_is(client, editor):
    """An editor's save of a live page becomes a working draft (editorial); the live row is
    never written (tests/news/admin/test_working_drafts.py follows the draft)."""
    page = PageFactory(slug="live-page")
    client.force_login(editor)
    url = reverse("admin:pages_page_change", args=[page.pk])
    data = {"title_en": "Changed", "slug": "live-page"}
    client.post(url, data)
    page.refresh_from_db()
    assert page.title_en != "Changed"


def test_a_publisher_publishes_with_a_revision_and_an_audit_line(client, publisher, audit_log):
    page = PageFactory(slug="to-publish", status=Status.DRAFT)
    client.force_login(publisher)
    response = client.post(
        CHANGELIST,
        {"action": "publish_selected", **REASON, "_selected_action": [page.pk], "index": 0},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED
    assert Version.objects.get_for_object(page).count() == 1
    assert any(
        line.startswith('event=publish user="publisher" model=pages.page') for line in audit_log()
    )
    history = client.get(reverse("admin:pages_page_history", args=[page.pk]))
    assert history.status_code == 200


def test_a_slug_another_section_answers_is_a_form_error(client, publisher):
    client.force_login(publisher)
    response = client.post(ADD, add_form(client, slug="news"))
    assert response.status_code == 200
    assert "is already an address of the site" in response.content.decode()
    assert not Page.objects.filter(slug="news").exists()


def test_the_roles_give_editors_pages_and_publishers_their_publication(editor, publisher):
    assert editor.has_perm("pages.add_page") and editor.has_perm("pages.change_page")
    assert not editor.has_perm("pages.publish_page")
    assert not editor.has_perm("pages.delete_page")
    assert publisher.has_perm("pages.publish_page") and publisher.has_perm("pages.delete_page")
