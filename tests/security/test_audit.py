"""Deleting shows everything it takes with it and can be undone; publish, unpublish, restore
and delete are logged with the user, in the admin's history and in the `osce.audit` log."""

import logging

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.urls import reverse
from reversion.models import Version

from core.publishing import Status
from news.models import Meeting, NewsItem
from tests.factories import DocumentFactory, MeetingFactory, NewsItemFactory, StructureFactory
from tests.news.admin.helpers import REASON, news_item_post
from tests.security.forms import form_data

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:news_newsitem_changelist")


@pytest.fixture
def audit_log(caplog):
    caplog.set_level(logging.INFO, logger="osce.audit")

    def lines():
        return [r.getMessage() for r in caplog.records if r.name == "osce.audit"]

    return lines


def test_delete_confirmation_lists_what_the_delete_takes_with_it(publisher_client):
    item = NewsItemFactory(
        title="Item to delete",
        issued_by=[StructureFactory(name="Secretariat"), StructureFactory(name="ODIHR")],
    )
    html = publisher_client.get(
        reverse("admin:news_newsitem_delete", args=[item.pk])
    ).content.decode()
    assert "Item to delete" in html
    assert "Secretariat" in html and "ODIHR" in html

    document = DocumentFactory(title="Report to delete", files={"ru": "Текст"})
    html = publisher_client.get(
        reverse("admin:documents_document_delete", args=[document.pk])
    ).content.decode()
    assert "Report to delete (ru)" in html


def test_bulk_delete_confirmation_lists_every_item_and_its_rows(publisher_client):
    items = [
        NewsItemFactory(title=f"Bulk {index}", issued_by=[StructureFactory(name=f"Org {index}")])
        for index in range(2)
    ]
    html = publisher_client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [item.pk for item in items]},
    ).content.decode()
    for index in range(2):
        assert f"Bulk {index}" in html and f"Org {index}" in html


def test_delete_is_logged_with_the_user_and_can_be_recovered(
    publisher_client, publisher, audit_log
):
    publisher_client.post(
        reverse("admin:news_newsitem_add"),
        news_item_post([StructureFactory()], status=Status.DRAFT, title="Deleted then back"),
    )
    item = NewsItem.objects.get()
    response = publisher_client.post(
        reverse("admin:news_newsitem_delete", args=[item.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not NewsItem.objects.exists()
    entry = LogEntry.objects.get(action_flag=DELETION)
    assert (entry.user, entry.object_repr) == (publisher, "Deleted then back")
    assert any(
        line.startswith('event=delete user="publisher" model=news.newsitem')
        and 'title="Deleted then back"' in line
        for line in audit_log()
    )

    # Deleted items stay restorable from their last revision.
    recover_list = publisher_client.get(reverse("admin:news_newsitem_recoverlist"))
    assert "Deleted then back" in recover_list.content.decode()
    version = Version.objects.get_deleted(NewsItem).get()
    recover_url = reverse("admin:news_newsitem_recover", args=[version.pk])
    form = publisher_client.get(recover_url)
    assert publisher_client.post(recover_url, form_data(form, "newsitem_form")).status_code == 302
    assert NewsItem.objects.get().title == "Deleted then back"
    assert any(line.startswith('event=recover user="publisher"') for line in audit_log())


def test_bulk_delete_is_logged_per_item(publisher_client, publisher, audit_log):
    items = [NewsItemFactory(title=f"Bulk {index}") for index in range(3)]
    publisher_client.post(
        CHANGELIST,
        {
            "action": "delete_selected",
            "_selected_action": [item.pk for item in items],
            "post": "yes",
        },
    )
    assert not NewsItem.objects.exists()
    entries = LogEntry.objects.filter(action_flag=DELETION)
    assert sorted(entries.values_list("object_repr", flat=True)) == ["Bulk 0", "Bulk 1", "Bulk 2"]
    assert {entry.user for entry in entries} == {publisher}
    deletes = [line for line in audit_log() if line.startswith("event=delete")]
    assert len(deletes) == 3


def test_publish_and_unpublish_actions_are_logged_with_the_user(
    publisher_client, publisher, audit_log
):
    item = NewsItemFactory(status=Status.DRAFT, title="Toggled")
    publisher_client.post(
        CHANGELIST, {"action": "publish_selected", **REASON, "_selected_action": [item.pk]}
    )
    publisher_client.post(
        CHANGELIST, {"action": "unpublish_selected", "_selected_action": [item.pk]}
    )
    entries = LogEntry.objects.filter(action_flag=CHANGE, object_id=str(item.pk)).order_by("pk")
    assert [entry.user for entry in entries] == [publisher, publisher, publisher]
    events = [line.split()[0] for line in audit_log()]
    assert events == ["event=publish", "event=publish_without_review", "event=unpublish"]
    assert all('user="publisher"' in line for line in audit_log())


def test_publishing_through_the_form_is_logged(publisher_client, audit_log):
    meeting = MeetingFactory(status=Status.DRAFT, title="Form-published")
    url = reverse("admin:news_meeting_change", args=[meeting.pk])
    data = form_data(publisher_client.get(url), "meeting_form")
    data.update({"publishing": "publish", **REASON})
    assert publisher_client.post(url, data).status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).status == Status.PUBLISHED
    lines = audit_log()
    assert lines[-2].startswith('event=publish user="publisher" model=news.meeting')
    assert lines[-1].startswith('event=publish_without_review user="publisher"')


def test_editing_a_live_items_text_is_a_change_not_a_reschedule(publisher_client, audit_log):
    """The form shows "publish at" to the second; the stored time has microseconds. Saving
    the form unchanged must neither log a reschedule nor move the go-live time."""
    item = NewsItemFactory(title="Live item", issued_by=[StructureFactory()])
    stored = NewsItem.objects.get(pk=item.pk).publish_at
    assert stored.microsecond, "the factory's publish_at carries microseconds"
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    data = form_data(publisher_client.get(url), "newsitem_form")
    data.update({"title_en": "Live item, typo fixed", **REASON})

    assert publisher_client.post(url, data).status_code == 302

    item.refresh_from_db()
    assert item.title == "Live item, typo fixed"
    assert item.publish_at == stored
    events = [line.split()[0] for line in audit_log()]
    assert events == ["event=change", "event=publish_without_review"], audit_log()
