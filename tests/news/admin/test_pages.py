"""Every admin page loads for a publisher, in a number of queries that does not grow with rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from countries.models import Chairpersonship, Country
from news.models import FieldOfWork, Meeting, MeetingType, NewsItem
from structures.models import Structure

MODELS = [Country, Chairpersonship, Structure, FieldOfWork, MeetingType, NewsItem, Meeting]
# Pinned: generous enough for session/auth/permission queries, far below one query per row.
MAX_CHANGELIST_QUERIES = 11
# The change form: 15, plus the content checks' two (duplicate titles, tags; news.content_checks)
# and the old slugs that redirect to it (redirects.admin), and the working draft and review
# request (news.admin.editorial).
MAX_FORM_QUERIES = 21


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_changelist_query_count_is_pinned_and_does_not_grow_with_rows(
    client, publisher, make_content, model, django_assert_max_num_queries
):
    client.force_login(publisher)
    url = admin_url(model, "changelist")
    make_content(3)
    client.get(url)  # warm ContentType and other per-process caches
    with django_assert_max_num_queries(MAX_CHANGELIST_QUERIES):
        few = count_queries(client, url)
    make_content(27)
    many = count_queries(client, url)
    assert model.objects.count() >= 30
    assert few == many


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_add_and_change_pages_load(
    client, publisher, make_content, model, django_assert_max_num_queries
):
    make_content(2)
    client.force_login(publisher)
    client.get(admin_url(model, "add"))
    with django_assert_max_num_queries(MAX_FORM_QUERIES):
        assert client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.last()
    with django_assert_max_num_queries(MAX_FORM_QUERIES):
        assert client.get(admin_url(model, "change", obj.pk)).status_code == 200
    assert client.get(admin_url(model, "history", obj.pk)).status_code == 200


def test_news_changelist_shows_state_and_issuers_in_order(client, publisher, make_content):
    make_content(1)
    client.force_login(publisher)
    item = NewsItem.objects.get()
    lead, second = item.ordered_issuers
    html = client.get(admin_url(NewsItem, "changelist")).content.decode()
    assert f"{lead.name}, {second.name}" in html
    assert "Live" in html


@pytest.mark.parametrize("model", [NewsItem, Meeting], ids=["newsitem", "meeting"])
def test_rich_text_editor_is_served_from_static_without_inline_script(client, publisher, model):
    client.force_login(publisher)
    html = client.get(admin_url(model, "add")).content.decode()
    assert "/static/django_prose_editor/editor.js" in html
    assert "/static/django_prose_editor/editor.css" in html
    assert "/static/admin_richtext/extensions.js" in html  # in the editor's configuration
    assert 'type="importmap"' in html
    # Every script, the import map included, is a file or carries the response's CSP nonce.
    assert "<script>" not in html
    assert '<script type="importmap">' not in html


def test_news_form_is_in_editing_order_and_defaults_issued_on_to_today(client, publisher):
    from django.utils import timezone

    client.force_login(publisher)
    response = client.get(admin_url(NewsItem, "add"))
    html = response.content.decode()
    markers = [
        'name="title_en"',
        'name="slug"',
        'name="type"',
        'name="teaser_en"',
        'name="body_en"',
        'name="issued_on"',
        'name="issuers-TOTAL_FORMS"',
        'name="fields_of_work"',
        'name="countries"',
        'name="image"',
        'name="image_alt_en"',
        'name="publishing"',
        'name="publish_at_0"',
        'name="expire_at_0"',
        'name="source_url"',
    ]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)
    assert response.context["adminform"].form.initial["issued_on"] == timezone.localdate()


def test_structure_list_links_to_units(client, publisher, make_content):
    make_content(2)
    client.force_login(publisher)
    parent = Structure.objects.get(name="Secretariat parent")
    html = client.get(admin_url(Structure, "changelist") + "?level=top").content.decode()
    assert f"?parent__id__exact={parent.pk}" in html
    assert "2 units" in html
    units = client.get(admin_url(Structure, "changelist") + f"?parent__id__exact={parent.pk}")
    assert units.status_code == 200
    assert len(units.context["cl"].result_list) == 2
