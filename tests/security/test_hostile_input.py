"""Hostile input, case by case: too many parameters, NUL bytes in admin lookups, markup in
everything editors and visitors type, control characters that reach the feed around the
models. Run on SQLite and PostgreSQL (PostgreSQL refuses NUL in a query outright)."""

import io
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from PIL import Image

from core.publishing import Status
from news.models import FieldOfWork, NewsItem
from tests.factories import FieldOfWorkFactory, NewsItemFactory, StructureFactory
from tests.news.admin.helpers import news_item_post

pytestmark = pytest.mark.django_db

HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
ESCAPED = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"


# Too many parameters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/news/", "/news/feed/", "/search/", "/meetings/", "/sitemap-news.xml"]
)
def test_a_thousand_and_one_query_parameters_is_400(path):
    client = Client(raise_request_exception=False)
    query = "&".join(f"k{index}=v" for index in range(1001))
    assert client.get(f"{path}?{query}").status_code == 400
    assert client.get(f"{path}?{'&'.join(['q=x'] * 1001)}").status_code == 400


def test_a_thousand_query_parameters_is_still_answered(client):
    query = "&".join(f"k{index}=v" for index in range(1000))
    assert client.get(f"/news/?{query}").status_code == 200


# NUL bytes and nonsense in admin lookups -----------------------------------------------------

ADMIN_QUERIES = [
    {"q": "\x00"},
    {"q": "police\x00"},
    {"title__startswith": "\x00"},
    {"name__startswith": "\x00"},
    {"slug__contains": "\x00"},
    {"o": "\x00"},
    {"o": "999.-1"},
    {"p": "\x00"},
    {"p": "99999999999999999999"},
    {"state": "\x00"},
    {"type__exact": "\x00"},
    {"fields_of_work__id__exact": "\x00"},
    {"fields_of_work__id__exact": "99999999999999999999999"},
    {"issued_on__year": "\x00"},
    {"issued_on__month": "13", "issued_on__year": "2024"},
    {"start_date__day": "99999999999999999999"},
    {"meeting_type__id__exact": "abc"},
    {"_to_field": "password"},
    {"author__password__startswith": "md5"},
]


def changelist_urls():
    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label in ("news", "countries", "structures", "redirects", "media_library"):
            yield reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


@pytest.mark.parametrize("changelist", list(changelist_urls()))
def test_admin_changelists_answer_nul_bytes_and_bad_lookups_without_error(changelist, superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    NewsItemFactory(title="Police\x00 training")
    for query in ADMIN_QUERIES:
        response = client.get(f"{changelist}?{urlencode(query)}")
        assert response.status_code in (200, 302, 400), (changelist, query, response.status_code)
        if response.status_code == 302:
            assert "?e=1" in response["Location"], response["Location"]


def test_admin_lookup_through_a_password_is_refused(superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    url = reverse("admin:news_newsitem_changelist")
    response = client.get(f"{url}?{urlencode({'author__password__startswith': 'md5'})}")
    assert response.status_code == 400


@pytest.mark.parametrize("term", ["\x00", "a\x00b", "%", "_", "\\", "' OR 1=1 --"])
def test_admin_autocomplete_answers_hostile_terms(superuser, term):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    StructureFactory(name="Secretariat")
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": term,
            "app_label": "news",
            "model_name": "newsitem",
            "field_name": "fields_of_work",
        },
    )
    assert response.status_code == 200


# Escaping ------------------------------------------------------------------------------------


@pytest.fixture
def hostile_item(db):
    return NewsItemFactory(
        title=f"Title {HOSTILE}",
        slug="hostile",
        teaser=f"Teaser {HOSTILE}",
        body=f"<p>Body</p>{HOSTILE}",
        image_alt=f"Alt {HOSTILE}",
    )


def test_item_page_escapes_title_teaser_in_title_meta_open_graph_and_json_ld(client, hostile_item):
    html = client.get("/news/hostile/").content.decode()
    assert "<script>alert(1)" not in html
    assert "onerror=alert(2)>" not in html
    head = html[: html.index("</head>")]
    assert f"<title>Title {ESCAPED}" in head
    assert f'<meta property="og:title" content="Title {ESCAPED}">' in head
    assert f'<meta name="description" content="Teaser {ESCAPED}' in head
    json_ld = head[head.index('<script type="application/ld+json">') :]
    json_ld = json_ld[: json_ld.index("</script>")]
    assert "<" not in json_ld.removeprefix('<script type="application/ld+json">')


