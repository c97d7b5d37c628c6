"""Every admin URL that takes an id: none lets an editor change live content."""

import itertools
import re

import pytest
from django.contrib import admin
from django.urls import URLResolver
from reversion.models import Version

from core.publishing import Status
from news.models import Meeting, NewsItem, NewsItemIssuer
from redirects.models import SlugRedirect
from tests.factories import MeetingFactory, NewsItemFactory, StructureFactory
from tests.security.revision_steps import draft_then_published, save_revision

pytestmark = pytest.mark.django_db


def live_content():
    """Every column of every published item and meeting, and of their rows and tags."""
    items = NewsItem.objects.filter(status=Status.PUBLISHED)
    meetings = Meeting.objects.filter(status=Status.PUBLISHED)
    return [
        list(queryset.order_by("pk").values())
        for queryset in (
            items,
            NewsItemIssuer.objects.filter(news_item__in=items),
            NewsItem.fields_of_work.through.objects.filter(newsitem__in=items),
            NewsItem.countries.through.objects.filter(newsitem__in=items),
            meetings,
            Meeting.fields_of_work.through.objects.filter(meeting__in=meetings),
            # Old addresses of live items: only publishers delete them.
            SlugRedirect.objects.all(),
        )
    ]


OBJECT_ID_NAMES = {"object_id", "id"}


def admin_patterns():
    """`(route, [parameter names])` of every admin URL that takes an id: a positional
    parameter is named None (django-reversion's)."""

    def walk(patterns, prefix):
        for entry in patterns:
            regex = entry.pattern.regex.pattern.lstrip("^").rstrip("$").replace("\\Z", "")
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + regex)
                continue
            names = [None] * re.compile(regex).groups
            for name, index in re.compile(regex).groupindex.items():
                names[index - 1] = name
            if names and not {"app_label", "url"} & set(names):
                yield prefix + regex, names

    return list(walk(admin.site.get_urls(), ""))


def fill(route, values):
    """The route with its parameters, named or not, replaced by `values` in order."""
    values = iter(values)
    return "/admin/" + re.sub(r"\((?:\?P<\w+>)?[^()]*\)", lambda _: str(next(values)), route)


def candidates(names, object_ids, any_ids):
    """An object id parameter takes every object's id; the last of the others (a version id,
    or an object id django-reversion does not name) takes every object's and version's."""
    choices = [
        object_ids if name in OBJECT_ID_NAMES or position < len(names) - 1 else any_ids
        for position, name in enumerate(names)
    ]
    return itertools.product(*choices)


@pytest.fixture
def everything(editor, publisher):
    """Items and meetings in every state, with ids that coincide across models, and versions
    of each (deleted ones' included)."""
    structure = StructureFactory()
    for model, factory in ((NewsItem, NewsItemFactory), (Meeting, MeetingFactory)):
        objects = [factory() for _ in range(3)]
        for obj in objects:
            if model is NewsItem:
                NewsItemIssuer.objects.create(news_item=obj, structure=structure, position=0)
        draft_then_published(objects[0], editor, publisher)
        save_revision(objects[1], editor, status=Status.DRAFT, title="A draft")
        save_revision(objects[2], editor, status=Status.DRAFT, title="Deleted")
        objects[2].delete()
    # One more item than meetings: an item id no meeting has.
    draft_then_published(
        NewsItemFactory(issued_by=[structure], status=Status.DRAFT), editor, publisher
    )
    # A live meeting renamed: its old slug redirects (a row an editor must not delete).
    renamed = Meeting.objects.filter(status=Status.PUBLISHED).first()
    renamed.slug = f"{renamed.slug}-renamed"
    renamed.save()
    assert SlugRedirect.objects.exists()


def test_no_admin_url_lets_an_editor_change_live_content(client, editor, everything):
    object_ids = sorted(
        {
            obj.pk
            for model_admin in admin.site._registry.values()
            for obj in model_admin.model._default_manager.all()
        }
        | {int(version.object_id) for version in Version.objects.all()}
    )
    any_ids = sorted({*object_ids, *Version.objects.values_list("pk", flat=True)})
    patterns = admin_patterns()
    assert any("recover" in route for route, _names in patterns)
    assert any("history" in route and len(names) == 2 for route, names in patterns)
    # A forged POST that either model's change form would accept.
    meeting = Meeting.objects.first()
    body = {
        "_save": "Save",
        "title_en": "Forged",
        "slug": "forged",
        "type": "news",
        "teaser_en": "Forged.",
        "body_en": "<p>Forged.</p>",
        "issued_on": "2025-01-01",
        "in_language_en": "on",
        "meeting_type": str(meeting.meeting_type_id),
        "start_date": "2025-01-01",
        "end_date": "2025-01-02",
        "place_en": "Forged",
        "status": Status.PUBLISHED,
        "publishing": "publish",
        "publish_at_0": "2025-01-01",
        "publish_at_1": "09:00:00",
        "issuers-TOTAL_FORMS": "0",
        "issuers-INITIAL_FORMS": "0",
        "post": "yes",
    }
    before = live_content()
    client.force_login(editor)
    tried = 0
    for route, names in patterns:
        for values in candidates(names, object_ids, any_ids):
            url = fill(route, values)
            client.post(url, body)
            tried += 1
            assert live_content() == before, f"{url} changed live content"
    assert tried > 200
