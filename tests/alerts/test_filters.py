"""The alert's matcher agrees with the listing's SQL engine (news.listing.sql_engine) on
random filters: an alert sends exactly what its listing URL shows among new items."""

import random

import pytest
from django.http import QueryDict

from alerts.filters import describe, match_items, normalise
from alerts.models import AlertFilter, Listing
from news.listing.filterset import NewsFilter
from news.models import NewsItem, NewsType
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def random_query(rng, tags):
    params = QueryDict(mutable=True)
    if rng.random() < 0.5:
        params.setlist("field_of_work", rng.sample(["policing", "elections"], rng.randint(1, 2)))
    if rng.random() < 0.5:
        params.setlist("country", rng.sample(["serbia", "albania"], rng.randint(1, 2)))
    if rng.random() < 0.5:
        params.setlist("issued_by", [rng.choice(["secretariat", "policing-unit"])])
    if rng.random() < 0.3:
        params.setlist("type", [rng.choice(NewsType.values)])
    if rng.random() < 0.3:
        params["date_from"] = rng.choice(["2024-01-01", "2024-05-01", "2024-06-01"])
    if rng.random() < 0.3:
        params["date_to"] = rng.choice(["2024-04-30", "2024-05-01", "2024-12-31"])
    if rng.random() < 0.3:
        params["q"] = rng.choice(["police", "election", "training police", "nothing"])
    return params


def test_matcher_agrees_with_the_listing(tags):
    rng = random.Random(19)
    import datetime

    for index in range(30):
        NewsItemFactory(
            title=rng.choice(["Police training", "Election observation", "Budget news"])
            + f" {index}",
            type=rng.choice(NewsType.values),
            issued_on=datetime.date(2024, rng.randint(1, 12), rng.randint(1, 28)),
            fields_of_work=rng.sample([tags["policing"], tags["elections"]], rng.randint(0, 2)),
            countries=rng.sample([tags["serbia"], tags["albania"]], rng.randint(0, 2)),
            issued_by=rng.sample([tags["secretariat"], tags["unit"]], rng.randint(0, 1)),
        )
    ids = list(NewsItem.objects.values_list("pk", flat=True))
    filters = []
    for _ in range(60):
        query = normalise(Listing.NEWS, random_query(rng, tags), "en")
        filters.append(
            AlertFilter.objects.get_or_create(listing="news", language="en", query=query)[0]
        )
    matches = match_items(Listing.NEWS, "en", ids, filters)
    for alert_filter in filters:
        expected = set(
            NewsFilter(QueryDict(alert_filter.query))
            .filter_queryset(NewsItem.objects.published().in_language("en"))
            .values_list("pk", flat=True)
        )
        assert set(matches.get(alert_filter.pk, [])) == expected, alert_filter.query


def test_descriptions_use_the_listings_sentence(tags):
    query = normalise(
        Listing.NEWS,
        QueryDict(
            "country=serbia&field_of_work=policing&field_of_work=elections&issued_by=secretariat"
        ),
        "en",
    )
    assert describe(Listing.NEWS, "en", query) == (
        "News in Policing or Elections, from Serbia, issued by Secretariat"
    )
    assert describe(Listing.NEWS, "en", "") == "All news"
    assert describe(Listing.MEETINGS, "en", "") == "All meetings and conferences"


def test_a_term_gone_from_the_taxonomy_is_left_out_of_the_words(tags):
    query = normalise(Listing.NEWS, QueryDict("country=serbia&field_of_work=policing"), "en")
    tags["policing"].delete()
    assert describe(Listing.NEWS, "en", query) == "News from Serbia"
