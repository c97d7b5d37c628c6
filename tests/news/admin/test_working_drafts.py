"""A live item's working draft (news.admin.editorial, news.admin.working_drafts): saved
without touching the live row, shown again exactly as typed, published or discarded by a
publisher — for every content type on PublishingAdmin."""

import io
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.test import Client
from reversion.models import Version

from core.content_state import base_state, listing_state, state_key
from core.private_media import public_or_private
from editorial.models import WorkingDraft
from news.models import Meeting, NewsItem
from pages.models import Page
from tests.factories import (
    FieldOfWorkFactory,
    MeetingFactory,
    NewsItemFactory,
    PageFactory,
    StructureFactory,
)
from tests.media_library.helpers import upload_to_library
from tests.news.admin.editorial_steps import change_url, opened, press
from tests.news.admin.helpers import REASON
from tests.security.test_image_privacy import jpeg


@pytest.fixture
def live_item():
    return NewsItemFactory(
        title_en="Border police traning",
        issued_by=[StructureFactory(name="Lead office"), StructureFactory(name="Second office")],
        fields_of_work=[FieldOfWorkFactory(name="Policing")],
    )


def states():
    return state_key(), listing_state(), base_state()


def test_an_editors_save_of_a_live_item_is_a_draft_and_the_live_row_is_untouched(
    client, editor, live_item
):
    client.force_login(editor)
    data = opened(client, live_item)
    updated_at = live_item.updated_at
    response = press(client, live_item, data, "_save", title_en="Border police training")
    assert response.status_code == 302
    live_item.refresh_from_db()
    assert (live_item.title_en, live_item.updated_at) == ("Border police traning", updated_at)
    draft = WorkingDraft.objects.for_object(live_item).get()
    assert draft.data["title_en"] == ["Border police training"]
    assert draft.author == editor
    assert not {"status", "publish_at_0", "_save"} & set(draft.data)
    # The visitor still sees the live text.
    assert "Border police traning" in Client().get(live_item.get_absolute_url()).text
    # The form opens on the draft, says so, and links the live page and the comparison.
    page = client.get(change_url(live_item)).content.decode()
    assert "you are editing a draft of changes" in page
    assert 'value="Border police training"' in page
    assert live_item.get_absolute_url() in page
    assert f"/{live_item.pk}/draft/compare/" in page


def test_the_changelist_says_live_with_draft_changes_and_filters_them(client, editor, live_item):
    other = NewsItemFactory(title_en="Untouched live item")
    client.force_login(editor)
    press(client, live_item, opened(client, live_item), "_save_draft", title_en="Fixed")
    listing = client.get("/admin/news/newsitem/").content.decode()
    assert "Live + draft changes" in listing
    filtered = client.get("/admin/news/newsitem/?state=draft_changes").content.decode()
    assert "Border police traning" in filtered and "Untouched live item" not in filtered
    assert other.pk


@pytest.mark.django_db(transaction=True)
def test_a_draft_save_moves_no_content_state_and_no_cached_page(editor):
    item = NewsItemFactory(title_en="Cached title", issued_by=[StructureFactory()])
    visitor, newsroom = Client(), Client()
    first = visitor.get(item.get_absolute_url())
    before = states()
    newsroom.force_login(editor)
    response = press(newsroom, item, opened(newsroom, item), "_save_draft", title_en="New")
    assert response.status_code == 302
    assert states() == before
    again = visitor.get(item.get_absolute_url())
    assert again.status_code == 200 and again.content == first.content


def test_translations_tags_and_ordered_issuers_round_trip_to_publication(
    client, editor, publisher, live_item
):
    policing = live_item.fields_of_work.get()
    gender = FieldOfWorkFactory(name="Gender equality")
    lead, second = live_item.ordered_issuers
    client.force_login(editor)
    data = opened(client, live_item)
    typed = {
        "title_ru": "Обучение пограничной полиции",
        "in_language_ru": "on",
        "teaser_fr": "Un résumé.",
        "fields_of_work": [str(gender.pk)],
        # The second office becomes the lead.
        "issuers-0-position": "5",
        "issuers-1-position": "1",
    }
    assert press(client, live_item, data, "_save_draft", **typed).status_code == 302
    live_item.refresh_from_db()
    assert live_item.title_ru in ("", None)
    assert list(live_item.fields_of_work.all()) == [policing]

    client.force_login(publisher)
    shown = opened(client, live_item)
    assert shown["title_ru"] == "Обучение пограничной полиции"
    assert shown["fields_of_work"] == str(gender.pk)
    assert press(client, live_item, shown, "_save", **REASON).status_code == 302
    live_item.refresh_from_db()
    assert live_item.title_ru == "Обучение пограничной полиции"
    assert live_item.in_language_ru and live_item.teaser_fr == "Un résumé."
    assert list(live_item.fields_of_work.all()) == [gender]
    assert live_item.ordered_issuers == [second, lead]
    assert live_item.is_published
    assert not WorkingDraft.objects.for_object(live_item).exists()
    assert Version.objects.get_for_object(live_item).count() >= 1
    messages = LogEntry.objects.filter(object_id=str(live_item.pk)).values_list(
        "change_message", flat=True
    )
    assert any("Published the draft of changes" in message for message in messages)


