"""The demo pictures: twelve abstract images painted once, with alt text and captions in
every language, so a fifth of the items can show one without shipping binary files."""

import io
import random
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFilter

from demo.languages import OTHER_LANGUAGES, per_language
from news.renditions import build_renditions

IMAGE_SIZE = (1600, 900)

# Muted palettes: (description, background from, background to, shape colours).
PALETTES = (
    ("teal and sand", (38, 84, 92), (214, 196, 160), ((232, 220, 196), (92, 140, 140))),
    ("slate blue and stone", (52, 62, 92), (176, 180, 188), ((220, 214, 200), (98, 118, 160))),
    ("olive and cream", (86, 96, 62), (232, 224, 200), ((170, 160, 110), (246, 240, 226))),
    ("dusty rose and grey", (128, 96, 102), (206, 204, 206), ((232, 200, 196), (110, 104, 118))),
    ("ochre and charcoal", (58, 58, 62), (200, 156, 80), ((226, 196, 130), (96, 92, 90))),
    ("sage and mist", (112, 138, 118), (224, 230, 226), ((168, 190, 170), (244, 246, 244))),
    ("navy and copper", (30, 44, 72), (170, 110, 78), ((206, 150, 112), (70, 90, 128))),
    ("lavender and pearl", (104, 98, 138), (226, 224, 234), ((180, 172, 210), (246, 244, 248))),
    ("pine and birch", (34, 70, 58), (210, 206, 190), ((120, 150, 128), (236, 232, 220))),
    ("terracotta and linen", (150, 84, 62), (236, 226, 210), ((210, 150, 120), (250, 244, 234))),
    ("steel and ice", (70, 90, 106), (210, 224, 232), ((150, 176, 196), (240, 246, 250))),
    ("plum and wheat", (84, 52, 76), (222, 204, 164), ((170, 120, 150), (240, 228, 200))),
)  # fmt: skip
SHAPES = ("circles", "diagonal bands", "overlapping rounded panels")
# The palettes' and shapes' names in other languages, as the alt text and caption use them
# (Russian: adjectives before "тонах"; German: the first half of "...tönen").
PALETTE_NAMES = (
    ("bleu canard et sable", "Petrol- und Sandtönen", "verde petrolio e sabbia",
     "бирюзовых и песочных", "verde azulado y arena"),
    ("bleu ardoise et pierre", "Schieferblau- und Steintönen", "blu ardesia e pietra",
     "сине-серых и каменных", "azul pizarra y piedra"),
    ("olive et crème", "Oliv- und Cremetönen", "verde oliva e crema", "оливковых и кремовых",
     "oliva y crema"),
    ("vieux rose et gris", "Altrosa- und Grautönen", "rosa antico e grigio",
     "пыльно-розовых и серых", "rosa palo y gris"),
    ("ocre et anthracite", "Ocker- und Anthrazittönen", "ocra e antracite",
     "охристых и угольных", "ocre y carbón"),
    ("vert sauge et brume", "Salbei- und Nebeltönen", "verde salvia e bruma",
     "шалфейных и дымчатых", "verde salvia y bruma"),
    ("bleu marine et cuivre", "Marineblau- und Kupfertönen", "blu navy e rame",
     "темно-синих и медных", "azul marino y cobre"),
    ("lavande et nacre", "Lavendel- und Perlmutttönen", "lavanda e perla",
     "лавандовых и жемчужных", "lavanda y perla"),
    ("vert pin et bouleau", "Kiefern- und Birkentönen", "verde pino e betulla",
     "хвойно-зеленых и березовых", "verde pino y abedul"),
    ("terre cuite et lin", "Terrakotta- und Leinentönen", "terracotta e lino",
     "терракотовых и льняных", "terracota y lino"),
    ("acier et glace", "Stahl- und Eistönen", "acciaio e ghiaccio", "стальных и ледяных",
     "acero y hielo"),
    ("prune et blé", "Pflaumen- und Weizentönen", "prugna e grano", "сливовых и пшеничных",
     "ciruela y trigo"),
)  # fmt: skip
PALETTE_NAMES = tuple(per_language(*names) for names in PALETTE_NAMES)
SHAPE_NAMES = {
    "circles": per_language(
        "cercles estompés",
        "weiche Kreise",
        "cerchi sfumati",
        "мягкие круги",
        "círculos difuminados",
    ),
    "diagonal bands": per_language(
        "bandes diagonales estompées",
        "weiche diagonale Bänder",
        "fasce diagonali sfumate",
        "мягкие диагональные полосы",
        "franjas diagonales difuminadas",
    ),
    "overlapping rounded panels": per_language(
        "panneaux arrondis superposés",
        "weiche, einander überlappende abgerundete Flächen",
        "pannelli arrotondati sovrapposti e sfumati",
        "мягкие перекрывающиеся скругленные панели",
        "paneles redondeados superpuestos y difuminados",
    ),
}
IMAGE_TEXTS = per_language(
    ("Illustration abstraite : {shape} dans des tons {colours}.",
     "Illustration dans des tons {colours}."),
    ("Abstrakte Illustration: {shape} in {colours}.", "Illustration in {colours}."),
    ("Illustrazione astratta: {shape} in tonalità {colours}.",
     "Illustrazione in tonalità {colours}."),
    ("Абстрактная иллюстрация: {shape} в {colours} тонах.", "Иллюстрация в {colours} тонах."),
    ("Ilustración abstracta: {shape} en tonos {colours}.", "Ilustración en tonos {colours}."),
)  # fmt: skip


