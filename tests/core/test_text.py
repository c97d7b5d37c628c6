"""What editors type is cleaned before it is stored, whatever path it arrives by."""

import pytest

from core.publishing import Status
from core.text import HIGHLIGHT_START, HIGHLIGHT_STOP, strip_control_characters
from news.models import NewsItem
from search.backends import highlights
from search.query import parse_query
from tests.factories import NewsItemFactory


def test_control_characters_and_highlight_markers_are_removed():
    typed = f"Border{HIGHLIGHT_START} police\x00 training{HIGHLIGHT_STOP}\tin Vienna\n"
    assert strip_control_characters(typed) == "Border police training\tin Vienna\n"


@pytest.mark.django_db
def test_markers_typed_into_an_item_never_open_a_highlight():
    """A title holding the private-use marker that opens a search highlight once rendered
    a <mark> that never closed, swallowing the rest of the card."""
    item = NewsItemFactory(
        title=f"Border {HIGHLIGHT_START}police training",
        teaser=f"Officers {HIGHLIGHT_STOP}met.",
        body=f"<p>Police {HIGHLIGHT_START}training</p>",
        status=Status.PUBLISHED,
    )
    item.refresh_from_db()
    assert HIGHLIGHT_START not in item.title + item.teaser + item.body
    assert HIGHLIGHT_STOP not in item.teaser
    shown = highlights(NewsItem, [item.pk], parse_query("training"))[item.pk]
    assert str(shown.title).count("<mark>") == str(shown.title).count("</mark>") == 1
