"""Photos as cameras and phones write them: GPS, a serial number, XMP, IPTC, comments, a
colour profile with a device's name. Each carries a marker string, so a test can look for it
in the raw bytes of whatever the site stores."""

import io
import struct

from PIL import ExifTags, Image, ImageCms, PngImagePlugin

MARKERS = {
    "camera model": "CAMERA-MODEL-MARKER",
    "serial number": "SERIAL-4711-MARKER",
    "maker note": "MAKERNOTE-MARKER",
    "GPS": "GPS-DATUM-MARKER",
    "XMP": "XMP-CITY-MARKER",
    "comment": "COMMENT-MARKER",
    "IPTC": "IPTC-BYLINE-MARKER",
    "colour profile": "ICC-DEVICE-MARKER",
}
# The uploaded file's name, as a phone or an editor names it: nothing of it may be stored.
UPLOAD_STEM = "IMG_4711 informant Zurab"
UPLOAD_WORDS = ("img", "4711", "informant", "zurab")
# What identifies a metadata block in a file, whatever it holds.
METADATA_SIGNATURES = (
    b"Exif\x00\x00",  # JPEG APP1 EXIF
    b"http://ns.adobe.com/xap/1.0/",  # JPEG APP1 XMP
    b"XML:com.adobe.xmp",  # PNG iTXt XMP
    b"Photoshop 3.0",  # JPEG APP13 IPTC
    b"eXIf",  # PNG EXIF chunk
    b"tEXt",
    b"iTXt",
    b"zTXt",
)

XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    f'photoshop:City="{MARKERS["XMP"]}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def camera_exif(orientation=None):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "MakerCo"
    exif[ExifTags.Base.Model] = MARKERS["camera model"]
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.BodySerialNumber] = MARKERS["serial number"]
    details[ExifTags.Base.MakerNote] = MARKERS["maker note"].encode()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 12.0, 30.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (16.0, 22.0, 5.0)
    gps[ExifTags.GPS.GPSMapDatum] = MARKERS["GPS"]
    return exif


def _icc_tag_table(profile):
    count = struct.unpack(">I", profile[128:132])[0]
    tags = []
    for index in range(count):
        signature, offset, size = struct.unpack(
            ">4sII", profile[132 + 12 * index : 144 + 12 * index]
        )
        tags.append((signature, profile[offset : offset + size]))
    return tags


def _icc_from_tags(header, tags):
    data, table, position = b"", b"", 128 + 4 + 12 * len(tags)
    for signature, content in tags:
        table += struct.pack(">4sII", signature, position + len(data), len(content))
        data += content + b"\x00" * (-len(content) % 4)
    body = struct.pack(">I", len(tags)) + table + data
    return struct.pack(">I", 128 + len(body)) + header[4:128] + body


def icc_tags(profile):
    """{signature: data} of an ICC profile's tags."""
    return dict(_icc_tag_table(profile))


def device_profile(space="sRGB"):
    """A working colour profile that also names the device it was measured on (as calibrated
    monitors' and cameras' profiles do), in a tag and in its header."""
    if space == "CMYK":
        # lcms builds no CMYK profile from nothing; an RGB profile's colour tags and a CMYK
        # header are enough for Pillow, which does not interpret the profile.
        base = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        base = base[:16] + b"CMYK" + base[20:]
    else:
        base = ImageCms.ImageCmsProfile(ImageCms.createProfile(space)).tobytes()
    marker = MARKERS["colour profile"].encode()
    text = b"text\x00\x00\x00\x00" + marker + b"\x00"
    tags = [(sig, content) for sig, content in _icc_tag_table(base) if sig != b"cprt"]
    tags += [(b"cprt", text), (b"dmdd", text), (b"targ", text)]
    header = bytearray(base[:128])
    header[48:56] = marker[:8]  # device manufacturer and model
    return _icc_from_tags(bytes(header), tags)


def _with_iptc(jpeg):
    """The JPEG with an APP13 Photoshop/IPTC segment (By-line) right after SOI."""
    byline = MARKERS["IPTC"].encode()
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(byline)) + byline
    iptc += b"\x00" * (len(iptc) % 2)
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def tagged_jpeg(size=(1200, 900), mode="RGB", orientation=None, colour=(180, 40, 40)):
    buffer = io.BytesIO()
    if mode == "CMYK" and len(colour) == 3:
        colour = (10, 200, 180, 20)
    Image.new(mode, size, colour).save(
        buffer,
        "JPEG",
        quality=90,
        exif=camera_exif(orientation),
        xmp=XMP.encode(),
        comment=MARKERS["comment"].encode(),
        icc_profile=device_profile("CMYK" if mode == "CMYK" else "sRGB"),
    )
    return _with_iptc(buffer.getvalue())


def tagged_png(size=(1200, 900), mode="RGBA", orientation=None):
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP, zip=False)
    info.add_text("Comment", MARKERS["comment"])
    info.add_text("Author", MARKERS["IPTC"])
    buffer = io.BytesIO()
    Image.new(mode, size, (40, 90, 180, 200) if mode == "RGBA" else (40, 90, 180)).save(
        buffer,
        "PNG",
        pnginfo=info,
        exif=camera_exif(orientation),
        icc_profile=device_profile(),
    )
    return buffer.getvalue()


def markers_in(content):
    """The markers found in `content`, as ASCII or UTF-16 (as ICC and XMP may hold text)."""
    found = []
    for what, marker in MARKERS.items():
        for encoding in ("ascii", "utf-16-be", "utf-16-le"):
            if marker.encode(encoding) in content:
                found.append(what)
                break
    return found


def metadata_seen_by_pillow(content):
    """What Pillow itself reads from the file beyond pixels and colour: [] when clean."""
    found = []
    with Image.open(io.BytesIO(content)) as image:
        exif = image.getexif()
        if len(exif):
            found.append(f"EXIF {dict(exif)}")
        for ifd in (ExifTags.IFD.Exif, ExifTags.IFD.GPSInfo, ExifTags.IFD.MakerNote):
            if exif.get_ifd(ifd):
                found.append(f"EXIF IFD {ifd!r}")
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "Comment"):
            if key in image.info:
                found.append(key)
        found.extend(key for key in getattr(image, "text", {}) or {})
        applist = getattr(image, "applist", [])
        found.extend(
            f"{marker} {content[:16]!r}"
            for marker, content in applist
            if marker not in ("APP0", "APP2", "APP14")
        )
    return found


def profile_of(content):
    """The embedded ICC profile (decompressed, as PNG stores it zipped), or None."""
    with Image.open(io.BytesIO(content)) as image:
        return image.info.get("icc_profile")
