"""`demo.bulk_delete`: a demo reload deletes its rows in a statement per table."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.bulk_delete import delete_in_bulk
from news.models import FieldOfWork, NewsItem, NewsItemIssuer
from structures.models import Structure
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def tagged_items(taxonomy, count, prefix):
    field, structure = FieldOfWork.objects.first(), Structure.objects.first()
    return [
        NewsItemFactory(
            slug=f"{prefix}-{number}",
            source_url=f"https://{prefix}.example/{number}",
            fields_of_work=[field],
            issued_by=[structure],
        )
        for number in range(count)
    ]


def test_it_deletes_the_items_and_their_relation_rows_and_nothing_else(taxonomy):
    doomed = tagged_items(taxonomy, 3, "doomed")
    kept = tagged_items(taxonomy, 2, "kept")

    deleted = delete_in_bulk(NewsItem.objects.filter(source_url__startswith="https://doomed."))

    assert deleted == 3
    assert set(NewsItem.objects.values_list("pk", flat=True)) == {item.pk for item in kept}
    assert not NewsItemIssuer.objects.filter(news_item__in=[item.pk for item in doomed]).exists()
    through = NewsItem.fields_of_work.through.objects
    assert not through.filter(newsitem__in=[item.pk for item in doomed]).exists()
    assert through.filter(newsitem__in=[item.pk for item in kept]).count() == 2
    assert NewsItemIssuer.objects.filter(news_item__in=[item.pk for item in kept]).count() == 2


def test_its_query_count_does_not_grow_with_the_number_of_rows(taxonomy):
    counts = []
    for size in (2, 12):
        tagged_items(taxonomy, size, f"batch{size}")
        with CaptureQueriesContext(connection) as queries:
            deleted = delete_in_bulk(
                NewsItem.objects.filter(source_url__startswith=f"https://batch{size}.")
            )
        assert deleted == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
