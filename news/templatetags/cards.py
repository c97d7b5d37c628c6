"""`{% news_card item "h3" %}`: a news item as a card (`news.cards.card_html`)."""

from django import template

from news.cards import card_html

register = template.Library()


@register.simple_tag
def news_card(item, heading):
    return card_html(item, heading)
