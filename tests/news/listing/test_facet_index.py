"""The facet index's engine must answer exactly what the SQL engine answers, and the index
must never go stale."""

import datetime
import random
import time

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.utils import timezone

from core.content_state import listing_state
from core.publishing import Status
from core.release import release
from news.listing import index as facet_index
from news.listing.facets import FACETS
from news.listing.filterset import NewsFilter
from news.listing.index_engine import IndexEngine
from news.listing.sql_engine import SqlEngine
from news.models import NewsItem, NewsType
from tests.factories import CountryFactory, FieldOfWorkFactory, NewsItemFactory, StructureFactory

pytestmark = pytest.mark.django_db

WORDS = ["police", "election", "media", "border", "youth"]


@pytest.fixture
def corpus():
    rng = random.Random(7)
    fields = [FieldOfWorkFactory() for _ in range(4)]
    countries = [CountryFactory() for _ in range(4)]
    parent = StructureFactory(slug="parent")
    children = [StructureFactory(parent=parent) for _ in range(2)]
    grandchild = StructureFactory(parent=children[0])
    structures = [parent, *children, grandchild, StructureFactory()]
    now = timezone.now()
    for n in range(70):
        state = rng.random()
        NewsItemFactory(
            title=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
            issued_on=datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3000)),
            type=rng.choice(NewsType.values),
            fields_of_work=rng.sample(fields, rng.randrange(0, 3)),
            countries=rng.sample(countries, rng.randrange(0, 3)),
            issued_by=rng.sample(structures, rng.randrange(1, 3)),
            status=Status.DRAFT if state < 0.1 else Status.PUBLISHED,
            publish_at=now + datetime.timedelta(days=1) if 0.1 <= state < 0.15 else now,
        )
    return {"fields": fields, "countries": countries, "structures": structures}


def random_queries(corpus, count=60):
    rng = random.Random(11)
    for _ in range(count):
        params = QueryDict(mutable=True)
        if rng.random() < 0.5:
            params.setlist("field_of_work", [f.slug for f in rng.sample(corpus["fields"], 2)])
        if rng.random() < 0.5:
            params.setlist("country", [rng.choice(corpus["countries"]).slug])
        if rng.random() < 0.5:
            params.setlist("issued_by", [rng.choice(corpus["structures"]).slug])
        if rng.random() < 0.3:
            params.setlist("type", rng.sample(NewsType.values, 2))
        if rng.random() < 0.3:
            params["date_from"] = f"{rng.randrange(2015, 2020)}-0{rng.randrange(1, 10)}-15"
        if rng.random() < 0.3:
            params["date_to"] = f"{rng.randrange(2018, 2024)}-0{rng.randrange(1, 10)}-01"
        if rng.random() < 0.3:
            params["q"] = rng.choice(WORDS)
            params["sort"] = rng.choice(["newest", "oldest", "relevance", ""])
        elif rng.random() < 0.3:
            params["sort"] = "oldest"
        yield params


def answers(engine):
    """Everything an engine says about a selection."""
    counts = {spec.name: engine.counts(spec.name) for spec in FACETS}
    additions = {spec.name: engine.additions(spec.name) for spec in FACETS}
    total = engine.count()
    pages = [engine.ids(start, start + 7) for start in range(0, total + 7, 7)]
    return total, counts, additions, pages, engine.issuer_counts()


def test_the_engines_answer_alike(corpus):
    """The SQL engine is the oracle: the facet index must give exactly its answers."""
    index = facet_index.current_index()
    assert index is not None
    for params in random_queries(corpus):
        selection = NewsFilter(params).selection
        from_index = answers(IndexEngine(selection, index))
        from_sql = answers(SqlEngine(selection))
        assert from_index == from_sql, params.urlencode()


def total_with(params, name, value):
    params = params.copy()
    params.appendlist(name, value)
    return NewsFilter(params).results.count()


@pytest.mark.parametrize("engine", ["sql", "index"])
def test_each_number_is_what_ticking_the_option_does(corpus, engine):
    """Brute force over random selections: with nothing ticked in a facet, an option's number
    is the results after ticking it; with something ticked, "+N" is exactly how many results
    ticking it adds, and the units of a ticked structure add none."""
    index = facet_index.current_index()
    checked = 0
    for params in random_queries(corpus, count=25):
        filterset = NewsFilter(params)
        if engine == "sql":
            filterset._engine = SqlEngine(filterset.selection)
        else:
            filterset._engine = IndexEngine(filterset.selection, index)
        total = filterset.results.count()
        for facet in filterset.facets():
            for option in facet.options:
                if option.selected:
                    continue
                after = total_with(params, facet.name, option.value)
                if option.included_in:
                    assert after == total, (params.urlencode(), option.value)
                elif option.added is None:
                    assert option.count == after, (params.urlencode(), option.value)
                else:
                    assert option.added == after - total, (params.urlencode(), option.value)
                    checked += 1
    assert checked > 20