@dataclass(frozen=True)
class DemoImage:
    name: str
    alt: dict  # language -> text
    caption: dict
    credit: str
    renditions: dict

    def fields(self, languages):
        """Model fields for an item in `languages` showing this image. Passed to the
        constructor, where the image field does not open the file to measure it (assigning it
        later would)."""
        fields = {
            "image": self.name,
            "image_width": IMAGE_SIZE[0],
            "image_height": IMAGE_SIZE[1],
            "image_credit": self.credit,
            "image_renditions": self.renditions,
        }
        for language in languages:
            fields[f"image_alt_{language}"] = self.alt[language]
            fields[f"image_caption_{language}"] = self.caption[language]
        return fields


def _paint(number, palette):
    """An abstract picture: a two-colour gradient under soft translucent shapes."""
    rng = random.Random(f"demo-image-{number}")
    _, start, end, colours = palette
    size = (800, 450)
    mask = Image.linear_gradient("L").rotate(rng.randrange(360), expand=True)
    side = mask.width // 2
    mask = mask.crop((side // 2, side // 2, side // 2 + side, side // 2 + side)).resize(size)
    picture = Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)
    picture = picture.convert("RGBA")
    shape = SHAPES[number % len(SHAPES)]
    for index in range(rng.randint(5, 8)):
        layer = Image.new("RGBA", size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        colour = (*colours[index % len(colours)], rng.randint(60, 130))
        x, y = rng.randrange(-100, size[0]), rng.randrange(-100, size[1])
        extent = rng.randint(80, 320)
        if shape == "circles":
            draw.ellipse((x, y, x + extent, y + extent), fill=colour)
        elif shape == "diagonal bands":
            draw.polygon([(x, -10), (x + extent // 2, -10), (x - 200, size[1] + 10),
                          (x - 200 - extent // 2, size[1] + 10)], fill=colour)  # fmt: skip
        else:
            draw.rounded_rectangle((x, y, x + extent * 1.4, y + extent), radius=28, fill=colour)
        picture = Image.alpha_composite(picture, layer)
    picture = picture.convert("RGB").filter(ImageFilter.GaussianBlur(1.2))
    return picture.resize(IMAGE_SIZE, Image.Resampling.LANCZOS)


def demo_images(storage=None):
    """The twelve demo pictures, painted and stored once (reused when already stored), with
    their renditions."""
    storage = storage or default_storage
    images = []
    for number, palette in enumerate(PALETTES, start=1):
        name = f"demo/abstract-{number:02d}.jpg"
        if not storage.exists(name):
            buffer = io.BytesIO()
            _paint(number, palette).save(buffer, "JPEG", quality=85, optimize=True)
            name = storage.save(name, ContentFile(buffer.getvalue()))
        description, shape = palette[0], SHAPES[number % len(SHAPES)]
        alt = {"en": f"Abstract illustration: soft {shape} in {description} tones."}
        caption = {"en": f"Illustration in {description}."}
        for language in OTHER_LANGUAGES:
            alt_text, caption_text = IMAGE_TEXTS[language]
            words = {
                "shape": SHAPE_NAMES[shape][language],
                "colours": PALETTE_NAMES[number - 1][language],
            }
            alt[language] = alt_text.format(**words)
            caption[language] = caption_text.format(**words)
        images.append(
            DemoImage(
                name=name,
                alt=alt,
                caption=caption,
                credit="Demo image generated by osce_site",
                # Stored public, unlike uploads (news.media_privacy): abstract pictures that
                # published items share, shown from the public storage to every visitor.
                renditions={**build_renditions(name, storage), "public": True},
            )
        )
    return images
