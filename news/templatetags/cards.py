"""`{% news_card item "h3" %}`: a news item as a card (`news.cards.card_html`);
`{% news_card item "h2" lead=True %}` the home page's lead story."""

from django import template

from news.cards import card_html

register = template.Library()


@register.simple_tag
def news_card(item, heading, lead=False):
    return card_html(item, heading, lead=lead)
