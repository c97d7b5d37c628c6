"""Small things a visitor (or a crawler) meets: the meetings' canonical URL, /favicon.ico,
the search page's shortcuts heading and the `./run serve` port."""

import subprocess
from pathlib import Path

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@override_settings(SITE_URL="https://www.example.org")
def test_meetings_canonical_url_has_no_empty_query(client):
    html = client.get("/meetings/").content.decode()
    assert '<link rel="canonical" href="https://www.example.org/meetings/">' in html


def test_favicon_ico_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.ico")
    assert (ROOT / "static" / "img" / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [
        ("", "Pages matching your search"),
        ("/fr", "Pages correspondant à votre recherche"),
        ("/ru", "Страницы по вашему запросу"),
    ],
)
def test_search_shortcuts_are_not_called_spelling_suggestions(client, taxonomy, prefix, heading):
    html = client.get(f"{prefix}/search/?q=odihr").content.decode()
    assert f'<h2 id="shortcuts-heading">{heading}</h2>' in html
    assert "Did you mean" not in html


@pytest.mark.parametrize("port", ["abc", "0", "70000"])
def test_run_serve_refuses_what_is_not_a_port_before_setting_anything_up(port):
    result = subprocess.run(
        [str(ROOT / "run"), "serve", port], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    assert f"Not a port number: {port}" in result.stderr
