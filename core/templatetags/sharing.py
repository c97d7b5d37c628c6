"""Share links as plain URLs to each network's own share page: no script, widget or embed of
theirs in our pages, and nothing sent to them unless the reader clicks."""

from urllib.parse import urlencode

from django import template

register = template.Library()


def share_urls(url, title):
    """(name, URL) per network; the e-mail link is named by the template (translated)."""
    return [
        ("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
    ]


@register.inclusion_tag("includes/share_links.html")
def share_links(url, title):
    return {
        "email": "mailto:?" + urlencode({"subject": title, "body": url}).replace("+", "%20"),
        "networks": share_urls(url, title),
    }
