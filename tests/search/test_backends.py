"""Full-text search on whichever database the suite runs on (CI runs both)."""

import datetime

import pytest
from django.db import connection

from core.publishing import Status
from news.models import NewsItem
from search.backends import filter_matching, highlights, rank_expression
from search.query import parse_query
from search.schema import rebuild_search_index
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def search(q):
    query = parse_query(q)
    qs = filter_matching(NewsItem.objects.published(), query)
    if query:
        qs = qs.annotate(rank=rank_expression(NewsItem, query)).order_by("-rank", "-issued_on")
    return [item.title for item in qs]


@pytest.fixture
def corpus():
    NewsItemFactory(
        title="Media freedom conference in Vienna",
        teaser="Journalists meet.",
        body="<p>Safety of journalists was discussed.</p>",
    )
    NewsItemFactory(
        title="Police training in Serbia",
        teaser="Officers trained on hate crime.",
        body="<p>The course covered trafficking indicators and hate crime investigations.</p>",
    )
    NewsItemFactory(
        title="Elections observed in Kyrgyzstan",
        teaser="Observers deployed.",
        body="<p>The election observation mission published its statement.</p>",
    )
    NewsItemFactory(
        title="Trafficking in human beings: new guide",
        teaser="A guide for labour inspectors.",
        body="<p>Children and adults are protected by the referral mechanism.</p>",
    )


def test_title_match_ranks_above_body_match(corpus):
    assert search("trafficking") == [
        "Trafficking in human beings: new guide",
        "Police training in Serbia",
    ]


def test_stemming_finds_other_forms(corpus):
    assert "Elections observed in Kyrgyzstan" in search("election")
    assert "Police training in Serbia" in search("trained")


def test_phrase_and_exclusion(corpus):
    assert search('"hate crime"') == ["Police training in Serbia"]
    assert search('"crime hate"') == []
    assert search("trafficking -children") == ["Police training in Serbia"]


def test_or_and_accents(corpus):
    assert set(search("kyrgyzstan OR vienna")) == {
        "Elections observed in Kyrgyzstan",
        "Media freedom conference in Vienna",
    }
    assert search("ÉLECTIONS") == ["Elections observed in Kyrgyzstan"]


def test_recent_item_first_at_equal_relevance():
    NewsItemFactory(title="Border workshop", issued_on=datetime.date(2010, 1, 1))
    NewsItemFactory(title="Border workshop", slug="newer", issued_on=datetime.date(2020, 1, 1))
    query = parse_query("border")
    qs = filter_matching(NewsItem.objects.all(), query).annotate(
        rank=rank_expression(NewsItem, query)
    )
    ordered = list(qs.order_by("-rank", "-issued_on").values_list("slug", flat=True))
    assert ordered[0] == "newer"


def test_drafts_scheduled_and_expired_items_are_never_found(corpus):
    now = datetime.datetime.now(datetime.UTC)
    NewsItemFactory(title="Secret draft trafficking", status=Status.DRAFT)
    NewsItemFactory(title="Future trafficking", publish_at=now + datetime.timedelta(days=1))
    NewsItemFactory(
        title="Expired trafficking",
        publish_at=now - datetime.timedelta(days=2),
        expire_at=now - datetime.timedelta(days=1),
    )
    assert not {"Secret draft trafficking", "Future trafficking", "Expired trafficking"} & set(
        search("trafficking")
    )


def test_index_follows_edit_and_delete(corpus):
    item = NewsItem.objects.get(title="Police training in Serbia")
    item.title = "Police workshop in Belgrade"
    item.body = "<p>Nothing about that topic.</p>"
    item.teaser = ""
    item.save()
    assert search("belgrade") == ["Police workshop in Belgrade"]
    assert "Police workshop in Belgrade" not in search("trafficking")
    NewsItem.objects.filter(pk=item.pk).update(title="Renamed through update")
    assert search("renamed") == ["Renamed through update"]
    item.delete()
    assert search("renamed") == []


def test_unpublish_removes_from_results(corpus):
    NewsItem.objects.filter(title__startswith="Elections").update(status=Status.DRAFT)
    assert search("election") == []


def test_rebuild_keeps_results(corpus):
    rebuild_search_index(connection)
    assert search("journalists") == ["Media freedom conference in Vienna"]


@pytest.mark.parametrize(
    "q",
    [
        "\x00trafficking",
        "foo &",
        "a || b",
        "'\":*",
        '"unbalanced',
        "x" * 10_000,
        "the and of",
        "NEAR(a b)",
        "-",
        "OR",
        "*",
        "AND AND",
        "trafficking\x00 & ) (",
        "^title:x",
    ],
)
def test_hostile_queries_never_raise(corpus, q):
    search(q)


def test_highlights_are_escaped_with_marks():
    item = NewsItemFactory(
        title="<b>Bold</b> trafficking claim",
        teaser="",
        body="<p>Text about trafficking &amp; <i>more</i> &lt;script&gt;.</p>",
    )
    result = highlights(NewsItem, [item.pk], parse_query("trafficking"))[item.pk]
    assert "<mark>trafficking</mark>" in result.title
    assert "&lt;b&gt;Bold&lt;/b&gt;" in result.title
    assert "<mark>trafficking</mark>" in result.snippet
    assert "<script" not in result.snippet and "<i>" not in result.snippet


def test_schema_repairs_itself_after_a_table_rebuild_lost_the_index(corpus):
    from django.core.management import call_command

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER news_newsitem_fts_en_update")
        else:
            # The test's transaction holds deferred foreign-key checks; ALTER TABLE needs none.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE news_newsitem DROP COLUMN search_vector_en")
    call_command("rebuild_search_index", verbosity=0)
    NewsItem.objects.filter(title__startswith="Police").update(title="Renamed item")
    assert search("renamed") == ["Renamed item"]
