"""The home page: the lead story publishers choose (and its end, on time), the stories after
it, the key figures counted from the data, the latest news of each type and the upcoming
meetings, each block linking onward."""

import datetime
import re

import pytest
from django.utils import timezone

from core.content_state import next_scheduled_change, state_key
from countries.models import CountryStatus
from news.models import NewsType
from structures.models import StructureKind
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    MeetingFactory,
    NewsItemFactory,
    StructureFactory,
)
from tests.news.test_renditions import with_image

pytestmark = pytest.mark.django_db


def home(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def lead_slug(html):
    found = re.search(
        r'class="home-lead">.*?news-card__title"><a href="[^"]*/news/([^/"]+)/"', html, re.S
    )
    return found.group(1)


def story_slugs(html):
    stories = html[html.index("home-stories__list") : html.index('id="who-we-are"')]
    return re.findall(r'news-card__title"><a href="/news/([^/"]+)/"', stories)


def block(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_the_newest_item_with_a_picture_leads_when_none_is_featured(client):
    pictured = with_image()
    pictured.issued_on = datetime.date(2024, 5, 1)
    pictured.save()
    newer = [
        NewsItemFactory(slug=f"newer-{day}", issued_on=datetime.date(2024, 5, 2 + day))
        for day in range(5)
    ]
    html = home(client)
    assert lead_slug(html) == pictured.slug
    # The four stories after it are the newest others, newest first.
    assert story_slugs(html) == [item.slug for item in reversed(newer)][:4]
    assert '<a href="/news/">All news</a>' in html


def test_without_any_picture_the_newest_leads_with_the_branded_picture(client):
    NewsItemFactory(slug="older", issued_on=datetime.date(2024, 1, 1))
    NewsItemFactory(slug="newest", issued_on=datetime.date(2024, 2, 1))
    html = home(client)
    assert lead_slug(html) == "newest"
    lead = html[html.index('class="home-lead"') : html.index("</article>")]
    assert "news-card--lead news-card--no-image" in lead
    assert 'src="/static/img/news-fallback.svg" alt="" width="320" height="180"' in lead


def test_a_featured_item_leads_until_its_moment_passes(client, clock):
    now = timezone.now()
    NewsItemFactory(slug="newest", issued_on=datetime.date(2024, 6, 1))
    NewsItemFactory(
        slug="featured",
        issued_on=datetime.date(2024, 1, 1),
        featured_until=now + datetime.timedelta(minutes=30),
    )
    NewsItemFactory(
        slug="feature-over",
        issued_on=datetime.date(2024, 3, 1),
        featured_until=now - datetime.timedelta(minutes=1),
    )
    assert lead_slug(home(client)) == "featured"
    # The moment is a scheduled change of the content state: the page stored under it ends
    # with it, without anyone saving anything.
    end = now + datetime.timedelta(minutes=30)
    assert next_scheduled_change() == pytest.approx(end.timestamp())
    before = state_key()
    clock.advance(31 * 60)
    assert state_key() != before
    html = home(client)
    assert lead_slug(html) == "newest"
    assert "featured" in story_slugs(html)


def test_a_featured_item_must_be_public_in_the_page_language(client):
    NewsItemFactory(slug="newest", issued_on=datetime.date(2024, 6, 1), title_ru="Новое",
                    in_language_ru=True)  # fmt: skip
    NewsItemFactory(
        slug="featured-in-english",
        issued_on=datetime.date(2024, 1, 1),
        featured_until=timezone.now() + datetime.timedelta(days=1),
    )
    NewsItemFactory(
        slug="featured-draft",
        status="draft",
        featured_until=timezone.now() + datetime.timedelta(days=1),
    )
    assert lead_slug(home(client)) == "featured-in-english"
    assert lead_slug(home(client, "/ru/")) == "newest"


def test_setting_featured_until_on_a_live_item_changes_the_home_page_at_once(client):
    NewsItemFactory(slug="newest", issued_on=datetime.date(2024, 6, 1))
    item = NewsItemFactory(slug="chosen", issued_on=datetime.date(2024, 1, 1))
    assert lead_slug(home(client)) == "newest"
    item.featured_until = timezone.now() + datetime.timedelta(days=2)
    item.save()
    assert lead_slug(home(client)) == "chosen"


def test_key_figures_are_counted_from_the_data(client):
    today = timezone.localdate()
    for _ in range(3):
        CountryFactory()
    CountryFactory(status=CountryStatus.ASIAN_PARTNER)
    CountryFactory(status=CountryStatus.MEDITERRANEAN_PARTNER)
    chair = CountryFactory(name="Chairland", slug="chairland")
    ChairpersonshipFactory(year=today.year, country=chair)
    ChairpersonshipFactory(year=today.year - 1, country=CountryFactory(name="Formerland"))
    group = StructureFactory(slug="field-operations", kind=StructureKind.OTHER)
    for _ in range(2):
        StructureFactory(parent=group, kind=StructureKind.FIELD_OPERATION)
    StructureFactory(
        parent=group,
        kind=StructureKind.FIELD_OPERATION,
        established_on=datetime.date(2000, 1, 1),
        closed_on=today - datetime.timedelta(days=1),
    )
    StructureFactory(kind=StructureKind.CLOSED_FIELD_ACTIVITY)

    figures = block(home(client), "who-we-are")
    # Three, the Chair and the former Chair; not the two Partners.
    assert re.search(r'href="/countries/#participating-states">.*?>5<', figures)
    assert "participating States" in figures
    assert re.search(r">2</span> <span[^>]*>Partners for Co-operation", figures)
    assert re.search(r'href="/structures/field-operations/">.*?>2</span> <span[^>]*>field', figures)
    assert 'href="/countries/chairland/">' in figures
    assert f"OSCE Chairpersonship {today.year}" in figures
    assert "Formerland" not in figures


def test_latest_news_by_type_has_a_column_per_type_linking_to_its_listing(client):
    NewsItemFactory(title="Release A", type=NewsType.PRESS_RELEASE)
    NewsItemFactory(title="Statement B", type=NewsType.PRESS_STATEMENT)
    NewsItemFactory(title="Story C", type=NewsType.NEWS)
    NewsItemFactory(title="Report D", type=NewsType.SPOT_REPORT)
    html = home(client)
    releases = block(html, "type-press-release")
    statements = block(html, "type-press-statement")
    stories = block(html, "type-news")
    assert "Release A" in releases and "Statement B" not in releases
    assert "Statement B" in statements and "Story C" not in statements
    assert "Story C" in stories and "Release A" not in stories
    assert "Report D" not in releases + statements + stories
    assert 'href="/news/?type=press-release">All press releases</a>' in releases
    assert 'href="/news/?type=press-statement">All statements</a>' in statements
    assert 'href="/news/?type=news">All news stories</a>' in stories


def test_upcoming_meetings_are_only_those_not_yet_over(client):
    today = timezone.localdate()
    MeetingFactory(title="Tomorrow's meeting", start_date=today + datetime.timedelta(days=1),
                   end_date=today + datetime.timedelta(days=1))  # fmt: skip
    MeetingFactory(title="Running meeting", start_date=today - datetime.timedelta(days=1),
                   end_date=today + datetime.timedelta(days=1))  # fmt: skip
    MeetingFactory(title="Yesterday's meeting", start_date=today - datetime.timedelta(days=2),
                   end_date=today - datetime.timedelta(days=1))  # fmt: skip
    upcoming = block(home(client), "upcoming-meetings")
    assert "Tomorrow&#x27;s meeting" in upcoming and "Running meeting" in upcoming
    assert "Yesterday" not in upcoming
    assert 'href="/meetings/">All meetings and conferences</a>' in upcoming
