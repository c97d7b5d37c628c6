"""A stored listing page with search words depends on its search's matches, not on everything
(news.listing.matches): an edit of an item the words match neither before nor after it, and
that the page does not show, keeps the page; one that the words newly match, or stop
matching, or whose rank or counts change, renders it again. Checked against real renders on
random edits, and on PostgreSQL too (where the matches are brought up to date item by item)."""

import random

import pytest
from django.core.cache import cache

from core.publishing import Status
from news.listing import matches
from news.listing.definition import NEWS
from osce_site.page_cache import HEADER
from search.query import parse_query
from tests.factories import CountryFactory, FieldOfWorkFactory, NewsItemFactory
from tests.production.page_cache.pages import fetch, kept_and_rendered

pytestmark = pytest.mark.django_db(transaction=True)

ELECTION = "/news/?q=election"
ELECTION_AUSTRIA = "/news/?q=election&country=austria"
POLICE = "/news/?q=police"


@pytest.fixture
def taxonomy():
    return {
        "policing": FieldOfWorkFactory(slug="policing", name="Policing"),
        "elections": FieldOfWorkFactory(slug="elections", name="Elections"),
        "serbia": CountryFactory(slug="serbia", name="Serbia"),
        "austria": CountryFactory(slug="austria", name="Austria"),
    }


@pytest.fixture
def edited(taxonomy):
    """The item an editor works on (words: police) and two that the election search finds."""
    NewsItemFactory(
        title="Observers report on the election",
        fields_of_work=[taxonomy["elections"]],
        countries=[taxonomy["austria"]],
    )
    NewsItemFactory(
        title="Election day in Serbia",
        fields_of_work=[taxonomy["elections"]],
        countries=[taxonomy["serbia"]],
    )
    return NewsItemFactory(
        title="Border police trained",
        teaser="Officers learned new skills.",
        fields_of_work=[taxonomy["policing"]],
        countries=[taxonomy["serbia"]],
    )


def stored(visitor, *urls):
    for url in urls:
        fetch(visitor, url)
        assert visitor.get(url)[HEADER] == "HIT", url


class TestAnEditOfAnItemTheWordsNeverMatch:
    def test_a_text_edit_keeps_the_page(self, visitor, edited):
        stored(visitor, ELECTION, ELECTION_AUSTRIA)
        edited.teaser = "Officers learned even more skills."
        edited.save()
        assert visitor.get(ELECTION)[HEADER] == "HIT"
        assert visitor.get(ELECTION_AUSTRIA)[HEADER] == "HIT"

    def test_a_field_of_work_toggled_keeps_the_page(self, visitor, taxonomy, edited):
        stored(visitor, ELECTION, ELECTION_AUSTRIA)
        edited.fields_of_work.add(taxonomy["elections"])
        assert visitor.get(ELECTION)[HEADER] == "HIT"
        edited.fields_of_work.remove(taxonomy["elections"])
        assert visitor.get(ELECTION)[HEADER] == "HIT"
        assert visitor.get(ELECTION_AUSTRIA)[HEADER] == "HIT"


class TestAnEditOfAnItemTheWordsMatch:
    def test_a_text_edit_of_an_item_shown_renders_it_again(self, visitor, edited):
        stored(visitor, POLICE)
        edited.teaser = "Officers learned about cybercrime."
        edited.save()
        response, body = fetch(visitor, POLICE)
        assert response[HEADER] == "MISS"
        assert "cybercrime" in body

    def test_a_field_of_work_toggled_renders_it_again(self, visitor, taxonomy, edited):
        stored(visitor, POLICE)
        edited.fields_of_work.add(taxonomy["elections"])
        response, body = fetch(visitor, POLICE)
        assert response[HEADER] == "MISS"
        # Its fields of work are counted: Elections now has one.
        assert 'id="facet-field_of_work-elections"' in body

    def test_words_newly_matched_render_it_again_with_the_item_and_its_counts(
        self, visitor, edited
    ):
        stored(visitor, ELECTION, ELECTION_AUSTRIA)
        edited.title = "Border police trained for the election"
        edited.save()
        response, body = fetch(visitor, ELECTION)
        assert response[HEADER] == "MISS"
        assert "Border police trained for the" in body
        # The counts of the panel follow the matches, not only the listing state.
        assert 'id="facet-field_of_work-policing"' in body
        # Outside the country filter, it is only in the counts of the countries.
        response, body = fetch(visitor, ELECTION_AUSTRIA)
        assert response[HEADER] == "MISS"
        assert 'id="facet-country-serbia"' in body

    def test_words_no_longer_matched_render_it_again_without_the_item(self, visitor, edited):
        stored(visitor, POLICE)
        edited.title = "Border guards trained"
        edited.save()
        response, body = fetch(visitor, POLICE)
        assert response[HEADER] == "MISS"
        assert "Border guards trained" not in body
        assert "Border police trained" not in body

    def test_an_unpublished_match_renders_it_again(self, visitor, edited):
        stored(visitor, POLICE, ELECTION)
        edited.status = Status.DRAFT
        edited.save()
        response, body = fetch(visitor, POLICE)
        assert response[HEADER] == "MISS"
        assert "Border police trained" not in body
        assert visitor.get(ELECTION)[HEADER] == "HIT"


