"""Saving through the change form: the go-live date a publication records, and what the
history says changed."""

import datetime

from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from editorial.models import WorkingDraft
from news.admin.publishing_choice import Choice
from news.models import NewsItem
from tests.factories import NewsItemFactory, StructureFactory
from tests.news.admin.helpers import REASON
from tests.security.forms import form_data

LINKED_BODY = '<p>Read <a href="https://www.osce.org/report">the report</a>.</p>'


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def old_draft(**fields):
    return NewsItemFactory(
        status=Status.DRAFT,
        publish_at=timezone.now() - datetime.timedelta(days=30),
        issued_by=[StructureFactory()],
        **fields,
    )


def test_publishing_a_draft_through_the_form_goes_live_now(client, publisher):
    draft = old_draft()
    client.force_login(publisher)
    data = form_data(client.get(change_url(draft)), "newsitem_form")
    data.update({"publishing": Choice.PUBLISH, **REASON})
    before = timezone.now()
    assert client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.publish_at >= before


def test_publishing_with_a_future_time_through_the_form_schedules(client, publisher):
    draft = old_draft()
    client.force_login(publisher)
    data = form_data(client.get(change_url(draft)), "newsitem_form")
    data.update(
        {"publishing": Choice.SCHEDULE, "publish_at_0": "2099-05-01", "publish_at_1": "10:00"}
    )
    data.update(REASON)
    assert client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.is_scheduled
    assert timezone.localtime(draft.publish_at).date() == datetime.date(2099, 5, 1)


def test_editing_a_live_item_keeps_its_go_live_date(client, publisher):
    live = NewsItemFactory(
        publish_at=timezone.now() - datetime.timedelta(days=3), issued_by=[StructureFactory()]
    )
    went_live = live.publish_at
    client.force_login(publisher)
    data = form_data(client.get(change_url(live)), "newsitem_form")
    data.update({"title_en": "Corrected title", **REASON})
    assert client.post(change_url(live), data).status_code == 302
    live.refresh_from_db()
    assert abs(live.publish_at - went_live) < datetime.timedelta(seconds=1)


def test_saving_a_body_with_a_link_unchanged_does_not_log_a_body_change(client, editor):
    draft = old_draft(body=LINKED_BODY)
    assert 'rel="noopener noreferrer"' in NewsItem.objects.get(pk=draft.pk).body
    client.force_login(editor)
    data = form_data(client.get(change_url(draft)), "newsitem_form")
    # What the rich-text editor sends back: the same markup without the `rel` the server adds.
    data.update({"body_en": LINKED_BODY, "teaser_en": "A new teaser."})
    assert client.post(change_url(draft), data).status_code == 302
    entry = LogEntry.objects.filter(object_id=str(draft.pk)).latest("action_time")
    assert entry.get_change_message() == "Changed Teaser [en]."


def test_an_editor_whose_draft_was_published_meanwhile_keeps_the_typed_work(
    client, editor, publisher
):
    draft = old_draft(title_en="Draft title")
    client.force_login(editor)
    opened = form_data(client.get(change_url(draft)), "newsitem_form")
    client.force_login(publisher)
    changelist = reverse("admin:news_newsitem_changelist")
    client.post(
        changelist, {"action": "publish_selected", **REASON, "_selected_action": [draft.pk]}
    )

    client.force_login(editor)
    typed = {**opened, "title_en": "Editor's better title", "teaser_en": "Typed with care."}
    response = client.post(change_url(draft), typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This item was published while you were editing it" in html
    assert "Your changes are not saved" in html
    assert 'value="Editor&#x27;s better title"' in html
    assert "Typed with care." in html
    assert 'name="_save"' not in html
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Draft title", Status.PUBLISHED)
    # Saving the page again keeps the typed work as a draft of changes; the live row stays.
    again = client.post(change_url(draft), form_data(response, "newsitem_form"))
    assert again.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Draft title"
    kept = WorkingDraft.objects.for_object(draft).get()
    assert kept.data["title_en"] == ["Editor's better title"]
