"""The Host header is the client's to choose: it never decides an absolute URL, a host not
listed gets 400, and the login's `next` never leaves the site."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory, NewsItemFactory, StructureFactory

pytestmark = pytest.mark.django_db

SITE = "https://www.example.org"
# Listed in the test settings' ALLOWED_HOSTS: Django accepts it, so only our code can keep it
# out of absolute URLs.
SPOOFED = "localhost"


@pytest.fixture
def content(db):
    structure = StructureFactory(name="Secretariat", slug="secretariat")
    return {
        "news": NewsItemFactory(slug="host-news", issued_by=[structure]),
        "meeting": MeetingFactory(slug="host-meeting"),
    }


@pytest.mark.parametrize("host", ["evil.example", "www.example.org.evil.example", "[::2]"])
def test_unlisted_host_gets_400(client, host):
    assert client.get("/", HTTP_HOST=host).status_code == 400
    assert client.get("/news/feed/", HTTP_HOST=host).status_code == 400


def absolute_urls(text):
    return re.findall(r"(?:https?:)?//[^\s\"'<>]+", text)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/news/",
        "/news/host-news/",
        "/meetings/host-meeting/",
        "/about/contacts/",
        "/news/feed/",
        "/news/feed/?type=news",
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/robots.txt",
    ],
)
def test_absolute_urls_come_from_site_url_never_from_the_host(client, content, path):
    response = client.get(path, HTTP_HOST=SPOOFED, HTTP_X_FORWARDED_HOST="evil.example")
    assert response.status_code == 200
    text = response.content.decode()
    assert SPOOFED not in text
    assert "evil.example" not in text
    # Our own URLs (share links to other sites carry ours in their query, checked above).
    ours = [url for url in absolute_urls(text) if "example.org" in urlsplit(url).netloc]
    assert ours, "the response names the site somewhere"
    for url in ours:
        assert url.startswith(SITE), url


def test_site_sends_no_mail_whose_links_could_come_from_the_host():
    """The only e-mail Django could build from a Host is the password reset; the site does
    not route it, so no e-mail link can be poisoned through the Host header."""
    from django.urls import NoReverseMatch

    for name in ("password_reset", "admin_password_reset"):
        with pytest.raises(NoReverseMatch):
            reverse(name)


LOGIN_URL = reverse("admin:login")
OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "https:evil.example",
    "http://localhost.evil.example/",
    " https://evil.example/",
    "javascript:alert(1)",
]


@pytest.mark.parametrize("next_url", OFF_SITE)
def test_login_never_redirects_off_site(client, publisher, next_url):
    response = client.post(
        f"{LOGIN_URL}?next={next_url}",
        {
            "username": "publisher",
            "password": "correct horse battery staple",
            "next": next_url,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize("next_url", OFF_SITE)
def test_signed_in_login_page_never_redirects_off_site(client, publisher, next_url):
    client.force_login(publisher)
    response = client.get(LOGIN_URL, {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_login_keeps_an_on_site_next(client, publisher):
    target = reverse("admin:news_newsitem_changelist")
    response = client.post(
        LOGIN_URL,
        {"username": "publisher", "password": "correct horse battery staple", "next": target},
    )
    assert response["Location"] == target


@pytest.mark.parametrize("next_url", OFF_SITE[:3])
def test_logout_never_redirects_off_site(client, publisher, next_url):
    client.force_login(publisher)
    response = client.post(reverse("admin:logout"), {"next": next_url})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert "evil.example" not in response["Location"]