def test_a_publisher_may_save_a_draft_of_changes_too_and_discard_it(client, publisher, live_item):
    client.force_login(publisher)
    press(client, live_item, opened(client, live_item), "_save_draft", title_en="Maybe")
    live_item.refresh_from_db()
    assert live_item.title_en == "Border police traning"
    response = press(client, live_item, opened(client, live_item), "_discard_draft")
    assert response.status_code == 302
    assert not WorkingDraft.objects.for_object(live_item).exists()
    assert 'value="Border police traning"' in client.get(change_url(live_item)).text


def test_another_editors_forged_discard_is_refused_with_the_form_kept(
    client, editor, django_user_model, live_item
):
    client.force_login(editor)
    press(client, live_item, opened(client, live_item), "_save_draft", title_en="Mine")
    colleague = django_user_model.objects.create_user("colleague", is_staff=True)
    colleague.groups.set(editor.groups.all())
    client.force_login(colleague)
    data = opened(client, live_item)
    response = press(client, live_item, data, "_discard_draft", teaser_en="Typed by colleague")
    assert response.status_code == 200
    assert "Only publishers, or the person who wrote it" in response.text
    assert "Typed by colleague" in response.text
    assert WorkingDraft.objects.for_object(live_item).get().data["title_en"] == ["Mine"]


def test_compare_shows_the_draft_against_the_live_version(client, editor, live_item):
    client.force_login(editor)
    press(client, live_item, opened(client, live_item), "_save_draft", title_en="Corrected")
    page = client.get(f"/admin/news/newsitem/{live_item.pk}/draft/compare/")
    assert page.status_code == 200
    assert "Live version" in page.text and "Draft of changes" in page.text
    assert "Corrected" in page.text and "traning" in page.text


def test_a_meetings_draft_leaves_the_live_meeting_until_published(client, editor, publisher):
    meeting = MeetingFactory(title_en="Ministerial Council")
    client.force_login(editor)
    data = opened(client, meeting)
    assert (
        press(client, meeting, data, "_save", title_en="Ministerial Council 2026").status_code
        == 302
    )
    meeting.refresh_from_db()
    assert meeting.title_en == "Ministerial Council"
    assert "Live + draft changes" in client.get("/admin/news/meeting/").text

    client.force_login(publisher)
    assert press(client, meeting, opened(client, meeting), "_save", **REASON).status_code == 302
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.title_en == "Ministerial Council 2026"
    assert not WorkingDraft.objects.for_object(meeting).exists()


def test_a_simple_pages_draft_leaves_the_live_page(client, editor, publisher):
    page = PageFactory(slug="about-drafts", title_en="About us")
    client.force_login(editor)
    press(client, page, opened(client, page), "_save", title_en="About the OSCE")
    assert Page.objects.get(pk=page.pk).title_en == "About us"
    assert "About us" in Client().get(page.get_absolute_url()).text
    client.force_login(publisher)
    press(client, page, opened(client, page), "_save", **REASON)
    assert Page.objects.get(pk=page.pk).title_en == "About the OSCE"


def test_a_deleted_item_takes_its_draft_along(client, editor, live_item):
    client.force_login(editor)
    press(client, live_item, opened(client, live_item), "_save_draft", title_en="Gone")
    NewsItem.objects.filter(pk=live_item.pk).get().delete()
    assert not WorkingDraft.objects.exists()


def test_an_image_uploaded_for_a_draft_stays_private_until_published(
    client, editor, publisher, settings
):
    item = NewsItemFactory(title_en="With a new photo", issued_by=[StructureFactory()])
    client.force_login(editor)
    data = opened(client, item)
    typed = {"image": jpeg("olive"), "image_alt_en": "Olive trees"}
    assert press(client, item, data, "_save_draft", **typed).status_code == 302
    item.refresh_from_db()
    assert not item.image
    stored = WorkingDraft.objects.for_object(item).get().files["image"]
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / stored).exists()
    assert not (Path(settings.MEDIA_ROOT) / stored).exists()
    assert Client().get(f"/media/{stored}").status_code == 404
    # The orphan sweep keeps it: a draft refers to it.
    call_command("delete_orphan_images", "--min-age", "0", stdout=io.StringIO())
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / stored).exists()

    client.force_login(publisher)
    assert press(client, item, opened(client, item), "_save", **REASON).status_code == 302
    item.refresh_from_db()
    assert item.image.name == stored and item.image_alt_en == "Olive trees"
    assert (Path(settings.MEDIA_ROOT) / stored).exists()


def test_a_library_image_chosen_for_a_draft_goes_live_with_it(client, editor, publisher):
    item = NewsItemFactory(title_en="Without a photo yet", issued_by=[StructureFactory()])
    client.force_login(editor)
    image = upload_to_library(client)
    data = opened(client, item)
    assert press(client, item, data, "_save_draft", library_image=str(image.pk)).status_code == 302
    item.refresh_from_db()
    assert item.library_image is None and not item.image
    assert not public_or_private.is_public(image.file.name)
    assert f'value="{image.pk}" selected' in client.get(change_url(item)).text

    client.force_login(publisher)
    assert press(client, item, opened(client, item), "_save", **REASON).status_code == 302
    item.refresh_from_db()
    assert item.library_image == image and item.image.name == image.file.name
    assert public_or_private.is_public(image.file.name)
