"""A URL of ours in another language (core.languages.url_in), as the switcher, the hreflang
alternates and the translation notice link it. Answers are remembered per path, so they
must stay right for every query string and follow a change of the URL settings."""

import pytest
from django.test import override_settings

from core import languages
from core.languages import path_in, url_in


def test_a_page_keeps_its_path_query_and_fragment():
    assert url_in("/news/?country=serbia&page=2#top", "ru") == "/ru/news/?country=serbia&page=2#top"
    assert url_in("/ru/news/?country=serbia", "en") == "/news/?country=serbia"
    assert url_in("https://www.example.org/de/meetings/", "fr") == (
        "https://www.example.org/fr/meetings/"
    )


def test_the_same_path_with_another_query_keeps_that_query():
    assert url_in("/news/?q=police", "de") == "/de/news/?q=police"
    assert url_in("/news/?q=media", "de") == "/de/news/?q=media"


def test_a_url_that_is_no_page_of_ours_leads_to_that_languages_home():
    # Deeper than any simple page (pages.paths): no pattern of the site matches it.
    assert url_in("/no/such/page/at/all/?x=1", "ru") == "/ru/"
    assert (
        url_in("https://www.example.org/ru/nothing/at/all/x/", "en") == "https://www.example.org/"
    )


def test_the_memory_is_bounded():
    assert path_in.cache_info().maxsize is not None


@pytest.mark.parametrize("setting", ["LANGUAGES", "LANGUAGE_CODE", "ROOT_URLCONF"])
def test_a_change_of_the_url_settings_forgets_every_answer(setting, settings):
    url_in("/news/", "ru")
    assert path_in.cache_info().currsize
    with override_settings(**{setting: getattr(settings, setting)}):
        assert path_in.cache_info().currsize == 0
    assert languages.home_path.cache_info().currsize == 0
