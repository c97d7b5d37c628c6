"""What the revision and restore tests do again and again: admin saves through the forms, saves
under `reversion.create_revision()`, and what a visitor or the history then sees."""

import datetime

import reversion
from django.contrib.admin.models import LogEntry
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from core.publishing import Status
from news.models import NewsItem
from tests.news.admin.helpers import REASON, in_english, news_item_post
from tests.security.forms import form_data

ADD_URL = reverse("admin:news_newsitem_add")


CHANGELIST_URL = reverse("admin:news_newsitem_changelist")


def url(name, *args):
    return reverse(f"admin:news_newsitem_{name}", args=args)


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def create_item(client, tags, **fields):
    data = news_item_post(
        [tags["structure"]],
        status=Status.DRAFT,
        fields_of_work=[str(tags["field"].pk)],
        **fields,
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return NewsItem.objects.get(slug=data["slug"])


def edit(client, item, **changes):
    """Open the change form, change some fields, save: what an editor does (with the reason a
    publisher gives when the save publishes without review)."""
    data = form_data(client.get(url("change", item.pk)), "newsitem_form")
    data.update({**REASON, **in_english(changes)})
    return client.post(url("change", item.pk), data)


def last_log_message(item):
    return LogEntry.objects.filter(object_id=str(item.pk)).latest("pk").get_change_message()


def snapshot(item):
    item = NewsItem.objects.get(pk=item.pk)
    return {
        "title": item.title,
        "teaser": item.teaser,
        "body": item.body,
        "status": item.status,
        "publish_at": item.publish_at,
        "fields_of_work": sorted(item.fields_of_work.values_list("slug", flat=True)),
        "countries": sorted(item.countries.values_list("slug", flat=True)),
        "issuers": [structure.slug for structure in item.ordered_issuers],
    }


def save_revision(obj, user, **changes):
    """What one admin save leaves: the object, its followed rows, and a revision by `user`."""
    with reversion.create_revision():
        reversion.set_user(user)
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.save()
    return versions_of(obj)[-1]


def draft_then_published(obj, editor, publisher):
    """An editor's draft (first revision), then published with other words by a publisher."""
    save_revision(obj, editor, status=Status.DRAFT, title="Editor's first draft")
    save_revision(
        obj,
        publisher,
        status=Status.PUBLISHED,
        title="Published wording",
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )
    return obj


def state(obj):
    """Everything a visitor could see of an item or meeting, its rows included."""
    obj = type(obj)._default_manager.get(pk=obj.pk)
    data = model_to_dict(obj)
    data["fields_of_work"] = sorted(data.get("fields_of_work", []), key=lambda f: f.pk)
    data.pop("countries", None)
    data["updated_at"] = obj.updated_at
    if isinstance(obj, NewsItem):
        data["issuers"] = list(obj.issuers.order_by("pk").values_list("structure_id", "position"))
    return data
