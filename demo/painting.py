"""Painting the demo's photograph-like scenes with Pillow (demo.images stores them).

A scene is built as a photograph is seen: a sky with clouds, layers that grow paler and softer
with distance, dark shapes in front, then the camera's marks — a little blur, a vignette and
film grain — so that at card size they read as photographs, not flat shapes. Every shape comes
from a `Random` seeded by the caller (only the fine grain is Pillow's own noise).
"""

import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

IMAGE_SIZE = (1600, 900)
# Painted at half size and enlarged, as a photograph's soft detail; the grain is added after.
PAINT_SIZE = (800, 450)
# Skies: (top, horizon) by light.
SKIES = {
    "day": ((58, 110, 170), (196, 214, 230)),
    "dusk": ((34, 42, 86), (236, 150, 96)),
}


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _vertical(size, top, bottom, start=0.0, end=1.0):
    """A vertical gradient from `top` (at `start` of the height) to `bottom` (at `end`)."""
    width, height = size
    mask = Image.linear_gradient("L").resize((1, 256))
    band = Image.new("L", (1, height), 0)
    top_px, bottom_px = int(start * height), max(int(end * height), int(start * height) + 1)
    band.paste(mask.resize((1, bottom_px - top_px)), (0, top_px))
    band.paste(255, (0, bottom_px, 1, height))
    band = band.resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), band)