class TestTheMatches:
    def test_an_edit_outside_them_keeps_their_token_and_one_inside_changes_it(self, edited):
        search = parse_query("election")
        before = matches.matches(NEWS, search)
        edited.teaser = "Still about policing."
        edited.save()
        assert matches.matches(NEWS, search).token == before.token
        edited.title = "Police and the election"
        edited.save()
        after = matches.matches(NEWS, search)
        assert after.token != before.token
        assert edited.pk in after.members
        assert edited.pk not in before.members

    def test_a_search_another_process_is_ranking_is_waited_for_not_ranked_again(
        self, edited, monkeypatch
    ):
        search = parse_query("election")
        key = matches._key(NEWS, search)
        elsewhere = matches.matches(NEWS, search)
        matches._memo.clear()
        cache.delete(key)
        cache.add(f"{key}:ranking", 1)
        waited = []

        def other_process_shares(seconds):
            waited.append(seconds)
            if len(waited) == 3:
                cache.set(key, elsewhere.stored())
                cache.delete(f"{key}:ranking")

        def ranked(*args):
            raise AssertionError("ranked beside the process ranking it")

        monkeypatch.setattr(matches.time, "sleep", other_process_shares)
        monkeypatch.setattr(matches, "_ranked", ranked)
        found = matches.matches(NEWS, search)
        assert len(waited) == 3
        assert list(found.ids) == list(elsewhere.ids)
        assert found.token == elsewhere.token

    def test_a_search_never_shared_by_the_process_ranking_it_is_ranked_here(
        self, edited, monkeypatch
    ):
        search = parse_query("election")
        key = matches._key(NEWS, search)
        cache.add(f"{key}:ranking", 1)
        monkeypatch.setattr(matches, "WAIT_SECONDS", 0.2)
        found = matches.matches(NEWS, search)
        assert len(found.ids) == 2
        # What this process ranked is shared, for the others.
        assert list(matches.Matches.read(cache.get(key)).ids) == list(found.ids)


def test_sorted_ids_answer_in_as_a_set_would():
    rng = random.Random(7)
    ids = rng.sample(range(1, 5000), 700)
    members = matches.SortedIds(ids)
    for pk in range(-3, 5003):
        assert (pk in members) == (pk in set(ids))
    assert members.any_of({ids[5], 9999})
    assert not members.any_of({0, 5001, 6000})
    changed = members.changed(ids[:3], [9999, 0])
    expected = set(ids[3:]) | {9999, 0}
    assert len(changed) == len(expected)
    assert all((pk in changed) == (pk in expected) for pk in range(-3, 10003))
    assert ids[0] in members


# Items and words for random edits: titles and teasers made of these words.
WORDS = ("police", "election", "border", "media", "water", "training")
PAGES = (
    "/news/?q=police",
    "/news/?q=election",
    "/news/?q=election&field_of_work=elections",
    "/news/?q=police&country=serbia",
    "/news/?q=border+police",
    "/news/?q=water&sort=newest",
    "/news/?q=media&field_of_work=policing&country=austria",
)


def random_edit(rng, items, taxonomy):
    """One edit an editor could make to a random item, through the model."""
    item = rng.choice(items)
    kind = rng.choice(["title", "teaser", "field", "country", "status"])
    if kind == "title":
        item.title = " ".join(rng.sample(WORDS, rng.randint(1, 3))).capitalize()
        item.save()
    elif kind == "teaser":
        item.teaser = " ".join(rng.choices(WORDS, k=rng.randint(1, 6)))
        item.save()
    elif kind == "field":
        field = taxonomy[rng.choice(["policing", "elections"])]
        (item.fields_of_work.remove if rng.random() < 0.5 else item.fields_of_work.add)(field)
    elif kind == "country":
        item.countries.set([taxonomy[rng.choice(["serbia", "austria"])]])
    else:
        item.status = rng.choice([Status.DRAFT, Status.PUBLISHED, Status.PUBLISHED])
        item.save()


def test_a_search_page_kept_is_the_page_rendered_again(visitor, taxonomy, settings, monkeypatch):
    rng = random.Random(15)
    items = [
        NewsItemFactory(
            title=" ".join(rng.sample(WORDS, 2)).capitalize(),
            teaser=" ".join(rng.choices(WORDS, k=3)),
            fields_of_work=[taxonomy[rng.choice(["policing", "elections"])]],
            countries=[taxonomy[rng.choice(["serbia", "austria"])]],
        )
        for _ in range(8)
    ]
    kept, rendered = kept_and_rendered(
        visitor, settings, PAGES, 25, lambda: random_edit(rng, items, taxonomy), monkeypatch
    )
    assert kept > 30
    assert rendered > 30


def test_another_process_serves_a_stored_search_page_without_ranking(visitor, edited, monkeypatch):
    """A process that never had the search's matches (the memo of this one emptied, the shared
    copy gone) finds their token in the cache: a hit ranks and reads no matches."""
    stored(visitor, ELECTION)
    matches._memo.clear()
    cache.delete(matches._key(NEWS, parse_query("election")))

    def ranked(*args):
        raise AssertionError("a hit ranked the search again")

    monkeypatch.setattr(matches, "_ranked", ranked)
    assert visitor.get(ELECTION)[HEADER] == "HIT"