def test_alt_text_is_escaped_in_the_page_and_open_graph(client, db):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "navy").save(buffer, "JPEG")
    NewsItemFactory(
        slug="hostile-image",
        image=SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg"),
        image_alt=f"Alt {HOSTILE}",
        image_caption=f"Caption {HOSTILE}",
    )
    html = client.get("/news/hostile-image/").content.decode()
    assert f'<meta property="og:image:alt" content="Alt {ESCAPED}">' in html
    assert f'alt="Alt {ESCAPED}"' in html
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html


def test_listing_search_and_feed_escape_titles_and_teasers(client, hostile_item):
    for path in ("/news/", "/", "/search/?q=Title", "/news/?q=Teaser"):
        html = client.get(path).content.decode()
        assert "<script>alert(1)" not in html, path
        assert "<img src=x" not in html, path
    feed = client.get("/news/feed/").content.decode()
    assert "<script>" not in feed
    ET.fromstring(feed)


@pytest.mark.parametrize("path", ["/news/", "/search/", "/news/feed/"])
def test_query_strings_are_escaped_where_they_are_echoed(client, path):
    response = client.get(path, {"q": HOSTILE, "country": HOSTILE, "date_from": HOSTILE})
    assert response.status_code == 200
    text = response.content.decode()
    assert "<script>alert(1)" not in text
    assert "<img src=x" not in text


def test_not_found_page_does_not_echo_the_path_unescaped(client):
    response = client.get("/news/%3Cscript%3Ealert(1)%3C/script%3E/")
    assert response.status_code == 404
    assert "<script>alert(1)" not in response.content.decode()


def test_admin_list_history_and_messages_escape_titles(client, publisher):
    client.force_login(publisher)
    structure = StructureFactory()
    data = news_item_post([structure], status=Status.DRAFT, title=f"Title {HOSTILE}")
    response = client.post(reverse("admin:news_newsitem_add"), data, follow=True)
    assert response.status_code == 200
    html = response.content.decode()  # the changelist, with the "was added" message
    assert "was added successfully" in html
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    item = NewsItem.objects.get()
    for name in ("history", "change", "delete"):
        page = client.get(reverse(f"admin:news_newsitem_{name}", args=[item.pk]))
        assert page.status_code == 200, name
        assert "<script>alert(1)" not in page.content.decode(), name
        assert "<img src=x" not in page.content.decode(), name


# Control characters --------------------------------------------------------------------------

CONTROL = "Bell\x07 vertical\x0btab form\x0cfeed NUL\x00 escape\x1b end"
STRIPPED = "Bell verticaltab formfeed NUL escape end"


def storable(text):
    """What a write around the models can store: PostgreSQL refuses NUL in text outright."""
    return text.replace("\x00", "") if connection.vendor == "postgresql" else text


def test_feed_stays_valid_xml_when_control_characters_got_in_around_the_models(client):
    item = NewsItemFactory(title="Clean", slug="clean")
    NewsItem.objects.filter(pk=item.pk).update(title=storable(CONTROL), teaser=storable(CONTROL))
    field = FieldOfWorkFactory(slug="control-field")
    FieldOfWork.objects.filter(pk=field.pk).update(name=storable(f"Field {CONTROL}"))
    item.fields_of_work.add(field)
    response = client.get("/news/feed/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    entry = root.find(f"{atom}entry")
    assert entry.find(f"{atom}title").text == STRIPPED
    assert entry.find(f"{atom}summary").text == STRIPPED


def test_pages_and_sitemap_survive_control_characters_written_around_the_models(client):
    item = NewsItemFactory(title="Clean", slug="clean")
    NewsItem.objects.filter(pk=item.pk).update(title=storable(CONTROL), teaser=storable(CONTROL))
    for path in ("/news/", "/news/clean/", "/sitemap-news.xml"):
        assert client.get(path).status_code == 200, path
    ET.fromstring(client.get("/sitemap-news.xml").content)


def test_control_characters_are_stripped_on_save():
    item = NewsItemFactory(title=CONTROL, teaser=CONTROL, image_alt=CONTROL)
    item.refresh_from_db()
    assert item.title == item.teaser == STRIPPED