def listing_answers(params):
    """What the listing gets through `NewsFilter`, whichever engine it picks."""
    filterset = NewsFilter(params)
    return answers(filterset.engine)


def test_index_follows_publishing(corpus):
    draft = NewsItemFactory(title="Fresh draft", status=Status.DRAFT)
    assert draft.pk not in NewsFilter(QueryDict()).results.ids(0, 1000)
    draft.status = Status.PUBLISHED
    draft.save()
    assert draft.pk in NewsFilter(QueryDict()).results.ids(0, 1000)
    draft.delete()
    assert draft.pk not in NewsFilter(QueryDict()).results.ids(0, 1000)


def test_scheduled_item_appears_without_any_save(corpus):
    soon = NewsItemFactory(publish_at=timezone.now() + datetime.timedelta(seconds=1))
    assert soon.pk not in NewsFilter(QueryDict()).results.ids(0, 1000)
    time.sleep(1.2)
    assert soon.pk in NewsFilter(QueryDict()).results.ids(0, 1000)


@pytest.mark.django_db(transaction=True)
def test_another_worker_building_means_sql_for_now(corpus, monkeypatch):
    monkeypatch.setattr(facet_index, "_latest", {})
    version = listing_state()[1]
    lock = facet_index.LOCK_KEY.format(f"news:{release()}:default:{version}")
    cache.add(lock, 1, 60)
    filterset = NewsFilter(QueryDict())
    assert isinstance(filterset.engine, SqlEngine)
    assert filterset.results.count() == NewsItem.objects.published().count()
    cache.delete(lock)
    assert isinstance(NewsFilter(QueryDict()).engine, IndexEngine)


def test_round_trip_through_the_cache(corpus):
    index = facet_index.build_index("k")
    copy = facet_index.FacetIndex.from_bytes(index.to_bytes())
    assert list(copy.ids) == list(index.ids)
    assert copy.bits == index.bits
    everything = (1 << index.size) - 1
    assert copy.page(everything, 3, 5) == index.page(everything, 3, 5)


@pytest.fixture
def match_bitsets(monkeypatch):
    """The ids of every search whose match bitset was built from its ids."""
    built = []
    of_ids = facet_index.FacetIndex.of_ids

    def counting(self, ids):
        built.append(len(ids))
        return of_ids(self, ids)

    monkeypatch.setattr(facet_index.FacetIndex, "of_ids", counting)
    return built


def test_a_searchs_matches_are_laid_out_once_per_index(corpus, match_bitsets):
    field = corpus["fields"][0].slug
    plain = listing_answers(QueryDict("q=police"))
    listing_answers(QueryDict(f"q=police&field_of_work={field}&sort=oldest"))
    listing_answers(QueryDict("q=police&page=2"))
    assert len(match_bitsets) == 1
    listing_answers(QueryDict("q=election"))
    assert len(match_bitsets) == 2
    # A new state is a new index: nothing derived from the old one is used.
    NewsItemFactory(title="police again")
    again = listing_answers(QueryDict("q=police"))
    assert len(match_bitsets) == 3
    assert again[0] == plain[0] + 1


def test_only_the_latest_searches_are_kept(corpus, match_bitsets, monkeypatch):
    monkeypatch.setattr(facet_index, "MAX_DERIVED_SEARCHES", 2)
    for words in ("police", "election", "media", "election", "police"):
        listing_answers(QueryDict(f"q={words}"))
    # police, election, media built; election still kept; police dropped when media came.
    assert len(match_bitsets) == 4


def test_a_structure_counts_its_units_through_the_kept_bitsets(corpus, monkeypatch):
    parent = corpus["structures"][0]
    expected = (
        NewsItem.objects.published()
        .filter(issuers__structure__in=corpus["structures"][:4])
        .distinct()
        .count()
    )
    subtrees = []
    any_of = facet_index.FacetIndex.any_of

    def counting(self, facet, values):
        if facet == "issued_by":
            subtrees.append(set(values))
        return any_of(self, facet, values)

    monkeypatch.setattr(facet_index.FacetIndex, "any_of", counting)
    assert NewsFilter(QueryDict(f"issued_by={parent.slug}")).results.count() == expected
    assert subtrees == [{structure.pk for structure in corpus["structures"][:4]}]
    assert NewsFilter(QueryDict(f"issued_by={parent.slug}")).results.count() == expected
    assert len(subtrees) == 1, "the second request reuses the structure's bitset"
