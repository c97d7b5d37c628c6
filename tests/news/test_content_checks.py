"""Content checks (news.content_checks): what an editor should fix before an item goes live,
listed on the change form with links to the fields and said again when it is published."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from core.publishing import Status
from news.admin.publishing_choice import Choice
from news.content_checks import content_problems
from news.models import NewsItem
from tests.factories import FieldOfWorkFactory, MeetingFactory, NewsItemFactory, StructureFactory
from tests.news.admin.helpers import REASON
from tests.news.test_renditions import with_image
from tests.security.forms import form_data

pytestmark = pytest.mark.django_db


def tagged(**fields):
    return NewsItemFactory(fields_of_work=[FieldOfWorkFactory()], **fields)


def problems_of(item):
    return {(problem.field, problem.message) for problem in content_problems(item)}


def fields_of(item):
    return {problem.field for problem in content_problems(item)}


def test_a_clean_item_has_no_problems(db):
    assert content_problems(tagged(body="<h2>Context</h2><p>Text.</p><h3>Detail</h3>")) == []


def test_a_duplicate_title_is_found_case_insensitively(db):
    tagged(title="Border police trained")
    assert "title_en" in fields_of(tagged(title="border police TRAINED"))


def test_a_long_teaser_is_found(db):
    assert "teaser_en" in fields_of(tagged(teaser="word " * 70))


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("<h2>A</h2><h4>B</h4>", "H2 to H4"),
        ("<h3>Starts too deep</h3>", "H1 to H3"),
    ],
)
def test_heading_problems_are_found(db, body, says):
    messages = [message for field, message in problems_of(tagged(body=body)) if field == "body_en"]
    assert len(messages) == 1 and says in messages[0]


def test_links_to_drafts_and_missing_pages_are_found_and_others_are_not(db):
    live = NewsItemFactory(slug="live-item")
    NewsItemFactory(slug="draft-item", status=Status.DRAFT)
    meeting = MeetingFactory(slug="a-meeting")
    body = (
        f'<p><a href="/news/{live.slug}/">live</a> <a href="/ru/news/draft-item/">draft</a> '
        f'<a href="/meetings/{meeting.slug}/">meeting</a> <a href="/no-such-page/">missing</a> '
        '<a href="https://example.org/news/draft-item/">elsewhere</a> <a href="/news/">list</a> '
        '<a href="/about/">a simple page</a></p>'
    )
    messages = sorted(
        message for field, message in problems_of(tagged(body=body)) if field == "body_en"
    )
    assert len(messages) == 2, messages
    assert "/ru/news/draft-item/" in messages[1] and "cannot see" in messages[1]
    assert "/no-such-page/" in messages[0] and "does not exist" in messages[0]


def test_no_field_of_work_and_an_image_without_credit_are_found(db):
    item = with_image()
    item.image_credit = ""
    item.save()
    assert {"fields_of_work", "image_credit"} <= fields_of(item)


def test_a_russian_only_item_is_checked_in_russian(db):
    item = tagged(
        title="",
        in_language_en=False,
        in_language_ru=True,
        title_ru="Новость",
        teaser_ru="Анонс.",
        body_ru="<h4>Слишком глубоко</h4>",
    )
    assert fields_of(item) == {"body_ru"}


def test_the_change_form_lists_the_problems_with_links_to_their_fields(client, publisher):
    client.force_login(publisher)
    item = NewsItemFactory(body="<h2>A</h2><h4>B</h4>")
    html = client.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()
    assert "Content checks" in html
    assert 'href="#id_body_en"' in html and 'href="#id_fields_of_work"' in html


def test_publishing_an_item_with_problems_says_which(client, publisher):
    client.force_login(publisher)
    item = NewsItemFactory(status=Status.DRAFT, issued_by=[StructureFactory()])
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    data = form_data(client.get(url), "newsitem_form")
    data["publishing"] = Choice.PUBLISH

    response = client.post(url, {**data, **REASON})

    assert response.status_code == 302
    assert NewsItem.objects.get(pk=item.pk).status == Status.PUBLISHED
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings and "field of work" in warnings[0]
