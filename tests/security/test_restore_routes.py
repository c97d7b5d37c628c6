"""Restoring is the one admin route that writes an old state over the current one, so it is
where a forged URL or POST could undo a publisher's work unseen. A revision, recover,
history or compare URL takes only versions of its own model and object; an editor never
changes a published item or meeting by any admin URL; and whatever a restore POST carries,
either nothing is restored or the restore is recorded (a revision, a LogEntry and an audit
line naming the user)."""

import logging

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Revision

from core.publishing import Status
from news.models import Meeting, NewsItem, NewsItemIssuer
from tests.factories import MeetingFactory, NewsItemFactory, StructureFactory
from tests.news.admin.helpers import REASON
from tests.security.forms import form_data
from tests.security.revision_steps import draft_then_published, save_revision, state, versions_of

pytestmark = pytest.mark.django_db


def admin_url(model, name, *args):
    return reverse(f"admin:news_{model._meta.model_name}_{name}", args=args)


@pytest.fixture
def audit_log(caplog):
    caplog.set_level(logging.INFO, logger="osce.audit")

    def lines():
        return [r.getMessage() for r in caplog.records if r.name == "osce.audit"]

    return lines


@pytest.fixture
def live_item(editor, publisher):
    """A live news item with no meeting of the same id: the reviewer's case."""
    item = NewsItemFactory(issued_by=[StructureFactory()])
    draft_then_published(item, editor, publisher)
    Meeting.objects.filter(pk=item.pk).delete()
    return item


@pytest.fixture
def live_meeting(editor, publisher):
    meeting = MeetingFactory()
    draft_then_published(meeting, editor, publisher)
    NewsItem.objects.filter(pk=meeting.pk).delete()
    return meeting


class TestOnlyVersionsOfItsOwnModel:
    """The reviewer's route: the meeting admin's recover URL took a news item's version,
    found no meeting with that id (so allowed the editor), reverted the item's draft revision
    and committed it because the missing meeting's change form answered with a redirect."""

    @pytest.mark.parametrize("method", ["get", "post"])
    def test_meeting_recover_refuses_a_news_items_version(self, client, editor, live_item, method):
        before = state(live_item)
        client.force_login(editor)
        first = versions_of(live_item)[0]
        response = getattr(client, method)(
            admin_url(Meeting, "recover", first.pk), {"_save": "Save"}
        )
        assert response.status_code == 404
        assert state(live_item) == before

    @pytest.mark.parametrize("method", ["get", "post"])
    def test_news_recover_refuses_a_meetings_version(self, client, editor, live_meeting, method):
        before = state(live_meeting)
        client.force_login(editor)
        first = versions_of(live_meeting)[0]
        response = getattr(client, method)(
            admin_url(NewsItem, "recover", first.pk), {"_save": "Save"}
        )
        assert response.status_code == 404
        assert state(live_meeting) == before

    @pytest.mark.parametrize("method", ["get", "post"])
    def test_revision_url_refuses_another_models_version_with_the_same_object_id(
        self, client, editor, live_item, method
    ):
        before = state(live_item)
        client.force_login(editor)
        first = versions_of(live_item)[0]
        response = getattr(client, method)(
            admin_url(Meeting, "revision", live_item.pk, first.pk), {"_save": "Save"}
        )
        assert response.status_code == 404
        assert state(live_item) == before

    def test_revision_url_refuses_it_when_a_draft_meeting_has_that_id(
        self, client, editor, publisher, live_item
    ):
        """A meeting that may be edited must not lend its permission to the item."""
        MeetingFactory(pk=live_item.pk, status=Status.DRAFT)
        before = state(live_item)
        client.force_login(editor)
        first = versions_of(live_item)[0]
        response = client.post(
            admin_url(Meeting, "revision", live_item.pk, first.pk), {"_save": "Save"}
        )
        assert response.status_code == 404
        assert state(live_item) == before

    def test_compare_refuses_another_models_versions(self, client, publisher, live_item):
        """Comparing reads; still, a meeting's page never shows a news item's text."""
        meeting = MeetingFactory(pk=live_item.pk)
        save_revision(meeting, publisher)
        first, second = versions_of(live_item)
        client.force_login(publisher)
        response = client.get(
            admin_url(Meeting, "compare", meeting.pk), {"before": first.pk, "after": second.pk}
        )
        assert response.status_code == 404


