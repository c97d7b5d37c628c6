"""A news item as a card (news.cards): what a visitor reads in every list of news."""

import pytest
from django.utils import translation

from news.cards import card_html
from news.selectors import load_cards
from search.backends import START, STOP, Highlight, _marked
from tests.factories import NewsItemFactory, StructureFactory
from tests.news.test_renditions import with_image

pytestmark = pytest.mark.django_db


def card_of(item, heading="h3"):
    (loaded,) = load_cards([item.pk])
    loaded.highlight = getattr(item, "highlight", None)
    return card_html(loaded, heading)


def test_a_card_links_the_title_and_shows_date_lead_issuer_type_and_teaser():
    first = StructureFactory(name="Secretariat")
    second = StructureFactory(name="ODIHR")
    item = NewsItemFactory(
        title="Border police trained", teaser="Forty officers.", issued_by=[first, second]
    )
    html = card_of(item)
    assert '<h3 class="news-card__title"><a href="/news/' + item.slug + '/">' in html
    assert "Border police trained</a></h3>" in html
    assert '<time datetime="2024-05-01">1 May 2024</time>' in html
    assert '<span class="visually-hidden">Issued by </span>Secretariat</span>' in html
    assert "ODIHR" not in html
    assert '<span class="news-card__type">News</span>' in html
    assert '<p class="news-card__teaser">Forty officers.</p>' in html
    assert "news-card--no-image" in html and "<picture>" not in html


def test_every_text_is_escaped():
    issuer = StructureFactory(name="<b>Unit</b> & co")
    item = NewsItemFactory(
        title='<script>alert("t")</script>', teaser="<i>t</i>", issued_by=[issuer]
    )
    html = card_of(item)
    assert "<script>" not in html and "<i>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in html
    assert "&lt;i&gt;t&lt;/i&gt;" in html
    assert "&lt;b&gt;Unit&lt;/b&gt; &amp; co" in html


def test_a_search_highlight_replaces_title_and_teaser_and_keeps_its_marks():
    item = NewsItemFactory(title="Border police trained", teaser="Forty officers.")
    start, stop = START, STOP
    item.highlight = Highlight(
        _marked(f"{start}Border{stop} <police>"), _marked(f"… the {start}border{stop} …")
    )
    html = card_of(item)
    assert "<mark>Border</mark> &lt;police&gt;</a>" in html
    assert '<p class="news-card__teaser news-card__snippet">… the <mark>border</mark> …</p>' in html
    assert "Forty officers." not in html


def test_the_heading_level_is_the_callers():
    assert '<h2 class="news-card__title">' in card_of(NewsItemFactory(), heading="h2")


def test_an_item_without_issuer_or_teaser_leaves_them_out():
    html = card_of(NewsItemFactory(teaser=""))
    assert "news-card__issuer" not in html and "news-card__teaser" not in html


def test_an_item_with_renditions_shows_its_picture():
    html = card_of(with_image())
    assert "news-card--no-image" not in html
    assert "<picture>" in html and 'alt="Officers at a training session"' in html
    assert 'loading="lazy"' in html


def test_the_card_is_written_in_the_active_language():
    item = NewsItemFactory(title="Police", title_ru="Полиция", in_language_ru=True)
    with translation.override("ru"):
        html = card_of(item)
    assert "Полиция</a>" in html and "/ru/news/" in html
    assert "1 мая 2024 г." in html and "Новости" in html


def test_an_item_without_a_picture_shows_the_branded_picture_in_the_same_slot():
    html = card_of(NewsItemFactory())
    assert (
        '<div class="news-card__media news-card__media--fallback">'
        '<img src="/static/img/news-fallback.svg" alt="" width="320" height="180"'
    ) in html


def test_the_lead_card_loads_its_picture_at_once_at_a_larger_size():
    item = with_image()
    lead, card = card_of_lead(item), card_of(item)
    assert 'class="card news-card news-card--lead"' in lead
    assert 'fetchpriority="high"' in lead and 'loading="lazy"' not in lead
    assert 'sizes="(min-width: 60em) 46rem, 100vw"' in lead
    assert "news-card--lead" not in card and 'loading="lazy"' in card


def card_of_lead(item):
    (loaded,) = load_cards([item.pk])
    return card_html(loaded, "h3", lead=True)
