"""The media library's focal point picker (static/admin_osce/focal_point.js): a publisher clicks
the part of a picture that must stay in view, the fields take the fractions of where the click
landed, and after the save the cards of the items using the image are cut around it.

The list of the library shows small copies of the pictures, not the originals.

The image is site_data's own (`_focal_item`): red on its left half, blue on its right, wider
than a card, so the colour of the public card tells where it was cut."""

import io
import re
import urllib.request
from urllib.parse import urljoin

from PIL import Image

from .conftest import MESSAGES
from .test_editor_journey import log_in

# Where the publisher clicks, as fractions of the picture's width and height: on the red half.
CLICK = (0.1, 0.4)
# The fields hold three decimals; a click lands on a whole pixel of a scaled-down picture.
TOLERANCE = 0.01


def card_image(page, title):
    """The JPEG fallback URL of the card of the item titled `title` on the news listing."""
    page.goto("/news/?q=Quillwort")
    card = page.locator(".news-card", has=page.get_by_role("link", name=title))
    return card.locator(".news-card__media img").get_attribute("src")


def quarters(site, url):
    """The colours a quarter of the way in from the card's left and right edges."""
    with urllib.request.urlopen(urljoin(site.url, url), timeout=10) as response:
        picture = Image.open(io.BytesIO(response.read())).convert("RGB")
    middle = picture.height // 2
    return picture.getpixel((picture.width // 4, middle)), picture.getpixel(
        (picture.width * 3 // 4, middle)
    )


def is_red(colour):
    return colour[0] > 180 and colour[2] < 80


def is_blue(colour):
    return colour[2] > 180 and colour[0] < 80


def test_clicking_the_picture_sets_the_focal_point_and_recuts_the_cards(new_page, site):
    title = site.data["focal_item_title"]
    before = card_image(new_page(), title)
    assert before, "the item's card shows no picture"
    left, right = quarters(site, before)
    assert is_red(left) and is_blue(right), "cut from the middle: half of each"

    publisher = new_page()
    log_in(publisher, "publisher")
    change = f"/admin/media_library/image/{site.data['library_image_id']}/change/"
    publisher.goto(change)
    picture = publisher.locator(".focal-point-image")
    picture.scroll_into_view_if_needed()
    publisher.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * CLICK[0], "y": box["height"] * CLICK[1]})

    x = float(publisher.locator("#id_focal_x").input_value())
    y = float(publisher.locator("#id_focal_y").input_value())
    assert abs(x - CLICK[0]) < TOLERANCE and abs(y - CLICK[1]) < TOLERANCE, (x, y)
    mark = publisher.locator(".focal-point-mark")
    assert mark.is_visible()

    publisher.get_by_role("button", name="Save and continue editing").click()
    publisher.wait_for_url(re.compile(r"/admin/media_library/image/\d+/change/"))
    assert "was changed successfully" in publisher.locator(MESSAGES).inner_text()
    assert float(publisher.locator("#id_focal_x").input_value()) == x
    assert float(publisher.locator("#id_focal_y").input_value()) == y

    # A visitor who has not been here yet: the first one's browser keeps the listing for as
    # long as its Cache-Control lets it.
    after = card_image(new_page(), title)
    assert after != before
    assert f"-f{round(x * 1000):04d}x{round(y * 1000):04d}." in after
    left, right = quarters(site, after)
    assert is_red(left) and is_red(right), "cut around the red half"


def test_the_library_list_loads_small_thumbnails(new_page, site):
    publisher = new_page()
    log_in(publisher, "publisher")
    publisher.goto("/admin/media_library/image/")
    thumb = publisher.locator(
        f'img.library-thumb[src$="/{site.data["library_image_id"]}/thumbnail/"]'
    )
    publisher.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle()
    )
    assert thumb.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [160, 40]
