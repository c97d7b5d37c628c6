"""`{% picture item "card" %}`: an item's image as a responsive <picture> of its renditions."""

from django import template

from news.pictures import picture

register = template.Library()
register.inclusion_tag("includes/picture.html", name="picture")(picture)
