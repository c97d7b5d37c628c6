"""Editors write drafts; publishers publish. Enforced on the server, whatever the POST says."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from editorial.models import WorkingDraft
from news.models import Meeting, NewsItem
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    NewsItemFactory,
    StructureFactory,
)
from tests.news.admin.editorial_steps import opened
from tests.news.admin.helpers import REASON, news_item_post, publishing_fields
from website.roles import EDITOR_PERMISSIONS, PUBLISHER_PERMISSIONS

ADD_URL = reverse("admin:news_newsitem_add")
CHANGELIST_URL = reverse("admin:news_newsitem_changelist")


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def group_permissions(name):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=name).permissions.select_related("content_type")
    }


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_setup_roles_is_idempotent_and_resets_to_exactly_the_list(roles):
    first = {name: group_permissions(name) for name in ("Editor", "Publisher")}
    assert first == {"Editor": set(EDITOR_PERMISSIONS), "Publisher": set(PUBLISHER_PERMISSIONS)}
    editor = Group.objects.get(name="Editor")
    editor.permissions.add(*Group.objects.get(name="Publisher").permissions.all())
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)
    assert Group.objects.filter(name__in=["Editor", "Publisher"]).count() == 2
    assert {name: group_permissions(name) for name in ("Editor", "Publisher")} == first


def test_roles_have_the_promised_permissions(roles):
    editor, publisher = group_permissions("Editor"), group_permissions("Publisher")
    assert editor < publisher
    assert {"news.add_newsitem", "news.change_newsitem", "structures.view_structure"} <= editor
    assert {"projects.add_project", "projects.change_project", "projects.view_donor"} <= editor
    assert not {p for p in editor if p.split(".")[1].startswith("publish_")}
    assert not {p for p in editor if p.split(".")[1].split("_")[0] == "delete"} - {
        "news.delete_newsitemissuer",
        "documents.delete_documentissuer",
        "documents.delete_documentfile",
        "projects.delete_projectimplementer",
        "projects.delete_projectdonor",
        # A profile's rows (website.roles.REFERENCE_ROWS): reference facts editors keep.
        "field_operations.delete_office",
        "field_operations.delete_figures",
    }
    assert {
        "news.publish_newsitem",
        "news.publish_meeting",
        "news.delete_newsitem",
        "projects.publish_project",
        "projects.delete_project",
        "projects.change_donor",
        "structures.change_structure",
        "countries.add_country",
    } <= publisher
    assert not {p for p in publisher if p.startswith("auth.")}


def test_editor_adds_a_draft_with_author(client, editor):
    structure = StructureFactory()
    client.force_login(editor)
    response = client.post(ADD_URL, news_item_post([structure]))
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.status == Status.DRAFT
    assert item.author == editor
    assert item.ordered_issuers == [structure]
    assert LogEntry.objects.filter(object_id=str(item.pk), user=editor).exists()


def test_editor_forged_publish_is_saved_as_draft_with_a_warning(client, editor):
    client.force_login(editor)
    data = news_item_post([StructureFactory()], **publishing_fields(Status.PUBLISHED))
    response = client.post(ADD_URL, data, follow=True)
    assert response.status_code == 200
    item = NewsItem.objects.get()
    assert item.status == Status.DRAFT
    assert item.publish_at > timezone.now() - datetime.timedelta(minutes=1)
    assert "Saved as a draft: only publishers can publish or schedule." in messages_of(response)
    assert not NewsItem.objects.published().exists()


def test_editor_forged_schedule_on_a_draft_changes_nothing(client, editor):
    draft = NewsItemFactory(status=Status.DRAFT, issued_by=[StructureFactory()])
    before = draft.publish_at
    client.force_login(editor)
    data = news_item_post(
        draft.ordered_issuers,
        title="New title",
        slug=draft.slug,
        **publishing_fields(Status.PUBLISHED, date="2099-01-01"),
    )
    data.update({"issuers-INITIAL_FORMS": "1", "issuers-0-id": str(draft.issuers.get().pk)})
    data["issuers-0-news_item"] = str(draft.pk)
    response = client.post(change_url(draft), data, follow=True)
    draft.refresh_from_db()
    assert (draft.title, draft.status, draft.publish_at) == ("New title", Status.DRAFT, before)
    assert "Saved as a draft: only publishers can publish or schedule." in messages_of(response)


def test_editor_sees_publishing_fields_read_only(client, editor):
    client.force_login(editor)
    response = client.get(ADD_URL)
    form = response.context["adminform"].form
    assert not {"status", "publishing", "publish_at", "expire_at"} & set(form.fields)
    assert "Only publishers can publish or schedule" in response.content.decode()


@pytest.mark.parametrize(
    "state",
    [
        {"status": Status.PUBLISHED},
        {"status": Status.PUBLISHED, "publish_at": timezone.now() + datetime.timedelta(days=3)},
    ],
    ids=["live", "scheduled"],
)
def test_editor_cannot_change_a_published_or_scheduled_items_row(client, editor, state):
    """What an editor saves of a live or scheduled item is its working draft (see
    test_working_drafts.py); the row itself is untouched."""
    item = NewsItemFactory(issued_by=[StructureFactory()], title="Original", **state)
    client.force_login(editor)
    page = client.get(change_url(item))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="_save"' not in html and 'name="_save_draft"' in html
    assert 'name="status"' not in html
    data = {**opened(client, item), "title_en": "Changed", "_save": "Save"}
    # Forged: an editor cannot unpublish either, by the old status or by the choice.
    data.update(status=Status.DRAFT, publishing="draft")
    assert client.post(change_url(item), data).status_code == 302
    item.refresh_from_db()
    assert (item.title, item.status) == ("Original", Status.PUBLISHED)
    assert WorkingDraft.objects.for_object(item).get().data["title_en"] == ["Changed"]


def test_editor_cannot_publish_with_the_action(client, editor):
    draft = NewsItemFactory(status=Status.DRAFT)
    client.force_login(editor)
    action_form = client.get(CHANGELIST_URL).context["action_form"]
    assert action_form is None or not {"publish_selected", "delete_selected"} & set(
        dict(action_form.fields["action"].choices)
    )
    response = client.post(
        CHANGELIST_URL, {"action": "publish_selected", **REASON, "_selected_action": [draft.pk]}
    )
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:countries_country_add"),
        reverse("admin:structures_structure_add"),
        reverse("admin:news_fieldofwork_add"),
        reverse("admin:news_meetingtype_add"),
        reverse("admin:countries_chairpersonship_add"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_group_changelist"),
    ],
)
def test_editor_cannot_add_taxonomy_or_touch_users(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 403


def test_editor_can_view_but_not_change_taxonomy(client, editor):
    country, structure = CountryFactory(), StructureFactory()
    client.force_login(editor)
    for obj, name in [(country, "countries_country"), (structure, "structures_structure")]:
        url = reverse(f"admin:{name}_change", args=[obj.pk])
        assert client.get(url).status_code == 200
        assert client.post(url, {"name": "Renamed"}).status_code == 403
    field = FieldOfWorkFactory()
    url = reverse("admin:news_fieldofwork_change", args=[field.pk])
    assert client.post(url, {"name": "X", "slug": "x", "position": 0}).status_code == 403


def test_publisher_publishes_and_unpublishes_with_actions(client, publisher):
    now = timezone.now()
    old_draft = NewsItemFactory(status=Status.DRAFT, publish_at=now - datetime.timedelta(days=30))
    future_draft = NewsItemFactory(status=Status.DRAFT, publish_at=now + datetime.timedelta(days=2))
    live = NewsItemFactory()
    client.force_login(publisher)
    response = client.post(
        CHANGELIST_URL,
        {
            "action": "publish_selected",
            **REASON,
            "_selected_action": [old_draft.pk, future_draft.pk, live.pk],
        },
        follow=True,
    )
    text = " ".join(messages_of(response))
    assert "Published 1 news item" in text
    assert "Scheduled 1 news item" in text
    assert "1 news item was already published" in text
    old_draft.refresh_from_db()
    future_draft.refresh_from_db()
    assert old_draft.is_published and old_draft.publish_at >= now
    assert future_draft.is_scheduled
    assert LogEntry.objects.filter(object_id=str(old_draft.pk), action_flag=CHANGE).exists()

    response = client.post(
        CHANGELIST_URL,
        {"action": "unpublish_selected", "_selected_action": [old_draft.pk, live.pk]},
        follow=True,
    )
    assert "Unpublished 2 news items" in " ".join(messages_of(response))
    assert NewsItem.objects.filter(status=Status.DRAFT).count() == 2
    history = client.get(reverse("admin:news_newsitem_history", args=[old_draft.pk]))
    assert history.status_code == 200
    assert "Changed Status" in history.content.decode()


def test_publishing_an_expired_item_clears_its_expiry(client, publisher):
    now = timezone.now()
    expired = NewsItemFactory(
        publish_at=now - datetime.timedelta(days=5), expire_at=now - datetime.timedelta(days=1)
    )
    client.force_login(publisher)
    client.post(
        CHANGELIST_URL, {"action": "publish_selected", **REASON, "_selected_action": [expired.pk]}
    )
    expired.refresh_from_db()
    assert expired.is_published
    assert expired.expire_at is None


def test_publisher_publishes_meetings_and_the_change_form_offers_the_action(client, publisher):
    meeting = MeetingFactory(status=Status.DRAFT)
    client.force_login(publisher)
    url = reverse("admin:news_meeting_change", args=[meeting.pk])
    page = client.get(url)
    assert "Publish this meeting or conference" in page.content.decode()
    changelist = reverse("admin:news_meeting_changelist")
    client.post(
        changelist, {"action": "publish_selected", **REASON, "_selected_action": [meeting.pk]}
    )
    meeting.refresh_from_db()
    assert meeting.is_published


def test_publisher_publishes_from_the_form_and_may_edit_live_items(client, publisher):
    structure = StructureFactory()
    client.force_login(publisher)
    data = news_item_post([structure], **publishing_fields(Status.PUBLISHED))
    response = client.post(ADD_URL, data)
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.is_published
    assert client.get(change_url(item)).context["has_change_permission"] is True


def test_expiry_before_publishing_is_a_form_error(client, publisher):
    client.force_login(publisher)
    data = news_item_post(
        [StructureFactory()],
        **{
            **publishing_fields(Status.PUBLISHED),
            "expire_at_0": "2019-01-01",
            "expire_at_1": "9:00",
        },
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "expire_at" in response.context["adminform"].form.errors
    assert not NewsItem.objects.exists()


def test_issuers_are_required_and_kept_in_the_given_order(client, publisher):
    first, second, third = StructureFactory(), StructureFactory(), StructureFactory()
    client.force_login(publisher)
    response = client.post(ADD_URL, news_item_post([], **publishing_fields(Status.DRAFT)))
    assert response.status_code == 200
    assert "Add at least one issuing structure" in response.content.decode()
    data = news_item_post([first, second, third], **publishing_fields(Status.DRAFT))
    data.update({"issuers-0-position": "5", "issuers-1-position": "5", "issuers-2-position": "1"})
    assert client.post(ADD_URL, data).status_code == 302
    item = NewsItem.objects.get()
    assert item.ordered_issuers == [third, first, second]
    assert sorted(item.issuers.values_list("position", flat=True)) == [0, 1, 2]


def test_the_same_issuer_twice_is_a_form_error(client, publisher):
    structure = StructureFactory()
    client.force_login(publisher)
    data = news_item_post([structure, structure], **publishing_fields(Status.DRAFT))
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "listed twice" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_editor_cannot_delete_content(client, editor):
    item = NewsItemFactory(status=Status.DRAFT)
    meeting = MeetingFactory(status=Status.DRAFT)
    client.force_login(editor)
    assert client.get(reverse("admin:news_newsitem_delete", args=[item.pk])).status_code == 403
    assert client.get(reverse("admin:news_meeting_delete", args=[meeting.pk])).status_code == 403
    assert NewsItem.objects.exists() and Meeting.objects.exists()


def test_only_publishers_may_feature_an_item_on_the_home_page(client, editor, publisher):
    """ "Featured until" sits with the publishing fields: an editor's form lacks it and a
    forged value is dropped with the warning; a publisher sets it."""
    client.force_login(editor)
    assert "featured_until" not in client.get(ADD_URL).context["adminform"].form.fields
    forged = {"featured_until_0": "2099-01-01", "featured_until_1": "09:00:00"}
    response = client.post(ADD_URL, news_item_post([StructureFactory()], **forged), follow=True)
    assert NewsItem.objects.get().featured_until is None
    assert "Saved as a draft: only publishers can publish or schedule." in messages_of(response)

    client.force_login(publisher)
    assert "featured_until" in client.get(ADD_URL).context["adminform"].form.fields
    data = news_item_post([StructureFactory()], slug="featured", **publishing_fields(), **forged)
    assert client.post(ADD_URL, data).status_code == 302
    featured = NewsItem.objects.get(slug="featured")
    assert timezone.localtime(featured.featured_until).date() == datetime.date(2099, 1, 1)
