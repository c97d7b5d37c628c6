"""What an import moves (core.content_changes): an unchanged record nothing, a record whose
issuers are the same not the listings, and a record whose tags change (written in bulk, with
no signals) the listings with their delta, so the facet index caught up is the one rebuilt."""

import pytest
from django.core.cache import cache

from core import content_state
from core.content_changes import LISTING_KEY, MEMBERS_KEY, VERSION_KEY
from news.listing.index import build_index, current_index
from news.models import FieldOfWork, NewsItem
from tests.news.import_files import SERBIA_ITEM, run, write

pytestmark = pytest.mark.django_db(transaction=True)


def versions():
    content_state.forget_state()
    return cache.get(VERSION_KEY), cache.get(LISTING_KEY)


def test_an_unchanged_file_imported_again_moves_nothing(taxonomy, tmp_path):
    path = write(tmp_path, [SERBIA_ITEM])
    run(path)
    before = versions()
    assert run(path).endswith("0 created, 0 updated, 1 unchanged, 0 skipped.")
    assert versions() == before


def test_a_changed_teaser_with_the_same_issuers_keeps_the_listings(taxonomy, tmp_path):
    run(write(tmp_path, [SERBIA_ITEM]))
    content, listing = versions()
    run(write(tmp_path, [{**SERBIA_ITEM, "teaser": "Forty judges."}], "teaser.json"))
    assert versions()[1] == listing
    assert versions()[0] != content
    assert NewsItem.objects.get().teaser == "Forty judges."


def test_changed_fields_of_work_keep_the_facet_index_current(taxonomy, tmp_path):
    run(write(tmp_path, [SERBIA_ITEM]))
    index = current_index()
    item = NewsItem.objects.get()
    policing = FieldOfWork.objects.get(slug="policing")
    assert not index.option("field_of_work", policing.pk)
    listing = versions()[1]

    run(write(tmp_path, [{**SERBIA_ITEM, "fields_of_work": ["Policing"]}], "tags.json"))

    assert versions()[1] != listing
    caught_up = current_index()
    rebuilt = build_index("rebuilt")
    assert caught_up.option("field_of_work", policing.pk) == 1 << caught_up.ids.index(item.pk)
    assert (caught_up.ids, caught_up.bits) == (rebuilt.ids, rebuilt.bits)
    # The move says where the item stood before and after: listing pages can tell.
    ((pk, before, after),) = cache.get(MEMBERS_KEY.format(versions()[1]))["news.newsitem"]
    assert pk == item.pk
    assert ("field_of_work", policing.pk) in after[1]
    assert ("field_of_work", policing.pk) not in before[1]