def _noise(size, rng, scale, sigma=64, stretch=1):
    """Soft noise drawn from `rng`: coarse random values enlarged smoothly (clouds, ripples),
    `stretch` times wider than tall."""
    width, height = size
    small = (max(2, width // (scale * stretch)), max(2, height // scale))
    noise = Image.new("L", small)
    values = (rng.gauss(128, sigma) for _ in range(small[0] * small[1]))
    noise.putdata([max(0, min(255, round(value))) for value in values])
    return noise.resize(size, Image.Resampling.BICUBIC)


def _sky(size, light, rng):
    """A graded sky with soft clouds, flatter and thinner towards the horizon."""
    width, height = size
    top, horizon = SKIES[light]
    sky = _vertical(size, top, horizon, 0.0, 0.62)
    clouds = Image.new("L", size, 0)
    for scale, weight in ((45, 0.65), (15, 0.35)):
        octave = _noise(size, rng, scale, 70, stretch=3)
        clouds = Image.blend(clouds, octave, weight) if clouds.getbbox() else octave
    clouds = clouds.filter(ImageFilter.GaussianBlur(8))
    # Only the brighter part of the noise becomes cloud, thinning towards the horizon.
    clouds = clouds.point(lambda v: max(0, min(255, (v - 128) * 4)))
    fade = _vertical(size, (230, 230, 230), (0, 0, 0), 0.0, 0.6).convert("L")
    clouds = ImageChops.multiply(clouds, fade).filter(ImageFilter.GaussianBlur(3))
    colour = (246, 246, 244) if light == "day" else (246, 184, 150)
    return Image.composite(Image.new("RGB", size, colour), sky, clouds.point(lambda v: v * 0.75))


def _glow(image, centre, radius, colour, strength):
    """A light source's bloom (the sun, a lamp): a disc blurred to nothing at its edge."""
    layer = Image.new("L", image.size, 0)
    x, y, r = centre[0], centre[1], radius // 2
    ImageDraw.Draw(layer).ellipse((x - r, y - r, x + r, y + r), fill=round(255 * strength))
    layer = layer.filter(ImageFilter.GaussianBlur(radius / 3))
    return Image.composite(Image.new("RGB", image.size, colour), image, layer)


def _ridge(rng, width, base, roughness, steps=48):
    """A skyline of hills: a random walk of heights, smoothed."""
    points, height = [], base
    for step in range(steps + 1):
        height += rng.uniform(-roughness, roughness)
        height = min(max(height, base - roughness * 4), base + roughness * 3)
        points.append((round(step * width / steps), round(height)))
    return points


def _layer(image, polygon, colour, blur=0.0):
    """A flat shape laid over `image`, softened by distance (`blur`)."""
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).polygon(polygon, fill=255)
    if blur:
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
    return Image.composite(Image.new("RGB", image.size, colour), image, mask)


def _people(draw, rng, width, y, size, colour, count, jitter=0.35):
    """A row of people seen from behind: heads over shoulders."""
    x = rng.uniform(-size, 0)
    while x < width + size and count:
        head = size * rng.uniform(0.8, 1.1)
        cx, top = x, y + rng.uniform(-jitter, jitter) * size
        draw.ellipse((cx - head / 2, top - head, cx + head / 2, top), fill=colour)
        shoulders = head * rng.uniform(1.9, 2.4)
        draw.rounded_rectangle(
            (cx - shoulders / 2, top - head * 0.15, cx + shoulders / 2, top + head * 3),
            radius=round(head * 0.6),
            fill=colour,
        )
        x += shoulders * rng.uniform(0.75, 1.05)
        count -= 1


def _city(size, light, rng):
    width, height = size
    image = _sky(size, light, rng)
    horizon = round(height * 0.68)
    if light == "dusk":
        image = _glow(image, (round(width * 0.7), horizon - 10), 220, (255, 190, 120), 0.55)
    if light == "day":
        far, near = (150, 162, 180), (62, 72, 88)
    else:
        far, near = (120, 96, 120), (30, 30, 46)
    for colour, low, high, blur, step in (
        (far, 0.25, 0.45, 1.6, (14, 34)),
        (near, 0.15, 0.58, 0.6, (22, 60)),
    ):
        layer = Image.new("L", size, 0)
        draw = ImageDraw.Draw(layer)
        windows = []
        x = rng.randint(-20, 0)
        while x < width:
            w = rng.randint(*step)
            h = round(height * rng.uniform(low, high) * (1.5 if rng.random() < 0.08 else 1))
            draw.rectangle((x, horizon - h, x + w, horizon), fill=255)
            if colour is near:
                windows.append((x, horizon - h, w, h))
            x += w + rng.randint(0, 4)
        image = Image.composite(
            Image.new("RGB", size, colour), image, layer.filter(ImageFilter.GaussianBlur(blur))
        )
        draw = ImageDraw.Draw(image)
        lit = (255, 214, 140) if light == "dusk" else (150, 170, 190)
        for x0, y0, w, _h in windows:
            for wy in range(y0 + 5, horizon - 4, 7):
                for wx in range(x0 + 3, x0 + w - 3, 6):
                    if rng.random() < (0.35 if light == "dusk" else 0.2):
                        draw.rectangle((wx, wy, wx + 2, wy + 3), fill=lit)
    # The river: the scene above, mirrored, darker, blurred and broken into ripples.
    reflection = image.crop((0, horizon - (height - horizon), width, horizon))
    reflection = reflection.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    reflection = reflection.filter(ImageFilter.GaussianBlur(3)).point(lambda v: round(v * 0.7))
    ripples = _noise((width, height - horizon), rng, 4, 70).resize((width // 40, height - horizon))
    ripples = ripples.resize((width, height - horizon)).convert("RGB")
    reflection = ImageChops.add(reflection, ripples, 1.0, -128)
    image.paste(reflection, (0, horizon))
    ImageDraw.Draw(image).rectangle((0, horizon, width, horizon + 2), fill=near)
    return image


def _mountains(size, light, rng):
    width, height = size
    image = _sky(size, light, rng)
    sun = (round(width * rng.uniform(0.2, 0.8)), round(height * 0.42))
    image = _glow(image, sun, 260, (255, 236, 200) if light == "day" else (255, 170, 110), 0.6)
    haze = SKIES[light][1]
    dark = (44, 62, 70) if light == "day" else (36, 30, 52)
    layers = 5
    for index in range(layers):
        depth = index / (layers - 1)  # 0 far, 1 near
        colour = _mix(haze, dark, 0.25 + 0.75 * depth)
        base = height * (0.45 + 0.1 * index)
        ridge = _ridge(rng, width, base, 6 + 6 * index)
        image = _layer(image, [*ridge, (width, height), (0, height)], colour, 2.5 * (1 - depth))
    meadow = (70, 98, 52) if light == "day" else (40, 44, 40)
    foreground = _ridge(rng, width, height * 0.9, 4)
    image = _layer(image, [*foreground, (width, height), (0, height)], meadow, 0.8)
    return image


def _hall(size, light, rng):
    width, height = size
    warm = light == "dusk"
    wall_top, wall_low = ((44, 40, 46), (96, 82, 70)) if warm else ((40, 52, 70), (110, 124, 140))
    image = _vertical(size, wall_top, wall_low, 0.0, 0.7)
    draw = ImageDraw.Draw(image)
    # Ceiling lights, out of focus.
    for _ in range(14):
        x, y, r = rng.randrange(width), rng.randrange(height // 5), rng.randint(6, 16)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 236, 200))
    image = image.filter(ImageFilter.GaussianBlur(4))
    # The screen and its glow, flags beside it, the podium table.
    screen = (round(width * 0.36), round(height * 0.16), round(width * 0.7), round(height * 0.42))
    image = _glow(image, ((screen[0] + screen[2]) // 2, (screen[1] + screen[3]) // 2), 260,
                  (200, 220, 255), 0.35)  # fmt: skip
    draw = ImageDraw.Draw(image)
    draw.rectangle(screen, fill=(214, 228, 246))
    draw.rectangle((screen[0] + 16, screen[1] + 16, screen[2] - 16, screen[1] + 40),
                   fill=(40, 80, 140))  # fmt: skip
    flag_colours = [(200, 40, 50), (30, 70, 160), (250, 250, 250), (30, 130, 70), (240, 190, 40)]
    for index in range(7):
        x = round(width * 0.08) + index * 22
        draw.rectangle((x, round(height * 0.2), x + 14, round(height * 0.48)),
                       fill=rng.choice(flag_colours))  # fmt: skip
        draw.line((x, round(height * 0.18), x, round(height * 0.56)), fill=(180, 170, 150), width=2)
    table_y = round(height * 0.5)
    draw.rectangle((round(width * 0.2), table_y, round(width * 0.86), table_y + 26),
                   fill=(120, 84, 60))  # fmt: skip
    _people(draw, rng, round(width * 0.86), table_y, 11, (50, 44, 48), 12)
    image = image.filter(ImageFilter.GaussianBlur(1.4))
    # Rows of delegates in front, nearer and larger, the nearest out of focus.
    for row, (y, size_px, blur) in enumerate(((0.66, 17, 1.0), (0.8, 24, 1.6), (0.96, 34, 2.6))):
        layer = Image.new("L", size, 0)
        _people(ImageDraw.Draw(layer), rng, width, round(height * y), size_px, 255, 60)
        shade = _mix((18, 18, 22), wall_low, 0.15 * (2 - row))
        image = Image.composite(
            Image.new("RGB", size, shade), image, layer.filter(ImageFilter.GaussianBlur(blur))
        )
    return image


def _square(size, light, rng):
    width, height = size
    image = _sky(size, light, rng)
    stone = (214, 204, 184) if light == "day" else (176, 146, 132)
    shadow = _mix(stone, (40, 40, 50), 0.45)
    left, right = round(width * 0.12), round(width * 0.88)
    roof, base = round(height * 0.3), round(height * 0.72)
    draw = ImageDraw.Draw(image)
    draw.polygon([(left - 10, roof), (width // 2, round(height * 0.14)), (right + 10, roof)],
                 fill=_mix(stone, shadow, 0.2))  # fmt: skip
    draw.rectangle((left - 10, roof, right + 10, roof + 18), fill=stone)
    draw.rectangle((left, roof + 18, right, base), fill=shadow)
    columns = 10
    for index in range(columns):
        x = left + 12 + index * (right - left - 40) / (columns - 1)
        draw.rectangle((x, roof + 18, x + 20, base), fill=stone)
        draw.rectangle((x + 14, roof + 18, x + 20, base), fill=_mix(stone, shadow, 0.5))
    draw.rectangle((left - 30, base, right + 30, base + 12), fill=stone)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    paving = _vertical((width, height - base - 12), _mix(stone, shadow, 0.5), (90, 86, 84))
    image.paste(paving, (0, base + 12))
    clothes = [(40, 50, 70), (90, 40, 40), (50, 60, 50), (30, 30, 34), (120, 110, 90)]
    for y, size_px, blur in ((0.8, 10, 0.8), (0.9, 15, 1.0), (1.02, 24, 1.8)):
        layer = Image.new("RGB", size, 0)
        mask = Image.new("L", size, 0)
        _people(ImageDraw.Draw(mask), rng, width, round(height * y), size_px, 255, 90, 0.8)
        colours = Image.new("RGB", (width // 8, 1))
        colours.putdata([rng.choice(clothes) for _ in range(width // 8)])
        layer = colours.resize(size, Image.Resampling.NEAREST)
        image = Image.composite(layer, image, mask.filter(ImageFilter.GaussianBlur(blur)))
    return image


def _fields(size, light, rng):
    width, height = size
    image = _sky(size, light, rng)
    horizon = round(height * 0.55)
    trees = (70, 90, 70) if light == "day" else (50, 46, 56)
    layer = Image.new("L", size, 0)
    draw = ImageDraw.Draw(layer)
    x = 0
    while x < width:
        r = rng.randint(8, 22)
        draw.ellipse((x - r, horizon - r * 2, x + r, horizon + 2), fill=255)
        x += rng.randint(6, 30) if rng.random() < 0.8 else rng.randint(60, 140)
    image = Image.composite(
        Image.new("RGB", size, trees), image, layer.filter(ImageFilter.GaussianBlur(1.5))
    )
    crops = [(150, 170, 80), (200, 170, 90)] if light == "day" else [(150, 110, 70), (96, 84, 60)]
    ground = _vertical((width, height - horizon), _mix(crops[0], trees, 0.3), crops[1], 0, 1)
    draw = ImageDraw.Draw(ground)
    vanish = (round(width * rng.uniform(0.3, 0.7)), 0)
    for index in range(-30, 31):
        bottom = (vanish[0] + index * 50, height - horizon)
        draw.line((vanish, bottom), fill=_mix(crops[1], trees, 0.45), width=2)
    ground = ground.filter(ImageFilter.GaussianBlur(0.8))
    image.paste(ground, (0, horizon))
    return image


def _lake(size, light, rng):
    width, height = size
    image = _sky(size, light, rng)
    horizon = round(height * 0.58)
    sun_x = round(width * rng.uniform(0.3, 0.7))
    image = _glow(image, (sun_x, horizon - 40), 200,
                  (255, 244, 220) if light == "day" else (255, 168, 100), 0.6)  # fmt: skip
    hills = (96, 120, 130) if light == "day" else (70, 56, 84)
    for index, colour in enumerate((_mix(hills, SKIES[light][1], 0.4), hills)):
        ridge = _ridge(rng, width, horizon - 30 + index * 18, 5)
        image = _layer(image, [*ridge, (width, horizon), (0, horizon)], colour, 1.6 - index)
    water_top = _mix(SKIES[light][1], hills, 0.4)
    water = _vertical((width, height - horizon), water_top, _mix(SKIES[light][0], (0, 0, 0), 0.3))
    ripples = _noise((width, height - horizon), rng, 3, 60).resize((width // 50, height // 3))
    water = ImageChops.add(water, ripples.resize(water.size).convert("RGB"), 1.0, -128)
    draw = ImageDraw.Draw(water)
    for y in range(0, height - horizon, 3):
        spread = 20 + y * 0.6
        x = sun_x + rng.uniform(-spread, spread)
        glint = (255, 240, 210) if light == "day" else (255, 190, 130)
        draw.line((x - rng.randint(4, 30), y, x + rng.randint(4, 30), y), fill=glint, width=1)
    water = water.filter(ImageFilter.GaussianBlur(0.8))
    image.paste(water, (0, horizon))
    # A reed bank in the near corner.
    layer = Image.new("L", size, 0)
    draw = ImageDraw.Draw(layer)
    for _ in range(160):
        x = rng.uniform(0, width * 0.3)
        top = height - rng.uniform(20, 120) * (1 - x / (width * 0.4))
        draw.line((x, height, x + rng.uniform(-8, 8), top), fill=255, width=2)
    reeds = (40, 52, 36) if light == "day" else (24, 22, 28)
    return Image.composite(
        Image.new("RGB", size, reeds), image, layer.filter(ImageFilter.GaussianBlur(1.2))
    )


PAINTERS = {
    "city": _city,
    "mountains": _mountains,
    "hall": _hall,
    "square": _square,
    "fields": _fields,
    "lake": _lake,
}


def _camera(image, rng):
    """What a camera adds: a soft lens, a vignette and film grain (at full size)."""
    image = image.filter(ImageFilter.GaussianBlur(0.7)).resize(IMAGE_SIZE, Image.Resampling.LANCZOS)
    vignette = Image.radial_gradient("L").resize(IMAGE_SIZE)
    vignette = vignette.point(lambda v: max(0, min(255, round((v - 140) * 0.9))))
    image = Image.composite(image.point(lambda v: round(v * 0.72)), image, vignette)
    grain = Image.effect_noise(IMAGE_SIZE, 12).convert("RGB")
    return ImageChops.add(image, grain, 1.0, -128)


def paint(scene, light, seed):
    """A picture of `scene` in `light` ("day", "dusk"), at IMAGE_SIZE; `seed` decides every
    shape."""
    rng = random.Random(seed)
    return _camera(PAINTERS[scene](PAINT_SIZE, light, rng), rng)
