"""`/news/<slug>/`: the item page, its metadata for people and for machines, and previews."""

import json
import re

import pytest
from django.contrib.auth.models import Permission

from tests.factories import FieldOfWorkFactory, NewsItemFactory, UserFactory

pytestmark = pytest.mark.django_db


def json_ld(text):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


class TestContent:
    def test_metadata_block_as_the_seed_page_shows_it(self, client, world):
        text = client.get("/news/e/").text
        assert '<h1 class="news-item__title">Item e</h1>' in text
        assert "Issued on" in text and "31 December 2019" in text
        metadata = text[text.index('<dl class="news-item__metadata') : text.index("</dl>")]
        # Issuers in the editor's order, each linked to its page.
        tntd = metadata.index('href="/structures/tntd/"')
        odihr = metadata.index('href="/structures/odihr/"')
        assert tntd < odihr
        assert 'href="/news/?field_of_work=policing">Policing</a>' in text
        assert 'href="/news/?country=albania">Albania</a>' in text
        assert 'href="/news/?country=serbia">Serbia</a>' in text
        assert "Spot report" in text
        assert "<p>The body.</p>" in text

    def test_head_describes_the_item(self, client, world):
        text = client.get("/news/a/").text
        assert '<meta name="description" content="A short teaser.">' in text
        assert '<link rel="canonical" href="https://www.example.org/news/a/">' in text
        assert '<meta property="og:type" content="article">' in text
        assert '<meta property="og:title" content="Item a">' in text
        assert '<meta property="og:url" content="https://www.example.org/news/a/">' in text
        assert '<meta property="article:published_time" content="2020-01-01">' in text
        assert "og:image" not in text  # no image, no og:image

    def test_json_ld_news_article(self, client, world):
        data = json_ld(client.get("/news/e/").text)
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == "Item e"
        assert data["datePublished"] == "2019-12-31"
        assert data["dateModified"]
        assert data["publisher"]["@type"] == "Organization"
        assert data["author"] == {
            "@type": "Organization",
            "name": "Transnational Threats Department",
            "url": "https://www.example.org/structures/tntd/",
        }

    def test_json_ld_cannot_be_broken_out_of(self, client, world):
        item = world.items.a
        item.title = 'Closing </script><script>alert("x")</script> tags & <!-- more'
        item.save()
        text = client.get("/news/a/").text
        assert "<script>alert" not in text
        assert json_ld(text)["headline"] == item.title

    def test_breadcrumbs(self, client, world):
        response = client.get("/news/a/")
        assert response.context["breadcrumbs"][1][1] == "/news/"
        assert response.context["breadcrumbs"][2][0] == "Item a"


class TestRelated:
    def test_related_news_share_a_field_of_work_and_are_public(self, client, world):
        related = [item.slug for item in client.get("/news/a/").context["related"]]
        # Policing: c and e are public; the draft, scheduled and expired items are not.
        assert related == ["c", "e"]

    def test_at_most_four_newest_excluding_itself(self, client, db):
        field = FieldOfWorkFactory()
        items = [NewsItemFactory(fields_of_work=[field]) for _ in range(7)]
        related = client.get(items[0].get_absolute_url()).context["related"]
        assert len(related) == 4
        assert items[0] not in related

    def test_item_without_fields_of_work_has_no_related_news(self, client, db):
        item = NewsItemFactory()
        assert client.get(item.get_absolute_url()).context["related"] == []


class TestVisibility:
    @pytest.mark.parametrize("slug", ["draft", "scheduled", "expired"])
    def test_anonymous_visitors_get_404_for_unpublished_items(self, client, world, slug):
        assert client.get(f"/news/{slug}/").status_code == 404

    def test_unknown_slug_is_404(self, client, world):
        assert client.get("/news/no-such-item/").status_code == 404

    @pytest.mark.parametrize(
        ("slug", "label"),
        [
            ("draft", "draft, not published."),
            ("scheduled", "scheduled for"),
            ("expired", "expired on"),
        ],
    )
    def test_editors_preview_with_a_banner_and_no_caching(self, client, world, slug, label):
        user = UserFactory(is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="change_newsitem"))
        client.force_login(user)
        response = client.get(f"/news/{slug}/")
        assert response.status_code == 200
        text = re.sub(r"\s+", " ", response.text)
        assert f"<strong>Preview:</strong> {label}" in text
        assert "private" in response["Cache-Control"]
        assert "noindex" in text

    def test_staff_without_permission_cannot_preview(self, client, world):
        client.force_login(UserFactory(is_staff=True))
        assert client.get("/news/draft/").status_code == 404


@pytest.mark.parametrize("related_count", [1, 6])
def test_query_count_is_constant(client, db, django_assert_max_num_queries, related_count):
    field = FieldOfWorkFactory()
    items = [NewsItemFactory(fields_of_work=[field]) for _ in range(related_count + 1)]
    client.get("/news/")  # the site's menu is cached after the first page
    # The item's id by its slug (its version is read before its row), the item, its three
    # prefetches, related items and their three prefetches, its documents.
    with django_assert_max_num_queries(9):
        assert client.get(items[0].get_absolute_url()).status_code == 200
