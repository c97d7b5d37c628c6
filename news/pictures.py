"""An item's image as a responsive <picture> of its renditions: the context of
`includes/picture.html`, for the `{% picture %}` tag and for the cards written in Python.

Everything comes from `NewsItem.image_renditions`, so rendering a listing touches neither the
storage nor Pillow. An item whose renditions are missing shows no picture rather than the
full-size upload. Files not yet public are linked through the image view
(news.media_privacy.file_url), which shows them to editors previewing the item.
"""

from functools import partial

from news.media_privacy import file_url
from news.renditions import picture_sources

# How wide each slot is drawn, for the browser to choose a width from `srcset`.
SIZES = {
    "card": "(min-width: 40em) 24rem, 100vw",
    "hero": "(min-width: 56em) 52rem, 100vw",
}


def picture(item, slot, eager=False, caption=False, sizes=None):
    """`eager` for a picture above the fold; `caption` wraps it in a <figure> with the
    item's caption and credit."""
    renditions = getattr(item, "image_renditions", None)
    sources = picture_sources(renditions, slot, partial(file_url, item)) if item else None
    return {
        "sources": sources,
        "alt": getattr(item, "image_alt", ""),
        "caption": getattr(item, "image_caption", "") if caption else "",
        "credit": getattr(item, "image_credit", "") if caption else "",
        "with_figure": caption,
        "sizes": sizes or SIZES.get(slot, "100vw"),
        "eager": eager,
        "slot": slot,
    }
