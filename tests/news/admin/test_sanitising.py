"""What an editor's browser (or a hand-made POST) sends through the admin is stored clean."""

import re

import pytest
from django.urls import reverse

from core import richtext
from core.publishing import Status
from news.models import Meeting, NewsItem
from tests.factories import MeetingTypeFactory, StructureFactory
from tests.news.admin.helpers import news_item_post, publishing_fields

ADD_URL = reverse("admin:news_newsitem_add")

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    '<math><maction actiontype="statusline#x" xlink:href="javascript:alert(1)">x</maction></math>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<p STYLE="color:red">styled</p>',
    "<style>body{display:none}</style>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<p onclick="alert(1)" onmouseover=alert(1)>click</p>',
    '<a href="https://ok.example" onfocus=alert(1) autofocus>ok</a>',
    "<img src=x onerror=alert(1)",
    "<div><p>unclosed <b>tags <i>everywhere",
    "<!--<script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script> -->",
    "<!--><script>alert(1)</script>-->",
    '<p title="</p><script>alert(1)</script>">x</p>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<template><script>alert(1)</script></template>",
    '<a href="javascript&colon;alert(1)">x</a>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
]
BANNED = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in [
        r"<script",
        r"<iframe",
        r"<svg",
        r"<math",
        r"<object",
        r"<embed",
        r"<form",
        r"<base",
        r"<meta",
        r"<style",
        r"<img",
        r"\sstyle\s*=",
        r"\son\w+\s*=",
        r"javascript:",
        r"vbscript:",
        r"data:",
    ]
]


@pytest.fixture
def issuer(db):
    return StructureFactory()


def post_item(client, issuer, **fields):
    data = news_item_post([issuer], **publishing_fields(Status.DRAFT), **fields)
    return client.post(ADD_URL, data)


def test_there_are_enough_payloads():
    assert len(XSS_PAYLOADS) >= 25


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_through_the_admin_form_is_stored_clean(client, publisher, issuer, payload):
    client.force_login(publisher)
    response = post_item(client, issuer, body=f"<p>Before</p>{payload}<p>After</p>")
    assert response.status_code == 302
    body = NewsItem.objects.get().body
    for banned in BANNED:
        assert not banned.search(body), (payload, body)
    assert "Before" in body and "After" in body


def test_kept_markup_survives(client, publisher, issuer):
    client.force_login(publisher)
    html = (
        "<h2>Heading</h2><p><strong>Bold</strong> and <em>italic</em> "
        '<a href="https://www.osce.org/">link</a></p><ul><li>one</li></ul>'
        "<ol><li>two</li></ol><blockquote><p>quote</p></blockquote>"
    )
    post_item(client, issuer, body=html)
    body = NewsItem.objects.get().body
    for fragment in ["<h2>Heading</h2>", "<strong>Bold</strong>", "<em>italic</em>", "<ul>"]:
        assert fragment in body
    assert 'href="https://www.osce.org/"' in body
    assert "<blockquote><p>quote</p></blockquote>" in body


def test_body_over_the_size_limit_is_a_form_error(client, publisher, issuer):
    client.force_login(publisher)
    body = "<p>" + "x" * (richtext.MAX_HTML_BYTES + 1) + "</p>"
    response = post_item(client, issuer, body=body)
    assert response.status_code == 200
    assert "too long" in str(response.context["adminform"].form.errors["body_en"])
    assert not NewsItem.objects.exists()


def test_body_nested_too_deeply_is_a_form_error(client, publisher, issuer):
    client.force_login(publisher)
    depth = richtext.MAX_NESTING_DEPTH + 5
    body = "<blockquote>" * depth + "deep" + "</blockquote>" * depth
    response = post_item(client, issuer, body=body)
    assert response.status_code == 200
    assert "nested too deeply" in str(response.context["adminform"].form.errors["body_en"])
    assert not NewsItem.objects.exists()


def test_meeting_description_is_sanitised_and_limited(client, publisher):
    client.force_login(publisher)
    series = MeetingTypeFactory()
    data = {
        "title_en": "Ministerial Council",
        "slug": "ministerial-council",
        "meeting_type": str(series.pk),
        "start_date": "2025-12-04",
        "end_date": "2025-12-05",
        "place_en": "Vienna",
        "description_en": '<p onclick="x()">Agenda</p><script>alert(1)</script>',
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        **publishing_fields(Status.DRAFT),
    }
    url = reverse("admin:news_meeting_add")
    assert client.post(url, data).status_code == 302
    assert Meeting.objects.get().description == "<p>Agenda</p>"
    too_big = {**data, "slug": "other", "description_en": "x" * (richtext.MAX_HTML_BYTES + 1)}
    assert client.post(url, too_big).status_code == 200
    assert Meeting.objects.count() == 1


def test_control_characters_are_stripped_from_every_text_field(client, publisher, issuer):
    client.force_login(publisher)
    response = post_item(
        client,
        issuer,
        title="Tit\x00le\x07 with\x1f controls",
        teaser="Tea\x0bser\x0c",
        body="<p>Bo\x00dy\x1b</p>",
        image_caption="Cap\x08tion",
    )
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.title == "Title with controls"
    assert item.teaser == "Teaser"
    assert item.body == "<p>Body</p>"
    assert item.image_caption == "Caption"


def test_control_characters_in_taxonomy_and_inline_forms(client, publisher):
    client.force_login(publisher)
    data = {
        "name_en": "Ne\x00w Country",
        "slug": "new-country",
        "iso_code": "",
        "status": "participating",
        "joined_on": "",
        "description_en": "De\x01scription",
        "aliases-TOTAL_FORMS": "1",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "aliases-0-name": "Old\x00 name",
    }
    response = client.post(reverse("admin:countries_country_add"), data)
    assert response.status_code == 302
    from countries.models import Country

    country = Country.objects.get(slug="new-country")
    assert (country.name, country.description) == ("New Country", "Description")
    assert list(country.aliases.values_list("name", flat=True)) == ["Old name"]


def test_search_with_control_characters_does_not_fail(client, publisher):
    client.force_login(publisher)
    url = reverse("admin:news_newsitem_changelist")
    assert client.get(url, {"q": "bor\x00der"}).status_code == 200
    autocomplete = reverse("admin:autocomplete")
    params = {
        "term": "se\x00c",
        "app_label": "news",
        "model_name": "newsitemissuer",
        "field_name": "structure",
    }
    assert client.get(autocomplete, params).status_code == 200
