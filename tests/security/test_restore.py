"""Restoring a revision: an editor never restores into (or out of) a published state, and a
restore keeps what is live unless the person chose otherwise."""

import pytest

from core.publishing import Status
from tests.factories import UserFactory
from tests.news.admin.helpers import REASON, news_item_post
from tests.security.forms import form_data
from tests.security.revision_steps import (
    CHANGELIST_URL,
    create_item,
    edit,
    last_log_message,
    url,
    versions_of,
)


class TestEditorsRestore:
    @pytest.fixture
    def item(self, client, editor, publisher, tags):
        """An editor's draft (revision 1), then published by a publisher (revision 2)."""
        client.force_login(editor)
        item = create_item(client, tags)
        edit(client, item, title="Editor's second draft")
        client.force_login(publisher)
        client.post(
            CHANGELIST_URL, {"action": "publish_selected", **REASON, "_selected_action": [item.pk]}
        )
        item.refresh_from_db()
        assert item.status == Status.PUBLISHED
        client.force_login(editor)
        return item

    def test_editor_cannot_open_a_published_revision_for_restore(self, client, item):
        published = versions_of(item)[-1]
        response = client.get(url("revision", item.pk, published.pk), follow=True)
        assert response.redirect_chain[-1][0] == url("history", item.pk)
        assert "Only publishers can restore this revision" in response.content.decode()

    def test_editor_cannot_restore_a_draft_over_a_live_item_by_forged_post(self, client, item):
        draft = versions_of(item)[0]
        data = news_item_post([], title="Forged")
        response = client.post(url("revision", item.pk, draft.pk), data)
        assert response.status_code == 403
        item.refresh_from_db()
        assert (item.status, item.title) == (Status.PUBLISHED, "Editor's second draft")

    def test_editor_restores_a_draft_revision_of_a_draft(self, client, publisher, item):
        client.force_login(publisher)
        client.post(CHANGELIST_URL, {"action": "unpublish_selected", "_selected_action": [item.pk]})
        client.force_login(UserFactory(username="editor"))
        first = versions_of(item)[0]
        form = client.get(url("revision", item.pk, first.pk))
        assert form.status_code == 200
        response = client.post(url("revision", item.pk, first.pk), form_data(form, "newsitem_form"))
        assert response.status_code == 302
        item.refresh_from_db()
        assert (item.status, item.title) == (Status.DRAFT, "Training for border police")

    def test_publisher_restoring_a_draft_revision_keeps_the_item_live(
        self, client, publisher, item
    ):
        client.force_login(publisher)
        first = versions_of(item)[0]
        form = client.get(url("revision", item.pk, first.pk))
        response = client.post(url("revision", item.pk, first.pk), form_data(form, "newsitem_form"))
        assert response.status_code == 302
        item.refresh_from_db()
        assert (item.status, item.title) == (Status.PUBLISHED, "Training for border police")
        assert client.get(item.get_absolute_url()).status_code == 200

    def test_publisher_restores_the_draft_status_only_when_ticked(self, client, publisher, item):
        client.force_login(publisher)
        first = versions_of(item)[0]
        form = client.get(url("revision", item.pk, first.pk))
        assert "This takes the item off the public site." in form.content.decode()
        data = {**form_data(form, "newsitem_form"), "restore_status": "1"}
        response = client.post(url("revision", item.pk, first.pk), data)
        assert response.status_code == 302
        item.refresh_from_db()
        assert (item.status, item.title) == (Status.DRAFT, "Training for border police")


class TestRestoreKeepsWhatIsLive:
    """A live item gains a Russian translation after an English-only revision; restoring
    that revision must neither unpublish it nor wipe the Russian unless asked."""

    @pytest.fixture
    def item(self, publisher_client, tags):
        item = create_item(publisher_client, tags, teaser="Old teaser.")
        edit(publisher_client, item, teaser="New teaser.")
        publisher_client.post(
            CHANGELIST_URL, {"action": "publish_selected", **REASON, "_selected_action": [item.pk]}
        )
        edit(
            publisher_client,
            item,
            title_ru="Обучение пограничников",
            teaser_ru="Краткое описание.",
            in_language_ru="on",
        )
        item.refresh_from_db()
        assert item.is_published and item.in_language_ru
        return item

    def restore_form(self, client, item):
        first = versions_of(item)[0]
        assert first.field_dict["status"] == Status.DRAFT and not first.field_dict["title_ru"]
        return first, client.get(url("revision", item.pk, first.pk))

    def test_the_restore_form_says_what_changes_before_it_is_confirmed(
        self, publisher_client, item
    ):
        _first, form = self.restore_form(publisher_client, item)
        plan = form.context["restore_plan"]
        assert plan.status_now.startswith("Live since") and plan.status_then == "Draft"
        rows = {row.code: (row.now, row.then, row.outcome) for row in plan.languages}
        assert rows["en"] == (True, True, "Replaced by this revision.")
        assert rows["ru"] == (
            True,
            False,
            "Kept as it is now: this revision has no text in this language.",
        )
        assert rows["fr"] == (False, False, "Absent.")
        html = form.content.decode()
        assert "What this restore changes" in html
        assert 'name="restore_status"' in html and 'name="drop_language" value="ru"' in html
        assert "This takes the item off the public site." in html
        # The form shows the item as the restore will leave it: Russian kept, still live.
        assert "Обучение пограничников" in html
        item.refresh_from_db()
        assert item.title_ru == "Обучение пограничников", "opening the form changes nothing"

    @pytest.mark.django_db(transaction=True)
    def test_restore_keeps_the_status_and_the_russian_by_default(self, publisher_client, item):
        first, form = self.restore_form(publisher_client, item)
        response = publisher_client.post(
            url("revision", item.pk, first.pk), form_data(form, "newsitem_form")
        )
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.is_published
        assert item.teaser == "Old teaser."
        assert (item.in_language_ru, item.title_ru) == (True, "Обучение пограничников")
        assert publisher_client.get(item.get_absolute_url()).status_code == 200
        assert publisher_client.get(f"/ru{item.get_absolute_url()}").status_code == 200
        assert "Status kept." in last_log_message(item)

    @pytest.mark.django_db(transaction=True)
    def test_restore_drops_the_russian_and_unpublishes_only_when_ticked(
        self, publisher_client, item
    ):
        first, form = self.restore_form(publisher_client, item)
        data = {
            **form_data(form, "newsitem_form"),
            "restore_status": "1",
            "drop_language": "ru",
        }
        response = publisher_client.post(url("revision", item.pk, first.pk), data)
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.status == Status.DRAFT
        assert (item.in_language_ru, item.title_ru or "", item.teaser_ru or "") == (False, "", "")
        assert "Dropped the text in: ru." in last_log_message(item)
