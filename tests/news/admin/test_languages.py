"""An item may be written in any one language: the admin creates, saves and names it."""

import pytest
from django.urls import reverse

from core.publishing import Status
from news.models import Meeting, NewsItem
from tests.factories import MeetingFactory, MeetingTypeFactory, NewsItemFactory, StructureFactory
from tests.news.admin.helpers import news_item_post, publishing_fields
from tests.security.forms import form_data

ADD_URL = reverse("admin:news_newsitem_add")
RUSSIAN_TITLE = "Выборы в Сербии"


def in_russian(data):
    """The add form's data moved from English to Russian, English unticked."""
    russian = {}
    for key, value in data.items():
        if key == "in_language_en":
            continue
        if key.endswith("_en"):
            russian[f"{key[:-3]}_en"] = ""
            key = f"{key[:-3]}_ru"
        russian[key] = value
    return {**russian, "title_ru": RUSSIAN_TITLE, "in_language_ru": "on"}


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_an_item_only_in_russian_is_created_and_saved_again(client, request, role):
    client.force_login(request.getfixturevalue(role))
    extra = publishing_fields(Status.DRAFT) if role == "publisher" else {}
    data = in_russian(news_item_post([StructureFactory()], slug="elections-in-serbia", **extra))
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = NewsItem.objects.get(slug="elections-in-serbia")
    assert (item.title_en or "", item.title_ru) == ("", RUSSIAN_TITLE)
    assert (item.in_language_en, item.in_language_ru) == (False, True)

    change_url = reverse("admin:news_newsitem_change", args=[item.pk])
    again = form_data(client.get(change_url), "newsitem_form")
    again["teaser_ru"] = "Новый анонс."
    assert client.post(change_url, again).status_code == 302
    item.refresh_from_db()
    assert item.teaser_ru == "Новый анонс."


def test_an_item_with_no_title_in_any_language_is_a_form_error(client, publisher):
    client.force_login(publisher)
    data = news_item_post([StructureFactory()], **publishing_fields(Status.DRAFT))
    response = client.post(ADD_URL, {**data, "title_en": ""})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Give the item a title in at least one language." in errors["title_en"]
    assert not NewsItem.objects.exists()


def test_a_ticked_language_still_needs_its_title(client, publisher):
    client.force_login(publisher)
    data = in_russian(news_item_post([StructureFactory()], **publishing_fields(Status.DRAFT)))
    response = client.post(ADD_URL, {**data, "in_language_en": "on"})
    assert response.status_code == 200
    assert "title_en" in response.context["adminform"].form.errors


def test_a_meeting_only_in_russian_is_saved(client, publisher):
    meeting = MeetingFactory(status=Status.DRAFT, meeting_type=MeetingTypeFactory())
    client.force_login(publisher)
    change_url = reverse("admin:news_meeting_change", args=[meeting.pk])
    data = form_data(client.get(change_url), "meeting_form")
    data.update({"title_en": "", "title_ru": "Совещание в Вене"})
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Meeting.objects.get(pk=meeting.pk).title_ru == "Совещание в Вене"


def test_an_item_without_an_english_title_is_named_in_its_language_in_the_admin(client, publisher):
    item = NewsItemFactory(
        title_en="", title_ru=RUSSIAN_TITLE, in_language_en=False, in_language_ru=True
    )
    client.force_login(publisher)
    named = f"{RUSSIAN_TITLE} [ru]"
    changelist = client.get(reverse("admin:news_newsitem_changelist")).content.decode()
    assert f">{named}</a>" in changelist
    change = client.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()
    assert f"<h2>{named}</h2>" in change  # the heading
    assert f'aria-current="page">{named}</li>' in change  # the breadcrumb
    history = client.get(reverse("admin:news_newsitem_history", args=[item.pk]))
    assert named in history.content.decode()


def test_an_item_with_an_english_title_is_named_as_before(publisher):
    assert str(NewsItemFactory(title_en="Elections in Serbia", title_ru=RUSSIAN_TITLE)) == (
        "Elections in Serbia"
    )
