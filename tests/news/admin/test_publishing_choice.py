"""The publisher's "Save as draft / Publish now / Schedule" choice, mapped onto the unchanged
`status` and `publish_at` (news.admin.publishing_choice), for a new item, a draft, a live item
and a scheduled one."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.publishing import Status
from editorial.models import WorkingDraft
from news.admin.publishing_choice import Choice, scheduled_for
from news.models import NewsItem
from tests.factories import NewsItemFactory, StructureFactory
from tests.news.admin.editorial_steps import opened, press
from tests.news.admin.helpers import REASON, news_item_post
from tests.security.forms import form_data

ADD_URL = reverse("admin:news_newsitem_add")
FUTURE = {"publish_at_0": "2099-05-01", "publish_at_1": "10:00"}
PAST = {"publish_at_0": "2020-05-01", "publish_at_1": "10:00"}


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def item_in(state):
    now = timezone.now()
    moments = {
        "draft": (Status.DRAFT, now - datetime.timedelta(days=30)),
        "live": (Status.PUBLISHED, now - datetime.timedelta(days=3)),
        "scheduled": (Status.PUBLISHED, now + datetime.timedelta(days=3)),
    }
    status, publish_at = moments[state]
    return NewsItemFactory(status=status, publish_at=publish_at, issued_by=[StructureFactory()])


def save_with(client, item, choice, **fields):
    data = form_data(client.get(change_url(item)), "newsitem_form")
    data.update({"publishing": choice, **REASON, **fields})
    return client.post(change_url(item), data)


@pytest.mark.parametrize(
    ("state", "initial"),
    [("draft", Choice.DRAFT), ("live", Choice.PUBLISH), ("scheduled", Choice.SCHEDULE)],
)
def test_the_choice_opens_on_the_items_state(client, publisher, state, initial):
    client.force_login(publisher)
    form = client.get(change_url(item_in(state))).context["adminform"].form
    assert "status" not in form.fields
    assert form["publishing"].value() == initial


def test_a_new_item_opens_as_a_draft_with_three_choices(client, publisher):
    client.force_login(publisher)
    response = client.get(ADD_URL)
    field = response.context["adminform"].form["publishing"]
    assert field.value() == Choice.DRAFT
    assert [label for _value, label in field.field.choices] == [
        "Save as draft",
        "Publish now",
        "Schedule",
    ]
    assert 'name="status"' not in response.content.decode()


@pytest.mark.parametrize(
    ("choice", "fields", "status", "when"),
    [
        (Choice.DRAFT, FUTURE, Status.DRAFT, "now"),
        (Choice.PUBLISH, FUTURE, Status.PUBLISHED, "now"),
        (Choice.SCHEDULE, FUTURE, Status.PUBLISHED, "typed"),
    ],
)
def test_a_new_items_choice(client, publisher, choice, fields, status, when):
    client.force_login(publisher)
    before = timezone.now()
    data = news_item_post([StructureFactory()], **{**REASON, **fields, "publishing": choice})
    assert client.post(ADD_URL, data).status_code == 302
    item = NewsItem.objects.get()
    assert item.status == status
    if when == "now":
        assert before <= item.publish_at <= timezone.now()
    else:
        assert timezone.localtime(item.publish_at).date() == datetime.date(2099, 5, 1)


@pytest.mark.parametrize(
    ("state", "choice", "status", "when"),
    [
        ("draft", Choice.DRAFT, Status.DRAFT, "kept"),
        ("draft", Choice.PUBLISH, Status.PUBLISHED, "now"),
        ("draft", Choice.SCHEDULE, Status.PUBLISHED, "typed"),
        # A live item keeps its go-live moment; taken offline it is a draft again.
        ("live", Choice.PUBLISH, Status.PUBLISHED, "kept"),
        ("live", Choice.DRAFT, Status.DRAFT, "kept"),
        ("live", Choice.SCHEDULE, Status.PUBLISHED, "typed"),
        ("scheduled", Choice.SCHEDULE, Status.PUBLISHED, "kept"),
        ("scheduled", Choice.PUBLISH, Status.PUBLISHED, "now"),
        ("scheduled", Choice.DRAFT, Status.DRAFT, "kept"),
    ],
)
def test_each_choice_maps_onto_status_and_go_live(client, publisher, state, choice, status, when):
    item = item_in(state)
    stored = item.publish_at
    client.force_login(publisher)
    before = timezone.now()
    typed = FUTURE if when == "typed" else {}
    response = save_with(client, item, choice, title_en="Changed title", **typed)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert (item.title, item.status) == ("Changed title", status)
    if when == "kept":
        assert item.publish_at == stored
    elif when == "now":
        assert before <= item.publish_at <= timezone.now()
    else:
        assert timezone.localtime(item.publish_at).date() == datetime.date(2099, 5, 1)


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        (PAST, "Pick a moment in the future to schedule it"),
        ({"publish_at_0": "", "publish_at_1": ""}, "Give the date and time to schedule it for."),
    ],
    ids=["past", "missing"],
)
def test_a_schedule_needs_a_moment_to_come(client, publisher, typed, error):
    item = item_in("draft")
    client.force_login(publisher)
    response = save_with(client, item, Choice.SCHEDULE, title_en="Typed title", **typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert 'value="Typed title"' in html
    assert f'value="{typed["publish_at_0"]}"' in html
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_a_typo_in_the_moment_is_ignored_unless_scheduling(client, publisher):
    item = item_in("draft")
    client.force_login(publisher)
    response = save_with(client, item, Choice.PUBLISH, publish_at_0="not a date")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_published


def test_an_editors_forged_choice_is_saved_as_a_draft(client, editor):
    item = item_in("draft")
    client.force_login(editor)
    page = client.get(change_url(item))
    assert "publishing" not in page.context["adminform"].form.fields
    data = {**form_data(page, "newsitem_form"), "publishing": Choice.SCHEDULE, **FUTURE}
    response = client.post(change_url(item), data, follow=True)
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    messages = [str(message) for message in response.context["messages"]]
    assert "Saved as a draft: only publishers can publish or schedule." in messages


def test_a_new_item_forged_by_an_editor_is_a_draft(client, editor):
    client.force_login(editor)
    data = news_item_post([StructureFactory()], publishing=Choice.PUBLISH)
    assert client.post(ADD_URL, data).status_code == 302
    assert NewsItem.objects.get().status == Status.DRAFT


def test_the_scheduled_for_line_gives_vienna_time(client, publisher):
    moment = datetime.datetime(2099, 12, 5, 13, 0, tzinfo=datetime.UTC)
    item = NewsItemFactory(status=Status.PUBLISHED, publish_at=moment)
    client.force_login(publisher)
    html = client.get(change_url(item)).content.decode()
    assert "Scheduled for 5 December 2099, 14:00 Vienna time" in html
    assert 'id="id_publish_at_scheduled_for" role="status" aria-live="polite"' in html
    assert 'aria-describedby="id_publish_at_scheduled_for"' in html
    assert "admin_osce/publishing_choice.js" in html


def test_the_scheduled_for_line_follows_a_typed_schedule(client, publisher):
    item = item_in("draft")
    client.force_login(publisher)
    data = form_data(client.get(change_url(item)), "newsitem_form")
    data.update({"publishing": Choice.SCHEDULE, "publish_at_0": "2099-07-01"})
    data.update({"publish_at_1": "10:30", "expire_at_0": "2099-06-01", "expire_at_1": "10:00"})
    html = client.post(change_url(item), data).content.decode()
    assert "The item must expire after it is published" in html
    assert "Scheduled for 1 July 2099, 10:30 Vienna time" in html


def test_the_scheduled_for_line_is_in_the_admins_language():
    moment = datetime.datetime(2099, 12, 5, 13, 0, tzinfo=datetime.UTC)
    with translation.override("de"):
        assert scheduled_for(moment) == "Geplant für 5. Dezember 2099 14:00 (Wiener Zeit)"


def test_a_live_items_choices_say_what_they_do(client, publisher):
    client.force_login(publisher)
    form = client.get(change_url(item_in("live"))).context["adminform"].form
    labels = dict(form.fields["publishing"].choices)
    assert labels[Choice.DRAFT] == "Take it offline (back to draft)"
    assert labels[Choice.PUBLISH] == "Keep it published"
    assert form["publish_at"].value() is None


def test_a_draft_of_changes_keeps_no_choice(client, publisher):
    item = item_in("live")
    client.force_login(publisher)
    response = save_with(client, item, Choice.DRAFT, title_en="Draft title", _save_draft="1")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert "publishing" not in WorkingDraft.objects.for_object(item).get().data


def test_approving_a_draft_under_review_can_schedule_it(client, editor, publisher):
    item = item_in("draft")
    client.force_login(editor)
    assert press(client, item, opened(client, item), "_submit_review").status_code == 302
    client.force_login(publisher)
    data = opened(client, item)
    assert data["publishing"] == Choice.DRAFT
    response = press(client, item, data, "_approve", publishing=Choice.SCHEDULE, **FUTURE)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_scheduled
    assert timezone.localtime(item.publish_at).date() == datetime.date(2099, 5, 1)