class TestDeletedAndExistingObjects:
    def test_recover_refuses_an_object_that_still_exists(self, client, editor):
        """Recover brings back what was deleted; a live object is restored from its history,
        where what it overwrites is checked and shown."""
        item = NewsItemFactory(status=Status.DRAFT, issued_by=[StructureFactory()])
        first = save_revision(item, editor, title="First")
        save_revision(item, editor, title="Second")
        client.force_login(editor)
        response = client.post(admin_url(NewsItem, "recover", first.pk), {"_save": "Save"})
        assert response.status_code == 404
        assert NewsItem.objects.get(pk=item.pk).title == "Second"

    def test_revision_url_of_a_deleted_object_is_not_a_second_recover(self, client, editor):
        """The revision URL checked no add permission and logged a restore, not a recovery."""
        item = NewsItemFactory(status=Status.DRAFT, issued_by=[StructureFactory()])
        first = save_revision(item, editor, title="Deleted draft")
        pk = item.pk
        item.delete()
        client.force_login(editor)
        for method in ("get", "post"):
            response = getattr(client, method)(
                admin_url(NewsItem, "revision", pk, first.pk), {"_save": "Save"}
            )
            assert response.status_code == 404
        assert not NewsItem.objects.filter(pk=pk).exists()

    def test_revision_url_refuses_a_version_of_another_object(self, client, editor):
        items = [NewsItemFactory(status=Status.DRAFT) for _ in range(2)]
        theirs = save_revision(items[1], editor, title="Other item's text")
        client.force_login(editor)
        response = client.get(admin_url(NewsItem, "revision", items[0].pk, theirs.pk))
        assert response.status_code == 404


class TestOddRequests:
    @pytest.mark.parametrize("method", ["head", "put", "delete"])
    def test_restore_urls_answer_only_get_and_post(self, client, publisher, live_item, method):
        """django-reversion mutes the save signals only for GET: any other method loaded the
        old revision with them live (the site's content version moved) before rolling back."""
        client.force_login(publisher)
        first = versions_of(live_item)[0]
        response = getattr(client, method)(admin_url(NewsItem, "revision", live_item.pk, first.pk))
        assert response.status_code == 405

    @pytest.mark.parametrize("version_id", ["9" * 30, "0"])
    def test_a_version_id_out_of_range_is_not_found(self, client, publisher, version_id):
        client.force_login(publisher)
        assert client.get(admin_url(NewsItem, "recover", version_id)).status_code == 404

    @pytest.mark.parametrize("where", ["get", "post"])
    def test_a_restore_is_not_answered_as_a_popup(
        self, client, publisher, audit_log, live_item, where
    ):
        """Django's popup answer needs the URL's named object id, which django-reversion's URL
        lacks: the restore ended in a 500, after its save had written the audit line."""
        client.force_login(publisher)
        url, data = restore_form(client, live_item, versions_of(live_item)[0])
        if where == "get":
            response = client.post(f"{url}?_popup=1", data)
        else:
            response = client.post(url, {**data, "_popup": "1"})
        assert response.status_code == 400
        assert NewsItem.objects.get(pk=live_item.pk).title == "Published wording"
        assert not [line for line in audit_log() if "model=news.newsitem" in line]


class TestOneRevisionHoldingOtherItems:
    """A revision made outside the admin (a script, an import) can hold several items.
    django-reversion reverts a revision whole, so restoring one item from it rewound the
    others with no record against them."""

    @pytest.fixture
    def shared(self, editor, publisher):
        draft = NewsItemFactory(status=Status.DRAFT, title="Draft", issued_by=[StructureFactory()])
        live = NewsItemFactory(title="Live then", issued_by=[StructureFactory()])
        with reversion.create_revision():
            reversion.set_user(editor)
            draft.save()
            live.status = Status.DRAFT
            live.save()
        save_revision(live, publisher, title="Live now", status=Status.PUBLISHED)
        return draft, live

    @pytest.mark.parametrize("who", ["editor", "publisher"])
    def test_restoring_one_item_never_rewinds_another(self, client, request, shared, who):
        draft, live = shared
        before = state(live)
        client.force_login(request.getfixturevalue(who))
        version = versions_of(draft)[0]
        url = admin_url(NewsItem, "revision", draft.pk, version.pk)
        form = client.get(url, follow=True)
        assert "also holds" in form.content.decode()
        response = client.post(url, {"_save": "Save"})
        assert response.status_code == 403
        assert state(live) == before


