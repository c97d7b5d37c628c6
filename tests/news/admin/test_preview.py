"""Preview of the unsaved change form with the public templates (news.admin.preview): per
language, for staff only, never cached, never indexed, and nothing is written."""

import pytest
from django.test import Client
from reversion.models import Version

from core.content_state import state_key
from tests.factories import MeetingFactory, NewsItemFactory, StructureFactory
from tests.news.admin.editorial_steps import opened


def preview_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/preview/"


def preview(client, obj, **typed):
    data = {**opened(client, obj), **typed}
    response = client.post(preview_url(obj), data)
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.django_db(transaction=True)
def test_a_preview_shows_the_unsaved_text_and_writes_nothing(editor):
    item = NewsItemFactory(title_en="Saved title", issued_by=[StructureFactory()])
    client = Client()
    client.force_login(editor)
    before, versions = state_key(), Version.objects.count()
    location = preview(client, item, title_en="Unsaved title", body_en="<p>Unsaved body.</p>")
    page = client.get(location)
    assert page.status_code == 200
    assert "Unsaved title" in page.text and "Unsaved body." in page.text
    assert "Preview of unsaved changes" in page.text
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "noindex" in page["X-Robots-Tag"]
    item.refresh_from_db()
    assert item.title_en == "Saved title"
    assert (state_key(), Version.objects.count()) == (before, versions)
    assert "Unsaved title" not in Client().get(item.get_absolute_url()).text


def test_the_preview_bar_switches_language(client, editor):
    item = NewsItemFactory(title_en="English title", issued_by=[StructureFactory()])
    client.force_login(editor)
    location = preview(client, item, title_de="Deutscher Titel", in_language_de="on")
    page = client.get(f"{location}&lang=de")
    assert page.status_code == 200
    assert "Deutscher Titel" in page.text
    assert 'lang="ru"' in page.text and "lang=ru" in page.text


def test_a_meeting_previews_with_its_own_template(client, publisher):
    meeting = MeetingFactory(title_en="Council meeting")
    client.force_login(publisher)
    page = client.get(preview(client, meeting, title_en="Council meeting, revised"))
    assert page.status_code == 200 and "Council meeting, revised" in page.text


def test_only_staff_who_may_change_see_a_preview_and_keys_do_not_travel(client, editor):
    item = NewsItemFactory(issued_by=[StructureFactory()])
    client.force_login(editor)
    location = preview(client, item, title_en="Secret draft title")
    anonymous = Client().get(location)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert "Secret draft title" not in anonymous.text
    other = NewsItemFactory(issued_by=[StructureFactory()])
    wrong = client.get(location.replace(f"/{item.pk}/", f"/{other.pk}/"))
    assert wrong.status_code == 400
    assert client.get(f"{preview_url(item)}?key=made-up").status_code == 400
