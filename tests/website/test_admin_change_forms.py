"""Every admin change form loads the unsaved-changes warning once (its behaviour is tested in
Chromium: tests/browser/test_unsaved_changes.py), Django's own models' forms too; lists do
not."""

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory, NewsItemFactory, StructureFactory

pytestmark = pytest.mark.django_db

SCRIPT = 'src="/static/admin_osce/unsaved_changes.js"'


def test_every_change_form_loads_the_warning_once(admin_client):
    item = NewsItemFactory(issued_by=[StructureFactory()])
    urls = [
        reverse("admin:news_newsitem_change", args=[item.pk]),
        reverse("admin:news_newsitem_add"),
        reverse("admin:news_meeting_change", args=[MeetingFactory().pk]),
        reverse("admin:structures_structure_add"),
        reverse("admin:auth_group_add"),
    ]
    for url in urls:
        page = admin_client.get(url).content.decode()
        assert page.count(SCRIPT) == 1, url


def test_lists_do_not_load_it(admin_client):
    page = admin_client.get(reverse("admin:news_newsitem_changelist")).content.decode()
    assert SCRIPT not in page