def restore_form(client, obj, version):
    url = admin_url(type(obj), "revision", obj.pk, version.pk)
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response, f"{type(obj)._meta.model_name}_form")


# What a restore POST can carry besides the form's own buttons.
SUBMITS = {
    "save": lambda obj: {},
    "continue": lambda obj: {"_save": None, "_continue": "Save and continue"},
    "save as new": lambda obj: {"_save": None, "_saveasnew": "Save as new", "slug": "copy"},
    "change-form action": lambda obj: {
        "_save": None,
        "CHANGE_FORM-action": "publish_selected",
        **REASON,
        "_selected_action": str(obj.pk),
    },
    "empty action": lambda obj: {
        "_save": None,
        "CHANGE_FORM-action": "",
        "_selected_action": str(obj.pk),
    },
}


class TestEveryRestoreIsRecorded:
    @pytest.mark.parametrize("submit", SUBMITS)
    @pytest.mark.parametrize("model", [NewsItem, Meeting])
    def test_restore_is_recorded_or_nothing_happens(
        self, client, editor, publisher, audit_log, model, submit
    ):
        obj = (NewsItemFactory if model is NewsItem else MeetingFactory)()
        if model is NewsItem:
            NewsItemIssuer.objects.create(news_item=obj, structure=StructureFactory(), position=0)
        draft_then_published(obj, editor, publisher)
        client.force_login(publisher)
        first = versions_of(obj)[0]
        url, data = restore_form(client, obj, first)
        data.update(SUBMITS[submit](obj))
        data = {key: value for key, value in data.items() if value is not None}
        last_revision = Revision.objects.order_by("pk").last().pk
        entries = LogEntry.objects.count()
        audit_log_before = len(audit_log())

        response = client.post(url, data)

        assert response.status_code in (302, 400), response.status_code
        restored = model.objects.get(pk=obj.pk).title == "Editor's first draft"
        if not restored:
            assert model.objects.get(pk=obj.pk).title == "Published wording"
            assert not Revision.objects.filter(pk__gt=last_revision).exists()
            return
        assert response.status_code == 302
        latest = versions_of(obj)[-1]
        assert latest.revision.pk > last_revision and latest.revision.user == publisher
        assert latest.field_dict["title_en"] == "Editor's first draft"
        entry = LogEntry.objects.filter(object_id=str(obj.pk)).latest("pk")
        assert LogEntry.objects.count() > entries
        assert entry.user == publisher
        assert "Restored" in entry.get_change_message()
        lines = audit_log()[audit_log_before:]
        assert [line.split()[0] for line in lines] == ["event=restore"], lines
        assert 'user="publisher"' in lines[0]
        assert f"model={model._meta.label_lower} id={obj.pk} " in lines[0]

    def test_save_restores_and_the_audit_line_says_it_unpublished(
        self, client, editor, publisher, audit_log, live_item
    ):
        client.force_login(publisher)
        url, data = restore_form(client, live_item, versions_of(live_item)[0])
        # A restore keeps the current status unless the publisher asks for the revision's.
        assert client.post(url, {**data, "restore_status": "1"}).status_code == 302
        (line,) = [line for line in audit_log() if line.startswith("event=restore")]
        assert 'effect="unpublish"' in line and 'status="restored"' in line
        assert f'version="{versions_of(live_item)[0].pk}"' in line
        assert NewsItem.objects.get(pk=live_item.pk).status == Status.DRAFT

    def test_recover_is_recorded(self, client, editor, audit_log):
        item = NewsItemFactory(status=Status.DRAFT, issued_by=[StructureFactory()])
        version = save_revision(item, editor, title="Deleted draft")
        pk = item.pk
        item.delete()
        client.force_login(editor)
        url = admin_url(NewsItem, "recover", version.pk)
        data = form_data(client.get(url), "newsitem_form")
        entries = LogEntry.objects.count()
        assert client.post(url, data).status_code == 302
        assert NewsItem.objects.get(pk=pk).title == "Deleted draft"
        assert versions_of(NewsItem.objects.get(pk=pk))[-1].revision.user == editor
        assert LogEntry.objects.count() == entries + 1
        assert "Recovered" in LogEntry.objects.latest("pk").get_change_message()
        (line,) = [line for line in audit_log() if line.startswith("event=")]
        assert line.startswith(f'event=recover user="editor" model=news.newsitem id={pk} ')
