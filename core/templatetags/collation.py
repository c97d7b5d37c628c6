"""`{{ records|by_name }}`: records in the order of their names in the page's language."""

from operator import attrgetter

from django import template

from core.collation import collated

register = template.Library()


@register.filter
def by_name(records):
    """A database orders names by code point ("Österreich" after "Zypern"); see core.collation."""
    return collated(records, name=attrgetter("name"))
