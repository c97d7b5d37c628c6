"""Soft hyphens in long words of displayed titles (core.hyphenation), never in stored text,
feeds, JSON, `<title>` or meta tags."""

import pytest

from core.hyphenation import SOFT_HYPHEN, soft_hyphenated, soft_hyphenated_html
from tests.factories import NewsItemFactory, StructureFactory

GERMAN = "Sonderbeobachtungsmission berichtet über Sicherheitsüberprüfungskonferenzen"


def test_long_words_get_soft_hyphens_at_the_languages_hyphenation_points():
    result = soft_hyphenated(GERMAN, "de")
    assert "Son\xadder\xadbe\xadob\xadach\xadtungs\xadmis\xadsion" in result
    assert "Sicher\xadheits\xadüber\xadprü\xadfungs" in result
    assert result.replace(SOFT_HYPHEN, "") == GERMAN
    # Words of twelve letters or fewer stay whole.
    assert " berichtet über " in result


def test_short_titles_and_unknown_languages_are_unchanged():
    assert soft_hyphenated("Mission to Serbia", "en") == "Mission to Serbia"
    assert soft_hyphenated(GERMAN, "xx") == GERMAN
    assert SOFT_HYPHEN in soft_hyphenated("Правоохранительными органами", "ru")


def test_in_html_only_the_text_between_tags_changes():
    html = '<mark class="verylongclassname-highlighting">Grenzschutzbeamtenausbildung</mark>'
    result = soft_hyphenated_html(html, "de")
    assert result.startswith('<mark class="verylongclassname-highlighting">')
    assert SOFT_HYPHEN in result
    assert result.replace(SOFT_HYPHEN, "") == html


@pytest.mark.django_db
def test_only_the_displayed_title_carries_them(client):
    title = "Grenzschutzbeamtenausbildung abgeschlossen"
    item = NewsItemFactory(
        title_en=title,
        title_de=title,
        in_language_de=True,
        issued_by=[StructureFactory()],
    )
    item.refresh_from_db()
    assert SOFT_HYPHEN not in item.title_de
    page = client.get(f"/de{item.get_absolute_url()}").text
    assert '<h1 class="news-item__title">Grenz\xadschutz\xadbe\xadam\xadten' in page
    head = page.split("</head>")[0]
    assert SOFT_HYPHEN not in head  # <title>, description, og:title, JSON-LD
    listing = client.get("/de/news/").text
    assert 'class="news-card__title"><a href="' in listing
    assert ">Grenz\xadschutz" in listing
    for url in ("/de/news/feed/", "/de/api/v1/news/", f"/de/api/v1/news/{item.slug}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert title in response.content.decode(), url
        assert SOFT_HYPHEN not in response.content.decode(), url
