"""A stale form is refused: the second post of the same form shows what changed meanwhile and
keeps the typed input."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from core.publishing import Status
from news.models import Meeting
from tests.factories import MeetingFactory
from tests.security.forms import form_data
from tests.security.revision_steps import create_item, edit, url


class TestStaleSave:
    @pytest.mark.django_db(transaction=True)
    def test_second_post_of_the_same_form_is_refused_and_shows_what_changed(
        self, client, editor, tags
    ):
        client.force_login(editor)
        item = create_item(client, tags)
        opened = form_data(client.get(url("change", item.pk)), "newsitem_form")

        first = {**opened, "title_en": "First tab's title"}
        assert client.post(url("change", item.pk), first).status_code == 302

        second = {**opened, "teaser_en": "Second tab's teaser."}
        response = client.post(url("change", item.pk), second)
        assert response.status_code == 200
        html = response.content.decode()
        assert "This item was changed by editor at" in html
        assert "since you opened it" in html
        assert "Title [en]: “Training for border police” → “First tab’s title”" in html.replace(
            "&#x27;", "’"
        ).replace("'", "’")
        item.refresh_from_db()
        assert (item.title, item.teaser) == ("First tab's title", "A short teaser.")

    def test_a_colleagues_save_in_between_is_named_with_time(self, client, editor, publisher, tags):
        client.force_login(editor)
        item = create_item(client, tags)
        opened = form_data(client.get(url("change", item.pk)), "newsitem_form")
        client.force_login(publisher)
        assert edit(client, item, body="<p>Publisher's correction.</p>").status_code == 302
        item.refresh_from_db()

        client.force_login(editor)
        response = client.post(url("change", item.pk), {**opened, "title_en": "Editor's title"})
        assert response.status_code == 200
        (error,) = response.context["adminform"].form.non_field_errors()
        moment = date_format(timezone.localtime(item.updated_at), "DATETIME_FORMAT")
        assert f"changed by publisher at {moment} since you opened it" in error
        assert "Body [en]:" in error and "Publisher’s correction." in error.replace("&#x27;", "’")
        item.refresh_from_db()
        assert item.title == "Training for border police"
        assert item.body == "<p>Publisher's correction.</p>"

    def test_saving_again_after_the_refusal_is_a_deliberate_overwrite(self, client, editor, tags):
        client.force_login(editor)
        item = create_item(client, tags)
        opened = form_data(client.get(url("change", item.pk)), "newsitem_form")
        client.post(url("change", item.pk), {**opened, "title_en": "Other tab"})
        refused = client.post(url("change", item.pk), {**opened, "teaser_en": "Mine."})
        assert refused.status_code == 200
        again = form_data(refused, "newsitem_form")
        assert again["teaser_en"] == "Mine."
        assert client.post(url("change", item.pk), again).status_code == 302
        item.refresh_from_db()
        assert (item.title, item.teaser) == ("Training for border police", "Mine.")

    def test_a_forged_token_is_refused_without_error(self, client, editor, tags):
        client.force_login(editor)
        item = create_item(client, tags)
        opened = form_data(client.get(url("change", item.pk)), "newsitem_form")
        response = client.post(
            url("change", item.pk), {**opened, "title_en": "Forged", "loaded_version": "x\x00y"}
        )
        assert response.status_code == 200
        assert "since you opened it" in response.content.decode()
        item.refresh_from_db()
        assert item.title == "Training for border police"

    def test_an_unrelated_save_from_a_fresh_form_goes_through(self, client, editor, tags):
        client.force_login(editor)
        item = create_item(client, tags)
        assert edit(client, item, title="One").status_code == 302
        assert edit(client, item, title="Two").status_code == 302
        item.refresh_from_db()
        assert item.title == "Two"

    def test_stale_meeting_form_is_refused_too(self, client, publisher):
        client.force_login(publisher)
        meeting = MeetingFactory(status=Status.DRAFT)
        change_url = reverse("admin:news_meeting_change", args=[meeting.pk])
        opened = form_data(client.get(change_url), "meeting_form")
        assert client.post(change_url, {**opened, "place_en": "Vienna, Hofburg"}).status_code == 302
        response = client.post(change_url, {**opened, "place_en": "Warsaw"})
        assert response.status_code == 200
        assert "since you opened it" in response.content.decode()
        assert Meeting.objects.get(pk=meeting.pk).place == "Vienna, Hofburg"
