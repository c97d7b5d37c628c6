"""The facet index brought up to date from a delta (news.listing.index_delta) is exactly the
index built afresh from the database, whatever the changes."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.publishing import Status
from news.listing.index import build_index
from news.models import NewsItem, NewsItemIssuer, NewsType
from tests.factories import CountryFactory, FieldOfWorkFactory, NewsItemFactory, StructureFactory

pytestmark = pytest.mark.django_db

ITEMS = 12
DAYS = [datetime.date(2024, 1, day) for day in (1, 2, 3)]  # few days: ties on the date


@pytest.fixture
def newsroom():
    fields = [FieldOfWorkFactory() for _ in range(3)]
    countries = [CountryFactory() for _ in range(3)]
    structures = [StructureFactory() for _ in range(3)]
    items = [
        NewsItemFactory(issued_on=DAYS[n % 3], fields_of_work=fields[: n % 3]) for n in range(ITEMS)
    ]
    return {"items": items, "fields": fields, "countries": countries, "structures": structures}


def change(newsroom, action, which, choice):
    """Make one change to the database; returns the ids of the items it concerned."""
    now = timezone.now()
    if not newsroom["items"]:  # the examples share the newsroom: all may have been deleted
        action = "create"
    if action == "create":
        new = NewsItemFactory(issued_on=DAYS[choice % 3])
        newsroom["items"].append(new)
        return {new.pk}
    item = newsroom["items"][which % len(newsroom["items"])]
    rows = NewsItem.objects.filter(pk=item.pk)
    pick = newsroom[{"field": "fields", "country": "countries"}.get(action, "structures")]
    option = pick[choice % len(pick)]
    match action:
        case "publish":
            rows.update(status=Status.PUBLISHED, publish_at=now, expire_at=None)
        case "unpublish":
            rows.update(status=Status.DRAFT)
        case "schedule":
            rows.update(publish_at=now + datetime.timedelta(days=1), expire_at=None)
        case "expire":
            hour = datetime.timedelta(hours=1)
            rows.update(publish_at=now - 2 * hour, expire_at=now - hour)
        case "redate":
            rows.update(issued_on=DAYS[choice % 3])
        case "retype":
            rows.update(type=NewsType.values[choice % len(NewsType.values)])
        case "language":
            rows.update(in_language_fr=bool(choice % 2))
        case "field":
            (item.fields_of_work.remove if choice % 2 else item.fields_of_work.add)(option)
        case "country":
            item.countries.set([option] if choice % 2 else [])
        case "issuer":
            NewsItemIssuer.objects.filter(news_item=item).delete()
            NewsItemIssuer.objects.create(news_item=item, structure=option, position=0)
        case "delete":
            rows.delete()
            newsroom["items"].remove(item)
    return {item.pk}


ACTIONS = [
    "publish",
    "unpublish",
    "schedule",
    "expire",
    "redate",
    "retype",
    "language",
    "field",
    "country",
    "issuer",
    "delete",
    "create",
]
STEPS = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, 99), st.integers(0, 99)),
    min_size=1,
    max_size=6,
)


def layout(index):
    return list(index.ids), list(index.ordinals), index.bits


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_an_index_caught_up_equals_one_built_afresh(newsroom, steps):
    before = build_index("before", 1)
    touched = set()
    for action, which, choice in steps:
        touched |= change(newsroom, action, which, choice)
    caught_up = before.caught_up("after", 2, touched)
    assert layout(caught_up) == layout(build_index("after", 2))
    assert caught_up.version == 2


def test_the_index_caught_up_from_is_left_untouched(newsroom):
    before = build_index("before", 1)
    kept = layout(before)
    item = newsroom["items"][0]
    NewsItem.objects.filter(pk=item.pk).update(status=Status.DRAFT)
    caught_up = before.caught_up("after", 2, {item.pk})
    assert item.pk not in caught_up.ids
    assert layout(before) == kept and item.pk in before.ids


def test_an_item_retagged_in_place_keeps_the_order_and_what_only_the_order_decides(newsroom):
    """Tags, type or language changed, the period not: the item keeps its position, the ids
    and the searches' bitsets are the same objects, and the bits equal a rebuild's."""
    before = build_index("before", 1)
    search = before.derived(("search", "en", "x", "token"), lambda: before.of_ids(before.ids[:3]))
    item = newsroom["items"][4]
    item.fields_of_work.set(newsroom["fields"][2:])
    NewsItem.objects.filter(pk=item.pk).update(type=NewsType.values[-1], in_language_fr=True)
    kept = layout(before)
    caught_up = before.caught_up("after", 2, {item.pk})
    assert layout(caught_up) == layout(build_index("after", 2))
    assert caught_up.ids is before.ids
    assert caught_up.derived(("search", "en", "x", "token"), lambda: 0) is search
    assert layout(before) == kept


def test_an_item_redated_moves_and_derives_its_searches_again(newsroom):
    before = build_index("before", 1)
    before.derived(("search", "en", "x", "token"), lambda: before.of_ids(before.ids[:3]))
    item = newsroom["items"][4]
    NewsItem.objects.filter(pk=item.pk).update(issued_on=datetime.date(2024, 2, 1))
    caught_up = before.caught_up("after", 2, {item.pk})
    assert layout(caught_up) == layout(build_index("after", 2))
    assert caught_up.ids[0] == item.pk
    assert caught_up.derived(("search", "en", "x", "token"), lambda: 0) == 0
